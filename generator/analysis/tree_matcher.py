"""spaCy's `DependencyMatcher` with its nodes found by whole-column tests: the same matches,
for a fraction of the cost.

Before it walks any tree, spaCy's DependencyMatcher runs a token `Matcher` that holds every node
of every pattern as a one-token pattern, then walks each matched token's ancestors to its
sentence's root, in Python. Most nodes are a tag or a dependency that hundreds of tokens of an
article have ("POS: PROPN", "DEP: det"), so that first step paid for every node at every token
and every ancestor of every match. A node whose attributes are plain values, `IN` or `NOT_IN`
sets, or a `REGEX` is one comparison over a column of `Doc.to_array`, and every token's root
comes from the heads column at once; the trees are then matched by spaCy's own code. A matcher
given any other node (an operator, a flag, an extension) finds all its nodes as spaCy does.
"""

from __future__ import annotations

import functools
import json
import re
from collections import defaultdict
from collections.abc import Callable
from typing import Any, ClassVar

import numpy
from spacy.attrs import (  # type: ignore[import-not-found]  # a Cython module without stubs
    DEP,
    ENT_IOB,
    ENT_TYPE,
    HEAD,
    IS_ALPHA,
    IS_LOWER,
    IS_PUNCT,
    IS_SPACE,
    IS_STOP,
    IS_TITLE,
    IS_UPPER,
    LEMMA,
    LIKE_NUM,
    LOWER,
    ORTH,
    POS,
    SHAPE,
    SPACY,
    TAG,
)
from spacy.matcher import DependencyMatcher
from spacy.strings import StringStore
from spacy.tokens import Doc, Token
from spacy.vocab import Vocab

COLUMNS = {"ORTH": ORTH, "TEXT": ORTH, "LOWER": LOWER, "LEMMA": LEMMA, "TAG": TAG, "POS": POS,
           "DEP": DEP, "ENT_TYPE": ENT_TYPE, "SHAPE": SHAPE, "ENT_IOB": ENT_IOB}  # fmt: skip
"""Node attributes read from a column of the doc's array, as spaCy's Matcher reads them (TEXT is
ORTH; POS and DEP values are symbols, which the string store maps as the Matcher does; ENT_IOB
holds the tag's place in `Token.iob_strings()`)."""
FLAGS = {"IS_ALPHA": IS_ALPHA, "IS_LOWER": IS_LOWER, "IS_UPPER": IS_UPPER, "IS_TITLE": IS_TITLE,
         "IS_PUNCT": IS_PUNCT, "IS_SPACE": IS_SPACE, "IS_STOP": IS_STOP, "LIKE_NUM": LIKE_NUM,
         "SPACY": SPACY}  # fmt: skip
"""Node attributes that are true or false, read as 1 or 0 as the Matcher reads them."""
COLUMN_ORDER = tuple(dict.fromkeys((*COLUMNS.values(), *FLAGS.values())))
Values = frozenset[str] | tuple[str, ...]
"""Values an attribute is tested for (`has_value`): a set or a tuple, kept as a key."""
COLUMNS_KEY = "briefs.match_columns"
"""Where `columns_of` keeps a doc's array of those attributes, in its user_data."""
ROOTS_KEY = "briefs.match_roots"
"""Where `roots` keeps each token's sentence root, in the doc's user_data: each actor rule's
matcher reads them (`actors/rules.py`)."""
Column = numpy.ndarray
NodeTest = Callable[[Column], Column]
"""A doc's attribute columns in, a boolean per token out: the tokens a node matches."""
Narrowing = Callable[[Column, Column | None], Column]
"""A doc's attribute columns and the tokens other tests kept (None: every token) in, those of
them that pass too."""
Maps = defaultdict[int, defaultdict[int, list[int]]]
MAX_REGEX_ANSWERS = 200_000
"""Strings a REGEX test keeps its answer for (a few MB): the words of some thousands of articles."""


