"""`briefs serve`: an article changed while the server runs shows on the site within seconds."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import yaml

from generator.site.serve import BuiltSignal, signalled_changes, snapshot
from generator.site.signal_file import watch_signal
from tests.seed_build import PORTS, PROJECT, SEED, SEED_SLUG

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


def served_site(temporary: Path) -> Path | None:
    """The folder MkDocs' server builds the site into (a `mkdocs_` folder in its TMPDIR)."""
    found = sorted(temporary.glob("mkdocs_*"))
    return found[0] if found else None


def test_changed_article_is_served_without_a_rebuild_loop(tmp_path):
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "ports.md").write_text(PORTS, encoding="utf-8")
    shutil.copy(SEED, tmp_path / "content" / SEED.name)
    temporary = tmp_path / "tmp"
    temporary.mkdir()
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
        env={**os.environ, "TMPDIR": str(temporary)},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        assert wait_for(lambda: fetch(url) is not None, 90), "the site was never served"
        site = served_site(temporary)
        assert site is not None
        # The search index follows the first build, in the background.
        assert wait_for(lambda: (site / "pagefind" / "pagefind-entry.json").is_file(), 60)
        untouched = site / SEED_SLUG / "index.html"
        untouched_written = untouched.stat().st_mtime_ns
        index_written = (site / "pagefind" / "pagefind-entry.json").stat().st_mtime_ns
        article = tmp_path / "content" / "ports.md"
        article.write_text(
            PORTS + "\nHarbour master Jan de Vries said that the Maasvlakte terminal reopened.\n",
            encoding="utf-8",
        )
        assert wait_for(lambda: "Maasvlakte" in (fetch(url) or ""), 30)
        # A dirty rebuild: the page of the brief that did not change was not rendered again,
        # and the search index caught up with the change.
        assert untouched.stat().st_mtime_ns == untouched_written
        entry = site / "pagefind" / "pagefind-entry.json"
        assert wait_for(lambda: entry.stat().st_mtime_ns > index_written, 60)
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


def test_a_snapshot_changes_with_what_a_build_reads_and_only_that(tmp_path):
    content, templates = tmp_path / "content", tmp_path / "templates"
    (content / "world").mkdir(parents=True)
    templates.mkdir()
    (content / "world" / "ports.md").write_text(PORTS, encoding="utf-8")
    (templates / "brief.md.j2").write_text("{{ brief }}", encoding="utf-8")
    before = snapshot([content, templates, tmp_path / "missing"])
    assert sorted(before) == [str(content / "world" / "ports.md"), str(templates / "brief.md.j2")]
    # An editor's swap file is no input of a build: nothing to rebuild.
    (content / "world" / ".ports.md.swp").write_text("swap", encoding="utf-8")
    assert snapshot([content, templates]) == before
    (content / "world" / "ports.md").write_text(PORTS + "\nMore.\n", encoding="utf-8")
    assert snapshot([content, templates]) != before


def test_a_saved_article_is_signalled_at_once_and_a_read_one_is_not(tmp_path):
    article = tmp_path / "content" / "a.md"
    article.parent.mkdir()
    article.write_text("one", encoding="utf-8")
    with signalled_changes([tmp_path / "content", tmp_path / "missing"]) as changed:
        article.read_text(encoding="utf-8")
        assert not changed.wait(0.5)
        article.write_text("two", encoding="utf-8")
        assert changed.wait(5)


def test_mkdocs_hears_of_a_written_signal_once_and_of_a_read_not_at_all(tmp_path):
    heard = threading.Semaphore(0)
    observer = watch_signal(str(tmp_path), heard.release)
    assert observer is not None  # inotify, on Linux
    try:
        (tmp_path / "built").write_text("1\n", encoding="utf-8")
        assert heard.acquire(timeout=5)
        (tmp_path / "built").read_text(encoding="utf-8")
        # One write is one rebuild: its other events (created, modified) start none.
        assert not heard.acquire(timeout=0.5)
        BuiltSignal(tmp_path / "built").send()
        assert heard.acquire(timeout=5)
        assert not heard.acquire(timeout=0.5)
    finally:
        observer.stop()
