"""Files in a folder, listed quickly, and the digests of their bytes kept from build to build.

A rebuild of 10,000 articles reads every file to learn that one changed. A file whose size, times
and inode are those recorded when its digest was taken has not been written since (every write
moves its change time, which no tool can set back), so its digest is taken from the record.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from dataclasses import dataclass, field
from pathlib import Path

from generator.site.write import write_atomically

DIGESTS_FORMAT = "briefs-file-digests 1"
RACY_SECONDS = 2.0
"""A file changed this recently may change again within the same tick of the file system's
clock, unseen by its times: its digest is not kept (git's "racily clean" entries)."""


@dataclass(frozen=True)
class FoundFile:
    """A file under a folder: its path there (with forward slashes) and its status."""

    name: str
    location: str
    """Its whole path, as a string: most files listed are never opened."""
    status: os.stat_result

    @property
    def path(self) -> Path:
        return Path(self.location)


def walk_files(folder: Path, hidden: bool) -> list[FoundFile]:
    """Every file under folder (following no links to folders), by name; hidden: dot files too."""
    found = []
    waiting = [(folder, "")] if folder.is_dir() else []
    while waiting:
        current, prefix = waiting.pop()
        with os.scandir(current) as entries:
            for entry in entries:
                if not hidden and entry.name.startswith("."):
                    continue
                if entry.is_dir(follow_symlinks=False):
                    waiting.append((Path(entry.path), f"{prefix}{entry.name}/"))
                elif entry.is_file():
                    found.append(FoundFile(prefix + entry.name, entry.path, entry.stat()))
    return sorted(found, key=lambda file: file.name)


@dataclass
class FileDigests:
    """The SHA-256 of files' bytes, kept in a file with the status each had when it was read."""

    path: Path | None
    """Where they are kept (None: nowhere, every file is read)."""
    known: dict[str, list[str]] = field(default_factory=dict)
    """File path -> [status signature, digest], as last kept."""
    taken: dict[str, list[str]] = field(default_factory=dict)
    """The same, for the files asked about in this run."""

    @classmethod
    def open(cls, path: Path | None) -> FileDigests:
        known: dict[str, list[str]] = {}
        try:
            if path is not None:
                data = json.loads(path.read_text(encoding="utf-8"))
                if data.get("format") == DIGESTS_FORMAT and isinstance(data["files"], dict):
                    known = data["files"]
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            known = {}
        return cls(path, known)

    def digest(self, file: FoundFile) -> bytes:
        """The SHA-256 of the file's bytes; OSError when it cannot be read."""
        signature = _signature(file.status)
        known = self.taken.get(file.location) or self.known.get(file.location)
        if known is not None and known[0] == signature and signature:
            digest = bytes.fromhex(known[1])
        else:
            digest = hashlib.sha256(file.path.read_bytes()).digest()
        self.taken[file.location] = [signature, digest.hex()]
        return digest

    def save(self) -> None:
        """Keep the digests taken in this run (those of other files are forgotten)."""
        if self.path is not None and self.taken != self.known:
            data = {"format": DIGESTS_FORMAT, "files": self.taken}
            write_atomically(self.path, json.dumps(data, sort_keys=True) + "\n")


def _signature(status: os.stat_result) -> str:
    """Size, modification and change times and inode; empty for a file changed just now."""
    changed = max(status.st_mtime_ns, status.st_ctime_ns) / 1e9
    if time.time() - changed < RACY_SECONDS:
        return ""
    return f"{status.st_size}:{status.st_mtime_ns}:{status.st_ctime_ns}:{status.st_ino}"
