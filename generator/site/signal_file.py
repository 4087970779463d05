"""MkDocs' side of `briefs serve`'s signal: rebuild as soon as the signal file is written.

MkDocs' server polls what it watches every half second, so a rebuild waited a quarter of a
second on average after `briefs serve` said its pages were written. inotify (Linux, through
watchdog, MkDocs' own dependency) tells of the write at once. Only a file closed after writing,
or moved into the folder, counts: a write is a few events (created, modified, closed), and
each would start a rebuild of its own; a file opened or read changes nothing. Where there is no
inotify, MkDocs' own poll watches the folder, as before.
"""

from __future__ import annotations

from collections.abc import Callable

from watchdog.events import (
    EVENT_TYPE_CLOSED,
    EVENT_TYPE_MOVED,
    FileSystemEvent,
    FileSystemEventHandler,
)
from watchdog.observers.api import BaseObserver

WRITTEN = (EVENT_TYPE_CLOSED, EVENT_TYPE_MOVED)
"""The events that say a file is written: closed after writing, or moved into place."""


def watch_signal(folder: str, on_signal: Callable[[], None]) -> BaseObserver | None:
    """Call on_signal whenever a file in folder is written, until the observer is stopped;
    None where the system has no inotify."""
    try:
        from watchdog.observers.inotify import InotifyObserver
    except ImportError:
        return None
    observer = InotifyObserver()
    observer.schedule(_Written(on_signal), folder, recursive=False)
    observer.daemon = True
    observer.start()
    return observer


class _Written(FileSystemEventHandler):
    def __init__(self, on_signal: Callable[[], None]) -> None:
        self.on_signal = on_signal

    def on_any_event(self, event: FileSystemEvent) -> None:
        if event.event_type in WRITTEN and not event.is_directory:
            self.on_signal()
