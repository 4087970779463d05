"""Tidy a web page's title, author and publisher by what the page says about itself: trafilatura's
metadata and the page's HTML in, the headline, the people who wrote it and the publisher out.

Pages dress their metadata for search engines and social networks: the `<title>` carries the
site's and the section's names ("… - IGN", "Opinion | …"), author fields carry roles, outlets,
dates and user names ("Tom Krisher; Ap Auto Writer", "Reuters", "Kevin-R"), and the site name
may be a copyright line or a hosting service ("Copyright 2014", "Hosted"). Each is judged against
the page's other metadata (og:site_name, JSON-LD publisher, article:section, its domain), not a
list of sites.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import urllib.parse
from collections.abc import Iterator
from dataclasses import dataclass

import courlan
import lxml.html
from lxml import etree

from generator.analysis.lexicon import (
    LEADING_WORDS,
    MONTHS,
    NAME_PARTICLES,
    ORGANISATION_ROLE_WORDS,
    PERSON_ROLE_WORDS,
)
from generator.ingest.claim_review import claim_review_verdict
from generator.ingest.clean import STAMP_WORDS, one_line, same_text
from generator.ingest.page_date import ShownDay, page_address_date, shown_publication_date
from generator.ingest.page_tree import control_labels
from generator.models import Verdict

# What separates the parts of a title ("Headline | Site", "Section - Headline"); a colon only
# after a part that names the site ("LinkNaija: …").
TITLE_SEPARATOR = re.compile(r"\s+(?:[|–—•·»/]|-{1,2}|::)\s+")
SITE_PREFIX_SEPARATOR = re.compile(r"\s*[:|–—-]\s+")
# What separates the people of a byline.
AUTHOR_SEPARATOR = re.compile(r"\s*(?:;|,|\||&|\band\b|\bwith\b|/)\s*", re.IGNORECASE)
DOMAIN_ENDING = re.compile(r"\.(?:[a-z]{2,6})(?:\.[a-z]{2})?$", re.IGNORECASE)
"""The end of a site named by its address ("SpaceNews.com", "Example.co.uk")."""
COPYRIGHT = re.compile(r"(?:copyright|©|\(c\))|\b\d{4}\b", re.IGNORECASE)
BYLINE_TAGS = ("span", "div", "p", "li", "address", "section")
BYLINE_MARK = re.compile(r"author|byline|creator", re.IGNORECASE)
BYLINE_LABEL = re.compile(r"([^\W\d_][\w-]*)\s*:\s*\w")
"""A label before a byline's name: a word and a colon ("Text:", "Texto:"); two words before a
colon may be the name ("Ann Lee: Reporter")."""
MAX_HEADLINE_WORDS = 30
"""A headline is a line; a longer `<h1>` is a page that sets its text in one."""
MIN_NAME_WORDS, MAX_NAME_WORDS = 2, 4
"""A byline names a person by given and family name; one word is a user name or an outlet."""
NEWSROOM_WORDS = frozenset(
    {"press", "media", "news", "newsroom", "wire", "wires", "writer", "reporter", "staff",
     "desk", "editorial", "admin", "team", "contributor", "weekly", "online", "service"}
)  # fmt: skip
"""Words of a byline that name a newsroom or a job, not a person ("AP Auto Writer", "NJ Advance
Media"), beside the project's role and organisation words."""
NOT_NAME_WORDS = (
    NEWSROOM_WORDS | PERSON_ROLE_WORDS | ORGANISATION_ROLE_WORDS | STAMP_WORDS | frozenset(MONTHS)
)


@dataclass(frozen=True)
class PageFacts:
    """What a page says about itself, besides trafilatura's reading."""

    site_names: tuple[str, ...]
    """og:site_name, application-name, then the JSON-LD publishers' names, in that order."""
    sections: tuple[str, ...]
    """article:section and the like ("Opinion", "Auto News")."""
    domain: str | None
    """The registrable domain of the page's address ("ap.org" for hosted.ap.org)."""
    subdomains: tuple[str, ...] = ()
    """The host's labels before the domain, but "www" ("hosted" of hosted.ap.org)."""
    credited: tuple[str, ...] = ()
    """The names of the JSON-LD authors, where the page gives them: when it does, a byline
    name none of them holds is the company's ("Condé Nast" in a meta author field)."""
    headlines: tuple[str, ...] = ()
    """The headlines the page shows (`<h1>`), which may differ from the title its metadata
    gives ("Two officers charged ..." under a title "Officers charged over ...")."""
    byline_labels: tuple[str, ...] = ()
    """The words the page's byline sets before a colon ("Text: Ann Lee", "Texto: ..."), in
    any language: trafilatura's author keeps them without the colon ("Text Ann Lee")."""
    address_date: dt.date | None = None
    """The date the folders of the page's address, or its canonical one, give."""
    shown_date: ShownDay | None = None
    """The day the page's labelled publication line shows ("Published: May 14, 2024")."""
    controls: tuple[str, ...] = ()
    """The words of the page's controls ("Order Reprints", `page_tree.control_labels`)."""
    verdict: Verdict | None = None
    """A fact check's verdict, from the page's `ClaimReview` (`claim_review`)."""

    @property
    def domain_label(self) -> str | None:
        """The domain's own name ("vg247" of vg247.com)."""
        return self.domain.split(".")[0] if self.domain else None


def read_page_facts(html_text: str, url: str | None) -> PageFacts:
    """Read the site's names, the sections and the domain from a page's HTML."""
    try:
        tree = lxml.html.document_fromstring(html_text)
    except (etree.ParserError, ValueError):
        return PageFacts((), (), *_domain(url))
    items = list(_json_ld(tree))
    meta = {
        (element.get("property") or element.get("name") or "").lower(): element.get("content")
        for element in tree.iter("meta")
    }
    site_names = [meta.get("og:site_name"), meta.get("application-name")]
    site_names += [name for item in items for name in _names_of(item.get("publisher"))]
    sections = [meta.get(key) for key in ("article:section", "article.section", "section")]
    return PageFacts(
        tuple(dict.fromkeys(one_line(name) for name in site_names if name and one_line(name))),
        tuple(one_line(section) for section in sections if section and one_line(section)),
        *_domain(url or meta.get("og:url")),
        tuple(one_line(name) for item in items for name in _names_of(item.get("author"))),
        tuple(_shown_headlines(tree)),
        tuple(dict.fromkeys(_byline_labels(tree))),
        page_address_date(tree, url or meta.get("og:url")),
        shown_publication_date(tree, url or meta.get("og:url")),
        tuple(dict.fromkeys(control_labels(tree))),
        claim_review_verdict(items),
    )


def _byline_labels(tree: lxml.html.HtmlElement) -> Iterator[str]:
    """The labels of the elements the page marks as its byline (`itemprop`, `class` or `rel`
    naming an author): a word before a colon and the name."""
    for element in tree.iter(*BYLINE_TAGS):
        marks = " ".join(element.get(key) or "" for key in ("itemprop", "class", "rel"))
        if BYLINE_MARK.search(marks):
            label = BYLINE_LABEL.match(one_line(element.text_content()))
            if label:
                yield label.group(1)


def _shown_headlines(tree: lxml.html.HtmlElement) -> Iterator[str]:
    for element in tree.iter("h1"):
        text = one_line(element.text_content())
        if 0 < len(text.split()) <= MAX_HEADLINE_WORDS:
            yield text


def _domain(url: str | None) -> tuple[str | None, tuple[str, ...]]:
    """The registrable domain of an address and the host's labels before it."""
    domain = courlan.extract_domain(url) if url else None
    if not url or not domain:
        return None, ()
    host = urllib.parse.urlsplit(url).hostname or ""
    labels = host.removesuffix(str(domain)).strip(".").split(".")
    return str(domain), tuple(label for label in labels if label and label != "www")


def _json_ld(tree: lxml.html.HtmlElement) -> Iterator[dict[str, object]]:
    """Every JSON-LD object of the page, those of a @graph too."""
    for script in tree.xpath('//script[@type="application/ld+json"]'):
        try:
            yield from _json_ld_items(json.loads(script.text_content()))
        except (json.JSONDecodeError, ValueError):
            continue


def _names_of(value: object) -> Iterator[str]:
    """The names of a JSON-LD person or organisation, or of a list of them."""
    for item in value if isinstance(value, list) else [value]:
        if isinstance(item, dict) and isinstance(item.get("name"), str):
            yield item["name"]
        elif isinstance(item, str) and not item.startswith("http"):
            yield item


def _json_ld_items(data: object) -> Iterator[dict[str, object]]:
    if isinstance(data, list):
        for item in data:
            yield from _json_ld_items(item)
    elif isinstance(data, dict):
        yield data
        yield from _json_ld_items(data.get("@graph"))


def _compact(text: str) -> str:
    return re.sub(r"\W+", "", text.casefold())


def names_the_site(part: str, facts: PageFacts) -> bool:
    """Whether a part of a title or byline is the site's name or its domain's ("VG247",
    "SpaceNews.com", "Remember 80/90"), or most of it."""
    compact = _compact(DOMAIN_ENDING.sub("", part.strip()))
    if len(compact) < 2:
        return False
    names = [_compact(name) for name in facts.site_names]
    if facts.domain_label:
        names.append(_compact(facts.domain_label))
    return any(
        name and (compact == name or (compact in name and 2 * len(compact) >= len(name)))
        for name in names
    )


def headline(title: str, facts: PageFacts, author: str | None) -> str:
    """The title without the site's name, the section's or the author's at either end."""
    for name in facts.site_names:
        title = _without_site_name(title, name)
    parts = _title_parts(title)
    while len(parts) > 1:
        first, last = parts[0][0], parts[-1][0]
        if _is_label(last, facts, author):
            parts = parts[:-1]
        elif _is_label(first, facts, author):
            parts = parts[1:]
        else:
            break
    return title[parts[0][1] : parts[-1][2]].strip()


def _without_site_name(title: str, name: str) -> str:
    """Strip the site's whole name when it opens or closes the title ("LinkNaija | Nigeria's
    popular news platform: …")."""
    if len(title) > len(name) + 3 and same_text(title[: len(name)], name):
        rest = title[len(name) :]
        separator = SITE_PREFIX_SEPARATOR.match(rest)
        if separator:
            return rest[separator.end() :]
    if len(title) > len(name) + 3 and same_text(title[-len(name) :], name):
        rest = title[: -len(name)]
        separator = re.search(r"\s+[|–—•·-]\s*$", rest)
        if separator:
            return rest[: separator.start()]
    return title


def _title_parts(title: str) -> list[tuple[str, int, int]]:
    """(text, start, end) of each part of a title between separators."""
    parts, start = [], 0
    for separator in TITLE_SEPARATOR.finditer(title):
        parts.append((title[start : separator.start()], start, separator.start()))
        start = separator.end()
    parts.append((title[start:], start, len(title)))
    return [part for part in parts if part[0].strip()]


def _is_label(part: str, facts: PageFacts, author: str | None) -> bool:
    return (
        names_the_site(part, facts)
        or any(same_text(part, section) for section in facts.sections)
        or (author is not None and same_text(part, author))
    )


def people(author: str | None, facts: PageFacts) -> str | None:
    """The people a byline names, "; "-separated: no roles, outlets, dates or user names."""
    if not author:
        return None
    names: list[str] = []
    for part in AUTHOR_SEPARATOR.split(author):
        part = _without_label(part.strip(), facts.byline_labels)
        for run in _case_runs(_name_words(part)):
            name = " ".join(run)
            if _is_person_name(run, facts) and _is_credited(name, facts) and name not in names:
                names.append(name)
    return "; ".join(names) or None


def _without_label(part: str, labels: tuple[str, ...]) -> str:
    """The byline part without a label the page sets before it, when a name of two words or
    more follows it."""
    for label in labels:
        rest = part[len(label) :].lstrip(" :")
        if part.casefold().startswith(label.casefold() + " ") and len(rest.split()) >= 2:
            return rest
    return part


def _is_credited(name: str, facts: PageFacts) -> bool:
    """Whether the page's JSON-LD authors hold the name, when they name people at all (some
    name the site, "Snopes", or a user, "kevin-r")."""
    credits = [
        _compact(credit)
        for credit in facts.credited
        if any(_is_person_name(run, facts) for run in _case_runs(_name_words(credit)))
    ]
    return not credits or any(_compact(name) in credit for credit in credits)


def _name_words(part: str) -> list[str]:
    """The capitalised words a byline part opens with ("Phil Helsel is a reporter" -> Phil
    Helsel), without a leading "By" and without dates glued on ("Malcolm Owen Monday")."""
    words = re.sub(r"^(?:by|written by|posted by|text)\s+", "", part.strip(), flags=re.I).split()
    kept: list[str] = []
    for word in words:
        bare = word.strip(".,:;()'\"")
        if bare.lower() in NAME_PARTICLES and kept:
            kept.append(bare)
        elif not bare or not bare[0].isupper() or any(c.isdigit() for c in bare):
            break
        elif bare.lower() in STAMP_WORDS or bare.lower().rstrip(".") in MONTHS:
            continue
        else:
            kept.append(bare)
    while kept and kept[-1].lower() in NAME_PARTICLES:
        kept.pop()
    return kept


def _case_runs(words: list[str]) -> Iterator[list[str]]:
    """Split where words in capitals meet words in title case ("JILL LAWLESS Associated Press"),
    and write a name in capitals in title case."""
    run: list[str] = []
    for word in words:
        if run and (word.isupper() and len(word) > 1) != (run[-1].isupper() and len(run[-1]) > 1):
            yield _title_cased(run)
            run = []
        run.append(word)
    if run:
        yield _title_cased(run)


def _title_cased(words: list[str]) -> list[str]:
    if all(word.isupper() for word in words) and any(len(word) > 2 for word in words):
        return [word.capitalize() for word in words]
    return words


def _is_person_name(words: list[str], facts: PageFacts) -> bool:
    if not MIN_NAME_WORDS <= len(words) <= MAX_NAME_WORDS:
        return False
    if words[0].lower() in LEADING_WORDS or any(w.lower() in NOT_NAME_WORDS for w in words):
        return False
    name = " ".join(words)
    return not names_the_site(name, facts) and not any(
        names_the_site(word, facts) for word in words if len(word) > 1
    )


def publisher(site_name: str | None, facts: PageFacts) -> str | None:
    """The publisher's name: trafilatura's site name, else the page's (og:site_name,
    application-name, JSON-LD publisher), else its domain.

    A copyright line is no name, nor a one-word name of a subdomain that is not the site's own
    ("Hosted" on hosted.ap.org); a name with a slogan keeps the part that names the site.
    """
    for candidate in (site_name, *facts.site_names):
        name = _site_name(candidate or "", facts)
        if name:
            return name
    return facts.domain


def _site_name(candidate: str, facts: PageFacts) -> str | None:
    if COPYRIGHT.search(candidate) and not COPYRIGHT.sub("", candidate).strip(" .,-"):
        return None
    parts = [part for part, _start, _end in _title_parts(candidate)]
    part = next((p for p in parts if names_the_site(p, facts)), parts[0] if parts else "")
    part = part.strip(" _-.|@")
    if not part or COPYRIGHT.search(part):
        return None
    # A hosting service's subdomain is no publisher ("Hosted" on hosted.ap.org).
    return None if part.casefold() in facts.subdomains else part
