"""A description that refers back to a person gives them a role: through a chain of
descriptions ("The 29-year-old Welshman ... said the Cardiff athlete"); a hyphenated title
keeps the nouns before it ("campaign co-ordinator"); a relative clause says what one owns or
leads ("owner of a small print and design firm"); an article's opening description is the one
person the next sentence names. A description that could be either of two people gives no
role, nor does a relative clause whose object is no body. Invented sentences."""

from __future__ import annotations

import pytest

from generator.analysis.actors import extract_actors


def roles_of(english, gazetteer, text, headline=""):
    actors = extract_actors(english(text), gazetteer, headline=headline).actors
    return {actor.name: actor.role for actor in actors if actor.kind == "person"}


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        # An age description carries the person on to the next sentence's description.
        (
            "Gareth Pryce expects to race again next month.\n\nThe 29-year-old Welshman "
            'came third in the 200m in Lyon. "I felt strong," said the Cardiff athlete.',
            "Gareth Pryce",
            "Cardiff athlete",
        ),
        # A hyphenated title the parser cut keeps the noun hung on its first part.
        (
            "The press conference hosted by campaign co-ordinator Tom Hale, in the new wing, "
            "had the feel of a rally.",
            "Tom Hale",
            "campaign co-ordinator",
        ),
        # A relative clause on the name: what the person owns, founds or leads.
        (
            '"It changed my mind," said Laura Bennett, who owns a small print and design '
            "firm in Leeds.",
            "Laura Bennett",
            "owner of a small print and design firm",
        ),
        # A description opening the article, the one person the next sentence names.
        (
            "The city transport watchdog's chairman told MPs on Monday that he would ease the "
            'rules.\n\nIn a speech in Leeds, Tom Hale promised "several changes".',
            "Tom Hale",
            "city transport watchdog's chairman",
        ),
    ],
)
def test_a_description_referring_back_gives_its_holder_a_role(english, gazetteer, text, name, role):
    assert roles_of(english, gazetteer, text, headline="Pryce upbeat")[name] == role


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # The other person named has no post: the estate agent could be either of them.
        (
            "Laura Bennett didn't know Ralph Ostby would come but was glad of it. The estate "
            "agent said she liked the plan.",
            "Laura Bennett",
        ),
        # The other person's post is the description's own noun: it may be theirs.
        (
            "Estate agent Ralph Ostby hosted the fair.\n\nLaura Bennett didn't know Ostby "
            "would speak but was glad of it. The agent said the fair would return.",
            "Laura Bennett",
        ),
        # Two people named, the other a senator: an estate agent may still be either (a post
        # another holds is no proof they are not also described otherwise).
        (
            "Senator Ralph Ostby toured the market on Friday.\n\nLaura Bennett didn't know "
            "Ostby would come but was glad of it. The estate agent said she liked his plan.",
            "Laura Bennett",
        ),
        # The article's opening description, and two people named after it.
        (
            "The chairman has said he will step down.\n\nLaura Bennett met Tom Hale on Monday.",
            "Laura Bennett",
        ),
        # A relative clause whose object is no body says no role.
        ("Laura Bennett, who owns a small grey dog, spoke first.", "Laura Bennett"),
    ],
)
def test_a_description_that_could_be_either_of_two_people_gives_no_role(
    english, gazetteer, text, name
):
    assert roles_of(english, gazetteer, text)[name] is None
