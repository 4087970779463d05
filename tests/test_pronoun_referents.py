"""Whom "they" and "it" stand for, shown in brackets: agreeing in number, or nobody when unsure."""

from __future__ import annotations

import pytest

from generator.analysis.actors import extract_actors
from generator.analysis.referents import pronoun_names


def _names(english, gazetteer, text: str, pronoun: str) -> list[str | None]:
    doc = english(text)
    actors = extract_actors(doc, gazetteer)
    name_of = pronoun_names(doc, actors.speaker_name, actors.actors)
    return [name_of(token) for token in doc if token.lower_ == pronoun]


def test_they_is_no_one_person(english, gazetteer):
    text = (
        "Rep. Tom Kettering visited the border in May. A large part of the need is the flow "
        "of drugs, Kettering said. Is this right? We start with the goods seized. While there "
        "are guesses for the rest, they are less certain."
    )
    assert _names(english, gazetteer, text, "they") == [None]


@pytest.mark.parametrize(
    "text",
    [
        # Subjects joined by "and" are a group that no one name stands for.
        "The Herald reported that Ruritania and the city council met on Friday. They agreed "
        "to keep talking.",
        # What "there are" introduces is nearer than the country.
        "Britain has raised its border budget. There are too few customs officers at Dover. "
        "They are hard to find, the minister said.",
    ],
)
def test_they_after_a_group_the_text_names_by_no_actor_names_nobody(english, gazetteer, text):
    assert _names(english, gazetteer, text, "they") == [None]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Acme Corp said on Monday it would cut 300 jobs. They said the cuts would save money.",
            "Acme",
        ),
        (
            "Holland scored two early goals in Oslo. They became the first team to win there.",
            "Netherlands",
        ),
    ],
)
def test_they_are_the_subject_before_not_its_object(english, gazetteer, text, name):
    assert _names(english, gazetteer, text, "they") == [name]


def test_it_after_a_question_is_not_the_questions_subject(english, gazetteer):
    text = "Which duties has Canada imposed? It began with steel and timber in March 2019."
    assert _names(english, gazetteer, text, "it") == [None]


def test_it_after_a_statement_is_its_subject(english, gazetteer):
    text = "Canada raised its duties on steel this year. It also taxed timber in March 2019."
    assert _names(english, gazetteer, text, "it") == ["Canada"]


def test_it_is_no_plural_subject_whatever_name_qualifies_it(english, gazetteer):
    text = (
        "Facing dearer Danish butter, U.K. shoppers may buy less of it, hurting Denmark's "
        "dairies. It started with a cheese tax in March 2019."
    )
    assert _names(english, gazetteer, text, "it") == [None, None]


@pytest.mark.parametrize(
    "text",
    [
        "Canada raised its duties this year. Though Mexico has said the duties hurt nobody, "
        "it has also asked for talks.",
        "Canada raised its duties this year. Mexico said the duties hurt nobody, and it "
        "asked for talks.",
    ],
)
def test_it_is_the_subject_of_an_earlier_clause_of_its_sentence(english, gazetteer, text):
    # Not Canada, the sentence before's subject: the clause the pronoun joins names Mexico.
    assert _names(english, gazetteer, text, "it") == ["Mexico"]


def test_it_after_a_pronoun_subject_of_its_sentence_goes_back_to_the_sentence_before(
    english, gazetteer
):
    text = "Canada raised its duties this year. After it taxed steel, it also taxed timber."
    assert _names(english, gazetteer, text, "it") == ["Canada", "Canada"]


def test_he_in_an_inverted_condition_is_the_subject_of_its_sentence(english, gazetteer):
    # "had he denied it" is "if he had denied it": the clause before is the writer's main
    # clause, whose subject (the driver, Tom Lowe) he is, not someone's reported words.
    text = (
        "Committee chairman Paul Reed said the figures were wrong. In May the driver, Tom "
        "Lowe, admitted the offence and was banned for three years - the ban would have been "
        "longer had he denied it."
    )
    assert _names(english, gazetteer, text, "he") == ["Tom Lowe"]
