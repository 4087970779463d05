"""Tell an occasion a date schedules ahead of the article: a date token and its resolved dates
in, the occasion's words out ("the Dec. 12 election", "next month's summit").

A date that only describes a noun dates no clause of the article (`event_text`): "campaigning
before the March 3 election" happened before March 3. When that date lies ahead of the story,
the noun is an occasion the article expects, and the timeline lists it under Expected in the
article's own words; a date behind the story stays with its noun, no event.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from spacy.tokens import Span, Token

from generator.analysis.date_mentions import BARE_YEARS
from generator.analysis.dates import DateValue, written_form
from generator.analysis.grammar import TIME_ENTITY_LABELS
from generator.analysis.tense import FORECAST_WORDS

OCCASION_DEPS = frozenset({"poss", "compound", "nmod", "amod", "nummod"})
"""How a date hangs on the noun it describes ("next week's vote", "the May 5 poll")."""
OCCASION_POS = frozenset({"NOUN", "PROPN"})
LOOKING_AHEAD = ("next ", "coming ")
"""How a relative date the resolver reads as the story's own month still says it lies ahead
("next week's summit" of a story early in June is June, and after the story)."""


def is_ahead(date: DateValue, article_date: dt.date | None) -> bool:
    """Whether a date lies after the article's ("Friday" of a Wednesday story, "next month"):
    what it dates is expected, and a present tense timing it is a timetable, not a historical
    present ("In 2018, the firm opens ...")."""
    if date.precision == "relative":
        return date.value.startswith("next ")  # "next week" is written ahead of any date
    if article_date is None:
        return False  # no date to look ahead from: the clause alone does not tell
    # ISO prefixes compare as dates do: "2020-01" after "2019-11", "2019" not after "2019-11".
    return date.value > article_date.isoformat()[: len(date.value)]


def is_behind(date: DateValue, article_date: dt.date | None) -> bool:
    """Whether a date lies wholly before the article's ("2017" of a 2019 story, "May 2019" of a
    November one): what it dates has happened, whatever a forecast word around it says ("has
    estimated that ... reported a disorder in 2017"); "2019" of a 2019 story is not behind."""
    if date.precision == "relative" or article_date is None:
        return False
    return date.value < article_date.isoformat()[: len(date.value)]


def occasion_ahead(
    span: Span, dates: Sequence[DateValue], article_date: dt.date | None, expected: bool
) -> str | None:
    """The words of the occasion a date describes, when every reading of the date lies ahead
    of the article ("The Dec. 12 election.") or the clause it is in is expected ("are expected
    to attend Saturday's gala": a story without a date of its own says so); None for a date
    of a clause, one behind the story, and a bare year, which names a model or a budget as
    often as a time ("the 2025 budget")."""
    described = _described_noun(span.root)
    if described is None:
        return None
    noun, last, is_expected = described
    if BARE_YEARS.fullmatch(written_form(span.text)) or not dates:
        return None
    if noun.ent_type_ in TIME_ENTITY_LABELS:
        # "Wednesday night": the noun is the date's own, a longer time, and no occasion.
        return None
    written = written_form(span.text).lower()
    if (
        not (expected or is_expected)
        and not written.startswith(LOOKING_AHEAD)
        and not all(is_ahead(date, article_date) for date in dates)
    ):
        return None
    start = min(noun.left_edge.i, span.start)
    words = span.doc[start : last + 1].text
    return words[:1].upper() + words[1:] + "."


def _described_noun(anchor: Token) -> tuple[Token, int, bool] | None:
    """The noun a date describes, where its words end, and whether they say it is expected:
    the noun itself for a date on it ("the Dec. 12 election"), the participle's phrase for a
    date inside a participle of expecting on it ("the vote expected this year", "an election
    planned for 5 May", which says so); None for a date of a clause."""
    noun = anchor.head
    if anchor.dep_ in OCCASION_DEPS and noun.pos_ in OCCASION_POS and noun.i > anchor.i:
        return noun, noun.i, False
    verb = next((t for t in anchor.ancestors if t.pos_ in ("VERB", "AUX")), None)
    if (
        verb is None
        or verb.dep_ != "acl"
        or verb.tag_ != "VBN"
        or verb.head.pos_ not in OCCASION_POS
    ):
        return None
    if verb.lemma_.lower() not in FORECAST_WORDS:
        return None
    return verb.head, verb.right_edge.i, True
