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
from generator.analysis.grammar import CLAUSE_POS, TIME_ENTITY_LABELS

ADJUNCT_DEP = "prep"
"""How a prepositional phrase hangs on its clause's verb."""
COMMON_NOUN = "NOUN"
"""A noun that can name an act ("order", "hiring"); a name ("Paris") is where, not what."""
EXAMPLE_OPENERS = frozenset({"including", "among"})
"""Words that open an example of a noun ("outages, including one last month")."""
EXAMPLE_PATH_DEPS = frozenset({"pobj", "prep", "npadvmod", "nummod", "amod", "compound"})
"""Links from a date up to the example it dates, all inside noun phrases."""
NAMED_LABELS = frozenset({"GPE", "LOC", "FAC", "ORG", "PERSON", "NORP"})
"""Named examples: the clause's act reaches them."""
NOUN_PHRASE_DEPS = frozenset({"pobj", "prep"})
LISTING_DEPS = frozenset({"nsubj", "nsubjpass", "attr", "appos"})
"""Where a noun of examples stands when its examples are its own acts, not the clause's: its
subject or what the subject is ("raids, including one on Monday, led to ...", "the latest in
a series of outages, including one last month"). An object's examples are what the clause
acts on ("arrested 12 people, including four on Monday"): the date is the clause's."""
TIME_BESIDE_NOUNS = frozenset(
    {"wake", "eve", "aftermath", "run-up", "lead-up", "build-up", "advance"}
)
"""Nouns by which a complex preposition sets a clause before or after what its "of" or "to"
names ("in the wake of next Friday's strike", "on the eve of Friday's summit", "in the
run-up to May's vote"): that object's date is its own, not the clause's. A part of it ("in
the dying minutes of last month's match") is inside it, and shares its date."""
PLACING_PREPOSITIONS = frozenset({"in", "at", "during", "on", "amid", "within"})
"""Prepositions that set a clause inside the act their object names ("During talks on Monday,
the leaders agreed"): the object's date dates the clause too."""


def dates_an_example(anchor: Token) -> bool:
    """Whether the date dates an example a phrase gives of a noun ("a series of outages,
    including one last month that ...", "several raids, including one on Monday, led to
    arrests"): the date is that one item's, not the clause's, and a noun phrase is no event.
    Not an example by name ("stores in many cities, including Leeds in March"), nor one of
    what the clause acts on (`LISTING_DEPS`): the clause's act reaches them."""
    token = anchor
    while True:
        if token.dep_ == "pobj" and token.head.lower_ in EXAMPLE_OPENERS:
            is_named = token.pos_ == "PROPN" or token.ent_type_ in NAMED_LABELS
            return not is_named and _listing_place(token.head.head) in LISTING_DEPS
        if token.dep_ not in EXAMPLE_PATH_DEPS or token.head.pos_ in CLAUSE_POS:
            return False
        token = token.head


def _listing_place(noun: Token) -> str:
    """Where the noun phrase that holds the noun of examples stands in its clause: "series" of
    "the latest in a series of outages" stands where "the latest" does."""
    while noun.dep_ in NOUN_PHRASE_DEPS and noun.head.pos_ not in CLAUSE_POS:
        noun = noun.head
    return noun.dep_


def adjunct_of_a_dated_noun(anchor: Token, head: Token) -> range | None:
    """The token positions of the prepositional phrase on `head` in which the date dates a
    common noun's act, not the clause ("[In addition to its order of 30 ferries Tuesday,]"),
    or None."""
    path: list[Token] = []
    for token in anchor.ancestors:
        if token.i == head.i:
            break
        path.append(token)
    else:
        return None
    if path and path[-1].dep_ == ADJUNCT_DEP:
        adjunct = path[-1]
        extent = range(adjunct.left_edge.i, adjunct.right_edge.i + 1)
        return extent if _dates_a_noun(path, head) else None
    return _fronted_adjunct_around(anchor, head)


def _dates_a_noun(path: list[Token], head: Token) -> bool:
    """Whether the nearest common noun above the date is no placing preposition's object on
    the clause ("During talks on Monday": the talks' time is the clause's)."""
    noun = next(
        (t for t in path if t.pos_ == COMMON_NOUN and t.ent_type_ not in TIME_ENTITY_LABELS), None
    )
    if noun is None:
        return False
    placing = noun.dep_ == "pobj" and noun.head.lower_ in PLACING_PREPOSITIONS
    return not (placing and noun.head.head.i == head.i)


def _fronted_adjunct_around(anchor: Token, head: Token) -> range | None:
    """The fronted phrase, up to its comma, that the date stands inside though the parser hung
    it on the clause's verb ("In addition to its order of 30 jets Wednesday, it announced
    ..."): where the words put it, the noun before it owns it."""
    for adjunct in head.children:
        if adjunct.dep_ != ADJUNCT_DEP or adjunct.i > anchor.i:
            continue
        comma = next(
            (t for t in head.doc[adjunct.right_edge.i + 1 : head.i] if t.text == ","), None
        )
        between = head.doc[adjunct.right_edge.i + 1 : anchor.i]
        if comma is None or not adjunct.right_edge.i < anchor.i < comma.i or len(between):
            continue
        nouns = [t for t in adjunct.subtree if t.pos_ == COMMON_NOUN]
        if nouns and _dates_a_noun([nouns[-1], *nouns[-1].ancestors], head):
            return range(adjunct.left_edge.i, comma.i)
    return None


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
    inside = adjunct_of_a_dated_noun(anchor, head)
    if inside is None:
        return False
    words = {t.i for t in kept}
    return any(
        other.i in words and other.i not in inside and adjunct_of_a_dated_noun(other, head) is None
        for other in _calendar_dates(anchor)
    )


def without_dated_nouns(anchor: Token, head: Token, kept: tuple[Token, ...]) -> tuple[Token, ...]:
    """The clause's words without the fronted adjuncts whose dates date another act than the
    clause's ("In addition to its order ... Tuesday," of Friday's announcement), with their
    comma."""
    if adjunct_of_a_dated_noun(anchor, head) is not None:
        return kept
    dropped: set[int] = set()
    for other in _calendar_dates(anchor):
        adjunct = adjunct_of_a_dated_noun(other, head)
        # Only a phrase before the clause's verb goes: one after it ("..., after two failed
        # attempts in May") follows the clause's own words and its date, and cutting it would
        # leave the clause's comma hanging.
        if adjunct is None or adjunct.start > head.i or not dates_only_its_noun(other, head, kept):
            continue
        end = max(adjunct.stop, other.i + 1)
        dropped.update(range(adjunct.start, end))
        if end < len(anchor.doc) and anchor.doc[end].is_punct and anchor.doc[end].text == ",":
            dropped.add(end)
    return tuple(t for t in kept if t.i not in dropped) if dropped else kept


def is_time_beside(noun: Token) -> bool:
    """Whether a noun is the time before or after another act, as in a complex preposition
    ("the wake of", "the run-up to": `TIME_BESIDE_NOUNS`), read with its hyphened words."""
    words = [t.lower_ for t in noun.lefts if t.dep_ in ("compound", "punct") and t.text != ","]
    return "".join([*words, noun.lower_]) in TIME_BESIDE_NOUNS or noun.lower_ in TIME_BESIDE_NOUNS
