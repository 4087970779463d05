"""A name the model alone called a body is a person's where the text lists its surname with a
person's name; a body the text lists whole with a person stays a body."""

from __future__ import annotations

from spacy.util import filter_spans

from generator.analysis.actors.extract import extract_actors
from generator.analysis.actors.listed_with_people import EVIDENCE


def _labelled(english, text: str, labels: dict[str, str]):
    """The parsed text with the entities the small model gives such names, set by hand: its
    labels of these words vary from one sentence to the next."""
    doc = english(text)
    spans = []
    for name, label in labels.items():
        start = 0
        while (found := doc.text.find(name, start)) >= 0:
            span = doc.char_span(found, found + len(name), label=label)
            assert span is not None, name
            spans.append(span)
            start = found + len(name)
    doc.ents = filter_spans(spans)  # a surname inside a full name: the full name
    return doc


def _kinds(doc, gazetteer) -> dict[str, tuple[str, tuple[str, ...]]]:
    return {a.name: (a.kind, a.evidence) for a in extract_actors(doc, gazetteer).actors}


def test_a_surname_listed_with_a_persons_makes_the_name_a_persons(english, gazetteer):
    doc = _labelled(
        english,
        "The studio signed Dan Ferris and Chris Dorne for the sequel. "
        "Both Ferris and Dorne were paid late, a trade paper said.",
        {"Dan Ferris": "PERSON", "Ferris": "PERSON", "Chris Dorne": "ORG", "Dorne": "ORG"},
    )
    kind, evidence = _kinds(doc, gazetteer)["Chris Dorne"]
    assert kind == "person"
    assert any(EVIDENCE in line for line in evidence)


def test_a_body_listed_whole_with_a_person_stays_a_body(english, gazetteer):
    doc = _labelled(
        english,
        "Analysts at Morgan Stanley cut the target. Jamie Dimon and Morgan Stanley declined to "
        "comment.",
        {"Morgan Stanley": "ORG", "Jamie Dimon": "PERSON"},
    )
    assert _kinds(doc, gazetteer)["Morgan Stanley"][0] == "organisation"
