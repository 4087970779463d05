"""The bodies a story quotes or that act in it get cards: a body named in lower case that acts
("the county water board said ...") is an actor by the phrase as written, and "the board"
after it is that body; a body the article quotes is a voice of the story, quoted once or
more; a speaker no actor names that reads as a body's name is an actor. Invented sentences."""

from __future__ import annotations

import pytest

from generator.analysis.actors import extract_actors
from generator.analysis.actors.common_bodies import HEADS_FILE
from generator.analysis.analyse import brief_from_doc
from generator.analysis.one_place import voices
from generator.analysis.quoted_bodies import with_quoted_bodies
from generator.analysis.rule_files import packaged_data
from generator.models import Actor, Article, Brief, Quote


def _names(english, gazetteer, text: str) -> dict[str, Actor]:
    return {a.name: a for a in extract_actors(english(text), gazetteer).actors}


@pytest.mark.parametrize(("name", "sentence"), packaged_data(HEADS_FILE)["examples"])
def test_a_body_named_in_lower_case_that_acts_is_an_actor(english, gazetteer, name, sentence):
    actor = _names(english, gazetteer, sentence)[name]
    assert actor.kind == "organisation"


@pytest.mark.parametrize("sentence", packaged_data(HEADS_FILE)["counter_examples"])
def test_a_bare_or_undescribed_head_names_no_body(english, gazetteer, sentence):
    assert not any("committee" in name for name in _names(english, gazetteer, sentence))


def test_a_lower_case_body_that_only_is_named_is_no_actor(english, gazetteer):
    text = "Residents wrote to the county water board about the leak."
    assert "county water board" not in _names(english, gazetteer, text)


def test_the_head_again_is_the_lower_case_body_and_speaks_for_it(english, gazetteer):
    text = (
        "Farmers petitioned the county water board in March. The board said on Friday that "
        "the reservoir would be refilled before the summer."
    )
    article = Article(path="w.md", slug="w", title="Reservoir", paragraphs=(text,))
    brief = brief_from_doc(article, english(text), gazetteer)
    board = next(a for a in brief.actors if a.name == "county water board")
    assert board.mentions == 2
    assert {q.speaker for q in brief.quotes_found} == {"county water board"}


def test_a_phrase_of_a_named_bodys_words_is_that_body(english, gazetteer):
    text = (
        "The Lakeside Water Board raised its charges. Critics said the water board had "
        "ignored the complaints of farmers for years."
    )
    actors = _names(english, gazetteer, text)
    assert "water board" not in actors
    assert actors["Lakeside Water Board"].mentions == 2


def _brief(actors: tuple[Actor, ...], quotes: tuple[Quote, ...]) -> Brief:
    article = Article(path="a.md", slug="a", title="A", paragraphs=("Text.",))
    return Brief(article, "Text.", None, (), actors, (), quotes, ())


def test_a_body_quoted_once_is_a_voice_but_a_person_named_once_is_not():
    actors = (
        Actor("fen-agency", "Fen Agency", "organisation", None, (), 1),
        Actor("ann-pike", "Ann Pike", "person", None, (), 1),
    )
    quotes = (
        Quote("Flooding will get worse", "", "Fen Agency", "reported", 0),
        Quote("We were lucky", "", "Ann Pike", "direct", 0),
    )
    assert voices(_brief(actors, quotes)) == {"Fen Agency": 1}


SPOKEN = (
    "Chirrup pledged to take firm action. The Office said the office was closed. "
    "Ali*** wrote that the show was fun. Mara Pike said she was pleased."
)


@pytest.mark.parametrize(
    ("speaker", "is_added"),
    [
        ("Chirrup", True),
        ("Office", False),  # a common word the text writes in lower case too
        ("Ali***", False),  # a reviewer the page masks
        ("Mara Pike", False),  # a given name first: a person the actor pass missed
        ("Chirrup and Office", False),  # two speakers
    ],
)
def test_a_speaker_no_actor_names_is_an_actor_where_it_reads_as_a_body(english, speaker, is_added):
    quotes = (Quote("words", "", speaker, "reported", 0),)
    known = (Actor("harbour-town", "Harbour Town", "place", None, (), 1),)
    actors = with_quoted_bodies(known, quotes, (), english(SPOKEN))
    added = {a.name: a for a in actors[1:]}
    assert (speaker in added) == is_added
    if is_added:
        assert added[speaker].kind == "organisation"


def test_a_cited_outlet_is_no_quoted_body(english):
    quotes = (Quote("words", "", "Chirrup", "reported", 0),)
    assert with_quoted_bodies((), quotes, ("Chirrup",), english(SPOKEN)) == ()
