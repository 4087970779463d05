"""`TreeMatcher` finds what spaCy's `DependencyMatcher` finds: the same trees, in the same order,
whether its nodes are tested by columns or, for a node a column cannot read, by spaCy."""

from __future__ import annotations

import pytest
from spacy.matcher import DependencyMatcher, Matcher

from generator.analysis.actors.rules import load_rules
from generator.analysis.language import load_model
from generator.analysis.tree_matcher import TreeMatcher, columns_of, node_test, roots

RULES = load_rules(load_model().vocab)
DEPENDENCY_RULES = RULES._dependency_patterns
TEXTS = [
    text
    for rule in RULES.rules.values()
    if rule.name in DEPENDENCY_RULES
    for text in (rule.example.text, rule.counter_example.text)
]


def _both(vocab, patterns):
    ours, spacys = TreeMatcher(vocab), DependencyMatcher(vocab)
    for name, pattern in patterns.items():
        ours.add(name, [pattern])
        spacys.add(name, [pattern])
    return ours, spacys


@pytest.mark.parametrize("text", TEXTS)
def test_every_dependency_rule_matches_as_spacy_does(english, text):
    doc = english(text)
    ours, spacys = _both(english.vocab, DEPENDENCY_RULES)
    assert ours._by_columns
    assert ours(doc) == spacys(doc)


def test_every_example_is_matched(english):
    found = 0
    for rule in RULES.rules.values():
        if rule.name in DEPENDENCY_RULES:
            ours, _ = _both(english.vocab, {rule.name: DEPENDENCY_RULES[rule.name]})
            found += bool(ours(english(rule.example.text)))
    assert found == len(DEPENDENCY_RULES)


def test_a_node_no_column_reads_is_left_to_spacy(english):
    pattern = [
        {"RIGHT_ID": "verb", "RIGHT_ATTRS": {"POS": "VERB", "LIKE_URL": False}},
        {"LEFT_ID": "verb", "REL_OP": ">", "RIGHT_ID": "subject",
         "RIGHT_ATTRS": {"DEP": "nsubj", "LOWER": {"REGEX": "^m"}}},
    ]  # fmt: skip
    ours, spacys = _both(english.vocab, {"said": pattern})
    doc = english("Maria said that the mayor spoke, and Tom laughed.")
    assert not ours._by_columns
    assert ours(doc) == spacys(doc) and len(ours(doc)) == 2
    assert node_test({"LIKE_URL": False}, english.vocab) is None
    assert node_test({"LOWER": {"REGEX": "^m"}, "DEP": {"NOT_IN": ["ROOT"]}}, english.vocab)


def test_each_token_has_its_sentence_root(english):
    doc = english("The cat sat on the mat. Dogs bark loudly at night.")
    assert roots(doc).tolist() == [[t, *t.ancestors][-1].i for t in doc]


def test_answers_kept_for_a_doc_are_its_own(english):
    """A node's answer is kept for the doc tested last (speed9): the next doc gets its own, and
    the kept answer cannot be written over."""
    pattern = [
        {"RIGHT_ID": "verb", "RIGHT_ATTRS": {"POS": "VERB"}},
        {"LEFT_ID": "verb", "REL_OP": ">", "RIGHT_ID": "subject",
         "RIGHT_ATTRS": {"DEP": "nsubj", "LOWER": {"REGEX": "^(m|t)"}}},
    ]  # fmt: skip
    ours, spacys = _both(english.vocab, {"acts": pattern})
    docs = [english(text) for text in ("Maria sang and Tom danced.", "Ruth slept.", "Mo ran.")]
    for doc in (*docs, docs[0], docs[2]):
        assert ours(doc) == spacys(doc)
    assert [len(ours(doc)) for doc in docs] == [2, 0, 1]
    test = node_test({"POS": "VERB"}, english.vocab)
    assert test is not None
    answer = test(columns_of(docs[1]))
    with pytest.raises(ValueError):
        answer[0] = not answer[0]


@pytest.mark.parametrize("text", TEXTS)
def test_each_rules_own_matcher_finds_in_order_what_one_matcher_of_all_finds(english, text):
    """The actor rules run one matcher per dependency rule, in the file's order (actors/rules.py):
    spaCy's matcher gives its trees rule by rule in the order the rules were added."""
    doc = english(text)
    ours, _ = _both(english.vocab, DEPENDENCY_RULES)
    one_by_one = [
        _both(english.vocab, {name: pattern})[0] for name, pattern in DEPENDENCY_RULES.items()
    ]
    assert [tree for matcher in one_by_one for tree in matcher(doc)] == ours(doc)


@pytest.mark.parametrize(
    "attrs",
    [
        {"ENT_TYPE": "PERSON", "TEXT": {"REGEX": "^[A-Z][a-z]+a$"}},
        {"TEXT": {"REGEX": "^[A-Z]"}, "POS": "PROPN", "LOWER": {"REGEX": "o"}},
        {"LOWER": {"REGEX": "ing$"}},
        {"ENT_TYPE": "WORK_OF_ART", "TEXT": {"REGEX": "."}},
    ],
)
def test_a_regex_tested_after_a_nodes_other_attributes_keeps_the_same_tokens(english, attrs):
    """A REGEX runs on the tokens a node's other tests kept (none: it searches nothing), and
    finds the tokens spaCy's Matcher finds."""
    doc = english("Maria Costa and Tomasa Lopo were singing in Lisbon; Anna Ford kept walking.")
    spacys = Matcher(english.vocab)
    spacys.add("node", [[attrs]])
    test = node_test(attrs, english.vocab)
    assert test is not None
    found = test(columns_of(doc)).nonzero()[0].tolist()
    assert found == [start for _, start, _ in spacys(doc)]


def test_nodes_of_the_same_attributes_share_one_test_answered_once_a_doc(english):
    """Rules, cues and matchers that name the same node ("a proper noun in title case") share
    its test, and a doc's answer is found once for all of them; another doc gets its own."""
    attrs = {"POS": "PROPN", "IS_TITLE": True, "TEXT": {"REGEX": "a$"}}
    test = node_test(attrs, english.vocab)
    assert test is not None
    assert node_test(dict(reversed(attrs.items())), english.vocab) is test
    first = english("Maria met Tomasa and Pedro in Lisbon.")
    second = english("Pedro wrote to Anna from Porto.")
    answer = test(columns_of(first))
    assert test(columns_of(first)) is answer
    assert [first[i].text for i in answer.nonzero()[0]] == ["Maria", "Tomasa"]
    assert [second[i].text for i in test(columns_of(second)).nonzero()[0]] == ["Anna"]
    assert [first[i].text for i in test(columns_of(first)).nonzero()[0]] == ["Maria", "Tomasa"]
