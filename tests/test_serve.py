"""`briefs serve`: an article changed while the server runs shows on the site within seconds."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

import yaml

from tests.seed_build import PORTS, PROJECT

PAGE = "ports-reopen-after-the-storm/"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return str(response.read().decode("utf-8"))
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


def wait_for(condition, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.25)
    return False


def test_changed_article_is_served_without_a_rebuild_loop(tmp_path):
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "ports.md").write_text(PORTS, encoding="utf-8")
    shutil.copytree(PROJECT / "templates", tmp_path / "templates")
    shutil.copy(PROJECT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    port = free_port()
    # MkDocs serves under the path of the configured site_url (/briefs/ for GitHub Pages).
    config = yaml.safe_load((PROJECT / "mkdocs.yml").read_text(encoding="utf-8"))
    mount = urllib.parse.urlsplit(config.get("site_url") or "/").path.rstrip("/")
    url = f"http://127.0.0.1:{port}{mount}/{PAGE}"
    server = subprocess.Popen(
        [sys.executable, "-m", "generator", "serve", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        assert wait_for(lambda: fetch(url) is not None, 90), "the site was never served"
        article = tmp_path / "content" / "ports.md"
        article.write_text(
            PORTS + "\nHarbour master Jan de Vries said that the Maasvlakte terminal reopened.\n",
            encoding="utf-8",
        )
        assert wait_for(lambda: "Maasvlakte" in (fetch(url) or ""), 30)
        # Settled: nothing keeps rewriting the briefs.
        brief = tmp_path / "briefs" / "ports-reopen-after-the-storm.md"
        written = brief.stat().st_mtime_ns
        time.sleep(2)
        assert brief.stat().st_mtime_ns == written
    finally:
        server.terminate()
        try:
            output, _ = server.communicate(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
            output, _ = server.communicate()
    assert output.count(" pages: ") == 2, output
