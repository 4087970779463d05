"""One actor per entity across the corpus: lone surnames join the corpus's full name, and a kind
only the model's label gave yields to the kind the other briefs show on evidence."""

from __future__ import annotations

import dataclasses

import pytest
from hypothesis import given
from hypothesis import strategies as st

from generator.corpus.actor_tally import Tally, tally_of
from generator.corpus.corpus_actors import ActorsSettled, settle_corpus_actors
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
    place = _actor("Wales", "place", "a place noun beside the name")
    briefs = [
        _brief("a", place),
        _brief("b", place),
        _brief("e", place),
        _brief("c", _actor("Wales", "person", "model PERSON")),
        _brief("d", _actor("Wales", "organisation", "rule team-beats-team")),
    ]
    settled = settle_corpus_actors(briefs)
    assert settled[3].actors[0].kind == "place"
    assert settled[3].actors[0].evidence[-1] == "corpus: 3 of 5 briefs type it place on evidence"
    # A kind a brief shows on evidence of its own stands.
    assert settled[4].actors[0].kind == "organisation"


def test_without_evidence_the_model_label_of_most_briefs_wins():
    body = _actor("BBC News", "organisation", "model ORG")
    briefs = [_brief("a", body), _brief("b", body), _brief("c", _actor("BBC News", "person"))]
    settled = settle_corpus_actors(briefs)
    assert [b.actors[0].kind for b in settled] == ["organisation"] * 3
    assert settled[2].actors[0].evidence[-1] == (
        "corpus: 2 of 3 briefs type it organisation by the model's label"
    )


def test_on_a_tie_the_kind_shown_on_evidence_wins():
    body = _actor("BBC News", "organisation", "model ORG")
    shown = _actor("BBC News", "person", "a person's title beside the name")
    person = _actor("BBC News", "person", "model PERSON")
    briefs = [_brief("a", body), _brief("b", body), _brief("c", shown), _brief("d", person)]
    settled = settle_corpus_actors(briefs)
    assert [b.actors[0].kind for b in settled] == ["person"] * 4


def test_one_brief_evidence_stands_alone_beside_many_briefs_labels():
    body = _actor("Intel", "organisation", "model ORG")
    shown = _actor("Intel", "person", "a person's title beside the name")
    briefs = [_brief(s, body) for s in "abcd"] + [_brief("e", shown)]
    settled = settle_corpus_actors(briefs)
    assert [b.actors[0].kind for b in settled] == ["organisation"] * 4 + ["person"]


def test_two_kinds_shown_on_evidence_both_stand():
    place = _actor("England", "place", "gazetteer name")
    team = _actor("England", "organisation", "rule team-beats-team")
    briefs = [_brief("a", place), _brief("b", place), _brief("c", team)]
    settled = settle_corpus_actors(briefs)
    assert [b.actors[0].kind for b in settled] == ["place", "place", "organisation"]


def test_a_tie_of_model_labels_settles_by_mentions():
    person = dataclasses.replace(_actor("Britney Spears"), mentions=3)
    body = _actor("Britney Spears", "organisation", "model ORG")
    briefs = [_brief("a", body), _brief("b", person)]
    settled = settle_corpus_actors(briefs)
    assert [b.actors[0].kind for b in settled] == ["person", "person"]
    assert settled[0].actors[0].evidence[-1] == (
        "corpus: 1 of 2 briefs type it person by the model's label"
    )


def test_a_surname_beside_its_full_name_in_one_brief_keeps_the_kinds_settled():
    full = _actor("Barack Obama")
    place = _actor("Wales", "place", "a place noun beside the name")
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


def test_a_common_name_alone_is_its_brief_own_actor():
    briefs = [_brief("a", _actor("Miller")), _brief("b", _actor("Miller"))]
    settled = settle_corpus_actors(briefs)
    assert [b.actors[0].id for b in settled] == ["miller-in-a", "miller-in-b"]
    assert settled[0].actors[0].evidence[-1] == "corpus: a common name alone, this brief's own"


def test_a_body_many_countries_have_named_without_its_country_is_its_brief_own_actor():
    senate = _actor("Senate", "organisation", "model ORG")
    qualified = _actor("Senate of Nigeria", "organisation", "model ORG")
    briefs = [_brief("a", senate), _brief("b", senate, qualified)]
    settled = settle_corpus_actors(briefs)
    assert [a.id for b in settled for a in b.actors] == [
        "senate-in-a",
        "senate-in-b",
        "senate-of-nigeria",
    ]


