"""Made things are no actors by the page's own cues: a maker's name the page gives before more
capitalised words ("Garmin Forerunner Pro" where Garmin is a company), a model code after the
first word of a name ("Blade X7 Stealth"); a company's branch named after it stays a body."""

from __future__ import annotations

import pytest

from generator.analysis.actors.extract import extract_actors


def _actors(english, gazetteer, text: str) -> dict[str, str]:
    return {actor.name: actor.kind for actor in extract_actors(english(text), gazetteer).actors}


@pytest.mark.parametrize(
    ("text", "thing", "maker"),
    [
        (
            "Garmin posted higher sales on Tuesday. Runners like the Garmin Forerunner Pro for "
            "its long battery life.",
            "Garmin Forerunner Pro",
            "Garmin",
        ),
        (
            "Our tester ran the game on the Razer Blade X7 Stealth and it never slowed down.",
            "Blade X7 Stealth",
            None,
        ),
    ],
)
def test_a_made_thing_is_no_actor(english, gazetteer, text, thing, maker):
    actors = _actors(english, gazetteer, text)
    assert thing not in actors
    if maker is not None:
        assert actors[maker] == "organisation"


@pytest.mark.parametrize(
    ("text", "body"),
    [
        (
            "Amazon raised its forecast. Amazon Web Services hosts the site, and Amazon Web "
            "Services costs little.",
            "Amazon Web Services",
        ),
        ("Fox said ratings rose. The senator told Fox News that he would run again.", "Fox News"),
        (
            "Nissan said sales rose. Nissan North America will build the car in Tennessee.",
            "Nissan North America",
        ),
        ("Toyota said output fell. Toyota Motor cut jobs in Japan last year.", "Toyota Motor"),
        (
            "Sony said profits rose. Sony Music signed the band last year, and Sony Music said "
            "the album would come out in May.",
            "Sony Music",
        ),
    ],
)
def test_a_branch_named_after_its_company_stays_a_body(english, gazetteer, text, body):
    assert _actors(english, gazetteer, text)[body] == "organisation"


def test_a_line_of_an_owned_thing_named_alone_is_no_place(english, gazetteer):
    """The first word of a thing its owner names apart ("Nissan's Tucson Vista SUV") is its
    line where only the model's label makes it a place; a place on evidence stays."""
    line = "Nissan showed its new SUV on Monday. Nissan's Tucson Vista SUV seats seven adults. "
    alone = english(line + "Buyers praised the Tucson paint options.")
    assert "Tucson" not in {a.name for a in extract_actors(alone, gazetteer).actors}
    placed = english(line + "The company is based in Tucson, a city near the plant.")
    assert "Tucson" in {a.name for a in extract_actors(placed, gazetteer).actors}
