"""One list of abbreviated titles (`data/title_abbreviations.yml`) serves the tokenizer, the
names cut from a title's end and the roles spelled out: a title added there works everywhere.
Invented sentences."""

from __future__ import annotations

import pytest

from generator.analysis.abbreviated_titles import (
    LEADING_TITLES,
    abbreviated_title_words,
    title_abbreviations,
)
from generator.analysis.actors import extract_actors


@pytest.mark.parametrize("title", abbreviated_title_words())
def test_each_abbreviated_title_keeps_its_sentence_and_leaves_the_name(english, gazetteer, title):
    doc = english(f"{title} Ray Marsh said on Monday the road would stay closed.")
    assert len(list(doc.sents)) == 1  # the title's full stop ends no sentence
    names = [actor.name for actor in extract_actors(doc, gazetteer).actors]
    assert names == ["Ray Marsh"]


def test_every_word_of_a_title_of_several_abbreviations_is_cut_from_a_name():
    for abbreviation in title_abbreviations():
        words = [word for word in abbreviation.split() if word.endswith(".")]
        assert all(word in LEADING_TITLES for word in words), abbreviation


def test_a_word_of_a_title_a_name_can_open_with_is_not_cut():
    # "Vice Adm." and "Rear Adm." are titles, but "Vice" and "Rear" open names too.
    assert "vice" not in LEADING_TITLES
    assert "rear" not in LEADING_TITLES


def test_a_name_suffix_is_no_title_cut_from_a_name():
    assert "sr." not in LEADING_TITLES
