"""A doc's token lists, text and sentences read once (speed8): each list gives, position by
position, what spaCy's `Token` gives; a span's text and the doc's text are spaCy's own."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

from generator.analysis.token_lists import sentences_of, span_text, text_of, token_lists

TEXTS = [
    "LAGOS, Nigeria (Wirecast) -- The harbour board said on Tuesday it would reopen berth 4.\n\n"
    "  “We are not done,” Ada Obi, its chair, told reporters.  Rates rose 3.5% in 2019!",
    "Cuffed: the 22-year-old striker (FCU) left\tearly.\nHe'll be back, won't he?",
    "",
    "   ",
]
ATTRIBUTES = {
    "text": "text",
    "lower": "lower_",
    "lemma": "lemma_",
    "tag": "tag_",
    "pos": "pos_",
    "dep": "dep_",
    "ent_type": "ent_type_",
    "idx": "idx",
    "is_space": "is_space",
    "is_punct": "is_punct",
    "is_alpha": "is_alpha",
    "is_digit": "is_digit",
    "is_lower": "is_lower",
    "is_title": "is_title",
    "like_num": "like_num",
}


@pytest.fixture(params=TEXTS)
def doc(english, request) -> Doc:
    return english(request.param)


def test_each_list_reads_as_the_token_does(doc):
    tokens = token_lists(doc)
    for name, attribute in ATTRIBUTES.items():
        assert getattr(tokens, name) == [getattr(t, attribute) for t in doc], name
    assert tokens.head == [t.head.i for t in doc]


def test_the_texts_are_spacys(doc):
    assert text_of(doc) == doc.text
    every_span = (doc[a:b] for a in range(len(doc)) for b in range(a, len(doc)))
    spans = [*doc.sents, *doc.ents, *every_span]
    assert [span_text(span) for span in spans] == [span.text for span in spans]
    assert sentences_of(doc) == tuple(doc.sents)


def test_words_and_the_last_token_that_is_no_space(english):
    doc = english("It rained , again .  \n")
    tokens = token_lists(doc)
    assert [doc[i].text for i in tokens.words(doc[:])] == ["It", "rained", "again"]
    assert doc[tokens.last_non_space(doc[:])].text == "."
    assert tokens.last_non_space(doc[len(doc) - 1 :]) is None
