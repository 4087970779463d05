"""Hostile article text never becomes markup: checked on the built page in a real browser."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.prerequisites import import_or_missing, missing
from tests.site_server import CHROMIUM, CHROMIUM_ARGS, build_site, serve

FIXTURES = Path(__file__).parent / "fixtures"

MARKDOWN_SLUG = "script-alert-title-script-ministers-7-7-meet"
TEXT_SLUG = "img-src-x-onerror-alert-headline-envoys-meet-in-rome"

playwright = import_or_missing("playwright.sync_api", "make setup installs the test extra")
if not CHROMIUM.exists():
    missing(f"no browser at {CHROMIUM}: install Debian's chromium or set BRIEFS_CHROMIUM")


@pytest.fixture(scope="module")
def hostile_pages(tmp_path_factory):
    site = build_site(
        tmp_path_factory.mktemp("hostile"), [FIXTURES / "hostile.md", FIXTURES / "hostile.txt"]
    )
    with serve(site) as url, playwright.sync_playwright() as driver:
        browser = driver.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        dialogs: list[str] = []
        pages = {}
        for name in (MARKDOWN_SLUG, TEXT_SLUG, ""):
            page = browser.new_page()
            page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
            page.goto(f"{url}/{name}/" if name else f"{url}/")
            page.wait_for_load_state("networkidle")
            pages[name] = page
        yield pages, dialogs
        browser.close()


def test_no_script_runs_on_any_page(hostile_pages):
    pages, dialogs = hostile_pages
    assert dialogs == []
    for page in pages.values():
        for tag in (
            "article script",
            "iframe",
            "article img",
            "[onerror]",
            "[onclick]",
            "[onload]",
        ):
            assert page.locator(tag).count() == 0, tag
        hrefs = [a.get_attribute("href") or "" for a in page.query_selector_all("a")]
        assert not any(href.lower().startswith("javascript:") for href in hrefs)


@pytest.mark.parametrize(
    ("slug", "payloads"),
    [
        (
            MARKDOWN_SLUG,
            [
                "<script>alert('title')</script> Ministers {{ 7*7 }} meet",
                '<iframe src="https://example.org"></iframe>',
                "{{ config }}",
                "{% for x in y %}",
                "{: onclick=\"alert('attr')\" }",
                "<b>bold</b>",
            ],
        ),
        (
            TEXT_SLUG,
            [
                "<img src=x onerror=alert('headline')> Envoys \"meet\" in {{ Rome }}",
                "[went well](javascript:alert('link'))",
                "<script>alert('quote')</script>",
                '<iframe src="https://example.org"></iframe>',
            ],
        ),
    ],
)
def test_payloads_show_as_text(hostile_pages, slug, payloads):
    pages, _ = hostile_pages
    text = pages[slug].locator("body").inner_text()
    for payload in payloads:
        assert payload in text, payload


def test_page_title_is_text(hostile_pages):
    pages, _ = hostile_pages
    assert (
        pages[MARKDOWN_SLUG]
        .title()
        .startswith("<script>alert('title')</script> Ministers {{ 7*7 }} meet")
    )
