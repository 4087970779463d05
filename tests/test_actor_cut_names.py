"""Names the model cuts or splits, and titles of a generic owner: a place GeoNames knows whole
across its particles, a body's name whose halves the model labelled apart, a role without the
generic word for its body."""

from __future__ import annotations

import pytest

from generator.analysis.actors import extract_actors
from generator.analysis.particle_place_names import has_particle, particle_place_names


def actors_of(english, gazetteer, text):
    return {actor.name: actor for actor in extract_actors(english(text), gazetteer).actors}


@pytest.mark.parametrize(
    ("name", "is_one"),
    [
        ("Braunau am Inn", True),
        ("Stratford-upon-Avon", True),
        ("Saint-Pierre-et-Miquelon", True),
        ("Knightsbridge and Belgravia", False),  # an "and" joins two places as often
        ("New York", False),
    ],
)
def test_a_name_with_particles_is_told_by_its_lowercase_words(name, is_one):
    assert has_particle(name) is is_one


def test_geonames_knows_small_towns_named_with_particles():
    names = particle_place_names()
    assert "Braunau am Inn" in names  # 4,000 people: only GeoNames' file of small towns has it
    assert "Newcastle upon Tyne" in names


@pytest.mark.parametrize(
    ("text", "place", "pieces"),
    [
        (
            "Tourists still visit the old inn in Braunau am Inn every summer.",
            "Braunau am Inn",
            ("Braunau", "Inn"),
        ),
        (
            "The festival moved from Newcastle upon Tyne to Leeds last year.",
            "Newcastle upon Tyne",
            ("Newcastle", "Tyne"),
        ),
        (
            "She grew up in Stratford-upon-Avon before the war.",
            "Stratford-upon-Avon",
            ("Stratford",),
        ),
    ],
)
def test_a_place_the_model_cuts_at_its_particle_is_one_place(
    english, gazetteer, text, place, pieces
):
    actors = actors_of(english, gazetteer, text)
    assert actors[place].kind == "place"
    assert not set(pieces) & set(actors)


def test_the_short_name_of_a_place_named_in_full_is_the_same_place(english, gazetteer):
    text = "He was born in Frankfurt am Main. Frankfurt has many banks."
    actors = actors_of(english, gazetteer, text)
    assert actors["Frankfurt am Main"].mentions == 2
    assert "Frankfurt" not in actors


@pytest.mark.parametrize(
    "text",
    [
        # One item of a list of bodies.
        "The nine firms chosen last year: Orbital Works, Blue Harbor Systems, Lockheed Martin, "
        "Skyline Dynamics and Nova Labs.",
        # Written together again further on.
        "The probe was built by Lockheed Martin for the navy. Lockheed Martin said it was glad.",
    ],
)
def test_a_bodys_name_the_model_splits_in_two_is_one_body(english, gazetteer, text):
    actors = actors_of(english, gazetteer, text)
    assert actors["Lockheed Martin"].kind == "organisation"
    assert "Martin" not in actors


def test_a_body_and_a_person_side_by_side_once_stay_two(english, gazetteer):
    # Nothing shows the two names are one: a caption that lost its comma.
    text = "Analysts at Barclays Tom Hardy expect the bank to cut jobs."
    assert "Barclays Tom Hardy" not in actors_of(english, gazetteer, text)


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        ("Shares fell after company CEO Andy Vesey resigned on Friday.", "Andy Vesey", "CEO"),
        (
            "The company's chief operating officer, Marc Bell, left in May.",
            "Marc Bell",
            "chief operating officer",
        ),
        # A title of its own: the body's word stays.
        ("The plan was opposed by board member Tom Reed.", "Tom Reed", "board member"),
    ],
)
def test_a_title_names_no_generic_owner(english, gazetteer, text, name, role):
    assert actors_of(english, gazetteer, text)[name].role == role
