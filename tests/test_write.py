"""Writing briefs: atomic, only on change, and never over a hand edit."""

from __future__ import annotations

from generator.write import WriteOutcome, write_atomically, write_brief


def test_write_atomically_reports_change(tmp_path):
    path = tmp_path / "a.md"
    assert write_atomically(path, "one") is True
    assert write_atomically(path, "one") is False
    assert path.read_text() == "one"
    assert [p.name for p in tmp_path.iterdir()] == ["a.md"]


def test_new_then_unchanged_then_updated(tmp_path):
    path, base = tmp_path / "a.md", tmp_path / ".generated" / "a.md"
    assert write_brief(path, base, "v1") is WriteOutcome.NEW
    assert write_brief(path, base, "v1") is WriteOutcome.UNCHANGED
    assert write_brief(path, base, "v2") is WriteOutcome.UPDATED
    assert path.read_text() == "v2"
    assert base.read_text() == "v2"


def test_hand_edit_is_kept(tmp_path):
    path, base = tmp_path / "a.md", tmp_path / ".generated" / "a.md"
    write_brief(path, base, "v1")
    path.write_text("v1 with an analyst's note")
    assert write_brief(path, base, "v2") is WriteOutcome.KEPT_EDITS
    assert path.read_text() == "v1 with an analyst's note"


def test_file_without_base_is_treated_as_edited(tmp_path):
    path, base = tmp_path / "a.md", tmp_path / ".generated" / "a.md"
    path.write_text("written by a person")
    assert write_brief(path, base, "generated") is WriteOutcome.KEPT_EDITS
    assert path.read_text() == "written by a person"
