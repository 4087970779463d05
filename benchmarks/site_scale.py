"""The site at scale, on real cased news: build times, peak memory, pages, bytes, search, serve.

python -m benchmarks.site_scale [--articles 10000] [--serve-articles 4000] [--cache-dir DIR]
                                [--eval-dir DIR] [--output benchmarks/RESULTS.md] [--serve-only]

Builds the corpus of `benchmarks.corpus` (every cased eval article once, then copies) into
DIR/site-scale, runs `briefs build` (analyses kept in DIR/site-scale/cache, so only the first
run parses the articles, about half an hour for 10,000 on two cores), then the site build as
`make site` runs it (`mkdocs build --strict`, the Pagefind index included), each in a child
process whose peak memory is its own. Beside it, in the same run, a site of plain MkDocs +
Material with as many pages of article text and Material's own search. Search is timed in
headless Chromium on both; `briefs serve` is timed on the first --serve-articles articles, from
saving an article to its new text in the browser. The figures replace this benchmark's section
of RESULTS.md and leave the others. With --serve-only, only `briefs serve` is timed (the
--serve-articles are analysed into the cache first), and the figures are printed.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections import Counter
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

from benchmarks.browser_search import SearchTiming, time_searches
from benchmarks.common import (
    DEFAULT_EVAL_DIR,
    REPO_ROOT,
    Options,
    Section,
    Target,
    replace_section,
)
from benchmarks.corpus import EVAL_SETS, originals, write_corpus
from benchmarks.speed import write_plain_pages

TITLE = "Site at scale"
ARTICLES = 10_000
SERVE_ARTICLES = 4_000
MAX_BUILD_SECONDS = 240.0
MAX_PEAK_MIB = 1.5 * 1024
MAX_SITE_MIB = 400.0
MAX_FIRST_RESULT_SECONDS = 1.0
MAX_QUERY_BYTES = 1024 * 1024
MAX_SERVE_SECONDS = 3.0
QUERIES = ["Blair", "Clinton campaign", "Chelsea"]
"""A name of thousands of briefs (BBC 2004-05), two words, and a rarer name."""
SEARCH_TIMEOUT_SECONDS = 60.0
SERVE_EDITS = 3
EDIT_TOKEN = "Benchmarkvale"
PEAK_WRAPPER = (
    "import resource, subprocess, sys; "
    "code = subprocess.run(sys.argv[1:]).returncode; "
    "used = resource.getrusage(resource.RUSAGE_CHILDREN); "
    "print(used.ru_maxrss, used.ru_utime + used.ru_stime, file=sys.stderr); "
    "sys.exit(code)"
)
"""Runs a command and prints its process tree's peak resident set (KiB) and CPU seconds last on
stderr; a small fresh process, so the peak is the command's, not this benchmark's (Linux hands a
parent's peak down to the children it forks)."""


@dataclass(frozen=True)
class Measured:
    """One command's wall time, peak memory and the last line it printed."""

    seconds: float
    peak_mib: float
    cpu_seconds: float
    """Of the command and every process it waited for: what it costs on a machine of its own."""
    summary: str = ""


def measured(
    command: list[str],
    cwd: Path,
    env: dict[str, str] | None = None,
    exit_codes: tuple[int, ...] = (0,),
) -> Measured:
    """Run a command to its end; fail loudly with its output when it fails."""
    started = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-c", PEAK_WRAPPER, *command],
        cwd=cwd,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})},
        capture_output=True,
        text=True,
        check=False,
    )
    seconds = time.perf_counter() - started
    if result.returncode not in exit_codes:
        raise SystemExit(f"{' '.join(command)} failed in {cwd}:\n{result.stderr[-3000:]}")
    peak_kib, cpu_seconds = result.stderr.strip().splitlines()[-1].split()
    lines = result.stdout.strip().splitlines()
    return Measured(seconds, int(peak_kib) / 1024, float(cpu_seconds), lines[-1] if lines else "")


def briefs_build(project: Path, cache: Path) -> Measured:
    """`briefs build` of project/content into an empty project/briefs, analyses from cache.

    It exits 1 when some articles cannot be used (a few ECB+ documents have no sentence); the
    others are built, and its summary says how many.
    """
    shutil.rmtree(project / "briefs", ignore_errors=True)
    command = [
        str(Path(sys.executable).parent / "briefs"),
        "build",
        "--templates",
        str(REPO_ROOT / "templates"),
        "--cache-dir",
        str(cache),
    ]
    return measured(command, project, exit_codes=(0, 1))


