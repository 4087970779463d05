"""The model's attribute rules applied as a table over the doc's columns: a tagged `Doc` in, the
same `Doc` with the coarse part of speech, morphology and lemma exceptions the rules give.

The English models map each fine-grained tag (with the word or the dependency for a few
exceptions) to its part of speech and morphology by an `AttributeRuler` of about 180 Matcher
patterns. Its Matcher tries every pattern at every token, which cost a fifth of the whole
parse on news text. Nearly all of its rules test one token's tag, word, dependency or whether
it is a space, and nothing else: what they set on a token is decided by those four values, and
of the word and the dependency only by whether it is one the rules name (any other word is
like any other). `AttributeTable` reads the four as columns, puts every word and dependency
the rules do not name under one stand-in value, and asks the rules once per distinct key of a
process (a few thousand on a corpus of news, most met in its first articles), then writes each
token's outcome by its key. The few rules of several tokens or a regular expression are tested
as whole columns (a Matcher for the rest) and applied after, where they come later in the
ruler's order than the rule that set the cell: a later rule overrides an earlier one, as in
the ruler, so the result is the ruler's, token for token (checked on real news by the tests).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy
from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, POS, TAG  # type: ignore[import-not-found]
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc
from spacy.vocab import Vocab

TESTED = (TAG, LOWER, DEP, IS_SPACE)
"""The token attributes a rule may test as a column (others go to the Matcher)."""
TESTED_NAMES = {"TAG": 0, "LOWER": 1, "DEP": 2, "IS_SPACE": 3}
SET = (POS, MORPH, LEMMA, TAG, DEP)
"""The attributes a rule may set, in the order of the columns written back."""
NAMED_BY_VALUE = (1, 2)
"""The tested columns (LOWER, DEP) whose values outside those the rules name are all alike."""
UNNAMED = numpy.uint64(1)
"""The stand-in of a word or dependency no rule names: a string's hash is never 1."""
KEY_MIX = numpy.array([0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9, 1], "uint64")
"""Multipliers that fold a token's four key values into one number (checked against the four)."""
NOT_SET = -1
"""The rule number of a cell no rule sets."""


@dataclass(frozen=True)
class Test:
    """One token test on one column: its value is one of `values` (or none of them)."""

    column: int
    values: frozenset[int]
    is_in: bool = True
    pattern: re.Pattern[str] | None = None
    """A regular expression the column's string matches instead (LOWER only)."""


Search = Callable[[re.Pattern[str], int], bool]
"""Whether a regular expression finds itself in a string, given by its hash."""
Sequence = tuple[tuple[Test, ...], ...]
"""A pattern of consecutive tokens, each given as the tests it must pass."""


@dataclass(frozen=True)
class AttributeRule:
    """One rule of the ruler: its patterns, the token of a match it sets (counted from the end
    when negative, as in the ruler) and what it sets (column of `SET`, value)."""

    number: int
    """Its place in the ruler's order: a later rule overrides an earlier one."""
    patterns: tuple[Sequence, ...]
    index: int
    settings: tuple[tuple[int, int], ...]
    needs: frozenset[int]
    """Values one of which each of its patterns needs in the doc: when none is there, the rule
    is skipped without a test."""


