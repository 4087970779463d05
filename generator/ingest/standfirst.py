"""A page's standfirst (its deck): the summary it sets under the headline. HTML and the body's
paragraphs in; the paragraphs with a standfirst the body goes on from, and the deck, out.

A news page may print its first sentence in a summary box between the headline and the body
(the page's `description` shown on the page), where trafilatura does not look. The body then
goes on from it ("In addition to the three deaths, ..."): the article is incomplete without it.
A page whose body stands alone keeps its body only: its deck is the page's, not the article's,
and the brief may show it as its at-a-glance line (`Article.standfirst`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

import lxml.etree
import lxml.html

from generator.analysis.connectives import opens_on_a_connective
from generator.ingest.clean import is_sentence, one_line, same_text
from generator.ingest.page_tree import decks

DESCRIPTION_KEYS = ("description", "og:description", "twitter:description")
"""The `<meta>` names and properties by which a page describes itself, most direct first."""
NOT_SHOWN_TAGS = frozenset({"script", "style", "noscript", "template", "head", "title"})
MAX_SHOWN_GROWTH = 1.5
"""How much longer than a shortened description the element that shows it whole may be."""
ELLIPSES = ("…", "...")
OPENING_QUOTES = ('"', "“", "‘", "'", "«", "„")
"""A summary that opens on one gives someone's words: a pull quote, not the page's summary."""
TOPIC_WORD = re.compile(r"\w{4,}")
MIN_SHARED_TOPIC_WORDS = 1 / 3
"""A deck tells of the article: a third of its longer words at least are the article's. A
site's slogan, shown on every page as its description, tells of the site."""


@dataclass(frozen=True)
class Summaries:
    """What a page sets above its body to sum it up: headings under the headline (`decks`) and
    its `<meta>` descriptions as an element of the page shows them, in that order."""

    headings: tuple[str, ...] = ()
    shown_descriptions: tuple[str, ...] = ()


def page_summaries(html_text: str) -> Summaries:
    """The page's summaries of itself (`Summaries`); none for a page that does not parse."""
    try:
        tree = lxml.html.document_fromstring(html_text)
    except (lxml.etree.ParserError, ValueError):
        return Summaries()
    headings = tuple(text for text in map(_text, decks(tree)) if text)
    return Summaries(headings, tuple(dict.fromkeys(_shown_descriptions(tree))))


def with_standfirst(paragraphs: tuple[str, ...], summaries: Summaries) -> tuple[str, ...]:
    """The body's paragraphs, after the standfirst the page shows when the body goes on from
    it (its first sentence opens on a connective) and does not say it itself."""
    if not paragraphs or not opens_on_a_connective(paragraphs[0]):
        return paragraphs
    standfirst = next(iter(summaries.shown_descriptions), None)
    if standfirst is None or not is_sentence(standfirst):
        return paragraphs
    if any(same_text(standfirst, paragraph) for paragraph in paragraphs):
        return paragraphs
    return (standfirst, *paragraphs)


def page_deck(summaries: Summaries, title: str, paragraphs: tuple[str, ...]) -> str | None:
    """The page's deck, or None: the first heading under its headline that is one (`is_deck`),
    else the first description it shows that is one and tells of the article. A heading's
    place is the evidence that it sums up the article (a paywalled stub has too few words to
    compare with); a description may be the site's slogan, shown in its banner."""
    headings = (text for text in summaries.headings if is_deck(text, title, paragraphs))
    descriptions = (
        text
        for text in summaries.shown_descriptions
        if is_deck(text, title, paragraphs) and _tells_of(text, title, paragraphs)
    )
    return next(headings, None) or next(descriptions, None)


def is_deck(summary: str, title: str, paragraphs: tuple[str, ...]) -> bool:
    """Whether a summary set above the body is the page's own deck: whole (a teaser cut with
    "…" is not), nobody's quoted words, not a sentence the article itself says (a lead the
    page prints twice, a pull quote) nor the headline."""
    if summary.endswith(ELLIPSES) or summary.startswith(OPENING_QUOTES):
        return False
    return _comparable(summary) not in _comparable(" ".join(paragraphs)) and not same_text(
        summary, title
    )


def _tells_of(summary: str, title: str, paragraphs: tuple[str, ...]) -> bool:
    words = {word.casefold() for word in TOPIC_WORD.findall(summary)}
    article = {word.casefold() for word in TOPIC_WORD.findall(" ".join((title, *paragraphs)))}
    return bool(words) and len(words & article) >= MIN_SHARED_TOPIC_WORDS * len(words)


def _shown_descriptions(tree: lxml.html.HtmlElement) -> Iterator[str]:
    meta = {
        (element.get("property") or element.get("name") or "").lower(): element.get("content")
        for element in tree.iter("meta")
    }
    body = tree.find("body")
    if body is None:
        return
    descriptions = dict.fromkeys(one_line(meta[k]) for k in DESCRIPTION_KEYS if meta.get(k))
    for description in descriptions:
        shown = _shown(body, description)
        if shown is not None:
            yield shown


def _shown(body: lxml.html.HtmlElement, description: str) -> str | None:
    shortened = description.removesuffix(ELLIPSES[0]).removesuffix(ELLIPSES[1]).strip()
    if not shortened:
        return None
    for element in body.iter():
        if not isinstance(element.tag, str) or element.tag in NOT_SHOWN_TAGS:
            continue
        shown = one_line(element.text_content())
        if shown.startswith(shortened) and len(shown) <= MAX_SHOWN_GROWTH * len(description):
            # An element that shows the whole description and more (share buttons after it,
            # "FacebookTwitterEmail") shows the description.
            return description if shortened == description else shown
    return None


def _comparable(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.casefold()))


def _text(element: lxml.html.HtmlElement) -> str:
    return one_line("".join(element.itertext()))
