"""Find the dates an article writes: a parsed `Doc` in, the spans that name dates out.

The recogniser's date entities (adjacent ones merged, the days of a list taken in) come first,
then dates it missed; a year written alone must show it is used as a date, a "since" date that
is a comparison's term dates no event, and a named day ("Black Friday 2019") is its year.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.tokens import Doc, Span, Token

from generator.analysis.dates import (
    DAY_WORD_OFFSETS,
    FALLBACK_PATTERNS,
    WEEKDAY_SHIFTS,
    WEEKDAYS,
    DateValue,
    written_form,
)
from generator.analysis.entity_index import entities_of
from generator.analysis.event_text import DATE_LABELS
from generator.analysis.grammar import NOMINAL_SUBJECT_DEPS
from generator.analysis.layout import text_of
from generator.analysis.lexicon import MONTHS
from generator.analysis.reference_points import date_moving_verbs

YEAR = re.compile(r"1[89]\d\d|2[01]\d\d")
# Entities that sometimes contain a weekday or month name without being dates.
NON_DATE_LABELS = frozenset({"ORG", "WORK_OF_ART", "EVENT", "PRODUCT", "FAC", "LAW", "PERSON"})
BARE_YEARS = re.compile(
    r"(?:(?:early|mid|late)[\s-]+|the\s+year\s+)?\d{4}(?:(?:,|,?\s+and|,?\s+or)\s+\d{4})*",
    re.IGNORECASE,
)
"""A date written as years alone, which must show it is a date (`is_used_as_date`)."""
TIME_PREPOSITIONS = frozenset(
    {"in", "since", "by", "until", "till", "during", "from", "before", "after", "between",
     "through", "to", "of", "around", "circa", "throughout"}
)  # fmt: skip
"""Prepositions whose object is a time: a year after one is used as a date."""
LIST_WORDS = frozenset({",", "and", "or"})
DAY_NUMBER = re.compile(r"(\d{1,2})(?:st|nd|rd|th)?")
COUNT_NOUNS = frozenset(
    {"score", "total", "sum", "figure", "number", "population", "rate", "price", "resolution",
     "count", "value", "average", "budget", "maximum", "minimum", "height", "length", "weight",
     "distance", "capacity", "speed", "paragraph", "page", "section", "article", "room"}
)  # fmt: skip
"""Nouns whose "of" takes a count, not a year ("a score of 2072"); "the flood of 1941" dates."""

SPAN_ENDS = frozenset({"to", "until", "till", "through", "-", "–"})
"""Words between a span's start after "from" and its end ("from 2002 to 2005")."""
SPAN_START_QUALIFIERS = frozenset({"at", "least", "about", "around", "circa", "roughly"})
"""Words of how sure a span's start is ("from at least 2002"), which the recogniser counts
with the year as a number."""
DAY_NAME_DEPS = frozenset({"compound", "amod"})
"""How the word that names a day hangs on its weekday ("Black" of "Black Friday")."""
NEGATION_DEP = "neg"
PLACING_PREPOSITIONS = frozenset({"in", "on", "at", "during"})
"""Prepositions that time a name ("Berlin in 2000")."""
SUPERLATIVE_TAGS = frozenset({"JJS", "RBS"})
RECORD_WORDS = frozenset({"first", "only"})
"""Words of a record that a "since" date is the term of ("its first win since March")."""

CASE_SENSITIVE_PART = "(?-i:"
"""How a fallback pattern turns case-insensitivity off for a part: it reads the text as written."""
NAMED_GROUP = "(?P<"
"""The one upper-case letter of the patterns' syntax."""
CASE_RULE_EXCEPTIONS = frozenset("\u0130\u0131\u017f\u212a")
"""The characters Python's `re.IGNORECASE` matches to an ASCII letter whose `str.lower()` is not
that letter ("İ", dotless "ı", long "ſ", the Kelvin sign): in a text without them, a lower-case
pattern matches the lowered text, case-sensitively, exactly where it matches the text ignoring
case (lowering keeps every other character's length and its \\w, \\s and \\d classes:
tests/test_date_mentions_case.py checks every character)."""


def _compiled_fallback(pattern: str) -> tuple[re.Pattern[str], re.Pattern[str] | None]:
    """The pattern ignoring case, and the same pattern for the lowered text (about a third of
    the cost: the engine compares characters as they are), None unless the pattern is written
    in lower case throughout and no part of it keeps its case."""
    written = pattern.replace(NAMED_GROUP, "")
    keeps_case = CASE_SENSITIVE_PART in pattern or written != written.lower()
    lowered = None if keeps_case else re.compile(pattern)
    return re.compile(pattern, re.IGNORECASE), lowered


