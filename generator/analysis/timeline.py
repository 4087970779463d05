"""Find an article's dated events: a parsed `Doc` and the article's date in, `TimelineEvent`s out.

Each event is the clause that holds a date; `dates` normalises the date against the article's
date, looking ahead when the clause speaks of the future. A forecast, plan or scheduled date is
marked expected. A four-digit number is a year only where the text uses it as a date ("in 2022",
"between 2006 and 2017"), not in a name or a count ("Finance Bill 2024", "Paragraph 1000", "a
score of 2072"). An event names its subject: "It raised its ties ..." says who in brackets, or
gives way when the text does not say.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from generator.analysis.clauses import (
    CLAUSE_POS,
    NOUN_POS,
    clause_of,
    clause_text,
    clause_tokens,
    has_subject,
    inherited_subject,
    run_on_starts,
)
from generator.analysis.dates import (
    FALLBACK_PATTERNS,
    WEEKDAYS,
    Reference,
    normalise_date,
    written_form,
)
from generator.analysis.entity_index import entities_in
from generator.analysis.grammar import NOMINAL_SUBJECT_DEPS as SUBJECT_DEPS
from generator.analysis.key_facts import NameOf
from generator.analysis.lexicon import MONTHS
from generator.analysis.quote_marks import is_quoted_speech, quotations_of
from generator.models import TimelineEvent

DATE_LABELS = frozenset({"DATE", "TIME"})
# "will travel", "is scheduled to travel", "is expected to sign": the date lies ahead.
FUTURE_AUXILIARIES = frozenset({"will", "shall", "'ll", "wo"})
PAST_TAGS = frozenset({"VBD", "VBN"})
FUTURE_PREDICATES = frozenset(
    {"schedule", "expect", "set", "due", "plan", "slate", "poise", "intend", "go"}
)
AUXILIARY_DEPS = frozenset({"aux", "auxpass"})
_MONTH_NAMES = "|".join(sorted(MONTHS, key=len, reverse=True))
THAT_YEAR = re.compile(r"\s*\b(?:of\s+)?(?:that|the\s+same)\s+year$", re.IGNORECASE)
"""A date's own "of that year" or "the same year"."""
THAT_YEAR_AFTER = re.compile(
    rf"^(?:\s*(?:,|and|or)\s*(?:{_MONTH_NAMES})\.?(?:\s+\d{{1,2}})?)*"
    r"\s+(?:of\s+)?(?:that|the\s+same)\s+year\b",
    re.IGNORECASE,
)
"""What follows a date that shares a later date's "of that year": "May[ and August of that
year]"."""
THAT_YEAR_BEFORE = re.compile(
    r"\b(?:that|the\s+same)\s+year\s*,?\s*(?:in|on|by|during|from)?\s*$", re.IGNORECASE
)
"""What comes right before a date that "that year" sets in a year written earlier: "That
year, in May", "Later the same year, in August"."""
THAT_YEAR_LOOKBACK = 60
"""Tokens before the date's sentence searched for the year it refers back to."""
YEAR = re.compile(r"1[89]\d\d|2[01]\d\d")
NO_YEAR = 0
"""No year is written nearby: year 0, which no resolver accepts."""
BACK_POINTING_PRONOUNS = frozenset({"it", "he", "she", "they", "this", "these", "those"})
PERIOD_ENDS = frozenset({"until", "till"})
"""Prepositions whose date ends a period (`dates.Reference.ends_a_period`)."""
# Entities that sometimes contain a weekday or month name without being dates.
NON_DATE_LABELS = frozenset({"ORG", "WORK_OF_ART", "EVENT", "PRODUCT", "FAC", "LAW", "PERSON"})
BARE_YEARS = re.compile(
    r"(?:(?:early|mid|late)[\s-]+|the\s+year\s+)?\d{4}(?:(?:,|,?\s+and|,?\s+or)\s+\d{4})*",
    re.IGNORECASE,
)
"""A date written as years alone, which must show it is a date (`_is_used_as_date`)."""
TIME_PREPOSITIONS = frozenset(
    {"in", "since", "by", "until", "till", "during", "from", "before", "after", "between",
     "through", "to", "of", "around", "circa", "throughout"}
)  # fmt: skip
"""Prepositions whose object is a time: a year after one is used as a date."""
LIST_WORDS = frozenset({",", "and", "or"})
COUNT_NOUNS = frozenset(
    {"score", "total", "sum", "figure", "number", "population", "rate", "price", "resolution",
     "count", "value", "average", "budget", "maximum", "minimum", "height", "length", "weight",
     "distance", "capacity", "speed", "paragraph", "page", "section", "article", "room"}
)  # fmt: skip
"""Nouns whose "of" takes a count, not a year ("a score of 2072"); "the flood of 1941" dates."""
FORECAST_WORDS = frozenset(
    {"project", "forecast", "predict", "expect", "plan", "schedule", "intend", "aim", "estimate",
     "likely", "due"}
)  # fmt: skip
"""Words whose clause is a forecast or a plan ("projecting that prices would rise in 2025",
"likely to stay above target into next year"): a date under them is expected, not past."""
SUBJECT_PRONOUNS = frozenset({"it", "he", "she", "they", "this", "these"})
"""A subject an event cannot stand on alone: it is named, or the event gives way."""

