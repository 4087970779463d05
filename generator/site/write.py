"""Write generated pages into `briefs/`, never over a hand edit: Markdown text in, files out.

Each brief's last generated text is kept in `briefs/.generated/` (committed with the briefs, so a
fresh clone knows it too). A brief that differs from that text was edited by hand: the new
generation is merged into it three ways instead of replacing it.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import BinaryIO

from generator.site.conflicts import CONFLICT_TITLE, Conflict
from generator.site.merge import merge_brief

TEMPORARY_SUFFIX = ".tmp"


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


def write_atomically(path: Path, text: str | bytes) -> bool:
    """Write text (UTF-8) or bytes to path through a temporary file and a rename.

    Return False, writing nothing, when the file already holds exactly those bytes.
    """
    data = text.encode("utf-8") if isinstance(text, str) else text
    if path.exists() and path.read_bytes() == data:
        return False
    with replacing(path, durable=True) as stream:
        stream.write(data)
    return True


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


def write_brief(path: Path, base_path: Path, generated: str, force: bool = False) -> WriteResult:
    """Write a freshly generated brief, merging it with any hand edits; return what happened."""
    result, brief_text, base_text = plan_brief(path, base_path, generated, force)
    if brief_text is not None:
        write_atomically(path, brief_text)
    if base_text is not None:
        write_atomically(base_path, base_text)
    return result
