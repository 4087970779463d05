"""Find an article's dated events: a parsed `Doc` and the article's date in, `TimelineEvent`s out.

Each event is the clause that holds a date (`event_text`); `dates` normalises the date against
the article's date, looking ahead when the clause speaks of the future (`tense`) or times a
simple present as a timetable does ("the show opens on Friday"). A forecast, plan or scheduled
date is marked expected. The dates come from `date_mentions` (a year alone only where the text
uses it as a date). An event names its subject: "It raised its ties
..." says who in brackets, or gives way when the text does not say.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re

from spacy.tokens import Doc, Span, Token

from generator.analysis.asides import speaks_to_the_reader, tells_of_the_writer
from generator.analysis.date_directions import (
    is_arranged_present,
    is_plan_told_in_the_past,
    is_unplaced_day_ahead,
    written_direction,
)
from generator.analysis.date_mentions import (
    BARE_YEARS,
    YEAR,
    candidate_spans,
    compares_since,
    is_used_as_date,
    name_of_day,
    named_day,
)
from generator.analysis.dates import (
    DateValue,
    Reference,
    normalise_date,
    written_form,
)
from generator.analysis.event_cuts import says_only_that_it_was_said, without_quotation_tail
from generator.analysis.event_subjects import is_quoted, named_subject
from generator.analysis.event_text import (
    event_text,
    with_whole_quotations,
)
from generator.analysis.grammar import MODAL_TAG, PRESENT_TAGS
from generator.analysis.key_facts import NameOf, calls_out
from generator.analysis.layout import is_prose, text_of
from generator.analysis.lexicon import MONTHS, SPEECH_VERBS
from generator.analysis.quote_marks import (
    is_quoted_speech,
    quotations_of,
)
from generator.analysis.reference_points import dates_a_reference_point
from generator.analysis.scheduled_occasions import is_ahead, is_behind, occasion_ahead
from generator.analysis.speech_words import ISSUING_VERBS
from generator.analysis.story_years import (
    is_a_comparison_base,
    sets_a_later_date,
    story_year,
    story_year_step,
)
from generator.analysis.tallies import PRESENT_DAYS, counts_up_to_a_date
from generator.analysis.tense import (
    BARE_TAG,
    commits_to_a_plan,
    ends_a_period,
    is_a_condition,
    is_forecast,
    is_future,
    is_future_in_the_past,
    is_timetable_present,
    speaks_of_the_past,
    tells_what_did_not_happen,
)
from generator.analysis.timeline_entries import Found, ordered
from generator.analysis.token_lists import sentences_of, token_lists
from generator.models import TimelineEvent

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
NO_YEAR = 0
"""No year is written nearby: year 0, which no resolver accepts."""


VERB_POS = ("VERB", "AUX")
QUOTED_SHARE = 2
"""A sentence of someone's quoted words is at least 1/QUOTED_SHARE quotation."""
LINKING_VERBS = frozenset({"be", "feel", "seem", "look", "appear", "sound", "remain"})
"""Verbs that join a subject to what it is or seems ("feels like a safe pick"): a state."""
LIKENESS_PREPOSITIONS = frozenset({"like", "as"})
"""Prepositions by which a linking verb says what its subject seems ("looks like a winner")."""


def extract_timeline(
    doc: Doc, article_date: dt.date | None, name_of: NameOf | None = None
) -> tuple[TimelineEvent, ...]:
    """Return the article's dated events: absolute ones by date, then relative ones."""
    sentence_starts = [sentence.start for sentence in sentences_of(doc)]
    quotations = quotations_of(doc)
    found: list[Found] = []
    taken: set[int] = set()
    # Tokens of the dates taken so far: a later candidate overlapping one is no new date.
    for span in candidate_spans(doc):
        if (
            not taken.isdisjoint(range(span.start, span.end))
            or not is_prose(span.sent)
            or is_quoted_speech(span.sent, quotations)
        ):
            continue
        if BARE_YEARS.fullmatch(written_form(span.text)) and not is_used_as_date(span):
            continue
        if compares_since(span) or dates_a_reference_point(span.root):
            continue
        events = _events_for(span, article_date, sentence_starts, name_of)
        if events:
            taken.update(range(span.start, span.end))
            found.extend(events)
    return ordered(found)


