"""Write generated pages into `briefs/`, never over a hand edit: Markdown text in, files out.

Each brief's last generated text is kept in `briefs/.generated/` (committed with the briefs, so a
fresh clone knows it too). A brief that differs from that text was edited by hand and is kept.
"""

from __future__ import annotations

import os
import tempfile
from enum import Enum
from pathlib import Path


class WriteOutcome(Enum):
    """What happened to one page."""

    NEW = "new"
    UPDATED = "updated"
    UNCHANGED = "unchanged"
    KEPT_EDITS = "kept hand edits"


def write_atomically(path: Path, text: str) -> bool:
    """Write text to path through a temporary file and a rename; return False if unchanged."""
    data = text.encode("utf-8")
    if path.exists() and path.read_bytes() == data:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        Path(temporary).replace(path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return True


def write_brief(path: Path, base_path: Path, generated: str) -> WriteOutcome:
    """Write a freshly generated brief unless the current file holds hand edits."""
    if not path.exists():
        write_atomically(path, generated)
        write_atomically(base_path, generated)
        return WriteOutcome.NEW
    current = path.read_text(encoding="utf-8")
    base = base_path.read_text(encoding="utf-8") if base_path.exists() else None
    if current == generated:
        write_atomically(base_path, generated)
        return WriteOutcome.UNCHANGED
    if current != base:
        return WriteOutcome.KEPT_EDITS
    write_atomically(path, generated)
    write_atomically(base_path, generated)
    return WriteOutcome.UPDATED
