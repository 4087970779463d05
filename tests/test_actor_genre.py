"""The genre of a page decides what a capitalised name is: on a page about made things (its
specifications, prices and headline say so), a name only the model's label types that does
nothing a body or a person does is a thing, marked unshown with the genre in its evidence; a
maker that acts and the name the headline gives keep their cards. A news page keeps them all.
An adjective the model ran into a name that describes the noun after it is no part of it."""

from __future__ import annotations

import importlib.resources

import yaml

from generator.analysis.actors.extract import extract_actors
from generator.analysis.actors.genre import PAGE_GENRES_FILE, genre_of
from generator.analysis.actors.mentions import UNSHOWN

SPEC_PAGE = (
    "Kestrel Motors said the Strada GT goes on sale in March for $41,000. Its 82-kWh battery "
    "feeds two motors that make 340 horsepower, and the top speed is 130 mph. A 14-inch screen "
    "runs Voxa, and an optional Ridgeline pack adds 20-inch wheels for $2,500. Buyers who want "
    "more can order the Vento trim at $47,000, which pairs the battery with a 400 hp setup."
)
NEWS_PAGE = (
    "Kestrel Motors said the Strada GT goes on sale in March for $41,000. An optional Ridgeline "
    "pack adds wheels for $2,500, and buyers can order the Vento trim at $47,000."
)
THINGS = ("Vento", "Voxa")


def _evidence(english, gazetteer, text: str, headline: str) -> dict[str, tuple[str, ...]]:
    index = extract_actors(english(text), gazetteer, headline=headline)
    return {actor.name: actor.evidence for actor in index.actors}


def _is_a_thing(evidence: tuple[str, ...]) -> bool:
    return UNSHOWN in evidence and any(e.startswith("page about made things") for e in evidence)


def test_the_data_files_example_and_counter_example(english):
    resource = importlib.resources.files("generator.analysis") / "data" / PAGE_GENRES_FILE
    data = yaml.safe_load(resource.read_text(encoding="utf-8"))
    example, counter = data["example"], data["counter_example"]
    assert genre_of(english(example["text"]), example["headline"]) is not None
    assert genre_of(english(counter["text"]), counter["headline"]) is None


def test_a_review_headline_with_a_specification_and_prices_says_so(english):
    text = (
        "The Orbit box streams at 4K for $99, and the plan costs $12 a month; the remote is "
        "another $25."
    )
    assert genre_of(english(text), "Orbit box review: a fine start") is not None
    assert genre_of(english(text), "Orbit box sales rise in Europe") is None


def test_on_a_page_about_made_things_a_name_that_does_nothing_is_a_thing(english, gazetteer):
    evidence = _evidence(english, gazetteer, SPEC_PAGE, "The Strada GT is a quick electric coupe")
    assert all(_is_a_thing(evidence[name]) for name in THINGS)
    assert not _is_a_thing(evidence["Kestrel Motors"])  # it says


def test_the_same_names_on_a_news_page_are_no_things(english, gazetteer):
    evidence = _evidence(english, gazetteer, NEWS_PAGE, "The Strada GT is a quick electric coupe")
    assert not any(_is_a_thing(e) for e in evidence.values())


def test_the_name_the_headline_gives_is_the_pages_subject(english, gazetteer):
    evidence = _evidence(english, gazetteer, SPEC_PAGE, "What the Vento trim adds")
    assert not _is_a_thing(evidence["Vento"])
    assert _is_a_thing(evidence["Voxa"])


def test_an_adjective_before_a_name_that_describes_the_noun_after_it(english, gazetteer):
    text = (
        "Recent Halvorsen smart fridges also include a water filter. Halvorsen said the filter "
        "lasts a year."
    )
    names = set(_evidence(english, gazetteer, text, "Fridges that last"))
    assert "Halvorsen" in names
    assert "Recent Halvorsen" not in names


def test_a_body_the_page_names_over_and_over_is_its_subject(english, gazetteer):
    store = (
        " Tarnmart has the coupe at $40,000. The wheels cost less at Tarnmart, the mats are "
        "cheaper at Tarnmart, and the charger is $300 at Tarnmart; the cover is $90 at Tarnmart."
    )
    evidence = _evidence(english, gazetteer, SPEC_PAGE + store, "A quick electric coupe")
    assert not _is_a_thing(evidence["Tarnmart"])
    assert _is_a_thing(evidence["Vento"])
