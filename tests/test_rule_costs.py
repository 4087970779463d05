"""A cost guard on the dependency rules: each rule's root node (its first, where spaCy's
`DependencyMatcher` starts every tree) marks few tokens of an ordinary news text. A root such as
"any word not a punctuation mark" makes the matcher try the whole pattern from most tokens of
every doc, which no wall-clock test would catch on its own machine. Counted, not timed."""

from __future__ import annotations

from typing import Any

import pytest

from generator.analysis.actors.rules import load_rules
from generator.analysis.language import load_model
from generator.analysis.tree_matcher import columns_of, node_test

NEWS_TEXT = (
    "The city council of Marlow voted on Tuesday to close two libraries, a decision its leader, "
    'Dana Whitcombe, called painful but necessary. "We have run out of options," she told '
    "reporters outside the town hall. Opponents, including the Friends of Marlow Libraries, said "
    "they would challenge the plan in court. The council expects to save about £400,000 a year, "
    "according to a report published in March. Staff at both sites were told last week, and the "
    "union representing them has asked for talks with the mayor before the closures take effect "
    "in September."
)
"""An invented story of the usual grammar: names, a quotation, numbers, dates, clauses."""
MAX_ROOT_SHARE = 0.3
"""The share of the text's tokens a rule's root may mark. The broadest roots of the file (a
proper noun, alone or with a label) mark under a tenth; a part of speech of every noun or verb
marks a quarter, and a dependency left open ("any but punct") most."""
RULES = load_rules(load_model().vocab)


def root_share(pattern: list[dict[str, Any]], doc: Any) -> float:
    """The share of the doc's tokens the pattern's root node can match (all: no column test)."""
    test = node_test(pattern[0].get("RIGHT_ATTRS", {}), doc.vocab)
    return 1.0 if test is None else float(test(columns_of(doc)).mean())


@pytest.mark.parametrize("name", sorted(RULES._dependency_patterns))
def test_a_dependency_rule_starts_from_few_tokens(english, name):
    share = root_share(RULES._dependency_patterns[name], english(NEWS_TEXT))
    assert share <= MAX_ROOT_SHARE, f"{name}: its root marks {share:.0%} of the tokens"


@pytest.mark.parametrize(
    "root",
    [{"DEP": {"NOT_IN": ["punct"]}}, {"IS_ALPHA": True}, {"POS": {"IN": ["NOUN", "VERB"]}}, {}],
)
def test_the_guard_catches_a_broad_root(english, root):
    """Roots the guard must refuse: any word, any letters, every noun and verb, no test."""
    pattern = [{"RIGHT_ID": "root", "RIGHT_ATTRS": root}]
    assert root_share(pattern, english(NEWS_TEXT)) > MAX_ROOT_SHARE
