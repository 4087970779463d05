"""Listing files, and keeping the digests of files nobody wrote since they were read."""

from __future__ import annotations

import hashlib
import os
import time

import pytest

import generator.build.files
from generator.build.files import FileDigests, walk_files


def test_walk_lists_files_by_name_and_hidden_ones_only_when_asked(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / ".hidden").mkdir()
    for name in ("z.md", "b/a.txt", ".hidden/x.md", ".dot.md"):
        (tmp_path / name).write_text(name)
    assert [f.name for f in walk_files(tmp_path, hidden=False)] == ["b/a.txt", "z.md"]
    assert [f.name for f in walk_files(tmp_path, hidden=True)] == [
        ".dot.md",
        ".hidden/x.md",
        "b/a.txt",
        "z.md",
    ]
    assert walk_files(tmp_path / "missing", hidden=True) == []


def test_a_file_not_written_since_is_not_read_again(tmp_path, monkeypatch):
    monkeypatch.setattr(generator.build.files, "RACY_SECONDS", 0.0)
    article = tmp_path / "content" / "a.md"
    article.parent.mkdir()
    article.write_text("first text")
    kept = tmp_path / "digests.json"
    digests = FileDigests.open(kept)
    (found,) = walk_files(article.parent, hidden=False)
    assert digests.digest(found) == hashlib.sha256(b"first text").digest()
    digests.save()
    # The kept digest answers without reading: even a file gone since its listing.
    article.unlink()
    assert FileDigests.open(kept).digest(found) == hashlib.sha256(b"first text").digest()


def kept_digest_of(folder, name):
    """Take the digest of one file in folder and keep it; return the file as listed."""
    digests = FileDigests.open(folder / "digests.json")
    (found,) = [f for f in walk_files(folder, hidden=False) if f.name == name]
    digests.digest(found)
    digests.save()
    return found


def test_a_rewrite_that_keeps_size_and_modification_time_is_still_seen(tmp_path, monkeypatch):
    monkeypatch.setattr(generator.build.files, "RACY_SECONDS", 0.0)
    article = tmp_path / "a.md"
    article.write_text("first text")
    kept_digest_of(tmp_path, "a.md")
    time.sleep(0.05)  # the change time moves on the file system's next tick
    status = article.stat()
    article.write_text("other text")  # same size
    os.utime(article, ns=(status.st_atime_ns, status.st_mtime_ns))
    (found,) = [f for f in walk_files(tmp_path, hidden=False) if f.name == "a.md"]
    assert FileDigests.open(tmp_path / "digests.json").digest(found) == (
        hashlib.sha256(b"other text").digest()
    )


def test_a_file_written_just_now_is_always_read(tmp_path):
    article = tmp_path / "a.md"
    article.write_text("first text")
    found = kept_digest_of(tmp_path, "a.md")
    article.unlink()
    # Too recent to trust its times: it is read again, and reading it fails, as it should.
    with pytest.raises(FileNotFoundError):
        FileDigests.open(tmp_path / "digests.json").digest(found)


def test_damaged_digests_count_as_none(tmp_path):
    (tmp_path / "digests.json").write_text("{not json")
    assert FileDigests.open(tmp_path / "digests.json").known == {}
