"""`WindowMatcher` finds what spaCy's `Matcher` finds (with alignments), running each pattern only
over the runs of tokens where it can match."""

from __future__ import annotations

import pytest
from spacy.matcher import Matcher

from generator.analysis.actors.rules import load_rules
from generator.analysis.language import load_model
from generator.analysis.stakes import load_cues
from generator.analysis.window_matcher import WindowMatcher

VOCAB = load_model().vocab
RULES = load_rules(VOCAB)
CUES = load_cues(VOCAB)
PATTERNS = {
    **{f"rule {name}": pattern for name, pattern in RULES._token_patterns.items()},
    **{f"cue {number} {name}": pattern for number, (name, pattern) in enumerate(CUES._patterns)},
}
TEXTS = [
    text for rule in RULES.rules.values() for text in (rule.example.text, rule.counter_example.text)
] + [text for cue in CUES.cues for text in (cue.example, cue.counter_example)]
OPERATORS = [
    [{"IS_TITLE": True, "OP": "+"}, {"LOWER": "of", "OP": "?"}, {"IS_TITLE": True, "OP": "*"}],
    [{"LOWER": {"IN": ["the", "a"]}, "OP": "*"}, {"POS": "PROPN", "OP": "+"}],
    [{"POS": "PROPN"}, {"OP": "!", "LOWER": "said"}, {"ENT_TYPE": {"NOT_IN": ["PERSON"]}}],
    [{"TEXT": {"REGEX": "^[A-Z]"}}, {"IS_PUNCT": True, "OP": "?"}],
]
INVENTED = (
    "The Bank of England and the Duke of York met in New York City on Tuesday. "
    "A spokesman for Harbour Lights Ltd said the Mayor of Westford, Ana Ruiz, had left."
)


def _spacys(key, pattern, doc):
    matcher = Matcher(doc.vocab)
    matcher.add(key, [pattern])
    return sorted(matcher(doc, with_alignments=True))


@pytest.fixture(scope="module")
def docs(english):
    return [english(text) for text in [*TEXTS, " ".join(TEXTS), INVENTED]]


def test_every_rule_and_cue_matches_as_spacy_does(docs):
    for key, pattern in PATTERNS.items():
        ours = WindowMatcher(VOCAB, key, pattern)
        for doc in docs:
            assert sorted(ours(doc)) == _spacys(key, pattern, doc), (key, doc.text)


@pytest.mark.parametrize("pattern", OPERATORS)
def test_operators_match_as_spacy_does(english, pattern):
    doc = english(INVENTED)
    found = WindowMatcher(english.vocab, "operators", pattern)(doc)
    assert found and sorted(found) == _spacys("operators", pattern, doc)


def test_a_window_is_a_run_of_tokens_holding_every_required_node(english):
    doc = english("Ruth Ellis of Leeds spoke. Then Leeds and Bradford replied.")
    pattern = [{"IS_TITLE": True, "OP": "+"}, {"LOWER": "of"}, {"IS_TITLE": True}]
    windows = WindowMatcher(english.vocab, "of", pattern).windows(doc)
    assert [doc[start:end].text for start, end in windows] == ["Ruth Ellis of Leeds"]


def test_a_negated_node_reaches_every_token(english):
    doc = english("Ruth spoke.")
    pattern = [{"IS_TITLE": True}, {"OP": "!", "IS_PUNCT": True}]
    assert WindowMatcher(english.vocab, "not", pattern).windows(doc) == [(0, len(doc))]


def test_a_run_is_cut_to_its_first_opening_token_and_last_closing_one(english):
    doc = english("Maria Lopez of Dunmore spoke first.")
    after = [{"LOWER": "of", "OP": "+"}, {"IS_TITLE": True}]
    before = [{"IS_TITLE": True, "OP": "+"}, {"LOWER": "of"}]
    assert [doc[s:e].text for s, e in WindowMatcher(english.vocab, "a", after).windows(doc)] == [
        "of Dunmore"
    ]
    assert [doc[s:e].text for s, e in WindowMatcher(english.vocab, "b", before).windows(doc)] == [
        "Maria Lopez of"
    ]


def test_a_run_whose_closing_node_comes_before_its_opening_one_is_no_window(english):
    doc = english("Dunmore of course stayed quiet.")
    pattern = [{"LOWER": "of", "OP": "+"}, {"IS_TITLE": True}]
    assert WindowMatcher(english.vocab, "after", pattern).windows(doc) == []


def test_a_pattern_with_a_one_token_prefix_has_a_window_from_each_start(english):
    doc = english("Maria Lopez of Dunmore spoke first, and Ann Lee of Kells spoke last.")
    fixed = [{"IS_TITLE": True}, {"LOWER": "of"}]
    middle = [{"LOWER": "of"}, {"IS_TITLE": True, "OP": "+"}, {"LOWER": "spoke"}]
    windows = WindowMatcher(english.vocab, "fixed", fixed).windows(doc)
    assert [doc[s:e].text for s, e in windows] == ["Lopez of", "Lee of"]
    windows = WindowMatcher(english.vocab, "middle", middle).windows(doc)
    assert [doc[s:e].text for s, e in windows] == ["of Dunmore spoke", "of Kells spoke"]


def test_a_window_gives_only_the_matches_at_its_start(english):
    doc = english("They met Ruth Ellis Grant Shaw there.")
    pattern = [{"IS_TITLE": True}, {"IS_TITLE": True, "OP": "+"}]
    found = WindowMatcher(english.vocab, "names", pattern)(doc)
    assert sorted(found) == _spacys("names", pattern, doc)
    assert len(found) == len({(start, end) for _, start, end, _ in found})
