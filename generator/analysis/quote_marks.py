"""Pair the quotation marks of a text: plain text in, `Quotation` character offsets out.

Curly, straight and typewriter ('') double quotes pair up by what flanks them, line by line. A
text that quotes with single marks, as British papers do ('We will win,' he said), has its
single marks paired instead, telling them from apostrophes (it's, O'Neill, the fans' anger).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

import numpy
from spacy.attrs import LOWER  # type: ignore[import-not-found]  # a Cython module without stubs
from spacy.tokens import Doc, Span, Token

from generator.analysis.layout import text_of
from generator.analysis.token_lists import span_text, token_lists
from generator.analysis.tree_matcher import has_value

FIRST_PERSON_WORDS = frozenset({"i", "me", "my", "mine", "myself"})
MIN_FIRST_PERSON_NARRATION = 3
"""First-person words outside quotations from which the writer narrates as "I"."""

DOUBLED_SINGLE_MARKS = ("''", "‘‘", "’’")
"""Two single marks typed for one double mark: the old typewriter's, or curly ones ("’’")."""
DOUBLED_OPENING_MARK = "‘‘"
OPENING_MARKS = frozenset("“„")
CLOSING_MARKS = frozenset("”")
"""Characters (other modules build character classes of them): a doubled mark is not one."""
STRAIGHT_MARKS = frozenset({'"', "''"})
"""Marks that look the same at both ends; two apostrophes are an old typesetting double quote."""
SINGLE_MARKS = frozenset("'‘’")
QUOTE_MARKS = OPENING_MARKS | CLOSING_MARKS | STRAIGHT_MARKS | SINGLE_MARKS
"""Every mark that may open or close a quotation, in either style."""
QUOTE_MARK = re.compile("''|‘‘|’’|[\"“”„]")
SINGLE_MARK = re.compile("['‘’]")
SINGLE_OPENING = re.compile("(?<![\\w'‘’])['‘](?=[^\\W\\d_])")
"""A single mark before a word and after none: how a quote in single marks opens."""
# Each closing quote mark with its opening one, and the other way round.
OPENING_QUOTE_OF = {'"': '"', "”": "“", "’": "‘"}
CLOSING_QUOTE_OF = {'"': '"', "“": "”", "‘": "’"}
OPEN_FLANK = frozenset("([{—–―-/")
"""Characters that may come right before an opening mark, as a space would."""
CLOSE_FLANK = frozenset(".,;:!?)]}—–―-…")
SENTENCE_ENDS = frozenset(".!?…")
"""Characters that may come right after a closing mark, as a space would."""


@dataclass(frozen=True)
class Quotation:
    """Character offsets of one quotation, marks included."""

    start: int
    end: int
    inner_start: int
    inner_end: int


QUOTATIONS_KEY = "briefs.quotations"
INSIDE_KEY = "briefs.inside_quotations"
"""Where `inside_quotations` keeps which tokens open inside a quotation's words, in user_data."""


def quotations_of(doc: Doc) -> tuple[Quotation, ...]:
    """The doc's quotations (`find_quotations`), found once: quotes, key facts, the timeline and
    the at-a-glance line each ask."""
    quotations = doc.user_data.get(QUOTATIONS_KEY)
    if not isinstance(quotations, tuple):
        quotations = doc.user_data[QUOTATIONS_KEY] = tuple(find_quotations(text_of(doc)))
    return quotations


def inside_quotations(doc: Doc, quotations: Sequence[Quotation]) -> list[bool]:
    """Whether each token of the doc starts inside the words of one of the quotations (its
    marks left out), found once a doc for the quotations it is asked of: the key facts ask it
    of every word of every sentence they weigh."""
    kept = doc.user_data.get(INSIDE_KEY)
    if kept is None or kept[0] is not quotations:
        idx = token_lists(doc).idx
        inside = [False] * len(idx)
        for quotation in quotations:
            # The token offsets rise through the doc: a quotation's tokens are one run of them.
            first = bisect.bisect_left(idx, quotation.inner_start)
            last = bisect.bisect_left(idx, quotation.inner_end)
            inside[first:last] = [True] * (last - first)
        kept = doc.user_data[INSIDE_KEY] = (quotations, inside)
    return kept[1]


