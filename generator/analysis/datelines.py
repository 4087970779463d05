"""Read the dateline a wire story opens with: a spaCy line or sentence in, `Dateline` out.

Wire copy opens with where it was filed and by whom: "LONDON 1996-08-30", "KYIV, Ukraine
(Reuters) -", "New Delhi, India (CNN) --", "NEW DELHI:", "WASHINGTON --", "DUBAI, United Arab
Emirates —". One reading serves two readers: the actors take its place as where the report
was filed (`layout`), and the lead, the key facts and the timeline tell the sentence without
it (`after_dateline`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import islice

from spacy.tokens import Span, Token

from generator.analysis.gazetteer import load_gazetteer
from generator.analysis.grammar import PLACE_LABELS
from generator.analysis.lexicon import MONTH_ABBREVIATIONS
from generator.analysis.place_names import place_names
from generator.analysis.token_lists import once_a_span, span_text

MIN_OUTLET_CHARS = 2
"""An outlet in a dateline's brackets is a name or initials ("CNN", "AP"); one letter is a
politician's party ("(R)", "(D-Calif.)")."""
DATELINE_MAX_TOKENS = 8
"""How far into a sentence a dateline's closing bracket may lie ("New Delhi, India (CNN)")."""
DASHES = frozenset({"--", "-", "—", "–"})
"""The dashes after a dateline ("WASHINGTON --", "(Reuters) -")."""

_CAPS_WORD = r"[A-Z][A-Z.'’-]*"
_REGION_WORD = r"[A-Z][A-Za-z.'’-]*"
_MONTH = "|".join(sorted(MONTH_ABBREVIATIONS))
_DATE = rf"\d{{4}}-\d\d-\d\d|(?:{_MONTH})[a-z]*\.? \d{{1,2}}(?:, \d{{4}})?"
_OUTLET = r"\([A-Z][\w ]*\)"
WIRE_DATELINE = re.compile(
    rf"(?P<place>{_CAPS_WORD}(?: {_CAPS_WORD}){{0,3}})"
    rf"(?:, (?P<region>{_REGION_WORD}(?: {_REGION_WORD}){{0,2}}))?"
    # What follows tells a dateline from a headline in capitals ("SOCCER - ROMANIA BEAT ..."):
    # a date, the agency in brackets, a dash after a region ("KYIV, Ukraine - "), or a dash
    # before a sentence ("WASHINGTON – Two officers were charged", "WASHINGTON — NASA said"),
    # not before capitals ("ENGLAND - ROMANIA BEAT"), where a list knows the
    # place (`is_listed_place`: "UPDATE – The company said" is no dateline).
    rf"(?=,? ?(?:{_DATE}|{_OUTLET})"
    rf"|(?(region) ?[-–—] |(?P<dash> [-–—] )(?=[A-Z][a-z]|[A-Z]+ [a-z])))"
)
"""A dateline of a place in capitals, as wire copy sets it."""
WIRE_DATELINE_TAIL = re.compile(rf"(?:,? ?(?:{_DATE}))?(?: ?{_OUTLET})?(?: ?[-–—]+)?\s*")
"""What follows a wire dateline's place before the story: its date, agency and dash."""


@dataclass(frozen=True)
class Dateline:
    """Where a story's opening says it was filed, and where its own words start."""

    place: Span | None
    """The place ("KHASAVYURT" in "KHASAVYURT, Russia 1996-08-31"), or None when the words
    before the colon or the outlet are no place a list or the model knows ("UPDATE –",
    "(CNN) --")."""
    story_start: int
    """The index of the story's first word after the dateline; the span's start when the
    splitter left the story to the next sentence ("KYIV, Ukraine (Reuters) -" alone)."""


def dateline_of(span: Span) -> Dateline | None:
    """The dateline a line or sentence opens with, or None."""
    return _wire_dateline(span) or _dateline_of_names(span)


@once_a_span
def after_dateline(sent: Span) -> int:
    """Return where a sentence starts after the dateline it opens with; else its start."""
    dateline = dateline_of(sent)
    return sent.start if dateline is None else dateline.story_start


def title_case(text: str) -> str:
    """'NEW YORK' -> 'New York', "N'DJAMENA" -> "N'Djamena", 'ST. LOUIS' -> 'St. Louis'."""
    return re.sub(r"[^\W\d_]+", lambda word: word.group().capitalize(), text)


