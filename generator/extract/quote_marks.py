"""Pair the quotation marks of a text: plain text in, `Quotation` character offsets out.

Curly, straight and typewriter ('') double quotes pair up by what flanks them, line by line.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

OPENING_MARKS = frozenset("“„")
CLOSING_MARKS = frozenset("”")
STRAIGHT_MARKS = frozenset({'"', "''"})
"""Marks that look the same at both ends; two apostrophes are an old typesetting double quote."""
QUOTE_MARKS = OPENING_MARKS | CLOSING_MARKS | STRAIGHT_MARKS
QUOTE_MARK = re.compile("''|[\"“”„]")
OPEN_FLANK = frozenset("([{—–―-/")
"""Characters that may come right before an opening mark, as a space would."""
CLOSE_FLANK = frozenset(".,;:!?)]}—–―-…")
"""Characters that may come right after a closing mark, as a space would."""


@dataclass(frozen=True)
class Quotation:
    """Character offsets of one quotation, marks included."""

    start: int
    end: int
    inner_start: int
    inner_end: int


def find_quotations(text: str) -> list[Quotation]:
    """Return the outermost double-quoted stretches of `text`, paired within each line."""
    # A quote never runs across a line break: one continued in the next paragraph reopens there.
    quotations: list[Quotation] = []
    start = 0
    for line in text.split("\n"):
        quotations.extend(_pair_marks(text, start, start + len(line)))
        start += len(line) + 1
    return quotations


def _pair_marks(text: str, start: int, end: int) -> Iterator[Quotation]:
    """Pair the quotation marks of one line; an unclosed quote runs to the line end."""
    depth = 0
    opened = start
    for mark in QUOTE_MARK.finditer(text, start, end):
        if _is_opening(text, mark, start, end, depth > 0):
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


def _inner_start(text: str, opened: int) -> int:
    """Return where the words start after the opening mark at `opened`."""
    return opened + 2 if text.startswith("''", opened) else opened + 1


def _is_opening(text: str, mark: re.Match[str], start: int, end: int, is_open: bool) -> bool:
    """Tell an opening mark from a closing one by what flanks it, else by its shape."""
    before = text[mark.start() - 1] if mark.start() > start else " "
    after = text[mark.end()] if mark.end() < end else " "
    is_left_open = before.isspace() or before in OPEN_FLANK
    is_right_open = after.isspace() or after in CLOSE_FLANK
    # Flanking beats glyph shape: writers and converters often type the wrong curly mark.
    if is_left_open != is_right_open:
        return is_left_open
    return mark.group() in OPENING_MARKS or (mark.group() in STRAIGHT_MARKS and not is_open)
