"""Hand edits survive regeneration end to end: merge, conflicts, --check, --force, removal."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from generator.build.pipeline import build_briefs
from generator.cli import main
from generator.settings import Settings
from generator.site.check import conflict_blocks
from generator.site.write import WriteOutcome
from tests.seed_build import PROJECT
from tests.strict_site import build_strict_site

ARTICLE = """\
---
title: Ports reopen after the storm
date: 2024-06-19
source: Harbour Herald
---
The port of Rotterdam reopened on Tuesday after a two-day closure caused by the storm.

Dutch officials said the backlog of ships would clear within a week.

Harbour master Jan de Vries said that 40 ships were waiting outside the port on Monday.

The storm also closed the port of Antwerp in Belgium for a day.
"""
BRIEF = "ports-reopen-after-the-storm.md"


@pytest.fixture
def settings(tmp_path):
    content = tmp_path / "content"
    content.mkdir()
    (content / "ports.md").write_text(ARTICLE, encoding="utf-8")
    settings = Settings(content, tmp_path / "briefs", PROJECT / "templates")
    assert not build_briefs(settings).errors
    return settings


def edit(settings, old, new):
    path = settings.briefs_dir / BRIEF
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def change_article(settings, old, new):
    path = settings.content_dir / "ports.md"
    path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")


def brief(settings):
    return (settings.briefs_dir / BRIEF).read_text(encoding="utf-8")


def test_every_kind_of_edit_survives_a_changed_article(settings):
    edit(settings, "title: Ports reopen after the storm", "title: Rotterdam reopens")
    edit(settings, "**Role:** Harbour master", "**Role:** harbour master of Rotterdam")
    edit(settings, "## Timeline\n", "## Timeline\n\nAnalyst note: check the ship count.\n")
    edit(settings, "- The storm also closed the port of Antwerp in Belgium for a day.\n", "")
    edit(settings, "</div>\n", "-   **Port of Rotterdam Authority** · organisation\n\n</div>\n")
    change_article(settings, "within a week", "within ten days")
    report = build_briefs(settings)
    assert report.results[BRIEF].outcome is WriteOutcome.MERGED
    text = brief(settings)
    assert "title: Rotterdam reopens" in text
    assert "**Role:** harbour master of Rotterdam" in text
    assert "Analyst note: check the ship count." in text
    assert "- The storm also closed the port of Antwerp" not in text
    assert "**Port of Rotterdam Authority** · organisation" in text
    assert "would clear within ten days" in text


def test_same_place_edited_keeps_the_analyst_and_still_builds_strictly(settings, tmp_path):
    edit(settings, "would clear within a week.", "would clear within a week, officials hope.")
    change_article(settings, "within a week", "within ten days")
    report = build_briefs(settings)
    result = report.results[BRIEF]
    assert result.outcome is WriteOutcome.CONFLICT
    assert [conflict.section for conflict in result.conflicts] == ["Key facts"]
    text = brief(settings)
    assert "within a week, officials hope." in text and len(conflict_blocks(text)) == 1
    assert "<<<<<<<" not in text
    build_strict_site(tmp_path)
    # The next build is quiet: the reviewer settles the block in their own time.
    assert build_briefs(settings).results[BRIEF].outcome is WriteOutcome.KEPT_EDITS


def run_cli(settings, *flags):
    return CliRunner().invoke(
        main,
        [
            "build",
            "--content",
            str(settings.content_dir),
            "--briefs",
            str(settings.briefs_dir),
            "--templates",
            str(settings.templates_dir),
            # The fixture has no site_url; the project's mkdocs.yml would change its feed.
            "--config-file",
            str(settings.briefs_dir.parent / "no-mkdocs.yml"),
            *flags,
        ],
    )


def test_check_changes_nothing_and_lists_stale_briefs(settings):
    assert run_cli(settings, "--check").exit_code == 0
    change_article(settings, "within a week", "within ten days")
    before = brief(settings)
    result = run_cli(settings, "--check")
    assert result.exit_code == 1
    assert f"stale: {settings.briefs_dir / BRIEF}" in result.stderr
    assert brief(settings) == before


def test_check_reports_a_brief_awaiting_review(settings):
    edit(settings, "would clear within a week.", "would clear soon.")
    change_article(settings, "within a week", "within ten days")
    build_briefs(settings)
    result = run_cli(settings, "--check")
    assert result.exit_code == 1
    assert f"awaiting review: {settings.briefs_dir / BRIEF}:" in result.stderr


def test_force_regenerates_from_scratch(settings):
    edit(settings, "## Timeline\n", "## Timeline\n\nAnalyst note.\n")
    result = run_cli(settings, "--force")
    assert result.exit_code == 0
    assert "Analyst note." not in brief(settings)


def test_removed_article_removes_only_an_unedited_brief(settings):
    (settings.content_dir / "other.md").write_text(
        ARTICLE.replace("Ports reopen after the storm", "Other story"), encoding="utf-8"
    )
    build_briefs(settings)
    edit(settings, "## Timeline\n", "## Timeline\n\nAnalyst note.\n")
    (settings.content_dir / "ports.md").unlink()
    (settings.content_dir / "other.md").unlink()
    report = build_briefs(settings)
    assert report.removed == ["other-story.md"]
    assert report.orphans == [BRIEF]
    assert not (settings.briefs_dir / "other-story.md").exists()
    assert "Analyst note." in brief(settings)