_COMPILED_FALLBACKS = tuple(_compiled_fallback(pattern) for pattern in FALLBACK_PATTERNS)


def lowered_for_matching(text: str) -> str | None:
    """The text in lower case, for the lower-case patterns to read case-sensitively; None when
    a character of `CASE_RULE_EXCEPTIONS` makes that differ from ignoring case."""
    if not text.isascii() and not CASE_RULE_EXCEPTIONS.isdisjoint(text):
        return None
    lowered = text.lower()
    return lowered if len(lowered) == len(text) else None


def candidate_spans(doc: Doc) -> Iterator[Span]:
    """Yield date entities (adjacent ones merged), then dates the recogniser missed."""
    for entity in _merged_entities(doc):
        if not _is_a_title(entity):
            yield from _moved_dates(entity)
    text = text_of(doc)  # Doc.text joins every token anew: the text joined once per doc
    lowered = lowered_for_matching(text)
    for ignoring_case, on_lowered in _COMPILED_FALLBACKS:
        found = (
            ignoring_case.finditer(text)
            if on_lowered is None or lowered is None
            else on_lowered.finditer(lowered)
        )
        for match in found:
            span = doc.char_span(*match.span("date"), alignment_mode="expand")
            # A token's entity label says whether it is in a name: no scan of every entity.
            if span is None or _is_a_title(span):
                continue
            if not any(t.ent_type_ in NON_DATE_LABELS for t in span):
                yield span


def _is_a_title(entity: Span) -> bool:
    """A day word ("today", "tomorrow") the writer capitalised inside a sentence names a work
    or a programme ("hits such as Come Tomorrow", "told the Today programme"), no day: unlike
    a weekday or a month, it takes a capital only where a sentence starts. A weekday that opens
    a name ("the Sunday Telegraph", "the Monday Club") is part of it."""
    first = entity[0]
    return _opens_a_name(entity) or (
        first.lower_ in DAY_WORD_OFFSETS
        and first.is_title
        and not first.is_sent_start
        and first.i > entity.sent.start
    )


def _merged_entities(doc: Doc) -> Iterator[Span]:
    # The recogniser splits "Wednesday morning" into a DATE and a TIME, and sometimes
    # "Thursday, May 2" into two DATEs.
    pending: Span | None = None
    for found in entities_of(doc):
        if found.label_ not in DATE_LABELS:
            continue
        entity = _with_day_before(found)
        if pending is not None and _continues(pending, entity):
            pending = doc[pending.start : entity.end]
            continue
        if pending is not None:
            yield _whole(pending)
        pending = entity
    if pending is not None:
        yield _whole(pending)


def _whole(entity: Span) -> Span:
    """The date with the words the recogniser left out of it."""
    return _with_time_ahead(_with_span_start(_with_span_end(_with_days_after(entity))))


def _with_time_ahead(entity: Span) -> Span:
    """Take in the "in" and "time" of a count of units ahead ("in [two weeks'] time"), which
    the recogniser leaves out: with them it is a date, without them a length of time."""
    doc, start, end = entity.doc, entity.start, entity.end
    is_ahead = (
        start > 0
        and end < len(doc)
        and doc[start - 1].lower_ == "in"
        and doc[end].lower_ == "time"
        and entity[0].like_num
    )
    return doc[start - 1 : end + 1] if is_ahead else entity


def _with_day_before(entity: Span) -> Span:
    """Take in a day number the recogniser left out: "2" in "Sunday, 2 June 2024"."""
    if entity.start == 0 or entity[0].lower_.rstrip(".") not in MONTHS:
        return entity
    before = entity.doc[entity.start - 1]
    # The recogniser labels the day a number of its own in "On 15 September" at times.
    if before.is_digit and 1 <= int(before.text) <= 31 and before.ent_type_ in ("", "CARDINAL"):
        return entity.doc[entity.start - 1 : entity.end]
    return entity


def _with_days_after(entity: Span) -> Span:
    """Take in the days of a list the recogniser left out: "and 9" of "March 3, 5 and 9",
    which it labels a number. A day is one the parser hangs on the date itself, so "March 3,
    5 people died" keeps its people."""
    end = entity.end
    doc = entity.doc
    while (
        _is_day_number(doc[end - 1])
        and end + 1 < len(doc)
        and doc[end].lower_ in LIST_WORDS
        and _is_day_number(doc[end + 1])
        and doc[end + 1].ent_type_ in ("", "CARDINAL")
        and entity.start <= doc[end + 1].head.i < end
    ):
        end += 2
    return doc[entity.start : end]


