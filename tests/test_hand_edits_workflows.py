"""Hand edits over an analyst's working week (issue #23), end to end through `briefs build`.

Each test replays one sequence an analyst meets: a conflict left for later, an article changed
and reverted, an article changed twice. The conflict lives in the brief file itself, so the
checks see it whatever the cache holds.
"""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from generator.build.pipeline import build_briefs
from generator.cli import main
from generator.settings import Settings
from generator.site.write import WriteOutcome
from tests.seed_build import PROJECT
from tests.test_hand_edits import ARTICLE, BRIEF

MARKER = '??? note "Regenerated text'
FACT = "- Dutch officials said the backlog of ships would clear within a week.\n"
ANALYST_FACT = "- Dutch officials said the backlog should clear within a week, officials hope.\n"


@pytest.fixture
def settings(tmp_path):
    content = tmp_path / "content"
    content.mkdir()
    (content / "ports.md").write_text(ARTICLE, encoding="utf-8")
    settings = Settings(content, tmp_path / "briefs", PROJECT / "templates")
    assert not build_briefs(settings).errors
    return settings


def brief(settings) -> str:
    return (settings.briefs_dir / BRIEF).read_text(encoding="utf-8")


def edit_brief(settings, old: str, new: str) -> None:
    text = brief(settings)
    assert old in text, old
    (settings.briefs_dir / BRIEF).write_text(text.replace(old, new, 1), encoding="utf-8")


def write_article(settings, clear_within: str) -> None:
    """The article, with the backlog clearing 'within <clear_within>'."""
    (settings.content_dir / "ports.md").write_text(
        ARTICLE.replace("within a week", f"within {clear_within}"), encoding="utf-8"
    )


def cli(settings, command: str, *flags: str):
    paths = ["--content", str(settings.content_dir), "--briefs", str(settings.briefs_dir)]
    if command == "build":
        paths += ["--templates", str(settings.templates_dir)]
        # No site_url: the project's mkdocs.yml would change the feed.
        paths += ["--config-file", str(settings.briefs_dir.parent / "no-mkdocs.yml")]
    return CliRunner().invoke(main, [command, *paths, *flags])


def line_of(text: str, start: str) -> int:
    """The 1-based number of the first line of text that starts with start."""
    return next(n for n, line in enumerate(text.split("\n"), 1) if line.startswith(start))


def blocks(text: str) -> int:
    return text.count(MARKER)


def without_blocks(text: str) -> str:
    """The brief once a reviewer deleted its blocks: each from the blank line before its
    marker to its last indented line."""
    lines, kept = text.split("\n"), []
    inside = False
    for line in lines:
        if line.startswith(MARKER):
            inside = True
            if kept and not kept[-1]:
                kept.pop()
            continue
        if inside and (not line or line.startswith("    ")):
            continue
        inside = False
        kept.append(line)
    return "\n".join(kept)


def conflict_in_key_facts(settings) -> None:
    """The analyst rewords a key fact, then the article changes that fact: a conflict."""
    edit_brief(settings, FACT, ANALYST_FACT)
    write_article(settings, "ten days")
    assert build_briefs(settings).results[BRIEF].outcome is WriteOutcome.CONFLICT


def test_a_conflict_left_in_a_brief_fails_build_check_with_or_without_the_cache(settings):
    conflict_in_key_facts(settings)
    quiet_rebuild = cli(settings, "build")
    assert quiet_rebuild.exit_code == 0
    block_line = line_of(brief(settings), MARKER)
    waiting = (
        f"awaiting review: {settings.briefs_dir / BRIEF}:{block_line}: Key facts: "
        'a "Regenerated text" block'
    )
    # The plain build says more than "kept hand edits": the block still awaits a reviewer.
    assert waiting in quiet_rebuild.stderr
    for flags in ((), ("--no-cache",)):
        checked = cli(settings, "build", "--check", *flags)
        assert checked.exit_code == 1, flags
        assert waiting in checked.stderr, flags
        assert "0 pages stale; 1 awaiting review; 0 errors" in checked.stdout, flags


def test_briefs_check_reports_every_regenerated_text_block_by_file_and_line(settings):
    conflict_in_key_facts(settings)
    assert cli(settings, "build").exit_code == 0
    block_line = line_of(brief(settings), MARKER)
    result = cli(settings, "check")
    assert result.exit_code == 1
    assert result.stderr == (
        f'error: briefs/{BRIEF}:{block_line}: Key facts: a "Regenerated text" block awaits '
        "review: keep the wording you want and delete the block\n"
    )
    # Settled: the reviewer keeps their wording and deletes the block.
    (settings.briefs_dir / BRIEF).write_text(without_blocks(brief(settings)), encoding="utf-8")
    assert cli(settings, "check").exit_code == 0
    assert cli(settings, "build", "--check").exit_code == 0
    assert ANALYST_FACT in brief(settings)


def test_reverting_the_article_leaves_the_analysts_fact_once_and_no_block(settings):
    conflict_in_key_facts(settings)
    write_article(settings, "a week")
    report = build_briefs(settings)
    text = brief(settings)
    # The generator came back to the text the analyst edited: their edit applies cleanly.
    assert report.results[BRIEF].outcome is WriteOutcome.MERGED
    assert text.count(ANALYST_FACT) == 1
    assert FACT not in text and "within ten days" not in text
    assert blocks(text) == 0
    assert cli(settings, "check").exit_code == 0


def test_conflict_messages_name_the_section_and_the_line(settings):
    edit_brief(settings, FACT, ANALYST_FACT)
    edit_brief(settings, "**Role:** Harbour master", "**Role:** harbour master of Rotterdam")
    write_article(settings, "ten days")
    (settings.content_dir / "ports.md").write_text(
        (settings.content_dir / "ports.md")
        .read_text(encoding="utf-8")
        .replace("Harbour master Jan", "Port director Jan"),
        encoding="utf-8",
    )
    result = cli(settings, "build")
    text = brief(settings)
    path = settings.briefs_dir / BRIEF
    fact_line = line_of(text, ANALYST_FACT.strip())
    role_line = line_of(text, "    **Role:** harbour master of Rotterdam")
    assert f"conflict: {path}: Key facts, line {fact_line}: your text was kept\n" in result.stderr
    assert f"conflict: {path}: Actors, line {role_line}: your text was kept\n" in result.stderr


def test_a_second_article_change_replaces_the_block_instead_of_stacking_another(settings):
    conflict_in_key_facts(settings)
    write_article(settings, "two weeks")
    build_briefs(settings)
    text = brief(settings)
    assert blocks(text) == 1
    assert "    " + FACT.replace("a week", "two weeks") in text
    # What the analyst edited is still the text they started from, not the first regeneration.
    assert "    " + FACT in text
    assert "within ten days" not in text
    assert text.count(ANALYST_FACT) == 1


def test_the_block_goes_away_when_the_generator_writes_the_analysts_text(settings):
    ten_days = FACT.replace("a week", "ten days")
    edit_brief(settings, FACT, ten_days)
    write_article(settings, "two weeks")
    assert build_briefs(settings).results[BRIEF].outcome is WriteOutcome.CONFLICT
    write_article(settings, "ten days")
    build_briefs(settings)
    text = brief(settings)
    assert text.count(ten_days) == 1 and blocks(text) == 0
    assert "two weeks" not in text