class TreeMatcher(DependencyMatcher):
    """A `DependencyMatcher` (same patterns, same matches) that finds nodes by columns."""

    def __init__(self, vocab: Vocab) -> None:
        super().__init__(vocab)
        self._node_tests: dict[int, NodeTest] = {}
        self._by_columns = True
        """False once a node holds something a column test cannot read."""

    def add(self, key: str | int, patterns: list[list[dict[str, Any]]], **options: Any) -> None:
        super().add(key, patterns, **options)
        # spaCy keys its patterns by the key's string id; its stub says by the string.
        normal: Any = self.vocab.strings.add(key) if isinstance(key, str) else key
        for nodes, node_keys in zip(
            self._patterns[normal], self._tokens_to_key[normal], strict=True
        ):
            for (attrs,), node_key in zip(nodes, node_keys, strict=True):
                test = node_test(attrs, self.vocab)
                if test is None:
                    self._by_columns = False
                else:
                    self._node_tests[node_key] = test

    def _get_keys_to_position_maps(self, doc: Doc) -> Maps:
        """For each sentence root, where each node matches: spaCy's own result, from columns.
        (spaCy's `__call__` calls this method; its stub leaves it out.)"""
        if not self._by_columns:
            spacy_own: Any = super()
            maps: Maps = spacy_own._get_keys_to_position_maps(doc)
            return maps
        found: Maps = defaultdict(lambda: defaultdict(list))
        if not len(doc) or not self._node_tests:
            return found
        columns = columns_of(doc)
        keys = sorted(self._node_tests)
        where = [self._node_tests[key](columns).nonzero()[0] for key in keys]
        positions = numpy.concatenate(where)
        ranks = numpy.repeat(numpy.arange(len(keys)), [len(found) for found in where])
        # In the order of (position, key), as spaCy fills its maps.
        order = numpy.lexsort((ranks, positions))
        positions = positions[order]
        matched = zip(
            roots(doc)[positions].tolist(), positions.tolist(), ranks[order].tolist(), strict=True
        )
        for root, position, rank in matched:
            found[root][keys[rank]].append(position)
        return found


def columns_of(doc: Doc) -> Column:
    """The doc's column of each attribute a node test reads, read once per doc."""
    columns = doc.user_data.get(COLUMNS_KEY)
    if not isinstance(columns, numpy.ndarray):
        columns = doc.to_array(list(COLUMN_ORDER)).reshape(len(doc), len(COLUMN_ORDER))
        # Column by column in memory: every test reads one column of all tokens.
        columns = doc.user_data[COLUMNS_KEY] = numpy.asfortranarray(columns)
    return columns


def column_of(doc: Doc, attr: int) -> Column:
    """The doc's column of one attribute of `COLUMN_ORDER` (a `Token` a token costs more)."""
    column: Column = columns_of(doc)[:, COLUMN_ORDER.index(attr)]
    return column


def has_value(doc: Doc, attr: int, values: Values) -> Column:
    """Whether each token's attribute is one of the values (words, tags, parts of speech):
    what `numpy.isin` gives, by a binary search of the values' ids, sorted once a process for
    each set of values (`numpy.isin` sorts the column with them at every call)."""
    column = column_of(doc, attr)
    wanted = _sorted_ids(doc.vocab.strings, values)
    if len(wanted) <= 1:
        found: Column = column == wanted[0] if len(wanted) else numpy.zeros(len(column), bool)
        return found
    at = wanted.searchsorted(column)
    at[at == len(wanted)] = 0  # past the last: no value of them, and any index will tell
    matched: Column = wanted[at] == column
    return matched


@functools.lru_cache(maxsize=64)
def _sorted_ids(strings: StringStore, values: Values) -> Column:
    """The values' string ids, sorted, as the doc's columns hold them (unsigned)."""
    return numpy.array(sorted({strings[value] for value in values}), dtype=numpy.uint64)


def roots(doc: Doc) -> Column:
    """Each token's sentence root (the end of its ancestors), found once a doc."""
    found = doc.user_data.get(ROOTS_KEY)
    if not isinstance(found, numpy.ndarray):
        found = doc.user_data[ROOTS_KEY] = _roots(doc)
    return found


def _roots(doc: Doc) -> Column:
    """Each token's sentence root, from the heads column at once."""
    at = numpy.arange(len(doc)) + doc.to_array([HEAD]).astype("int64").reshape(-1)
    while True:
        further = at[at]
        if (further == at).all():
            found: Column = at
            return found
        at = further


def node_test(attrs: dict[str, Any], vocab: Vocab) -> NodeTest | None:
    """The column test of a node's attributes, or None where a column cannot say."""
    return _shared_test("whole", attrs, vocab)


def necessary_test(attrs: dict[str, Any], vocab: Vocab) -> NodeTest | None:
    """A column test that every token matching the node passes: that of the attributes a
    column reads, the others left out (None: no attribute a column reads)."""
    return _shared_test("necessary", attrs, vocab)


_SHARED_TESTS: dict[tuple[str, str], tuple[Vocab, NodeTest | None]] = {}
"""Each node's test, by what it is (a whole node's, a necessary one, an attribute's) and its
attributes as written."""


