"""Which mentions are one actor: a body named short after the article introduced it in full, a
body named after a person, a party's short name the model took for a person. Invented
sentences."""

from __future__ import annotations

from generator.analysis.actors import extract_actors
from generator.analysis.actors.mentions import Cluster, Mention
from generator.analysis.actors.parties import parties_by_their_short_names


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


def _cluster(doc, name, kind, by_label):
    start = next(t.i for t in doc if t.text == name.split()[0])
    span = doc[start : start + len(name.split())]
    mention = Mention(span=span, kind=kind, key=name.casefold(), by_label=by_label)
    return Cluster(name=name, kind=kind, mentions=[mention], surface_forms={name})


def test_a_partys_initials_the_model_took_for_a_place_join_the_party(english):
    # The model labels "UKIP" a GPE in some contexts ("a threat to UKIP"); the party table
    # knows the initials, and no gazetteer place bears them.
    doc = english("The UK Independence Party met in Leeds. He left UKIP in May.")
    party = _cluster(doc, "UK Independence Party", "organisation", by_label=True)
    initials = _cluster(doc, "UKIP", "place", by_label=True)
    kept = parties_by_their_short_names(doc, [party, initials])
    assert [c.name for c in kept] == ["UK Independence Party"]


def test_a_place_the_gazetteer_knows_stays_a_place_beside_the_parties(english):
    doc = english("Labour met in Leeds on Friday.")
    labour = _cluster(doc, "Labour", "organisation", by_label=True)
    leeds = _cluster(doc, "Leeds", "place", by_label=True)
    kept = parties_by_their_short_names(doc, [labour, leeds])
    assert {c.name: c.kind for c in kept} == {"Labour": "organisation", "Leeds": "place"}
