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
   2024", "First published on May 14, 2024 / 1:07 AM", "Publicado em 14/05/2024"), when the
   page shows one day so labelled: several different days are a list of other stories. A day
   in figures is read in the order of the page's locale (its `lang`, its address's country
   domain: 05/10 is 5 October in Brazil, May 10 in the United States), and not read when
   nothing tells the order. A line without the year ("Posted Nov 18, 8:19 PM") takes it from
   the address's year and month folders, or from the markup's date when that is within
   `MAX_DAYS_APART` of it (a UTC stamp of an evening story); never from a guess.
3. htmldate's reading of the markup (`article:published_time`, JSON-LD `datePublished`,
   `<time>`), which reads the address's date only after the markup's.
"""

from __future__ import annotations

import datetime as dt
import re
import urllib.parse
from collections.abc import Iterator
from dataclasses import dataclass

import lxml.html
from babel import Locale, UnknownLocaleError
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
    r"^\s*(?:first\s+|originally\s+)?(?:published|posted|publication\s+date|date\s+published"
    r"|publicad[oa]\s+(?:em|el|a)|publié(?:e)?\s+le|pubblicato\s+il|veröffentlicht\s+am)"
    r"\b\s*(?:on\b|:)?",
    re.IGNORECASE,
)
"""The words that label the day a page went out, in English and the languages whose pages
the importer meets most ("Publicado em", "Publié le", "Pubblicato il", "Veröffentlicht am");
"Updated" labels a later day, "Publicado por" the writer."""
LABEL_TEXTS = etree.XPath(
    "//body//text()[not(parent::script or parent::style)]"
    "[contains(., 'ublish') or contains(., 'UBLISH') or contains(., 'ublica')"
    " or contains(., 'UBLICA') or contains(., 'osted') or contains(., 'OSTED')"
    " or contains(., 'ublié') or contains(., 'ubblicato') or contains(., 'eröffentlicht')]"
)
"""The texts that may hold a label, found by lxml: a test in Python on every text of a page
costs more than the rest of this module."""
CANONICAL_LINKS = etree.XPath("//head/link[@rel='canonical'][@href]")
MAX_LABEL_LINE_WORDS = 16
"""A publication line is a label, a date, a clock time and perhaps a byline; a paragraph that
opens with "Posted" is prose."""
NUMERIC_DATE = re.compile(r"\b(\d{1,2})[./-](\d{1,2})[./-]((?:19|20)\d\d)\b")
"""A day in figures: day and month in the order of the page's locale, then the year."""
YEARLESS_DATES = (
    re.compile(r"\b(?P<month>[A-Za-z]{3,9})\.?\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?\b"),
    re.compile(r"\b(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?P<month>[A-Za-z]{3,9})\b"),
)
"""A day and a month's name ("Nov 18", "18 November"), read where no year follows them."""
ADDRESS_MONTH = re.compile(r"/(?P<year>(?:19|20)\d\d)/(?P<month>0?[1-9]|1[0-2]|[a-z]{3,9})(?:/|$)")
"""A year and month set as folders of the address's path (`/2019/11/slug.html`)."""
GENERIC_DOMAINS = frozenset({"com", "org", "net", "info", "biz", "edu", "gov", "io", "co"})
COUNTRY_DOMAINS = {"uk": "GB"}
"""Country domains that are not the country's ISO code."""
MAX_DAYS_APART = 2
"""How far from a day without its year the markup's date may stand to lend it its year: the
same story's stamp in another time zone, never another story's."""
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


@dataclass(frozen=True)
class ShownDay:
    """A day a page's publication line shows; without a year when the line leaves it out."""

    month: int
    day: int
    year: int | None = None


def shown_publication_date(tree: lxml.html.HtmlElement, url: str | None) -> ShownDay | None:
    """The day the page's labelled publication line shows, when it shows one day so labelled;
    a day without its year takes the year of the address's year and month folders."""
    days = set(_labelled_days(tree, _reads_day_first(tree, url)))
    if len(days) != 1:
        return None
    day = days.pop()
    folders = _address_month(url, tree)
    if day.year is None and folders is not None and folders[1] == day.month:
        return ShownDay(day.month, day.day, folders[0])
    return day


