"""`briefs check`: schema, links and lost articles of the briefs on disk."""

from __future__ import annotations

import pytest

from generator.build.pipeline import build_briefs
from generator.settings import Settings
from generator.site.check import check_briefs
from tests.seed_build import PROJECT
from tests.test_hand_edits import ARTICLE, BRIEF


@pytest.fixture
def settings(tmp_path):
    content = tmp_path / "content"
    content.mkdir()
    (content / "ports.md").write_text(ARTICLE, encoding="utf-8")
    settings = Settings(content, tmp_path / "briefs", PROJECT / "templates")
    assert not build_briefs(settings).errors
    return settings


def test_a_fresh_build_has_no_problems(settings):
    assert check_briefs(settings.briefs_dir, settings.content_dir) == []


def test_problems_are_named_by_file_and_line(settings):
    path = settings.briefs_dir / BRIEF
    text = path.read_text(encoding="utf-8")
    text = text.replace("date: '2024-06-19'", "date: yesterday")
    text = text.replace("## Timeline\n", "## Timeline\n\nSee [the old brief](gone.md).\n")
    path.write_text(text, encoding="utf-8")
    (settings.content_dir / "ports.md").unlink()
    lines = text.split("\n")
    link_line = lines.index("See [the old brief](gone.md).") + 1
    assert check_briefs(settings.briefs_dir, settings.content_dir) == [
        "briefs/ports-reopen-after-the-storm.md:4: front matter 'date': expected a date like "
        "2024-05-01, got 'yesterday'",
        "briefs/ports-reopen-after-the-storm.md: its article content/ports.md is gone",
        f"briefs/ports-reopen-after-the-storm.md:{link_line}: broken link to gone.md",
    ]


def test_escaped_brackets_are_text_not_links(settings):
    path = settings.briefs_dir / BRIEF
    path.write_text(
        path.read_text(encoding="utf-8") + "\nA quote: \\[here\\](javascript:alert(1))\n",
        encoding="utf-8",
    )
    assert check_briefs(settings.briefs_dir, settings.content_dir) == []
