"""The sample site in a real browser: navigation, search, palette and a clean console on every page.

The site is built once from the project's own `content/` (every article and the actor registry),
served on localhost and driven with headless Chromium.
"""

from __future__ import annotations

import html
import importlib
import json
import os
import re
import shutil
from pathlib import Path

import pytest
import yaml

from generator.site import search
from tests.seed_build import PROJECT, SEED_SLUG
from tests.site_server import (
    CHROMIUM,
    CHROMIUM_ARGS,
    THIRD_PARTY_HOSTS,
    answer_third_party,
    serve,
)
from tests.strict_site import build_strict_site

SEED_TITLE = "Putin Makes First Visit To North Korea In 24 Years"
SEED_ACTOR = "Yuri Ushakov"
NOT_BRIEFS = ("index.md", "timeline.md", "tags.md")
SCREENSHOT = PROJECT / "test-artifacts" / "seed-brief.png"

# In CI (CI=true) a missing browser or driver fails the run, saying what is missing; locally the
# browser tests are skipped, saying why.
IS_CI = bool(os.environ.get("CI"))
try:
    playwright = importlib.import_module("playwright.sync_api")
except ImportError:
    if IS_CI:
        pytest.fail("playwright is not installed: pip install -e '.[test]'", pytrace=False)
    pytest.skip("playwright is not installed", allow_module_level=True)
if not CHROMIUM.exists():
    missing = f"no browser at {CHROMIUM}: install Debian's chromium or set BRIEFS_CHROMIUM"
    if IS_CI:
        pytest.fail(missing, pytrace=False)
    pytest.skip(missing, allow_module_level=True)


class SitePage:
    """One page of a headless Chromium on the served site, recording errors and third parties."""

    def __init__(self, page, url: str) -> None:
        self.page = page
        self.url = url
        self.errors: list[str] = []
        """Console errors and uncaught exceptions, each with the page it happened on."""
        self.third_party: list[str] = []
        """Addresses asked for that are not on the served site."""
        page.on("console", self._on_console)
        page.on("pageerror", lambda error: self.errors.append(f"{page.url}: {error}"))
        page.on("request", self._on_request)

    def _on_console(self, message) -> None:
        if message.type == "error":
            self.errors.append(f"{self.page.url}: {message.text} ({message.location['url']})")

    def _on_request(self, request) -> None:
        if not request.url.startswith(f"{self.url}/"):
            self.third_party.append(request.url)

    def open(self, path: str) -> None:
        """Go to a page of the site, by its path below the site's root."""
        self.page.goto(f"{self.url}/{path}")


@pytest.fixture(scope="module")
def site_page(sample_site):
    with serve(sample_site / "site") as url, playwright.sync_playwright() as driver:
        chromium = driver.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        context = chromium.new_context(
            color_scheme="light", viewport={"width": 1280, "height": 900}
        )
        for host in THIRD_PARTY_HOSTS:
            context.route(f"https://{host}/**", answer_third_party)
        yield SitePage(context.new_page(), url)
        chromium.close()


def brief_title(markdown: Path) -> str:
    """The title a brief's page shows (front matter titles are HTML-escaped for the templates)."""
    matter = yaml.safe_load(markdown.read_text(encoding="utf-8").split("---\n")[1])
    return html.unescape(matter["title"])


def heading(page) -> str:
    """The page's title heading, without the permalink sign after it."""
    return page.locator("article h1").inner_text().removesuffix("¶").strip()


def test_home_page_links_every_brief(sample_site, site_page):
    briefs = {
        path.stem: brief_title(path)
        for path in (sample_site / "briefs").glob("*.md")
        if path.name not in NOT_BRIEFS
    }
    articles = [path for path in (sample_site / "content").iterdir() if path.suffix != ".yml"]
    assert len(briefs) == len(articles)
    site_page.open("")
    content = site_page.page.locator("article")
    for slug, title in briefs.items():
        link = content.get_by_role("link", name=title, exact=True)
        assert link.count() == 1, title
        assert link.evaluate("a => a.href") == f"{site_page.url}/{slug}/"


