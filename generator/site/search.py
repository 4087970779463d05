"""The site's search: a built site in, a Pagefind index beside its pages out.

Material for MkDocs' own search ships one JSON file of every page's text, which the browser
downloads and indexes whole before it answers: 48 MB at 4,000 briefs, and no answer within
minutes. Pagefind (MIT) indexes the built pages into small files that a query fetches a few of.
Material keeps its search box, keyboard shortcut, result list and highlighting: its search
worker (`theme/assets/javascripts/workers/pagefind.js`) answers from Pagefind instead of lunr.
Every page is left out of Material's own index, which then holds only its settings (language
and word separator, which the box and the highlighter read).

Pagefind reads only the pages that are searchable: the plugin lists them as it writes them, and
they are hard-linked into a staging folder that Pagefind indexes. Given the whole site, it would
parse every actor and listing page only to drop it, which on a 985-brief slice of the benchmark
corpus (3,956 pages) took 6.4 s of CPU and 361 MB where the 978 searchable pages alone take
2.5 s and 217 MB.

Pagefind holds every page it indexes in memory until it writes the index, in proportion to the
pages' content: 6,008 pages of the benchmark corpus (2,500 briefs, 3,508 actor pages, 19.2 MB of
content HTML) took 429 MiB in one run, so about 2 GB at 10,000 briefs. A site of more content
than CONTENT_BYTES_PER_INDEX is indexed in parts, one Pagefind run after the other, each with a
share of every kind of page (two halves of those 6,008 pages: 225 MiB each); the first part is
the index at `pagefind/`, the others go below it and `pagefind/parts.json` lists them, and the
search worker merges them into one search (Pagefind's `mergeIndex`, a few dozen KB more a query).
"""

from __future__ import annotations

import contextlib
import json
import math
import os
import re
import shutil
import subprocess
import threading
from collections.abc import Mapping, Sequence
from pathlib import Path

import pagefind_bin  # type: ignore[import-untyped]  # the package ships no type hints

from generator.errors import BriefError

THEME_FOLDER = Path(__file__).parent / "theme"
"""Templates and assets the search adds to Material's theme (package data of the generator)."""
PAGEFIND_FOLDER = "pagefind"
"""Where the index goes in the built site; the worker looks for it there."""
WORKER = "assets/javascripts/workers/pagefind.js"
"""The search worker that answers Material's search box from Pagefind, in the built site."""
MATERIAL_WORKER = re.compile(r"assets/javascripts/workers/search\.[0-9a-f]+\.min\.js")
"""Material's own (lunr) search worker, by its address in the built site."""
STAGING_FOLDER = ".pagefind-pages"
"""In the built site while Pagefind runs: links to the searchable pages, at their own paths."""
PARTS_FOLDER = "parts"
"""Below the index: the indexes of the other parts of a large site, by number from 1."""
PARTS_FILE = "parts.json"
"""In the index: the addresses of the other parts (relative to it), which the worker merges."""
CONTENT_BYTES_PER_INDEX = 24_000_000
"""The HTML of page content one Pagefind run indexes at most: about 550 MiB of its memory (24
bytes for a byte of content on the benchmark corpus), under what MkDocs itself takes at 10,000
briefs; few parts, since each costs a query some more bytes."""
UNUSED_FILES = (
    "pagefind-ui.js",
    "pagefind-ui.css",
    "pagefind-component-ui.js",
    "pagefind-component-ui.css",
    "pagefind-modular-ui.js",
    "pagefind-modular-ui.css",
    "pagefind-highlight.js",
)
"""Pagefind's own search interfaces and highlighter, which it writes into every index: Material's
box and highlighting stand in for them (about 420 KB an index)."""
SCRIPT_FILES = ("pagefind.js", "pagefind-worker.js")
"""The search's scripts: only the first part's are loaded; Pagefind merges the other parts from
their data files (entry, meta, WebAssembly, index and fragments)."""
SEARCHABLE_KEY = "pagefind"
"""Page meta the plugin sets: whether Pagefind indexes the page."""
EXCLUDED_SELECTORS = (".headerlink", ".md-content__button", ".md-source-file")
"""Parts of a page that are not its text: permalink signs, the edit button, the page's dates."""


def is_searchable(meta: Mapping[str, object]) -> bool:
    """Tell whether a page's front matter leaves it in search (Material's `search: exclude`)."""
    search = meta.get("search")
    return not (isinstance(search, dict) and search.get("exclude"))


def material_worker(theme_dirs: list[str]) -> str | None:
    """The address of Material's search worker in the built site, found in its theme files."""
    for folder in theme_dirs:
        for path in sorted(Path(folder).glob("assets/javascripts/workers/search.*.min.js")):
            relative = path.relative_to(folder).as_posix()
            if MATERIAL_WORKER.fullmatch(relative):
                return relative
    return None


def pagefind_command(pages_dir: Path, output: Path) -> list[str]:
    """The command that indexes the pages in pages_dir, quietly, into the output folder."""
    return [
        str(pagefind_bin.get_executable()),
        "--site",
        str(pages_dir),
        "--output-path",
        str(output),
        "--exclude-selectors",
        ", ".join(EXCLUDED_SELECTORS),
        "--force-language",
        "en",
        "--silent",
    ]


