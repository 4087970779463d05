"""An acronym the article only writes modifying a thing's noun ("GSM carriers", "a SIM ejector
pin") names a standard or a technology: marked `UNSHOWN`; one the article writes heading a
phrase, or before a word for its people ("NATO troops", "FBI agents"), is a body's and is
not. A headline of a name and an issue's date names the publication, no actor."""

from __future__ import annotations

from generator.analysis.actors.acronyms import acronyms_as_bodies
from generator.analysis.actors.extract import extract_actors
from generator.analysis.actors.mentions import UNSHOWN
from generator.analysis.actors.weak_names import AN_ACRONYM_OF_A_THING
from generator.corpus.corpus_actors import settle_corpus_actors
from generator.models import Actor, Article, Brief


def _evidence(english, gazetteer, text: str) -> dict[str, tuple[str, ...]]:
    return {a.name: a.evidence for a in extract_actors(english(text), gazetteer).actors}


def test_an_acronym_that_only_modifies_a_things_noun_is_marked(english, gazetteer):
    text = "The new phones work only with GSM carriers such as Verizon and on other GSM networks."
    assert UNSHOWN in _evidence(english, gazetteer, text)["GSM"]


def test_an_acronym_before_a_things_noun_is_marked_beside_a_longer_name(english, gazetteer):
    text = "Buyers get a charger, but the SIM Card and the SIM ejector pin are sold apart."
    assert UNSHOWN in _evidence(english, gazetteer, text)["SIM"]


def test_an_acronym_before_a_word_for_its_people_is_a_body(english, gazetteer):
    text = "NATO troops crossed the border on Monday, officials in Kyiv said."
    assert UNSHOWN not in _evidence(english, gazetteer, text)["NATO"]


def test_an_acronym_that_heads_a_phrase_anywhere_is_a_body(english):
    doc = english("The GSM rules changed. Later the GSM said it would review the rules.")
    assert "GSM" in acronyms_as_bodies(doc)


def test_an_acronym_before_a_persons_name_is_the_persons_employer(english):
    doc = english("On Tuesday CNN anchor Jake Tapper pressed the senator on the vote.")
    assert "CNN" in acronyms_as_bodies(doc)


def test_a_headline_of_a_name_and_an_issues_date_names_the_publication(english, gazetteer):
    doc = english("Start your week with the Opening Call, powered by The Water Tower.")
    names = {
        a.name for a in extract_actors(doc, gazetteer, headline="Opening Call 03.14.20").actors
    }
    kept = {a.name for a in extract_actors(doc, gazetteer, headline="Opening Call, week 3").actors}
    assert "Opening Call" not in names and "Opening Call" in kept


def test_the_corpus_keeps_an_acronym_of_a_thing_another_brief_cards():
    marked = ("model ORG", AN_ACRONYM_OF_A_THING, UNSHOWN)
    rankings = Actor("fifa", "FIFA", "organisation", None, (), 1, (), marked)
    said = Actor("fifa", "FIFA", "organisation", None, (), 2, (), ("model ORG ×2",))
    carriers = Actor("gsm", "GSM", "organisation", None, (), 2, (), marked)
    settled = settle_corpus_actors([_brief("a", rankings, carriers), _brief("b", said)])
    assert [a.name for a in settled[0].actors] == ["FIFA"]


def _brief(slug: str, *actors: Actor) -> Brief:
    article = Article(path=f"{slug}.md", slug=slug, title=slug, paragraphs=("Text.",))
    return Brief(article, "", None, (), actors, (), (), tuple(a.name for a in actors))
