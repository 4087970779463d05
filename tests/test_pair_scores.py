"""Pair scores of related reading: exact integers, and corrected scores equal fresh ones."""

from __future__ import annotations

import dataclasses
import datetime as dt

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import generator.corpus.pair_scores
import generator.corpus.relate
from generator.corpus.pair_scores import SCORE_UNIT, PairScores, score_pairs
from generator.corpus.pair_weights import (
    ACTOR,
    ACTOR_CODE,
    NAME_CODE,
    PAIR_SHIFT,
    TERM,
    TERM_CODE,
    TEXT,
)
from generator.corpus.relate import RelateSettings, relate_briefs, related_reading
from tests.test_relate import CORPUS, make_brief

SETTINGS = RelateSettings().scores
VOCABULARY = sorted({word for brief in CORPUS for word in brief.words.split()} | {"the", "of"})
ACTORS = ["Vladimir Putin", "Kim Jong Un", "To Lam", "Kim Yo Jong", "Christine Lagarde"]


def feature_names(scores: PairScores) -> list[str]:
    """The feature of each column, spelled out, so that numbering makes no difference."""
    words, names, actors, terms = (
        scores.vocabulary.strings(kind) for kind in (TEXT, NAME_CODE, ACTOR, TERM)
    )
    spelled = []
    for code in scores.columns.code_of.tolist():
        if code >= TERM_CODE:
            spelled.append("term " + terms[code - TERM_CODE])
        elif code >= ACTOR_CODE:
            spelled.append("actor " + actors[code - ACTOR_CODE])
        elif code >= NAME_CODE:
            spelled.append("name " + names[code - NAME_CODE])
        elif code >= 1 << PAIR_SHIFT:
            first, second = (code >> PAIR_SHIFT) - 1, code & ((1 << PAIR_SHIFT) - 1)
            spelled.append(f"pair {words[first]} {words[second]}")
        else:
            spelled.append("word " + words[code])
    return spelled


def canonical(scores: PairScores) -> dict[str, object]:
    """What the scores say, free of the numbering of features and columns."""
    vectors, features = scores.vectors.tocsr(), scores.features.tocsr()
    spelled = np.array(feature_names(scores), dtype=object)

    def rows(matrix):
        return [
            sorted(
                zip(
                    spelled[matrix.indices[start:stop]].tolist(),
                    matrix.data[start:stop].tolist(),
                    strict=True,
                )
            )
            for start, stop in zip(matrix.indptr[:-1], matrix.indptr[1:], strict=True)
        ]

    # Columns only grow: scores kept from before a correction know fewer of them.
    used = scores.document_frequency > 0
    frequency = dict(
        zip(
            spelled[: len(used)][used].tolist(),
            scores.document_frequency[used].tolist(),
            strict=True,
        )
    )
    return {
        "slugs": scores.slugs,
        "inputs": scores.inputs,
        "vectors": rows(vectors),
        "features": rows(features),
        "frequency": frequency,
        "totals": scores.totals.tolist(),
        "squares": scores.squares.tolist(),
        "pairs": list(
            zip(scores.owners.tolist(), scores.others.tolist(), scores.scores.tolist(), strict=True)
        ),
    }


def fresh(briefs):
    return score_pairs(briefs, SETTINGS)


def relate(briefs, scores, made_before=None, settings=None, pinned=None):
    """Related reading from the pairs' scores, reusing links made before: (briefs, links)."""
    settings = settings or RelateSettings()
    related = related_reading(briefs, scores, settings, pinned or {}, {}, made_before)
    return related.briefs, related.links


def test_a_pair_scores_its_weighted_cosines_and_no_brief_scores_itself():
    twin = make_brief("twin", CORPUS[0].words, ["Vladimir Putin", "Kim Jong Un"])
    twin = dataclasses.replace(twin, article=dataclasses.replace(twin.article, path="twin.md"))
    scores = fresh([*CORPUS, twin])
    pairs = {
        (owner, other): score
        for owner, other, score in zip(
            scores.owners.tolist(), scores.others.tolist(), scores.scores.tolist(), strict=True
        )
    }
    # The same words, actors and terms: every cosine is 1, so the score is the sum of weights.
    weights = SETTINGS.actor_weight + SETTINGS.term_weight + SETTINGS.text_weight
    assert pairs[(0, len(CORPUS))] / SCORE_UNIT == pytest.approx(weights, abs=1e-3)
    assert pairs[(0, len(CORPUS))] == pairs[(len(CORPUS), 0)]
    assert all(owner != other for owner, other in pairs)
    # "rates" shares nothing with the treaty stories.
    assert (0, 3) not in pairs


def test_scores_are_kept_when_no_brief_changed(monkeypatch):
    scores = fresh(CORPUS)
    assert scores.moved.all()
    monkeypatch.setattr(generator.corpus.pair_scores, "_scored_anew", None)
    kept = score_pairs(CORPUS, SETTINGS, scores)
    assert not kept.moved.any() and canonical(kept) == canonical(scores)
    assert scores.moved.all()  # the kept scores are left as they were


def test_one_changed_brief_is_corrected_not_scored_anew(monkeypatch):
    kept = fresh(CORPUS)
    changed = [*CORPUS]
    changed[2] = dataclasses.replace(CORPUS[2], words=CORPUS[2].words + " putin treaty")
    monkeypatch.setattr(generator.corpus.pair_scores, "MOST_AFFECTED", 1.0)
    anew = []
    real_scored_anew = generator.corpus.pair_scores._scored_anew
    monkeypatch.setattr(
        generator.corpus.pair_scores,
        "_scored_anew",
        lambda *args: anew.append(1) or real_scored_anew(*args),
    )
    corrected = score_pairs(changed, SETTINGS, kept)
    assert not anew
    assert canonical(corrected) == canonical(fresh(changed))
    assert canonical(kept) == canonical(fresh(CORPUS))  # the kept scores are left as they were


