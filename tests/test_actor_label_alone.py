"""Names only the model's label types: a person or body of ordinary words that does and is called
nothing is not shown unless the corpus shows it on evidence; a preposition that completes its
word places nothing; a title-cased word is no country's code; a plural noun before "'s" is a word
of the name."""

from __future__ import annotations

import dataclasses
import importlib.resources

import pytest
import yaml

from generator.analysis.actors.extract import extract_actors
from generator.analysis.actors.mentions import UNSHOWN, after_place_preposition
from generator.analysis.actors.weak_names import is_made_of_ordinary_words
from generator.analysis.place_names import place_names
from generator.corpus.corpus_actors import settle_corpus_actors
from generator.models import Actor, ActorKind, Article, Brief, Quote

PREPOSITIONS = yaml.safe_load(
    (
        importlib.resources.files("generator.analysis") / "data" / "prepositions_that_complete.yml"
    ).read_text(encoding="utf-8")
)


def _placed_by_its_preposition(english, case: dict[str, str]) -> bool:
    doc = english(case["text"])
    start = next(token.i for token in doc if token.text == case["name"])
    return after_place_preposition(doc[start : start + 1])


@pytest.mark.parametrize("entry", PREPOSITIONS, ids=[entry["name"] for entry in PREPOSITIONS])
def test_a_preposition_that_completes_its_word_places_nothing(english, entry):
    assert not _placed_by_its_preposition(english, entry["example"])
    assert _placed_by_its_preposition(english, entry["counter_example"])


def _actor(name: str, kind: ActorKind, *evidence: str) -> Actor:
    slug = name.casefold().replace(" ", "-")
    return Actor(slug, name, kind, None, (), 1, (), evidence or (f"model {kind}",))


@pytest.mark.parametrize(
    ("name", "kind", "is_ordinary"),
    [
        ("Mortal Combat", "person", True),
        ("Questioning Lambert", "person", True),
        ("Neural Engine", "organisation", True),
        ("Severine Potty", "person", False),  # a given name no census lists, then a word
        ("Belgian Prince Aldo", "person", False),  # a demonym first
        ("Kamala Harris", "person", False),
        ("Federal Reserve", "organisation", False),  # a body's word
        ("National Highway Traffic Safety Administration", "organisation", False),
        ("T-Mobile", "organisation", False),  # coined
        ("NASA", "organisation", False),
        ("Pixar", "organisation", False),
    ],
)
def test_a_name_of_ordinary_words(gazetteer, name, kind, is_ordinary):
    actor = _actor(name, kind)
    assert is_made_of_ordinary_words(actor, place_names(), gazetteer) is is_ordinary


def test_a_thing_the_model_calls_a_person_is_marked_and_a_company_is_not(english, gazetteer):
    text = (
        "Fans of Mortal Combat will like this one, a reviewer wrote. The carrier deal covers "
        "AT&T and Verizon, and Sprint users pay less."
    )
    evidence = {a.name: a.evidence for a in extract_actors(english(text), gazetteer).actors}
    assert UNSHOWN in evidence["Mortal Combat"]
    # One plain word the article never writes in lower case may be a company's name.
    assert UNSHOWN not in evidence["Sprint"]


def _brief(slug: str, *actors: Actor) -> Brief:
    article = Article(path=f"{slug}.md", slug=slug, title=slug, paragraphs=("Text.",))
    return Brief(article, "", None, (), actors, (), (), tuple(a.name for a in actors))


def test_the_corpus_drops_an_unshown_actor_unless_a_brief_shows_it():
    unshown = _actor("Neural Engine", "organisation", "model ORG", UNSHOWN)
    shown = _actor("Neural Engine", "organisation", "a body's name, an institution word")
    alone = settle_corpus_actors([_brief("a", unshown)])[0]
    assert alone.actors == ()
    assert alone.tags == ()
    known = settle_corpus_actors([_brief("a", unshown), _brief("b", shown)])[0]
    assert [a.name for a in known.actors] == ["Neural Engine"]


def test_the_corpus_keeps_an_unshown_actor_the_brief_quotes():
    speaker = _actor("Mortal Combat", "person", "model PERSON", UNSHOWN)
    quote = Quote("It was fun", "It was fun, Mortal Combat said", "Mortal Combat", "direct", 0)
    brief = dataclasses.replace(_brief("a", speaker), quotes_found=(quote,))
    assert [a.name for a in settle_corpus_actors([brief])[0].actors] == ["Mortal Combat"]


@pytest.mark.parametrize(
    ("text", "country"),
    [
        # A product's name on a line of its own, in title case.
        ("Our picks\n\nNorvale 30W Power Delivery Car Charger\n\nIt came out in 2019.", None),
        ("The talks in the Uk ended on Monday, officials said.", "United Kingdom"),
        ("Peacekeepers left the CAR in March, the ministry said.", "Central African Republic"),
    ],
)
def test_a_title_cased_word_is_no_countrys_code(english, gazetteer, text, country):
    countries = [
        a.name for a in extract_actors(english(text), gazetteer).actors if a.kind == "country"
    ]
    assert countries == ([country] if country else [])


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("State newspaper People's Daily said on Monday that the plan worked.", "People's Daily"),
        ("The Farmers' Union said prices fell in May.", "Farmers' Union"),
        ("Elon Musk's SpaceX launched a rocket on Friday.", "Elon Musk"),
    ],
)
def test_a_plural_noun_before_its_possessive_is_a_word_of_the_name(english, gazetteer, text, name):
    names = [a.name for a in extract_actors(english(text), gazetteer).actors]
    assert name in names