def _shared_test(kind: str, attrs: dict[str, Any], vocab: Vocab) -> NodeTest | None:
    """The node's test, one for all nodes of the same attributes (of one vocab): the actor
    rules, the stakes cues, the back references and every dependency matcher name the same
    nodes ("a proper noun in title case", "a subject that is a name"), and a test of two
    attributes or a REGEX, kept once a doc (`_per_doc`), is then tested once a doc for all."""
    key = (kind, json.dumps(attrs, sort_keys=True, default=str))
    shared = _SHARED_TESTS.get(key)
    if shared is None or shared[0] is not vocab:
        shared = _SHARED_TESTS[key] = (vocab, _made_test(kind, attrs, vocab))
    return shared[1]


def _made_test(kind: str, attrs: dict[str, Any], vocab: Vocab) -> NodeTest | None:
    if kind == "attribute":
        ((name, value),) = attrs.items()
        test = _plain_attr_test(name, value, vocab)
        return None if test is None else _per_doc(test)
    tests, narrowings = _tests_of(attrs, vocab)
    present = [test for test in tests if test is not None]
    if kind == "whole" and len(present) < len(tests):
        return None
    if not (present or narrowings):
        return _every_token if kind == "whole" else None
    if len(present) == 1 and not narrowings:
        return present[0]  # an attribute's test, kept once a doc already
    return _per_doc(_conjunction(present, narrowings))


def _tests_of(attrs: dict[str, Any], vocab: Vocab) -> tuple[list[NodeTest | None], list[Narrowing]]:
    """Each attribute's column test, a REGEX apart: it runs last, on the tokens the node's other
    tests kept. A REGEX is searched in each distinct string it has not seen yet, and most of a
    doc's words fail the node's other tests (an entity's words, a title-case proper noun)."""
    tests: list[NodeTest | None] = []
    narrowings: list[Narrowing] = []
    for name, value in attrs.items():
        regex = regex_narrowing(name, value, vocab)
        if regex is None:
            tests.append(_attr_test(name, value, vocab))
        else:
            narrowings.append(regex)
    return tests, narrowings


def _every_token(columns: Column) -> Column:
    """The test of a node of no attributes: every token passes."""
    return numpy.ones(len(columns), dtype=bool)


def _conjunction(tests: list[NodeTest], narrowings: list[Narrowing]) -> NodeTest:
    """The tokens that pass every test, then every narrowing."""

    def test(columns: Column) -> Column:
        found = _all_of(tests, columns) if tests else None
        for narrowing in narrowings:
            found = narrowing(columns, found)
        assert found is not None  # a conjunction has a test or a narrowing
        return found

    return test


def _all_of(tests: list[NodeTest], columns: Column) -> Column:
    """The tokens that pass every test; a node of one test gets that test's kept answer."""
    matches = tests[0](columns)
    for test in tests[1:]:
        matches = matches & test(columns)
    return matches


def _attr_test(name: str, value: Any, vocab: Vocab) -> NodeTest | None:
    """The column test of one attribute, its answer kept for the doc (`_per_doc`): the nodes of
    a doc's rules and cues test the same attributes over and over ("POS: PROPN")."""
    return _shared_test("attribute", {name: value}, vocab)


def _plain_attr_test(name: str, value: Any, vocab: Vocab) -> NodeTest | None:
    test = set_test_of(name, value, vocab)
    if test is None:
        return None
    column, values, invert = test
    if len(values) == 1 and not invert:
        (wanted,) = values  # a Python int: see `_marked`
        return lambda columns: columns[:, column] == wanted
    return _set_test(values, column, invert)


SetTest = tuple[int, frozenset[int], bool]
"""(column of `COLUMN_ORDER`, values, inverted): a token passes when its value in the column is
one of the values (none of them, inverted)."""


def set_test_of(name: str, value: Any, vocab: Vocab) -> SetTest | None:
    """One attribute's test as the values its column must (or must not) hold, or None where a
    column cannot say (a REGEX is a narrowing: `regex_narrowing`). The node tests and the gate
    table (`gate_table`) both read attributes through it."""
    if name in FLAGS and isinstance(value, bool):
        return COLUMN_ORDER.index(FLAGS[name]), frozenset({int(value)}), False
    if name not in COLUMNS:
        return None
    column = COLUMN_ORDER.index(COLUMNS[name])
    if name == "ENT_IOB":
        # The column holds the tag's place in `Token.iob_strings()`, as spaCy's Matcher reads a
        # string value ("B": a name's first token).
        if not isinstance(value, str) or value not in Token.iob_strings():
            return None
        return column, frozenset({Token.iob_strings().index(value)}), False
    if isinstance(value, str):
        return column, frozenset({int(vocab.strings.add(value))}), False
    if not isinstance(value, dict) or len(value) != 1:
        return None
    ((predicate, argument),) = value.items()
    if predicate in ("IN", "NOT_IN") and all(isinstance(word, str) for word in argument):
        words = frozenset(int(vocab.strings.add(word)) for word in argument)
        return column, words, predicate == "NOT_IN"
    return None


