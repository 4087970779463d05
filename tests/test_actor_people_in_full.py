"""People the model types on its label alone on a sports page, or splits: players in a results
line, a title before a name, a surname the text uses alone, a given name in brackets.
Invented sentences, each checked with the model to label as the comments say."""

from __future__ import annotations

from generator.analysis.actors import extract_actors


def _kinds(english, gazetteer, text):
    return {a.name: a.kind for a in extract_actors(english(text), gazetteer).actors}


def test_a_player_listed_with_a_scorer_is_a_person(english, gazetteer):
    # The model labels "Boone Jenkel" a body's name; "Boone" is no given name of the census.
    kinds = _kinds(
        english, gazetteer, "Eric Dobson and Boone Jenkel also scored for the Blue Herons."
    )
    assert kinds["Boone Jenkel"] == "person"


def test_a_player_listed_in_a_results_line_is_a_person(english, gazetteer):
    # "Nikolaj Ebbers" labelled a body's name, listed with a person who scored.
    text = "Jets 2, Owls 1: Mark Laird and Nikolaj Ebbers scored, and Connor Hale made 38 saves."
    assert _kinds(english, gazetteer, text)["Nikolaj Ebbers"] == "person"


def test_a_name_only_labelled_a_place_whose_surname_stands_alone_is_a_person(english, gazetteer):
    # The model labels "Javon Orleans" a place and "Orleans" a body's name.
    text = (
        "Kyle Moss didn't clash with Javon Orleans, his rival in a fight last year. "
        "Orleans had nine points."
    )
    kinds = _kinds(english, gazetteer, text)
    assert kinds["Javon Orleans"] == "person"
    assert "Orleans" not in kinds


def test_a_place_is_not_named_by_its_last_word(english, gazetteer):
    kinds = _kinds(
        english, gazetteer, "Skiers crowded Lake Tahoe last winter. Tahoe had ten feet of snow."
    )
    assert kinds.get("Lake Tahoe") != "person"


def test_a_given_name_in_brackets_joins_the_surname_and_the_title_goes(english, gazetteer):
    # The model labels "Coach", "Mike" and "Halvorsen" three names.
    text = "“Coach (Mike) Halvorsen told us to relax,” she said. Halvorsen praised the bench."
    kinds = _kinds(english, gazetteer, text)
    assert kinds.get("Mike Halvorsen") == "person"
    assert "Mike" not in kinds and "Halvorsen" not in kinds and "Coach" not in kinds


def test_a_position_before_a_players_name_is_no_part_of_it(english, gazetteer):
    # The model labels "G Mamadou Sarr" a body's name, the position's letter run into it.
    kinds = _kinds(english, gazetteer, "Kings: G Mamadou Sarr sat out with back spasms.")
    assert kinds.get("Mamadou Sarr") == "person"
    assert "G Mamadou Sarr" not in kinds


def test_a_letter_before_a_given_name_after_a_common_noun_stays_an_initial(english, gazetteer):
    kinds = _kinds(english, gazetteer, "Author: F Scott Fitzgerald wrote the novel in France.")
    assert "Scott Fitzgerald" not in kinds
