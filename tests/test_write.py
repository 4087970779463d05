"""Writing briefs: atomic, only on change, and hand edits merged, never overwritten."""

from __future__ import annotations

import pytest

from generator.site.check import conflict_blocks
from generator.site.conflicts import Conflict
from generator.site.write import WriteOutcome, write_atomically, write_brief

PAGE_V1 = "---\ntitle: A\n---\n# A\n\n## Key facts\n\n- One.\n- Two.\n\n## Actors\n\n- X\n"
PAGE_V2 = "---\ntitle: A\n---\n# A\n\n## Key facts\n\n- One.\n- Two.\n\n## Actors\n\n- X\n- Y\n"


@pytest.fixture
def paths(tmp_path):
    return tmp_path / "a.md", tmp_path / ".generated" / "a.md"


def outcome(path, base, text, force=False):
    return write_brief(path, base, text, force=force).outcome


def test_write_atomically_reports_change(tmp_path):
    path = tmp_path / "a.md"
    assert write_atomically(path, "one") is True
    assert write_atomically(path, "one") is False
    assert path.read_text() == "one"
    assert [p.name for p in tmp_path.iterdir()] == ["a.md"]


def test_new_then_unchanged_then_updated(paths):
    path, base = paths
    assert outcome(path, base, PAGE_V1) is WriteOutcome.NEW
    assert outcome(path, base, PAGE_V1) is WriteOutcome.UNCHANGED
    assert outcome(path, base, PAGE_V2) is WriteOutcome.UPDATED
    assert path.read_text() == PAGE_V2 == base.read_text()


def test_hand_edit_is_kept_when_the_generator_has_nothing_new(paths):
    path, base = paths
    write_brief(path, base, PAGE_V1)
    path.write_text(PAGE_V1.replace("- Two.\n", ""))
    assert outcome(path, base, PAGE_V1) is WriteOutcome.KEPT_EDITS
    assert "Two" not in path.read_text()


def test_hand_edit_is_merged_with_a_regeneration(paths):
    path, base = paths
    write_brief(path, base, PAGE_V1)
    path.write_text(PAGE_V1.replace("- Two.\n", "- Two, corrected by an analyst.\n"))
    assert outcome(path, base, PAGE_V2) is WriteOutcome.MERGED
    merged = path.read_text()
    assert "- Two, corrected by an analyst.\n" in merged and "- Y\n" in merged
    assert base.read_text() == PAGE_V2


def test_same_place_changed_twice_keeps_the_analyst_and_shows_the_alternative(paths):
    path, base = paths
    write_brief(path, base, PAGE_V1)
    path.write_text(PAGE_V1.replace("- X\n", "- X, the analyst's wording\n"))
    result = write_brief(path, base, PAGE_V1.replace("- X\n", "- X, regenerated\n"))
    assert result.outcome is WriteOutcome.CONFLICT
    assert result.conflicts == (Conflict("Actors", 13),)
    text = path.read_text()
    assert text.split("\n")[12] == "- X, the analyst's wording"
    (block,) = conflict_blocks(text)
    assert block.block is not None and block.block.suggested == ("- X, regenerated\n",)
    assert "<<<<<<<" not in text


def test_file_without_base_is_kept_and_force_overwrites(paths):
    path, base = paths
    path.write_text("written by a person")
    assert outcome(path, base, PAGE_V1) is WriteOutcome.KEPT_EDITS
    assert path.read_text() == "written by a person"
    assert outcome(path, base, PAGE_V1, force=True) is WriteOutcome.UPDATED
    assert path.read_text() == PAGE_V1