_COMPILED_FALLBACKS = tuple(re.compile(pattern, re.IGNORECASE) for pattern in FALLBACK_PATTERNS)


@dataclass(frozen=True)
class _Found:
    event: TimelineEvent
    position: int


def extract_timeline(
    doc: Doc, article_date: dt.date | None, name_of: NameOf | None = None
) -> tuple[TimelineEvent, ...]:
    """Return the article's dated events: absolute ones by date, then relative ones."""
    sentence_starts = [sentence.start for sentence in doc.sents]
    quotations = quotations_of(doc)
    found: list[_Found] = []
    taken: set[int] = set()
    # Tokens of the dates taken so far: a later candidate overlapping one is no new date.
    for span in _candidate_spans(doc):
        if not taken.isdisjoint(range(span.start, span.end)) or is_quoted_speech(
            span.sent, quotations
        ):
            continue
        if BARE_YEARS.fullmatch(written_form(span.text)) and not _is_used_as_date(span):
            continue
        events = _events_for(span, article_date, sentence_starts, name_of)
        if events:
            taken.update(range(span.start, span.end))
            found.extend(events)
    return _ordered(found)


def is_future(token: Token) -> bool:
    """Tell whether the verb governing `token` speaks of the future ("will", "is due to")."""
    verb = _governing_verb(token)
    while verb is not None:
        if any(c.dep_ == "aux" and c.lower_ in FUTURE_AUXILIARIES for c in verb.children):
            return True
        if _is_scheduling(verb):
            return True
        if verb.dep_ == "conj" and not any(c.dep_ in AUXILIARY_DEPS for c in verb.children):
            verb = verb.head
        elif verb.dep_ == "xcomp":
            governor = verb.head
            if governor.lemma_.lower() in FUTURE_PREDICATES and not _is_past(governor):
                return True
            verb = governor
        else:
            return False
    return False


def speaks_of_the_past(token: Token) -> bool:
    """Tell whether the verb governing `token` is in a past tense ("was", "has put", "left")."""
    verb = _governing_verb(token)
    if verb is None:
        return False
    return verb.tag_ in PAST_TAGS or any(
        child.dep_ in AUXILIARY_DEPS and child.tag_ in PAST_TAGS for child in verb.children
    )


def _governing_verb(token: Token) -> Token | None:
    return next((t for t in (token, *token.ancestors) if t.pos_ in CLAUSE_POS), None)


def ends_a_period(token: Token) -> bool:
    """Tell whether a date ends a period: the object of "until" or "till"."""
    return token.dep_ == "pobj" and token.head.lower_ in PERIOD_ENDS


