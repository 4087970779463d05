"""Bodies named by words many countries' bodies share: the one-word names of a doc that name a
body acting in the story ("the Senate resolved"), and a body's name with its country's."""

from __future__ import annotations

import numpy
from spacy.attrs import LOWER  # type: ignore[import-not-found]  # a Cython module without stubs
from spacy.tokens import Doc, Token

from generator.analysis.actors.mentions import Mention
from generator.analysis.gazetteer import Gazetteer
from generator.analysis.tree_matcher import has_value

OWNED = "a body of a name many countries use, and its country's name or adjective"
ACTING_BODY = "a body many countries have, written 'the' and a capital, which acts in the story"


def bodies_that_act(doc: Doc, generic: frozenset[str]) -> frozenset[str]:
    """The one-word names of `generic` bodies the article writes after "the" with a capital and
    makes the subject of a verb at least once: a body of the story, though the word alone names
    no body in particular ("Senate" is generic where the text only mentions it)."""
    # The lower-case column finds the few candidates; a `Token` is made for those only.
    candidates = numpy.flatnonzero(has_value(doc, LOWER, generic)).tolist()
    return frozenset(doc[i].text for i in candidates if _acts_as_a_named_body(doc[i], generic))


def _acts_as_a_named_body(token: Token, generic: frozenset[str]) -> bool:
    doc = token.doc
    return (
        token.is_title
        and token.tag_ == "NNP"
        and token.lower_ in generic
        and token.i > 0
        and doc[token.i - 1].lower_ == "the"
        and token.dep_ == "nsubj"
        and token.head.pos_ == "VERB"
    )


def owned_by_its_country(
    mention: Mention, gazetteer: Gazetteer, generic: frozenset[str]
) -> Mention:
    """A body of a name many countries use, named by the country the text gives it: "Kenya's
    National Assembly", "the Kenyan National Assembly" are "National Assembly (Kenya)". The
    country in brackets, as encyclopaedias write it, reads right for every country: "of" would
    need an article before some ("of United Kingdom")."""
    span = mention.span
    if mention.kind != "organisation":
        return mention
    first = gazetteer.country_for_demonym(span[0].text) if len(span) > 1 else None
    if first is not None and span[1:].text.casefold() in generic:
        body = span[1:].text
        return Mention(span, "organisation", f"{body} ({first.name})", evidence=OWNED)
    if span.text.casefold() not in generic:
        return mention
    for child in span.root.children:
        if child.dep_ == "poss" and child.i < span.start:
            owner = span.doc[child.left_edge.i : child.i + 1].text
            country = gazetteer.country_for_name(owner)
            if country is not None and country.kind == "country":
                name = f"{span.text} ({country.name})"
                return Mention(span, "organisation", name, evidence=OWNED)
    return mention
