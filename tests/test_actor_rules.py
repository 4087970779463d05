"""Actor rules as data: every rule of `data/actor_rules.yml` decides its example and not its
counter-example, and the file is checked on load."""

from __future__ import annotations

import importlib.resources

import pytest
from spacy.attrs import LOWER, ORTH

from generator.analysis.actors import extract_actors
from generator.analysis.actors.rules import ActorRules, decided_kind, load_rules, parse_rules
from generator.analysis.language import load_model
from generator.analysis.word_gates import gate_of
from generator.errors import BriefError

RULES = load_rules(load_model().vocab)


def _name_span(doc, name):
    start = doc.text.index(name)
    span = doc.char_span(start, start + len(name))
    assert span is not None, f"'{name}' is not whole tokens"
    return span


def _first_decision(name, decided):
    """The first rule that finds the name, a rule for every mention too (`decision_for` leaves
    those to `without_things`)."""
    return next((d for d in decided if d.applies_to(name)), None)


@pytest.mark.parametrize("rule", RULES.rules.values(), ids=lambda rule: rule.name)
def test_rule_decides_its_example(english, gazetteer, rule):
    doc = english(rule.example.text)
    decision = _first_decision(_name_span(doc, rule.example.name), RULES.decisions(doc))
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
    assert _first_decision(name, decided) is None
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
        (
            "- {name: x, decides: place, why: w, token_pattern: [{}], name_tokens: [0],"
            " for_every_mention: true,"
            " example: {text: a b, name: a}, counter_example: {text: a b, name: b}}",
            "rules.yml:1: 'for_every_mention' is for rules that decide none",
        ),
        (
            "- {name: x, decides: none, why: w, token_pattern: [{}], name_tokens: [0],"
            " even_where_it_acts: true,"
            " example: {text: a b, name: a}, counter_example: {text: a b, name: b}}",
            "rules.yml:1: 'even_where_it_acts' is for rules for every mention",
        ),
        (
            "- {name: x, decides: none, why: w, token_pattern: [{}], name_tokens: [0],"
            " requires_text: 7,"
            " example: {text: a b, name: a}, counter_example: {text: a b, name: b}}",
            "rules.yml:1: 'requires_text': expected the characters the text must hold",
        ),
        (
            "- name: x\n  decides: none\n  why: w\n  name_tokens: [0]\n"
            "  token_pattern: [{LOWER: on}]\n"
            "  example: {text: a b, name: a}\n  counter_example: {text: a b, name: b}",
            "rules.yml:1: LOWER: expected a word, got True; quote it",
        ),
    ],
)
def test_bad_rules_are_reported_by_line(text, message):
    with pytest.raises(BriefError) as error:
        parse_rules(text, "rules.yml")
    assert message in str(error.value).splitlines()


def test_a_token_rule_needs_the_words_its_required_nodes_name(english):
    strings = english.vocab.strings
    gate = gate_of(
        [
            {"LOWER": {"IN": ["a", "an"]}},
            {"POS": "ADJ", "OP": "*"},
            {"ORTH": "Minister", "OP": "?"},
            {"ORTH": {"IN": ["United", "Rovers"]}, "OP": "+"},
            {"ORTH": {"NOT_IN": ["-"]}},
        ],
        english.vocab,
    )
    assert gate == (
        (LOWER, frozenset({strings["a"], strings["an"]})),
        (ORTH, frozenset({strings["United"], strings["Rovers"]})),
    )


def test_rules_a_doc_lacks_the_words_of_decide_nothing_there_all_the_same(english):
    """`decisions` runs only the token rules whose words a doc holds: it decides what every
    rule run over every doc decides, on every example and counter-example of the file."""
    resource = importlib.resources.files("generator.analysis") / "data" / "actor_rules.yml"
    ungated = ActorRules(parse_rules(resource.read_text(encoding="utf-8"), "rules"), english.vocab)
    ungated._gates = dict.fromkeys(ungated._gates, ())
    ungated._required_text = {}
    texts = [c.text for r in RULES.rules.values() for c in (r.example, r.counter_example)]
    for doc in english.pipe(texts):
        gated = [(d.rule.name, d.span.start, d.span.end) for d in RULES.decisions(doc)]
        assert gated == [(d.rule.name, d.span.start, d.span.end) for d in ungated.decisions(doc)]


def _actor_names(english, gazetteer, text):
    return {actor.name: actor.kind for actor in extract_actors(english(text), gazetteer).actors}


def test_a_thing_found_once_is_a_thing_wherever_the_article_names_it(english, gazetteer):
    # "a regular Switch" makes "Nintendo Switch" a thing too: the maker's name and the thing's.
    text = "Nintendo Switch owners can play it. It was cheaper than a regular Switch."
    assert not {"Switch", "Nintendo Switch"} & set(_actor_names(english, gazetteer, text))


def test_a_company_that_acts_is_no_thing_though_it_names_one(english, gazetteer):
    text = "He drove a Toyota to work. Toyota recalled 10,000 cars on Monday."
    assert _actor_names(english, gazetteer, text).get("Toyota") == "organisation"


