"""Made things across the corpus: a product named after a company other briefs know is no actor
of the brief that names it alone (`corpus.made_things`)."""

from __future__ import annotations

import dataclasses

from generator.corpus.corpus_actors import ActorsSettled, settle_corpus_actors
from generator.models import Actor, Article, Brief


def _brief(slug: str, *actors: Actor) -> Brief:
    article = Article(path=f"{slug}.md", slug=slug, title=slug, paragraphs=("Text.",))
    return Brief(article, "", None, (), actors, (), (), tuple(a.name for a in actors))


def _actor(name: str, kind: str = "organisation", evidence: str = "model ORG") -> Actor:
    slug = name.casefold().replace(" ", "-")
    return Actor(slug, name, kind, None, (), 1, (), (evidence,))  # type: ignore[arg-type]


MAKER = _actor("Zentrix")


def _names_left(thing: Actor, makers: int = 2) -> list[str]:
    briefs = [*(_brief(f"maker{n}", MAKER) for n in range(makers)), _brief("shop", thing)]
    return [actor.name for actor in settle_corpus_actors(briefs)[-1].actors]


def test_a_product_of_a_company_of_the_corpus_is_no_actor():
    assert _names_left(_actor("Zentrix Pad Mini", "person", "model PERSON")) == []
    assert _names_left(_actor("Zentrix Core")) == []
    assert _names_left(_actor("Zentrix X7")) == []


def test_a_branch_a_person_a_second_company_or_a_doer_stays():
    assert _names_left(_actor("Zentrix News")) == ["Zentrix News"]
    assert _names_left(_actor("Zentrix North America")) == ["Zentrix North America"]
    assert _names_left(_actor("Zentrix Labs")) == ["Zentrix Labs"]
    assert _names_left(_actor("Zentrix Daniel Moore", "person")) == ["Zentrix Daniel Moore"]
    acting = dataclasses.replace(_actor("Zentrix Cloud"), actions=("Zentrix Cloud cut prices",))
    assert _names_left(acting) == ["Zentrix Cloud"]
    shown = _actor("Zentrix Cloud", evidence="rule company-legal-form")
    assert _names_left(shown) == ["Zentrix Cloud"]


def test_a_company_one_brief_names_makes_nothing():
    assert _names_left(_actor("Zentrix Core"), makers=1) == ["Zentrix Core"]


def test_a_maker_found_while_serving_settles_its_products_again():
    kept = ActorsSettled()
    thing = _brief("shop", _actor("Zentrix Core"))
    first = settle_corpus_actors([_brief("a", MAKER), thing], kept)
    assert [a.name for a in first[-1].actors] == ["Zentrix Core"]
    corpus = [_brief("a", MAKER), _brief("b", MAKER), thing]
    again = settle_corpus_actors(corpus, kept)
    assert again == settle_corpus_actors(corpus)
    assert again[-1].actors == ()
