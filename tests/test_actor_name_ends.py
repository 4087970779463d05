"""Where an actor's name ends: never across an unclosed bracket, on a conjunction or a
preposition the model ran into it, nor on the full stop that ends a sentence."""

from __future__ import annotations

import pytest

from generator.analysis.actors import extract_actors


def names_of(english, gazetteer, text):
    index = extract_actors(english(text), gazetteer)
    return {actor.name: actor.kind for actor in index.actors}


@pytest.mark.parametrize(
    ("text", "name", "cut"),
    [
        (
            "Qualified teams\nFrance (Group H): 10th appearance\n"
            "Croatia (Group E): Sixth appearance\n",
            "France",
            "France (Group H",
        ),
        (
            "Qualified teams\nPortugal (Group F): 8th appearance\n"
            "Czech Republic (Group F): Fourth appearance\n",
            "Czech Republic",
            "Czech Republic (Group",
        ),
        (
            "Tyler Brandt scored for the Sabres and Olli Jarvinen stopped 27 shots.",
            "Sabres",
            "Sabres and",
        ),
        (
            "This has sped up the £24million switch of Thibaut Courtois to Sevilla so Marko"
            " Dmitrovic will join Chelsea",
            "Thibaut Courtois",
            "Thibaut Courtois to",
        ),
        (
            "A draw will decide whether Bulgaria or Romania would fill the empty slot, and the"
            " crowd heard a speech by Malcolm X.\nFour teams from there will join.",
            "Malcolm X",
            "Malcolm X.",
        ),
        (
            "Sweden drew 2-2 in Norway, while the anthem was sung by Jay Z. The night"
            " before, Spain went through.",
            "Jay Z",
            "Jay Z.",
        ),
    ],
)
def test_a_name_ends_where_the_name_does(english, gazetteer, text, name, cut):
    names = names_of(english, gazetteer, text)
    assert cut not in names
    assert name in names


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "The Department of Health and Social Care said on Monday.",
            "Department of Health and Social Care",
        ),
        ("Ursula von der Leyen spoke in Brussels on Monday.", "Ursula von der Leyen"),
        ("The Bank of England raised rates on Thursday.", "Bank of England"),
        ("John F. Kennedy was elected in 1960.", "John F. Kennedy"),
    ],
)
def test_a_whole_name_is_kept(english, gazetteer, text, name):
    assert name in names_of(english, gazetteer, text)


@pytest.mark.parametrize(
    ("text", "places"),
    [
        (
            "Cases were found in Kalamazoo, Cass, Barry, Berrien, Calhoun and Van"
            " Buren counties. Health officials have counted seven so far.",
            ("Barry", "Berrien", "Calhoun", "Cass", "Kalamazoo", "Van Buren"),
        ),
        ("Floods hit Sindh and Punjab provinces on Monday.", ("Sindh", "Punjab")),
    ],
)
def test_a_list_before_a_plural_place_noun_names_places(english, gazetteer, text, places):
    names = names_of(english, gazetteer, text)
    assert {place: names.get(place) for place in places} == dict.fromkeys(places, "place")


def test_a_town_that_stands_for_its_team_is_a_team(english, gazetteer):
    text = (
        "Senators 4, Red Wings 3: Mark Delane scored twice and set up another, and Ottawa hung on"
        " to edge Detroit. Pete Harlow and Sam Brisco also scored for Ottawa.\n"
        "Jets 2, Predators 1: Lukas Varga stopped 35 shots as Winnipeg beat Nashville.\n"
        "Wild 4, Sabres 1: Eric Lindqvist also scored for the Wild, who moved to 5-2-1.\n"
    )
    names = names_of(english, gazetteer, text)
    teams = ("Ottawa", "Detroit", "Winnipeg", "Nashville", "Wild")
    assert {team: names.get(team) for team in teams} == dict.fromkeys(teams, "organisation")
    assert "Canada" not in names


@pytest.mark.parametrize(
    ("text", "cut"),
    [
        (
            "After the outbreak, the National Farmers' Union sent guidance to its members.",
            "National Farmers",
        ),
        (
            "The publican told Torquay Magistrates' Court that he could remember nothing.",
            "Torquay Magistrates",
        ),
    ],
)
def test_a_quote_mark_is_no_bracket(english, gazetteer, text, cut):
    assert cut not in names_of(english, gazetteer, text)


def test_a_surname_the_model_calls_a_body_joins_the_person_named_in_full(english, gazetteer):
    text = (
        "Darnell Hobbs, who represents Miller, said his client would not take a plea deal.\n"
        '"We will try to answer for the failings of the Bureau of Prisons," Hobbs said.\n'
        "Hobbs would not say whether Miller slept on duty."
    )
    names = names_of(english, gazetteer, text)
    assert names.get("Darnell Hobbs") == "person"
    assert "Hobbs" not in names


@pytest.mark.parametrize(
    ("text", "body", "other"),
    [
        (
            '"The Department of Justice and the Bureau of Prisons owe the families a full'
            ' account," he said. She would not comment on an inquiry by the'
            " Justice Department's inspector general.",
            "Department of Justice",
            "Justice Department",
        ),
        (
            "The Interior Department said on Monday that drilling would go on. A Department of"
            " the Interior spokesman declined to comment.",
            "Department of the Interior",
            "Interior Department",
        ),
    ],
)
def test_a_body_named_both_ways_is_one_body(english, gazetteer, text, body, other):
    names = names_of(english, gazetteer, text)
    assert names.get(body) == "organisation"
    assert other not in names
