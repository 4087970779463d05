"""The model's attribute rules applied as a table over the doc's columns: a tagged `Doc` in, the
same `Doc` with the coarse part of speech, morphology and lemma exceptions the rules give.

The English models map each fine-grained tag (with the word or the dependency for a few
exceptions) to its part of speech and morphology by an `AttributeRuler` of about 180 Matcher
patterns. Its Matcher tries every pattern at every token, which cost a fifth of the whole
parse on news text; nearly all of its patterns test one token's tag, word, dependency or
whether it is a space. `AttributeTable` tests those as whole columns at once and keeps a
Matcher only for the few patterns of several tokens or a regular expression, then applies
every rule in the ruler's own order: a later rule overrides an earlier one, as in the ruler,
so the result is the ruler's, token for token (checked on real news by the tests).
"""

from __future__ import annotations

import re
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


@dataclass(frozen=True)
class Test:
    """One token test on one column: its value is one of `values` (or none of them)."""

    column: int
    values: frozenset[int]
    is_in: bool = True
    pattern: re.Pattern[str] | None = None
    """A regular expression the column's string matches instead (LOWER only)."""


Sequence = tuple[tuple[Test, ...], ...]
"""A pattern of consecutive tokens, each given as the tests it must pass."""


@dataclass(frozen=True)
class AttributeRule:
    """One rule of the ruler: its patterns, the token of a match it sets (counted from the end
    when negative, as in the ruler) and what it sets (column of `SET`, value)."""

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
        self.rules: list[AttributeRule] = []
        self.fallback = Matcher(vocab)
        self.fallback_rules: dict[str, AttributeRule] = {}

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
                self.rules.append(AttributeRule(kept, index, settings, _needs(kept)))
            else:
                rule = AttributeRule((), index, settings, frozenset())
                self.fallback.add(str(number), token_patterns)
                self.fallback_rules[str(number)] = rule
                self.rules.append(rule)

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        tested = doc.to_array(list(TESTED))
        columns = [numpy.ascontiguousarray(tested[:, k]) for k in range(len(TESTED))]
        present = set(numpy.unique(columns[0]).tolist()) | set(numpy.unique(columns[1]).tolist())
        values = doc.to_array(list(SET))
        found = self._fallback_matches(doc)
        for rule in self.rules:
            if rule.needs and rule.needs.isdisjoint(present):
                continue
            where = _targets(rule, columns, self.vocab) if rule.patterns else found.get(id(rule))
            if where is None or not len(where):
                continue
            for column, value in rule.settings:
                values[where, column] = value
        doc.from_array(list(SET), values)  # type: ignore[arg-type]  # uint64, as read
        return doc

    def _fallback_matches(self, doc: Doc) -> dict[int, numpy.ndarray]:
        if not self.fallback_rules:
            return {}
        by_rule: dict[int, list[int]] = {}
        for match_id, start, end in self.fallback(doc, allow_missing=True):
            rule = self.fallback_rules[self.vocab.strings[match_id]]
            target = start + rule.index if rule.index >= 0 else end + rule.index
            by_rule.setdefault(id(rule), []).append(target)
        return {key: numpy.array(found, dtype=numpy.intp) for key, found in by_rule.items()}


def _targets(rule: AttributeRule, columns: list[numpy.ndarray], vocab: Vocab) -> numpy.ndarray:
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
                starts &= _passes(test, column, vocab)
        first = numpy.flatnonzero(starts)
        targets.append(first + (rule.index if rule.index >= 0 else length + rule.index))
    return numpy.concatenate(targets) if targets else numpy.array([], dtype=numpy.intp)


def _passes(test: Test, column: numpy.ndarray, vocab: Vocab) -> numpy.ndarray:
    if test.pattern is not None:
        pattern = test.pattern
        distinct, inverse = numpy.unique(column, return_inverse=True)
        matched = numpy.array([pattern.search(vocab.strings[int(v)]) is not None for v in distinct])
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
