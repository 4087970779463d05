"""Names with a possessive, districts, generic bodies, a town in a company's name (issue #20,
part twenty-five): a possessive that owns nothing is the name's own ("Kohl's"), a possessive
that owns a noun is not; a subdivision with a compass point is a district; "the Senate" that
acts in the story is an actor; a small town the text never places is a company's short name."""

from __future__ import annotations

import pytest

from generator.analysis.actors import extract_actors


def kinds_of(english, gazetteer, text):
    return {actor.name: actor.kind for actor in extract_actors(english(text), gazetteer).actors}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Queues formed outside Brantley's on Friday. Brantley's stores close at nine.",
            "Brantley's",
        ),
        ("Brantley's said its sales fell in the spring.", "Brantley's"),
        ("Brantley's reports earnings Thursday.", "Brantley's"),
    ],
)
def test_a_possessive_that_owns_nothing_is_the_names_own(english, gazetteer, text, name):
    assert kinds_of(english, gazetteer, text).get(name) == "organisation"


@pytest.mark.parametrize(
    "text",
    [
        # The possessive owns a noun, and the person is named alone too.
        "Brantley's plan drew criticism. Brantley said he would stay.",
        # A full name's possessive; a name after the possessive is what it owns.
        "Fans sang along to Maria Brantley's Midnight on stage.",
        "The bill featured Oakfield and Brantley's Tom Reyes.",
        # English drops the noun after "of" and "than": still a person's possessive.
        "She is a friend of Brantley's and her house is bigger than Brantley's.",
    ],
)
def test_a_possessive_that_owns_something_is_no_part_of_a_name(english, gazetteer, text):
    assert not any("'s" in name for name in kinds_of(english, gazetteer, text))


def test_a_subdivision_with_a_compass_point_is_a_district(english, gazetteer):
    kinds = kinds_of(english, gazetteer, "The senator representing Borno South spoke today.")
    assert kinds.get("Borno South") == "place"


def test_a_given_name_with_a_compass_point_is_a_person(english, gazetteer):
    kinds = kinds_of(english, gazetteer, "Mary West spoke to reporters on Tuesday.")
    assert kinds.get("Mary West") == "person"


def test_a_generic_body_that_acts_is_an_actor(english, gazetteer):
    text = "After a long debate, the Senate voted to delay the bill. The Senate's clerk read it."
    assert kinds_of(english, gazetteer, text).get("Senate") == "organisation"


def test_a_generic_body_only_mentioned_is_no_actor(english, gazetteer):
    kinds = kinds_of(english, gazetteer, "The bill now goes to the Senate for a vote next week.")
    assert "Senate" not in kinds


def test_a_generic_body_is_named_by_its_country(english, gazetteer):
    text = "Ghana's Senate met on Monday. The Senate voted to approve the bill."
    assert kinds_of(english, gazetteer, text).get("Senate (Ghana)") == "organisation"


def test_an_unplaced_small_town_starting_a_companys_name_is_the_company(english, gazetteer):
    text = "Reyes's Ithaca Holdings bought the label. A fund already held a stake in Ithaca."
    kinds = kinds_of(english, gazetteer, text)
    assert kinds.get("Ithaca Holdings") == "organisation" and "Ithaca" not in kinds
