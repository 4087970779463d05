"""Counts that a date measures, not events of that date: "The ministry has confirmed 412 cases
so far this year" is a running total up to the time of writing, "The firm had 9,300 staff on
March 31" a figure as of a day, "Sales have totaled $6bn through June 30" a total up to a day.
A timeline of what happened leaves them to the key facts.

A count is a clause whose object (or passive subject) holds a number; up to now ("so far this
year"), a number of those who acted or a measure of change counts too. It is a tally when the
date is a period that holds the time of writing ("this year", "so far this month") and the verb
is a present perfect or the date says "so far", "to date"; whatever the tense, when the date
follows "through", "as of", "until" (`UP_TO_A_DATE`); it is a figure when the verb is
"have" as a main verb ("had 9,300 staff"), possession measured at the date. "The firm cut 500
jobs on Monday" (one act, one day) and "The government has announced a plan this year" (no
count) stay events. A span of time that a counted noun holds ("with 40 floods between 1990
and 1999") is a tally of those years.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from generator.analysis.grammar import AUXILIARY_DEPS, CLAUSE_POS, PRESENT_TAGS
from generator.analysis.token_lists import token_lists
from generator.analysis.verb_pairs import first_of_pair

PRESENT_DAYS = frozenset(
    {"today", "nowadays", "these days", "this week", "this month", "this year", "this season"}
)
"""Dates that mean the time of writing or a period that holds it, with which a present tense
describes a state ("is one of the best picks this year")."""
UP_TO_NOW = ("so far", "thus far", "to date")
"""Words by which a count runs up to the time of writing."""
UP_TO_A_DATE = ("through", "as of", "as at", "up to", "until", "till")
"""Words by which a count runs up to a date or stands as of it: "have totaled $6bn through June
30", "stood at 4,100 as of Monday". The date ends a measure; nothing happened on it."""
COUNT_LABELS = frozenset({"CARDINAL", "MONEY", "PERCENT", "QUANTITY"})
"""Entity labels of a number that counts or measures."""
COUNTED_DEPS = frozenset({"dobj", "nsubjpass", "attr"})
"""A verb's argument that a tally counts: "confirmed 412 cases", "412 cases were confirmed"."""
UP_TO_NOW_COUNTED_DEPS = frozenset({"nsubj", "npadvmod"})
"""What a count up to now may count beyond `COUNTED_DEPS`: who acted, a measure of change."""
REDUCED_RELATIVE_DEP = "acl"
"""A participle describing the noun it follows ("215 cyclists hurt"): the noun is counted."""
PERFECT_AUXILIARY = "have"
POSSESSION_VERB = "have"
SPAN_OPENERS = frozenset({"between", "from"})
SPAN_JOINERS = frozenset({"and", "to", "through", "until", "-", "–"})
"""Words of a span of time: "between 1990 and 1999", "from 2002 to 2005"."""


def counts_up_to_a_date(span: Span) -> bool:
    """Whether the date measures a count (a running total or a figure as of the date) rather
    than timing an event."""
    if _counts_over_a_span(span):
        return True
    verb = next((t for t in (span.root, *span.root.ancestors) if t.pos_ in CLAUSE_POS), None)
    if verb is None:
        return False
    period = " ".join(span.text.lower().split())
    runs_to_now = any(period.startswith(words) for words in UP_TO_NOW) or any(
        _words_before(span, len(words.split())) == words for words in UP_TO_NOW
    )
    if not _counts(verb, runs_to_now):
        return False
    if verb.lemma_.lower() == POSSESSION_VERB and verb.dep_ not in AUXILIARY_DEPS:
        return True
    if _follows_any(span, UP_TO_A_DATE):
        return True
    for words in UP_TO_NOW:
        period = period.removeprefix(words).strip()
    return period in PRESENT_DAYS and (runs_to_now or _is_present_perfect(verb))


def _follows_any(span: Span, openers: tuple[str, ...]) -> bool:
    """Whether the date opens on, or comes right after, one of the openers."""
    period = " ".join(span.text.lower().split())
    return any(
        period.startswith(f"{words} ") or _words_before(span, len(words.split())) == words
        for words in openers
    )


def _counts_over_a_span(span: Span) -> bool:
    """Whether a span of time measures a counted noun it hangs on: "a dozen outbreaks, with
    14 cases between 2010 and 2019" is a tally of those years; "arrested 12 people between
    Monday and Wednesday" (the span on the verb) is the arrests' time."""
    opener = span[0] if span[0].lower_ in SPAN_OPENERS else None
    if opener is None and span.start > 0 and span.doc[span.start - 1].lower_ in SPAN_OPENERS:
        opener = span.doc[span.start - 1]
    if opener is None or not any(t.lower_ in SPAN_JOINERS for t in span):
        return False
    for token in span.root.ancestors:
        if token.pos_ in CLAUSE_POS:
            return False
        if token.pos_ == "NOUN" and any(
            c.dep_ == "nummod" and c.ent_type_ in COUNT_LABELS for c in token.children
        ):
            return True
    return False


def _counts(verb: Token, runs_to_now: bool = False) -> bool:
    """Whether an argument of the verb, or of the pair's first verb it shares them with
    ("shot and killed", `verb_pairs`), holds a number: "412 cases", "$2bn in assets". Up to
    now, any number the clause counts or measures makes a tally: those who did it ("300 people
    have died so far this year"), those a participle describes ("215 cyclists hurt so far
    this year"), a measure of change ("climbing 80% so far this year")."""
    verbs = (verb, first_of_pair(verb) or verb)
    deps = COUNTED_DEPS | UP_TO_NOW_COUNTED_DEPS if runs_to_now else COUNTED_DEPS
    counted = [child for head in verbs for child in head.children if child.dep_ in deps]
    if runs_to_now:
        counted.extend(head.head for head in verbs if head.dep_ == REDUCED_RELATIVE_DEP)
    return any(
        any(t.ent_type_ in COUNT_LABELS for t in noun.subtree if t.i <= noun.i) for noun in counted
    )


def _is_present_perfect(verb: Token) -> bool:
    return any(
        child.dep_ == "aux"
        and child.lemma_.lower() == PERFECT_AUXILIARY
        and child.tag_ in PRESENT_TAGS
        for child in verb.children
    )


def _words_before(span: Span, count: int) -> str:
    start = max(span.sent.start, span.start - count)
    return " ".join(token_lists(span.doc).lower[start : span.start])
