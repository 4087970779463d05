"""Names the model ran together over a comma are split where the article names a part alone."""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from generator.analysis.actors.listed import listed_names
from generator.analysis.actors.mentions import Mention
from generator.analysis.language import load_model
from generator.analysis.place_names import place_names


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_model()


def mention(doc: Doc, name: str, at: int) -> Mention:
    span = doc.char_span(at, at + len(name))
    assert span is not None, name
    return Mention(span, "organisation", name, evidence="model ORG")


@pytest.mark.parametrize(
    ("text", "run_together", "alone", "parts"),
    [
        # One part is named alone elsewhere: a list the model labelled as one name.
        (
            "The singer fought Rowan Music, Keller and a fund. Rowan Music said nothing.",
            "Rowan Music, Keller",
            "Rowan Music",
            ["Rowan Music", "Keller"],
        ),
        # Counter-examples: a legal form, a suffix, a firm joined by "&", no part named alone.
        ("She sued Apple, Inc. in May. Apple said nothing.", "Apple, Inc.", "Apple", None),
        (
            "They hired Dorne, Pike, Lark & Webb. Dorne is a partner.",
            "Dorne, Pike, Lark & Webb",
            "Dorne",
            None,
        ),
        ("He met Harlan, Quill Robotics in June.", "Harlan, Quill Robotics", None, None),
    ],
)
def test_a_name_run_over_a_comma_is_split_on_evidence(nlp, text, run_together, alone, parts):
    doc = nlp(text)
    alone_mentions = [] if alone is None else [mention(doc, alone, text.rindex(alone))]
    mentions = [mention(doc, run_together, text.index(run_together)), *alone_mentions]
    found = listed_names(mentions, place_names())
    expected_alone = [] if alone is None else [alone]
    assert [m.key for m in found] == [*(parts or [run_together]), *expected_alone]
