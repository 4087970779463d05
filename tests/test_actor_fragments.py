"""A fragment of a longer name is no actor of its own: the end of a capitalised name a rule
cut ("Shore" of "Palm Shore"), or a given name the model labelled apart from the person's name
after it ("Kairo" of "Kairo Lane-Whitby")."""

from __future__ import annotations

from generator.analysis.actors.extract import extract_actors
from generator.analysis.actors.run_on_names import continues_a_name, cut_from_a_persons_name

ROUNDUP = (
    "Lakeview d. Palm Shore 61-50\n\nPalm Shore (0-1): Kairo Lane-Whitby 14 points.\n\n"
    "Lakeview (1-0): Dana Reyes 20 points."
)


def _span(doc, text: str, label: str = ""):
    start = doc.text.index(text)
    return doc.char_span(start, start + len(text), label=label)


def _labelled(english, text: str, labels: dict[str, str]):
    """The parsed text with the entities the small model gives such names on real pages, set
    by hand: its labels of invented names vary from one sentence to the next."""
    doc = english(text)
    given = [_span(doc, name, label) for name, label in labels.items()]
    taken = {i for span in given for i in range(span.start, span.end)}
    kept = [ent for ent in doc.ents if not taken & set(range(ent.start, ent.end))]
    doc.ents = sorted(kept + given, key=lambda span: span.start)
    return doc


def test_a_given_name_labelled_apart_from_the_persons_name_is_no_actor(english, gazetteer):
    doc = _labelled(english, ROUNDUP, {"Kairo": "ORG", "Lane-Whitby 14": "PERSON"})
    assert cut_from_a_persons_name(_span(doc, "Kairo"))
    assert not cut_from_a_persons_name(_span(doc, "Dana Reyes"))
    assert "Kairo" not in {a.name for a in extract_actors(doc, gazetteer).actors}


def test_a_body_before_a_one_word_person_is_no_fragment(english):
    doc = _labelled(
        english,
        "The contracts went to Brightwell, Halden Works and Lockheed Martin.",
        {"Lockheed": "ORG", "Martin": "PERSON"},
    )
    assert not cut_from_a_persons_name(_span(doc, "Lockheed"))


def test_the_end_of_a_longer_name_continues_it(english):
    doc = english(ROUNDUP)
    assert continues_a_name(_span(doc, "Shore"))
    assert not continues_a_name(_span(doc, "Palm Shore"))
    assert not continues_a_name(_span(doc, "Lakeview"))