def _candidate_spans(doc: Doc) -> Iterator[Span]:
    """Yield date entities (adjacent ones merged), then dates the recogniser missed."""
    yield from _merged_entities(doc)
    text = doc.text  # joined anew on each call: read it once
    for pattern in _COMPILED_FALLBACKS:
        for match in pattern.finditer(text):
            span = doc.char_span(*match.span("date"), alignment_mode="expand")
            # A token's entity label says whether it is in a name: no scan of every entity.
            if span is not None and not any(t.ent_type_ in NON_DATE_LABELS for t in span):
                yield span


def _merged_entities(doc: Doc) -> Iterator[Span]:
    # The recogniser splits "Wednesday morning" into a DATE and a TIME, and sometimes
    # "Thursday, May 2" into two DATEs.
    pending: Span | None = None
    for found in doc.ents:
        if found.label_ not in DATE_LABELS:
            continue
        entity = _with_day_before(found)
        if pending is not None and _continues(pending, entity):
            pending = doc[pending.start : entity.end]
            continue
        if pending is not None:
            yield pending
        pending = entity
    if pending is not None:
        yield pending


def _with_day_before(entity: Span) -> Span:
    """Take in a day number the recogniser left out: "2" in "Sunday, 2 June 2024"."""
    if entity.start == 0 or entity[0].lower_.rstrip(".") not in MONTHS:
        return entity
    before = entity.doc[entity.start - 1]
    # The recogniser labels the day a number of its own in "On 15 September" at times.
    if before.is_digit and 1 <= int(before.text) <= 31 and before.ent_type_ in ("", "CARDINAL"):
        return entity.doc[entity.start - 1 : entity.end]
    return entity


def _continues(previous: Span, entity: Span) -> bool:
    if previous.end == entity.start:
        return True
    is_after_comma = previous.end + 1 == entity.start and previous.doc[previous.end].text == ","
    return is_after_comma and previous.text.lower() in WEEKDAYS


def _events_for(
    span: Span, article_date: dt.date | None, sentence_starts: list[int], name_of: NameOf | None
) -> list[_Found]:
    anchor = span.root
    text, year = _year_referred_to(span)
    future = is_future(anchor)
    expected = future or _is_forecast(anchor)
    unmarked = not future and not speaks_of_the_past(anchor)
    reference = Reference(article_date, expected, year, ends_a_period(anchor), unmarked)
    dates = normalise_date(text, reference)
    if not dates:
        return []
    event = _named_subject(_event_text(anchor), anchor, name_of)
    if event is None:
        return []
    written = written_form(span.text)
    sentence_index = bisect.bisect_right(sentence_starts, span.start) - 1
    return [
        _Found(
            TimelineEvent(
                date.text or written, date.value, date.precision, event, sentence_index, expected
            ),
            span.start,
        )
        for date in dates
    ]


def _is_used_as_date(span: Span) -> bool:
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


def _is_forecast(anchor: Token) -> bool:
    """A date in a forecast or plan: in a clause that "project", "likely" or the like governs
    (`FORECAST_WORDS`)."""
    return any(word.lemma_.lower() in FORECAST_WORDS for word in (anchor, *anchor.ancestors))


def _named_subject(event: str, anchor: Token, name_of: NameOf | None) -> str | None:
    """The event with its pronoun subject named in brackets ("It [Vietnam] raised ..."), or
    None when the text does not say who it is."""
    first = event.split(" ", 1)[0]
    if first.lower() not in SUBJECT_PRONOUNS:
        return event
    if name_of is None:
        # The caller resolves no pronouns: the event stays as the article words it.
        return event
    pronoun = next((t for t in anchor.sent if t.text == first and t.dep_ in SUBJECT_DEPS), None)
    name = name_of(pronoun) if pronoun is not None else None
    if not name:
        return None
    return f"{first} [{name}]{event[len(first) :]}"


