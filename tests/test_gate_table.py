"""The gate table marks each node's tokens as the node's own column test does
(`tree_matcher.necessary_test`): every attribute test, flag, entity tag and REGEX read through
one lookup a column must give the same tokens, for every node of the rules and cues."""

from __future__ import annotations

import numpy
import pytest

from generator.analysis.gate_table import GateTable
from generator.analysis.tree_matcher import columns_of, necessary_test
from generator.analysis.word_gates import NODES_KEY, node_key
from tests.test_word_gates import OWN_PATTERNS, OWN_TEXTS, PATTERNS, TEXTS, VOCAB

REGEX_PATTERNS = [
    [{"TEXT": {"REGEX": "^[A-Z]+-\\d+$"}, "ENT_TYPE": {"NOT_IN": [""]}}],
    [{"LOWER": {"REGEX": "ness$"}}, {"IS_PUNCT": True, "OP": "!"}],
    [{"ENT_IOB": "B", "IS_TITLE": True, "LENGTH": {">=": 3}}],
]
REGEX_TEXTS = ["Kindness won over the crowd at the A-320 hangar.", "Darkness fell on Riverton."]
ALL_PATTERNS = [*PATTERNS, *OWN_PATTERNS, *REGEX_PATTERNS]
NODES = {
    node_key(node): node for pattern in ALL_PATTERNS for node in pattern if node.get("OP") != "!"
}


@pytest.fixture(scope="module")
def table():
    return GateTable(ALL_PATTERNS, VOCAB)


@pytest.mark.parametrize("text", [*TEXTS, *OWN_TEXTS, *REGEX_TEXTS])
def test_the_table_marks_the_tokens_each_node_test_marks(text, table, english):
    expected_doc, doc = english(text), english(text)
    columns = columns_of(expected_doc)
    tests = {key: necessary_test(node, VOCAB) for key, node in NODES.items()}
    expected = {key: test(columns) for key, test in tests.items() if test is not None}
    verdicts = {key: table.has(doc, [key]) for key in expected}
    assert verdicts == {key: bool(mask.any()) for key, mask in expected.items()}
    marked = doc.user_data[NODES_KEY]
    assert [key for key in expected if not numpy.array_equal(marked[key], expected[key])] == []