def search_for(site_page: SitePage, query: str):
    """Type a query into the header's search box; return the results that show the seed."""
    search = site_page.page.locator("input.md-search__input")
    search.click()
    search.press_sequentially(query)
    results = site_page.page.locator(".md-search-result__item")
    seed = results.filter(has=site_page.page.get_by_role("heading", name=SEED_TITLE, exact=True))
    seed.first.wait_for()
    return seed


def test_search_finds_the_seed_brief_by_an_actor(site_page):
    asked: list[str] = []
    site_page.page.on("request", lambda request: asked.append(request.url))
    site_page.open("")
    seed = search_for(site_page, "Ushakov")
    target = seed.first.locator("a").first.evaluate("a => a.href")
    assert target.startswith(f"{site_page.url}/{SEED_SLUG}/")
    # Pagefind answered: its index was fetched in pieces, Material's lunr worker never ran.
    assert f"{site_page.url}/pagefind/pagefind.js" in asked
    assert any(url.startswith(f"{site_page.url}/pagefind/fragment/") for url in asked)
    assert not [url for url in asked if "/workers/search." in url]


MANY_PAGES = 60
"""More pages than the search list shows (the worker's MOST_RESULTS, 50)."""


@pytest.fixture(scope="module")
def many_pages_site(tmp_path_factory):
    """A strict site of 60 pages that all say "harbour", and one that says "lighthouse"."""
    workdir = tmp_path_factory.mktemp("many-pages")
    docs = workdir / "briefs"
    (docs / "actors").mkdir(parents=True)
    for name in ("index.md", "timeline.md", "tags.md", "actors/index.md"):
        (docs / name).write_text("# Listing\n", encoding="utf-8")
    for number in range(MANY_PAGES):
        (docs / f"port-{number}.md").write_text(
            f"# Port {number}\n\nThe harbour of port {number} reopened.\n", encoding="utf-8"
        )
    (docs / "port-0.md").write_text("# Port 0\n\nThe lighthouse and harbour.\n", encoding="utf-8")
    return build_strict_site(workdir)


