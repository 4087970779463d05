"""Join the words a clause keeps back into text: the article's own spacing within each run of
kept words, and one space, or the comma the sentence needs, across each gap a dropped insert
left ("For Kim Jong Un, [who ...,] this visit is also significant").

Split from `clauses`, which decides what a clause keeps.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.tokens import Token

from generator.analysis.grammar import SUBJECT_DEPS

COMMAS = frozenset({",", ";", "—", "–"})
QUOTES = frozenset({'"', "“", "”", "'", "‘", "’"})
SET_OFF_DEPS = frozenset({"appos", "npadvmod", "advcl", "acl", "relcl", "parataxis"})
"""Modifiers that keep the comma setting them off when an insert before them is dropped."""
ATTRIBUTION_WORDS = frozenset({"according"})
"""The word that opens an attribution ("according to CNN" names a source; the clause is the
claim itself), set off by commas."""


def self_and_ancestors(token: Token) -> Iterator[Token]:
    yield token
    yield from token.ancestors


def join_kept_tokens(tokens: Iterable[Token]) -> str:
    """Join kept tokens with their original spacing, one space (or comma) across each gap."""
    text = ""
    previous: list[Token] = []
    for run in _runs(tokens):
        piece = _run_text(run)
        text = _join_across_gap(text, piece, previous, run) if previous else piece
        previous = run
    return text


def _runs(tokens: Iterable[Token]) -> Iterator[list[Token]]:
    run: list[Token] = []
    for token in tokens:
        if run and token.i != run[-1].i + 1:
            yield run
            run = []
        run.append(token)
    if run:
        yield run


def _run_text(run: list[Token]) -> str:
    return "".join(t.text_with_ws for t in run[:-1]) + run[-1].text


def _join_across_gap(left: str, right: str, left_run: list[Token], right_run: list[Token]) -> str:
    if right in QUOTES:
        # A closing quote whose inner full stop was trimmed: 'said "we will win"'.
        return left + right
    left, right = left.rstrip(",;—– "), right.lstrip(",;—– ")
    words_before = [t for t in left_run if t.text not in COMMAS]
    words_after = [t for t in right_run if t.text not in COMMAS]
    if not words_before or not words_after:
        return f"{left} {right}".strip()
    last, first = words_before[-1], words_after[0]
    doc = last.doc
    is_insert = doc[last.i + 1].text in COMMAS and doc[first.i - 1].text in COMMAS
    if is_insert and (_ends_fronted_phrase(last, first) or _is_set_off_after(last, first)):
        # The dropped insert sat after a fronted phrase that still needs its comma:
        # "For Kim Jong Un, [who ...,] this visit is also significant"; or before a phrase
        # the article set off too: "... on 2 June[, according to its military], the second
        # large wave this week".
        return f"{left}, {right}"
    return f"{left} {right}"


def _is_set_off_after(last: Token, first: Token) -> bool:
    """Tell whether `first` opens a modifier of something before it, set off by a comma."""
    governor = _common_ancestor(last, first)
    if governor is None or governor.i > last.i:
        return False
    right = _constituent(first, governor)
    if right.i == governor.i:
        return False
    # After a dropped "according to ..." the comma was the sentence's own, whatever the
    # parser made of what follows ("the second large wave" as an object).
    insert = last.doc[last.i + 2] if last.i + 2 < len(last.doc) else None
    is_attribution = insert is not None and insert.lower_ in ATTRIBUTION_WORDS
    return right.dep_ in SET_OFF_DEPS or is_attribution


def _ends_fronted_phrase(last: Token, first: Token) -> bool:
    """Tell whether `last` ends a phrase fronted before the word that governs both sides."""
    governor = _common_ancestor(last, first)
    if governor is None:
        return False
    left = _constituent(last, governor)
    right = _constituent(first, governor)
    if left.i == governor.i or left.i == right.i:
        return False
    return left.i < governor.i and left.dep_ not in SUBJECT_DEPS


def _common_ancestor(first: Token, second: Token) -> Token | None:
    lineage = {t.i for t in self_and_ancestors(first)}
    return next((t for t in self_and_ancestors(second) if t.i in lineage), None)


def _constituent(token: Token, governor: Token) -> Token:
    """Return the child of `governor` whose subtree holds `token` (or `governor` itself)."""
    for candidate in self_and_ancestors(token):
        if governor.i in (candidate.i, candidate.head.i):
            return candidate
    return governor