def regex_narrowing(name: str, value: Any, vocab: Vocab) -> Narrowing | None:
    """The narrowing of a REGEX on a column (`_regex_test`), or None for any other attribute."""
    if name not in COLUMNS or name == "ENT_IOB" or not isinstance(value, dict) or len(value) != 1:
        return None
    argument = value.get("REGEX")
    if not isinstance(argument, str):
        return None
    return _regex_test(re.compile(argument), COLUMN_ORDER.index(COLUMNS[name]), vocab)


def _set_test(wanted: frozenset[int], column: int, invert: bool) -> NodeTest:
    """Whether each token's value is one of the words (or none of them, inverted): the words
    the doc holds, found by a set intersection with the doc's values, then marked."""

    def test(columns: Column) -> Column:
        found = _marked(columns, column, wanted.intersection(values_in(columns, column)))
        return ~found if invert else found

    return test


def _regex_test(pattern: re.Pattern[str], column: int, vocab: Vocab) -> Narrowing:
    """Of the tokens kept so far, those whose string the pattern finds: each distinct string
    searched once, as spaCy's REGEX predicate does; the answers are kept for the next docs, up
    to `MAX_REGEX_ANSWERS` strings."""
    answered: set[int] = set()
    matching: set[int] = set()

    def narrowing(columns: Column, kept: Column | None) -> Column:
        if kept is not None and not kept.any():
            return kept
        if len(answered) > MAX_REGEX_ANSWERS:
            answered.clear()
            matching.clear()
        # Every token (None): the column's distinct values, read once a doc.
        values = values_in(columns, column) if kept is None else set(columns[kept, column].tolist())
        for value in values.difference(answered):
            answered.add(value)
            if pattern.search(vocab.strings[value]):
                matching.add(value)
        marked = _marked(columns, column, values.intersection(matching))
        found: Column = marked if kept is None else kept & marked
        return found

    return narrowing


FEW_VALUES = 8
"""Up to this many values, a token's is compared with each in turn; past it, looked up in
their sorted array."""


def _marked(columns: Column, column: int, values: set[int] | frozenset[int]) -> Column:
    """The tokens whose value in the column is one of the values (mostly none or a few of a
    doc's: a set test's words, a pattern's matching strings)."""
    tokens = columns[:, column]
    if not values:
        return numpy.zeros(len(tokens), dtype=bool)
    if len(values) <= FEW_VALUES:
        # Python ints: a numpy scalar costs more to make than the comparison (NumPy 2 compares
        # a uint64 column with any int of its range exactly).
        it = iter(values)
        found: Column = tokens == next(it)
        for value in it:
            found |= tokens == value
        return found
    ordered = numpy.array(sorted(values), dtype="uint64")
    at = numpy.minimum(numpy.searchsorted(ordered, tokens), len(ordered) - 1)
    in_order: Column = ordered[at] == tokens
    return in_order


class _LastDoc:
    """What the tests found in the columns of the doc tested last: one doc is tested at a time,
    by every node of every rule and cue it passes. The columns are held, so no other doc's can
    take their place in memory while they are the key."""

    columns: ClassVar[Column | None] = None
    answers: ClassVar[dict[NodeTest, Column]] = {}
    distinct: ClassVar[dict[int, set[int]]] = {}

    @classmethod
    def of(cls, columns: Column) -> type[_LastDoc]:
        if columns is not cls.columns:
            cls.columns, cls.answers, cls.distinct = columns, {}, {}
        return cls


def _per_doc(test: NodeTest) -> NodeTest:
    """The test, run once a doc; its answer read back after that (never to be written to)."""

    def kept(columns: Column) -> Column:
        answers = _LastDoc.of(columns).answers
        found = answers.get(test)
        if found is None:
            found = answers[test] = test(columns)
            found.flags.writeable = False
        return found

    return kept


def values_in(columns: Column, column: int) -> set[int]:
    """A column's distinct values, as a set (read once a doc; never to be written to): the set
    tests and the word gates (`word_gates.words_of`) read them."""
    distinct = _LastDoc.of(columns).distinct
    found = distinct.get(column)
    if found is None:
        found = distinct[column] = set(columns[:, column].tolist())
    return found