def test_a_rare_single_name_and_a_registered_one_stay_corpus_actors():
    briefs = [
        _brief("a", _actor("Yudhoyono"), _actor("Miller", "person", "registry")),
        _brief("b", _actor("Yudhoyono")),
    ]
    settled = settle_corpus_actors(briefs)
    assert [a.id for a in settled[0].actors] == ["yudhoyono", "miller"]


def test_a_surname_several_people_of_the_corpus_share_is_its_brief_own_actor():
    briefs = [
        _brief("a", _actor("Sarah Palin")),
        _brief("b", _actor("Michael Palin")),
        _brief("c", _actor("Palin")),
        _brief("d", _actor("Palin")),
    ]
    settled = settle_corpus_actors(briefs)
    assert [b.actors[0].id for b in settled[2:]] == ["palin-in-c", "palin-in-d"]
    assert settled[2].actors[0].evidence[-1] == (
        "corpus: a surname several people share, this brief's own"
    )


def test_a_brief_evidence_outweighs_up_to_three_briefs_labels():
    called_a_body = _actor("Ericsson", "organisation", "settle_lone_names, called a body")
    labelled = _actor("Ericsson", "person", "model PERSON")
    briefs = [_brief(s, called_a_body) for s in "ab"] + [_brief(s, labelled) for s in "cdef"]
    settled = settle_corpus_actors(briefs)
    assert [b.actors[0].kind for b in settled] == ["organisation"] * 6
    assert (
        settled[-1].actors[0].evidence[-1]
        == "corpus: 2 of 6 briefs type it organisation on evidence"
    )


def test_a_merge_of_a_names_mentions_is_no_evidence_of_its_kind():
    merged = _actor(
        "Auschwitz",
        "person",
        "model PERSON ×2",
        "merged 'Auschwitz' (organisation): one_kind_per_name, the kind the text shows",
        "model ORG",
    )
    body = _actor("Auschwitz", "organisation", "model ORG")
    briefs = [_brief("a", merged), _brief("b", body), _brief("c", body)]
    assert [b.actors[0].kind for b in settle_corpus_actors(briefs)] == ["organisation"] * 3


@pytest.mark.parametrize(
    ("name", "kind", "cue", "label"),
    [
        # "a person's title beside" Sky once: 3 + 1 + 1 for a person against 6 for a body.
        ("Sky", "person", "a person's title beside the name", "model PERSON"),
        # BBC: "BT" a place by a place word once, by the model's GPE alone twice.
        ("BT", "place", "a place word in or after the name", "model GPE"),
    ],
)
def test_one_brief_evidence_keeps_that_brief_only_apart_from_the_corpus(name, kind, cue, label):
    shown, labelled = _actor(name, kind, cue), _actor(name, kind, label)
    body = _actor(name, "organisation", "model ORG")
    briefs = [_brief("a", shown), _brief("b", labelled), _brief("c", labelled)]
    briefs += [_brief(s, body) for s in "defghi"]
    settled = settle_corpus_actors(briefs)
    # The six bodies stay bodies; the brief that shows evidence keeps its kind, the two
    # labelled so alone take the corpus's body.
    assert [b.actors[0].kind for b in settled] == [kind] + ["organisation"] * 8
    assert settled[1].actors[0].evidence[-1] == (
        "corpus: 6 of 9 briefs type it organisation by the model's label"
    )


def test_a_list_alone_weighs_as_the_models_label():
    town = _actor("Elche", "place", "model GPE, listed: GeoNames city")
    club = _actor("Elche", "organisation", "model ORG")
    briefs = [_brief("a", town), _brief("b", club), _brief("c", club)]
    settled = settle_corpus_actors(briefs)
    assert [b.actors[0].kind for b in settled] == ["organisation"] * 3


def test_a_surname_taking_its_full_names_kind_shows_no_kind():
    villa = _actor("Aston Villa", "person", "model PERSON", "the surname of a full name ×2")
    club = _actor("Aston Villa", "organisation", "model ORG")
    briefs = [_brief("a", villa), _brief("b", club), _brief("c", club)]
    settled = settle_corpus_actors(briefs)
    assert [b.actors[0].kind for b in settled] == ["organisation"] * 3
    assert settled[0].actors[0].evidence[-1] == (
        "corpus: 2 of 3 briefs type it organisation by the model's label"
    )


def test_on_a_tie_of_labels_the_kind_a_list_confirms_wins():
    town = _actor("Brighton", "place", "model GPE, listed: GeoNames town")
    person = dataclasses.replace(_actor("Brighton", "person", "model PERSON"), mentions=3)
    briefs = [_brief("a", town), _brief("b", person)]
    settled = settle_corpus_actors(briefs)
    assert [b.actors[0].kind for b in settled] == ["place", "place"]


