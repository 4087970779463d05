"""The world of a work under review is no actor of the news: on a page whose headline announces
a review and whose text calls the work by its kind, names typed by the model's label alone that
do nothing (characters, factions, powers, other works) leave the actors; the maker that acts,
its whole name and a person quoted stay. A title's holder in brackets is the bracketed name."""

from __future__ import annotations

import importlib.resources

import yaml

from generator.analysis.actors.context import beside_person_title
from generator.analysis.actors.extract import extract_actors
from generator.analysis.actors.works import REVIEWED_WORKS_FILE, reviews_a_work

REVIEW = (
    "Tidefall is the third game from Nightjar Studios. The game casts you as Ilsa Marrow, a "
    "smuggler hunted by the Brine Wardens across a drowned coast. Borrowing ideas from "
    "Castlevania, the game locks doors until you earn new Tide powers. Nightjar said the team "
    "spent five years on it, and the studio's lead writer, Omar Haddad, calls it a love letter "
    "to sailing. I spent most of my time fighting Brine Wardens."
)


def _actors(english, gazetteer, text: str, headline: str) -> dict[str, str]:
    index = extract_actors(english(text), gazetteer, headline=headline)
    return {actor.name: actor.kind for actor in index.actors}


def test_the_world_of_a_reviewed_work_is_no_actor(english, gazetteer):
    actors = _actors(english, gazetteer, REVIEW, "Tidefall review - a slow voyage worth taking")
    assert actors == {"Nightjar Studios": "organisation", "Omar Haddad": "person"}


def test_the_same_names_stay_on_a_page_that_reviews_nothing(english, gazetteer):
    actors = _actors(english, gazetteer, REVIEW, "Nightjar opens a studio in Leeds")
    assert {"Castlevania", "Brine Wardens", "Ilsa Marrow"} <= set(actors)


def test_the_data_files_example_and_counter_example(english):
    resource = importlib.resources.files("generator.analysis") / "data" / REVIEWED_WORKS_FILE
    data = yaml.safe_load(resource.read_text(encoding="utf-8"))
    example, counter = data["example"], data["counter_example"]
    assert reviews_a_work(english(example["text"]), example["headline"])
    assert not reviews_a_work(english(counter["text"]), counter["headline"])


def test_a_title_with_a_bracketed_name_is_that_names(english):
    doc = english(
        "Once she has met an exiled knight (Rena) who walked away from the Order, a cheerful "
        "but anxious ship captain (Korr), and a tiny droid (ZB-3), the party sets off."
    )
    spans = {ent.text: ent for ent in doc.ents}
    assert not beside_person_title(spans["Order"])
    assert beside_person_title(spans["Korr"])


def test_what_a_character_owns_keeps_it_in_the_works_world(english, gazetteer):
    text = (
        REVIEW + " The crew borrows Korr’s ship to reach the Marrow Sea. The maps recall "
        "Grimlock’s work, which is no bad thing."
    )
    actors = _actors(english, gazetteer, text, "Tidefall review - a slow voyage worth taking")
    assert "Korr" not in actors
    assert {"Nightjar Studios", "Grimlock"} <= set(actors)


def test_a_part_an_actor_plays_is_no_person(english, gazetteer):
    text = (
        "Jack Stone will reprise his role as Tom Vance, the brother of Mary Hale's Captain "
        "Ann Vance, the studio said."
    )
    assert "Ann Vance" not in _actors(english, gazetteer, text, "Studio signs a director")


def test_a_person_owned_title_stays_where_no_part_is_played(english, gazetteer):
    text = "Jack Stone flew to Paris, where Mary Hale's Captain Ann Vance met him."
    assert _actors(english, gazetteer, text, "A meeting in Paris")["Ann Vance"] == "person"


def test_a_writer_named_by_initials_stays_on_a_review(english, gazetteer):
    text = REVIEW.replace("Nightjar Studios.", "Nightjar Studios, based on the novel by JT Harlow.")
    actors = _actors(english, gazetteer, text, "Tidefall review - a slow voyage worth taking")
    assert "JT Harlow" in actors


def test_a_regions_compass_district_is_no_towns_school(english, gazetteer):
    # A town's school ("Topeka West's Sam Ortiz") is an organisation by rule; a district of a
    # subdivision ISO 3166-2 lists ("Derby North", Derby a unitary authority) is not a school.
    index = extract_actors(
        english("Derby North's Ben Laxey said the vote would be close."), gazetteer
    )
    evidence = {actor.name: actor.evidence for actor in index.actors}
    assert "rule school-or-team-named-after-its-town" not in evidence["Derby North"]
    index = extract_actors(
        english("Topeka West's Sam Ortiz won the 100 yard breaststroke on Saturday."), gazetteer
    )
    evidence = {actor.name: actor.evidence for actor in index.actors}
    assert "rule school-or-team-named-after-its-town" in evidence["Topeka West"]
