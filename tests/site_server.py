"""Build a real site from articles and serve it on localhost, for browser tests."""

from __future__ import annotations

import contextlib
import functools
import http.server
import json
import os
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path

from generator.build.pipeline import build_briefs
from generator.settings import Settings
from tests.seed_build import PROJECT
from tests.strict_site import build_strict_site

# Debian's chromium by default; CI points BRIEFS_CHROMIUM at the browser its runner image ships.
CHROMIUM = Path(os.environ.get("BRIEFS_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
# Material's theme asks Google Fonts for its typeface and GitHub's API for the repository's stars;
# the browser tests answer both themselves, so that they run offline and the same way everywhere.
THIRD_PARTY_HOSTS = ("fonts.googleapis.com", "api.github.com")


def answer_third_party(route) -> None:
    """Answer a request to a third-party host with a minimal valid response."""
    url = route.request.url
    if url.startswith("https://api.github.com/"):
        facts = {"tag_name": "v0.1.0"} if url.endswith("/releases/latest") else {}
        facts |= {"stargazers_count": 0, "forks_count": 0}
        route.fulfill(status=200, content_type="application/json", body=json.dumps(facts))
    else:
        route.fulfill(status=200, content_type="text/css", body="")


def build_site(workdir: Path, articles: list[Path]) -> Path:
    """Generate briefs for the articles and build the strict MkDocs site; return its folder."""
    content = workdir / "content"
    content.mkdir(parents=True)
    for article in articles:
        shutil.copy(article, content / article.name)
    return build_site_from_content(workdir)


def build_site_from_folder(workdir: Path, content_folder: Path) -> Path:
    """Copy a whole content folder (articles and actors.yml) and build its strict site."""
    shutil.copytree(content_folder, workdir / "content")
    return build_site_from_content(workdir)


def build_site_from_content(workdir: Path) -> Path:
    """Generate briefs from workdir/content and build the strict MkDocs site; return its folder."""
    report = build_briefs(Settings(workdir / "content", workdir / "briefs", PROJECT / "templates"))
    assert not report.has_errors, report.errors
    return build_strict_site(workdir)


@contextlib.contextmanager
def serve(site: Path) -> Iterator[str]:
    """Serve a folder on a free localhost port for the duration of the block; yield its URL."""
    handler = functools.partial(QuietHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        """Keep test output clean."""
