"""A person's role names what the text gives of it: a title's complement the parser ran into the
name, a capitalised title after its owner, and the body a generic owner ("company CEO") stands
for. Invented sentences, each checked with the model to parse as its comment says."""

from __future__ import annotations

import pytest

from generator.analysis.actors import extract_actors


def roles_of(english, gazetteer, text):
    return {actor.name: actor.role for actor in extract_actors(english(text), gazetteer).actors}


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        # The parser makes the name the object of "to", "Ukraine" a compound of it.
        (
            "Former U.S. ambassador to Ukraine Anna Kowalski spoke to the committee.",
            "Anna Kowalski",
            "former U.S. ambassador to Ukraine",
        ),
        # Set beside it with no comma: the parser makes the name an apposition of the title.
        (
            "Canada's ambassador to Japan Claire Dubois said the deal was close.",
            "Claire Dubois",
            "Canada's ambassador to Japan",
        ),
        (
            "Britain's Minister for Trade Liam Fox said the talks would go on.",
            "Liam Fox",
            "Britain's Minister for Trade",
        ),
        # Between the preposition and the name, a title of its own: the role is that one.
        ("The wife of Prime Minister John Smith spoke.", "John Smith", "Prime Minister"),
        (
            "He sent a letter to Foreign Minister John Smith on Monday.",
            "John Smith",
            "Foreign Minister",
        ),
    ],
)
def test_a_titles_complement_run_into_the_name_stays_in_the_role(
    english, gazetteer, text, name, role
):
    assert roles_of(english, gazetteer, text)[name] == role


def test_a_capitalised_title_after_its_owner_is_a_role(english, gazetteer):
    text = "In March, the agency's Administrator Jim Bridenstine said the rocket was ready."
    assert roles_of(english, gazetteer, text)["Jim Bridenstine"] == "agency's Administrator"


def test_a_capitalised_word_without_an_owner_before_a_name_is_no_role(english, gazetteer):
    # "Pastor" here is no title the text gives: a capitalised agent noun alone stays unread.
    text = "Fans cheered as Pastor Maldonado crossed the line in Monaco."
    assert roles_of(english, gazetteer, text).get("Pastor Maldonado") is None


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        (
            "Ombudsman Nadia Ruiz said the deaths were caused by gunshots.",
            "Nadia Ruiz",
            "Ombudsman",
        ),
        ("Prosecutor Maria Lopez said the case would go on.", "Maria Lopez", "Prosecutor"),
    ],
)
def test_a_capitalised_title_no_one_bears_as_a_name_is_a_role(english, gazetteer, text, name, role):
    # The dictionary knows the word as a noun and the census gives it to no one ("Pastor",
    # "Baker" are names too: the test above).
    assert roles_of(english, gazetteer, text)[name] == role


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        (
            "The outages are painful and Acme Power is acting, company CEO Andy Vesey said.",
            "Andy Vesey",
            "CEO of Acme Power",
        ),
        # The body named in the sentence before.
        (
            "Orbit Labs cut jobs. The company's chief operating officer, Ann Wu, said more "
            "would go.",
            "Ann Wu",
            "chief operating officer of Orbit Labs",
        ),
        # Two bodies named: which one "company" means is a guess, so the role names none.
        (
            "Acme Power and Blue Mills merged, and company CEO Andy Vesey said it was good.",
            "Andy Vesey",
            "CEO",
        ),
    ],
)
def test_a_generic_owner_names_the_one_body_just_named(english, gazetteer, text, name, role):
    assert roles_of(english, gazetteer, text)[name] == role


def test_a_post_at_a_named_body_is_a_role_whatever_its_nouns_ending(english, gazetteer):
    text = '"It was a long night," said Priya Nair, a fellow at the Hollis Institute for Oceans.'
    assert (
        roles_of(english, gazetteer, text)["Priya Nair"]
        == "fellow at the Hollis Institute for Oceans"
    )


def test_a_title_before_a_courtesy_title_is_another_persons(english, gazetteer):
    text = "Ms. Okafor, a former aide to Mrs. Lindqvist, joined the board in June."
    assert roles_of(english, gazetteer, text).get("Lindqvist") is None


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # The model puts the title inside the person's name.
        ("The report was sent to Coroner Mark Ellison on Friday.", "Mark Ellison"),
        ("Treasurer Ann Lee announced the budget on Monday.", "Ann Lee"),
        # A word of the same form that the census gives to people stays a name.
        ("Baker Mayfield threw two touchdowns on Sunday.", "Baker Mayfield"),
    ],
)
def test_a_title_the_model_put_inside_a_name_is_left_out_of_it(english, gazetteer, text, name):
    assert list(roles_of(english, gazetteer, text)) == [name]
