"""The day a web page was published, by the evidence the page gives about itself.

A page holds many dates: the day it went out, the day it was updated, the day of the statement
a fact check examines, the dates of the stories its sidebar lists. htmldate looks for the
publication date in the page's markup, but it takes the first date an element whose class says
"date" or "meta" holds, which may be the date of something the article is about ("David
McKinley on Sunday, October 13th, 2019", on a page published a month later). Every relative
date of the brief ("last week", "on Monday") is read against the date chosen here.

Evidence, strongest first:
1. The address: a date set as the path's folders (`/2024/05/14/`, `/2024/may/14/`) is the
   publisher's calendar day at publication (the local day, where a UTC time stamp may be the
   next day's); a date inside the slug ("...-testimony-2024-05-14") may be the event's. The
   page's address, else its canonical one (a syndicated copy names the original there).
2. The page's labelled publication line, shown to the reader ("Published: Monday, May 14th,
   2024", "First published on May 14, 2024 / 1:07 AM"), when the page shows one day so
   labelled: several different days are a list of other stories.
3. htmldate's reading of the markup (`article:published_time`, JSON-LD `datePublished`,
   `<time>`), which reads the address's date only after the markup's.
"""

from __future__ import annotations

import datetime as dt
import re
import urllib.parse
from collections.abc import Iterator

import lxml.html
from lxml import etree

from generator.analysis.lexicon import MONTHS
from generator.ingest.clean import one_line, parse_date

ADDRESS_DATE = re.compile(
    r"/(?P<year>(?:19|20)\d\d)/(?P<month>0?[1-9]|1[0-2]|[a-z]{3,9})/(?P<day>0?[1-9]|[12]\d|3[01])"
    r"(?:/|$)",
    re.IGNORECASE,
)
"""A date set as three folders of the address's path: year, month (a number or a name), day."""
PUBLICATION_LABEL = re.compile(
    r"^\s*(?:first\s+|originally\s+)?(?:published|posted|publication\s+date|date\s+published)"
    r"\b\s*(?:on\b|:)?",
    re.IGNORECASE,
)
"""The words that label the day a page went out; "Updated" labels a later day."""
LABEL_TEXTS = etree.XPath(
    "//body//text()[not(parent::script or parent::style)]"
    "[contains(., 'ublish') or contains(., 'UBLISH') or contains(., 'ublica')"
    " or contains(., 'UBLICA') or contains(., 'osted') or contains(., 'OSTED')]"
)
"""The texts that may hold a label, found by lxml: a test in Python on every text of a page
costs more than the rest of this module."""
CANONICAL_LINKS = etree.XPath("//head/link[@rel='canonical'][@href]")
MAX_LABEL_LINE_WORDS = 16
"""A publication line is a label, a date, a clock time and perhaps a byline; a paragraph that
opens with "Posted" is prose."""
LABEL_ANCESTORS = 2
"""How far up from the label's own text the date may stand ("<span>Published:</span>
<time>May 14, 2024</time>" in one line's element)."""


def address_date(url: str | None) -> dt.date | None:
    """The date the address's folders give (`/2024/05/14/`, `/2024/may/14/`), if any."""
    if not url:
        return None
    match = ADDRESS_DATE.search(urllib.parse.urlsplit(url).path)
    if match is None:
        return None
    month_text = match.group("month")
    month = int(month_text) if month_text.isdigit() else MONTHS.get(month_text.lower())
    if month is None:
        return None
    try:
        return dt.date(int(match.group("year")), month, int(match.group("day")))
    except ValueError:
        return None


def page_address_date(tree: lxml.html.HtmlElement, url: str | None) -> dt.date | None:
    """The date the folders of the page's address give, else those of its canonical address."""
    canonical = [link.get("href") for link in CANONICAL_LINKS(tree)]
    return next(filter(None, map(address_date, (url, *canonical))), None)


def shown_publication_date(tree: lxml.html.HtmlElement) -> dt.date | None:
    """The day the page's labelled publication line shows, when it shows one day so labelled."""
    days = set(_labelled_days(tree))
    return days.pop() if len(days) == 1 else None


def _labelled_days(tree: lxml.html.HtmlElement) -> list[dt.date]:
    days: list[dt.date] = []
    for element in _label_holders(tree):
        for _ in range(LABEL_ANCESTORS + 1):
            if element is None or element.tag in ("script", "style"):
                break
            line = one_line(element.text_content())
            if len(line.split()) > MAX_LABEL_LINE_WORDS or not PUBLICATION_LABEL.match(line):
                break
            day = parse_date(line)
            if day is not None:
                days.append(day)
                break
            element = element.getparent()
    return days


def _label_holders(tree: lxml.html.HtmlElement) -> Iterator[lxml.html.HtmlElement]:
    """The elements whose own text, or a child's tail, opens on a publication label."""
    for text in LABEL_TEXTS(tree):
        if PUBLICATION_LABEL.match(text):
            holder = text.getparent()
            yield holder.getparent() if text.is_tail else holder


def publication_date(
    address: dt.date | None, shown: dt.date | None, from_markup: dt.date | None
) -> dt.date | None:
    """The page's day of publication: its address's folders, else its labelled line, else
    what its markup says."""
    return address or shown or from_markup
