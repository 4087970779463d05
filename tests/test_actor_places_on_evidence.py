"""A place is one on a list's or the text's word, not on the model's label alone: a name the
model calls a place that no gazetteer lists and nothing in the text places is marked, and the
corpus drops it unless other briefs say what it is."""

from __future__ import annotations

import pytest

from generator.analysis.actors.extract import extract_actors
from generator.analysis.actors.mentions import UNPLACED
from generator.analysis.place_names import place_names
from generator.corpus.corpus_actors import settle_corpus_actors
from generator.models import Actor, Article, Brief


def _actors(english, gazetteer, text: str) -> dict[str, Actor]:
    return {actor.name: actor for actor in extract_actors(english(text), gazetteer).actors}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "The universe has cooled for billions of years since the Big Bang. Stars formed "
            "long after the Big Bang.",
            "Big Bang",
        ),
        (
            "Our team rated Dashlane among the best password tools. Dashlane offers a free "
            "version of its app.",
            "Dashlane",
        ),
    ],
)
def test_a_place_on_the_models_label_alone_is_marked(english, gazetteer, text, name):
    actor = _actors(english, gazetteer, text)[name]
    assert (actor.kind, UNPLACED in actor.evidence) == ("place", True)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Officials in Xinjiang denied the reports. Xinjiang has hundreds of camps.", "Xinjiang"),
        ("Sales grew fastest in Europe last year, the company said.", "Europe"),
    ],
)
def test_a_place_the_text_or_a_list_places_is_not_marked(english, gazetteer, text, name):
    actor = _actors(english, gazetteer, text)[name]
    assert (actor.kind, UNPLACED in actor.evidence) == ("place", False)


def test_a_bodys_noun_beside_an_unlisted_place_makes_it_a_body(english, gazetteer):
    actors = _actors(
        english, gazetteer, "Keyboard case maker Brydge went back to the drawing board."
    )
    assert actors["Brydge"].kind == "organisation"


def _brief(slug: str, *actors: Actor) -> Brief:
    article = Article(path=f"{slug}.md", slug=slug, title=slug, paragraphs=("Text.",))
    return Brief(article, "", None, (), actors, (), (), tuple(a.name for a in actors))


def _place(name: str, *evidence: str) -> Actor:
    return Actor(name.casefold(), name, "place", None, (), 1, (), evidence)


def test_the_corpus_drops_an_unplaced_place_it_does_not_answer():
    unplaced = _place("Big Bang", "model GPE", UNPLACED)
    settled = settle_corpus_actors([_brief("a", unplaced, _place("Paris", "gazetteer capital"))])
    assert [actor.name for actor in settled[0].actors] == ["Paris"]
    assert settled[0].tags == ("Paris",)


def test_the_corpus_keeps_an_unplaced_name_other_briefs_show():
    unplaced = _place("BT", "model GPE", UNPLACED)
    body = Actor("bt", "BT", "organisation", None, (), 1, (), ("a body's noun beside the name",))
    settled = settle_corpus_actors([_brief("a", unplaced), _brief("b", body)])
    assert settled[0].actors[0].kind == "organisation"
    placed = _place("Europe", "a place word before the name")
    settled = settle_corpus_actors(
        [_brief("c", _place("Europe", "model LOC", UNPLACED)), _brief("d", placed)]
    )
    assert [actor.name for actor in settled[0].actors] == ["Europe"]


@pytest.mark.parametrize(
    ("name", "source"),
    [
        ("Europe", "GeoNames continent"),
        ("Asia", "GeoNames continent"),
        ("Zurich", "ISO 3166-2 canton"),
        ("Yugoslavia", "ISO 3166-3 former country"),
        ("Czechoslovakia", "ISO 3166-3 former country"),
    ],
)
def test_continents_and_places_written_without_accents_are_listed(name, source):
    assert place_names().place_source(name) == source


def test_a_former_country_keeps_its_todays_namesake_apart():
    """ISO 3166-3's "France, Metropolitan" and "Yemen, Democratic" are not former countries."""
    assert place_names().place_source("France") != "ISO 3166-3 former country"
    assert place_names().place_source("Yemen") != "ISO 3166-3 former country"


def test_a_former_country_that_acts_is_a_country(english, gazetteer):
    text = (
        "The Soviet Union opened an embassy in Lima in 1969. Peru bought tanks from the USSR "
        "a few years later."
    )
    actor = _actors(english, gazetteer, text)["Soviet Union"]
    assert actor.kind == "country"


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        (
            "The game maker Argonaut Games said it had cut 100 jobs.",
            "Argonaut Games",
            "organisation",
        ),
        ("Steve Jobs said the phone would ship in June.", "Steve Jobs", "person"),
        # Rare given names and surnames that are plural nouns: both words in the census lists.
        ("The drummer Wes Butters said the band would tour in June.", "Wes Butters", "person"),
        ("The guitarist Mick Mars said he would leave the band.", "Mick Mars", "person"),
    ],
)
def test_a_plural_noun_ends_a_bodys_name_not_a_persons(english, gazetteer, text, name, kind):
    assert _actors(english, gazetteer, text)[name].kind == kind


def test_an_unplaced_place_that_passes_merged_is_still_dropped():
    merged = "merged 'Meth' (person): settle_lone_names, the name's other kind"
    unplaced = _place("Meth", "model GPE ×2", "model PERSON", merged, UNPLACED)
    assert settle_corpus_actors([_brief("a", unplaced)])[0].actors == ()
