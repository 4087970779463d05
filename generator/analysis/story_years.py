"""Years told from the story's own time: "the next year", "that year", "the previous year",
"two years earlier", "a year later". They count from the year the text last set ("in August
2016 ... The next year, ..." is 2017; "in 1987 ... The previous year, ..." is 1986), not from
the day the article was published, as "next year" alone does."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from generator.analysis.date_mentions import YEAR
from generator.analysis.dates import NUMBER_WORDS
from generator.analysis.grammar import CLAUSE_POS
from generator.analysis.token_lists import token_lists

STORY_YEAR = re.compile(
    r"(?:the\s+(?P<step>next|following|same)|(?P<that>that))\s+year|the\s+year\s+(?P<side>after)",
    re.IGNORECASE,
)
"""A year counted on from the story's time, written as a whole date (the "the" may stand just
before the span: the recogniser may leave it out of "next year")."""
COUNTED_YEARS = re.compile(
    r"the\s+(?:previous|prior|preceding)\s+year|the\s+year\s+(?P<before>before)"
    rf"|(?P<count>\d{{1,2}}|{'|'.join(NUMBER_WORDS)})\s+years?\s+"
    r"(?:(?P<back>earlier|before|previously)|(?P<on>later|after|on))",
    re.IGNORECASE,
)
"""Years counted back or on from the story's time: "the previous year", "the year before",
"two years earlier", "a year later". Counted from the year the story last set, never from the
article's date; a count with nothing set before it stays undated."""
COMPARISON_HEADS = frozenset({"from", "than", "with", "over", "against", "on", "versus", "vs"})
"""Words a year counted back hangs on when it is what a figure is compared with ("up from
£130m the year before", "compared with the previous year"): a base, no event of its own."""
DESCRIBING_PARTICIPLE = "acl"
FIGURE_LABELS = frozenset({"MONEY", "PERCENT", "CARDINAL", "QUANTITY"})
NOW_COUNTED = re.compile(r"\b(?:next|last|this|coming|past)\s+year\b", re.IGNORECASE)
"""A year counted from the day of writing ("next year's election"): a later count ("local
elections a year later") counts from that year, which only the article's date tells."""
STORY_LOOKBACK = 200
"""Tokens before a date searched for the year the story last set: about two paragraphs."""


def story_year_step(span: Span) -> int | None:
    """How many years after the story's time a date lies, or None when the date is not
    counted from the story's time."""
    doc, text = span.doc, span.text
    has_the_before = span.start > 0 and doc[span.start - 1].lower_ == "the"
    if has_the_before and not text.lower().startswith("the"):
        text = f"the {text}"  # "the next year", the recogniser's span "next year"
    text = " ".join(text.split())
    match = STORY_YEAR.fullmatch(text)
    if match is not None:
        return 0 if match["that"] or match["step"] == "same" else 1
    counted = COUNTED_YEARS.fullmatch(text)
    if counted is None:
        return None
    count = counted["count"]
    years = 1 if count is None else int(count) if count.isdigit() else NUMBER_WORDS[count.lower()]
    return years if counted["on"] else -years


def is_a_comparison_base(span: Span) -> bool:
    """Whether a year counted back is what a figure is compared with ("up from £130m the year
    before"), not when something happened: it hangs on a word of comparison, or follows its
    figure ("cut its debt to £2m from £6m a year earlier": the parse may hang it on "cut")."""
    before = span.start - 1
    doc = span.doc
    if before > 0 and doc[before].idx == doc[before - 1].idx + len(doc[before - 1].text):
        before -= 1  # the unit written onto its figure: "£6m", "2bn"
    if before >= 0 and doc[before].ent_type_ in FIGURE_LABELS:
        return True
    for token in span.root.ancestors:
        if token.lower_ in COMPARISON_HEADS:
            return True
        if token.pos_ in CLAUSE_POS and token.dep_ != DESCRIBING_PARTICIPLE:
            # "the £130m seen a year earlier" is still the figure's phrase; a clause is not.
            return False
    return False


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
            if NOW_COUNTED.search(doc[start : i + 1].text):
                return None
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
