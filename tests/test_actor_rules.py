"""Actor rules as data: every rule of `data/actor_rules.yml` decides its example and not its
counter-example, and the file is checked on load."""

from __future__ import annotations

import pytest

from generator.analysis.actors import extract_actors
from generator.analysis.actors.rules import decided_kind, load_rules, parse_rules
from generator.analysis.language import load_model
from generator.errors import BriefError

RULES = load_rules(load_model().vocab)


def _name_span(doc, name):
    start = doc.text.index(name)
    span = doc.char_span(start, start + len(name))
    assert span is not None, f"'{name}' is not whole tokens"
    return span


@pytest.mark.parametrize("rule", RULES.rules.values(), ids=lambda rule: rule.name)
def test_rule_decides_its_example(english, gazetteer, rule):
    doc = english(rule.example.text)
    decision = RULES.decision_for(_name_span(doc, rule.example.name), RULES.decisions(doc))
    assert decision is not None and decision.rule.name == rule.name
    # A name in a line of capitals is printed in title case ("BALTIMORE" is Baltimore).
    actors = {a.name.casefold(): a for a in extract_actors(doc, gazetteer).actors}
    name = rule.example.name.casefold()
    kind = decided_kind(rule.decides)
    if kind is None:
        assert name not in actors
    else:
        assert actors[name].kind == kind
        assert rule.evidence in actors[name].evidence


@pytest.mark.parametrize("rule", RULES.rules.values(), ids=lambda rule: rule.name)
def test_rule_leaves_its_counter_example(english, gazetteer, rule):
    doc = english(rule.counter_example.text)
    name = _name_span(doc, rule.counter_example.name)
    decided = [d for d in RULES.decisions(doc) if d.rule.name == rule.name]
    assert RULES.decision_for(name, decided) is None
    for actor in extract_actors(doc, gazetteer).actors:
        assert rule.evidence not in actor.evidence


def test_every_rule_names_its_evidence():
    for rule in RULES.rules.values():
        assert rule.why and rule.example.text and rule.counter_example.text


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("name: x", "rules.yml: expected a list of rules like '- name: ...'"),
        ("- name: x\n  decides: person", "rules.yml:1: missing 'why'"),
        (
            "- {name: x, decides: people, why: w, token_pattern: [{}], name_tokens: [0],"
            " example: {text: a b, name: a}, counter_example: {text: a b, name: b}}",
            "rules.yml:1: 'decides': expected one of person, organisation, country, place, "
            "group, none, got 'people'",
        ),
        (
            "- {name: x, decides: none, why: w, token_pattern: [{}],"
            " example: {text: a b, name: a}, counter_example: {text: a b, name: b}}",
            "rules.yml:1: a token pattern needs 'name_tokens', the name's positions",
        ),
        (
            "- {name: x, decides: none, why: w, token_pattern: [{}], name_tokens: [0],"
            " example: {text: a b, name: c}, counter_example: {text: a b, name: b}}",
            "rules.yml:1: 'example': the name 'c' is not in its text",
        ),
    ],
)
def test_bad_rules_are_reported_by_line(text, message):
    with pytest.raises(BriefError) as error:
        parse_rules(text, "rules.yml")
    assert message in str(error.value).splitlines()
