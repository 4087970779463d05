"""`briefs serve`: watch `content/` and `templates/`, rebuild what changed, and run MkDocs' server.

The generator writes a page only when its bytes change, so MkDocs reloads the browser for the
briefs that really changed and never loops on its own output. Analyses are kept in memory by
article, so an edit to one article re-analyses that article alone. MkDocs rebuilds dirty: only
the pages whose Markdown is newer than their HTML (the changed brief and the listings, actor and
timeline pages that show it) are rendered again, not the whole site, and the search index
follows in the background (`generator.site.search.BackgroundIndexer`). MkDocs does not watch
briefs/ (tens of thousands of files, polled twice a second, and a build's writes would start
two rebuilds): `briefs serve` writes a signal file once a build has written all its pages, and
the plugin has MkDocs watch that instead.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import tempfile
import threading
import time
import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from watchdog.events import (
    EVENT_TYPE_CLOSED_NO_WRITE,
    EVENT_TYPE_OPENED,
    FileSystemEvent,
    FileSystemEventHandler,
)
from watchdog.observers import Observer

from generator.analysis.language import load_model
from generator.build.files import walk_files
from generator.build.memory import AnalysisCache
from generator.build.pipeline import build_briefs
from generator.build.report import BuildReport
from generator.corpus.actor_pages import ActorPagesMade
from generator.errors import BriefError
from generator.settings import Settings
from generator.site.mkdocs_plugin import SIGNAL_FOLDER_VARIABLE

Snapshot = dict[str, tuple[int, int]]
POLL_SECONDS = 0.5
"""How often, at most, the watched folders are looked at when no change was signalled (a file
system whose changes are not signalled, such as a network share)."""
LOOK_CPU_SHARE = 0.1
"""The share of a core those looks may take: a look at 4,000 articles took 0.15 s, so twice a
second it took a third of a core from the builds an analyst waits for."""
QUIET_SECONDS = 0.05
"""How long a signalled change waits for the next before the folders are looked at: a save is
a few writes close together."""
BUILT_FILE = "built"
"""Written in that folder when a build has written all its pages."""


def snapshot(folders: list[Path]) -> Snapshot:
    """Modification time and size of every file under the folders that a build reads (hidden
    files are not), listed as a build lists them: a third of the time of a glob of 4,000
    articles, twice a second."""
    return {
        file.location: (file.status.st_mtime_ns, file.status.st_size)
        for folder in folders
        for file in walk_files(folder, hidden=False)
    }


def serve(
    settings: Settings,
    address: str,
    config_file: Path,
    on_build: Callable[[BuildReport | BriefError], None],
    poll_seconds: float = POLL_SECONDS,
) -> None:
    """Build, start `mkdocs serve`, then rebuild on every change until interrupted."""
    # A terminated `briefs serve` must also stop the MkDocs server it started.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    cache = AnalysisCache()
    made = ActorPagesMade()
    watched = [settings.content_dir, settings.templates_dir]
    on_build(_build(settings, cache, made, on_written=lambda: None))
    seen = snapshot(watched)
    # The first edit need not wait for the language model to load.
    threading.Thread(target=load_model, args=(settings.model_name,), daemon=True).start()
    with (
        tempfile.TemporaryDirectory(prefix="briefs-serve-") as signals,
        signalled_changes(watched) as changed,
    ):
        built = Path(signals) / BUILT_FILE
        server = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "--config-file", str(config_file),
             "--dev-addr", address, "--livereload", "--dirty"],
            env={**os.environ, SIGNAL_FOLDER_VARIABLE: signals},
        )  # fmt: skip
        try:
            wait_seconds = poll_seconds
            while server.poll() is None:
                if changed.wait(wait_seconds):
                    _wait_until_quiet(changed)
                started = time.monotonic()
                current = snapshot(watched)
                wait_seconds = max(poll_seconds, (time.monotonic() - started) / LOOK_CPU_SHARE)
                if current != seen:
                    seen = current
                    built_signal = BuiltSignal(built)
                    report = _build(settings, cache, made, built_signal.send)
                    # A build with nothing to write, or one that failed, says so all the same.
                    if not built_signal.is_sent:
                        built_signal.send()
                    on_build(report)
        finally:
            server.terminate()
            server.wait()


@contextmanager
def signalled_changes(folders: list[Path]) -> Iterator[threading.Event]:
    """An event set whenever the system signals a change under the folders (inotify on Linux),
    so that a saved article is built at once rather than at the next look (half a second on
    average): the snapshot still decides what changed."""
    changed = threading.Event()
    observer = Observer()
    handler = _Signal(changed)
    for folder in folders:
        if folder.is_dir():
            observer.schedule(handler, str(folder), recursive=True)
    observer.daemon = True
    observer.start()
    try:
        yield changed
    finally:
        observer.stop()


class _Signal(FileSystemEventHandler):
    def __init__(self, changed: threading.Event) -> None:
        self.changed = changed

    def on_any_event(self, event: FileSystemEvent) -> None:
        # A file opened or read changes nothing (a build reads the articles it analyses).
        if event.event_type not in (EVENT_TYPE_OPENED, EVENT_TYPE_CLOSED_NO_WRITE):
            self.changed.set()


def _wait_until_quiet(changed: threading.Event) -> None:
    changed.clear()
    while changed.wait(QUIET_SECONDS):
        changed.clear()


class BuiltSignal:
    """The file MkDocs' server watches, written once a build's pages are all in place: MkDocs
    rebuilds once for all of them, and renders them while the build saves its record."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.is_sent = False

    def send(self) -> None:
        self.path.write_text(f"{time.time_ns()}\n", encoding="utf-8")
        self.is_sent = True


def _build(
    settings: Settings,
    cache: AnalysisCache,
    made: ActorPagesMade,
    on_written: Callable[[], None],
) -> BuildReport | BriefError:
    """Build once; whatever goes wrong is reported, and the server keeps watching."""
    try:
        return build_briefs(settings, analysis_cache=cache, actor_pages=made, on_written=on_written)
    except BriefError as error:
        return error
    except Exception as error:
        # A bug must not stop the server an analyst is editing with: show where it happened
        # and wait for the next change.
        traceback.print_exc()
        return BriefError(f"the build failed ({type(error).__name__}: {error}); still watching")