def is_listed_place(text: str) -> bool:
    """Whether a list knows the capitals as a place's name: a gazetteer's country or capital,
    or a town, state or county of the place lists ("WASHINGTON", not "UPDATE")."""
    name = title_case(text)
    return load_gazetteer().lookup(name) is not None or place_names().place_source(name) is not None


def _wire_dateline(span: Span) -> Dateline | None:
    """A place in capitals followed by a date, an agency or a dash (`WIRE_DATELINE`)."""
    text = span_text(span)
    match = WIRE_DATELINE.match(text)
    if match is None or (match.group("dash") and not is_listed_place(match.group("place"))):
        return None
    start, end = match.span("place")
    place = span.char_span(start, end, alignment_mode="expand")
    if place is None:
        return None
    tail = WIRE_DATELINE_TAIL.match(text, match.end())
    story = span.char_span(tail.end() if tail else match.end(), len(text), alignment_mode="expand")
    return Dateline(place, story.start if story is not None and len(story) else span.start)


def _dateline_of_names(span: Span) -> Dateline | None:
    """Names and commas before a colon or a dash, or before an outlet's name in brackets
    ("New Delhi, India (CNN) --"); the place when a list or the model knows the first name."""
    tokens = list(islice((t for t in span if not t.is_space), DATELINE_MAX_TOKENS + 1))
    mark = _place_mark(tokens)
    if mark is not None:
        return Dateline(_place_before(tokens, mark.i), mark.i + 1)
    closing = next((t for t in tokens if t.text == ")"), None)
    if closing is None:
        return None
    inside = [t for t in tokens if t.i < closing.i]
    opening = [t for t in inside if t.text == "("]
    if len(opening) != 1:
        return None
    place = [t for t in inside if t.i < opening[0].i]
    outlet = [t for t in inside if t.i > opening[0].i]
    is_name = all(t.pos_ == "PROPN" or t.text in ",." or _in_capitals(t) for t in place)
    if not outlet or not is_name or not all(t.pos_ == "PROPN" or t.is_title for t in outlet):
        return None
    if len(outlet[0].text) < MIN_OUTLET_CHARS:
        # A party, not an outlet: "Idaho Gov. Ada Renner (R) is standing by ...",
        # "Rep. Tom Ashby (D-Ore.) said ...".
        return None
    start = closing.i + 1
    while start < span.end and (span.doc[start].is_space or span.doc[start].text in DASHES):
        start += 1
    # A dateline the splitter made a sentence of its own leaves the story in the next one.
    return Dateline(_place_before(tokens, opening[0].i), start if start < span.end else span.start)


def _place_before(tokens: list[Token], end: int) -> Span | None:
    """The first name of a dateline's words before `end` ("New Delhi" of "New Delhi, India"),
    when it is a place: one the model labels as one, or a name a list knows."""
    words = [t for t in tokens if t.i < end]
    first = words[: next((n for n, t in enumerate(words) if t.text == ","), None)]
    if not first:
        return None
    name = first[0].doc[first[0].i : first[-1].i + 1]
    is_labelled = all(t.ent_type_ in PLACE_LABELS for t in name)
    return name if is_labelled or is_listed_place(name.text) else None


def _place_mark(tokens: list[Token]) -> Token | None:
    """The colon or dash after a dateline of places, "Houston, Texas, United States: Work on
    the bridge ...", "NEW DELHI: The minister ...", "WASHINGTON -- The Senate ...", or None. A dash
    follows a place set in capitals, which a name's own hyphen never does ("Kenya Airways -")."""
    mark = next((t for t in tokens if t.text == ":" or t.text in DASHES), None)
    # What follows a dateline is a sentence: it starts with a capital.
    if mark is None or mark.i + 1 >= mark.sent.end or not mark.nbor().text[:1].isupper():
        return None
    if mark.text in DASHES and mark.i > 0 and not mark.nbor(-1).whitespace_:
        return None  # a hyphen inside a word ("EU-Chinese talks"), not a dateline's dash
    place = [t for t in tokens if t.i < mark.i]
    if not place or (mark.text != ":" and not _in_capitals(place[0])):
        return None
    is_dateline = all(
        t.text == "," or (t.ent_type_ in PLACE_LABELS and t.pos_ == "PROPN") or _in_capitals(t)
        for t in place
    )
    return mark if is_dateline else None


def _in_capitals(token: Token) -> bool:
    """A word set in capitals, as a dateline's place is ("NEW DELHI:"): the model, trained on
    ordinary sentences, tags and labels it anything (`layout`)."""
    return token.is_alpha and token.is_upper and len(token.text) > 1