def _with_span_end(entity: Span) -> Span:
    """Take in the end year of a span the recogniser left out: "to 2013" of "from 2009 to
    2013", which it labels nothing."""
    doc, end = entity.doc, entity.end
    is_span = (
        entity.start > 0
        and doc[entity.start - 1].lower_ == "from"
        and YEAR.fullmatch(entity[-1].text) is not None
        and end + 1 < len(doc)
        and doc[end].lower_ in SPAN_ENDS
        and YEAR.fullmatch(doc[end + 1].text) is not None
        and doc[end + 1].ent_type_ in ("", "CARDINAL")
    )
    is_span = is_span and not moves_a_date(doc[entity.start - 1])
    return doc[entity.start : end + 2] if is_span else entity


def _with_span_start(entity: Span) -> Span:
    """Take in the start year of a span the recogniser counted as a number: "at least 2002
    to" of "from at least 2002 to 2005", with the words of how sure it is."""
    doc, start = entity.doc, entity.start
    if start < 3 or doc[start - 1].lower_ not in SPAN_ENDS or not YEAR.fullmatch(entity[0].text):
        return entity
    if not YEAR.fullmatch(doc[start - 2].text) or doc[start - 2].ent_type_ not in ("", "CARDINAL"):
        return entity
    first = start - 2
    while first > 0 and doc[first - 1].lower_ in SPAN_START_QUALIFIERS:
        first -= 1
    is_span = first > 0 and doc[first - 1].lower_ == "from" and not moves_a_date(doc[first - 1])
    return doc[first : entity.end] if is_span else entity


def _continues(previous: Span, entity: Span) -> bool:
    if previous.end == entity.start:
        return True
    is_after_comma = previous.end + 1 == entity.start and previous.doc[previous.end].text == ","
    return (
        (is_after_comma and previous.text.lower() in WEEKDAYS)
        or _lists_days(previous, entity)
        or _spans_to(previous, entity)
    )


def _spans_to(previous: Span, entity: Span) -> bool:
    """The recogniser splits "from 2002 to 2005" into a date each: a date after "from", one
    word that ends a span ("to", "until"), and the next date are one span of time
    (`dates.RANGE`)."""
    doc = previous.doc
    if previous.end + 1 != entity.start or previous.start == 0:
        return False
    opener, joiner = doc[previous.start - 1].lower_, doc[previous.end].lower_
    # Not "between May and July" split in two: the merged words would lose the "between"
    # that tells a span from a list ("May and July").
    return opener == "from" and joiner in SPAN_ENDS and not moves_a_date(doc[previous.start - 1])


def _moved_dates(span: Span) -> Iterator[Span]:
    """The old and the new date of one the recogniser reads as a span ("postponed from [Tuesday
    to Friday]"), each a date of its own; any other span as it is."""
    doc = span.doc
    joiner = next((t for t in span if t.lower_ in SPAN_ENDS), None)
    is_moved = (
        joiner is not None
        and span.start < joiner.i < span.end - 1
        and doc[span.start - 1].lower_ == "from"
        and moves_a_date(doc[span.start - 1])
    )
    if joiner is None or not is_moved:
        yield span
    else:
        yield doc[span.start : joiner.i]
        yield doc[joiner.i + 1 : span.end]


def moves_a_date(preposition: Token) -> bool:
    """Whether "from" hangs on a verb that moves a date ("postponed from Tuesday to Friday"):
    its two dates are the old and the new one, no span."""
    return preposition.head.lemma_.lower() in date_moving_verbs()


def _lists_days(previous: Span, entity: Span) -> bool:
    """The recogniser splits "14, 20 and 27 April" and "March 3, 5" into a DATE a day: a day
    number, a comma or "and", and the next day (or the day and month) are one date."""
    between = previous.doc[previous.end : entity.start]
    if not 1 <= len(between) <= 2 or any(t.lower_ not in LIST_WORDS for t in between):
        return False
    return _is_day_number(previous[-1]) and (
        all(_is_day_number(t) or t.lower_ in LIST_WORDS for t in previous)
        or (len(entity) == 1 and _is_day_number(entity[0]))
    )


def _is_day_number(token: Token) -> bool:
    number = DAY_NUMBER.fullmatch(token.lower_)
    return number is not None and 1 <= int(number[1]) <= 31


