"""Search as a reader meets it: a built site in, seconds to the first results and bytes out.

Headless Chromium (Playwright, with the machine's Chromium) opens a page of the site, clicks the
header's search box and types a query key by key, as a person does; the figures are the time
from the first key to the first result on screen, from the last key to the results of the
whole query (both by the page's own clock, as the keys and results happen), and the bytes the
browser fetched from opening the box on.
"""

from __future__ import annotations

import re
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
    typed_at_first_result: str
    """What the box held when the first result showed (results may be those of a prefix)."""
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
    word = query.split()[-1].lower()
    page.evaluate(WATCH_RESULTS, word)
    # Timed in the page as things happen: Playwright's typing returns only after the last key,
    # so a result on screen before that would be seen late from here.
    box.press_sequentially(query, delay=KEY_DELAY_MS)
    _waits(page, timeout_seconds)
    times = page.evaluate("() => window.__searchTimes")
    first = _seconds_between(times["firstKey"], times["first"])
    whole = _seconds_between(times["lastKey"], times["whole"])
    results = page.locator(".md-search-result__item")
    page.wait_for_load_state("networkidle")
    searching = [r for r in fetched[:opened] if SEARCH_FILES.search(r.url)] + fetched[opened:]
    return SearchTiming(
        query,
        first,
        times["typed"] or "",
        whole,
        results.count(),
        sum(map(_body_bytes, searching)),
    )


WATCH_RESULTS = """word => {
  const times = { firstKey: null, lastKey: null, first: null, whole: null }
  window.__searchTimes = times
  document.addEventListener("keydown", () => {
    times.firstKey = times.firstKey ?? performance.now()
    times.lastKey = performance.now()
  }, true)
  const list = document.querySelector(".md-search-result__list")
  new MutationObserver(() => {
    const item = list.querySelector(".md-search-result__item")
    if (!item || times.firstKey === null) return
    if (times.first === null) {
      times.first = performance.now()
      times.typed = document.querySelector("input.md-search__input").value
    }
    const link = item.querySelector("a")
    if (times.whole === null && link && link.href.toLowerCase().includes(word))
      times.whole = performance.now()
  }).observe(list, { childList: true, subtree: true })
}"""
"""Times kept in the page, by its own clock as each event happens: the first and the last key
pressed, the first result on screen, and the first result of the whole query (the results of a
query mark its last word in their links, h=)."""


def _waits(page: Any, timeout_seconds: float) -> bool:
    """Wait for the whole query's results; False when they did not come in time."""
    try:
        page.wait_for_function(
            "() => window.__searchTimes.whole !== null",
            timeout=timeout_seconds * 1000,
            polling=50,
        )
    except Exception:  # Playwright's TimeoutError: the figures say None
        return False
    return True


def _seconds_between(start_ms: float | None, end_ms: float | None) -> float | None:
    """Seconds from one of the page's times to a later one; None when either did not happen."""
    if start_ms is None or end_ms is None:
        return None
    return max(end_ms - start_ms, 0.0) / 1000


def _body_bytes(request: Any) -> int:
    try:
        return int(request.sizes()["responseBodySize"])
    except Exception:  # a request whose response is gone has no size to count
        return 0
