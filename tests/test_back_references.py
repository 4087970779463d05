"""Back references as data: every entry of `data/back_references.yml` finds its example and not
its counter-example, the file is checked on load, and a key fact that opens on one stands only
after the sentence it names."""

from __future__ import annotations

import pytest

from generator.analysis.back_references import (
    BackReferences,
    load_back_references,
    parse_back_references,
)
from generator.analysis.key_facts import extract_key_facts
from generator.analysis.language import load_model
from generator.errors import BriefError

REFERENCES = load_back_references(load_model().vocab)


def _sentence(english, text):
    return next(iter(english(text).sents))


@pytest.mark.parametrize("entry", REFERENCES.entries, ids=lambda entry: entry.name)
def test_entry_finds_its_example(english, entry):
    assert entry.name in REFERENCES.found_in(_sentence(english, entry.example))


@pytest.mark.parametrize("entry", REFERENCES.entries, ids=lambda entry: entry.name)
def test_entry_leaves_its_counter_example(english, entry):
    assert entry.name not in REFERENCES.found_in(_sentence(english, entry.counter_example))


def test_a_bad_file_is_reported_by_line():
    with pytest.raises(BriefError) as caught:
        parse_back_references("- name: x\n  why: y\n", "b.yml")
    assert "b.yml:1: missing 'token_patterns'" in str(caught.value).splitlines()


def test_quoted_words_are_the_speakers_not_a_back_reference(english):
    assert not REFERENCES.found_in(_sentence(english, '"That plan is dead," the mayor said.'))


BRIDGE = (
    "The city council voted on Tuesday to close the old harbour bridge to cars from June. "
    "{second} The move will add twenty minutes to many commuters' journeys. "
    "A ferry service will run every half hour from next month, the council said. "
    "Local shops fear they will lose trade while the bridge stays shut. "
    "Engineers found cracks in two of its steel supports last spring."
)


@pytest.mark.parametrize(
    ("second", "shown"),
    [
        ("Council members said the bridge had carried traffic for ninety years.", True),
        ('"It has served this town for ninety years, and we will miss it," the mayor said.', False),
    ],
    ids=["after its sentence", "its sentence not shown"],
)
def test_a_fact_that_names_the_act_before_stands_only_after_it(english, second, shown):
    facts = extract_key_facts(english(BRIDGE.format(second=second)), "Council shuts bridge")
    assert any(fact.text.startswith("The move") for fact in facts) is shown


def test_a_pattern_whose_first_word_may_be_left_out_still_matches_without_it(english):
    # The first-word gate would wrongly refuse "Another ..." if it kept the optional "Yet".
    entries = parse_back_references(
        "- name: yet-another\n"
        "  why: own test entry\n"
        "  token_patterns:\n"
        "    - - {LOWER: yet, OP: '?'}\n"
        "      - {LOWER: another}\n"
        "  example: Yet another storm hit the coast.\n"
        "  counter_example: A storm hit the coast.\n",
        "t.yml",
    )
    references = BackReferences(entries, load_model().vocab)
    assert references.found_in(_sentence(english, "Another storm hit the coast on Friday.")) == [
        "yet-another"
    ]
    assert references.found_in(_sentence(english, "A second storm hit the coast on Friday.")) == []
