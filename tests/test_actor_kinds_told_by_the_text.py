"""Names carded as the wrong kind or split in two: a founder's name with a capital inside that
keeps its possessive, a surname of two words that opens with a particle, ... Invented
sentences, each checked with the model to label as its comment says."""

from __future__ import annotations

import pytest

from generator.analysis.actors import extract_actors
from generator.analysis.actors.body_names import add_unlabelled_body_names
from generator.analysis.actors.mentions import Cluster, Mention
from generator.analysis.place_names import place_names


def actors_of(english, gazetteer, text):
    return {actor.name: actor for actor in extract_actors(english(text), gazetteer).actors}


def test_a_founders_name_with_a_capital_inside_keeps_its_possessive(english, gazetteer):
    """'McAllister' is no title-cased word (a capital inside): the chain was carded by its
    founder's bare name."""
    actors = actors_of(
        english,
        gazetteer,
        "Diners queued at McAllister's for breakfast. McAllister's announced it would close "
        "forty outlets by spring.",
    )
    assert "McAllister's" in actors
    assert "McAllister" not in actors


def test_a_persons_name_with_a_capital_inside_owns_a_noun(english, gazetteer):
    """Counter: a person named alone and with a possessive that owns a noun."""
    actors = actors_of(
        english,
        gazetteer,
        "Fiona McAllister said the plan was sound. McAllister's plan won the vote on Monday.",
    )
    assert "McAllister's" not in actors
    assert actors["Fiona McAllister"].kind == "person"


@pytest.mark.parametrize(
    ("text", "person", "surname"),
    [
        # The model labels the later surname a body.
        (
            "Karim El Ouazzani won the 3000m in Oslo. El Ouazzani said the pace suited him.",
            "Karim El Ouazzani",
            "El Ouazzani",
        ),
        # A sentence's first word capitalises the particle: two people on main.
        (
            "The coach praised Robin de Waal after the match. De Waal said the team had earned it.",
            "Robin de Waal",
            "De Waal",
        ),
    ],
)
def test_a_surname_that_opens_with_a_particle_is_the_persons(
    english, gazetteer, text, person, surname
):
    actors = actors_of(english, gazetteer, text)
    assert actors[person].kind == "person"
    assert surname in actors[person].aliases
    assert surname not in actors


def test_a_name_with_a_particle_inside_a_longer_name_is_no_surname(english, gazetteer):
    """Counter: a name with a particle that is not the person's last words stays apart."""
    actors = actors_of(
        english, gazetteer, "The El Nino pattern returned in March. Pedro El Nino Ramos spoke."
    )
    assert all("El Nino" not in actor.aliases for actor in actors.values())


@pytest.mark.parametrize(
    "text",
    [
        "Pierre Valette won the stage in Lyon, France. The Frenchman said the climb was hard. "
        "The Frenchman will race again on Sunday.",
        "Sweden named its relay team. A Swede said the track was too soft.",
    ],
)
def test_a_nationality_noun_for_one_person_is_no_mention_of_the_country(english, gazetteer, text):
    """'The Frenchman said' is a person's act, not France's: the country keeps its own name's
    mention only."""
    actors = actors_of(english, gazetteer, text)
    country = next(a for a in actors.values() if a.kind == "country")
    assert country.mentions == 1
    assert not any("said" in action for action in country.actions)


def test_a_nationality_adjective_or_a_people_is_still_the_countrys(english, gazetteer):
    """Counter: an adjective before a noun and a plural people count for the country."""
    actors = actors_of(
        english,
        gazetteer,
        "The Swedes beat Norway on Friday. Swedish fans sang. Sweden celebrated.",
    )
    assert actors["Sweden"].mentions == 3


def test_a_programme_and_its_name_in_full_get_no_card(english, gazetteer):
    """A programme named by its acronym before a programme's noun and spelled out in full
    elsewhere is run and funded, it does not act; the agency that runs it does."""
    actors = actors_of(
        english,
        gazetteer,
        "The space agency said it would add four firms to the DOS program. The firms will bid "
        "for the DOS contracts next year. The agency's Deep Orbit Services effort began in 2019.",
    )
    assert not any("Deep Orbit" in name or name == "DOS" for name in actors)


def test_a_body_before_a_contract_that_acts_keeps_its_card(english, gazetteer):
    """Counter: the body that grants the contract acts elsewhere and stays an actor."""
    actors = actors_of(
        english,
        gazetteer,
        "Harlow Dynamics won the Pentagon contract in May. The Pentagon said work would begin "
        "in the autumn.",
    )
    assert actors["Pentagon"].kind == "organisation"


def test_a_given_name_a_country_owns_is_a_person(english, gazetteer):
    """The model labels 'Ingrid Haugen' a body; a country's possessive before a given name
    gives an athlete's nationality."""
    actors = actors_of(
        english,
        gazetteer,
        "Norway's Ingrid Haugen bravely chose to follow Kipsang as he surged away.",
    )
    assert actors["Ingrid Haugen"].kind == "person"


def test_a_body_a_country_owns_stays_a_body(english, gazetteer):
    """Counter: a body's noun beside the name ('bank') says what it is."""
    actors = actors_of(
        english, gazetteer, "America's Morgan Stanley bank cut its forecast on Monday."
    )
    assert actors["Morgan Stanley"].kind == "organisation"


def _body_named_twice(english, by_label):
    doc = english("Okafor said the plan would work. Okafor called it fair. Later, Okafor left.")
    doc.ents = ()  # the third mention is one the model did not label
    spans = [doc[0:1], doc[7:8]]
    mentions = [Mention(s, "organisation", "Okafor", by_label=by_label) for s in spans]
    cluster = Cluster("Okafor", "organisation", mentions)
    add_unlabelled_body_names(doc, [cluster], place_names())
    return cluster


@pytest.mark.parametrize("by_label", [True, False])
def test_a_body_name_counted_where_unlabelled_is_as_sure_as_the_bodys_mentions(english, by_label):
    """A name counted where the model labelled nothing copies the body's kind: by the label
    alone where the body's mentions are, so that it is no evidence that the text shows a
    body (a footballer labelled ORG twice and PERSON four times was carded a body)."""
    cluster = _body_named_twice(english, by_label)
    added = cluster.mentions[2:]
    assert added
    assert all(m.by_label is by_label for m in added)