def _year_referred_to(span: Span) -> tuple[str, int | None]:
    """A date's text without "of that year", and the year it refers back to, if it does.

    "August of that year", the "May" of "May and August of that year" and of "That year, in
    May" take the year last written before them. Without one nearby, "May of that year" is not
    dated (rather than dated wrongly) and "that year, in May" is dated as a bare "May".
    """
    doc = span.doc
    sentence = span.sent
    # The sentence's text, not the Doc's: Doc.text joins every token anew on each call.
    after = sentence.text[span.end_char - sentence.start_char :]
    before = sentence.text[: span.start_char - sentence.start_char]
    is_set_before = THAT_YEAR_BEFORE.search(before) is not None
    if not THAT_YEAR.search(span.text) and not THAT_YEAR_AFTER.match(after) and not is_set_before:
        return span.text, None
    text = THAT_YEAR.sub("", span.text)
    earlier = doc[max(0, sentence.start - THAT_YEAR_LOOKBACK) : span.start]
    years = [int(t.text) for t in earlier if YEAR.fullmatch(t.text) and t.ent_type_ == "DATE"]
    if years:
        return text, years[-1]
    # "failed twice that year, in May and August", with no year written nearby, is most often
    # the story's own year; only "May of that year" reads as a year the text has left.
    return text, None if is_set_before else NO_YEAR


def _event_text(anchor: Token) -> str:
    """Return the clause that holds the date, or its sentence when the clause is too thin."""
    relative = _relative_clause_of(anchor)
    if relative is not None:
        return relative
    head = _fronted_from_subordinate(anchor, clause_of(anchor))
    if head.pos_ in NOUN_POS and head.i != anchor.i:
        # A date in a reduced relative ("the previous record set during the great flood of
        # 1941"): in a clause dated otherwise ("On 5 May the lake rose above ..."), the noun
        # phrase alone, or the clause would date its events to 1941.
        outer = clause_of(head)
        if _is_clause(outer) and _dated_elsewhere(clause_tokens(outer), head, anchor):
            return clause_text(head) + "."
        return _sentence_text(_sentence_of(anchor))
    if not _is_clause(head):
        return _sentence_text(_sentence_of(anchor))
    # A reported claim keeps its speaker: "Kirby said the US would respond on Friday".
    while head.dep_ == "ccomp" and _is_clause(clause_of(head.head)):
        head = clause_of(head.head)
    tokens = clause_tokens(head)
    if any(t.i == anchor.i for t in tokens) and not _leans_back(head):
        part = _sentence_of(anchor)
        # The parser took in a caption run into the sentence: the sentence's part is the event.
        if tokens[0].i < part.start or tokens[-1].i >= part.end:
            return _sentence_text(part)
        return clause_text(head) + "."
    return _sentence_text(_sentence_of(anchor))


def _relative_clause_of(anchor: Token) -> str | None:
    """The event of a date inside a relative clause on a name, said of that name: "He met
    President To Lam, who took office in May 2024, ..." dates "President To Lam took office in
    May 2024", not the meeting."""
    verb = next((t for t in (anchor, *anchor.ancestors) if t.pos_ in CLAUSE_POS), None)
    if verb is None or verb.dep_ != "relcl" or verb.head.pos_ != "PROPN":
        return None
    pronoun = next(
        (c for c in verb.children if c.dep_ in SUBJECT_DEPS and c.lower_ in ("who", "which")),
        None,
    )
    if pronoun is None:
        return None
    name = verb.head
    entity = next((e for e in name.doc.ents if e.start <= name.i < e.end), None)
    start = min(
        name.left_edge.i + (name.left_edge.dep_ == "det"), entity.start if entity else name.i
    )
    words = [t for t in clause_tokens(verb) if t.i != pronoun.i]
    if start > name.i or not words:
        return None
    clause = name.doc[words[0].i : words[-1].i + 1].text
    return f"{name.doc[start : name.i + 1].text} {clause}".rstrip(" ,;") + "."


