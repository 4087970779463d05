"""Name lists made once from the field's data and kept on disk: a file name, what the list is
made from (a key) and how to make it in; the list out, read back by later processes.

Reading GeoNames' towns costs a second or more and much memory in every process (each worker
of a build), so the lists made from them are kept in the user's cache folder under a key of
what they are made from; a list kept under another key is never read again and goes.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Callable
from pathlib import Path


def kept_list(file_pattern: str, key: str, make: Callable[[], dict[str, str]]) -> dict[str, str]:
    """Return the list kept under `key` (`file_pattern` holds "{key}"), or make and keep it."""
    path = cache_home() / file_pattern.format(key=key)
    try:
        kept: dict[str, str] = json.loads(path.read_text(encoding="utf-8"))
        return kept
    except (OSError, ValueError):
        pass
    found = make()
    _keep(path, json.dumps(found, ensure_ascii=False))
    for older in path.parent.glob(file_pattern.format(key="*")):
        if older != path:
            older.unlink(missing_ok=True)  # made by other code or data: never read again
    return found


def cache_home() -> Path:
    """Where the user's programs keep files they can make again (XDG's cache folder)."""
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "briefs"


def _keep(path: Path, text: str) -> None:
    """Write the file whole or not at all (another process may read it meanwhile); a folder
    that cannot be written leaves the list to be made again next time."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
    except OSError:
        return
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as file:
            file.write(text)
        Path(temporary).replace(path)
    except OSError:
        Path(temporary).unlink(missing_ok=True)
