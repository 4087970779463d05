"""A party under all its names (the table of `data/party_names.yml`), a party's name the model
cut made whole, the people and bodies a story's lead is about, and a camel-case brand a body
noun describes. Invented sentences."""

from __future__ import annotations

from generator.analysis.actors import extract_actors
from generator.analysis.actors.parties import known_parties
from generator.analysis.lead_subjects import lead_subjects
from generator.models import Actor


def actors_of(english, gazetteer, text):
    return {actor.name: actor for actor in extract_actors(english(text), gazetteer).actors}


def test_a_partys_nicknames_fold_into_it_where_its_country_is_in_the_story(english, gazetteer):
    text = (
        "The Tories promised lower fuel duty in Britain on Monday. Labour said the plan did "
        "not add up. The Conservatives later published their costings in Leeds."
    )
    actors = actors_of(english, gazetteer, text)
    tories = [a for a in actors.values() if a.name in ("Tories", "Conservatives")]
    assert len(tories) == 1
    assert tories[0].kind == "organisation"


def test_a_shared_nickname_stays_apart_without_its_country(english, gazetteer):
    # "Conservatives" names parties of several countries: nothing here says which.
    text = "The Conservatives met in a hotel ballroom. The Conservatives chose a new leader."
    actors = actors_of(english, gazetteer, text)
    assert "Conservative Party" not in actors
    assert "Conservative Party of Canada" not in actors


def test_a_partys_name_the_model_cut_is_made_whole_from_the_text(english, gazetteer):
    # The model labels "Liberal" a body and "Democrat" a nationality; then only "Democrats".
    first = actors_of(
        english,
        gazetteer,
        "The Liberal Democrat spokesman said the Tories had no plan for the NHS.",
    )
    second = actors_of(
        english, gazetteer, "The Liberal Democrats and the Tories both lost ground to Labour."
    )
    for actors in (first, second):
        assert "Liberal" not in actors and "Democrats" not in actors
        assert actors["Liberal Democrats"].kind == "organisation"
    # A party of Britain made whole tells whose "Tories" these are.
    assert first["Tories"].kind == "organisation"


def test_every_party_of_the_table_has_a_country_and_its_own_full_name():
    parties = known_parties()
    assert len({(p.name, p.country) for p in parties}) == len(parties)
    assert all(p.name.casefold() in p.names and p.country for p in parties)


def _actor(name: str, mentions: int = 2, kind: str = "person", aliases=()) -> Actor:
    return Actor(name.lower(), name, kind, None, tuple(aliases), mentions)


def test_the_people_the_lead_is_about_are_its_subjects(english):
    doc = english(
        "Two aid workers held for a year were freed on Friday. Engineer Paula Ferris and "
        "nurse Tomas Lindgren were driven to the border, a local official told Reuters."
    )
    actors = (
        _actor("Paula Ferris", aliases=("Ferris",)),
        _actor("Tomas Lindgren", aliases=("Lindgren",)),
        _actor("Reuters", kind="organisation"),
    )
    assert lead_subjects(actors, doc) == {"Paula Ferris", "Tomas Lindgren"}


def test_a_name_in_passing_or_owned_is_no_subject_of_the_lead(english):
    doc = english(
        "Finance minister Arlo Benning defended Arlo Benning's Budget on Tuesday. "
        "Grain Levy will be raised next year."
    )
    actors = (
        _actor("Budget", kind="organisation"),
        _actor("Grain Levy", kind="organisation", mentions=1),
        _actor("Arlo Benning"),
    )
    assert lead_subjects(actors, doc) == {"Arlo Benning"}


def test_a_work_the_lead_names_is_no_subject_of_it(english):
    doc = english(
        "Epic western Dust Road and low-budget British movie Harbour Lights shared the top prizes. "
        "Director Ellen Marsh collected both."
    )
    actors = (_actor("Harbour Lights"), _actor("Ellen Marsh"))
    assert lead_subjects(actors, doc) == {"Ellen Marsh"}


def test_a_camel_case_brand_a_body_noun_describes_is_an_actor(english, gazetteer):
    text = (
        "Security firm iVantor, which found the flaw, told users to upgrade. "
        "Users of the iWidget app should update it."
    )
    actors = actors_of(english, gazetteer, text)
    assert "iVantor" in actors
    assert "iWidget" not in actors