def indexed_in_parts(site: Path, workdir: Path) -> Path:
    """A copy of the site indexed in three parts, as a large site is (generator/site/search.py)."""
    site = shutil.copytree(site, workdir / "site")
    pages = sorted(
        page.relative_to(site).as_posix()
        for page in site.rglob("index.html")
        if "data-pagefind-body" in page.read_text(encoding="utf-8")
    )
    content_bytes = dict.fromkeys(pages, 3 * search.CONTENT_BYTES_PER_INDEX // len(pages))
    search.index_site(site, pages, content_bytes=content_bytes)
    assert json.loads((site / "pagefind" / "parts.json").read_text()) == ["parts/1/", "parts/2/"]
    return site


@pytest.mark.parametrize("is_in_parts", [False, True])
def test_search_count_says_how_many_pages_match_where_the_list_shows_fewer(
    site_page, many_pages_site, tmp_path, is_in_parts
):
    # The list stops at 50 results; the count above it says how many pages match rather than
    # "50 matching documents". An index made in parts, which the worker merges, counts the same.
    site = indexed_in_parts(many_pages_site, tmp_path) if is_in_parts else many_pages_site
    with serve(site) as url:
        page = site_page.page.context.browser.new_page()
        page.goto(f"{url}/")
        search = page.locator("input.md-search__input")
        search.click()
        search.press_sequentially("harbour")
        meta = page.locator(".md-search-result__meta")
        meta.filter(has_text=f"50 of {MANY_PAGES} matching documents").wait_for()
        search.fill("")
        search.press_sequentially("lighthouse")  # Material reads the box on key presses
        meta.filter(has_text=re.compile(r"^1 matching document$")).wait_for()
        page.close()


def test_search_for_a_name_finds_its_actor_page_not_the_pages_listing_it(site_page):
    page = site_page.page
    site_page.open("")
    page.locator("input.md-search__input").click()
    page.locator("input.md-search__input").press_sequentially("Kirby")
    results = page.locator(".md-search-result__item")
    results.filter(has=page.get_by_role("heading", name="John Kirby", exact=True)).wait_for()
    found = {heading.inner_text() for heading in results.locator("h1").all()}
    # Briefs quoting him are found; the pages that only list him among an actor's companions
    # (Biden administration, Yuri Ushakov) are not.
    assert SEED_TITLE in found
    assert not found & {"Biden administration", "Yuri Ushakov", "US National Security Council"}


def test_a_lone_short_word_is_matched_whole_a_longer_one_as_a_prefix(site_page):
    page = site_page.page
    site_page.open("")
    box = page.locator("input.md-search__input")
    box.click()
    results = page.locator(".md-search-result__item")
    # "Ki" starts "Kim" and "Kirby", but two letters alone are taken as a word: no page has it.
    box.press_sequentially("Ki")
    page.locator(".md-search-result__meta", has_text="No matching documents").wait_for()
    box.press_sequentially("r")
    results.filter(has=page.get_by_role("heading", name="John Kirby", exact=True)).wait_for()
    # A short word that is a word of the site is found as one.
    box.fill("")
    box.press_sequentially("US")
    results.filter(has=page.get_by_role("heading", name=SEED_TITLE, exact=True)).wait_for()


def test_keyboard_shortcut_opens_search_and_a_result_highlights_the_query(site_page):
    page = site_page.page
    site_page.open("timeline/")
    page.keyboard.press("/")
    assert page.evaluate("document.activeElement.classList.contains('md-search__input')")
    page.keyboard.type("Ushakov")
    results = page.locator(".md-search-result__item")
    seed = results.filter(has=page.get_by_role("heading", name=SEED_TITLE, exact=True))
    seed.first.wait_for()
    # The excerpt marks the word found, and the brief opens with it highlighted.
    assert "Ushakov" in seed.first.locator("mark").first.inner_text()
    seed.first.locator("a").first.click()
    page.wait_for_url(f"{site_page.url}/{SEED_SLUG}/?h=ushakov")
    highlighted = page.locator("article mark[data-md-highlight]")
    highlighted.first.wait_for()
    assert highlighted.first.inner_text().casefold() == "ushakov"


def test_search_results_in_dark_mode(site_page):
    page = site_page.page
    site_page.open(f"{SEED_SLUG}/")
    page.locator('[data-md-component="palette"] label[for="__palette_1"]').click()
    try:
        assert page.locator("body").get_attribute("data-md-color-scheme") == "slate"
        search_for(site_page, "Ushakov")
        # The list is drawn again as each key's results come in: read the colour of a heading
        # that is still on the page (a replaced one has no computed style).
        color = page.wait_for_function(
            """title => {
                for (const heading of document.querySelectorAll(".md-search-result__item h1")) {
                    const color = heading.isConnected && heading.textContent.trim() === title
                        && getComputedStyle(heading).color;
                    if (color && /\\d/.test(color)) return color;
                }
                return null;
            }""",
            arg=SEED_TITLE,
        ).json_value()
        # Material's slate scheme: light text on the dark result list.
        red, green, blue = (int(part) for part in re.findall(r"\d+", color)[:3])
        assert min(red, green, blue) > 150, color
        SCREENSHOT.parent.mkdir(exist_ok=True)
        page.screenshot(path=str(SCREENSHOT.parent / "sample-search-dark.png"))
    finally:
        page.keyboard.press("Escape")
        page.locator('[data-md-component="palette"] label[for="__palette_0"]').click()


def test_actor_box_opens_the_actor_page_which_links_back(site_page):
    page = site_page.page
    site_page.open(f"{SEED_SLUG}/")
    page.locator(".grid.cards").get_by_role("link", name=SEED_ACTOR, exact=True).click()
    page.wait_for_url(f"{site_page.url}/actors/yuri-ushakov/")
    assert heading(page) == SEED_ACTOR
    page.locator("article").get_by_role("link", name=SEED_TITLE, exact=True).first.click()
    page.wait_for_url(f"{site_page.url}/{SEED_SLUG}/")
    assert heading(page) == SEED_TITLE


def test_related_reading_opens_the_related_brief(site_page):
    page = site_page.page
    site_page.open(f"{SEED_SLUG}/")
    related = page.locator("h2#related-reading + ul a").first
    title, target = related.inner_text(), related.evaluate("a => a.href")
    assert target.startswith(site_page.url) and SEED_SLUG not in target
    related.click()
    page.wait_for_url(target)
    assert heading(page) == title


def test_palette_toggle_switches_between_light_and_dark(site_page):
    page = site_page.page
    site_page.open(f"{SEED_SLUG}/")
    body = page.locator("body")
    assert body.get_attribute("data-md-color-scheme") == "default"
    # Each toggle is the label of the palette it switches to (the tooltips feature moves their
    # titles into tooltips, so they are found by that target).
    page.locator('[data-md-component="palette"] label[for="__palette_1"]').click()
    try:
        assert body.get_attribute("data-md-color-scheme") == "slate"
    finally:
        page.locator('[data-md-component="palette"] label[for="__palette_0"]').click()
    assert body.get_attribute("data-md-color-scheme") == "default"


def test_no_console_errors_on_any_page(sample_site, site_page):
    site = sample_site / "site"
    pages = sorted(path.parent.relative_to(site).as_posix() for path in site.rglob("index.html"))
    # Every Markdown page becomes one index.html: the count shows no page was left out.
    markdown = [p for p in (sample_site / "briefs").rglob("*.md") if ".generated" not in p.parts]
    assert len(pages) == len(markdown)
    site_page.errors.clear()
    site_page.third_party.clear()
    for path in pages:
        site_page.open("" if path == "." else f"{path}/")
    assert site_page.errors == []
    hosts = {address.split("/")[2] for address in site_page.third_party}
    assert hosts <= set(THIRD_PARTY_HOSTS), site_page.third_party


def test_screenshot_of_the_seed_brief(site_page):
    page = site_page.page
    site_page.open(f"{SEED_SLUG}/")
    page.wait_for_load_state("networkidle")
    assert page.locator("body").get_attribute("data-md-color-scheme") == "default"
    SCREENSHOT.parent.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOT), full_page=True)
    assert SCREENSHOT.stat().st_size > 10_000