def _events_for(
    span: Span, article_date: dt.date | None, sentence_starts: list[int], name_of: NameOf | None
) -> list[Found]:
    anchor = span.root
    text, year = _year_referred_to(span)
    future = is_future(anchor)
    # "shelved its plans for a listing on September 30": a past plan's date, the nearest.
    past_plan = not future and is_plan_told_in_the_past(anchor)
    expected = future or (is_forecast(anchor) and not past_plan) or is_a_condition(anchor)
    direction = written_direction(span)
    # "The show opens on Friday", "is meeting on Friday", "later on Saturday": a bare weekday
    # or month looks ahead; a day and month without a year stay the nearest such day
    # (`Reference.tense_unmarked`).
    timetable = not expected and (
        is_timetable_present(anchor)
        or is_arranged_present(anchor)
        or (direction > 0 and not speaks_of_the_past(anchor))
    )
    unmarked = past_plan or (not future and not speaks_of_the_past(anchor))
    reference = Reference(
        article_date, expected or timetable, year, ends_a_period(anchor), unmarked
    )
    day_name = name_of_day(span)
    # "will hire 500 people in the next year" counts from today, as "next year" does.
    step = None if expected else story_year_step(span)
    if step is not None:
        # "The next year, ...": counted from the story's year, left out without one.
        story = story_year(span.doc, span.start)
        if story is None or (step == 0 and sets_a_later_date(span)):
            return []
        if step < 0 and is_a_comparison_base(span):
            # "up from £130m the year before": what a figure is compared with, no event.
            return []
        dates = normalise_date(str(story + step), reference)
    elif day_name is None:
        dates = normalise_date(text, reference)
    else:
        dates = named_day(day_name, span)
    # A sentence without a verb tells of no event: a date alone on its line (an embedded post's
    # stamp, a dateline: "November 18, 2019.", "LONDON 1996-08-30."), a fixtures list.
    sent, pos = span.sent, token_lists(span.doc).pos
    if not dates or not any(pos[i] in VERB_POS for i in range(sent.start, sent.end)):
        return []
    if _describes_the_present(span) or counts_up_to_a_date(span):
        # "is rare today", "has confirmed 412 cases so far this year": a state, no event.
        return []
    if tells_what_did_not_happen(anchor):
        # "could have adopted the plan in 2005": what did not happen, neither event nor plan.
        return []
    sentence_index = bisect.bisect_right(sentence_starts, span.start) - 1
    is_issue = _dates_an_issue(span)
    if sentence_index > 0 and _quotes_its_speaker(span.sent) and not is_issue:
        # '"I'm running because ...," Ms X said on Tuesday': the words are the Quotes'
        # section's; the day they were said is no event, unless they lead the story.
        return []
    quotations = quotations_of(span.doc)
    if calls_out(span.sent) or speaks_to_the_reader(anchor, quotations):
        # "Book your tickets ... today!", "Today, we're going to talk about ...": the page
        # speaks to its reader, nothing happens.
        return []
    if tells_of_the_writer(anchor, quotations):
        # "... is one of my top picks this year": the writer's commentary, no event.
        return []
    # The document issued is the event, not the words its sentence quotes from it.
    said = _issued_document(span) if is_issue else event_text(anchor)
    # "before the Dec. 12 election": the date dates no clause, but an occasion ahead.
    occasion = (
        None
        if said is not None or is_issue
        # Only a clause that itself looks ahead vouches for its noun: one under a forecast
        # higher up ("hopes he heals from the fall that made him miss Sunday's gala") may
        # tell of the past.
        else occasion_ahead(span, dates, article_date, future or is_future_in_the_past(anchor))
    )
    said = said if occasion is None else occasion
    bare = None if said is None else without_quotation_tail(said)
    if bare is not None and says_only_that_it_was_said(anchor, bare):
        # '... OUT," Noem tweeted Monday night.': what she tweeted is the quotation left out.
        return []
    whole = (
        None if bare is None else with_whole_quotations(bare, anchor.sent, quotations_of(span.doc))
    )
    event = None if whole is None else named_subject(whole, anchor, name_of)
    if event is None or (occasion is None and span.text not in event):
        # The words left say nothing of the date: a date inside a quotation leaves its
        # narration alone ('"... on May 16," he said.' is "He said.").
        return []
    written = written_form(span.text)
    if len(dates) == 1 and _starts_a_state(span):
        written = f"since {dates[0].text or written}"
        dates = (DateValue(dates[0].value, dates[0].precision, written),)
    is_plan_reported = is_future_in_the_past(anchor)
    if is_plan_reported and article_date is not None and day_name is None:
        # "Mr X said Britain would leave the bloc on Oct. 31": a plan reported, expected when
        # its date (the nearest so written) lies ahead, never a past fact.
        ahead = normalise_date(text, Reference(article_date, True, year))
        dates = tuple(
            later
            for earlier, later in zip(dates, ahead, strict=False)
            if _is_nearer(later, earlier, article_date)
        )
    elif article_date is not None and day_name is None and commits_to_a_plan(anchor):
        # "agreed to meet again on Friday": the meeting, when its reading ahead is the nearer;
        # otherwise the date is most likely the agreement's own, past.
        ahead = normalise_date(text, Reference(article_date, True, year))
        nearer = [
            later
            for earlier, later in zip(dates, ahead, strict=False)
            if _is_nearer(later, earlier, article_date)
        ]
        if nearer and len(nearer) == len(dates):
            dates, is_plan_reported = tuple(nearer), True
    return [
        Found(
            TimelineEvent(
                date.text or written,
                date.value,
                date.precision,
                event,
                sentence_index,
                # A date after the article's cannot have happened yet, whatever the tense
                # ("a meeting was called for next month"); one before it has happened unless
                # the text says it will ("estimated that ... in 2017" is a past estimate's year).
                (
                    expected
                    or occasion is not None
                    or is_plan_reported
                    or (is_ahead(date, article_date) and not _follows_the(span))
                    # Undated, the tense alone tells: "The law comes into force in January."
                    or (timetable and article_date is None and is_unplaced_day_ahead(date))
                )
                and (future or not is_behind(date, article_date))
                # "said earlier this month it would cut jobs": the saying is past.
                and direction >= 0,
            ),
            span.start,
            anchor,
            date.starts,
        )
        for date in dates
    ]


