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


def _person(name: str) -> Actor:
    return _actor(name, "person", "model PERSON")


def test_a_product_the_model_calls_a_person_is_no_actor():
    assert _names_left(_person("Zentrix Pad Mini")) == []
    assert _names_left(_person("Zentrix X7")) == []
    # One that acts is still a product: "the Zentrix Pad Mini weighs 300 grams".
    assert _names_left(dataclasses.replace(_person("Zentrix Pad"), actions=("It weighs",))) == []


def test_a_branch_a_person_a_title_a_speaker_or_a_body_stays():
    assert _names_left(_person("Zentrix News")) == ["Zentrix News"]
    assert _names_left(_person("Zentrix North America")) == ["Zentrix North America"]
    assert _names_left(_person("Zentrix Daniel Moore")) == ["Zentrix Daniel Moore"]
    assert _names_left(_person("Zentrix Moore"), makers=3) == ["Zentrix Moore"]
    quoted = dataclasses.replace(_person("Zentrix Pad"), quoted=2)
    assert _names_left(quoted) == ["Zentrix Pad"]
    # The model's body label is as often a company's branch, service or channel ("BBC One").
    assert _names_left(_actor("Zentrix Core")) == ["Zentrix Core"]
    cardinal = [_brief(f"c{n}", _actor("Cardinal")) for n in range(2)]
    wolsey = _brief("w", _person("Cardinal Wolsey"))
    assert settle_corpus_actors([*cardinal, wolsey])[-1].actors == wolsey.actors


def test_a_company_one_brief_names_or_a_persons_first_name_makes_nothing():
    assert _names_left(_person("Zentrix Core"), makers=1) == ["Zentrix Core"]
    makers = [_brief(f"m{n}", MAKER) for n in range(3)]
    people = [_brief(f"p{n}", _person("Zentrix Holm")) for n in range(2)]
    thing = _brief("shop", _person("Zentrix Pad"))
    assert settle_corpus_actors([*makers, *people, thing])[-1].actors == thing.actors


def test_a_maker_found_while_serving_settles_its_products_again():
    kept = ActorsSettled()
    thing = _brief("shop", _person("Zentrix Core"))
    first = settle_corpus_actors([_brief("a", MAKER), thing], kept)
    assert [a.name for a in first[-1].actors] == ["Zentrix Core"]
    corpus = [_brief("a", MAKER), _brief("b", MAKER), thing]
    again = settle_corpus_actors(corpus, kept)
    assert again == settle_corpus_actors(corpus)
    assert again[-1].actors == ()
