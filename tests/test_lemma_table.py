"""The lemmatizer asked once per kind of token gives what spaCy's lemmatizer gives, token for
token."""

from __future__ import annotations

import pytest
from spacy.language import Language

from generator.analysis.language import load_plain_model
from generator.analysis.lemma_table import LemmaTable, tabulate_lemmas
from tests.prerequisites import missing
from tests.test_attribute_table import ODD_TEXTS, _news_texts

OWN_TEXTS = [
    "The ministers were meeting again; they met twice last week and will meet on Friday.",
    "Her children's shoes are better than the ones the twins wore, said the shopkeepers.",
    "Running costs rose, and the runners ran faster than the best-known runner had run.",
    "Meeting notes: the meeting ended. Left-wing MPs left; the leaves fell as he leaves.",
]


@pytest.fixture(scope="module")
def two_pipelines() -> tuple[Language, Language]:
    lemmatized, tabled = load_plain_model(), load_plain_model()
    if "lemmatizer" not in lemmatized.pipe_names:
        missing("a model with a lemmatizer (en_core_web_sm)")
    tabulate_lemmas(tabled)
    return lemmatized, tabled


def test_the_lemmatizer_is_replaced_in_place(two_pipelines):
    lemmatized, tabled = two_pipelines
    assert tabled.pipe_names == lemmatized.pipe_names
    assert isinstance(tabled.get_pipe("lemmatizer"), LemmaTable)


def test_the_table_gives_the_lemmatizers_lemmas_on_news_and_odd_text(two_pipelines):
    lemmatized, tabled = two_pipelines
    texts = OWN_TEXTS + _news_texts() + ODD_TEXTS
    for text, expected, got in zip(texts, lemmatized.pipe(texts), tabled.pipe(texts), strict=True):
        assert [t.lemma_ for t in got] == [t.lemma_ for t in expected], text[:80]


def test_one_word_gets_the_lemma_of_its_part_of_speech_in_each_place(two_pipelines):
    # "leaves" is a plural noun, then a verb: one word, two lemmas, though the table asked
    # the lemmatizer about the word once for each part of speech.
    _, tabled = two_pipelines
    doc = tabled("The leaves fell when he leaves.")
    assert doc[1].lemma_ == "leaf" and doc[5].lemma_ == "leave"


def test_a_lemma_the_attribute_rules_set_is_kept(two_pipelines):
    # The attribute rules give "na" of "gonna" the lemma "to"; the lemmatizer must not redo it.
    _, tabled = two_pipelines
    assert tabled("We are gonna see.")[3].lemma_ == "to"
