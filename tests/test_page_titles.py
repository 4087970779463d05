"""A browser tab says which page it is: the page's own heading, then the site's name, once."""

from __future__ import annotations

import html
import re
from pathlib import Path

from generator.settings import DEFAULT_SITE_NAME

TAB_TITLE = re.compile(r"<title>(.*?)</title>", re.DOTALL)
HEADING = re.compile(r"<h1[^>]*>(.*?)</h1>", re.DOTALL)
TAG = re.compile(r"<[^>]+>")
# Pages are minified: an attribute may come in any order and without quotes.
PERMALINK = re.compile(r"<a\b[^>]*\bclass=\"?headerlink\b.*?</a>", re.DOTALL)


def text_of(markup: str) -> str:
    return " ".join(html.unescape(TAG.sub("", PERMALINK.sub("", markup))).split())


def tabs_and_headings(site: Path) -> dict[str, tuple[str, str]]:
    """Each built page's tab title and first heading, by the path it is served at."""
    found = {}
    for page in sorted(site.rglob("index.html")):
        markup = page.read_text(encoding="utf-8")
        tab, heading = TAB_TITLE.search(markup), HEADING.search(markup)
        assert tab and heading, f"{page} has no <title> or no <h1>"
        found[page.parent.relative_to(site).as_posix()] = (text_of(tab[1]), text_of(heading[1]))
    return found


def test_the_home_page_tab_is_not_the_site_name_twice(sample_site):
    # Not "Briefs - Briefs" (#26).
    tab, _ = tabs_and_headings(sample_site / "site")["."]
    assert tab == f"All briefs - {DEFAULT_SITE_NAME}"


def test_every_tab_names_its_page_as_its_heading_does(sample_site):
    pages = tabs_and_headings(sample_site / "site")
    assert len(pages) > 30  # briefs, actors, timeline, tags: every kind of page
    differ = {
        path: (tab, heading)
        for path, (tab, heading) in pages.items()
        if tab != f"{heading} - {DEFAULT_SITE_NAME}"
    }
    assert differ == {}
