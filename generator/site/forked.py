"""Work shared with a forked helper process: a second core for a pass over many items.

Python runs a process's code on one core. Where a pass does the same independent work for each
of thousands of items (render a page, write it), a helper forked at its start sees the same
objects at once and does part of the items on the machine's other core, sending back what each
gave through a pipe. Where the system cannot fork (Windows, macOS's default), or has one core,
the pass stays in one process.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
from collections.abc import Callable, Sequence
from multiprocessing.connection import Connection
from typing import Any


def can_fork() -> bool:
    """Whether a helper process can be forked here (and there is a core for it)."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return "fork" in multiprocessing.get_all_start_methods() and (cores or 1) > 1


def is_only_thread() -> bool:
    """Whether this process runs no other Python thread: a fork copies only the calling thread,
    so a lock another thread held then (a log handler's, a server's) would stay held in the
    helper for ever. `briefs serve` runs threads; `briefs build` and `mkdocs build` do not."""
    return threading.active_count() == 1


class SharedBatches:
    """The positions 0 .. count-1 handed out in batches to whichever process asks first.

    Made before the fork, so that the build and its helper take from one counter: neither
    waits for the other while items are left, whatever each item costs and however the
    machine's load shares the cores between them.
    """

    def __init__(self, count: int, batch_size: int) -> None:
        self.count = count
        self.batch_size = batch_size
        self._next = multiprocessing.get_context("fork").Value("q", 0)

    def take(self) -> range | None:
        """The next batch of positions, or None once all are taken."""
        with self._next.get_lock():
            start = self._next.value
            if start >= self.count:
                return None
            end = min(self.count, start + self.batch_size)
            self._next.value = end
        return range(start, end)


class Helper:
    """A forked process doing a pass for some items; what it sends, kept by key as it comes.

    A thread of this process reads the pipe as the helper writes to it: a pipe holds 64 KiB, so
    a helper whose results were read only when the build reached its items would stop after a
    few pages and wait for the build, one process working at a time.
    """

    def __init__(self, work: Callable[[Connection], None], keys: Sequence[str]) -> None:
        self.src_uris = set(keys)
        """The keys of the items the helper does, when known before it starts."""
        receiving, sending = multiprocessing.get_context("fork").Pipe(duplex=False)
        self.process = multiprocessing.get_context("fork").Process(
            target=_run_helper, args=(work, sending), daemon=True
        )
        self.process.start()
        sending.close()
        self.received: dict[str, Any] = {}
        self.finished: Any = None
        self.has_ended = False
        self._arrived = threading.Condition()
        self._reader = threading.Thread(target=self._read, args=(receiving,), daemon=True)
        self._reader.start()

    def result(self, key: str) -> Any:
        """What the helper sent for this item (waiting for it), or None if it sent nothing."""
        with self._arrived:
            self._arrived.wait_for(lambda: key in self.received or self.has_ended)
            if key not in self.received and isinstance(self.finished, HelperError):
                raise self.finished
            return self.received.pop(key, None)

    def finish(self) -> Any:
        """What the helper sent last, once it has ended; raise HelperError if it failed."""
        with self._arrived:
            self._arrived.wait_for(lambda: self.has_ended)
        self._reader.join()
        self.process.join()
        if isinstance(self.finished, HelperError):
            raise self.finished
        return self.finished

    def taken(self) -> dict[str, Any]:
        """What the helper sent and nobody took yet; kept no longer."""
        with self._arrived:
            received, self.received = self.received, {}
        return received

    def _read(self, receiving: Connection) -> None:
        while not self.has_ended:
            try:
                kind, key, value = receiving.recv()
            except EOFError:
                kind, key, value = "failed", "", "the helper process ended without a word"
            with self._arrived:
                if kind == "page":
                    self.received[key] = value
                else:
                    self.has_ended = True
                    self.finished = HelperError(value) if kind == "failed" else value
                self._arrived.notify_all()
        receiving.close()


class HelperError(RuntimeError):
    """A helper process failed: the build fails with its message."""


def _run_helper(work: Callable[[Connection], None], sending: Connection) -> None:
    try:
        work(sending)
    except BaseException as error:  # any failure is reported to the build
        sending.send(("failed", "", f"{type(error).__name__}: {error}"))
    finally:
        sending.close()
