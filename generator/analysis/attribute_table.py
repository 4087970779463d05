"""The model's attribute rules applied as a table over the doc's columns: a tagged `Doc` in, the
same `Doc` with the coarse part of speech, morphology and lemma exceptions the rules give.

The English models map each fine-grained tag (with the word or the dependency for a few
exceptions) to its part of speech and morphology by an `AttributeRuler` of about 180 Matcher
patterns. Its Matcher tries every pattern at every token, which cost a fifth of the whole
parse on news text; nearly all of its patterns test one token's tag, word, dependency or
whether it is a space. A rule of one token sees nothing but that token's tested values, so
`AttributeTable` finds once, for each distinct set of values (a few hundred an article, kept
for the process), what those rules give, and writes it to all the tokens that have them in one
step; the few rules of several tokens (tested as columns, or by spaCy's Matcher where they use
an operator) are applied where they match, with the token's own rules, in the ruler's order: a
later rule overrides an earlier one, as in the ruler, so the result is the ruler's, token for
token (checked on real news by the tests).
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
TESTED_ROW = numpy.dtype((numpy.void, len(TESTED) * numpy.dtype(numpy.uint64).itemsize))
"""A token's tested values as one opaque item, which numpy sorts far faster than rows."""
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
    number: int = 0
    """Its place in the ruler's order: a later rule overrides an earlier one."""

    @property
    def is_of_one_token(self) -> bool:
        """Whether each pattern tests one token only (and not through spaCy's Matcher)."""
        return bool(self.patterns) and all(len(sequence) == 1 for sequence in self.patterns)


class Outcomes:
    """What the rules of one token give a token, for each set of tested values seen so far:
    per column of `SET`, whether a rule sets it and to what (rows of two arrays, which grow
    by doubling), and the rules that match, in the ruler's order."""

    def __init__(self) -> None:
        self.numbers: dict[tuple[int, ...], int] = {}
        self.rules: list[tuple[AttributeRule, ...]] = []
        self.sets = numpy.zeros((64, len(SET)), dtype=bool)
        self.values = numpy.zeros((64, len(SET)), dtype=numpy.uint64)

    def add(self, key: tuple[int, ...], rules: tuple[AttributeRule, ...]) -> int:
        number = self.numbers[key] = len(self.rules)
        self.rules.append(rules)
        if number == len(self.sets):
            self.sets = numpy.concatenate([self.sets, numpy.zeros_like(self.sets)])
            self.values = numpy.concatenate([self.values, numpy.zeros_like(self.values)])
        for rule in rules:
            for column, value in rule.settings:
                self.sets[number, column], self.values[number, column] = True, value
        return number

    def columns(self, numbers: numpy.ndarray) -> tuple[numpy.ndarray, numpy.ndarray]:
        """Whether each column is set, and to what, for tokens of these outcome numbers."""
        return self.sets[numbers], self.values[numbers]


class AttributeTable:
    """The rules of a spaCy `AttributeRuler`, applied as column tests (`take_rules_of`)."""

    def __init__(self, vocab: Vocab) -> None:
        self.vocab = vocab
        self.rules: list[AttributeRule] = []
        self.fallback = Matcher(vocab)
        self.fallback_rules: dict[str, AttributeRule] = {}
        self.span_rules: list[AttributeRule] = []
        """The rules of several tokens or of spaCy's Matcher, in the ruler's order."""
        self.outcomes = Outcomes()

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
                self.rules.append(AttributeRule(kept, index, settings, _needs(kept), number))
            else:
                rule = AttributeRule((), index, settings, frozenset(), number)
                self.fallback.add(str(number), token_patterns)
                self.fallback_rules[str(number)] = rule
                self.rules.append(rule)
        self.span_rules = [rule for rule in self.rules if not rule.is_of_one_token]
        self.outcomes = Outcomes()

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        tested = numpy.ascontiguousarray(doc.to_array(list(TESTED)))
        values = doc.to_array(list(SET))
        before = values.copy()
        # A rule of one token sees that token's tested values only: what the rules give is
        # found once for each distinct set of values, and written to all its tokens at once.
        _, first, inverse = numpy.unique(
            tested.view(TESTED_ROW), return_index=True, return_inverse=True
        )
        known = [self._outcome(tuple(key)) for key in tested[first].tolist()]
        of_token = numpy.array(known, dtype=numpy.intp)[inverse.reshape(-1)]
        is_set, given = self.outcomes.columns(of_token)
        values = numpy.where(is_set, given, values)
        self._apply_rules_of_spans(doc, tested, values, before, of_token)
        doc.from_array(list(SET), values)  # type: ignore[arg-type]  # uint64, as read
        return doc

    def _apply_rules_of_spans(
        self,
        doc: Doc,
        tested: numpy.ndarray,
        values: numpy.ndarray,
        before: numpy.ndarray,
        of_token: numpy.ndarray,
    ) -> None:
        """Apply the rules of several tokens (or of spaCy's Matcher) where they match: each
        token they reach gets every rule that matches it again, its own and theirs, in the
        ruler's order, so a later rule overrides an earlier one as in the ruler."""
        columns = [numpy.ascontiguousarray(tested[:, k]) for k in range(len(TESTED))]
        present = set(numpy.unique(columns[0]).tolist()) | set(numpy.unique(columns[1]).tolist())
        found = self._fallback_matches(doc)
        reached: dict[int, list[AttributeRule]] = {}
        for rule in self.span_rules:
            if rule.needs and rule.needs.isdisjoint(present):
                continue
            where = _targets(rule, columns, self.vocab) if rule.patterns else found.get(id(rule))
            for position in () if where is None else where.tolist():
                reached.setdefault(position, []).append(rule)
        for position, rules in reached.items():
            own = self.outcomes.rules[int(of_token[position])]
            row = before[position].copy()
            for rule in sorted((*own, *rules), key=lambda rule: rule.number):
                for column, value in rule.settings:
                    row[column] = value
            values[position] = row

    def _outcome(self, key: tuple[int, ...]) -> int:
        """The number of what the rules of one token give a token of these tested values."""
        number = self.outcomes.numbers.get(key)
        if number is None:
            rules = tuple(
                rule
                for rule in self.rules
                if rule.is_of_one_token and _matches_one(rule, key, self.vocab)
            )
            number = self.outcomes.add(key, rules)
        return number

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


def _matches_one(rule: AttributeRule, key: tuple[int, ...], vocab: Vocab) -> bool:
    """Whether a rule of one token matches a token with these tested values."""
    return any(
        all(_passes_one(test, key[test.column], vocab) for test in tests)
        for (tests,) in rule.patterns
    )


def _passes_one(test: Test, value: int, vocab: Vocab) -> bool:
    if test.pattern is not None:
        return test.pattern.search(vocab.strings[value]) is not None
    return (value in test.values) == test.is_in


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