def find_quotations(text: str) -> list[Quotation]:
    """Return the outermost quoted stretches of `text`, paired within each line."""
    pair = _pair_single_marks if quotes_with_single_marks(text) else _pair_marks
    # A quote never runs across a line break: one continued in the next paragraph reopens there.
    quotations: list[Quotation] = []
    start = 0
    for line in text.split("\n"):
        quotations.extend(pair(text, start, start + len(line)))
        start += len(line) + 1
    return quotations


def quotes_with_single_marks(text: str) -> bool:
    """Whether the text opens its quotes with single marks: more often than it uses double
    ones, and twice at least (a lone 'em or 'til opens nothing)."""
    openings = len(SINGLE_OPENING.findall(text))
    return openings >= 2 and openings > len(QUOTE_MARK.findall(text))


def _pair_single_marks(text: str, start: int, end: int) -> Iterator[Quotation]:
    """Pair the single quotation marks of one line, passing over apostrophes.

    A mark after a plural before a lower-case word ("the fans' anger", "'Likes' on Facebook")
    may be either: it closes the quote only if no other mark closes it before the next opens.
    British style nests double marks inside single ones, so a single mark that opens while a
    quote is open starts the next quote: the writer's paragraph break fell between them.
    """
    opened: int | None = None
    maybe_closed: int | None = None
    for mark in SINGLE_MARK.finditer(text, start, end):
        before = text[mark.start() - 1] if mark.start() > start else " "
        after = text[mark.end()] if mark.end() < end else " "
        if before.isalnum() and after.isalnum():
            continue  # it's, O'Neill, don't
        if _is_possessive_s(text, mark.end(), end):
            continue  # "Downey Jr.'s part": no quote opens on the word "s"
        if not before.isalnum() and after.isalpha():
            if opened is not None:
                yield _single_quotation(text, opened, maybe_closed or mark.start())
            opened, maybe_closed = mark.start(), None
        elif opened is not None and (after.isspace() or after in CLOSE_FLANK):
            if _may_be_possessive(text, mark.end(), before):
                maybe_closed = maybe_closed or mark.end()
                continue
            yield Quotation(opened, mark.end(), opened + 1, mark.start())
            opened, maybe_closed = None, None
    if opened is not None and text[opened + 1 : end].strip():
        yield _single_quotation(text, opened, maybe_closed or end)


def _is_possessive_s(text: str, after_mark: int, end: int) -> bool:
    """A mark before a lone "s" (a possessive after an abbreviation's point: "Jr.'s")."""
    return text[after_mark : after_mark + 1] == "s" and not (
        after_mark + 1 < end and text[after_mark + 1].isalnum()
    )


def _may_be_possessive(text: str, after_mark: int, before: str) -> bool:
    """A mark after an "s" and before a lower-case word: "the fans' anger"."""
    following = text[after_mark : after_mark + 2]
    return before == "s" and following[:1] == " " and following[1:].islower()


def _single_quotation(text: str, opened: int, end: int) -> Quotation:
    """A quote in single marks that ends at `end`: after its closing mark, or left open."""
    outer_end = len(text[:end].rstrip())
    inner_end = outer_end - 1 if text[outer_end - 1] in SINGLE_MARKS else outer_end
    return Quotation(opened, outer_end, opened + 1, inner_end)


def _pair_marks(text: str, start: int, end: int) -> Iterator[Quotation]:
    """Pair the quotation marks of one line; an unclosed quote runs to the line end."""
    depth = 0
    opened = start
    for mark in QUOTE_MARK.finditer(text, start, end):
        if _is_opening(text, mark, start, end, depth > 0):
            if depth > 0 and _opens_a_sentence(text, mark.start(), opened):
                # News style reopens a quote that runs on into a new paragraph without closing
                # it; text that lost its paragraph breaks keeps the two on one line. A mark
                # opening a sentence inside a quote starts the next quote: the writer's
                # paragraph ended before it (a quote inside a quote opens mid-sentence).
                yield _left_open(text, opened, mark.start())
                depth = 0
            # A quote inside a quote is part of the speaker's words, not a quote of its own.
            opened = mark.start() if depth == 0 else opened
            depth += 1
        elif depth > 0:
            depth -= 1
            if depth == 0:
                yield Quotation(opened, mark.end(), _inner_start(text, opened), mark.start())
    # News style leaves a quote open when it continues into the next paragraph.
    if depth > 0 and text[_inner_start(text, opened) : end].strip():
        yield Quotation(opened, end, _inner_start(text, opened), end)


