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

from generator.analysis.tree_matcher import Column, NodeTest, necessary_test
from generator.analysis.word_gates import REQUIRED_OPS, node_key, node_mask, node_positions

Match = tuple[int, int, int, list[int]]
"""(match id, start, end, alignments): spaCy's match with alignments, positions in the doc."""
ONE_TOKEN_OPS = (None, "1")
"""The operators under which a node takes exactly one token."""
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
        one_token = [
            test is not None and node.get("OP") in ONE_TOKEN_OPS
            for (_, test), node in zip(tests, pattern, strict=True)
        ]
        opening = next((at for at, one in enumerate(one_token) if not one), len(pattern))
        closing = len(pattern) - next(
            (at for at, one in enumerate(reversed(one_token[opening:])) if not one),
            len(pattern) - opening,
        )
        self._prefix = [(key_, test) for key_, test in tests[:opening] if test is not None]
        """The nodes before the first that takes other than one token: where a match starts,
        each is at its own distance from the start."""
        self._suffix_length = len(pattern) - closing
        """The number of nodes after the last that takes other than one token."""
        self._middle = [(key_, test) for key_, test in tests[opening:closing] if test is not None]
        """The nodes between: each token of a match between its prefix and suffix passes one."""
        self._anchored = bool(self._prefix) and len(self._middle) == closing - opening
        """Whether the windows start where a match starts, one a window (`_anchored_windows`)."""
        in_prefix = {key_ for key_, _ in self._prefix}
        self._required_after_prefix = [node for node in self._required if node[0] not in in_prefix]
        """The required nodes an anchored window may lack: it holds its prefix's tokens."""
        required = [node.get("OP") in REQUIRED_OPS for node in pattern]
        self._opening = self._required[0] if required[0] and tests[0][1] is not None else None
        """The node every match's first token passes, if the pattern has one."""
        self._closing = self._required[-1] if required[-1] and tests[-1][1] is not None else None
        """The node every match's last token passes, if the pattern has one."""

    def __call__(self, doc: Doc) -> list[Match]:
        """The pattern's matches in the doc, as `Matcher(doc, with_alignments=True)` gives."""
        found: list[Match] = []
        for start, end in self.windows(doc):
            matches: list[Match] = self._matcher(doc[start:end], with_alignments=True)  # type: ignore[assignment]  # spaCy's stub knows only the three-value form
            found += [
                (key, start + first, start + last, at)
                for key, first, last, at in matches
                if first == 0 or not self._anchored
            ]
        return found

    def windows(self, doc: Doc) -> list[tuple[int, int]]:
        """The runs of tokens that each can be part of a match and together hold every
        required node, as (start, end)."""
        if not len(doc):
            return []
        if self._anchored:
            return self._anchored_windows(doc)
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
        return self._trimmed(doc, *self._holding(self._required, doc, starts, ends))

    def _anchored_windows(self, doc: Doc) -> list[tuple[int, int]]:
        """A window from each token where the pattern's prefix can start to where a match
        from it must end: past the run of tokens each passing a middle node, by the suffix's
        length. Only the matches at a window's start are its own (a later one starts another
        window). Numbers, titles or quotation marks start few windows, where the runs of
        tokens any node passes may span the article ("not an entity" passes most tokens), and
        spaCy's Matcher makes two `Token`s for every token it is given."""
        length, prefix = len(doc), self._prefix
        starts = node_positions(doc, *prefix[0])
        room = length - len(prefix) - self._suffix_length
        starts = starts[: starts.searchsorted(room, side="right")]
        for offset, (key, test) in enumerate(prefix[1:], start=1):
            starts = starts[node_mask(doc, key, test)[starts + offset]]
        if not len(starts):
            return []
        ends = starts + len(prefix)
        if self._middle:
            inside = numpy.zeros(length + 1, dtype=bool)  # the doc's end is no middle token
            for key, test in self._middle:
                inside[:-1] |= node_mask(doc, key, test)
            outside = (~inside).nonzero()[0]
            ends = outside[outside.searchsorted(ends)]
        ends = numpy.minimum(ends + self._suffix_length, length)
        return _pairs(*self._holding(self._required_after_prefix, doc, starts, ends))

    @staticmethod
    def _holding(
        nodes: list[tuple[str, NodeTest]], doc: Doc, starts: Column, ends: Column
    ) -> tuple[Column, Column]:
        """The windows that hold a token of every one of the nodes (their starts, their ends)."""
        for key, test in nodes:
            if not len(starts):
                break
            # The node's tokens before a window's end outnumber those before its start.
            marked = node_positions(doc, key, test)
            holds = marked.searchsorted(ends) > marked.searchsorted(starts)
            starts, ends = starts[holds], ends[holds]
        return starts, ends

    def _trimmed(self, doc: Doc, starts: Column, ends: Column) -> list[tuple[int, int]]:
        """The runs cut to where a match can start and end: at the run's first token of the
        pattern's opening node, after its last token of the closing node (each run holds one
        of each, a required node). spaCy's Matcher makes two `Token`s for every token it is
        given, and the tokens of a run before a match's start or past its end only join it."""
        if self._opening is not None:
            opening = node_positions(doc, *self._opening)
            starts = opening[opening.searchsorted(starts)]
        if self._closing is not None:
            closing = node_positions(doc, *self._closing)
            ends = closing[closing.searchsorted(ends) - 1] + 1
        return _pairs(starts, ends)


def _pairs(starts: Column, ends: Column) -> list[tuple[int, int]]:
    """The windows as (start, end), those left empty (an end before its start) left out."""
    return [
        (start, end)
        for start, end in zip(starts.tolist(), ends.tolist(), strict=True)
        if start < end
    ]
