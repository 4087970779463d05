"""Years told from the story's own time: "the next year", "the following year", "that year".
They count from the year the text last set ("in August 2016 ... The next year, ..." is 2017),
not from the day the article was published, as "next year" alone does."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from generator.analysis.date_mentions import YEAR
from generator.analysis.token_lists import token_lists

STORY_YEAR = re.compile(
    r"(?:the\s+(?P<step>next|following|same)|(?P<that>that))\s+year|the\s+year\s+(?P<side>after)",
    re.IGNORECASE,
)
"""A year counted on from the story's time, written as a whole date (the "the" may stand just
before the span: the recogniser may leave it out of "next year"). One counted back ("the
previous year", "a year earlier") is most often what a figure is compared with ("up from
£130m the year before"), no event of its own: it stays undated, as before."""
STORY_LOOKBACK = 200
"""Tokens before a date searched for the year the story last set: about two paragraphs."""


def story_year_step(span: Span) -> int | None:
    """How many years after the story's time a date lies, or None when the date is not
    counted from the story's time."""
    doc, text = span.doc, span.text
    has_the_before = span.start > 0 and doc[span.start - 1].lower_ == "the"
    if has_the_before and not text.lower().startswith("the"):
        text = f"the {text}"  # "the next year", the recogniser's span "next year"
    match = STORY_YEAR.fullmatch(" ".join(text.split()))
    if match is None:
        return None
    return 0 if match["that"] or match["step"] == "same" else 1


def story_year(doc: Doc, before: int) -> int | None:
    """The year the story is in just before a token: the last year written as a date, or a
    year counted from an earlier one ("The next year, ..."); None when none is near."""
    tokens = token_lists(doc)
    i = before - 1
    while i >= max(0, before - STORY_LOOKBACK):
        if tokens.ent_type[i] == "DATE":
            start = i
            while start > 0 and doc[start].ent_iob_ == "I":
                start -= 1
            written = [int(t) for t in tokens.text[start : i + 1] if YEAR.fullmatch(t)]
            if written:
                return written[-1]
            step = story_year_step(doc[start : i + 1])
            if step is not None:
                year = story_year(doc, start)
                return None if year is None else year + step
            i = start
        i -= 1
    return None


def sets_a_later_date(span: Span) -> bool:
    """Whether "that year" only gives its year to a date after it in the sentence ("That year,
    in May, ..."): the later date is the entry."""
    ent_type = token_lists(span.doc).ent_type
    return any(ent_type[i] == "DATE" for i in range(span.end, span.sent.end))