def _describes_the_present(span: Span) -> bool:
    """Whether "today" or "this year" times what something is or seems, not what happened:
    "Today, such infections are rare", "the car is only a concept today", "it feels like a
    safe pick this year" (a linking verb with its adjective, noun or likeness, in the
    present), or compares with the present ("as it is today"). "The show opens today" and "Today
    is the deadline" (a day's own noun) stay."""
    if " ".join(span.text.lower().split()) not in PRESENT_DAYS:
        return False
    # "feels like a pick this year", "remains closed this week": the date may hang on the
    # predicate's noun or adjective; the clause's verb is the one it times.
    verb = next((t for t in span.root.ancestors if t.pos_ in VERB_POS), span.root.head)
    # A modal's "be" is present too: "may only be a concept today".
    is_present = verb.tag_ in PRESENT_TAGS or (
        verb.tag_ == BARE_TAG and any(child.tag_ == MODAL_TAG for child in verb.children)
    )
    return (
        verb.lemma_ in LINKING_VERBS
        and verb.dep_ not in ("aux", "auxpass")
        and is_present
        and span.root.dep_ != "nsubj"
        # "The vote is this week": the date is what the noun's time is, a timetable.
        and any(
            (_says_what_it_is(child) and child != span.root) or _compares_with(child)
            for child in verb.children
        )
    )


def _compares_with(child: Token) -> bool:
    """A linking verb's "as" or "like" that opens its clause: "why the city looks as it is
    today" compares with how things are now, no event."""
    return child.dep_ == "mark" and child.lower_ in LIKENESS_PREPOSITIONS


def _says_what_it_is(child: Token) -> bool:
    """A linking verb's adjective or noun ("is rare", "is a concept") or likeness ("feels like
    a pick")."""
    return child.dep_ in ("acomp", "attr") or (
        child.dep_ == "prep" and child.lower_ in LIKENESS_PREPOSITIONS
    )


def _dates_an_issue(span: Span) -> bool:
    """Whether a date tells when a document a sentence quotes was issued ("“...,” wrote Ruiz
    in a paper released on Friday by the institute"): the publication is the event, and the
    quoted words are the Quotes section's."""
    verb, sent = span.root.head, span.sent
    quotes = any(sent.start_char <= q.start < sent.end_char for q in quotations_of(span.doc))
    return (
        quotes
        and verb.dep_ == "acl"
        and verb.head.dep_ == "pobj"  # where the words appeared, not what the clause tells of
        and verb.lemma_.lower() in ISSUING_VERBS
        and verb.i < span.start
    )


