"""A name the model labels nowhere that the text lists with two bodies or more and nothing
else is a body (`actors/listed_bodies.py`). The model's miss is made by hand: the test drops
the label of one name, as the small model drops it on short company names it has not seen."""

from __future__ import annotations

from generator.analysis.actors import extract_actors


def _kinds_without_the_label_of(english, gazetteer, text: str, unlabelled: str) -> dict[str, str]:
    doc = english(text)
    doc.ents = [ent for ent in doc.ents if ent.text != unlabelled]
    return {actor.name: actor.kind for actor in extract_actors(doc, gazetteer).actors}


def test_an_unlabelled_name_listed_with_bodies_only_is_a_body(english, gazetteer):
    text = "Shares of Apple, Microsoft and QuorvaTech rose on Monday."
    kinds = _kinds_without_the_label_of(english, gazetteer, text, "QuorvaTech")
    assert kinds["QuorvaTech"] == "organisation"


def test_an_unlabelled_name_listed_with_a_person_is_no_body(english, gazetteer):
    text = "Awards went to Apple, Microsoft, Maria Lopez and QuorvaTech on Monday."
    kinds = _kinds_without_the_label_of(english, gazetteer, text, "QuorvaTech")
    assert "QuorvaTech" not in kinds