def test_a_rebuild_settles_again_only_the_briefs_whose_answers_moved():
    full, lone = _actor("Barack Obama"), _actor("Obama")
    kept = ActorsSettled()
    corpus = [_brief("a", full), _brief("b", full), _brief("c", lone), _brief("d", _actor("Kim"))]
    first = settle_corpus_actors(corpus, kept)
    # Another Obama named in full: "Obama" alone no longer stands for Barack Obama only.
    edited = [*corpus[:3], _brief("d", _actor("Kim"), _actor("Michelle Obama"))]
    again = settle_corpus_actors(edited, kept)
    assert again == settle_corpus_actors(edited)
    assert again[0].actors is first[0].actors
    assert again[2].actors[0].id == "obama-in-c"
    assert first[2].actors[0].id == "barack-obama"


NAMES = (
    "Barack Obama", "Michelle Obama", "Obama", "Bush", "Jeb Bush", "Wales", "David", "Nasa",
    "Nasa Rover Two",
)  # fmt: skip
EVIDENCE = ("model PERSON", "model GPE, listed: GeoNames town", "rule: a title", "registry")
ACTORS = st.builds(
    lambda name, kind, evidence, mentions: dataclasses.replace(
        _actor(name, kind, evidence), mentions=mentions
    ),
    st.sampled_from(NAMES),
    st.sampled_from(["person", "organisation", "place", "country"]),
    st.sampled_from(EVIDENCE),
    st.integers(1, 3),
)
CORPORA = st.dictionaries(
    st.sampled_from(["a", "b", "c", "d", "e", "f"]),
    st.lists(ACTORS, max_size=4, unique_by=lambda actor: actor.id),
    min_size=1,
)


@given(st.lists(CORPORA, min_size=1, max_size=5))
def test_settling_kept_from_build_to_build_equals_settling_from_scratch(builds):
    # Each build edits, adds and removes briefs at random: what a served rebuild settles is
    # what a build from scratch settles, brief for brief.
    kept = ActorsSettled()
    for casts in builds:
        corpus = [_brief(slug, *actors) for slug, actors in sorted(casts.items())]
        assert settle_corpus_actors(corpus, kept) == settle_corpus_actors(corpus)


EDITS = st.lists(
    st.tuples(st.integers(0, 5), st.lists(ACTORS, max_size=4, unique_by=lambda a: a.id)),
    min_size=1,
    max_size=6,
)


def _counted(tally: Tally) -> tuple[object, ...]:
    """Everything settling reads of a tally, order aside."""
    kinds = {
        actor_id: {kind: dataclasses.astuple(seen) for kind, seen in seen_as.items()}
        for actor_id, seen_as in tally.kinds.items()
    }
    people = {person_id: tally.person(person_id) for person_id in tally.people_at}
    names = {surname: dict(ids) for surname, ids in tally.full_names.items()}
    return (names, kinds, tally.shown, tally.listed, people, tally.lone)


@given(CORPORA, EDITS)
def test_a_kept_tally_counts_only_the_edited_briefs_again_and_equals_a_count_from_scratch(
    casts, edits
):
    # `briefs serve`: the same briefs in the same order, one edited at a time, the others the
    # very same objects: the edited brief's count is taken out and its new one added.
    corpus = [_brief(slug, *actors) for slug, actors in sorted(casts.items())]
    kept = ActorsSettled()
    settle_corpus_actors(corpus, kept)
    for position, actors in edits:
        edited = corpus[position % len(corpus)].article.slug
        corpus = [_brief(edited, *actors) if b.article.slug == edited else b for b in corpus]
        assert settle_corpus_actors(corpus, kept) == settle_corpus_actors(corpus)
        assert _counted(kept.tally.tally) == _counted(tally_of(corpus))


def test_a_listed_towns_label_as_a_place_or_a_team_stands_beside_evidence_elsewhere():
    # "Wales" the country's place in most briefs, its team by a rule in one: a brief where
    # the model labels it a body keeps the team; the town and its team are two actors.
    place = _actor("Wales", "place", "model GPE, listed: ISO 3166-2 nation")
    team = _actor("Wales", "organisation", "rule team-beats-team")
    labelled_team = _actor("Wales", "organisation", "model ORG")
    briefs = [_brief(s, place) for s in "abcdef"] + [_brief("g", team), _brief("h", labelled_team)]
    settled = settle_corpus_actors(briefs)
    assert settled[-1].actors[0].kind == "organisation"
