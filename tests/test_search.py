"""The site's search: what Pagefind indexes, how it is run, and the worker Material talks to."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path
from types import SimpleNamespace

import pytest

from generator.errors import BriefError
from generator.site import mkdocs_plugin, search
from generator.site.search import (
    SEARCHABLE_KEY,
    WORKER,
    BackgroundIndexer,
    index_site,
    is_searchable,
    material_worker,
)


@pytest.mark.parametrize(
    ("meta", "expected"),
    [
        ({}, True),
        ({"title": "A brief"}, True),
        ({"search": {"exclude": True}}, False),
        ({"search": {"exclude": False}}, True),
        ({"search": {"boost": 2}}, True),
        ({"search": "exclude"}, True),
    ],
)
def test_a_page_is_searchable_unless_its_front_matter_excludes_it(meta, expected):
    assert is_searchable(meta) is expected


def test_material_worker_is_found_in_the_theme(tmp_path):
    workers = tmp_path / "theme" / "assets" / "javascripts" / "workers"
    workers.mkdir(parents=True)
    (workers / "search.0a1b2c3d.min.js").write_text("")
    (workers / "search.0a1b2c3d.min.js.map").write_text("")
    assert material_worker([str(tmp_path / "none"), str(tmp_path / "theme")]) == (
        "assets/javascripts/workers/search.0a1b2c3d.min.js"
    )
    assert material_worker([str(tmp_path / "none")]) is None


def test_the_worker_ships_with_the_plugin():
    assert (search.THEME_FOLDER / WORKER).is_file()
    assert (search.THEME_FOLDER / "main.html").is_file()
    assert (search.THEME_FOLDER / "assets" / "javascripts" / "search_count.js").is_file()


def test_index_site_writes_a_pagefind_index(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text(
        "<html lang='en'><body><h1>Ports</h1><div data-pagefind-body><p>Rotterdam reopened."
        "</p></div></body></html>",
        encoding="utf-8",
    )
    index_site(tmp_path, ["a/index.html"])
    assert (tmp_path / "pagefind" / "pagefind-entry.json").is_file()
    assert list((tmp_path / "pagefind" / "fragment").iterdir())


def test_index_site_names_the_failure(tmp_path, monkeypatch):
    failing = tmp_path / "pagefind"
    failing.write_text("#!/bin/sh\necho 'Error: no site' >&2\nexit 1\n")
    failing.chmod(0o755)
    monkeypatch.setattr(search.pagefind_bin, "get_executable", lambda: failing)
    with pytest.raises(BriefError) as error:
        index_site(tmp_path / "site", [])
    assert str(error.value) == f"pagefind: indexing {tmp_path / 'site'} failed: Error: no site"


def test_background_indexer_catches_up_with_the_last_build(tmp_path, monkeypatch):
    runs: list[float] = []

    def slow_index(site_dir: Path, pages: list[str], niceness: int, sizes: object) -> None:
        runs.append(time.monotonic())
        time.sleep(0.2)

    monkeypatch.setattr(search, "index_site", slow_index)
    indexer = BackgroundIndexer(tmp_path)
    indexer.request(["a/index.html"])
    deadline = time.monotonic() + 10
    while not runs and time.monotonic() < deadline:
        time.sleep(0.01)
    for _ in range(4):  # four more builds end while the first indexing runs
        indexer.request(["a/index.html"])
    indexer.wait()
    # One indexing for the first build, one more for all the builds that ended meanwhile.
    assert len(runs) == 2


def page_html(text: str) -> str:
    return f"<html lang='en'><body><div data-pagefind-body><p>{text}</p></div></body></html>"


def test_index_site_reads_only_the_pages_it_is_given(tmp_path):
    for name, text in (("ports", "Rotterdam reopened."), ("actors/rotterdam", "Rotterdam.")):
        (tmp_path / name).mkdir(parents=True)
        (tmp_path / name / "index.html").write_text(page_html(text), encoding="utf-8")
    index_site(tmp_path, ["ports/index.html"])
    entry = json.loads((tmp_path / "pagefind" / "pagefind-entry.json").read_text())
    assert entry["languages"]["en"]["page_count"] == 1
    # The pages Pagefind read were staged in the site for the run, and are gone.
    assert sorted(p.name for p in tmp_path.iterdir()) == ["actors", "pagefind", "ports"]


def test_a_site_without_a_searchable_page_is_indexed_whole(tmp_path):
    (tmp_path / "index.html").write_text(
        "<html lang='en'><body><h1>Briefs</h1></body></html>", encoding="utf-8"
    )
    index_site(tmp_path, [])
    entry = json.loads((tmp_path / "pagefind" / "pagefind-entry.json").read_text())
    assert entry["languages"]["en"]["page_count"] == 1


def test_a_large_site_is_indexed_in_parts_the_worker_merges(tmp_path):
    pages = [f"p{number}/index.html" for number in range(5)]
    for page in pages:
        (tmp_path / page).parent.mkdir(parents=True)
        (tmp_path / page).write_text(page_html(f"word{page[1]} shared"), encoding="utf-8")
    # Each part holds at most the budget of content: 5 pages of 10 bytes, 20 a part -> 3 parts.
    assert search.index_parts(pages, dict.fromkeys(pages, 10), budget=20) == [
        ["p0/index.html", "p3/index.html"],
        ["p1/index.html", "p4/index.html"],
        ["p2/index.html"],
    ]
    sizes = dict.fromkeys(pages, search.CONTENT_BYTES_PER_INDEX // 2)
    index_site(tmp_path, pages, content_bytes=sizes)
    index = tmp_path / "pagefind"
    others = json.loads((index / "parts.json").read_text())
    assert others == ["parts/1/", "parts/2/"]
    counts = [
        json.loads((index / folder / "pagefind-entry.json").read_text())["languages"]["en"][
            "page_count"
        ]
        for folder in ["", *others]
    ]
    assert counts == [2, 2, 1]
    # Pagefind's own interfaces are not shipped; the first part keeps the search's script.
    assert (index / "pagefind.js").is_file() and not (index / "parts/1/pagefind.js").exists()
    assert not list(index.rglob("pagefind-*ui*")) and not list(index.rglob("*highlight*"))
    assert (index / "parts/1/pagefind-entry.json").is_file()
    # A smaller site next time: one index, no part left behind.
    index_site(tmp_path, pages[:1], content_bytes=sizes)
    assert json.loads((index / "parts.json").read_text()) == []
    assert not list((index / "parts").glob("*"))


def built_page(uri: str, is_searchable_page: bool) -> SimpleNamespace:
    """What the plugin reads of a page MkDocs has built."""
    return SimpleNamespace(
        file=SimpleNamespace(dest_uri=uri),
        meta={SEARCHABLE_KEY: is_searchable_page},
        url=uri.removesuffix("index.html"),
        content="<p>text</p>",
    )


def test_the_plugin_indexes_the_pages_marked_searchable(tmp_path, monkeypatch):
    indexed: list[tuple[Path, list[str]]] = []
    monkeypatch.setattr(
        mkdocs_plugin, "index_site", lambda site, pages, **sizes: indexed.append((site, pages))
    )
    plugin = mkdocs_plugin.BriefsPlugin()
    plugin.on_startup(command="build", dirty=False)
    for uri, is_searchable_page in (("b/index.html", True), ("a/index.html", True),
                                    ("index.html", False)):  # fmt: skip
        plugin.on_post_page("<html></html>", page=built_page(uri, is_searchable_page), config=None)
    plugin.on_post_build(config=SimpleNamespace(site_dir=str(tmp_path)))
    assert indexed == [(tmp_path, ["a/index.html", "b/index.html"])]


def test_background_indexing_gives_way_to_the_next_build(tmp_path, monkeypatch):
    seen = tmp_path / "niceness"
    fake = tmp_path / "pagefind"
    # The priority is lowered once the indexer has started: look a moment later.
    fake.write_text(f"#!/bin/sh\nsleep 0.5\nnice >> {seen}\n")
    fake.chmod(0o755)
    monkeypatch.setattr(search.pagefind_bin, "get_executable", lambda: fake)
    (tmp_path / "site").mkdir()
    index_site(tmp_path / "site", [])
    indexer = BackgroundIndexer(tmp_path / "site")
    indexer.request([])
    indexer.wait()
    own = os.getpriority(os.PRIO_PROCESS, 0)
    direct, background = (int(line) for line in seen.read_text().split())
    assert direct == own
    assert background == min(19, own + search.BACKGROUND_NICENESS)


def test_a_served_site_keeps_indexing_the_pages_a_dirty_build_did_not_write(tmp_path, monkeypatch):
    asked: list[list[str]] = []
    indexer = SimpleNamespace(request=lambda pages, content_bytes: asked.append(pages))
    monkeypatch.setattr(mkdocs_plugin, "BackgroundIndexer", lambda site_dir: indexer)
    plugin = mkdocs_plugin.BriefsPlugin()  # MkDocs keeps it from build to build while serving
    plugin.on_startup(command="serve", dirty=True)
    config = SimpleNamespace(site_dir=str(tmp_path))
    for build in ({"a/index.html": True, "b/index.html": True}, {"b/index.html": False}):
        for uri, is_searchable_page in build.items():
            page = built_page(uri, is_searchable_page)
            plugin.on_post_page("<html></html>", page=page, config=config)
        plugin.on_post_build(config=config)
    # The second build wrote b alone, now out of search; a, unchanged, stays in the index.
    assert asked == [["a/index.html", "b/index.html"], ["a/index.html"]]