def _issued_document(span: Span) -> str:
    """The document a date of issue belongs to, as the text names it ("A paper released on
    Friday by the institute")."""
    noun = span.root.head.head
    words = span.doc[noun.left_edge.i : noun.right_edge.i + 1].text.strip(" ,.")
    return words[:1].upper() + words[1:]


def _quotes_its_speaker(sentence: Span) -> bool:
    """Whether the sentence is someone's quoted words with their attribution: a verb of
    saying outside the quotations as its root, and quoted words making at least half of it
    ('"...," Ms X said on Tuesday', 'He told the panel: "I feared on July 25 ..."'); "X said
    on Tuesday that the plant would close" is reported, and stays."""
    root = sentence.root
    quotations = quotations_of(sentence.doc)
    if root.lemma_.lower() not in SPEECH_VERBS or is_quoted(root):
        return False
    start, end = sentence.start_char, sentence.end_char
    quoted = sum(max(0, min(q.end, end) - max(q.start, start)) for q in quotations if q.end > start)
    return quoted * QUOTED_SHARE >= end - start


def _starts_a_state(span: Span) -> bool:
    """Whether the date is the start of what still holds ("has been closed since 2019", "has
    lasted since October"): the timeline says "since 2019", not an event of 2019."""
    return span.start > 0 and span.doc[span.start - 1].lower_ == "since"


def _follows_the(span: Span) -> bool:
    """Whether "the" opens a date counted from another ("The next year, the group released
    ..."): the year after a date of the story, not after the article. A date with its year
    written names its own time ("the December 2019 issue" of a November 2019 story is ahead)."""
    return (
        span.start > 0
        and span.doc[span.start - 1].lower_ == "the"
        and not any(YEAR.fullmatch(token.text) for token in span)
    )


def _is_nearer(ahead: DateValue, back: DateValue, article_date: dt.date) -> bool:
    """Whether the reading of a date ahead of the article is nearer to it than the reading
    before it ("July" of a June story is next month; "Oct. 31" of a November one is past; the
    story's own weekday, a week either way, is no plan ahead), and truly ahead."""
    if not is_ahead(ahead, article_date):
        return False
    if ahead == back or "relative" in (ahead.precision, back.precision):
        return True
    return abs(_day_of(ahead) - article_date) < abs(article_date - _day_of(back))


def _day_of(date: DateValue) -> dt.date:
    """The first day a resolved date names ("2024-07" -> 1 July 2024)."""
    parts = [int(part) for part in date.value.split("-")[:3]] + [1, 1]
    return dt.date(parts[0], parts[1], parts[2])


def _year_referred_to(span: Span) -> tuple[str, int | None]:
    """A date's text without "of that year", and the year it refers back to, if it does.

    "August of that year", the "May" of "May and August of that year" and of "That year, in
    May" take the year last written before them. Without one nearby, "May of that year" is not
    dated (rather than dated wrongly) and "that year, in May" is dated as a bare "May".
    """
    doc = span.doc
    sentence = span.sent
    # The sentence's text, not the Doc's: Doc.text joins every token anew on each call.
    whole = text_of(doc)
    after = whole[span.end_char : sentence.end_char]
    before = whole[sentence.start_char : span.start_char]
    is_set_before = THAT_YEAR_BEFORE.search(before) is not None
    text = whole[span.start_char : span.end_char]
    if not THAT_YEAR.search(text) and not THAT_YEAR_AFTER.match(after) and not is_set_before:
        return text, None
    text = THAT_YEAR.sub("", text)
    tokens = token_lists(doc)
    earlier = range(max(0, sentence.start - THAT_YEAR_LOOKBACK), span.start)
    years = [
        int(tokens.text[i])
        for i in earlier
        if YEAR.fullmatch(tokens.text[i]) and tokens.ent_type[i] == "DATE"
    ]
    if years:
        return text, years[-1]
    # "failed twice that year, in May and August", with no year written nearby, is most often
    # the story's own year; only "May of that year" reads as a year the text has left.
    return text, None if is_set_before else NO_YEAR