def _leans_back(head: Token) -> bool:
    """A clause inside its sentence whose subject is a pronoun ("where it had stood since
    September 2023"): alone on the timeline it would not say who or what."""
    return head.dep_ != "ROOT" and any(
        child.dep_ in SUBJECT_DEPS and child.lower_ in BACK_POINTING_PRONOUNS
        for child in head.children
    )


def _fronted_from_subordinate(anchor: Token, head: Token) -> Token:
    """The main clause for a date fronted before a subordinate clause's conjunction: "In
    November 2023, after North Korea launched a satellite, Seoul suspended a clause"."""
    mark = next((c for c in head.children if c.dep_ == "mark"), None)
    if head.dep_ == "advcl" and mark is not None and anchor.i < mark.i:
        return clause_of(head.head)
    return head


def _dated_elsewhere(tokens: tuple[Token, ...], phrase: Token, anchor: Token) -> bool:
    """Whether the tokens hold a calendar date outside the phrase and outside the anchor's own
    list of dates ("in 1961, 2000 and 2001"); a span of time ("in less than a week") is none."""
    inside = range(phrase.left_edge.i, phrase.right_edge.i + 1)
    kept = {t.i for t in tokens}
    return any(
        entity.label_ in DATE_LABELS
        and entity.start in kept
        and entity.start not in inside
        and not _listed_with(anchor, entity[0])
        and normalise_date(entity.text, Reference(None, is_future=False))
        for entity in entities_in(anchor.sent)
    )


def _listed_with(anchor: Token, other: Token) -> bool:
    """Whether only dates, commas and 'and' or 'or' stand between the two tokens."""
    low, high = sorted((anchor.i, other.i))
    between = anchor.doc[low + 1 : high]
    return all(t.ent_type_ in DATE_LABELS or t.lower_ in (",", "and", "or") for t in between)


def _is_clause(head: Token) -> bool:
    if head.pos_ not in CLAUSE_POS:
        return False
    return has_subject(head) or inherited_subject(head) is not None


def _sentence_of(anchor: Token) -> Span:
    """The anchor's sentence, or its part of one that captions ran into (`run_on_starts`)
    when that part is a clause ("At around 3.30pm on March 17" is none)."""
    sentence = anchor.sent
    starts = [sentence.start, *run_on_starts(sentence), sentence.end]
    start = max(start for start in starts[:-1] if start <= anchor.i)
    end = min(end for end in starts[1:] if end > anchor.i)
    part = anchor.doc[start:end]
    return part if any(_is_clause(token) for token in part) else sentence


def _sentence_text(sentence: Span) -> str:
    text = " ".join(sentence.text.split())
    return text if text.rstrip("\"'”’)").endswith((".", "!", "?")) else text + "."


def _ordered(found: list[_Found]) -> tuple[TimelineEvent, ...]:
    unique: dict[tuple[str, str], _Found] = {}
    for item in sorted(found, key=lambda i: i.position):
        unique.setdefault((item.event.value, item.event.event), item)
    items = list(unique.values())
    absolute = [i for i in items if i.event.precision != "relative"]
    relative = [i for i in items if i.event.precision == "relative"]
    absolute.sort(key=lambda i: (i.event.value, i.position))
    relative.sort(key=lambda i: i.position)
    return tuple(i.event for i in absolute + relative)


def _is_scheduling(verb: Token) -> bool:
    """Tell "is scheduled for Thursday" and "is set for May" from "was planned for May"."""
    is_passive = any(c.dep_ == "auxpass" for c in verb.children)
    return is_passive and verb.lemma_.lower() in FUTURE_PREDICATES and not _is_past(verb)


def _is_past(token: Token) -> bool:
    if token.tag_ == "VBD" or (token.dep_ == "acomp" and token.head.tag_ == "VBD"):
        return True
    return any(c.dep_ in AUXILIARY_DEPS and c.tag_ == "VBD" for c in token.children)