def _labelled_days(tree: lxml.html.HtmlElement, day_first: bool | None) -> list[ShownDay]:
    days: list[ShownDay] = []
    for element in _label_holders(tree):
        for _ in range(LABEL_ANCESTORS + 1):
            if element is None or element.tag in ("script", "style"):
                break
            line = one_line(element.text_content())
            if len(line.split()) > MAX_LABEL_LINE_WORDS or not PUBLICATION_LABEL.match(line):
                break
            day = _shown_day(line, day_first)
            if day is not None:
                days.append(day)
                break
            element = element.getparent()
    return days


def _shown_day(line: str, day_first: bool | None) -> ShownDay | None:
    """The day a label line writes: with a month's name, in figures, or without its year."""
    date = parse_date(line)
    if date is not None:
        return ShownDay(date.month, date.day, date.year)
    figures = NUMERIC_DATE.search(line)
    if figures is not None:
        first, second, year = (int(group) for group in figures.groups())
        if day_first is None and first <= 12 and second <= 12 and first != second:
            return None  # 05/10: nothing tells the order
        # A figure over 12 is the day, whatever the locale says.
        is_day_first = first > 12 or (second <= 12 and bool(day_first))
        day, month = (first, second) if is_day_first else (second, first)
        return _valid(ShownDay(month, day, year))
    for pattern in YEARLESS_DATES:
        match = pattern.search(line)
        named = MONTHS.get(match.group("month").lower()) if match else None
        if match is not None and named is not None:
            return _valid(ShownDay(named, int(match.group("day"))))
    return None


def _valid(day: ShownDay) -> ShownDay | None:
    try:
        dt.date(day.year or 2000, day.month, day.day)  # 2000: a leap year keeps 29 February
    except ValueError:
        return None
    return day


def _reads_day_first(tree: lxml.html.HtmlElement, url: str | None) -> bool | None:
    """Whether the page's locale writes the day before the month in figures (CLDR's short
    date pattern: "dd/MM/y" in pt-BR, "M/d/yy" in en-US); None when nothing tells: no
    language, or English without a country."""
    language, _, region = (tree.get("lang") or "").replace("_", "-").partition("-")
    territory = region.upper()[:2] or _country(url)
    language = language.lower()
    if not territory and language in ("", "en"):
        return None
    try:
        locale = Locale.parse(f"{language or 'und'}_{territory}" if territory else language)
    except (UnknownLocaleError, ValueError):
        return None
    pattern = str(locale.date_formats["short"].pattern)
    return pattern.find("d") < pattern.find("M")


def _country(url: str | None) -> str:
    """The country of the address's domain ("BR" of .com.br), or "" for a generic domain."""
    suffix = urllib.parse.urlsplit(url or "").hostname or ""
    code = suffix.rsplit(".", 1)[-1]
    if len(code) != 2 or code in GENERIC_DOMAINS:
        return ""
    return COUNTRY_DOMAINS.get(code, code.upper())


def _address_month(url: str | None, tree: lxml.html.HtmlElement) -> tuple[int, int] | None:
    canonical = [link.get("href") for link in CANONICAL_LINKS(tree)]
    for address in filter(None, (url, *canonical)):
        match = ADDRESS_MONTH.search(urllib.parse.urlsplit(address).path)
        if match is None:
            continue
        month_text = match.group("month")
        month = int(month_text) if month_text.isdigit() else MONTHS.get(month_text.lower())
        if month is not None:
            return int(match.group("year")), month
    return None


def _label_holders(tree: lxml.html.HtmlElement) -> Iterator[lxml.html.HtmlElement]:
    """The elements whose own text, or a child's tail, opens on a publication label."""
    for text in LABEL_TEXTS(tree):
        if PUBLICATION_LABEL.match(text):
            holder = text.getparent()
            yield holder.getparent() if text.is_tail else holder


def publication_date(
    address: dt.date | None, shown: ShownDay | None, from_markup: dt.date | None
) -> dt.date | None:
    """The page's day of publication: its address's folders, else its labelled line, else
    what its markup says. A shown day without its year takes the markup's when the two are
    `MAX_DAYS_APART` at most (the markup's UTC stamp of the same evening)."""
    return address or _shown_date(shown, from_markup) or from_markup


def _shown_date(shown: ShownDay | None, from_markup: dt.date | None) -> dt.date | None:
    if shown is None:
        return None
    if shown.year is not None:
        return dt.date(shown.year, shown.month, shown.day)
    if from_markup is None:
        return None
    for year in (from_markup.year, from_markup.year - 1, from_markup.year + 1):
        try:
            day = dt.date(year, shown.month, shown.day)
        except ValueError:
            continue
        if abs((day - from_markup).days) <= MAX_DAYS_APART:
            return day
    return None