def _opens_a_sentence(text: str, mark: int, opened: int) -> bool:
    """Whether the opening mark at `mark` follows a sentence's end and a space, inside the
    quote opened at `opened`."""
    before = text[_inner_start(text, opened) : mark]
    return before[-1:].isspace() and before.rstrip()[-1:] in SENTENCE_ENDS


def _left_open(text: str, opened: int, next_opening: int) -> Quotation:
    """The quote opened at `opened` and left open before the next quote's opening mark."""
    end = len(text[:next_opening].rstrip())
    return Quotation(opened, end, _inner_start(text, opened), end)


def _inner_start(text: str, opened: int) -> int:
    """Return where the words start after the opening mark at `opened`."""
    return opened + 2 if text.startswith(DOUBLED_SINGLE_MARKS, opened) else opened + 1


def _is_opening(text: str, mark: re.Match[str], start: int, end: int, is_open: bool) -> bool:
    """Tell an opening mark from a closing one by what flanks it, else by its shape."""
    before = text[mark.start() - 1] if mark.start() > start else " "
    after = text[mark.end()] if mark.end() < end else " "
    is_left_open = before.isspace() or before in OPEN_FLANK
    is_right_open = after.isspace() or after in CLOSE_FLANK
    # Flanking beats glyph shape: writers and converters often type the wrong curly mark.
    if is_left_open != is_right_open:
        return is_left_open
    return (
        mark.group() in OPENING_MARKS
        or mark.group() == DOUBLED_OPENING_MARK
        or (mark.group() in STRAIGHT_MARKS and not is_open)
    )


def within_one_quotation(quotations: Sequence[Quotation], start: int, end: int) -> bool:
    """Whether the characters from start to end all lie inside the words of one quotation."""
    return any(q.inner_start <= start and end <= q.inner_end for q in quotations)


def narrates_in_first_person(doc: Doc) -> bool:
    """Whether the writer tells the article as "I" (a blog, a review, a column): first-person
    words outside its quotations."""
    quotations = quotations_of(doc)
    first_person = numpy.flatnonzero(has_value(doc, LOWER, FIRST_PERSON_WORDS))
    idx = token_lists(doc).idx
    narrated = (
        i for i in first_person.tolist() if not any(q.start <= idx[i] < q.end for q in quotations)
    )
    return sum(1 for _ in narrated) >= MIN_FIRST_PERSON_NARRATION


def is_quoted_speech(sentence: Span, quotations: Sequence[Quotation]) -> bool:
    """A sentence inside one quotation: someone's words ("Nights like this are what I
    play for."), which a brief gives under Quotes with their speaker, not as the article's own."""
    tokens = token_lists(sentence.doc)
    words = tokens.words(sentence)
    return bool(words) and within_one_quotation(
        quotations, tokens.idx[words[0]], tokens.idx[words[-1]] + 1
    )


def balance_quote_marks(tokens: list[Token]) -> list[Token]:
    """Drop a quote mark that trimming left unpaired at either edge. The words are read only
    when an edge is a mark: every clause shown passes here, and few end on one."""
    last = tokens[-1].text if tokens else ""
    if last in OPENING_QUOTE_OF and _is_unpaired([t.text for t in tokens], last, OPENING_QUOTE_OF):
        tokens = tokens[:-1]
    first = tokens[0].text if tokens else ""
    if first in CLOSING_QUOTE_OF and _is_unpaired(
        [t.text for t in tokens], first, CLOSING_QUOTE_OF
    ):
        tokens = tokens[1:]
    return tokens


DOUBLE_MARKS = frozenset('"“”')
"""The marks a quotation's words are set in; single marks are apostrophes too ("don’t"):
a line that leaves one of them out has cut a quotation (`actions`)."""


def _is_unpaired(texts: list[str], mark: str, partner_of: dict[str, str]) -> bool:
    partner = partner_of[mark]
    if partner == mark:
        return texts.count(mark) % 2 == 1
    return partner not in texts


def trimmed_text(span: Span) -> str:
    """Return a span's text without punctuation at either end, keeping closing quote marks."""
    tokens = token_lists(span.doc)
    start, end = span.start, span.end
    while end > start and tokens.is_punct[end - 1] and tokens.text[end - 1] not in QUOTE_MARKS:
        end -= 1
    while start < end and tokens.is_punct[start] and tokens.text[start] not in QUOTE_MARKS:
        start += 1
    return span_text(span.doc[start:end])
