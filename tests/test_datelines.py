"""One dateline reading (`datelines.dateline_of`) for the actors' place and the text's start."""

from __future__ import annotations

import pytest

from generator.analysis.datelines import after_dateline, dateline_of
from generator.analysis.layout import layout_of


@pytest.mark.parametrize(
    ("text", "place", "start"),
    [
        ("OSLO, Norway (Reuters) - The fund sold its shares in the miner.", "OSLO", "The"),
        ("TAMPERE, Oct. 4 (AP) — The council voted to close the old bridge.", "TAMPERE", "The"),
        ("NEW DELHI: Their trip over, the pupils flew home on Monday.", "NEW DELHI", "Their"),
        ("Cork, Ireland (CNN) -- The ferry left the harbour two hours late.", "Cork", "The"),
        # Counter-examples: a label before a dash is no place, though the story starts after it.
        ("UPDATE – The company said it would shut the plant.", None, "The"),
        ("(CNN) -- The ferry left the harbour two hours late.", None, "The"),
    ],
)
def test_a_dateline_gives_its_place_and_where_the_story_starts(english, text, place, start):
    sent = next(iter(english(text).sents))
    dateline = dateline_of(sent)
    assert dateline is not None
    assert (dateline.place.text if dateline.place is not None else None) == place
    # The splitter may make the dateline a sentence of its own: the story is the next one.
    story = after_dateline(sent) if after_dateline(sent) > sent.start else sent.end
    assert sent.doc[story].text == start


def test_a_hyphenated_opening_is_no_dateline(english):
    """A hyphen inside a word joins two names ("EU-Chinese"); a dateline's dash stands apart."""
    sent = next(iter(english("EU-Chinese talks on steel tariffs ended without a deal.").sents))
    assert dateline_of(sent) is None
    assert after_dateline(sent) == sent.start


def test_a_headline_in_capitals_is_no_dateline(english):
    sent = next(iter(english("FOOTBALL - NORWAY BEAT ICELAND IN FRIENDLY.").sents))
    dateline = dateline_of(sent)
    assert dateline is None or dateline.place is None


def test_the_actors_and_the_text_read_the_same_dateline(english):
    """The layout's place is the dateline's: a colon after a place in capitals, which the
    actors' reader missed while the text's read it."""
    doc = english("NEW DELHI: Their trip over, the pupils flew home on Monday.")
    place = layout_of(doc).dateline_place
    assert place is not None and place.text == "NEW DELHI"
    assert doc[after_dateline(next(iter(doc.sents)))].text == "Their"