def site_build(project: Path) -> Measured:
    """The site build as `make site` runs it: strict, dated by the last commit, index included."""
    shutil.rmtree(project / "site", ignore_errors=True)
    shutil.copy(REPO_ROOT / "mkdocs.yml", project / "mkdocs.yml")
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet"]
    return measured(command, project, {"SOURCE_DATE_EPOCH": "1718755200"})


def plain_site(project: Path, plain: Path, texts: list[str]) -> tuple[Measured, int]:
    """A plain MkDocs + Material site with a page of article text for every page of the briefs
    site (same paths and byte lengths) and Material's own search; return its build and pages."""
    shutil.rmtree(plain, ignore_errors=True)
    pages = write_plain_pages(project / "briefs", plain / "briefs", texts)
    config = (REPO_ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    config = re.sub(r"^  - briefs\n", "", config, flags=re.MULTILINE)
    (plain / "mkdocs.yml").write_text(config, encoding="utf-8")
    command = [sys.executable, "-m", "mkdocs", "build", "--quiet"]
    return measured(command, plain, {"SOURCE_DATE_EPOCH": "1718755200"}), pages


def page_counts(briefs: Path) -> Counter[str]:
    """Markdown pages of the briefs folder by kind."""
    counts: Counter[str] = Counter()
    for page in briefs.rglob("*.md"):
        parts = page.relative_to(briefs).parts
        if parts[0].startswith("."):
            continue
        if len(parts) == 1:
            kind = "listing" if parts[0] in ("index.md", "tags.md", "timeline.md") else "brief"
        elif parts[0] == "actors":
            kind = "actor page" if len(parts) == 2 and parts[1] != "index.md" else "listing"
        elif parts[0] == "timeline":
            kind = "timeline"
        else:
            kind = "listing"
        counts[kind] += 1
    return counts


def folder_bytes(folder: Path) -> dict[str, int]:
    """Bytes of the built site by top-level part: actor pages, search index, theme, the rest."""
    sizes: Counter[str] = Counter()
    for path in folder.rglob("*"):
        if path.is_file():
            top = path.relative_to(folder).parts[0]
            part = (
                top if top in ("actors", "pagefind", "search", "assets", "timeline") else "briefs"
            )
            sizes[part] += path.stat().st_size
    return dict(sizes)


def largest_page(folder: Path) -> tuple[str, int]:
    """The largest HTML page of a built site and its bytes."""
    sizes = ((path.stat().st_size, path) for path in folder.rglob("*.html"))
    size, path = max(sizes)
    return path.relative_to(folder).parent.as_posix(), size


def searched_page(project: Path) -> str:
    """The page the searches start from: the first brief the home page lists."""
    home = (project / "briefs" / "index.md").read_text(encoding="utf-8")
    slug = re.search(r"\]\(([^)/]+)\.md\)", home)
    return f"{slug.group(1)}/" if slug else ""


def time_serve(eval_dir: Path, count: int, cache: Path, workdir: Path) -> dict[str, Any]:
    """`briefs serve` on count articles: start-up, then saving an article -> its new text shown.

    The analyses come from a copy of the cache (a build drops the entries of articles it does
    not have). Each edit puts a new first sentence in an article, so its at-a-glance line, and
    with it the month's listing page, change too.
    """
    from playwright.sync_api import sync_playwright

    from tests.site_server import CHROMIUM, CHROMIUM_ARGS

    project = workdir / "serve"
    shutil.rmtree(project, ignore_errors=True)
    write_corpus(eval_dir, count, project / "content")
    shutil.copytree(cache, project / ".briefs-cache")
    shutil.copytree(REPO_ROOT / "templates", project / "templates")
    shutil.copy(REPO_ROOT / "mkdocs.yml", project / "mkdocs.yml")
    port = _free_port()
    base = f"http://127.0.0.1:{port}/briefs"
    started = time.perf_counter()
    server = subprocess.Popen(
        [sys.executable, "-m", "generator", "serve", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=project,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        stdout=(project / "serve.log").open("w"),
        stderr=subprocess.STDOUT,
    )
    try:
        _wait(lambda: _fetch(f"{base}/") is not None, 900, "the site was never served")
        startup = time.perf_counter() - started
        articles = sorted((project / "content").glob("bbc-*.md"))
        picked = [articles[len(articles) * n // SERVE_EDITS] for n in range(SERVE_EDITS)]
        shown, listed = [], []
        with sync_playwright() as driver:
            browser = driver.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
            page = browser.new_page()
            page.route("https://**", lambda route: route.fulfill(status=200, body="{}"))
            for number, article in enumerate(picked):
                slug = re.search(r'^slug: "(.+)"$', article.read_text(), re.MULTILINE)
                assert slug is not None
                # The live-reload connection stays open: the page is never network-idle.
                page.goto(f"{base}/{slug.group(1)}/", wait_until="load")
                token = f"{EDIT_TOKEN}{number}"
                text = article.read_text(encoding="utf-8")
                front, _, body = text.partition("\n---\n\n")
                saved = time.perf_counter()
                article.write_text(
                    f"{front}\n---\n\nThe council of {token} met on Monday. {body}",
                    encoding="utf-8",
                )
                # MkDocs' live reload reloads the open page once its HTML is rebuilt.
                page.wait_for_function(
                    f"document.body !== null && document.body.innerText.includes('{token}')",
                    timeout=120_000,
                )
                shown.append(time.perf_counter() - saved)
                month = re.search(r'^date: "(\d{4}-\d{2})', text, re.MULTILINE)
                listing = f"{base}/months/{month.group(1)}/" if month else f"{base}/"
                _wait(partial(_shows, listing, token), 120, "the listing never caught up")
                listed.append(time.perf_counter() - saved)
                time.sleep(2)  # let the search index catch up before the next edit
            browser.close()
    finally:
        server.terminate()
        server.wait(timeout=60)
    return {"startup": startup, "shown": shown, "listed": listed}


def _shows(url: str, text: str) -> bool:
    return text in (_fetch(url) or "")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return str(response.read().decode("utf-8"))
    except OSError:
        return None


def _wait(condition: Any, seconds: float, failure: str) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.1)
    raise SystemExit(failure)


def run(
    options: Options, articles: int = ARTICLES, serve_articles: int = SERVE_ARTICLES
) -> Section:
    """Build the corpus, both sites and time everything; return the section of RESULTS.md."""
    started = time.perf_counter()
    root = (options.cache_dir or Path(tempfile.gettempdir())) / "site-scale"
    cache, project = root / "cache", root / "project"
    written = write_corpus(options.eval_dir, articles, project / "content")
    unique = len(originals(options.eval_dir))
    build = briefs_build(project, cache)  # parses only what the cache lacks: see its summary
    site = site_build(project)
    counts = page_counts(project / "briefs")
    site_dir = project / "site"
    sizes = folder_bytes(site_dir)
    texts = [
        p.read_text(encoding="utf-8") for p in sorted((project / "content").glob("*.md"))[:500]
    ]
    plain, plain_pages = plain_site(project, root / "plain", texts)
    plain_sizes = folder_bytes(root / "plain" / "site")
    start_page = searched_page(project)
    searches = time_searches(site_dir, start_page, QUERIES, SEARCH_TIMEOUT_SECONDS)
    plain_searches = time_searches(
        root / "plain" / "site", start_page, QUERIES[:1], SEARCH_TIMEOUT_SECONDS
    )
    serving = time_serve(options.eval_dir, serve_articles, cache, root)
    return _section(locals(), time.perf_counter() - started)


def serve_only(options: Options, count: int) -> str:
    """Time `briefs serve` on count articles, their analyses cached first; say what it took."""
    root = (options.cache_dir or Path(tempfile.gettempdir())) / "site-scale"
    project, cache = root / "serve-analyses", root / "serve-cache"
    write_corpus(options.eval_dir, count, project / "content")
    # A build drops the cached analyses of articles it does not see: build on a copy, or the
    # whole run's cache would lose all but these articles.
    shutil.rmtree(cache, ignore_errors=True)
    if (root / "cache").exists():
        shutil.copytree(root / "cache", cache)
    analysed = briefs_build(project, cache)
    serving = time_serve(options.eval_dir, count, cache, root)
    shown = ", ".join(f"{seconds:.2f}" for seconds in serving["shown"])
    listed = ", ".join(f"{seconds:.2f}" for seconds in serving["listed"])
    return (
        f"briefs serve, {count} articles ({analysed.summary}): start-up {serving['startup']:.1f} s;"
        f" saved -> new text in the browser {shown} s; -> its listing {listed} s;"
    )


def _mib(value: float) -> str:
    return f"{value / 1024**2:,.1f}"


def _seconds(value: float | None) -> str:
    return "none in time" if value is None else f"{value:.2f}"


def _section(figures: dict[str, Any], seconds: float) -> Section:
    written, unique = figures["written"], figures["unique"]
    build, site, plain = figures["build"], figures["site"], figures["plain"]
    counts, sizes, plain_sizes = figures["counts"], figures["sizes"], figures["plain_sizes"]
    searches: list[SearchTiming] = figures["searches"]
    plain_searches: list[SearchTiming] = figures["plain_searches"]
    serving = figures["serving"]
    whole_seconds = build.seconds + site.seconds
    whole_peak = max(build.peak_mib, site.peak_mib)
    site_bytes, plain_bytes = sum(sizes.values()), sum(plain_sizes.values())
    pages = sum(counts.values())
    largest, largest_bytes = largest_page(figures["site_dir"])
    first_results = [s.first_result_seconds for s in searches]
    slowest_first = max((t for t in first_results if t is not None), default=None)
    all_answered = all(t is not None for t in first_results)
    most_bytes = max(s.fetched_bytes for s in searches)
    shown = statistics.median(serving["shown"])
    listed = statistics.median(serving["listed"])
    sets = ", ".join(s.file for s in EVAL_SETS)
    search_rows = [
        [
            f"briefs (Pagefind) · {s.query}",
            _seconds(s.first_result_seconds),
            repr(s.typed_at_first_result),
            _seconds(s.whole_query_seconds),
            str(s.results),
            f"{s.fetched_bytes / 1024:,.0f}",
        ]
        for s in searches
    ] + [
        [
            f"plain MkDocs + Material (its search) · {s.query}",
            _seconds(s.first_result_seconds),
            repr(s.typed_at_first_result),
            _seconds(s.whole_query_seconds),
            str(s.results),
            f"{s.fetched_bytes / 1024:,.0f}",
        ]
        for s in plain_searches
    ]
    return Section(
        title=TITLE,
        data=(
            f"{written:,} cased news articles: the {unique:,} of {sets} once each, then copies "
            "under new slugs, titles ('(copy N)') and dates (N × 2 years later) round after "
            "round (benchmarks/corpus.py; written at run time, never committed)"
        ),
        tables=[
            (
                ["step", "seconds", "CPU seconds", "peak MiB"],
                [
                    [
                        "briefs build, analyses cached (into an empty briefs/)",
                        f"{build.seconds:.1f}",
                        f"{build.cpu_seconds:.1f}",
                        f"{build.peak_mib:,.0f}",
                    ],
                    [
                        "mkdocs build --strict with the Pagefind index (make site)",
                        f"{site.seconds:.1f}",
                        f"{site.cpu_seconds:.1f}",
                        f"{site.peak_mib:,.0f}",
                    ],
                    [
                        "whole site build (the two above)",
                        f"{whole_seconds:.1f}",
                        f"{build.cpu_seconds + site.cpu_seconds:.1f}",
                        f"{whole_peak:,.0f}",
                    ],
                    [
                        f"plain MkDocs + Material, {figures['plain_pages']:,} pages, its search",
                        f"{plain.seconds:.1f}",
                        f"{plain.cpu_seconds:.1f}",
                        f"{plain.peak_mib:,.0f}",
                    ],
                ],
            ),
            (
                ["pages", "briefs site", "plain site"],
                [[kind, f"{count:,}", ""] for kind, count in sorted(counts.items())]
                + [["all", f"{pages:,}", f"{figures['plain_pages']:,}"]],
            ),
            (
                ["MiB", "briefs site", "plain site"],
                [
                    [part, _mib(sizes.get(part, 0)), _mib(plain_sizes.get(part, 0))]
                    for part in sorted(set(sizes) | set(plain_sizes))
                ]
                + [["all", _mib(site_bytes), _mib(plain_bytes)]],
            ),
            (
                [
                    "search in headless Chromium",
                    "first key → first result s",
                    "box then held",
                    "last key → whole query's results s",
                    "results",
                    "KiB fetched",
                ],
                search_rows,
            ),
            (
                [f"briefs serve, {figures['serve_articles']:,} articles", "seconds"],
                [
                    ["start-up: build and serve (analyses cached)", f"{serving['startup']:.1f}"],
                    [
                        "article saved → its new text in the browser "
                        f"(median of {len(serving['shown'])})",
                        f"{shown:.2f}",
                    ],
                    ["article saved → its month's listing page shows it (median)", f"{listed:.2f}"],
                ],
            ),
        ],
        notes=[
            f"briefs build said: `{build.summary}`.",
            f"Largest page: {largest}/ ({largest_bytes / 1024:,.0f} KiB).",
            "The copies make every actor of a copied article an actor of two briefs or more, so "
            "nearly all of them get a page here; in a corpus of distinct articles most actors are "
            "in one brief and get none (73 % of 22,587 at 3,955 real articles, issue 22).",
            "Search: a fresh browser context per query opens the first brief of the home page, "
            f"clicks the search box and types the query {QUERIES!r} a key every 60 ms; bytes are "
            "the search files the page loaded (index, worker, scripts) and all it fetched from "
            "the click on, uncompressed by this server (Pagefind's index files are compressed).",
            "Plain site: a page of article text for every page of the briefs site, same path and "
            "byte length (as benchmarks/speed.py makes them), the project's mkdocs.yml without the "
            "briefs plugin: Material's own search.",
            "briefs serve: `briefs serve` on the first articles of the corpus, analyses from a "
            "copy of the cache; each edit puts a new first sentence into a BBC article while "
            "Chromium shows its brief, and MkDocs' live reload brings the new text; the listing "
            "is fetched until it shows the new at-a-glance line.",
        ],
        targets=[
            Target(
                f"site: whole build of {written:,} articles ≤ 4 min",
                f"{whole_seconds:.0f} s",
                "≤ 240 s",
                whole_seconds <= MAX_BUILD_SECONDS,
            ),
            Target(
                f"site: peak memory of the build of {written:,} ≤ 1.5 GB",
                f"{whole_peak:,.0f} MiB",
                f"≤ {MAX_PEAK_MIB:,.0f} MiB",
                whole_peak <= MAX_PEAK_MIB,
            ),
            Target(
                f"site: size at {written:,} articles ≤ 400 MB",
                f"{_mib(site_bytes)} MiB",
                "≤ 400 MB",
                site_bytes <= MAX_SITE_MIB * 1000**2,
            ),
            Target(
                "search: first results ≤ 1 s after the first key",
                _seconds(slowest_first) + " s (slowest query)",
                "≤ 1 s",
                all_answered
                and slowest_first is not None
                and slowest_first <= MAX_FIRST_RESULT_SECONDS,
            ),
            Target(
                "search: fetched for a query ≤ 1 MB",
                f"{most_bytes / 1024:,.0f} KiB (most)",
                "≤ 1,024 KiB",
                most_bytes <= MAX_QUERY_BYTES,
            ),
            Target(
                "serve: saved article → new text in the browser ≤ 3 s at "
                f"{figures['serve_articles']:,}",
                f"{shown:.2f} s",
                "≤ 3 s",
                shown <= MAX_SERVE_SECONDS,
            ),
        ],
        seconds=seconds,
    )


def main() -> None:
    """Run the benchmark, print its section and write it into RESULTS.md."""
    from benchmarks.run import machine, render_section

    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=ARTICLES)
    parser.add_argument("--serve-articles", type=int, default=SERVE_ARTICLES)
    parser.add_argument("--cache-dir", type=Path, help="keep the corpus and its analyses here")
    parser.add_argument("--eval-dir", type=Path, default=DEFAULT_EVAL_DIR)
    parser.add_argument("--output", type=Path, default=REPO_ROOT / "benchmarks" / "RESULTS.md")
    parser.add_argument(
        "--serve-only",
        action="store_true",
        help="time `briefs serve` alone (its analyses cached first) and print, not write, it",
    )
    arguments = parser.parse_args()
    options = Options(arguments.eval_dir.resolve(), cache_dir=arguments.cache_dir)
    load = "{:.2f} {:.2f} {:.2f}".format(*os.getloadavg())
    if arguments.serve_only:
        print(serve_only(options, arguments.serve_articles), f"load average at start {load}")
        return
    section = run(options, arguments.articles, arguments.serve_articles)
    about = machine()
    command = (
        f"python -m benchmarks.site_scale --articles {arguments.articles} "
        f"--serve-articles {arguments.serve_articles}"
    )
    section.notes.append(
        f"Run: {about['date']}, commit {about['git commit']}, {about['CPU']}, load average at "
        f"start {load}; `{command} --cache-dir DIR`."
    )
    text = render_section(section)
    print(text)
    replace_section(arguments.output, TITLE, text)


if __name__ == "__main__":
    main()