def name_of_day(span: Span) -> Token | None:
    """The word that makes a date's weekday part of a day's name ("Black Friday", "Super
    Tuesday", "Easter Sunday"): a capitalised modifier right before it that is none of the
    words that shift a weekday ("Last Friday", "Late Monday")."""
    for weekday in (t for t in span if t.lower_ in WEEKDAYS):
        before = weekday.doc[weekday.i - 1] if weekday.i > 0 else None
        if (
            before is not None
            and before.head.i == weekday.i
            and before.dep_ in DAY_NAME_DEPS
            and before.is_title
            and before.lower_ not in WEEKDAY_SHIFTS
        ):
            return before
    return None


def named_day(name: Token, span: Span) -> tuple[DateValue, ...]:
    """A named day is that day of the year it is written with ("Black Friday 2019" is in
    2019), not the weekday nearest the article; without a year it dates nothing."""
    year = YEAR.search(span.text)
    if year is None:
        return ()
    written = written_form(span.doc[min(name.i, span.start) : span.end].text)
    return (DateValue(year[0], "year", written),)


def is_used_as_date(span: Span) -> bool:
    """Whether a year written alone is a date: the object of a preposition of time ("in 2022",
    "the flood of 1941"), one of a list of such, or "the year 2024"; not a number in a name or
    a count ("Finance Bill 2024", "Paragraph 1000.", "a score of 2072", "1920 x 1080")."""
    if span.text.lower().startswith("the year"):
        return True
    doc = span.doc
    # The list the year is in ("in 1961, 2000, and 2001"), whatever the parser made of it.
    start = next((t.i for t in span if t.like_num), span.start)
    while start > 0 and (
        doc[start - 1].lower_ in LIST_WORDS or YEAR.fullmatch(doc[start - 1].text)
    ):
        start -= 1
    before = doc[start - 1] if start > 0 else None
    if before is None or before.lower_ not in TIME_PREPOSITIONS:
        return False
    return before.lower_ != "of" or before.head.lemma_.lower() not in COUNT_NOUNS


def compares_since(span: Span) -> bool:
    """Whether a date after "since" is the term of a comparison, not an event: a record ("its
    biggest fall since 2008", "the first time since 1990", "its first win since March") or a
    gap ("has not seen rain since May") is told on the story's day, and the date is only when
    it was last so. "The court has kept the rule on hold since May" dates the hold's start."""
    since = _since_before(span)
    if since is None:
        return False
    head = since.head
    if any(child.dep_ == NEGATION_DEP for child in head.children):
        return True
    # The comparison's words come before "since" in its clause, not in its subject: "[biggest]
    # fall since", but "The first lady has lived there since 2009".
    subjects = [c for c in head.children if c.dep_ in NOMINAL_SUBJECT_DEPS]
    before = (
        t
        for t in head.subtree
        if t.i < since.i and not any(t in subject.subtree for subject in subjects)
    )
    return any(t.tag_ in SUPERLATIVE_TAGS or t.lower_ in RECORD_WORDS for t in before)


def _since_before(span: Span) -> Token | None:
    """The "since" a date is the term of: right before it ("since 2008"), or before the place
    or name the date tells the time of ("her first title since Berlin in 2000", whatever the
    parser hung "in 2000" on)."""
    doc = span.doc
    before = doc[span.start - 1] if span.start > 0 else None
    if before is None or before.lower_ == "since":
        return before
    if before.lower_ not in PLACING_PREPOSITIONS or before.i < 2:
        return None
    named = doc[before.i - 1]
    since = next((t for t in named.ancestors if t.lower_ == "since"), None)
    # Only the object of "since" ending right before the date's preposition: "since Berlin".
    if since is None or named.head != since or named.right_edge.i != named.i:
        return None
    return since


def _opens_a_name(span: Span) -> bool:
    """Whether the span's last word is a weekday compounded with a proper noun after it that is
    no date itself, inside a sentence ("the Sunday Telegraph"; not "Sunday November 18", a
    month, nor "Sunday night")."""
    last = span[-1]
    head = last.head
    return (
        last.lower_ in WEEKDAYS
        # The name's own "the": "Yesterday ParkingEye welcomed ..." opens on no name.
        and span.start > span.sent.start
        and last.dep_ == "compound"
        and head.i == span.end
        and head.pos_ == "PROPN"
        and head.ent_type_ not in DATE_LABELS
        and head.lower_.rstrip(".") not in MONTHS
    )
