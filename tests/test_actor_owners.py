"""A person's name and the name of what they own, run together by the model: the owner is a
person of the story and what follows the "'s" is not the owner's name (`actors/owners.py`,
`name_ends.name_end`). Invented sentences; where the model must label a span one way, the
test sets the label by hand."""

from __future__ import annotations

from spacy.tokens import Span

from generator.analysis.actors import extract_actors


def _actors(gazetteer, doc):
    return {a.name: a for a in extract_actors(doc, gazetteer).actors}


def test_a_name_ends_at_its_own_possessive(english, gazetteer):
    # The model labels "Maria Lopez's" a person; the name is not run on to "Dynatek".
    doc = english("The board hired Maria Lopez's Dynatek last year.")
    actors = _actors(gazetteer, doc)
    assert actors["Maria Lopez"].kind == "person"
    assert "Dynatek" not in actors


def test_an_owner_run_into_a_name_is_a_person_of_the_story(english, gazetteer):
    doc = english("The agency enlisted Acme founder Jane Ostrova's Blue Harbor on Monday.")
    start = next(t.i for t in doc if t.text == "Jane")
    doc.ents = [Span(doc, start, start + 5, label="PERSON")]  # "Jane Ostrova's Blue Harbor"
    actors = _actors(gazetteer, doc)
    assert actors["Jane Ostrova"].kind == "person"
    assert actors["Jane Ostrova"].role == "Acme founder"


def test_a_plural_owner_is_part_of_a_name(english, gazetteer):
    doc = english("The paper quoted the Workers' Daily Herald on Monday.")
    start = next(t.i for t in doc if t.text == "Workers")
    doc.ents = [Span(doc, start, start + 4, label="PERSON")]
    assert "Workers" not in _actors(gazetteer, doc)
