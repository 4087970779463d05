"""One page of each kind as a reader sees it: on a phone (390 px) and a desktop (1280 px), in the
light and the dark palette.

A page fails on what makes a site look unfinished: it scrolls sideways, a box cuts its text off,
a section heading has nothing under it, a date breaks across two lines, or the console shows an
error. One browser and the one built sample site serve every check; each page is loaded once per
palette and measured at both widths. Screenshots of the last run are kept in
test-artifacts/pages/ (git-ignored) for a reviewer to look at.
"""

from __future__ import annotations

import re
import shutil
from dataclasses import dataclass, field

import pytest

from tests.prerequisites import import_or_missing, missing
from tests.seed_build import PROJECT, SEED_SLUG
from tests.site_server import (
    CHROMIUM,
    CHROMIUM_ARGS,
    THIRD_PARTY_HOSTS,
    answer_third_party,
    serve,
)

playwright = import_or_missing("playwright.sync_api", "make setup installs the test extra")
if not CHROMIUM.exists():
    missing(f"no browser at {CHROMIUM}: install Debian's chromium or set BRIEFS_CHROMIUM")

PAGES = {
    "brief": f"{SEED_SLUG}/",
    "actor": "actors/vladimir-putin/",
    "home": "",
    "month": "months/2024-06/",
    "timeline": "timeline/2024/",
    "tags": "tags/k/",
}
"""One page of each kind of the sample site, by the path it is served at."""
SEARCH = ("search", "Ushakov")
"""The search box's results, opened on the home page with this query."""
KINDS = [*PAGES, SEARCH[0]]
WIDTHS = (390, 1280)
PALETTES = {"light": "default", "dark": "slate"}
"""The browser's colour preference, and the Material scheme it must give."""
VIEWS = [f"{width} px, {palette}" for palette in PALETTES for width in WIDTHS]
NOTHING = {view: [] for view in VIEWS}
"""What a check finds on a page that passes it: nothing, in every view."""
ARTIFACTS = PROJECT / "test-artifacts" / "pages"

# What each check finds, as a list of readable lines, measured in the page. Only elements a
# reader can see count: Material keeps its drawer and search panel in the page, off screen.
FINDINGS = """
() => {
  const width = document.documentElement.clientWidth;
  const shown = (element) => {
    if (!element.checkVisibility({opacityProperty: true, visibilityProperty: true})) return false;
    const box = element.getBoundingClientRect();
    return box.width > 0 && box.height > 0 && box.right > 0 && box.left < width;
  };
  const name = (element) => {
    const text = (element.innerText || "").trim().replace(/\\s+/g, " ").slice(0, 60);
    const classes = [...element.classList].slice(0, 2).map((c) => "." + c).join("");
    return `<${element.localName}${classes}> "${text}"`;
  };
  const found = {sideways: [], cut: [], empty: [], dates: []};

  const page = document.documentElement.scrollWidth;
  if (page > width) {
    found.sideways.push(`the page is ${page} px wide in a ${width} px window`);
    for (const element of document.querySelectorAll(".md-main *")) {
      const box = element.getBoundingClientRect();
      if (shown(element) && box.right > width + 1 && element.children.length === 0) {
        found.sideways.push(`${name(element)} reaches ${Math.round(box.right)} px`);
      }
    }
  }

  // A box that hides what does not fit, and text that does not fit in it.
  for (const element of document.querySelectorAll("body *")) {
    if (!shown(element) || !(element.innerText || "").trim()) continue;
    const style = getComputedStyle(element);
    const hides = (overflow) => overflow === "hidden" || overflow === "clip";
    const wide = hides(style.overflowX) && element.scrollWidth > element.clientWidth + 1;
    const tall = hides(style.overflowY) && element.scrollHeight > element.clientHeight + 1;
    if (wide || tall) {
      found.cut.push(`${name(element)}: ${element.scrollWidth}x${element.scrollHeight} px of ` +
        `text in a ${element.clientWidth}x${element.clientHeight} px box`);
    }
  }

  // A heading with nothing under it before the next heading of its level or above.
  const level = (element) => /^h[1-6]$/.test(element.localName) ? +element.localName[1] : 0;
  // The page's own text: search results are articles too, their headings a title each.
  const headings = document.querySelectorAll(".md-content article :is(h1, h2, h3, h4)");
  for (const heading of headings) {
    let next = heading.nextElementSibling;
    while (next && !shown(next)) next = next.nextElementSibling;
    if (!next || (level(next) && level(next) <= level(heading))) {
      found.empty.push(`${name(heading)} has nothing under it`);
    }
  }

  // The dates the pages write (ISO, or in words joined by no-break spaces) on one line each.
  const months = "January|February|March|April|May|June|July|August|September|October|" +
    "November|December";
  const iso = "\\\\d{4}-\\\\d{2}-\\\\d{2}";
  const date = new RegExp(`${iso}|(?:\\\\d{1,2}\\u00a0)?(?:${months})\\u00a0\\\\d{4}`, "g");
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    for (const match of node.data.matchAll(date)) {
      const range = document.createRange();
      range.setStart(node, match.index);
      range.setEnd(node, match.index + match[0].length);
      const lines = new Set([...range.getClientRects()].map((box) => Math.round(box.bottom)));
      if (lines.size > 1) found.dates.push(`"${match[0]}" breaks across ${lines.size} lines`);
    }
  }
  return found;
}
"""

SETTLED = """
async () => {
  // Measured when still: Material animates its repository facts in and lays out again on
  // resize, and a box caught half-way through either would count as cutting its text off.
  await Promise.all(document.getAnimations().map((animation) => animation.finished));
  await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
}
"""


