"""Names whose possessive is their own: a doc and its rule decisions in, the names written with
"'s" ("Kohl's", "Sainsbury's") out, and a mention's span taken on to its possessive."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from generator.analysis.actors.rules import Decided
from generator.analysis.layout import text_of

POSSESSIVE_NAME = "a name the article always writes with its possessive, which owns nothing"
DROPPED_NOUN_HEADS = frozenset({"of", "than", "as"})
"""Words after which English leaves a possessive's noun unsaid ("a friend of Ann's", "bigger
than Ann's"): the possessive is a person's there, not part of a name."""


def possessive_names(doc: Doc, decided: list[Decided]) -> frozenset[str]:
    """The names a rule found with a possessive that owns nothing (`keeps_possessive`), where
    the article never writes the name without it: a person's possessive owns a noun and the
    person is named alone too ("Kohl said"); a shop's name is "Kohl's" wherever it stands,
    before a noun too ("Kohl's stores"), as English writes no second possessive."""
    text = text_of(doc)
    names = set()
    for decision in decided:
        if not decision.rule.keeps_possessive:
            continue
        span = decision.span
        if span[0].head.lower_ in DROPPED_NOUN_HEADS:
            continue
        end = next((t.i for t in span if t.tag_ == "POS"), span.end)
        # One word: a longer name with a possessive is a person's ("Ann Lee's") or a title.
        name = doc[span.start : end].text if end - span.start == 1 else ""
        if name and _always_with_its_possessive(name, text):
            names.add(name)
    return frozenset(names)


def _always_with_its_possessive(name: str, text: str) -> bool:
    written = re.findall(rf"\b{re.escape(name)}\b(['’]s\b)?", text)
    return bool(written) and all(written)


def with_its_possessive(span: Span, names: frozenset[str]) -> Span:
    """The span with the possessive after it where the article's name holds it."""
    doc = span.doc
    after = doc[span.end] if span.end < len(doc) else None
    if after is not None and after.tag_ == "POS" and span.text in names:
        return doc[span.start : span.end + 1]
    return span
