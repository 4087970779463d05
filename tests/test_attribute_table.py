"""The attribute rules as a table give what spaCy's attribute ruler gives, token for token."""

from __future__ import annotations

import gzip
import json

import numpy
import pytest
from spacy.attrs import DEP, LEMMA, MORPH, POS, TAG  # type: ignore[import-not-found]
from spacy.language import Language

from generator.analysis.attribute_table import AttributeTable, tabulate_attribute_rules
from generator.analysis.language import load_plain_model
from tests.prerequisites import missing

SET_ATTRIBUTES = [POS, MORPH, LEMMA, TAG, DEP]
NEWS_ARTICLES = 30
ODD_TEXTS = [
    "",
    " ",
    "\n\n",
    "Y'all gonna love it, c'mon! Let's go: nothin' ain't wrong, we gotta win.",
    "It is what it is.  \n There is a cat, and there are two dogs; I've seen them.",
    "Which of these do you want? That one, not this. He gets what he got.",
    "They said that if it rains, the match won't start till noon, though we'd hoped so.",
]


@pytest.fixture(scope="module")
def two_pipelines() -> tuple[Language, Language]:
    ruled, tabled = load_plain_model(), load_plain_model()
    if "attribute_ruler" not in ruled.pipe_names:
        missing("a model with an attribute ruler (en_core_web_sm)")
    tabulate_attribute_rules(tabled)
    return ruled, tabled


def _news_texts() -> list[str]:
    from benchmarks.common import DEFAULT_EVAL_DIR

    path = DEFAULT_EVAL_DIR / "bbc_news.jsonl.gz"
    if not path.is_file():
        missing(f"the evaluation data {path} (../shared/eval beside the project)")
    with gzip.open(path, "rt", encoding="utf-8") as lines:
        records = [json.loads(line) for _, line in zip(range(NEWS_ARTICLES), lines, strict=False)]
    return [record.get("article") or record.get("text") or "" for record in records]


def test_the_ruler_is_replaced_in_place(two_pipelines):
    ruled, tabled = two_pipelines
    assert tabled.pipe_names == ruled.pipe_names
    assert isinstance(tabled.get_pipe("attribute_ruler"), AttributeTable)


def test_the_table_sets_what_the_ruler_sets_on_news_and_odd_text(two_pipelines):
    ruled, tabled = two_pipelines
    texts = _news_texts() + ODD_TEXTS
    for text, by_ruler, by_table in zip(texts, ruled.pipe(texts), tabled.pipe(texts), strict=True):
        expected, got = by_ruler.to_array(SET_ATTRIBUTES), by_table.to_array(SET_ATTRIBUTES)
        assert numpy.array_equal(expected, got), text[:80]
        assert [str(t.morph) for t in by_ruler] == [str(t.morph) for t in by_table], text[:80]


def test_a_later_rule_overrides_an_earlier_one_as_in_the_ruler(two_pipelines):
    # "is" is a verb by the tag map and an auxiliary by a later word rule.
    _, tabled = two_pipelines
    doc = tabled("The plan is ready.")
    assert doc[2].pos_ == "AUX" and doc[2].lemma_ == "be"


def test_rules_of_two_tokens_set_the_token_at_their_index(two_pipelines):
    ruled, tabled = two_pipelines
    text = "We are gonna see whether y'all come."
    assert [t.lemma_ for t in tabled(text)] == [t.lemma_ for t in ruled(text)]
    assert tabled(text)[3].lemma_ == "to"  # "na" of "gonna"


def _table_of(rules: list[tuple[list[list[dict]], dict, int]], vocab) -> AttributeTable:
    from spacy.pipeline import AttributeRuler

    ruler = AttributeRuler(vocab)
    for patterns, attrs, index in rules:
        ruler.add(patterns=patterns, attrs=attrs, index=index)
    table = AttributeTable(vocab)
    table.take_rules_of(ruler)
    return table


def test_a_rule_of_two_tokens_and_a_rule_of_one_keep_the_rulers_order(two_pipelines):
    from spacy.tokens import Doc

    vocab = two_pipelines[1].vocab
    two_words = [[{"LOWER": "hand"}, {"LOWER": "over"}]]
    one_word = [[{"TAG": "RP"}]]
    earlier_pair = _table_of(
        [(two_words, {"LEMMA": "pair"}, 1), (one_word, {"LEMMA": "particle"}, 0)], vocab
    )
    later_pair = _table_of(
        [(one_word, {"LEMMA": "particle"}, 0), (two_words, {"LEMMA": "pair"}, 1)], vocab
    )
    words, tags = (
        ["Hand", "over", "the", "keys", "over", "there"],
        ["VB", "RP", "DT", "NNS", "RP", "RB"],
    )
    first = earlier_pair(Doc(vocab, words=words, tags=tags))
    second = later_pair(Doc(vocab, words=words, tags=tags))
    assert [t.lemma_ for t in first][1::3] == ["particle", "particle"]
    assert [t.lemma_ for t in second][1::3] == ["pair", "particle"]


def test_words_no_rule_names_are_ruled_alike_under_one_key(two_pipelines):
    from spacy.tokens import Doc

    vocab = two_pipelines[1].vocab
    table = _table_of(
        [([[{"TAG": "NN"}]], {"POS": "NOUN"}, 0), ([[{"LOWER": "kettle"}]], {"POS": "X"}, 0)], vocab
    )
    doc = table(Doc(vocab, words=["kettle", "teapot", "saucer"], tags=["NN", "NN", "NN"]))
    assert [t.pos_ for t in doc] == ["X", "NOUN", "NOUN"]
    assert len(table.outcomes) == 2  # "teapot" and "saucer" share the stand-in's key