def test_other_briefs_or_settings_score_anew():
    kept = fresh(CORPUS)
    fewer = score_pairs(CORPUS[:-1], SETTINGS, kept)
    assert canonical(fewer) == canonical(fresh(CORPUS[:-1]))
    other = dataclasses.replace(SETTINGS, text_weight=0.5)
    assert canonical(score_pairs(CORPUS, other, kept)) == canonical(score_pairs(CORPUS, other))


def test_related_reading_from_kept_scores_is_the_same():
    kept = fresh(CORPUS)
    _, links = relate(CORPUS, kept)
    assert relate(CORPUS, score_pairs(CORPUS, SETTINGS, kept), links)[0] == relate_briefs(CORPUS)


def test_a_link_to_a_brief_that_changed_gives_its_new_reason():
    scores = fresh(CORPUS)
    before, links = relate(CORPUS, scores)
    assert before[0].related[0].slug == "visit" and "same day" in before[0].related[0].reason
    later = [*CORPUS]
    visit = CORPUS[4]
    later[4] = dataclasses.replace(
        visit, article=dataclasses.replace(visit.article, date=dt.date(2024, 6, 21))
    )
    after, _ = relate(later, score_pairs(later, SETTINGS, scores), links)
    assert after == relate_briefs(later)
    assert "published 2 days later" in after[0].related[0].reason


def test_links_are_made_again_where_what_they_come_from_changed(monkeypatch):
    scores = fresh(CORPUS)
    _, links = relate(CORPUS, scores)
    kept = score_pairs(CORPUS, SETTINGS, scores)
    made = []
    real_links = generator.corpus.relate._links
    monkeypatch.setattr(
        generator.corpus.relate,
        "_links",
        lambda index, *rest: made.append(index) or real_links(index, *rest),
    )
    # Nothing moved: every link is reused, but for the brief with an Also Read link.
    reused, _ = relate(CORPUS, kept, links)
    assert made == [4]
    assert reused == relate_briefs(CORPUS)
    # A pin changes what one brief's links come from; other settings, every brief's.
    made.clear()
    relate(CORPUS, kept, links, pinned={"treaty": ("rates",)})
    assert made == [0, 4]
    made.clear()
    relate(CORPUS, kept, links, RelateSettings(max_related=2))
    assert made == [0, 1, 2, 3, 4]
    # Without the links made before, all are made.
    made.clear()
    relate(CORPUS, kept)
    assert made == [0, 1, 2, 3, 4]


briefs_text = st.lists(st.sampled_from(VOCABULARY), min_size=0, max_size=10).map(" ".join)
brief_actors = st.lists(st.sampled_from(ACTORS), max_size=3, unique=True)


@st.composite
def corpus_and_edits(draw):
    """A corpus of 3 to 8 briefs and a sequence of edits, each to a few briefs."""
    size = draw(st.integers(3, 8))
    corpus = [
        make_brief(f"b{n}", draw(briefs_text), draw(brief_actors), dt.date(2024, 1, 1 + n))
        for n in range(size)
    ]
    edits = draw(
        st.lists(
            st.lists(
                st.tuples(st.integers(0, size - 1), briefs_text, brief_actors),
                min_size=1,
                max_size=2,
            ),
            min_size=1,
            max_size=4,
        )
    )
    return corpus, edits


@settings(max_examples=60, deadline=None)
@given(corpus_and_edits())
def test_corrected_scores_always_equal_scores_made_anew(monkeypatch_module, case):
    """However the briefs change, build after build, keeping scores never changes them."""
    corpus, edits = case
    scores = fresh(corpus)
    _, links = relate(corpus, scores)
    for edit in edits:
        for row, words, actors in edit:
            changed = make_brief(f"b{row}", words, actors, corpus[row].article.date)
            corpus[row] = dataclasses.replace(changed, terms=" ".join(words.split()[:4]))
        scores = score_pairs(corpus, SETTINGS, scores)
        assert canonical(scores) == canonical(fresh(corpus))
        # Links kept from the last relate, where still valid, are the links made anew.
        related, links = relate(corpus, scores, links)
        assert related == relate_briefs(corpus)


@pytest.fixture(scope="module")
def monkeypatch_module():
    """Every correction is tried, however many briefs it touches (a small corpus moves a lot)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(generator.corpus.pair_scores, "MOST_AFFECTED", 1.0)
        yield patch


def test_scores_are_integers_whatever_the_order_of_their_sums():
    scores = fresh(CORPUS)
    assert scores.totals.dtype == np.int64 and scores.scores.dtype == np.int64
    order = np.argsort(scores.owners, kind="stable")
    assert np.array_equal(
        np.bincount(scores.owners[order], scores.scores[order], len(CORPUS)),
        np.bincount(scores.owners[::-1], scores.scores[::-1], len(CORPUS)),
    )


@pytest.mark.parametrize("rows_per_block", [1, 2, 100])
def test_corrections_are_the_same_whatever_the_block_size(monkeypatch, rows_per_block):
    monkeypatch.setattr(generator.corpus.pair_scores, "MOST_AFFECTED", 1.0)
    kept = fresh(CORPUS)
    monkeypatch.setattr(
        generator.corpus.pair_scores, "SCORES_PER_BLOCK", rows_per_block * 2 * len(CORPUS)
    )
    changed = [*CORPUS]
    changed[0] = dataclasses.replace(CORPUS[0], words=CORPUS[0].words + " balloons border")
    changed[3] = dataclasses.replace(CORPUS[3], words=CORPUS[3].words + " putin kim")
    assert canonical(score_pairs(changed, SETTINGS, kept)) == canonical(fresh(changed))
