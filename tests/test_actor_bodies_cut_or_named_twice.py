"""Names cut wrong, named twice or not named, and roles a reader cannot read: a nationality
before a person's name, a body "of A and B", a date the model ran into a body's name, a number
of a body's own name, a party named with and without "Party", an abbreviated title and a role
a pronoun owns. Invented sentences, each checked with the model to label as its comment says."""

from __future__ import annotations

import pytest
from spacy.tokens import Span

from generator.analysis.actors import extract_actors
from generator.analysis.actors.spans import clean_span


def actors_of(english, gazetteer, text):
    return {actor.name: actor for actor in extract_actors(english(text), gazetteer).actors}


@pytest.mark.parametrize(
    ("text", "person"),
    [
        # The model labels the nationality and the name one person ...
        ("Briton Nora Whitfield won the final in Lisbon on Sunday.", "Nora Whitfield"),
        ("Scot Callum Reid beat the seeded player in four sets.", "Callum Reid"),
        # ... or one body.
        ("Swede Carolina Lindqvist took the title with her last throw.", "Carolina Lindqvist"),
        ("American Marion Hale finished sixth in the hurdles final.", "Marion Hale"),
    ],
)
def test_a_nationality_before_a_full_name_is_no_part_of_the_name(english, gazetteer, text, person):
    actors = actors_of(english, gazetteer, text)
    assert actors[person].kind == "person"
    assert not any(name.endswith(person) and name != person for name in actors)


def test_a_nationality_noun_as_the_whole_title_is_the_persons_role(english, gazetteer):
    """A demonym that is the whole title before a name: the owner-and-rest split of a role
    found nothing after the demonym (it once indexed an empty rest)."""
    actors = actors_of(english, gazetteer, "Frenchman Pierre Valette won the mountain stage.")
    assert actors["Pierre Valette"].role == "Frenchman"


@pytest.mark.parametrize(
    ("text", "body"),
    [
        ("American Express raised its fees for small shops this spring.", "American Express"),
        ("British Gas sent the bills out late again.", "British Gas"),
    ],
)
def test_a_bodys_name_that_opens_with_a_nationality_stays_whole(english, gazetteer, text, body):
    assert body in actors_of(english, gazetteer, text)


def test_a_bodys_name_of_two_places_joined_by_and_is_one_name(english, gazetteer):
    text = (
        '"We were not told," said the head of the Fire Officers Association of England and Wales.'
    )
    actors = actors_of(english, gazetteer, text)
    assert actors["Fire Officers Association of England and Wales"].kind == "organisation"
    assert "Wales" not in actors  # the model labels "Wales" a place of its own


@pytest.mark.parametrize(
    ("text", "apart"),
    [
        ("The Bank of England and France agreed to cut rates on Monday.", "France"),
        ("The Law Society of Scotland and Ireland's bar council both objected.", "Ireland"),
    ],
)
def test_a_second_place_of_another_kind_or_an_owner_is_no_part_of_the_name(
    english, gazetteer, text, apart
):
    actors = actors_of(english, gazetteer, text)
    assert apart in actors
    assert not any(name.endswith(f"and {apart}") for name in actors)


@pytest.mark.parametrize(
    ("text", "start", "end", "name"),
    [
        ("MPs debated it in the Commons on Thursday after lunch.", 5, 8, "Commons"),
        ("The Bank of England in March raised its rate.", 1, 6, "Bank of England"),
    ],
)
def test_a_date_at_a_bodys_end_is_no_part_of_its_name(english, text, start, end, name):
    doc = english(text)
    assert clean_span(Span(doc, start, end, label="ORG")).text == name


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("Black September claimed the raid.", 0, 2),  # no preposition before the month
        ("The Festival of May opened at noon.", 1, 4),  # the name's own "of"
    ],
)
def test_a_date_word_of_the_name_itself_stays(english, text, start, end):
    doc = english(text)
    span = Span(doc, start, end, label="ORG")
    assert clean_span(span).text == span.text


def test_a_year_of_a_bodys_own_name_keeps_the_body(english, gazetteer):
    # The model labels "Railway 2030" a person's name.
    text = "Campaign group Railway 2030 said the new line would cut the journey by an hour."
    assert actors_of(english, gazetteer, text)["Railway 2030"].kind == "organisation"


def test_a_year_written_on_into_a_date_is_no_part_of_the_name(english):
    # A dateline: a state's short form (a dictionary word too), then the date.
    doc = english("SPRINGFIELD, Mass 2004-05-11 The council met again on Tuesday.")
    start = next(t.i for t in doc if t.text == "Mass")
    assert clean_span(Span(doc, start, start + 2, label="GPE")).text == "Mass"


def test_a_score_after_a_towns_name_is_still_no_part_of_it(english, gazetteer):
    actors = actors_of(english, gazetteer, "Seattle 5, Denver 3: the home side won late.")
    assert "Seattle" in actors
    assert not any(any(ch.isdigit() for ch in name) for name in actors)


def test_a_party_named_with_and_without_party_is_one_actor(english, gazetteer):
    text = (
        "Labour won the seat. A Labour Party spokesman said the result was good. "
        "Labour will now lead the council."
    )
    actors = actors_of(english, gazetteer, text)
    assert "Labour" not in actors
    assert "Labour" in actors["Labour Party"].aliases


def test_a_body_named_first_alone_then_with_a_word_other_than_party_stays_apart(english, gazetteer):
    text = "Ford said its car sales fell. The Ford Foundation gave more to schools."
    actors = actors_of(english, gazetteer, text)
    assert "Ford" in actors


@pytest.mark.parametrize(
    ("text", "person", "role"),
    [
        (
            "Rep. Alan Moody, R-W.Va., said the bill would cost miners their jobs.",
            "Alan Moody",
            "Republican Representative from West Virginia",
        ),
        (
            "Sen. Jane Orr (D-Calif.) said she would vote against it.",
            "Jane Orr",
            "Democratic Senator from California",
        ),
        (
            "Rep. Jim Cole (R-Ohio) said the vote was close.",
            "Jim Cole",
            "Republican Representative from Ohio",
        ),
        ("Sgt. Ray Marsh said the road would stay closed.", "Ray Marsh", "Sergeant"),
        (
            "Idaho Lt. Gov. Kristi Lane said the adverts had worked.",
            "Kristi Lane",
            "Idaho Lieutenant Governor",
        ),
    ],
)
def test_an_abbreviated_title_is_spelled_out_with_party_and_state(
    english, gazetteer, text, person, role
):
    assert actors_of(english, gazetteer, text)[person].role == role


def test_a_role_a_pronoun_owns_gives_way_to_one_a_reader_can_use(english, gazetteer):
    text = (
        "Kemp was booed. Rajon Voss, his opponent in a fight last year, smiled. "
        "Later Voss, a veteran guard, said nothing."
    )
    assert actors_of(english, gazetteer, text)["Rajon Voss"].role == "veteran guard"


def test_a_role_no_pronoun_owns_is_kept(english, gazetteer):
    text = "Rajon Voss, the club's captain, said nothing after the game."
    assert actors_of(english, gazetteer, text)["Rajon Voss"].role == "club's captain"
