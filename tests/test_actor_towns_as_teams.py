"""What kind of thing a town's name is in a sports story: a team where the text has it play or
own players (`actors/teams.py` and the team rules of `data/actor_rules.yml`), a place where it
is only where something happens; a ground where a match is played is a place, not a body."""

from __future__ import annotations

from generator.analysis.actors import extract_actors

SQUAD_NEWS = (
    "Leeds flanker Joe Kerr and Bristol hooker Sam Pryde were named in the squad on Monday. "
    "Exeter prop Ian Mott also returns. The head coach will pick between Kerr and "
    "Wakefield's Tom Daley for the number seven shirt."
)


def _actors(english, gazetteer, text):
    return {actor.name: actor for actor in extract_actors(english(text), gazetteer).actors}


def test_a_town_named_only_as_a_players_possessive_is_a_team_in_a_story_of_teams(
    english, gazetteer
):
    actors = _actors(english, gazetteer, SQUAD_NEWS)
    assert actors["Wakefield"].kind == "organisation"
    assert actors["Leeds"].kind == "organisation"


def test_a_towns_possessive_before_a_person_stays_a_place_where_no_team_plays(english, gazetteer):
    text = (
        "Wakefield's Tom Daley told the council on Monday that the bridge would close. "
        "Residents said they had not been asked."
    )
    actor = _actors(english, gazetteer, text).get("Wakefield")
    assert actor is None or actor.kind == "place"


def test_a_town_where_the_squad_trains_stays_a_place(english, gazetteer):
    text = SQUAD_NEWS + " The squad will train for three days in Harrogate next week."
    assert _actors(english, gazetteer, text)["Harrogate"].kind == "place"


def test_a_ground_a_match_is_played_at_is_a_place_and_a_competition_is_not(english, gazetteer):
    text = (
        "After the clash at Ravenscourt, the coach praised his side. He would rather win "
        "league games than one or two matches in the Northern League in March."
    )
    actors = _actors(english, gazetteer, text)
    assert actors["Ravenscourt"].kind == "place"
    assert actors["Northern League"].kind == "organisation"
