"""A one-word name the model calls a person only where it does nothing, and labels nothing where
it acts, is a body where no census lists the word (`actors.unlabelled_doers`); on a review page
it is the work's maker, not a name of the work's world (`actors.works`)."""

from __future__ import annotations

from generator.analysis.actors import extract_actors

HEADLINE = "Tidefall review - a slow climb to greatness"


def _actors(english, gazetteer, text, headline=""):
    doc = english(text)
    return {a.name: a for a in extract_actors(doc, gazetteer, headline=headline).actors}


def test_a_studio_that_acts_where_the_model_labels_nothing_is_a_body(english, gazetteer):
    text = (
        "Tidefall is a game about a drowned city, and the game is long. Quillfire just has a "
        "thing for gentle robots, and every robot in the game is a delight. The game is at its "
        "best early, and it is great to see Quillfire offer players "
        "the freedom to explore early. Quillfire clearly needed more time to polish the "
        "combat, which feels stiff. The combat may not be as sharp as the games it borrows "
        "from, but Quillfire dares."
    )
    studio = _actors(english, gazetteer, text, HEADLINE)["Quillfire"]
    assert studio.kind == "organisation"
    assert studio.mentions == 4


def test_a_name_of_the_works_world_that_never_acts_stays_out(english, gazetteer):
    text = (
        "Tidefall is a game about a drowned city. You meet Quillfire early, and the story of "
        "Quillfire is the best part of the game."
    )
    assert "Quillfire" not in _actors(english, gazetteer, text, HEADLINE)
