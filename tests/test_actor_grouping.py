"""Which mentions are one actor: a body named short after the article introduced it in full, a
body named after a person, a party's short name the model took for a person. Invented
sentences."""

from __future__ import annotations

from generator.analysis.actors import extract_actors


def actors_of(english, gazetteer, text):
    return {actor.name: actor for actor in extract_actors(english(text), gazetteer).actors}


def test_a_company_introduced_in_full_keeps_its_short_name_named_more_often(english, gazetteer):
    # "maker" says what the full name is: the company itself, then named short three times.
    text = (
        "Mobile chip maker Vantrix Semiconductors cut its sales forecast on Tuesday. Vantrix "
        "said orders from Asia had slowed. Vantrix shares fell 9%. Analysts said Vantrix had "
        "warned twice this year."
    )
    actors = actors_of(english, gazetteer, text)
    assert "Vantrix" not in actors
    assert "Vantrix" in actors["Vantrix Semiconductors"].aliases


def test_a_part_of_a_company_stays_apart_from_the_parent_named_more_often(english, gazetteer):
    # "unit" says the full name is a branch: "Vantrix", named more often, is its parent.
    text = (
        "The chip unit Vantrix Semiconductors will cut 200 jobs in Ohio. Vantrix said on "
        "Tuesday that orders had slowed. Vantrix shares fell 9%. Analysts said Vantrix had "
        "warned twice this year."
    )
    actors = actors_of(english, gazetteer, text)
    assert {"Vantrix", "Vantrix Semiconductors"} <= set(actors)


def test_a_network_named_after_a_person_is_a_body_not_that_person(english, gazetteer):
    text = (
        "The freed prisoners included Omar Zadran, a cousin of the militia's commander Khalid "
        "Zadran, who runs the group's Zadran network in the east."
    )
    actors = actors_of(english, gazetteer, text)
    assert actors["Zadran network"].kind == "organisation"
    assert actors["Omar Zadran"].mentions == 1
    assert actors["Khalid Zadran"].mentions == 1


def test_a_partys_short_name_the_model_took_for_a_person_joins_the_party(english, gazetteer):
    text = (
        "Glasgow voters heard from Labour on Friday. The Lib Dems promised free bus passes, "
        "and Lib Dem spokesman Ann Reid said the party would pay for them in Britain."
    )
    actors = actors_of(english, gazetteer, text)
    assert "Lib Dem" not in actors
    assert actors["Lib Dems"].kind == "organisation"
    assert actors["Lib Dems"].mentions == 2
