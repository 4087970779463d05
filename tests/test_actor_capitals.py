"""A capital stands for its country's government only where that government acts, speaks or
rules through it ("Hanoi said", "the Hanoi government"); where it is a point on a map ("80 miles
northwest of Hanoi") or the home of people ("Hanoi residents"), it is the city, no other name
of the country. Invented sentences, each checked with the model to label the capital GPE."""

from __future__ import annotations

from generator.analysis.actors import extract_actors


def _actors(english, gazetteer, text):
    return {a.name: a for a in extract_actors(english(text), gazetteer).actors}


def test_a_capital_that_acts_is_its_country_and_one_on_a_map_the_city(english, gazetteer):
    text = (
        "A farmer fell ill in a village 80 miles northwest of Hanoi, and Hanoi said it "
        "would send doctors."
    )
    actors = _actors(english, gazetteer, text)
    assert actors["Vietnam"].aliases == ("Hanoi",)
    assert actors["Hanoi"].kind == "place"
    assert actors["Hanoi"].mentions == 1


def test_a_capital_before_its_residents_is_the_city_and_before_a_government_its_country(
    english, gazetteer
):
    text = "Hanoi residents queued for water, and the Hanoi government said supplies would return."
    actors = _actors(english, gazetteer, text)
    assert actors["Vietnam"].aliases == ("Hanoi",)
    assert actors["Hanoi"].mentions == 1


def test_a_capitals_officials_speak_for_its_country(english, gazetteer):
    # Those who act for a government ("Hanoi officials", "the Hanoi authorities") are its
    # country's, as "the Hanoi government" is; a city's own are "city officials".
    text = "Hanoi residents queued for water, while Hanoi officials dismissed the lawsuit."
    actors = _actors(english, gazetteer, text)
    assert actors["Vietnam"].aliases == ("Hanoi",)
    assert actors["Hanoi"].mentions == 1


def test_a_capital_where_someone_won_or_lives_is_the_city_not_its_country(english, gazetteer):
    # Metonymy needs an act: "since Oslo in 2011" is where a title was won, so the city is a
    # place of its own and the country gets no card from it.
    text = "Ida Berg won in Bergen on Sunday, her first title since Oslo in 2011."
    actors = _actors(english, gazetteer, text)
    assert "Norway" not in actors
    assert actors["Oslo"].kind == "place"


def test_a_capitals_object_is_its_government_where_it_acts_elsewhere(english, gazetteer):
    # "reward Hanoi" tells no sense on its own; the article makes Hanoi act, so it is Vietnam's.
    text = (
        "Hanoi agreed to close the mine on Monday. The aid was meant to reward Hanoi for "
        "the deal, officials said."
    )
    actors = _actors(english, gazetteer, text)
    assert actors["Vietnam"].mentions == 2
    assert "Hanoi" not in actors


def test_talks_with_a_capital_are_with_its_government(english, gazetteer):
    text = "The union opened formal talks with Hanoi on Friday about the new tariffs."
    actors = _actors(english, gazetteer, text)
    assert actors["Vietnam"].aliases == ("Hanoi",)
