"""Films, awards and the notions a headline capitalises are named, not carded: a name that wins
a work's category or an award named for works, the name an acting award is won for, the work a
leading role is played in, the award a name wins, a name the article also writes in lower case.
Winning an award is no act that keeps a work an actor, and a title that is a given name ("the
movie Daniel") is not merged into a person who shares it. People who win, bodies that act, a
town where a player withdrew and a role's case stay right. Invented sentences."""

from __future__ import annotations

import pytest

from generator.analysis.actors import extract_actors


def actors_of(english, gazetteer, text):
    return {actor.name: actor for actor in extract_actors(english(text), gazetteer).actors}


@pytest.mark.parametrize(
    ("text", "work"),
    [
        # A film that wins a work's category in a relative clause, then wins another.
        (
            "Winners included The Paper Orchard which took best foreign film. "
            "The Paper Orchard also scooped best sound at the gala.",
            "Paper Orchard",
        ),
        # A film named after the kind noun (its end labelled PERSON) and then winning.
        (
            "The low-budget movie Quiet Harbour Lane shared the honours. "
            "Quiet Harbour Lane took best costume design and two other awards.",
            "Harbour Lane",
        ),
        # The award a title wins is a prize, and the title's second part (both ORG) a work.
        (
            "Paper Moon and the Glass Key won the Lime Film Of The Year in a poll of cinema-goers.",
            "Lime Film Of The Year",
        ),
        (
            "Paper Moon and the Glass Key won the Lime Film Of The Year in a poll of cinema-goers.",
            "Glass Key",
        ),
        # The work a leading role was played in, though a given name.
        (
            "Dana Price, who won a prize in 2001 for her leading role in Margaret, said she was "
            "delighted.",
            "Margaret",
        ),
    ],
)
def test_a_work_or_award_that_wins_gets_no_card(english, gazetteer, text, work):
    assert work not in actors_of(english, gazetteer, text)


def test_a_film_named_after_a_person_is_not_merged_into_him(english, gazetteer):
    text = (
        "Sam Ames won best actor for Daniel at the autumn gala. He thanked the late Daniel "
        "Okafor, the miner the film is about. Ames's movie Daniel also took best sound."
    )
    actors = actors_of(english, gazetteer, text)
    assert "Daniel" not in actors
    assert "Daniel" not in actors["Daniel Okafor"].aliases


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        # A person who wins an acting award stays a person.
        ("Sam Ames won best actor for Daniel at the autumn gala.", "Sam Ames", "person"),
        # A body that wins an award and speaks stays a body.
        (
            "Harbour Records won best album at the gala. Harbour Records said sales had doubled.",
            "Harbour Records",
            "organisation",
        ),
        # A party that wins a chamber: the chamber is no prize.
        ("The Greens won the Senate in the spring, and the Senate then voted.", "Senate", None),
    ],
)
def test_winners_and_bodies_that_act_keep_their_cards(english, gazetteer, text, name, kind):
    actors = actors_of(english, gazetteer, text)
    assert name in actors
    assert kind is None or actors[name].kind == kind


def test_a_name_the_article_also_writes_in_lower_case_is_no_body(english, gazetteer):
    text = (
        "Council Tax will be increased if Labour wins power again, the Tory leader has "
        "claimed. Pointing to council tax, he added that bills would rise."
    )
    actors = actors_of(english, gazetteer, text)
    assert "Council Tax" not in actors
    assert "Labour" in actors


def test_a_body_whose_name_is_never_written_in_lower_case_stays(english, gazetteer):
    text = "Road Safety Trust will be funded by the state, Kay Dunn said. Road safety matters."
    assert "Road Safety Trust" in actors_of(english, gazetteer, text)


def test_a_town_where_a_player_withdrew_is_a_place(english, gazetteer):
    text = "Sam Lowe was forced to quit the Indoor 500 in Toulouse on Friday with flu."
    actors = actors_of(english, gazetteer, text)
    assert actors["Toulouse"].kind == "place"


def test_a_role_that_opens_its_sentence_reads_in_lower_case(english, gazetteer):
    text = "Best actor Sam Ames could not attend the gala. Sam Ames sent a video."
    assert actors_of(english, gazetteer, text)["Sam Ames"].role == "best actor"


def test_a_proper_title_that_opens_its_sentence_keeps_its_capitals(english, gazetteer):
    text = "Managing Director Sam Ames opened the plant. Sam Ames said it would hire 50 people."
    assert actors_of(english, gazetteer, text)["Sam Ames"].role == "Managing Director"
