"""spaCy's `Matcher` run over the windows of a doc where a pattern can match: the same matches,
for a fraction of the cost.

spaCy's Matcher starts every pattern at every token, makes two Python `Token`s a token and calls
Python for every IN, NOT_IN or REGEX predicate, so it pays patterns × tokens, though a rule's cue
is in a handful of places of an article; a Matcher compiled for each set of rules a doc passes
costs as much again (almost every doc passes another set). Every token of a match matches one of
the pattern's nodes, so a match lies within a run of tokens that each pass some node's column
test (`tree_matcher.necessary_test`, read once a doc for all patterns), and that run holds a
token of every required node. Each pattern is compiled once, and run over those runs alone.
"""

from __future__ import annotations

from typing import Any

import numpy
from spacy.matcher import Matcher
from spacy.tokens import Doc
from spacy.vocab import Vocab

from generator.analysis.tree_matcher import NodeTest, necessary_test
from generator.analysis.word_gates import REQUIRED_OPS, node_key, node_mask, node_positions

Match = tuple[int, int, int, list[int]]
"""(match id, start, end, alignments): spaCy's match with alignments, positions in the doc."""
ANY_TOKEN = "!"
"""The operator whose node consumes a token that fails its test: no column says where it is."""


class WindowMatcher:
    """One pattern, compiled once, run over the windows of a doc where it can match."""

    def __init__(
        self, vocab: Vocab, key: str, pattern: list[dict[str, Any]], validate: bool = False
    ) -> None:
        self._matcher = Matcher(vocab, validate=validate)
        self._matcher.add(key, [pattern])
        tests = [
            (node_key(node), None if node.get("OP") == ANY_TOKEN else necessary_test(node, vocab))
            for node in pattern
        ]
        self._reach: list[tuple[str, NodeTest]] | None = [
            (key_, test) for key_, test in tests if test is not None
        ]
        """The nodes whose tests mark every token a match can hold; None: any token."""
        if len(self._reach) < len(tests):
            self._reach = None
        self._required = [
            (key_, test)
            for (key_, test), node in zip(tests, pattern, strict=True)
            if test is not None and node.get("OP") in REQUIRED_OPS
        ]

    def __call__(self, doc: Doc) -> list[Match]:
        """The pattern's matches in the doc, as `Matcher(doc, with_alignments=True)` gives."""
        found: list[Match] = []
        for start, end in self.windows(doc):
            matches: list[Match] = self._matcher(doc[start:end], with_alignments=True)  # type: ignore[assignment]  # spaCy's stub knows only the three-value form
            found += [(key, start + first, start + last, at) for key, first, last, at in matches]
        return found

    def windows(self, doc: Doc) -> list[tuple[int, int]]:
        """The runs of tokens that each can be part of a match and together hold every
        required node, as (start, end)."""
        if not len(doc):
            return []
        # The reach with a token of no reach before and after it: a run's start and end are
        # where the padded mask flips (`numpy.diff` with prepend and append cost twice as much).
        padded = numpy.zeros(len(doc) + 2, dtype=bool)
        reach = padded[1:-1]
        if self._reach is None:
            reach[:] = True
        else:
            for key, test in self._reach:
                reach |= node_mask(doc, key, test)
        edges = (padded[1:] != padded[:-1]).nonzero()[0]
        starts, ends = edges[::2], edges[1::2]
        if not len(starts):
            return []
        holds_all = numpy.ones(len(starts), dtype=bool)
        for key, test in self._required:
            # The node's tokens before a run's end outnumber those before its start.
            marked = node_positions(doc, key, test)
            holds_all &= marked.searchsorted(ends) > marked.searchsorted(starts)
        return list(zip(starts[holds_all].tolist(), ends[holds_all].tolist(), strict=True))
