"""One event, one entry: the dates found in an article's sentences in, the timeline's entries
out, each event once, absolute dates by date, then relative ones.

Two dates of one sentence often get the same words (clauses the parser could not tell apart):
the words are the event of the date nearest the sentence's root; a date of a clause inside the
sentence, or the same day written again ("Today (Nov. 18)"), gives way.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from generator.analysis.event_subjects import is_quoted
from generator.analysis.event_text import listed_with
from generator.analysis.grammar import FINITE_TAGS, NOUN_CLAUSE_DEPS
from generator.models import TimelineEvent

VERB_POS = ("VERB", "AUX")


@dataclass(frozen=True)
class Found:
    event: TimelineEvent
    position: int
    anchor: Token
    """The date's head in the parse: which clause of the event's words the date is in."""
    starts: str | None = None
    """The day a period began, when its value is coarser ("last week" is a month's value)."""


def _one_date_an_event(items: list[Found]) -> list[Found]:
    """The dates that date each event's words: when dates in different clauses of one sentence
    get the same words (the sentence, its clauses lost to the parser), the words are the event
    of the date nearest the sentence's root outside its quotations ("'... this morning,' a
    spokesman told reporters on Wednesday" tells Wednesday's act), of the dates in that date's
    clause and of those
    listed with it ("in May and June"); "landed in Madrid last night and will spend the
    morning ..., which the team expects to confirm later today" is no event of today's."""
    by_text: dict[str, list[Found]] = {}
    for item in items:
        by_text.setdefault(item.event.event, []).append(item)
    kept: list[Found] = []
    for group in map(_without_restated_days, by_text.values()):
        main = min(group, key=lambda i: (is_quoted(i.anchor), _depth(i.anchor), i.position))
        kept.extend(
            item
            for item in group
            # "police said in a statement released on Friday the man would be sentenced in
            # May" dates both: two verbs, neither in a clause inside the other's.
            if item is main or listed_with(main.anchor, item.anchor) or not _gives_way(item, main)
        )
    return kept


def _gives_way(item: Found, main: Found) -> bool:
    """Whether a date that got the same words as the main one dates a clause inside the
    sentence (a relative clause, a quotation) with a verb of its own."""
    inside = _in_relative_clause(item.anchor) or is_quoted(item.anchor)
    return inside and _verb_of(item.anchor) != _verb_of(main.anchor)


def _without_restated_days(group: list[Found]) -> list[Found]:
    """The group without a date another restates beside it in figures ("Today (Nov. 18), NASA
    announced ..."): one event, dated once, by the date written with its day's number."""
    return [
        item
        for item in group
        if not any(
            _written_with_a_number(other) and not _written_with_a_number(item)
            for other in group
            if _side_by_side(item.anchor, other.anchor)
        )
    ]


def _side_by_side(one: Token, other: Token) -> bool:
    """Whether one date is the other's apposition ("Today (Nov. 18)", "Monday, 18 November")."""
    return (one.dep_ == "appos" and one.head == other) or (
        other.dep_ == "appos" and other.head == one
    )


def _written_with_a_number(item: Found) -> bool:
    return any(character.isdigit() for character in item.event.date_text)


def _in_relative_clause(token: Token) -> bool:
    """Whether the token is in a finite clause on a noun ("floods that have swept ... since
    April"), not a participle ("a statement released on Friday")."""
    return any(
        t.dep_ in NOUN_CLAUSE_DEPS
        and any(
            w.tag_ in FINITE_TAGS
            for w in (t, *t.children)
            if w.i == t.i or w.dep_ in ("aux", "auxpass")
        )
        for t in token.ancestors
    )


def _depth(token: Token) -> int:
    return sum(1 for _ in token.ancestors)


def _verb_of(anchor: Token) -> int:
    """The position of the verb whose clause holds the date, or -1: two dates of one verb
    ("its order of 30 jets Wednesday, it announced an order ... on Monday", however the parser
    hung them) date the same clause."""
    return next((t.i for t in (anchor, *anchor.ancestors) if t.pos_ in VERB_POS), -1)


def ordered(found: list[Found]) -> tuple[TimelineEvent, ...]:
    unique: dict[tuple[str, str], Found] = {}
    for item in sorted(found, key=lambda i: i.position):
        unique.setdefault((item.event.value, item.event.event), item)
    items = _one_date_an_event(list(unique.values()))
    absolute = [i for i in items if i.event.precision != "relative"]
    relative = [i for i in items if i.event.precision == "relative"]
    absolute.sort(key=lambda i: (i.starts or i.event.value, i.position))
    relative.sort(key=lambda i: i.position)
    return tuple(i.event for i in absolute + relative)
