"""The tokens of every gate node of a set of patterns, found together: one lookup a column for
all the nodes' attribute tests, not one mask a node.

The actor rules ask, for each rule whose words a doc holds, whether the doc has a token for each
of its required nodes (`word_gates.nodes_pass`), and their window matchers ask where those tokens
are: some sixty node masks a doc, each a few small numpy calls with Python around them. Each
node's necessary test (`tree_matcher.necessary_test`) is a conjunction of attribute tests, and an
attribute test but a REGEX is a set of values its column must (or must not) hold
(`tree_matcher.set_test_of`). So each column's tests are one table, made once with the patterns:
a row a test, a place for each value any test names and one for every other value. A doc's
tokens are looked up in it once a column, each node's mask is the AND of its tests' rows, and a
REGEX narrows a node's mask when it is first asked for, as `necessary_test` narrows it.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import numpy
from spacy.tokens import Doc
from spacy.vocab import Vocab

from generator.analysis.tree_matcher import (
    Column,
    Narrowing,
    SetTest,
    columns_of,
    regex_narrowing,
    set_test_of,
)
from generator.analysis.window_matcher import ANY_TOKEN
from generator.analysis.word_gates import NODES_KEY, NodeGate, node_key

SALT = 0x9E3779B97F4A7C15
"""Each column's values are told apart from another's in one sorted array by an XOR with a
multiple of this (a bijection within a column; the table checks that no two named values meet)."""
SMALL_VALUES = 8
"""A column whose tests name no value past this (the flags, ENT_IOB) is read as places of its
own, a value past it as the column's place for other values; other columns are searched."""


class _NodeTable:
    """Each node's set tests, answered for every place a token's value can take: a place for
    each value a test names and one a column for any other value. `packed[place]` holds a bit a
    node: whether a token there passes the node's tests on that place's column (yes for a node
    with none). A token passes a node where every one of its places says so."""

    def __init__(self, tests_of: dict[str, list[SetTest]]) -> None:
        tests = [test for found in tests_of.values() for test in found]
        named = sorted({(column, value) for column, values, _ in tests for value in values})
        every = sorted({column for column, _, _ in tests})
        small = [c for c in every if all(v < SMALL_VALUES for c_, v in named if c_ == c)]
        self.small = numpy.array(small, dtype=numpy.intp)
        self.searched = numpy.array([c for c in every if c not in small], dtype=numpy.intp)
        self.salts = numpy.array([SALT * (c + 1) % 2**64 for c in self.searched.tolist()],
                                 dtype=numpy.uint64)  # fmt: skip
        salt = dict(zip(self.searched.tolist(), self.salts.tolist(), strict=True))
        keyed = sorted((value ^ salt[c], c, value) for c, value in named if c in salt)
        assert len({key for key, _, _ in keyed}) == len(keyed), "two columns' values meet"
        self.keys = numpy.array([key for key, _, _ in keyed], dtype=numpy.uint64)
        self.key_at = numpy.append(self.keys, numpy.uint64(0))  # a key past the last: none
        self.key_columns = numpy.array([self.searched.tolist().index(c) for _, c, _ in keyed]
                                       + [-1])  # fmt: skip
        self.column_numbers = numpy.arange(len(self.searched))
        self.other = len(keyed) + self.column_numbers
        places: list[tuple[int, int | None]] = [(c, value) for _, c, value in keyed]
        places += [(c, None) for c in self.searched.tolist()]
        self.small_base = numpy.arange(len(small), dtype=numpy.intp) * (SMALL_VALUES + 1)
        self.small_base += len(places)
        for c in small:
            places += [(c, value) for value in range(SMALL_VALUES)] + [(c, None)]
        table = numpy.array(
            [[all((value in values) != invert if value is not None else invert
                  for c, values, invert in found if c == column)
              for found in tests_of.values()]
             for column, value in places],
            dtype=bool,
        )  # fmt: skip
        self.count = len(tests_of)
        self.packed = numpy.packbits(table, axis=1)

    def masks(self, columns: Column) -> Column:
        """Each node's mask: `[node, token]`."""
        salted = columns[:, self.searched] ^ self.salts
        at = self.keys.searchsorted(salted)
        named = (self.key_at[at] == salted) & (self.key_columns[at] == self.column_numbers)
        places = numpy.where(named, at, self.other)
        small = numpy.minimum(columns[:, self.small], SMALL_VALUES).astype(numpy.intp)
        small += self.small_base
        passed = numpy.full((len(columns), self.packed.shape[1]), 255, dtype=numpy.uint8)
        for column in (*places.T, *small.T):
            passed &= self.packed.take(column, axis=0)
        bits = numpy.unpackbits(passed, axis=1, count=self.count).view(bool)
        found: Column = numpy.ascontiguousarray(bits.T)
        return found


