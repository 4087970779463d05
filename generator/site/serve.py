"""`briefs serve`: watch `content/` and `templates/`, rebuild what changed, and run MkDocs' server.

The generator writes a page only when its bytes change, so MkDocs reloads the browser for the
briefs that really changed and never loops on its own output. Analyses are kept in memory by
article, so an edit to one article re-analyses that article alone.
"""

from __future__ import annotations

import signal
import subprocess
import sys
import time
import traceback
from collections.abc import Callable
from pathlib import Path

from generator.build.pipeline import AnalysisCache, BuildReport, build_briefs
from generator.errors import BriefError
from generator.settings import Settings

Snapshot = dict[str, tuple[int, int]]
POLL_SECONDS = 0.5


def snapshot(folders: list[Path]) -> Snapshot:
    """Modification time and size of every file under the folders."""
    return {
        str(path): (stat.st_mtime_ns, stat.st_size)
        for folder in folders
        if folder.is_dir()
        for path in sorted(folder.rglob("*"))
        if path.is_file() and (stat := path.stat())
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
    cache: AnalysisCache = {}
    watched = [settings.content_dir, settings.templates_dir]
    on_build(_build(settings, cache))
    seen = snapshot(watched)
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--config-file", str(config_file),
         "--dev-addr", address, "--livereload"],
    )  # fmt: skip
    try:
        while server.poll() is None:
            time.sleep(poll_seconds)
            current = snapshot(watched)
            if current != seen:
                seen = current
                on_build(_build(settings, cache))
    finally:
        server.terminate()
        server.wait()


def _build(settings: Settings, cache: AnalysisCache) -> BuildReport | BriefError:
    """Build once; whatever goes wrong is reported, and the server keeps watching."""
    try:
        return build_briefs(settings, analysis_cache=cache)
    except BriefError as error:
        return error
    except Exception as error:
        # A bug must not stop the server an analyst is editing with: show where it happened
        # and wait for the next change.
        traceback.print_exc()
        return BriefError(f"the build failed ({type(error).__name__}: {error}); still watching")
