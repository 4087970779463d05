"""Dates of a noun's act in a clause's adjunct: "In addition to its order of 30 ferries Tuesday,
the firm announced a deal for 40 buses on Friday" tells two acts on two dates in one clause.

The date inside the adjunct dates the noun ("its order ... Tuesday"), which is no clause of the
article, and the clause has a date of its own: the noun's date gives way (a noun phrase is no
event, as `event_text` holds for a phrase on a noun), and the clause's date is told without the
adjunct, so no entry shows one day's act under another's date. A placing preposition ("During
talks on Monday, the leaders agreed ...") sets the clause inside the noun's act: its date is the
clause's too, and stays.
"""

from __future__ import annotations

from spacy.tokens import Token

from generator.analysis.dates import Reference, normalise_date
from generator.analysis.entity_index import entities_in
from generator.analysis.grammar import TIME_ENTITY_LABELS

ADJUNCT_DEP = "prep"
"""How a prepositional phrase hangs on its clause's verb."""
COMMON_NOUN = "NOUN"
"""A noun that can name an act ("order", "hiring"); a name ("Paris") is where, not what."""
PLACING_PREPOSITIONS = frozenset({"in", "at", "during", "on", "amid", "within"})
"""Prepositions that set a clause inside the act their object names ("During talks on Monday,
the leaders agreed"): the object's date dates the clause too."""


def adjunct_of_a_dated_noun(anchor: Token, head: Token) -> Token | None:
    """The prepositional phrase on `head` in which the date dates a common noun's act, not the
    clause ("In addition to [its order of 30 ferries Tuesday]"), or None."""
    path: list[Token] = []
    for token in anchor.ancestors:
        if token.i == head.i:
            break
        path.append(token)
    else:
        return None
    if not path or path[-1].dep_ != ADJUNCT_DEP:
        return None
    noun = next(
        (t for t in path if t.pos_ == COMMON_NOUN and t.ent_type_ not in TIME_ENTITY_LABELS), None
    )
    if noun is None:
        return None
    placing = noun.dep_ == "pobj" and noun.head.lower_ in PLACING_PREPOSITIONS
    return None if placing and noun.head.head.i == head.i else path[-1]


def _calendar_dates(anchor: Token) -> list[Token]:
    """The roots of the calendar dates of the anchor's sentence (not spans: "for three
    years")."""
    return [
        entity.root
        for entity in entities_in(anchor.sent)
        if entity.label_ in TIME_ENTITY_LABELS
        and normalise_date(entity.text, Reference(None, is_future=False))
    ]


def dates_only_its_noun(anchor: Token, head: Token, kept: tuple[Token, ...]) -> bool:
    """Whether the date dates a noun's act in an adjunct of a clause that has a date of its
    own among its words (`kept`): the clause happened at that other date."""
    adjunct = adjunct_of_a_dated_noun(anchor, head)
    if adjunct is None:
        return False
    inside = range(adjunct.left_edge.i, adjunct.right_edge.i + 1)
    words = {t.i for t in kept}
    return any(
        other.i in words and other.i not in inside and adjunct_of_a_dated_noun(other, head) is None
        for other in _calendar_dates(anchor)
    )


def without_dated_nouns(anchor: Token, head: Token, kept: tuple[Token, ...]) -> tuple[Token, ...]:
    """The clause's words without the adjuncts whose dates date another act than the clause's
    ("In addition to its order ... Tuesday," of Friday's announcement), with their comma."""
    if adjunct_of_a_dated_noun(anchor, head) is not None:
        return kept
    dropped: set[int] = set()
    for other in _calendar_dates(anchor):
        adjunct = adjunct_of_a_dated_noun(other, head)
        if adjunct is None or not dates_only_its_noun(other, head, kept):
            continue
        end = adjunct.right_edge.i + 1
        dropped.update(range(adjunct.left_edge.i, end))
        if end < len(anchor.doc) and anchor.doc[end].is_punct and anchor.doc[end].text == ",":
            dropped.add(end)
    return tuple(t for t in kept if t.i not in dropped) if dropped else kept