class AttributeTable:
    """The rules of a spaCy `AttributeRuler`, applied as column tests (`take_rules_of`)."""

    def __init__(self, vocab: Vocab) -> None:
        self.vocab = vocab
        self.keyed: list[AttributeRule] = []
        """The rules of one token's plain tests, asked once per key (`_outcome`)."""
        self.rules: list[AttributeRule] = []
        """The others, in the ruler's order: tested on the whole doc."""
        self.fallback = Matcher(vocab)
        self.fallback_rules: dict[str, AttributeRule] = {}
        self.named: list[numpy.ndarray] = []
        """Of LOWER and DEP, the values the keyed rules name (sorted)."""
        self.outcomes: dict[tuple[int, ...], tuple[tuple[int, ...], tuple[int, ...]]] = {}
        """Per key seen so far: for each column of `SET`, the number of the last keyed rule
        that sets it (`NOT_SET`: none) and the value it sets."""

    def take_rules_of(self, ruler: AttributeRuler) -> None:
        """Take over a ruler's rules, in its order: a rule whose patterns are not plain token
        tests (an operator, another attribute) keeps spaCy's Matcher."""
        for number, pattern in enumerate(ruler.patterns):
            settings = tuple(
                (SET.index(attr), int(value)) for attr, value in ruler.attrs[number].items()
            )
            token_patterns: list[list[dict[str, Any]]] = pattern["patterns"]  # type: ignore[assignment]
            sequences = [_sequence(tokens, self.vocab) for tokens in token_patterns]
            index = int(pattern["index"])  # type: ignore[arg-type]
            if all(sequence is not None for sequence in sequences):
                kept = tuple(sequence for sequence in sequences if sequence is not None)
                rule = AttributeRule(number, kept, index, settings, _needs(kept))
                (self.keyed if _is_keyed(rule) else self.rules).append(rule)
            else:
                rule = AttributeRule(number, (), index, settings, frozenset())
                self.fallback.add(str(number), token_patterns)
                self.fallback_rules[str(number)] = rule
                self.rules.append(rule)
        self.named = [_named_values(self.keyed, column) for column in NAMED_BY_VALUE]

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        tested = doc.to_array(list(TESTED))
        numbers, settings = self._keyed_outcomes(tested)
        columns = [numpy.ascontiguousarray(tested[:, k]) for k in range(len(TESTED))]
        present = set(numpy.unique(columns[0]).tolist()) | set(numpy.unique(columns[1]).tolist())
        found = self._fallback_matches(doc)
        for rule in self.rules:
            if rule.needs and rule.needs.isdisjoint(present):
                continue
            where = _targets(rule, columns, self._search) if rule.patterns else found.get(id(rule))
            if where is None or not len(where):
                continue
            for column, value in rule.settings:
                later = where[numbers[where, column] < rule.number]
                numbers[later, column] = rule.number
                settings[later, column] = value
        values = doc.to_array(list(SET))
        is_set = numbers != NOT_SET
        values[is_set] = settings[is_set]
        doc.from_array(list(SET), values)  # type: ignore[arg-type]  # uint64, as read
        return doc

    def _keyed_outcomes(self, tested: numpy.ndarray) -> tuple[numpy.ndarray, numpy.ndarray]:
        """For each token and column of `SET`: the number of the last keyed rule that sets it
        (`NOT_SET`: none) and its value, asked once per distinct key."""
        keys = tested.copy()
        for column, named in zip(NAMED_BY_VALUE, self.named, strict=True):
            keys[:, column] = numpy.where(
                numpy.isin(keys[:, column], named), keys[:, column], UNNAMED
            )
        folded = keys @ KEY_MIX  # wraps around, as unsigned numbers do
        _, first, inverse = numpy.unique(folded, return_index=True, return_inverse=True)
        distinct = keys[first]
        if not numpy.array_equal(distinct[inverse], keys):  # two keys folded alike
            distinct, inverse = numpy.unique(keys, axis=0, return_inverse=True)
        outcomes = [self._outcome(key) for key in map(tuple, distinct.tolist())]
        numbers = numpy.array([numbers for numbers, _ in outcomes], dtype=numpy.int64)
        settings = numpy.array([settings for _, settings in outcomes], dtype=numpy.uint64)
        flat = inverse.reshape(-1)
        return numbers[flat], settings[flat]

    def _outcome(self, key: tuple[int, ...]) -> tuple[tuple[int, ...], tuple[int, ...]]:
        known = self.outcomes.get(key)
        if known is None:
            numbers, settings = [NOT_SET] * len(SET), [0] * len(SET)
            for rule in self.keyed:
                if any(_holds(tests, key) for ((tests),) in rule.patterns):
                    for column, value in rule.settings:
                        numbers[column], settings[column] = rule.number, value
            known = self.outcomes[key] = (tuple(numbers), tuple(settings))
        return known

    def _search(self, pattern: re.Pattern[str], value: int) -> bool:
        return pattern.search(self.vocab.strings[value]) is not None

    def _fallback_matches(self, doc: Doc) -> dict[int, numpy.ndarray]:
        if not self.fallback_rules:
            return {}
        by_rule: dict[int, list[int]] = {}
        for match_id, start, end in self.fallback(doc, allow_missing=True):
            rule = self.fallback_rules[self.vocab.strings[match_id]]
            target = start + rule.index if rule.index >= 0 else end + rule.index
            by_rule.setdefault(id(rule), []).append(target)
        return {key: numpy.array(found, dtype=numpy.intp) for key, found in by_rule.items()}


def _is_keyed(rule: AttributeRule) -> bool:
    """Whether a rule tests one token's columns by value only: its outcome is its key's."""
    return rule.index in (0, -1) and all(
        len(sequence) == 1 and all(test.pattern is None for test in sequence[0])
        for sequence in rule.patterns
    )