def test_quotes_read_as_strongly_as_the_text_around_them(site_page):
    # Material draws blockquotes in its pale colour; a brief's quotes are the article's words.
    page = site_page.page
    site_page.open(f"{SEED_SLUG}/")
    quote = page.locator("h2#quotes ~ blockquote").first
    text = page.locator("article p").first
    assert quote.evaluate("q => getComputedStyle(q).color") == text.evaluate(
        "p => getComputedStyle(p).color"
    )


def test_the_at_a_glance_box_reads_as_large_as_the_key_facts(site_page):
    # Material draws admonitions smaller than the text; the glance is what a reader reads first.
    page = site_page.page
    site_page.open(f"{SEED_SLUG}/")
    glance = page.locator(".admonition p").last
    fact = page.locator("h2#key-facts + ul li").first
    assert glance.evaluate("p => getComputedStyle(p).fontSize") == fact.evaluate(
        "li => getComputedStyle(li).fontSize"
    )


def test_a_speaker_line_sits_closer_to_its_quote_than_to_the_next(sample_site, site_page):
    # A reading found each "— speaker" line as far from its quote as from the next one.
    slug = next(
        (
            brief.stem
            for brief in sorted((sample_site / "briefs").glob("*.md"))
            if brief.read_text(encoding="utf-8").split("## Quotes")[-1].count("\n> ") >= 2
        ),
        None,
    )
    assert slug, "no sample brief has two quotes to compare the gaps"
    page = site_page.page
    site_page.open(f"{slug}/")
    quotes = page.locator("h2#quotes ~ blockquote")
    quote, following = quotes.nth(0).bounding_box(), quotes.nth(1).bounding_box()
    line = page.locator("h2#quotes ~ blockquote + p").first.bounding_box()
    assert quote and line and following
    to_its_quote = line["y"] - (quote["y"] + quote["height"])
    to_the_next = following["y"] - (line["y"] + line["height"])
    assert to_its_quote * 2 < to_the_next, (to_its_quote, to_the_next)
