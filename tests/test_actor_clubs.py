"""Clubs named after their town with a word the model left out ("Real Madrid" where the model
labels "Madrid"): rule club-named-after-its-town-before-a-players-role and `actors.clubs`;
studies named after their subject and departments between a title and its body (rules
study-named-after-its-subject, department-between-a-title-and-its-body)."""

from __future__ import annotations

import pytest

from generator.analysis.actors import extract_actors


def _actors(english, gazetteer, text):
    return {actor.name: actor for actor in extract_actors(english(text), gazetteer).actors}


@pytest.mark.parametrize(
    "text",
    [
        "Former Madrid striker Ivo Mrak scored twice on Sunday.",
        "Earlier, Madrid striker Ivo Mrak scored twice on Sunday.",
    ],
    ids=["an adjective opening the sentence", "the town alone"],
)
def test_no_club_name_is_made_of_a_word_that_describes_the_player(english, gazetteer, text):
    names = set(_actors(english, gazetteer, text))
    assert not any(name.endswith(" Madrid") for name in names)


def test_an_adjective_opening_a_sentence_joins_a_town_the_article_names_whole(english, gazetteer):
    text = "Real Madrid striker Ivo Mrak scored twice on Sunday. He joined Real Madrid in May."
    actors = _actors(english, gazetteer, text)
    assert actors["Real Madrid"].kind == "organisation"
    assert actors["Real Madrid"].mentions == 2


def test_a_study_named_after_its_subject_is_no_actor(english, gazetteer):
    text = "Over 9,000 adults answered the Regional Survey on Sleep and Work last spring."
    names = {name.casefold() for name in _actors(english, gazetteer, text)}
    assert not any("survey" in name for name in names)


def test_a_body_named_survey_that_acts_stays_a_body(english, gazetteer):
    text = "The Polar Survey said on Monday that the ice shelf had thinned."
    assert _actors(english, gazetteer, text)["Polar Survey"].kind == "organisation"


def test_a_department_between_a_title_and_its_body_is_no_actor(english, gazetteer):
    text = (
        "Rhea Lindqvist, vice president of Consumer Devices at Orbitline Robotics, said sales rose."
    )
    actors = _actors(english, gazetteer, text)
    assert "Consumer Devices" not in actors
    assert actors["Orbitline Robotics"].kind == "organisation"