def _named_values(rules: list[AttributeRule], column: int) -> numpy.ndarray:
    named = {
        value
        for rule in rules
        for ((tests),) in rule.patterns
        for test in tests
        if test.column == column
        for value in test.values
    }
    assert int(UNNAMED) not in named, "the stand-in must be no value a rule names"
    return numpy.array(sorted(named), dtype=numpy.uint64)


def _holds(tests: tuple[Test, ...], key: tuple[int, ...]) -> bool:
    return all((key[test.column] in test.values) == test.is_in for test in tests)


def _targets(rule: AttributeRule, columns: list[numpy.ndarray], search: Search) -> numpy.ndarray:
    """The tokens a rule sets: for each match of one of its patterns, the one at its index."""
    size = len(columns[0])
    targets: list[numpy.ndarray] = []
    for sequence in rule.patterns:
        length = len(sequence)
        if length > size:
            continue
        starts = numpy.ones(size - length + 1, dtype=bool)
        for offset, tests in enumerate(sequence):
            for test in tests:
                column = columns[test.column][offset : size - length + 1 + offset]
                starts &= _passes(test, column, search)
        first = numpy.flatnonzero(starts)
        targets.append(first + (rule.index if rule.index >= 0 else length + rule.index))
    return numpy.concatenate(targets) if targets else numpy.array([], dtype=numpy.intp)


def _passes(test: Test, column: numpy.ndarray, search: Search) -> numpy.ndarray:
    if test.pattern is not None:
        distinct, inverse = numpy.unique(column, return_inverse=True)
        matched = numpy.array([search(test.pattern, value) for value in distinct.tolist()])
        passed: numpy.ndarray = (
            matched[inverse] if len(distinct) else numpy.zeros(len(column), bool)
        )
        return passed
    if len(test.values) == 1:
        (value,) = test.values
        return numpy.asarray((column == value) == test.is_in, dtype=bool)
    wanted = numpy.fromiter(test.values, dtype=numpy.uint64)
    return numpy.asarray(numpy.isin(column, wanted) == test.is_in, dtype=bool)


def _sequence(tokens: list[dict[str, Any]], vocab: Vocab) -> Sequence | None:
    """A pattern as tests per token, or None when one uses what the tests cannot express."""
    sequence = []
    for token in tokens:
        tests = [_test(name, spec, vocab) for name, spec in token.items()]
        if not tests or any(test is None for test in tests):
            return None
        sequence.append(tuple(test for test in tests if test is not None))
    return tuple(sequence)


def _test(name: str, spec: Any, vocab: Vocab) -> Test | None:
    column = TESTED_NAMES.get(name)
    if column is None:
        return None
    if isinstance(spec, bool):
        return Test(column, frozenset({int(spec)}))
    if isinstance(spec, str):
        return Test(column, frozenset({vocab.strings.add(spec)}))
    if not isinstance(spec, dict) or len(spec) != 1:
        return None
    ((operator, argument),) = spec.items()
    if operator in ("IN", "NOT_IN"):
        return Test(column, frozenset(vocab.strings.add(w) for w in argument), operator == "IN")
    if operator == "REGEX" and name == "LOWER":
        return Test(column, frozenset(), pattern=re.compile(argument))
    return None


def _needs(patterns: tuple[Sequence, ...]) -> frozenset[int]:
    """The tag or word values one of which every pattern of a rule needs (empty: no such
    requirement, the rule is always tested)."""
    needed: set[int] = set()
    for sequence in patterns:
        wanted = [
            test.values
            for tests in sequence
            for test in tests
            if test.column in (0, 1) and test.is_in and test.pattern is None
        ]
        if not wanted:
            return frozenset()
        needed |= min(wanted, key=len)
    return frozenset(needed)


@Language.factory("attribute_table")
def make_attribute_table(nlp: Language, name: str) -> AttributeTable:
    return AttributeTable(nlp.vocab)


def tabulate_attribute_rules(nlp: Language) -> None:
    """Replace the model's attribute ruler by the same rules as a table, where it has one."""
    if "attribute_ruler" not in nlp.pipe_names:
        return
    ruler = nlp.get_pipe("attribute_ruler")
    table = nlp.replace_pipe("attribute_ruler", "attribute_table")
    assert isinstance(ruler, AttributeRuler) and isinstance(table, AttributeTable)
    table.take_rules_of(ruler)
