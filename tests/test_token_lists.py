"""A doc's token lists, text and sentences read once (speed8): each list gives, position by
position, what spaCy's `Token` gives; a span's text and the doc's text are spaCy's own."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

from generator.analysis.token_lists import (
    once_a_doc,
    once_a_span,
    sentences_of,
    span_text,
    text_of,
    token_lists,
)

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
    "is_upper": "is_upper",
    "is_stop": "is_stop",
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


def test_children_and_subtrees_are_spacys(doc):
    """Read from the heads column (speed9): the same tokens as spaCy's, a subtree in no order."""
    tokens = token_lists(doc)
    for token in doc:
        assert tokens.children[token.i] == [child.i for child in token.children]
        assert sorted(tokens.subtree(token.i)) == sorted(t.i for t in token.subtree)


def test_an_answer_is_found_once_a_span_and_arguments(english):
    asked: list[tuple[int, int, bool]] = []

    @once_a_span
    def words(span, lower=False):
        asked.append((span.start, span.end, lower))
        return [t.lower_ if lower else t.text for t in span]

    doc = english("Kites flew high. Then the wind dropped.")
    first, second = doc.sents
    assert words(first) == ["Kites", "flew", "high", "."]
    assert words(first) == ["Kites", "flew", "high", "."]
    assert words(first, lower=True)[0] == "kites"
    assert words(second)[0] == "Then"
    assert words(english("Kites flew high.")[:])[0] == "Kites"  # another doc: asked anew
    assert asked == [(0, 4, False), (0, 4, True), (4, 9, False), (0, 4, False)]


def test_an_answer_is_found_once_a_doc_even_when_it_is_none(english):
    asked: list[str] = []

    @once_a_doc
    def first_question(doc):
        asked.append(doc.text)
        return next((s for s in doc.sents if s.text.endswith("?")), None)

    plain = english("Ferries ran late. Nobody asked why.")
    asking = english("Ferries ran late. Who knew?")
    assert first_question(plain) is None
    assert first_question(plain) is None  # None is kept too, not asked again
    assert first_question(asking).text == "Who knew?"
    assert first_question(asking).text == "Who knew?"
    assert asked == [plain.text, asking.text]
