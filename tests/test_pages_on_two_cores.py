"""`briefs build` renders and writes many pages on two cores and gives what one process gives."""

from __future__ import annotations

import os
import threading
import time
from functools import partial

import pytest

from generator.corpus.pages import PlannedPage
from generator.errors import BriefError
from generator.settings import Settings
from generator.site import forked, publish
from generator.site.write import WriteOutcome

PAGE_COUNT = publish.MIN_PAGES_FOR_HELPER + 37


RENDER_SECONDS = 0.002
"""Each page takes a moment to render, so that the helper has started before the pages run out."""


def planned_pages(is_failing_in_helper: bool = False) -> dict[str, PlannedPage]:
    """Invented pages of three kinds; rendered in a helper process, they may fail."""
    build_process = os.getpid()

    def text_of(name: str, number: int) -> str:
        time.sleep(RENDER_SECONDS)
        if is_failing_in_helper and os.getpid() != build_process:
            raise ValueError(f"no template for {name}")
        return f"# Tide table {number}\n\nHigh water at Lanmoor came {number} minutes early.\n"

    pages = {}
    for number in range(PAGE_COUNT):
        folder = ("", "actors/", "months/")[number % 3]
        name = f"{folder}page-{number:03}.md"
        pages[name] = PlannedPage(
            str(number), lambda name=name, number=number: text_of(name, number)
        )
    return pages


def allow_fork(monkeypatch, can_fork: bool = True) -> None:
    """Fork or not as asked, whatever threads earlier tests left in this process (servers)."""
    monkeypatch.setattr(publish, "can_fork", lambda: can_fork)
    monkeypatch.setattr(publish, "is_only_thread", lambda: True)


def written(tmp_path, monkeypatch, *, can_fork: bool, is_failing_in_helper: bool = False):
    allow_fork(monkeypatch, can_fork)
    settings = Settings(tmp_path / "content", tmp_path / "briefs", tmp_path / "templates")
    pages = planned_pages(is_failing_in_helper)
    reusable = {"page-000.md": WriteOutcome.UNCHANGED}
    results = publish.write_pages(pages, reusable, settings, check=False, force=False)
    return results, settings


def files_under(folder):
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def test_pages_written_with_a_helper_are_those_written_in_one_process(tmp_path, monkeypatch):
    one, one_settings = written(tmp_path / "one", monkeypatch, can_fork=False)
    two, two_settings = written(tmp_path / "two", monkeypatch, can_fork=True)
    assert list(two) == list(one)  # the results in the pages' order
    assert two == one
    assert files_under(two_settings.briefs_dir) == files_under(one_settings.briefs_dir)
    assert len(files_under(two_settings.briefs_dir)) == 2 * (PAGE_COUNT - 1)  # page and base


def test_the_helper_writes_a_share_of_the_pages(tmp_path, monkeypatch):
    allow_fork(monkeypatch)
    settings = Settings(tmp_path / "content", tmp_path / "briefs", tmp_path / "templates")
    shared_by = tmp_path / "writers"
    shared_by.mkdir()

    def text_noting_process(number: int) -> str:
        time.sleep(RENDER_SECONDS)
        (shared_by / str(os.getpid())).touch()
        return f"Ferry {number}\n"

    pages = {
        f"page-{number}.md": PlannedPage(
            str(number), lambda number=number: text_noting_process(number)
        )
        for number in range(PAGE_COUNT)
    }
    publish.write_pages(pages, {}, settings, check=False, force=False)
    assert len(list(shared_by.iterdir())) == 2


def test_a_page_that_fails_in_the_helper_fails_the_build_and_writes_nothing(tmp_path, monkeypatch):
    with pytest.raises(BriefError, match="ValueError: no template for"):
        written(tmp_path, monkeypatch, can_fork=True, is_failing_in_helper=True)
    assert not [path for path in tmp_path.rglob("*") if path.is_file()]


def test_batches_are_handed_out_once_each_until_none_is_left():
    batches = forked.SharedBatches(10, 4)
    assert [batches.take(), batches.take(), batches.take(), batches.take()] == [
        range(0, 4),
        range(4, 8),
        range(8, 10),
        None,
    ]


def test_a_helper_sends_all_it_made_while_the_build_is_busy_elsewhere():
    page = "tide " * 1000  # 100 pages of 5 KB: far more than a pipe holds

    def work(sending):
        for number in range(100):
            sending.send(("page", str(number), page))
        sending.send(("done", "", "all sent"))

    helper = forked.Helper(work, [])
    helper.process.join(timeout=60)
    assert not helper.process.is_alive()  # it did not wait for the build to read its pages
    assert helper.finish() == "all sent"
    assert helper.result("99") == page


def test_a_helper_that_fails_says_why_to_the_build():
    def work(sending):
        sending.send(("page", "first", "made"))
        raise OSError("disk full")

    helper = forked.Helper(work, [])
    assert helper.result("first") == "made"
    with pytest.raises(forked.HelperError, match="OSError: disk full"):
        helper.result("second")


def test_a_process_running_other_threads_writes_its_pages_alone(tmp_path, monkeypatch):
    monkeypatch.setattr(publish, "can_fork", lambda: True)
    released = threading.Event()
    server = threading.Thread(target=released.wait, daemon=True)  # as `briefs serve` runs one
    server.start()
    try:
        writers = tmp_path / "writers"
        writers.mkdir()

        def text_noting_process(number: int) -> str:
            (writers / str(os.getpid())).touch()
            return f"Ferry {number}\n"

        pages = {
            f"page-{number}.md": PlannedPage(str(number), partial(text_noting_process, number))
            for number in range(PAGE_COUNT)
        }
        settings = Settings(tmp_path / "content", tmp_path / "briefs", tmp_path / "templates")
        publish.write_pages(pages, {}, settings, check=False, force=False)
    finally:
        released.set()
    assert [path.name for path in writers.iterdir()] == [str(os.getpid())]
