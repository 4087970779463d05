"""A fresh clone stays clean: `briefs serve` and `make build` write exactly the committed briefs.

Both commands read the site's settings (the feed's `site_url`) from `mkdocs.yml` in one place,
so serving the sample content never rewrites what a build wrote (issue #23).
"""

from __future__ import annotations

import os
import queue
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from tests.seed_build import PROJECT
from tests.test_serve import free_port

BRIEFS_COMMAND = Path(sys.executable).parent / "briefs"
"""The installed command: it runs this checkout's generator on the clone's content."""
FIRST_BUILD_SECONDS = 300


def clone(tmp_path: Path) -> Path:
    """A fresh clone of this repository's last commit, without the build cache."""
    if shutil.which("git") is None or not (PROJECT / ".git").exists():
        if os.environ.get("CI"):
            pytest.fail("git and a git checkout of the project are needed to test a fresh clone")
        pytest.skip("a fresh clone needs git and a git checkout of the project")
    target = tmp_path / "clone"
    subprocess.run(["git", "clone", "--quiet", str(PROJECT), str(target)], check=True)
    return target


def git_status(folder: Path) -> str:
    return subprocess.run(
        ["git", "status", "--porcelain"], cwd=folder, capture_output=True, text=True, check=True
    ).stdout


def lines_of(process: subprocess.Popen[str]) -> tuple[queue.Queue[str], threading.Thread]:
    """The process's output, line by line, read on a thread so that waiting can time out."""
    lines: queue.Queue[str] = queue.Queue()

    def read() -> None:
        assert process.stdout is not None
        for line in process.stdout:
            lines.put(line)

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    return lines, reader


def wait_for_line(lines: queue.Queue[str], needle: str, seconds: float) -> list[str]:
    """Every line read until one holds needle; fails after seconds."""
    seen: list[str] = []
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            seen.append(lines.get(timeout=1))
        except queue.Empty:
            continue
        if needle in seen[-1]:
            return seen
    pytest.fail(f"no line with {needle!r} within {seconds} s; output: {''.join(seen)}")


def test_serve_on_a_fresh_clone_leaves_git_status_clean(tmp_path):
    folder = clone(tmp_path)
    server = subprocess.Popen(
        [str(BRIEFS_COMMAND), "serve", "--dev-addr", f"127.0.0.1:{free_port()}"],
        cwd=folder,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    lines, reader = lines_of(server)
    try:
        output = wait_for_line(lines, " pages: ", FIRST_BUILD_SECONDS)
    finally:
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
        reader.join(timeout=30)
        assert server.stdout is not None
        server.stdout.close()
    assert git_status(folder) == "", "".join(output)


def test_make_build_on_a_fresh_clone_leaves_git_status_clean(tmp_path):
    folder = clone(tmp_path)
    if shutil.which("make") is None:
        if os.environ.get("CI"):
            pytest.fail("make is needed to run `make build`")
        pytest.skip("make is not installed")
    venv = Path(sys.executable).parent.parent
    # This environment stands in for the clone's own: `-o setup` keeps make from installing
    # the clone into it, so `make build` runs exactly the command a fresh machine runs after
    # its setup.
    result = subprocess.run(
        ["make", "-o", "setup", "-o", str(venv / ".installed"), "build", f"VENV={venv}"],
        cwd=folder,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert git_status(folder) == ""
