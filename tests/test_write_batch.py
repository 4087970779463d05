"""Pages written as one batch: in place only when the batch ends, flushed to the disk first,
nothing left behind when it fails or is killed."""

from __future__ import annotations

import pytest

from generator.settings import Settings
from generator.site import write
from generator.site.publish import remove_interrupted_writes
from generator.site.write import FEW_FILES, write_atomically, write_batch


def test_a_batch_puts_its_files_in_place_when_it_ends(tmp_path):
    old = tmp_path / "old.md"
    old.write_text("before")
    with write_batch() as batch:
        assert write_atomically(old, "after", batch) is True
        assert write_atomically(tmp_path / "sub" / "new.md", "new", batch) is True
        assert old.read_text() == "before"
        assert not (tmp_path / "sub" / "new.md").exists()
    assert old.read_text() == "after"
    assert (tmp_path / "sub" / "new.md").read_text() == "new"
    assert sorted(p.name for p in tmp_path.rglob("*")) == ["new.md", "old.md", "sub"]


def test_a_failed_batch_leaves_every_file_as_it_was(tmp_path):
    old = tmp_path / "old.md"
    old.write_text("before")
    with pytest.raises(RuntimeError), write_batch() as batch:
        write_atomically(old, "after", batch)
        raise RuntimeError("the build failed")
    assert old.read_text() == "before"
    assert [p.name for p in tmp_path.iterdir()] == ["old.md"]


def test_many_files_are_flushed_at_once_and_few_one_by_one(tmp_path, monkeypatch):
    flushed: list[int] = []
    fsyncs: list[int] = []
    monkeypatch.setattr(write, "_syncfs", lambda: lambda fd: flushed.append(fd) or 0)
    real_fsync = write.os.fsync
    monkeypatch.setattr(write.os, "fsync", lambda fd: fsyncs.append(fd) or real_fsync(fd))
    for count in (FEW_FILES, FEW_FILES + 1):
        with write_batch() as batch:
            for number in range(count):
                write_atomically(tmp_path / f"{count}" / f"{number}.md", f"{number}", batch)
        assert (tmp_path / f"{count}" / f"{count - 1}.md").read_text() == f"{count - 1}"
    assert len(fsyncs) == FEW_FILES  # the small batch, file by file
    assert len(flushed) == 1  # the large one: its file system once


def test_a_file_system_that_cannot_flush_at_once_flushes_each_file(tmp_path, monkeypatch):
    fsyncs: list[int] = []
    monkeypatch.setattr(write, "_syncfs", lambda: None)
    real_fsync = write.os.fsync
    monkeypatch.setattr(write.os, "fsync", lambda fd: fsyncs.append(fd) or real_fsync(fd))
    with write_batch() as batch:
        for number in range(FEW_FILES + 1):
            write_atomically(tmp_path / f"{number}.md", "x", batch)
    assert len(fsyncs) == FEW_FILES + 1


def test_what_a_killed_batch_staged_is_removed_from_every_folder_it_writes(tmp_path):
    settings = Settings(tmp_path / "content", tmp_path / "briefs", tmp_path / "templates")
    pages = ["brief.md", "actors/someone.md", "months/2024-06.md"]
    for name in pages:
        for folder in (settings.briefs_dir, settings.generated_dir):
            page = folder / name
            page.parent.mkdir(parents=True, exist_ok=True)
            page.write_text("kept")
            (page.parent / f".{page.name}.x1y2.tmp").write_text("half")
    remove_interrupted_writes(settings, pages)
    left = sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*.md*"))
    assert left == sorted(
        f"briefs/{prefix}{name}" for name in pages for prefix in ("", ".generated/")
    )
