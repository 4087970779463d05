"""Teams named by a plural nickname: before a player's role (rule
team-nickname-before-a-players-role) and as the end of the team's full name
(`body_names.bodies_by_their_last_words`)."""

from __future__ import annotations

import pytest

from generator.analysis.actors import extract_actors


def _actors(english, gazetteer, text):
    return {actor.name: actor for actor in extract_actors(english(text), gazetteer).actors}


@pytest.mark.parametrize(
    ("text", "team"),
    [
        ("Late on Sunday, Falcons defensive end Bo Price sacked the rookie twice.", "Falcons"),
        ("The club confirmed on Monday that Pelicans coach Ron Hale had signed on.", "Pelicans"),
    ],
    ids=["position with its adjective", "coach"],
)
def test_a_plural_nickname_before_a_players_role_is_the_team(english, gazetteer, text, team):
    actors = _actors(english, gazetteer, text)
    assert actors[team].kind == "organisation"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # A town ending in "s": the rule leaves it to the rules of places.
        ("Late on Sunday, Dallas coach Bo Price met reporters at the stadium.", "Dallas"),
        # A common surname ending in "s" is a person's.
        ("The firm said Jones manager Ann Lee would retire next spring.", "Jones"),
    ],
)
def test_a_town_or_a_surname_ending_in_s_is_no_nickname(english, gazetteer, text, name):
    actor = _actors(english, gazetteer, text).get(name)
    evidence = actor.evidence if actor is not None else ()
    assert "rule team-nickname-before-a-players-role" not in evidence


def test_a_plural_nickname_the_model_took_for_people_joins_the_teams_full_name(english, gazetteer):
    text = (
        "A late goal lifted the New York Islanders over the Ottawa Senators on Tuesday. "
        "The Islanders trailed by two before the comeback."
    )
    actors = _actors(english, gazetteer, text)
    assert "Islanders" not in actors
    assert "Islanders" in actors["New York Islanders"].aliases