def index_parts(
    pages: Sequence[str], content_bytes: Mapping[str, int], budget: int = CONTENT_BYTES_PER_INDEX
) -> list[list[str]]:
    """The pages in as few parts as keep each part's content within the budget.

    Every part takes every n-th page, so each holds its share of briefs and of actor pages.
    """
    total = sum(content_bytes.get(page, 0) for page in pages)
    count = max(1, min(len(pages), math.ceil(total / budget)))
    return [list(pages[number::count]) for number in range(count)]


def index_site(
    site_dir: Path,
    pages: Sequence[str],
    niceness: int = 0,
    content_bytes: Mapping[str, int] | None = None,
) -> None:
    """Index the pages (paths in the built site) for Pagefind; raise BriefError saying why not.

    `content_bytes` gives the bytes of each page's content, by which a large site is indexed in
    parts; without it, in one. A niceness above 0 runs Pagefind at that lower CPU priority
    (where the system has one).
    """
    parts = index_parts(pages, content_bytes or {})
    index_dir = site_dir / PAGEFIND_FOLDER
    for number, part in enumerate(parts):
        index_pages(site_dir, part, part_folder(index_dir, number), niceness)
    finish_index(index_dir, len(parts))


def part_folder(index_dir: Path, number: int) -> Path:
    """Where a part of the index goes: the first is the index, the others below it."""
    return index_dir / PARTS_FOLDER / str(number) if number else index_dir


def finish_index(index_dir: Path, part_count: int) -> None:
    """List the parts after the first for the worker, drop stale parts and unused files."""
    others = [f"{PARTS_FOLDER}/{number}/" for number in range(1, part_count)]
    index_dir.mkdir(parents=True, exist_ok=True)
    (index_dir / PARTS_FILE).write_text(json.dumps(others), encoding="utf-8")
    for stale in sorted((index_dir / PARTS_FOLDER).glob("*")):
        if not stale.name.isdigit() or int(stale.name) >= part_count:
            shutil.rmtree(stale, ignore_errors=True)
    for number in range(part_count):
        unused = UNUSED_FILES + (SCRIPT_FILES if number else ())
        for name in unused:
            (part_folder(index_dir, number) / name).unlink(missing_ok=True)


def index_pages(site_dir: Path, pages: Sequence[str], output: Path, niceness: int) -> None:
    """Run Pagefind on the pages of the site, its index into output."""
    staging = site_dir / STAGING_FOLDER
    shutil.rmtree(staging, ignore_errors=True)
    try:
        stage_pages(site_dir, pages, staging)
        # Pagefind refuses an empty folder; a site with no searchable page (no brief yet) is
        # indexed whole, as Pagefind would, so that the search box still answers.
        pages_dir = staging if pages else site_dir
        with subprocess.Popen(
            pagefind_command(pages_dir, output),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        ) as indexer:
            if niceness:
                lower_priority(indexer.pid, niceness)
            said, errors = indexer.communicate()
    except OSError as error:
        raise BriefError(f"pagefind: cannot run the search indexer: {error}") from error
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    if indexer.returncode != 0:
        raise BriefError(f"pagefind: indexing {site_dir} failed: {(errors or said).strip()}")


def lower_priority(pid: int, niceness: int) -> None:
    """Make a running process nicer by niceness steps (at most 19), where the system can."""
    if not hasattr(os, "setpriority"):  # Windows
        return
    # A process that has ended already needs no lowering.
    with contextlib.suppress(ProcessLookupError):
        current = os.getpriority(os.PRIO_PROCESS, pid)
        os.setpriority(os.PRIO_PROCESS, pid, min(19, current + niceness))


def stage_pages(site_dir: Path, pages: Sequence[str], staging: Path) -> None:
    """Link each page into staging at its own path, so that Pagefind gives it its own address."""
    staging.mkdir(parents=True)
    for page in pages:
        link = staging / page
        link.parent.mkdir(parents=True, exist_ok=True)
        # A hard link costs no copy; the staging folder is in the site, so on its file system.
        try:
            os.link(site_dir / page, link)
        except OSError:  # a file system without hard links
            shutil.copyfile(site_dir / page, link)


BACKGROUND_NICENESS = 10
"""The CPU priority given up by the indexing of a served site, so that the next rebuild, which
an analyst waits for, comes first: on 2 cores, Pagefind's threads slowed each rebuild of a
4,000-article site while the index of the last one was written."""


class BackgroundIndexer:
    """Index a served site after each build without holding up the browser's reload.

    One indexing runs at a time, at a lower CPU priority; a build that ends while one runs asks
    for one more after it, so the index always catches up with the last build.
    """

    def __init__(self, site_dir: Path) -> None:
        self.site_dir = site_dir
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None
        self._wanted_pages: tuple[Sequence[str], Mapping[str, int]] | None = None

    def request(self, pages: Sequence[str], content_bytes: Mapping[str, int] | None = None) -> None:
        """Index these pages soon, after the indexing under way if there is one."""
        with self._lock:
            self._wanted_pages = (pages, dict(content_bytes or {}))
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(target=self._run, daemon=True)
                self._thread.start()

    def _run(self) -> None:
        while True:
            with self._lock:
                wanted = self._wanted_pages
                if wanted is None:
                    return
                self._wanted_pages = None
            try:
                index_site(self.site_dir, wanted[0], BACKGROUND_NICENESS, wanted[1])
            except BriefError as error:
                print(f"error: {error}", flush=True)

    def wait(self) -> None:
        """Wait until the index has caught up with every build asked for."""
        while True:
            with self._lock:
                thread = self._thread
            if thread is None or not thread.is_alive():
                return
            thread.join()
