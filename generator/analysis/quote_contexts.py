"""The words a quote is shown in: a quoted sentence alone, a fragment with the clause that
reports it, or a fragment in the participle clause that carries it."""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from generator.analysis.clauses import is_set_off_participle
from generator.analysis.quote_marks import trimmed_text
from generator.analysis.reported_clauses import reported_clause
from generator.models import QuoteKind

DANGLING_OPENING_MARK = re.compile("\\s+['‘\"“]$")
COMMA_BEFORE_CLOSING_MARK = re.compile("[,;:]\\s*(['’\"”]+)$")
"""The writer's comma inside a closing mark (US style), which leads on to the narration after it:
the quote's clause shown alone ends on the mark."""
PAIRED_MARKS = (("“", "”"), ("«", "»"))
"""Marks that open and close apart: a context opening more than it closes cuts a quotation
that the source ran to its paragraph's end without closing (`quote_marks`)."""
FRAMING_DEPS = frozenset({"prep", "advcl", "advmod", "npadvmod"})
"""A clause's modifiers that may open it before its subject, set off by a comma."""


def quote_context(
    text: str, outer: Span, covering: list[Span], verb: Token | None, kind: QuoteKind, alone: bool
) -> str:
    """Return a quotation's sentences, the clause reporting a fragment, or a narrated fragment
    alone (`speakers.is_narrated_speech`): the sentence around it is the writer's."""
    return with_quotation_closed(_context(text, outer, covering, verb, kind, alone))


def with_quotation_closed(context: str) -> str:
    """The context with the quotation it opens and does not close closed at its end: where
    the source left it open, the quotation ends with the paragraph (`quote_marks`), as the
    context does; a reader should not see a mark that never closes. One that ends on a mark
    is whole (news style opens each paragraph of a long quotation and closes only the last)."""
    ends = context.rstrip()
    if ends[-1:] in ('"', *(closing for _opening, closing in PAIRED_MARKS)):
        return context
    for opening, closing in PAIRED_MARKS:
        if context.count(opening) > context.count(closing):
            return ends + closing
    return ends + '"' if context.count('"') % 2 else context


def _context(
    text: str, outer: Span, covering: list[Span], verb: Token | None, kind: QuoteKind, alone: bool
) -> str:
    """The context as the source writes it (`quote_context`)."""
    if kind == "partial" and verb is not None:
        clause = reported_clause(verb)
        # The parser hangs the closing marks and the full stop on the main verb, outside the
        # clause: "noting that he ... experienced every parent’s “worst nightmare.”" reports
        # the clause to the quotation's end, not the narration before "noting".
        # A clause that opens on the quotation ("said that “...") starts inside its marks.
        opening = next((t.i for t in outer if not t.is_punct), outer.start)
        if clause is not None and clause.start <= opening and outer.start < clause.end:
            start = _after_framing(outer.doc[min(clause.start, outer.start) : outer.start])
            return _without_closing_comma(
                trimmed_text(outer.doc[start : max(clause.end, outer.end)])
            )
        carrying = _participle_clause(verb, outer)
        if carrying is not None:
            return _without_closing_comma(carrying)
    if alone:
        return _without_closing_comma(text[outer.start_char : outer.end_char].strip())
    context = text[min(covering[0].start_char, outer.start_char) : covering[-1].end_char].strip()
    # Nor does the context end on the opening mark of the next quote ("Defoe said. '").
    return DANGLING_OPENING_MARK.sub("", context)


def _without_closing_comma(context: str) -> str:
    return COMMA_BEFORE_CLOSING_MARK.sub("\\1", context)


def _after_framing(before: Span) -> int:
    """Where the words before a quotation start once a phrase that sets the scene is left out:
    a modifier opening the clause before its subject, set off by a comma ("In the wake of the
    outbreak, the city “..."): the writer's framing, not the speaker's words."""
    first = before[0] if len(before) else None
    if first is None or first.dep_ not in FRAMING_DEPS:
        return before.start
    comma = first.right_edge.i + 1
    head = first.head
    has_subject_after = any(
        child.dep_ in ("nsubj", "nsubjpass") and child.i > comma for child in head.children
    )
    if comma < before.end and before.doc[comma].text == "," and has_subject_after:
        return comma + 1
    return before.start


def _participle_clause(verb: Token, outer: Span) -> str | None:
    """The set-off participle clause that holds a fragment ("..., calling it a “fresh start”
    for the town"): the words the speaker is credited with, while the clause before the
    comma is the writer's narration of what the speaker did."""
    if not is_set_off_participle(verb):
        return None
    start, end = verb.left_edge.i, verb.right_edge.i + 1
    if not start <= outer.start < end:
        return None
    return trimmed_text(outer.doc[start : max(end, outer.end)])