def test_a_person_spoken_of_as_a_type_stays_a_person(english, gazetteer):
    text = "A nervous Lindsey Vonn was back on the slope. Lindsey Vonn won in 2010."
    assert _actor_names(english, gazetteer, text).get("Lindsey Vonn") == "person"


def test_the_models_product_label_outvoting_its_actor_labels_makes_a_thing(english, gazetteer):
    # The model labels "Star Trek Beyond" a work of art twice and an organisation once.
    text = (
        "The newest Star Trek movie was 2016's Star Trek Beyond. Unlike its two forerunners, "
        "Star Trek Beyond was made by Justin Lin. Abrams served as a producer of Star Trek Beyond."
    )
    assert "Star Trek Beyond" not in _actor_names(english, gazetteer, text)


def test_a_thing_found_by_a_rule_that_acts_is_an_actor(english, gazetteer):
    # "a new AI Office" reads as one of many things, but it will oversee: a body.
    text = "A new AI Office within the European Commission will oversee enforcement."
    assert _actor_names(english, gazetteer, text).get("AI Office") == "organisation"


def test_a_place_after_a_title_and_of_is_left_to_the_gazetteer(english, gazetteer):
    # The pattern of employer-after-a-persons-title-and-of finds Punjab, but a gazetteer knows
    # it (a subdivision of India and Pakistan): unless_listed leaves it to the other evidence.
    rule = "rule employer-after-a-persons-title-and-of"
    doc = english("Ali Khan, president of Punjab, said the plan would work.")
    name = _name_span(doc, "Punjab")
    assert any(d.rule.evidence == rule and d.applies_to(name) for d in RULES.decisions(doc))
    punjab = next(a for a in extract_actors(doc, gazetteer).actors if a.name == "Punjab")
    assert rule not in punjab.evidence


def test_a_company_after_a_title_and_of_is_a_body(english, gazetteer):
    text = "Sarah Lee, chief executive of Netflix, said prices would rise."
    assert _actor_names(english, gazetteer, text).get("Netflix") == "organisation"


def test_a_given_name_and_a_letter_is_a_person_not_a_label(english, gazetteer):
    # label-and-letter finds "Malcolm X" as it finds "Group D"; unless_given_name keeps the
    # person the census names.
    rule = "rule label-and-letter"
    doc = english("The speech by Malcolm X was read aloud in Harlem.")
    name = _name_span(doc, "Malcolm X")
    assert any(d.rule.evidence == rule and d.applies_to(name) for d in RULES.decisions(doc))
    assert _actor_names(english, gazetteer, doc.text).get("Malcolm X") == "person"


def test_a_product_the_owner_names_is_no_actor_wherever_the_article_names_it(english, gazetteer):
    # "Blue" is a given name the census knows, but the model calls no person Blue Moon here.
    text = "Blue Origin will offer its Blue Moon lander. NASA chose Starship and Blue Moon."
    names = _actor_names(english, gazetteer, text)
    assert "Blue Moon" not in names
    assert names.get("Blue Origin") == "organisation"


def test_a_one_word_thing_the_census_names_stays_a_person(english, gazetteer):
    # "a fit Miller" reads as one of many things; Miller is a common surname.
    text = "Fans saw a fit Miller at the game. The crowd cheered for Miller."
    assert _actor_names(english, gazetteer, text).get("Miller") == "person"


def test_a_thing_with_a_model_year_that_acts_is_no_actor_but_one_that_speaks_is(english, gazetteer):
    acts = "The 2020 Sportback starts at $70,000. The Sportback will have all-wheel drive."
    assert "Sportback" not in _actor_names(english, gazetteer, acts)
    speaks = "He drove the 2019 Zephyr home. Zephyr said on Monday it would cut 300 jobs."
    assert "Zephyr" in _actor_names(english, gazetteer, speaks)


def test_a_city_of_two_words_the_model_calls_a_person_is_a_place(english, gazetteer):
    # GeoNames knows Sioux Falls as a city; no census given name starts it.
    text = "The agency is based in Minneapolis and Sioux Falls. Sioux Falls has 190,000 people."
    names = _actor_names(english, gazetteer, text)
    assert names.get("Sioux Falls") in (None, "place")


def test_a_title_decides_the_names_inside_it(english, gazetteer):
    """A rule for the whole phrase (`whole_phrase`) decides the names inside a title too, not
    those after its kind nor its owner's."""
    inside = english("Rosa in Chicago, her debut, is a quieter story about a sailor.")
    assert "Chicago" not in {a.name for a in extract_actors(inside, gazetteer).actors}
    after = english("Rosa in Chicago, her debut, which Paramount released, is a quieter story.")
    assert "Paramount" in {a.name for a in extract_actors(after, gazetteer).actors}
    owned = english("Pixar's Rosa in Chicago, a film for children, was released in May.")
    assert "Pixar" in {a.name for a in extract_actors(owned, gazetteer).actors}
