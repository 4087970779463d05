"""Works, shows, prizes and contests are named, never carded as bodies that act: a name after a
noun for its kind ("the drama series X"), a name ending in one ("the X Prize"), or one the model
labels an event or a law more often than an actor. Bodies beside them stay. Invented sentences,
each checked with the model to label as its comment says."""

from __future__ import annotations

import pytest
from spacy.tokens import Span

from generator.analysis.actors import extract_actors


def names_of(english, gazetteer, text):
    return {actor.name: actor.kind for actor in extract_actors(english(text), gazetteer).actors}


@pytest.mark.parametrize(
    ("text", "work"),
    [
        # The model labels each title ORG.
        ("He hosted the show American Lantern for decades, and ABC aired it.", "American Lantern"),
        (
            "She starred in the film Silent Harbour in 2001, and Miramax released it.",
            "Silent Harbour",
        ),
        # Works after "such as" their kind (ORG), and one named with its own kind (PERSON).
        (
            "He has also made television series such as Studio Bloopers, "
            "Celebrity Rowing and drama Harbour Dreams.",
            "Studio Bloopers",
        ),
        (
            "He has also made television series such as Studio Bloopers, "
            "Celebrity Rowing and drama Harbour Dreams.",
            "Harbour Dreams",
        ),
        # A title's second part after its colon: the model labels it ORG apart.
        (
            "He appeared on US television series Night Court: Harbour Division last year.",
            "Harbour Division",
        ),
        # ... and a contest LOC (a place on main).
        (
            "Dale Rowe won the Northern Championship after a long season, "
            "and Harbour Wanderers finished second.",
            "Northern Championship",
        ),
    ],
)
def test_a_work_or_prize_named_by_its_kind_gets_no_card(english, gazetteer, text, work):
    assert work not in names_of(english, gazetteer, text)


@pytest.mark.parametrize(
    ("text", "body"),
    [
        ("He hosted the show American Lantern for decades, and ABC aired it.", "ABC"),
        ("She starred in the film Silent Harbour in 2001, and Miramax released it.", "Miramax"),
        (
            "Dale Rowe won the Northern Championship after a long season, "
            "and Harbour Wanderers finished second.",
            "Harbour Wanderers",
        ),
    ],
)
def test_the_body_beside_a_work_stays(english, gazetteer, text, body):
    assert names_of(english, gazetteer, text).get(body) == "organisation"


def test_a_person_the_parser_hangs_on_a_works_noun_stays_a_person(english, gazetteer):
    text = "He praised the film Sam Tate directed in the desert. Tate said little."
    assert names_of(english, gazetteer, text).get("Sam Tate") == "person"


def test_a_work_that_acts_elsewhere_keeps_its_card(english, gazetteer):
    # A name after a work's noun that is a verb's subject elsewhere is the story's actor.
    text = "She praised the band Harbour Lights. Harbour Lights said the tour would go on."
    assert "Harbour Lights" in names_of(english, gazetteer, text)


def labelled(english, text, name, labels):
    """The text parsed, with each mention of the name labelled as given, in order."""
    doc = english(text)
    first = name.split()[0]
    starts = [token.i for token in doc if token.text == first]
    kept = [ent for ent in doc.ents if name not in ent.text]
    size = len(name.split())
    named = [
        Span(doc, start, start + size, label=label)
        for start, label in zip(starts, labels, strict=True)
    ]
    doc.ents = sorted(kept + named, key=lambda ent: ent.start)
    return doc


LIGHTS = (
    "Crowds filled Harbour Lights on Friday. Harbour Lights closed at midnight. "
    "Dale Rowe said Harbour Lights was the best yet."
)


def test_a_name_the_model_labels_an_event_more_often_than_a_body_is_no_actor(english, gazetteer):
    doc = labelled(english, LIGHTS, "Harbour Lights", ["EVENT", "EVENT", "ORG"])
    assert "Harbour Lights" not in {actor.name for actor in extract_actors(doc, gazetteer).actors}


def test_a_name_the_model_labels_a_body_more_often_than_an_event_stays(english, gazetteer):
    doc = labelled(english, LIGHTS, "Harbour Lights", ["ORG", "ORG", "EVENT"])
    assert "Harbour Lights" in {actor.name for actor in extract_actors(doc, gazetteer).actors}
