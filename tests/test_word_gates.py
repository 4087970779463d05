"""The word and node gates let a rule or cue through to a doc exactly when the doc has a token
for each of its required nodes: a node left to the word gate (one word or set of words) is
still answered for."""

from __future__ import annotations

import pytest

from generator.analysis.actors.rules import load_rules
from generator.analysis.language import load_model
from generator.analysis.stakes import load_cues
from generator.analysis.tree_matcher import columns_of, necessary_test
from generator.analysis.word_gates import (
    REQUIRED_OPS,
    gate_of,
    node_gate_of,
    nodes_pass,
    passes,
    words_of,
)

VOCAB = load_model().vocab
RULES = load_rules(VOCAB)
CUES = load_cues(VOCAB)
PATTERNS = [
    *RULES._token_patterns.values(),
    *([node.get("RIGHT_ATTRS", {}) for node in p] for p in RULES._dependency_patterns.values()),
    *(pattern for _, pattern in CUES._patterns),
]
TEXTS = [
    text for rule in RULES.rules.values() for text in (rule.example.text, rule.counter_example.text)
] + [text for cue in CUES.cues for text in (cue.example, cue.counter_example)]
OWN_PATTERNS = [
    [{"LOWER": {"IN": ["mayor", "governor"]}}, {"LOWER": "of"}, {"POS": "PROPN"}],
    [{"LOWER": {"NOT_IN": ["the", "a"]}}, {"IS_TITLE": True, "OP": "?"}],
    [{"TAG": "NNP", "IS_UPPER": True}, {"ORTH": "-", "OP": "*"}, {"SHAPE": "dddd"}],
]
OWN_TEXTS = [
    "The mayor of Westford spoke to the press.",
    "A governor of the bank said rates would hold.",
    "NATO-2024 talks opened; the UN met in 1999.",
]


def _each_required_node_has_a_token(pattern, doc):
    columns = columns_of(doc)
    tests = [necessary_test(node, doc.vocab) for node in pattern if node.get("OP") in REQUIRED_OPS]
    return all(test(columns).any() for test in tests if test is not None)


@pytest.fixture(scope="module")
def docs(english):
    return [english(text) for text in [*TEXTS, *OWN_TEXTS]]


@pytest.mark.parametrize("pattern", [*PATTERNS, *OWN_PATTERNS])
def test_the_gates_pass_a_doc_exactly_when_each_required_node_has_a_token(pattern, docs):
    gate, node_gate = gate_of(pattern, VOCAB), node_gate_of(pattern, VOCAB)
    verdicts = [
        (passes(gate, words_of(doc)) and nodes_pass(node_gate, doc), doc.text) for doc in docs
    ]
    expected = [(_each_required_node_has_a_token(pattern, doc), doc.text) for doc in docs]
    assert verdicts == expected


def test_a_node_of_one_word_set_is_left_to_the_word_gate():
    pattern = OWN_PATTERNS[0]
    assert len(node_gate_of(pattern, VOCAB)) == 1  # the proper noun alone
    assert len(node_gate_of(OWN_PATTERNS[1], VOCAB)) == 1  # NOT_IN: no word gate says it
