"""How a person's name is told and what title it carries: given names past the census's
commonest, a title the model ran into the name read as the role, a law's last word and a
titled owner's possessive, a date word the model ran into a name. Invented sentences, each
checked with the model to label as its comment says."""

from __future__ import annotations

import pytest
from spacy.tokens import Span

from generator.analysis.actors import extract_actors
from generator.analysis.actors.spans import clean_span
from generator.analysis.place_names import place_names


def actors_of(english, gazetteer, text):
    return {actor.name: actor for actor in extract_actors(english(text), gazetteer).actors}


@pytest.mark.parametrize("word", ["Nicola", "Svetlana", "Giuseppe", "Fiona", "Mark", "Rose"])
def test_a_census_given_name_past_the_commonest_thousand_counts(word):
    assert place_names().is_given_name(word)


@pytest.mark.parametrize(
    "word",
    [
        "Sierra",  # a dictionary word
        "Destiny",
        "Angeles",  # a word of a city's name (Los Angeles)
        "Florida",  # a place
        "Else",  # a stop word
        "Tu",  # two letters
    ],
)
def test_a_rarer_given_name_that_is_also_a_word_or_a_place_is_no_evidence(word):
    assert not place_names().is_given_name(word)


def test_a_rarer_given_name_makes_a_person_of_a_name_the_model_called_a_body(english, gazetteer):
    # The model labels "Nicola Sturgeon" a body here; "Nicola" is past the first thousand.
    text = (
        "The committee's Holyrood leader Nicola Sturgeon wrote to the minister on Tuesday. "
        "He told Ms Sturgeon that he disagreed."
    )
    actors = actors_of(english, gazetteer, text)
    assert actors["Nicola Sturgeon"].kind == "person"
    assert "Sturgeon" not in actors  # the bare surname joins the full name's card
    assert "Sturgeon" in actors["Nicola Sturgeon"].aliases


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        # The model puts the title inside the person's name.
        ("Coroner Mark Ellison said the death was an accident.", "Mark Ellison", "Coroner"),
        ("Comedian Ben Elton wrote the play in a month.", "Ben Elton", "Comedian"),
    ],
)
def test_a_title_the_model_put_inside_a_name_is_the_persons_role(
    english, gazetteer, text, name, role
):
    assert actors_of(english, gazetteer, text)[name].role == role


def test_a_given_name_of_a_titles_form_stays_in_the_name_with_no_role(english, gazetteer):
    # "Baker" has an agent noun's form, but the census gives it to people.
    actors = actors_of(english, gazetteer, "Baker Mayfield threw three touchdowns on Sunday.")
    assert actors["Baker Mayfield"].role is None


def test_the_last_word_of_a_laws_name_is_no_person(english, gazetteer):
    # The model labels "Bill" alone a person's, both times.
    text = (
        "The clause was added in the final weeks of the Criminal Justice Bill. "
        "The Bill became law in the spring."
    )
    assert "Bill" not in actors_of(english, gazetteer, text)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Bill Gates gave the charity more money.", "Bill Gates"),
        # A title before the lone given name: a person, whatever word it is.
        ("Judge Bill told the jury to go home.", "Bill"),
    ],
)
def test_a_given_name_that_is_a_laws_word_stays_a_persons(english, gazetteer, text, name):
    assert actors_of(english, gazetteer, text)[name].kind == "person"


@pytest.mark.parametrize(
    "text",
    [
        # The model labels "Innes' Succession" a body, "Lord" outside it.
        "Ministers would not endorse Lord Innes' Succession to the Throne Bill.",
        # The model labels "Hobbs" alone a body.
        "Lord Hobbs said he would bring the plan back next year.",
    ],
)
def test_a_titled_owner_the_model_called_a_body_is_a_person(english, gazetteer, text):
    actors = actors_of(english, gazetteer, text)
    assert [actor.kind for actor in actors.values()] == ["person"]
    assert next(iter(actors)).startswith("Lord ")


def test_a_courtesy_title_before_a_surname_the_model_called_a_body_makes_a_person(
    english, gazetteer
):
    text = "Speaking on Tuesday Mr Hollis said the plan was sound."
    assert actors_of(english, gazetteer, text)["Hollis"].kind == "person"


def test_a_date_word_the_model_ran_into_a_name_is_left_out(english):
    doc = english("During the hearing on Tuesday Mr Hollis denied the claims.")
    # As the model labels it in some articles: the weekday, the title and the surname.
    assert clean_span(Span(doc, 4, 7, label="PERSON")).text == "Hollis"
    doc = english("On Friday Jane Hollis said no.")
    assert clean_span(Span(doc, 1, 4, label="PERSON")).text == "Jane Hollis"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Tuesday Weld starred in the film.", "Tuesday Weld"),  # no given name after it
        ("June Carter sang at the fair.", "June Carter"),  # a given name itself
    ],
)
def test_a_date_word_that_opens_a_name_stays(english, text, name):
    doc = english(text)
    assert clean_span(Span(doc, 0, 2, label="PERSON")).text == name


def test_a_post_in_a_named_body_before_a_full_name_makes_a_person(english, gazetteer):
    # The model labels "Nicola Sturgeon" a body; "leader" is a title bodies hold too.
    text = "The committee's Holyrood leader Nicola Sturgeon wrote to the minister on Tuesday."
    assert actors_of(english, gazetteer, text)["Nicola Sturgeon"].kind == "person"


def test_a_title_bodies_hold_too_names_no_person_without_a_named_body(english, gazetteer):
    text = "Market leader Morgan Stanley raised its fees."
    assert actors_of(english, gazetteer, text)["Morgan Stanley"].kind == "organisation"


def test_a_persons_noun_before_a_full_name_makes_a_person(english, gazetteer):
    # The model labels "Helena Brandt" a body; "medallist" says what a person is.
    text = "Danish pentathlon gold medallist Helena Brandt will contest the relay."
    assert actors_of(english, gazetteer, text)["Helena Brandt"].kind == "person"


def test_a_kind_of_body_before_a_full_name_makes_no_person(english, gazetteer):
    text = "Chip maker Morgan Stanley raised its fees."
    assert actors_of(english, gazetteer, text)["Morgan Stanley"].kind == "organisation"


def test_a_role_never_reaches_back_over_a_number_ending_a_sentence(english, gazetteer):
    # The parser runs the two sentences into one: "1500m." ends the first.
    text = (
        "Ann Lee will also race in the 1500m. Danish pentathlon gold medallist Helena "
        "Brandt will contest the relay."
    )
    role = actors_of(english, gazetteer, text)["Helena Brandt"].role
    assert role == "Danish pentathlon gold medallist"
