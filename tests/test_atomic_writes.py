"""A build killed at any moment leaves every brief old or new, never truncated or empty."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from generator.build.pipeline import build_briefs
from generator.settings import Settings
from tests.seed_build import PROJECT

ARTICLE_COUNT = 40


def write_corpus(content: Path, extra: str) -> None:
    """Many articles made from the sample corpus, each with its own title."""
    sources = sorted((PROJECT / "content").glob("*.md"))
    content.mkdir(parents=True, exist_ok=True)
    for number in range(ARTICLE_COUNT):
        text = sources[number % len(sources)].read_text(encoding="utf-8")
        text = text.replace("title: ", f"title: Copy {number} of ", 1)
        (content / f"article-{number:03d}.md").write_text(text + extra, encoding="utf-8")


def pages(briefs: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in briefs.glob("*.md")}


@pytest.fixture(scope="module")
def versions(tmp_path_factory):
    """The briefs of the corpus before and after every article changed."""
    root = tmp_path_factory.mktemp("versions")
    result = {}
    for label, extra in (
        ("old", ""),
        ("new", "\nThe ministry said on Friday that talks continue.\n"),
    ):
        settings = Settings(
            root / label / "content", root / label / "briefs", PROJECT / "templates"
        )
        write_corpus(settings.content_dir, extra)
        assert not build_briefs(settings).errors
        result[label] = (settings, pages(settings.briefs_dir))
    return result


def test_killed_build_leaves_old_or_new_briefs(versions, tmp_path):
    old_settings, old = versions["old"]
    _, new = versions["new"]
    assert old.keys() == new.keys() and old != new
    work = tmp_path / "work"
    shutil.copytree(old_settings.content_dir.parent, work)
    write_corpus(work / "content", "\nThe ministry said on Friday that talks continue.\n")
    process = subprocess.Popen(
        [sys.executable, "-m", "generator", "build", "--templates", str(PROJECT / "templates")],
        cwd=work,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    # Kill the build as soon as it starts writing briefs.
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and process.poll() is None:
        if any(data != old[name] for name, data in pages(work / "briefs").items()):
            os.kill(process.pid, signal.SIGKILL)
            break
        time.sleep(0.001)
    process.wait()
    for name, data in pages(work / "briefs").items():
        assert data in (old[name], new[name]), f"{name} is neither the old nor the new brief"
    # The next build finishes the job.
    settings = Settings(work / "content", work / "briefs", PROJECT / "templates")
    report = build_briefs(settings)
    assert not report.errors
    assert pages(work / "briefs") == new
    assert not list((work / "briefs").glob(".*.tmp"))
