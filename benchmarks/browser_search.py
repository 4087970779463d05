"""Search as a reader meets it: a built site in, seconds to the first results and bytes out.

Headless Chromium (Playwright, with the machine's Chromium) opens a page of the site, clicks the
header's search box and types a query key by key, as a person does; the figures are the time
from the first key to the first result on screen, from the last key to the results of the
whole query, and the bytes the browser fetched from opening the box on.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tests.site_server import CHROMIUM, CHROMIUM_ARGS, serve

SEARCH_FILES = re.compile(r"/(pagefind|search|assets/javascripts/(workers|lunr))/")
"""What search loads with a page: its index, its worker and their scripts."""
KEY_DELAY_MS = 60
"""A fast typist's pace between two keys."""
THIRD_PARTY = (
    "https://fonts.googleapis.com/**",
    "https://fonts.gstatic.com/**",
    "https://api.github.com/**",
)
"""Hosts Material asks for that this benchmark answers itself, so it runs offline."""


@dataclass(frozen=True)
class SearchTiming:
    """One query typed into the search box of a site."""

    query: str
    first_result_seconds: float | None
    """From the first key to the first result on screen; None when none came in time."""
    whole_query_seconds: float | None
    """From the last key to the results of the whole query."""
    results: int
    fetched_bytes: int
    """Response bodies of search's files the page loaded, and of all it fetched from the click."""


def time_searches(
    site: Path, page_path: str, queries: list[str], timeout_seconds: float
) -> list[SearchTiming]:
    """Type each query into the search box of a fresh browser on the site; time the answers."""
    from playwright.sync_api import sync_playwright

    timings = []
    with serve(site) as url, sync_playwright() as driver:
        browser = driver.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            for query in queries:
                # A new context for each query: nothing cached from the query before.
                context = browser.new_context(viewport={"width": 1280, "height": 900})
                for pattern in THIRD_PARTY:
                    context.route(pattern, lambda route: route.fulfill(status=200, body="{}"))
                timings.append(
                    _time_search(context.new_page(), f"{url}/{page_path}", query, timeout_seconds)
                )
                context.close()
        finally:
            browser.close()
    return timings


def _time_search(page: Any, address: str, query: str, timeout_seconds: float) -> SearchTiming:
    fetched: list[Any] = []
    page.on("requestfinished", lambda request: fetched.append(request))
    # Both searches start loading their index with the page (Material's its JSON file, Pagefind
    # its script and WebAssembly): what search fetches is counted from the page on.
    page.goto(address)
    page.wait_for_load_state("networkidle")
    opened = len(fetched)
    box = page.locator("input.md-search__input")
    box.click()
    results = page.locator(".md-search-result__item")
    started = time.perf_counter()
    box.press_sequentially(query, delay=KEY_DELAY_MS)
    typed = time.perf_counter()
    first = whole = None
    deadline = started + timeout_seconds
    word = query.split()[-1].lower()
    while time.perf_counter() < deadline:
        now = time.perf_counter()
        if first is None and results.count():
            first = now - started
        # Results of the whole query mark its last word in their excerpts (h= in their links).
        link = results.first.locator("a").first if results.count() else None
        if link is not None and word in (link.get_attribute("href") or "").lower():
            whole = max(now - typed, 0.0)
            first = now - started if first is None else first
            break
        page.wait_for_timeout(10)
    page.wait_for_load_state("networkidle")
    searching = [r for r in fetched[:opened] if SEARCH_FILES.search(r.url)] + fetched[opened:]
    return SearchTiming(query, first, whole, results.count(), sum(map(_body_bytes, searching)))


def _body_bytes(request: Any) -> int:
    try:
        return int(request.sizes()["responseBodySize"])
    except Exception:  # a request whose response is gone has no size to count
        return 0
