"""A card's role is the best the text gives: a post beats a title of standing alone or where the
person is from; a title the parser read as a verb is still a title; an office the text keeps
naming by "the ..." is the one person a sentence leaves it to, never one of two it could be.
Invented sentences."""

from __future__ import annotations

import pytest

from generator.analysis.actors import extract_actors
from generator.analysis.role_ranks import ORIGIN, POST, STANDING, best_role, role_rank


def roles_of(english, gazetteer, text, headline=""):
    actors = extract_actors(english(text), gazetteer, headline=headline).actors
    return {actor.name: actor.role for actor in actors if actor.kind == "person"}


@pytest.mark.parametrize(
    ("role", "rank"),
    [
        ("head of chemistry at Elmbridge University", POST),
        ("Professor", STANDING),
        ("Leeds native", ORIGIN),
        ("aged 31, from Leeds", ORIGIN),
        ("Professor of Law", POST),
    ],
)
def test_a_role_is_ranked_by_what_it_tells(role, rank):
    assert role_rank(role) == rank


def test_the_first_post_wins_over_an_earlier_home_or_standing():
    assert best_role([None, "Kent resident", "Professor", "county treasurer"]) == "county treasurer"
    assert best_role(["Kent resident", "Professor"]) == "Professor"


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        # The apposition's post over the title of standing before the name.
        (
            "Professor Ada Morrow, head of chemistry at Elmbridge University, said the trial "
            "was safe.",
            "Ada Morrow",
            "head of chemistry at Elmbridge University",
        ),
        # A description that refers back betters where the person lives.
        (
            "Tom Hale, a Kent resident, won the vote. The mayor thanked his team at the count.",
            "Tom Hale",
            "mayor",
        ),
        # "head" read as a verb with "lab group" its subject: still the title.
        (
            'Analysts are cautious, but lab group head Mara Quill says the result "holds up well."',
            "Mara Quill",
            "lab group head",
        ),
        (
            "One had only to hear the mayor's friend and former press chief Tom Hale to see "
            "the anger.",
            "Tom Hale",
            "former press chief",
        ),
        # A paragraph opening on the description goes on about the paragraph before's person.
        (
            "Ann Lowe opened the fair on Monday.\n\nMs Lowe also set out a plan to train "
            "nurses. Wards in the north have 12% fewer nurses, the figures show.\n\nThe "
            "minister told the crowd the plan was vital.",
            "Ann Lowe",
            "minister",
        ),
        # The role a verb of leaving or succeeding says with "as".
        (
            "Deputy coach Tom Barr would like to succeed Ann Lowe as manager at Leeds Rovers. "
            "Lowe has decided to step down when her deal ends.",
            "Ann Lowe",
            "manager at Leeds Rovers",
        ),
        (
            "Ann Lowe has decided to step down as club manager when her deal ends.",
            "Ann Lowe",
            "club manager",
        ),
        # The body's name opens a title the parser read as a verb ("head" tagged VB).
        (
            "Like Acme head Ann Lowe, Bolt chief Tom Barr has spoken out about the toxic "
            "effects of counting likes.",
            "Ann Lowe",
            "Acme head",
        ),
        # The office left to the one person the sentence does not rule out: Lowe is the prime
        # minister, so the chancellor the memoir is about is Barr.
        (
            "Ann Lowe promised Tom Barr she would resign, a memoir about the chancellor "
            "claims.\n\nThe prime minister denies it. Lowe later told the chancellor of her "
            "plan at a dinner. Barr has not commented.",
            "Tom Barr",
            "chancellor",
        ),
    ],
)
def test_the_best_role_the_text_gives(english, gazetteer, text, name, role):
    assert roles_of(english, gazetteer, text, headline="Lowe 'vowed to quit'")[name] == role


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        # An age and home do not better a title of standing.
        ("Professor Ada Morrow, 52, from Ely, opened the wing.", "Ada Morrow", "Professor"),
        # A verb alone before a name is no title.
        ("Rivals say they coach Tom Hale every summer.", "Tom Hale", None),
        # "the president" could be either: neither is ruled out, so no one is it.
        (
            "Ann Lowe told Tom Barr that the president was wrong. The president did not "
            "reply. Lowe and Barr left the hall together.",
            "Tom Barr",
            None,
        ),
        # "as" that says no role, or a verb whose "as" is no post held.
        ("Ann Lowe joined the club as expected. As a result, Tom Barr left.", "Ann Lowe", None),
        ("Tom Barr was praised as a hero by the crowd.", "Tom Barr", None),
        # A work's name cut before a title is no body's ("the Void" of a film's name).
        (
            "The jury included critic Ann Lowe and Chasing the Storm director Tom Barr.",
            "Tom Barr",
            None,
        ),
        # Two people in the paragraph before: which is meant is a guess.
        (
            "Ann Lowe opened the fair on Monday.\n\nMs Lowe met Tom Barr there. Wards in the "
            "north have 12% fewer nurses, the figures show.\n\nThe minister told the crowd "
            "the plan was vital.",
            "Ann Lowe",
            None,
        ),
        # The one who acts on the office is not it, and with no one left, no one is.
        (
            "Ann Lowe told the governor about the flood. Lowe said the governor would visit.",
            "Ann Lowe",
            None,
        ),
    ],
)
def test_no_role_where_the_text_does_not_settle_it(english, gazetteer, text, name, role):
    assert roles_of(english, gazetteer, text)[name] == role
