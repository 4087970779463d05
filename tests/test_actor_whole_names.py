"""One entity, one whole name: places coordinated over a shared head each named whole, a
dateline's place a place and never its country, a person named with the given name the model
left out."""

from __future__ import annotations

import pytest

from generator.analysis.actors import extract_actors


def actors_of(english, gazetteer, text):
    return {actor.name: actor for actor in extract_actors(english(text), gazetteer).actors}


@pytest.mark.parametrize(
    ("text", "whole", "fragment"),
    [
        (
            "Warnings were issued for communities in Orange and Riverside counties.",
            {"Orange County": "place", "Riverside County": "place"},
            "Orange and Riverside",
        ),
        (
            "Water was shut off to 90,000 homes in 12 Northern and central California counties.",
            {"Northern California": "place", "California": "place"},
            "Northern",
        ),
        (
            "Talks between North and South Korea stalled on Monday.",
            {"North Korea": "country", "South Korea": "country"},
            "North and South Korea",
        ),
    ],
)
def test_places_coordinated_over_a_shared_head_are_each_named_whole(
    english, gazetteer, text, whole, fragment
):
    actors = actors_of(english, gazetteer, text)
    assert {name: actors[name].kind for name in whole} == whole
    assert fragment not in actors
    assert not any(fragment in actors[name].aliases for name in whole)


@pytest.mark.parametrize(
    ("text", "kept", "made_up"),
    [
        # No head after the list: two names, each whole already.
        ("He met officials of Israel and Gaza Strip on Monday.", "Israel", "Israel Strip"),
        # A province is named without its noun: the lists know no "Sindh Province".
        ("Floods hit Sindh and Punjab provinces on Monday.", "Sindh", "Sindh Province"),
    ],
)
def test_names_coordinated_without_a_shared_name_keep_their_own(
    english, gazetteer, text, kept, made_up
):
    names = set(actors_of(english, gazetteer, text))
    assert kept in names
    assert made_up not in names


def test_a_dateline_before_a_dash_is_the_city_and_not_its_country(english, gazetteer):
    actors = actors_of(
        english,
        gazetteer,
        "WASHINGTON – Three county jail guards were accused Monday of forging "
        "logs, a grand jury said.",
    )
    assert actors["Washington"].kind == "place"
    assert "United States" not in actors


def test_capitals_before_a_dash_that_no_list_knows_are_no_dateline(english, gazetteer):
    actors = actors_of(
        english, gazetteer, "UPDATE – The company said it would close. Apple agreed on Monday."
    )
    assert "Update" not in actors


def test_a_surname_joins_the_given_name_the_model_left_out(english, gazetteer):
    actors = actors_of(
        english,
        gazetteer,
        "Calgary\n\nBrock Nelson's second goal of the evening capped a wild rally. "
        "Nelson ended it with a wrist shot.",
    )
    assert "Nelson" in actors["Brock Nelson"].aliases
    assert "Nelson" not in actors


def test_a_word_before_a_surname_that_names_no_one_stays_out(english, gazetteer):
    actors = actors_of(
        english, gazetteer, "Coach Nelson said the team played well. Nelson smiled on Monday."
    )
    assert "Coach Nelson" not in actors


@pytest.mark.parametrize(
    "text",
    [
        # Written together twice, never apart.
        "The figures come from Customs and Border Protection.\n\nThe usual way that Customs "
        "and Border Protection counts seizures is by weight, an official said.",
        # Written together once, its initials an abbreviation of the article.
        "The figures come from Customs and Border Protection (CBP), an official said. CBP "
        "agents seized 20 pounds.",
    ],
)
def test_a_body_the_model_cut_at_its_and_is_one_body(english, gazetteer, text):
    actors = actors_of(english, gazetteer, text)
    assert actors["Customs and Border Protection"].kind == "organisation"
    assert not {"Customs", "Border Protection", "CBP"} & set(actors)


def test_two_teams_named_together_once_stay_two(english, gazetteer):
    actors = actors_of(
        english,
        gazetteer,
        "The Hawks and Pacers met on Monday. The Hawks won 101-99, and the Pacers lost.",
    )
    assert {"Hawks", "Pacers"} <= set(actors)


def test_initials_and_a_surname_are_the_one_person_of_that_surname(english, gazetteer):
    # Issue #20: a paper names a senator in full once and by initials in a list of letters.
    text = (
        "The senate read a letter from Senator Daniel Okoro on Tuesday. "
        "Other letters came from D. A. Okoro and Mary Stone, clerks said."
    )
    actors = actors_of(english, gazetteer, text)
    assert "D. A. Okoro" not in actors
    assert "D. A. Okoro" in actors["Daniel Okoro"].aliases
    # Initials that do not fit, or two people of the surname, leave the names apart.
    other = text.replace("D. A. Okoro", "T. A. Okoro")
    assert {"Daniel Okoro", "T. A. Okoro"} <= set(actors_of(english, gazetteer, other))
    two = text.replace("Mary Stone", "Ada Okoro")
    assert "D. A. Okoro" in actors_of(english, gazetteer, two)
