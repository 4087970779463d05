"""A body's name the model started late: "the Sunday Telegraph" whose "Sunday" it read as a
date, "the Daily Telegraph" as "Telegraph". A capitalised word compounded to the name, between
the name and the "the" that opens the whole, is the name's first word: the name is "the X Y",
not Y with X modifying it. Another name before it ("the Reuters Moscow bureau", "the BBC
Panorama team") is its own entity and stays apart.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

OWN_ENTITY_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "PRODUCT"})
"""Labels of a name of its own before the body's: not a word of the body's name."""


def with_its_first_words(ent: Span) -> Span:
    """A body's entity with the capitalised words before it that start its name (see the
    module's doc); any other entity as it is."""
    if ent.label_ != "ORG":
        return ent
    doc, start = ent.doc, ent.start
    root = ent.root
    while start > 1 and _starts_the_name(doc[start - 1], ent):
        start -= 1
    before = doc[start - 1] if start > 0 else None
    if start == ent.start or before is None or before.lower_ != "the" or before.head != root:
        return ent
    return Span(doc, start, ent.end, label=ent.label_)


def _starts_the_name(token: Token, ent: Span) -> bool:
    return (
        token.tag_ == "NNP"
        and token.is_title
        and token.dep_ == "compound"
        and ent.start <= token.head.i < ent.end
        and token.ent_type_ not in OWN_ENTITY_LABELS
    )
