"""Tell which way a date's own words point from the story's day, and how a clause's tense
orders a date against it.

A date can say by itself that it lies behind ("earlier this month", "last week", "two days
ago") or ahead ("later on Saturday", "next week"); what the clause around it reports does not
move it ("said earlier this month it would cut jobs" is a past saying, whatever "would"
reports). A plan named by a noun in a past clause ("shelved its plans for a listing on
September 30") is no forecast of the story's future: its date is the nearest so written.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from generator.analysis.clauses import CLAUSE_POS
from generator.analysis.dates import DateValue
from generator.analysis.grammar import AUXILIARY_DEPS, PRESENT_TAGS
from generator.analysis.tense import FORECAST_WORDS, speaks_of_the_past

POINTING_BACK = frozenset({"last", "earlier", "ago", "yesterday", "previous"})
"""Words of a date that place it before the story's day ("earlier this month")."""
POINTING_AHEAD = frozenset({"next", "later", "coming", "tomorrow"})
"""Words of a date that place it after the story's day ("later on Saturday")."""
LINKING_PREPOSITIONS = frozenset({"on", "in", "this", "at"})
"""Words between a pointing adverb and its date ("later on Saturday", "earlier in May")."""
STORY_PERIODS = ("today", "this ")
"""The story's own day or period ("today", "this week"): what a present tense tells of it
happens now, not ahead."""
GERUND_TAG = "VBG"
BE_LEMMA = "be"


def written_direction(span: Span) -> int:
    """-1 when the date's words point back from the story's day, 1 ahead, 0 when they do not
    say. Only a pointing word that opens the date, or the adverb right before it, counts:
    "two days later" counts from another event, not from the story."""
    words = [span[0].lower_]
    if span[-1].lower_ == "ago":
        words.append("ago")
    before = span.start - 1
    if before >= 0 and span.doc[before].lower_ in LINKING_PREPOSITIONS:
        before -= 1
    if before >= 0 and span.doc[before].pos_ == "ADV":
        words.append(span.doc[before].lower_)
    if any(word in POINTING_BACK for word in words):
        return -1
    if any(word in POINTING_AHEAD for word in words):
        return 1
    return 0


def is_plan_told_in_the_past(anchor: Token) -> bool:
    """Whether the only forecast around a date is a noun of planning in a past clause
    ("shelved its plans for a listing on September 30", "announced plans for a vote on May
    3"): the date may be behind or ahead, the nearest so written."""
    words = [t for t in (anchor, *anchor.ancestors) if t.lemma_.lower() in FORECAST_WORDS]
    return bool(words) and all(word.pos_ == "NOUN" for word in words) and speaks_of_the_past(anchor)


def is_arranged_present(anchor: Token) -> bool:
    """Whether a date is in a present progressive clause ("is preparing for the parade on
    Sunday", "are meeting on Friday"): an arrangement, which lies ahead as a timetable does."""
    verb = next((t for t in (anchor, *anchor.ancestors) if t.pos_ in CLAUSE_POS), None)
    if verb is None or verb.tag_ != GERUND_TAG:
        return False
    auxiliaries = [c for c in verb.children if c.dep_ in AUXILIARY_DEPS]
    return len(auxiliaries) == 1 and (
        auxiliaries[0].lemma_ == BE_LEMMA and auxiliaries[0].tag_ in PRESENT_TAGS
    )


def is_unplaced_day_ahead(date: DateValue) -> bool:
    """Whether a timetable's date in a story without a date of its own lies ahead by its
    tense: a day, month or period written without a year ("opens on Friday", "goes on sale
    in late January"), not the story's own day or period. A year says when by itself, and a
    present before it may be a caption's or a historical present ("Here he plays a shot at
    Lord's in 1993")."""
    return date.precision == "relative" and not date.value.lower().startswith(STORY_PERIODS)
