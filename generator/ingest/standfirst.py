"""Keep a page's standfirst that the article's extraction drops: HTML and the body's paragraphs
in, the paragraphs with the standfirst first out.

A news page may print its first sentence in a summary box between the headline and the body
(the page's `description` shown on the page), where trafilatura does not look. The body then
goes on from it ("In addition to the three deaths, ..."): the article is incomplete without it.
A page whose body stands alone keeps its body only: its deck is the page's, not the article's.
"""

from __future__ import annotations

import lxml.etree
import lxml.html

from generator.analysis.connectives import opens_on_a_connective
from generator.ingest.clean import is_sentence, one_line, same_text

DESCRIPTION_KEYS = ("description", "og:description", "twitter:description")
"""The `<meta>` names and properties by which a page describes itself, most direct first."""
NOT_SHOWN_TAGS = frozenset({"script", "style", "noscript", "template", "head", "title"})
MAX_SHOWN_GROWTH = 1.5
"""How much longer than a shortened description the element that shows it whole may be."""
ELLIPSES = ("…", "...")


def with_standfirst(paragraphs: tuple[str, ...], html_text: str) -> tuple[str, ...]:
    """The body's paragraphs, after the standfirst the page shows when the body goes on from
    it (its first sentence opens on a connective) and does not say it itself."""
    if not paragraphs or not opens_on_a_connective(paragraphs[0]):
        return paragraphs
    standfirst = shown_description(html_text)
    if standfirst is None or not is_sentence(standfirst):
        return paragraphs
    if any(same_text(standfirst, paragraph) for paragraph in paragraphs):
        return paragraphs
    return (standfirst, *paragraphs)


def shown_description(html_text: str) -> str | None:
    """The page's description of itself, as an element of its body shows it, or None when the
    page does not show it (a description only search engines read)."""
    try:
        tree = lxml.html.document_fromstring(html_text)
    except (lxml.etree.ParserError, ValueError):
        return None
    meta = {
        (element.get("property") or element.get("name") or "").lower(): element.get("content")
        for element in tree.iter("meta")
    }
    description = next((one_line(meta[k]) for k in DESCRIPTION_KEYS if meta.get(k)), "")
    body = tree.find("body")
    if not description or body is None:
        return None
    shortened = description.removesuffix(ELLIPSES[0]).removesuffix(ELLIPSES[1]).strip()
    for element in body.iter():
        if not isinstance(element.tag, str) or element.tag in NOT_SHOWN_TAGS:
            continue
        shown = one_line(element.text_content())
        if shown.startswith(shortened) and len(shown) <= MAX_SHOWN_GROWTH * len(description):
            return shown
    return None
