"""One actor per entity, of the right kind: a body's short names and abbreviations join it, and
the towns a sports round-up has play are its teams."""

from __future__ import annotations

import pytest

from generator.analysis.actors import extract_actors
from generator.analysis.actors.acronyms import _spells_in_order

ROUND_UP = (
    "Jets 4, Predators 1: Patrik Laine scored twice and Winnipeg beat Nashville.\n\n"
    "Blue Jackets 3, Canadiens 2: Pierre-Luc Dubois scored and Columbus beat Montreal.\n\n"
    "Senators 5, Red Wings 2: Anthony Duclair had two goals, and Ottawa beat Detroit.\n\n"
)


def actors_of(english, gazetteer, text):
    return {actor.name: actor for actor in extract_actors(english(text), gazetteer).actors}


@pytest.mark.parametrize(
    ("name", "acronym", "spells"),
    [
        ("Volkswagen", "VW", True),
        ("Hewlett-Packard", "HP", True),
        ("GlaxoSmithKline", "GSK", True),
        # A letter inside a syllable, after a vowel or doubled, starts no part of the name.
        ("Apple", "AP", False),
        ("Nashville", "NHL", False),
        ("Barbican", "BBC", False),
    ],
)
def test_an_acronym_spells_a_one_word_name_only_by_the_starts_of_its_parts(name, acronym, spells):
    assert _spells_in_order(name, acronym) is spells


def test_a_brands_short_form_joins_the_one_word_name_it_abbreviates(english, gazetteer):
    actors = actors_of(
        english,
        gazetteer,
        "Volkswagen showed a concept of its next family car on Monday. "
        "VW says the concept points to a model it will build for Europe.",
    )
    assert "VW" not in actors
    assert "VW" in actors["Volkswagen"].aliases


def test_an_acronym_spelt_inside_a_syllable_stays_its_own_body(english, gazetteer):
    actors = actors_of(english, gazetteer, ROUND_UP + "The NHL said the game would be replayed.")
    assert "NHL" in actors
    assert "NHL" not in actors["Nashville"].aliases


def test_a_company_named_short_after_its_full_name_joins_it(english, gazetteer):
    actors = actors_of(
        english,
        gazetteer,
        "The agency chose Kessler Micro-Launch Systems for the contract. Kessler Micro-Launch "
        "Systems builds small rockets. Dana Price, the company's chief "
        "operating officer, said Kessler would draw on that work.",
    )
    assert "Kessler" not in actors
    assert "Kessler" in actors["Kessler Micro-Launch Systems"].aliases


def test_a_word_after_the_is_no_companys_short_name(english, gazetteer):
    actors = actors_of(
        english,
        gazetteer,
        'NASA picked Moon Express for the program. "We will bid on payloads going to the '
        'Moon," said John Roth.',
    )
    assert "Moon" not in actors["Moon Express"].aliases


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("Bruins 3, Devils 2: Tom Keane set up two goals to lead Boston.", "organisation"),
        (
            "Panthers 4, Flyers 3: Alex Brandt scored once and set up another to lift Florida.",
            "organisation",
        ),
        # A town something is in stays a place, round-up or not.
        ("The next game will be played in Boston on Friday.", "place"),
    ],
)
def test_a_town_that_plays_in_a_round_up_is_its_team(english, gazetteer, sentence, kind):
    name = "Florida" if "Florida" in sentence else "Boston"
    actors = actors_of(english, gazetteer, ROUND_UP + sentence)
    assert actors[name].kind == kind


def test_a_town_that_acts_outside_a_round_up_stays_a_place(english, gazetteer):
    actors = actors_of(
        english,
        gazetteer,
        "Patrik Laine scored twice and Winnipeg beat Nashville. The city council voted to "
        "lead Boston in spending on parks.",
    )
    assert actors["Boston"].kind == "place"


def test_a_persons_name_a_country_ran_on_to_is_the_persons(english, gazetteer):
    actors = actors_of(
        english,
        gazetteer,
        "Former U.S. ambassador to Ukraine Helen Marsh owns three houses in Maine. "
        "The report that Marsh owns three houses in Maine was never checked.",
    )
    assert "Ukraine Helen Marsh" not in actors
    assert actors["Helen Marsh"].kind == "person"
    assert actors["Helen Marsh"].mentions == 2


def test_a_place_no_list_knows_named_after_a_body_it_starts_is_the_body(english, gazetteer):
    actors = actors_of(
        english,
        gazetteer,
        "Dubai's main carrier Emirates Airline signed an order for 40 Airbus jets at the "
        "Dubai Air Show. By March, Emirates flew 250 aircraft.",
    )
    assert "Emirates" in actors["Emirates Airline"].aliases
    assert actors["Dubai"].kind == "place"


@pytest.mark.parametrize(
    ("text", "name", "acronym"),
    [
        # Initials over "&" and without the company's legal form.
        (
            "Pacific Gas & Electric Co. began shutting off power on Wednesday. PG&E officials "
            "said the outages would last two days.",
            "Pacific Gas & Electric",
            "PG&E",
        ),
        # Initials without the state that opens the body's name.
        (
            "The California Public Utilities Commission called a meeting. Consumer advocates "
            "urged the PUC to set backup power rules.",
            "California Public Utilities Commission",
            "PUC",
        ),
        # A definition in brackets, where the initials alone leave out "of".
        (
            "The Bureau of Prisons (BOP) moved the inmate on Monday. BOP officials declined "
            "to comment.",
            "Bureau of Prisons",
            "BOP",
        ),
        # Initials without the nationality that opens the name and the last word joined on
        # by "and".
        (
            "The Kenyan Centre for Water Safety and Sanitation tested the wells on Monday. "
            "The CWS said the water was safe to drink.",
            "Kenyan Centre for Water Safety and Sanitation",
            "CWS",
        ),
    ],
)
def test_an_abbreviation_joins_the_body_it_abbreviates(english, gazetteer, text, name, acronym):
    actors = actors_of(english, gazetteer, text)
    assert acronym not in actors
    assert acronym in actors[name].aliases


def test_two_bodies_of_the_same_initials_leave_their_abbreviation_alone(english, gazetteer):
    actors = actors_of(
        english,
        gazetteer,
        "The Public Utilities Commission and the Pacific Union College signed a deal. "
        "The PUC said the deal would cut costs.",
    )
    assert "PUC" in actors
    assert "PUC" not in actors["Public Utilities Commission"].aliases
