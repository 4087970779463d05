"""One actor per entity across the corpus: lone surnames join the corpus's full name, and a kind
only the model's label gave yields to the kind the other briefs show on evidence."""

from __future__ import annotations

from generator.corpus.corpus_actors import settle_corpus_actors
from generator.models import Actor, Article, Brief


def _brief(slug: str, *actors: Actor) -> Brief:
    article = Article(path=f"{slug}.md", slug=slug, title=slug, paragraphs=("Text.",))
    return Brief(article, "", None, (), actors, (), (), tuple(a.name for a in actors))


def _actor(name: str, kind: str = "person", *evidence: str) -> Actor:
    slug = name.casefold().replace(" ", "-")
    return Actor(slug, name, kind, None, (), 1, (), evidence or ("model PERSON",))  # type: ignore[arg-type]


def test_a_lone_surname_joins_the_one_full_name_of_the_corpus():
    full = _actor("Barack Obama")
    briefs = [_brief("a", full), _brief("b", full), _brief("c", _actor("Obama"))]
    settled = settle_corpus_actors(briefs)[2].actors[0]
    assert (settled.id, settled.name, settled.aliases) == (
        "barack-obama",
        "Barack Obama",
        ("Obama",),
    )
    assert settled.evidence == ("model PERSON", "corpus: the surname of Barack Obama")
    assert settle_corpus_actors(briefs)[2].tags == ("Barack Obama",)


def test_a_surname_two_people_share_stays_alone():
    briefs = [
        _brief("a", _actor("George W. Bush")),
        _brief("b", _actor("George W. Bush")),
        _brief("c", _actor("Jeb Bush")),
        _brief("d", _actor("Bush")),
    ]
    assert settle_corpus_actors(briefs)[3].actors[0].name == "Bush"


def test_a_full_name_in_one_brief_only_takes_no_surname():
    briefs = [_brief("a", _actor("Tony Blair")), _brief("b", _actor("Blair"))]
    assert settle_corpus_actors(briefs)[1].actors[0].name == "Blair"


def test_a_kind_only_the_model_gave_yields_to_the_corpus_kind():
    place = _actor("Wales", "place", "GeoNames town")
    briefs = [
        _brief("a", place),
        _brief("b", place),
        _brief("e", place),
        _brief("c", _actor("Wales", "person", "model PERSON")),
        _brief("d", _actor("Wales", "organisation", "rule team-beats-team")),
    ]
    settled = settle_corpus_actors(briefs)
    assert settled[3].actors[0].kind == "place"
    assert settled[3].actors[0].evidence[-1] == "corpus: 3 of 5 briefs type it place"
    # A kind a brief shows on evidence of its own stands.
    assert settled[4].actors[0].kind == "organisation"


def test_without_evidence_the_model_label_of_most_briefs_wins():
    body = _actor("BBC News", "organisation", "model ORG")
    briefs = [_brief("a", body), _brief("b", body), _brief("c", _actor("BBC News", "person"))]
    settled = settle_corpus_actors(briefs)
    assert [b.actors[0].kind for b in settled] == ["organisation"] * 3
    assert settled[2].actors[0].evidence[-1] == "corpus: 2 of 3 briefs type it organisation"


def test_a_kind_shown_on_evidence_somewhere_stands_in_every_brief():
    body = _actor("BBC News", "organisation", "model ORG")
    shown = _actor("BBC News", "person", "a person's title beside the name")
    person = _actor("BBC News", "person", "model PERSON")
    briefs = [_brief("a", body), _brief("b", body), _brief("c", shown), _brief("d", person)]
    settled = settle_corpus_actors(briefs)
    assert [b.actors[0].kind for b in settled] == ["organisation", "organisation"] + ["person"] * 2


def test_a_surname_beside_its_full_name_in_one_brief_keeps_the_kinds_settled():
    full = _actor("Barack Obama")
    place = _actor("Wales", "place", "GeoNames town")
    briefs = [
        _brief("a", full, place),
        _brief("b", full, place),
        _brief("c", full, _actor("Obama"), _actor("Wales", "person", "model PERSON")),
    ]
    settled = settle_corpus_actors(briefs)[2].actors
    assert [(a.name, a.kind) for a in settled] == [
        ("Barack Obama", "person"),
        ("Obama", "person"),
        ("Wales", "place"),
    ]