class GateTable:
    """The masks of the nodes of a set of patterns (a token pattern's nodes but those that take
    any token, a dependency pattern's nodes' attributes), made together once a doc and kept
    where `word_gates.node_mask` reads them."""

    def __init__(self, patterns: Iterable[list[dict[str, Any]]], vocab: Vocab) -> None:
        tests_of: dict[str, list[SetTest]] = {}
        """Each node's attribute tests but a REGEX."""
        self._narrowings: dict[str, list[Narrowing]] = {}
        """Each node's REGEX narrowings, run on its tests' mask."""
        nodes = [
            node.get("RIGHT_ATTRS", {}) if "RIGHT_ID" in node else node
            for pattern in patterns
            for node in pattern
            if node.get("OP") != ANY_TOKEN
        ]
        for node in nodes:
            tests, narrowings = [], []
            for name, value in node.items():
                narrowing = regex_narrowing(name, value, vocab)
                test = None if narrowing else set_test_of(name, value, vocab)
                if narrowing:
                    narrowings.append(narrowing)
                elif test is not None:
                    tests.append(test)
            if tests or narrowings:  # else no column reads it: `necessary_test` is None
                tests_of[node_key(node)] = tests
                if narrowings:
                    self._narrowings[node_key(node)] = narrowings
        tested = sorted((key for key, tests in tests_of.items() if tests),
                        key=lambda key: key in self._narrowings)  # fmt: skip
        self._plain = [key for key in tested if key not in self._narrowings]
        """The nodes with tests and no REGEX, first in the table's order; then those with both."""
        self._tested = {key: tests_of[key] for key in tested}
        self._table = _NodeTable(self._tested)
        self._doc_key = f"briefs.gate_table.{id(self)}"

    def has(self, doc: Doc, keys: Iterable[str]) -> bool:
        """Whether the doc has a token for every node (keys of nodes given to the table)."""
        found, unnarrowed = self._found(doc)
        return all(
            found[key] if key in found else self._narrowed(doc, key, unnarrowed).any()
            for key in keys
        )

    def _found(self, doc: Doc) -> tuple[dict[str, bool], dict[str, Column]]:
        """Whether the doc has a token for each node without a REGEX, its mask kept as the
        node's (`NODES_KEY`); the mask of the tests of each node with one, for it to narrow."""
        kept = doc.user_data.get(self._doc_key)
        if isinstance(kept, tuple):
            return kept
        masks = self._table.masks(columns_of(doc))
        masks.flags.writeable = False
        plain = len(self._plain)
        anywhere = numpy.asarray(masks[:plain].any(axis=1))  # one bool a node
        found: dict[str, bool] = dict(zip(self._plain, anywhere.tolist(), strict=True))
        doc.user_data.setdefault(NODES_KEY, {}).update(zip(self._plain, masks, strict=False))
        unnarrowed = dict(zip(list(self._tested)[plain:], masks[plain:], strict=True))
        doc.user_data[self._doc_key] = found, unnarrowed
        return found, unnarrowed

    def _narrowed(self, doc: Doc, key: str, unnarrowed: dict[str, Column]) -> Column:
        """A node's mask with its REGEX narrowings, made when first asked for."""
        masks: dict[str, Column] = doc.user_data.setdefault(NODES_KEY, {})
        mask = masks.get(key)
        if mask is None:
            columns = columns_of(doc)
            kept: Column | None = unnarrowed.get(key)
            for narrowing in self._narrowings[key]:
                kept = narrowing(columns, kept)
            assert kept is not None  # a node here has a test or a narrowing
            mask = masks[key] = kept
        return mask


def keys_of(gate: NodeGate) -> tuple[str, ...]:
    """The keys of a node gate's nodes, as `GateTable.has` takes them."""
    return tuple(key for key, _ in gate)