@dataclass
class Looks:
    """What the checks found on one kind of page, by width and palette."""

    found: dict[str, dict[str, list[str]]] = field(default_factory=dict)
    """{"390 px, dark": {"sideways": [...], "cut": [...], ...}}"""
    errors: list[str] = field(default_factory=list)
    """Console errors and uncaught exceptions while it was open."""

    def of(self, check: str) -> dict[str, list[str]]:
        """What one check found, by width and palette: empty lists when the page passes."""
        return {view: findings[check] for view, findings in self.found.items()}


@dataclass
class ErrorLog:
    """Console errors and uncaught exceptions, credited to the page open when they happen."""

    seen: dict[str, Looks]
    kind: str = KINDS[0]
    palette: str = ""

    def console(self, message) -> None:
        if message.type == "error":
            self.exception(message.text)

    def exception(self, error: object) -> None:
        self.seen[self.kind].errors.append(f"{error} ({self.palette})")


@pytest.fixture(scope="module")
def browser():
    with playwright.sync_playwright() as driver:
        chromium = driver.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="module")
def looks(sample_site, browser) -> dict[str, Looks]:
    """Every kind of page measured at both widths in both palettes, screenshots taken."""
    shutil.rmtree(ARTIFACTS, ignore_errors=True)
    ARTIFACTS.mkdir(parents=True)
    seen = {kind: Looks() for kind in KINDS}
    log = ErrorLog(seen)
    with serve(sample_site / "site") as url:
        for palette, scheme in PALETTES.items():
            context = browser.new_context(color_scheme="dark" if palette == "dark" else "light")
            for host in THIRD_PARTY_HOSTS:
                context.route(f"https://{host}/**", answer_third_party)
            page = context.new_page()
            log.palette = palette
            page.on("console", log.console)
            page.on("pageerror", log.exception)
            for kind in KINDS:
                log.kind = kind
                if kind == SEARCH[0]:
                    _open_search(page, url)
                else:
                    page.goto(f"{url}/{PAGES[kind]}")
                    page.wait_for_load_state("networkidle")
                assert page.locator("body").get_attribute("data-md-color-scheme") == scheme
                for width in WIDTHS:
                    page.set_viewport_size({"width": width, "height": 900})
                    page.evaluate(SETTLED)
                    seen[kind].found[f"{width} px, {palette}"] = page.evaluate(FINDINGS)
                    shot = ARTIFACTS / f"{kind}-{width}-{palette}.png"
                    page.screenshot(path=str(shot), full_page=kind != SEARCH[0])
            context.close()
    return seen


def _open_search(page, url: str) -> None:
    """Open the home page and type the query into the search box until results show."""
    page.goto(f"{url}/")
    page.set_viewport_size({"width": WIDTHS[-1], "height": 900})
    page.wait_for_load_state("networkidle")
    box = page.locator("input.md-search__input")
    box.click()
    box.press_sequentially(SEARCH[1])
    page.locator(".md-search-result__item").first.wait_for()
    page.wait_for_load_state("networkidle")


@pytest.mark.parametrize("kind", KINDS)
def test_no_page_scrolls_sideways(looks, kind):
    assert looks[kind].of("sideways") == NOTHING


@pytest.mark.parametrize("kind", KINDS)
def test_no_text_is_cut_off_by_its_box(looks, kind):
    assert looks[kind].of("cut") == NOTHING


@pytest.mark.parametrize("kind", KINDS)
def test_every_section_heading_has_something_under_it(looks, kind):
    assert looks[kind].of("empty") == NOTHING


@pytest.mark.parametrize("kind", KINDS)
def test_dates_never_break_across_lines(looks, kind):
    assert looks[kind].of("dates") == NOTHING


@pytest.mark.parametrize("kind", KINDS)
def test_no_console_errors(looks, kind):
    assert looks[kind].errors == []


def test_screenshots_of_every_kind_of_page_are_kept(looks):
    shots = sorted(path.name for path in ARTIFACTS.glob("*.png"))
    expected = sorted(f"{k}-{w}-{p}.png" for k in KINDS for w in WIDTHS for p in PALETTES)
    assert shots == expected
    assert all((ARTIFACTS / name).stat().st_size > 5_000 for name in shots)


UNFINISHED = """
<main class="md-main"><div class="md-content"><article>
  <h1>A page with every fault</h1>
  <p>Its text.</p>
  <h2>An empty section</h2>
  <h2>A wide one</h2>
  <p style="width: 2000px">Wider than any window.</p>
  <div style="width: 60px; overflow: hidden; white-space: nowrap">Cut off by its box</div>
  <p style="width: 60px">On 2024-06-17 it broke.</p>
</article></div></main>
<script>console.error("a fault")</script>
"""


def test_the_checks_find_each_fault_they_look_for(browser):
    # Each check can fail: a page with one fault of each kind is caught by every one of them.
    seen = {"faulty": Looks()}
    log = ErrorLog(seen, "faulty", "light")
    page = browser.new_page(viewport={"width": 390, "height": 900})
    page.on("console", log.console)
    page.set_content(UNFINISHED)
    found = page.evaluate(FINDINGS)
    page.close()
    # Widths in pixels depend on the browser's fonts: what was found is what is asserted.
    assert re.fullmatch(r"the page is 20\d\d px wide in a 390 px window", found["sideways"][0])
    assert found["sideways"][1:] == ['<p> "Wider than any window." reaches 2008 px']
    assert [re.sub(r"\d+", "N", cut) for cut in found["cut"]] == [
        '<div> "Cut off by its box": NxN px of text in a NxN px box'
    ]
    assert found["empty"] == ['<h2> "An empty section" has nothing under it']
    assert found["dates"] == ['"2024-06-17" breaks across 2 lines']
    assert seen["faulty"].errors == ["a fault (light)"]
