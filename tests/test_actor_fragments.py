"""A fragment of a longer name is no actor of its own: the end of a capitalised name a rule
cut ("Coast" of "Palm Coast"), or a given name the model labelled apart from the person's name
after it ("Kairi" of "Kairi Thomas-Brooks")."""

from __future__ import annotations

from generator.analysis.actors.extract import extract_actors
from generator.analysis.actors.run_on_names import continues_a_name, cut_from_a_persons_name

ROUNDUP = (
    "Lakeview d. Palm Coast 61-50\n\nPalm Coast (0-1): Kairi Thomas-Brooks 18 points.\n\n"
    "Lakeview (1-0): Dana Reyes 20 points."
)


def _span(doc, text: str):
    start = doc.text.index(text)
    return doc.char_span(start, start + len(text))


def test_a_given_name_labelled_apart_from_the_persons_name_is_no_actor(english, gazetteer):
    doc = english(ROUNDUP)
    assert cut_from_a_persons_name(_span(doc, "Kairi"))
    assert not cut_from_a_persons_name(_span(doc, "Dana Reyes"))
    assert "Kairi" not in {a.name for a in extract_actors(doc, gazetteer).actors}


def test_a_body_before_a_one_word_person_is_no_fragment(english):
    doc = english("The contracts went to Brightwell, Halden Works and Lockheed Martin.")
    doc.ents = [
        doc.char_span(doc.text.index("Lockheed"), doc.text.index("Lockheed") + 8, "ORG"),
        doc.char_span(doc.text.index("Martin"), doc.text.index("Martin") + 6, "PERSON"),
    ]
    assert not cut_from_a_persons_name(_span(doc, "Lockheed"))


def test_the_end_of_a_longer_name_continues_it(english):
    doc = english(ROUNDUP)
    assert continues_a_name(_span(doc, "Coast"))
    assert not continues_a_name(_span(doc, "Palm Coast"))
    assert not continues_a_name(_span(doc, "Lakeview"))
