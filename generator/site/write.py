"""Write generated pages into `briefs/`, never over a hand edit: Markdown text in, files out.

Each brief's last generated text is kept in `briefs/.generated/` (committed with the briefs, so a
fresh clone knows it too). A brief that differs from that text was edited by hand: the new
generation is merged into it three ways instead of replacing it.
"""

from __future__ import annotations

import ctypes
import functools
import os
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from typing import BinaryIO

from generator.site.conflicts import CONFLICT_TITLE, Conflict
from generator.site.merge import merge_brief

TEMPORARY_SUFFIX = ".tmp"
FEW_FILES = 100
"""Up to this many files written together are flushed to the disk one by one; more, with one
flush of their file system, which costs about what a hundred flushes of one file do here (40
files: 0.01 to 0.15 s one by one, 0.01 to 0.2 s at once; 1,000 files: 2 to 3.6 s, 0.4 to 2 s)."""


class WriteOutcome(Enum):
    """What happened to one page."""

    NEW = "new"
    UPDATED = "updated"
    UNCHANGED = "unchanged"
    MERGED = "merged with hand edits"
    KEPT_EDITS = "kept hand edits"
    CONFLICT = "in conflict"


@dataclass(frozen=True)
class WriteResult:
    """The outcome for one brief and, for a conflict, where the analyst's text was kept."""

    outcome: WriteOutcome
    conflicts: tuple[Conflict, ...] = ()


def write_atomically(path: Path, text: str | bytes, batch: WriteBatch | None = None) -> bool:
    """Write text (UTF-8) or bytes to path through a temporary file and a rename; in a batch,
    the rename waits for the batch's end (`WriteBatch`).

    Return False, writing nothing, when the file already holds exactly those bytes.
    """
    data = text.encode("utf-8") if isinstance(text, str) else text
    if path.exists() and path.read_bytes() == data:
        return False
    if batch is not None:
        batch.stage(path, data)
        return True
    with replacing(path, durable=True) as stream:
        stream.write(data)
    return True


@dataclass
class WriteBatch:
    """Files written together: each to a temporary file beside it, then all of them flushed to
    the disk at once, then each renamed over its file.

    The guarantees of `replacing` hold for every file (old or new, never part of one; on the
    disk before it is renamed), but a build of 26,000 pages waits for a few flushes of the file
    system instead of 52,000 flushes of one file each (page and base): at 10,000 articles on
    this machine they were 300 s of a 530 s build.
    """

    staged: list[tuple[Path, Path]] = field(default_factory=list)
    """(temporary file, the file it replaces), in the order written."""

    def stage(self, path: Path, data: bytes) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(
            dir=path.parent, prefix=f".{path.name}.", suffix=TEMPORARY_SUFFIX
        )
        try:
            with os.fdopen(handle, "wb") as stream:
                stream.write(data)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
        self.staged.append((Path(temporary), path))

    def commit(self) -> None:
        """Flush every staged file to the disk, then put each in its place."""
        _flush([temporary for temporary, _ in self.staged])
        for temporary, path in self.staged:
            temporary.replace(path)
        self.staged.clear()

    def discard(self) -> None:
        for temporary, _ in self.staged:
            temporary.unlink(missing_ok=True)
        self.staged.clear()


@contextmanager
def write_batch() -> Iterator[WriteBatch]:
    """A batch whose files are put in place when the block ends, and dropped if it fails."""
    batch = WriteBatch()
    try:
        yield batch
    except BaseException:
        batch.discard()
        raise
    batch.commit()


def _flush(files: list[Path]) -> None:
    """Wait until the bytes of these files are on the disk."""
    syncfs = _syncfs()
    if len(files) > FEW_FILES and syncfs is not None:
        devices = {folder.stat().st_dev: folder for folder in {file.parent for file in files}}
        if all(_sync_file_system(syncfs, folder) for folder in devices.values()):
            return
    for file in files:
        handle = os.open(file, os.O_RDWR)
        try:
            os.fsync(handle)
        finally:
            os.close(handle)


def _sync_file_system(syncfs: Callable[[int], int], folder: Path) -> bool:
    handle = os.open(folder, os.O_RDONLY)
    try:
        return syncfs(handle) == 0
    finally:
        os.close(handle)


@functools.cache
def _syncfs() -> Callable[[int], int] | None:
    """Linux's syncfs(2): flush one file system; None where the C library has none."""
    try:
        return ctypes.CDLL(None, use_errno=True).syncfs
    except (OSError, AttributeError, TypeError):
        return None


@contextmanager
def replacing(path: Path, durable: bool) -> Iterator[BinaryIO]:
    """A stream to a temporary file that replaces path once the block ends without an error.

    Readers see the old file or the new one, never part of one. Durable waits until the bytes
    are on the disk, for files that cannot be made again; a cache need not.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(
        dir=path.parent, prefix=f".{path.name}.", suffix=TEMPORARY_SUFFIX
    )
    try:
        with os.fdopen(handle, "wb") as stream:
            yield stream
            if durable:
                stream.flush()
                os.fsync(stream.fileno())
        Path(temporary).replace(path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def plan_brief(
    path: Path, base_path: Path, generated: str, force: bool = False
) -> tuple[WriteResult, str | None, str | None]:
    """Decide what to do with one brief: (result, text for the brief, text for its base).

    A None text means: leave that file as it is.
    """
    if not path.exists() or force:
        outcome = WriteOutcome.NEW if not path.exists() else WriteOutcome.UPDATED
        return WriteResult(outcome), generated, generated
    current = path.read_text(encoding="utf-8")
    base = base_path.read_text(encoding="utf-8") if base_path.exists() else None
    return plan_text(current, base, generated)


def plan_text(
    current: str, base: str | None, generated: str
) -> tuple[WriteResult, str | None, str | None]:
    """What to do with a brief that exists: `plan_brief` once the files are read."""
    if current == generated:
        return WriteResult(WriteOutcome.UNCHANGED), None, generated
    if base is None:
        # Written by a person, or generated before bases were kept: nothing to merge against.
        return WriteResult(WriteOutcome.KEPT_EDITS), None, None
    if current == base:
        return WriteResult(WriteOutcome.UPDATED), generated, generated
    # A brief with "Regenerated text" blocks is merged even when the generator wrote the same
    # again: a block goes away once the analyst's text is what the generator writes.
    if generated == base and CONFLICT_TITLE not in current:
        return WriteResult(WriteOutcome.KEPT_EDITS), None, None
    merged = merge_brief(base, current, generated)
    if merged.text == current and generated == base:
        return WriteResult(WriteOutcome.KEPT_EDITS), None, None
    outcome = WriteOutcome.CONFLICT if merged.conflicts else WriteOutcome.MERGED
    return WriteResult(outcome, merged.conflicts), merged.text, generated


def write_brief(
    path: Path,
    base_path: Path,
    generated: str,
    force: bool = False,
    batch: WriteBatch | None = None,
) -> WriteResult:
    """Write a freshly generated brief, merging it with any hand edits; return what happened.

    In a batch, the files are in place once the batch ends."""
    result, brief_text, base_text = plan_brief(path, base_path, generated, force)
    if brief_text is not None:
        write_atomically(path, brief_text, batch)
    if base_text is not None:
        write_atomically(base_path, base_text, batch)
    return result
