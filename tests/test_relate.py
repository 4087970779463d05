"""Related reading: weighted signals, a threshold, pins, blocks and Also Read links."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

import generator.corpus.pair_scores
from generator.corpus.relate import RelateSettings, Relation, describe, relate_briefs
from generator.models import Article, Brief
from tests.made_actors import person


def make_brief(slug, words, actors=(), date=None, also_read=()):
    article = Article(
        path=f"{slug}.md",
        slug=slug,
        title=slug.replace("-", " "),
        paragraphs=(words,),
        date=date,
        also_read=also_read,
    )
    return Brief(
        article=article,
        at_a_glance="",
        why_it_matters=None,
        key_facts=(),
        actors=tuple(person(name) for name in actors),
        timeline=(),
        quotes=(),
        tags=(),
        terms=words,
        words=words,
    )


CORPUS = [
    make_brief(
        "treaty",
        "putin kim treaty pyongyang defence pact signed",
        ["Vladimir Putin", "Kim Jong Un"],
        dt.date(2024, 6, 19),
    ),
    make_brief(
        "hanoi",
        "putin hanoi visit vietnam trade pact signed",
        ["Vladimir Putin", "To Lam"],
        dt.date(2024, 6, 20),
    ),
    make_brief(
        "balloons", "balloons rubbish border kim leaflets", ["Kim Yo Jong"], dt.date(2024, 6, 2)
    ),
    make_brief(
        "rates",
        "central bank interest rates inflation euro",
        ["Christine Lagarde"],
        dt.date(2024, 6, 6),
    ),
    make_brief(
        "visit",
        "putin kim pyongyang visit treaty signed",
        ["Vladimir Putin", "Kim Jong Un"],
        dt.date(2024, 6, 19),
        also_read=("balloons",),
    ),
]


WORDS = sorted({word for brief in CORPUS for word in brief.words.split()})


def related_slugs(briefs, slug):
    brief = next(b for b in briefs if b.article.slug == slug)
    return [link.slug for link in brief.related]


def test_best_first_with_reasons_and_no_filler():
    briefs = relate_briefs(CORPUS)
    assert related_slugs(briefs, "treaty")[0] == "visit"
    assert "rates" not in related_slugs(briefs, "treaty")
    assert related_slugs(briefs, "rates") == []
    reason = next(b for b in briefs if b.article.slug == "treaty").related[0].reason
    # In a reader's words: who both are about and when; no bare lemmas ("both on travel").
    assert reason.startswith("also about Kim Jong Un and Vladimir Putin")
    assert "published the same day" in reason
    assert "both on" not in reason


def test_also_read_comes_first_and_links_its_brief():
    briefs = relate_briefs(CORPUS)
    visit = next(b for b in briefs if b.article.slug == "visit")
    assert visit.related[0].slug == "balloons"
    assert visit.related[0].reason == 'the article\'s own "Also Read" link'


def test_pins_and_blocks():
    briefs = relate_briefs(CORPUS, pinned={"treaty": ("rates",)}, blocked={"treaty": ("visit",)})
    slugs = related_slugs(briefs, "treaty")
    assert slugs[0] == "rates" and "visit" not in slugs


def test_max_related_is_a_setting():
    unlimited = relate_briefs(CORPUS, RelateSettings(min_score=0.0))
    assert max(len(b.related) for b in unlimited) >= 2  # so that a limit of 1 limits something
    limited = relate_briefs(CORPUS, RelateSettings(max_related=1, min_score=0.0))
    assert [len(b.related) for b in limited] == [min(1, len(b.related)) for b in unlimited]
    assert [b.related for b in limited] == [b.related[:1] for b in unlimited]


@pytest.mark.parametrize(("rows", "blocks_per_chunk"), [(1, 1), (1, 4), (2, 1), (2, 2), (3, 4)])
def test_the_same_links_whatever_the_blocks_and_chunks_scored_at_once(
    monkeypatch, rows, blocks_per_chunk
):
    whole = relate_briefs(CORPUS)
    monkeypatch.setattr(generator.corpus.pair_scores, "SCORES_PER_BLOCK", rows * len(CORPUS))
    monkeypatch.setattr(generator.corpus.pair_scores, "BLOCKS_PER_CHUNK", blocks_per_chunk)
    assert relate_briefs(CORPUS) == whole


@given(st.lists(st.sampled_from(WORDS), min_size=1, max_size=12), st.integers(0, 4))
def test_a_brief_never_relates_to_itself_and_lists_at_most_max_related(words, position):
    extra = make_brief("extra", " ".join(words), ["Vladimir Putin"], dt.date(2024, 6, 19))
    corpus = [*CORPUS[:position], extra, *CORPUS[position:]]
    related = relate_briefs(corpus, RelateSettings(max_related=2, min_score=0.0))
    for brief in related:
        slugs = [link.slug for link in brief.related]
        assert brief.article.slug not in slugs and len(slugs) <= 2
        assert len(set(slugs)) == len(slugs)
    # Putin's three stories relate to each other at least: the limit is reached.
    assert max(len(brief.related) for brief in related) == 2


@pytest.mark.parametrize(
    ("days_after", "other_date", "expected"),
    [
        (0, dt.date(2024, 6, 19), "published the same day"),
        (-3, dt.date(2024, 6, 16), "published 3 days earlier"),
        (1, dt.date(2024, 6, 20), "published 1 day later"),
        (-1644, dt.date(2019, 12, 22), "from December 2019"),
    ],
)
def test_a_reason_places_the_other_story_in_time_as_a_reader_would(
    days_after, other_date, expected
):
    relation = Relation(("Kim Jong Un",), (), days_after, other_date)
    assert describe(relation, RelateSettings()) == f"also about Kim Jong Un; {expected}"


def test_a_reason_never_counts_months_apart():
    relation = Relation((), (), 1644, dt.date(2024, 6, 19))
    assert "apart" not in describe(relation, RelateSettings())
