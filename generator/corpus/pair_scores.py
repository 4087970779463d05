"""The content score of every pair of briefs, exact, and kept from one build to the next.

Related reading compares every brief with every other. A corpus of 10,000 briefs has 50 million
pairs, and scoring them all again because one article changed took most of a rebuild. So the
scores are kept, and a build scores again only the pairs that can have moved.

Two choices make that safe: the kept scores never depend on the order of past builds, and an
updated set of scores is identical to one computed from scratch, because every weight is an exact
integer (`pair_weights`). Kept scores are for one version of the code (`store.kept_context`).
"""

from __future__ import annotations

import dataclasses
import hashlib
import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from numpy.typing import NDArray
from scipy import sparse
from scipy.sparse import csr_matrix

from generator.corpus.pair_weights import (
    ACTOR_CODE,
    COMPONENT_BITS,
    EMPTY,
    TERM_CODE,
    Columns,
    ScoreSettings,
    Vocabulary,
    counts_of,
    feature_pattern,
    idf_steps,
    weights_of,
)
from generator.models import Brief

SCORE_SHIFT = 4
"""Pair scores drop the last 4 bits of the dot product (units of 2**-22): sums of their squares
stay well inside 64 bits for a hundred thousand briefs."""
SCORE_UNIT = 2.0 ** (2 * COMPONENT_BITS - SCORE_SHIFT)
"""A score of 1.0 in score units."""
SCORES_PER_BLOCK = 4_000_000
"""Pair scores held in memory at once (8 bytes each): how many rows of them a block makes."""
BLOCKS_PER_CHUNK = 4
"""Blocks of briefs per chunk that the rows of a block are scored against."""
MOST_AFFECTED = 0.25
"""When more than this share of briefs needs new scores, scoring all of them costs no more."""


@dataclass
class PairScores:
    """Every brief's features and weights, and the scores of its pairs with all others.

    Rows follow the briefs' order. Scores are integers in units of 1 / SCORE_UNIT.
    """

    settings: ScoreSettings
    slugs: list[str]
    inputs: list[str]
    """Digest of each brief's features: a brief whose digest changed needs new scores."""
    vocabulary: Vocabulary
    columns: Columns
    features: csr_matrix
    """Which features each brief has (how often is read from the brief when it is needed)."""
    document_frequency: NDArray[np.int64]
    vectors: csr_matrix
    """Each brief's weights, whose dot products are the pairs' scores (before the shift)."""
    totals: NDArray[np.int64]
    """The sum of each brief's scores with all the others."""
    squares: NDArray[np.int64]
    """The sum of their squares."""
    owners: NDArray[np.int64]
    others: NDArray[np.int64]
    scores: NDArray[np.int64]
    """Every pair scoring at least the minimum, once from each side."""
    moved: NDArray[np.bool_] = field(default_factory=lambda: np.zeros(0, bool))
    """Which briefs' weights are new since the scores were kept (all, when scored anew)."""

    def __getstate__(self) -> dict[str, object]:
        # Kept smaller: which features a brief has, without values (all true), and frequencies
        # in 32 bits (at most the number of briefs).
        state = dict(self.__dict__)
        features = self.features
        state["features"] = (features.indices, features.indptr, features.shape)
        state["document_frequency"] = self.document_frequency.astype(np.int32)
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        indices, indptr, shape = state["features"]
        pattern = (np.ones(len(indices), bool), indices, indptr)
        state["features"] = csr_matrix(pattern, shape=shape)
        state["document_frequency"] = state["document_frequency"].astype(np.int64)
        self.__dict__.update(state)

    @property
    def min_units(self) -> int:
        return math.ceil(self.settings.min_score * SCORE_UNIT)

    def profile(
        self, row: int, actor_ids: list[str], terms: list[str]
    ) -> tuple[dict[str, int], dict[str, int]]:
        """A brief's actor ids and distinctive terms, each with its weight in the brief.

        Takes the vocabulary's actor ids and terms (`Vocabulary.strings`), read once per corpus.
        """
        start, stop = self.vectors.indptr[row], self.vectors.indptr[row + 1]
        codes = self.columns.code_of[self.vectors.indices[start:stop]]
        weights = self.vectors.data[start:stop]
        named = codes >= ACTOR_CODE  # actors and terms, past every word, pair and name
        actors, distinctive = {}, {}
        for code, weight in zip(codes[named].tolist(), weights[named].tolist(), strict=True):
            if code >= TERM_CODE:
                distinctive[terms[code - TERM_CODE]] = weight
            elif code >= ACTOR_CODE:
                actors[actor_ids[code - ACTOR_CODE]] = weight
        return actors, distinctive


def score_pairs(
    briefs: Sequence[Brief],
    settings: ScoreSettings,
    kept: PairScores | None = None,
    inputs: list[str] | None = None,
) -> PairScores:
    """The scores of every pair of briefs: kept ones corrected where they can be, else anew.

    Kept scores are corrected when they belong to the same briefs in the same order with the
    same settings, and few enough briefs changed; the result is the same either way. When no
    brief changed, the kept scores come back with no brief moved. Inputs are a digest for each
    brief that changes whenever what related reading reads of it may (the key of its analysis
    will do); by default, `related_inputs_digest`.
    """
    inputs = inputs if inputs is not None else [related_inputs_digest(b) for b in briefs]
    slugs = [brief.article.slug for brief in briefs]
    if kept is not None and kept.settings == settings and kept.slugs == slugs:
        changed = [row for row, digest in enumerate(inputs) if digest != kept.inputs[row]]
        if not changed:
            return dataclasses.replace(kept, moved=np.zeros(len(briefs), bool))
        if len(changed) <= MOST_AFFECTED * len(briefs):
            updated = _corrected(kept, briefs, changed, inputs)
            if updated is not None:
                return updated
    return _scored_anew(briefs, settings, slugs, inputs)


def related_inputs_digest(brief: Brief) -> str:
    """Digest of all related reading reads of a brief: its words, names, terms and actors for
    its scores, and its title, date and links of its own for its links and their reasons."""
    article = brief.article
    digest = hashlib.blake2b(digest_size=16)
    parts = (brief.words, brief.proper_nouns, brief.terms, article.title, str(article.date))
    for part in (*parts, *article.also_read, *(repr(actor) for actor in brief.actors)):
        digest.update(part.encode() + b"\0")
    return digest.hexdigest()


def _scored_anew(
    briefs: Sequence[Brief], settings: ScoreSettings, slugs: list[str], inputs: list[str]
) -> PairScores:
    vocabulary, columns = Vocabulary(), Columns()
    counts = counts_of(briefs, vocabulary, columns)
    frequency = np.bincount(counts.indices, minlength=len(columns)).astype(np.int64)
    vectors = weights_of(counts, frequency, len(briefs), columns, vocabulary, settings)
    features = feature_pattern(counts)
    scores = PairScores(
        settings, slugs, inputs, vocabulary, columns, features, frequency, vectors,
        np.zeros(len(briefs), np.int64), np.zeros(len(briefs), np.int64), EMPTY, EMPTY, EMPTY,
    )  # fmt: skip
    _score_all(scores)
    scores.moved = np.ones(len(briefs), bool)
    return scores


def _score_all(scores: PairScores) -> None:
    """Score every pair once: a block of rows against the briefs from its own first row on.

    A pair scores the same from either side, so the columns past a block are the rows of later
    blocks: their sums and their pairs above the minimum are taken from it as it goes by.
    """
    vectors, count, floor = scores.vectors, scores.vectors.shape[0], scores.min_units
    size = max(1, SCORES_PER_BLOCK // max(1, count))
    # The briefs are transposed once, in chunks of several blocks: each product goes over all
    # of its block's features once per chunk, so fewer chunks cost less than a little scoring
    # twice where a chunk begins before the block.
    chunk_size = size * BLOCKS_PER_CHUNK
    chunks = [
        csr_matrix(vectors[start : start + chunk_size].T) for start in range(0, count, chunk_size)
    ]
    owners, others, values = [], [], []
    for start in range(0, count, size):
        block = vectors[start : start + size]
        first = start // chunk_size
        products = np.hstack([(block @ chunk).toarray() for chunk in chunks[first:]])
        block_scores = _shifted(products[:, start - first * chunk_size :])
        rows = block.shape[0]
        block_scores[np.arange(rows), np.arange(rows)] = 0  # a brief's score with itself
        scores.totals[start : start + rows] += block_scores.sum(axis=1)
        scores.squares[start : start + rows] += np.square(block_scores).sum(axis=1)
        later = block_scores[:, rows:]
        scores.totals[start + rows :] += later.sum(axis=0)
        scores.squares[start + rows :] += np.square(later).sum(axis=0)
        row, column = np.nonzero(block_scores >= floor)
        found = block_scores[row, column]
        mirror = column >= rows  # pairs inside the block are found from both sides already
        owners += [start + row, start + column[mirror]]
        others += [start + column, start + row[mirror]]
        values += [found, found[mirror]]
    _set_pairs(scores, owners, others, values)


def _shifted(products: NDArray[np.integer]) -> NDArray[np.int64]:
    """Dot products as scores: 64-bit, without their last SCORE_SHIFT bits."""
    return products.astype(np.int64) >> SCORE_SHIFT


def _set_pairs(
    scores: PairScores,
    owners: list[NDArray[np.int64]],
    others: list[NDArray[np.int64]],
    values: list[NDArray[np.int64]],
) -> None:
    """Keep the pairs in one order, by owner then other, whatever order they were found in."""
    all_owners = np.concatenate(owners or [EMPTY]).astype(np.int64)
    all_others = np.concatenate(others or [EMPTY]).astype(np.int64)
    order = np.lexsort((all_others, all_owners))
    scores.owners, scores.others = all_owners[order], all_others[order]
    scores.scores = np.concatenate(values or [EMPTY]).astype(np.int64)[order]


def _corrected(
    kept: PairScores, briefs: Sequence[Brief], changed: list[int], inputs: list[str]
) -> PairScores | None:
    """The kept scores, corrected for the changed briefs; None when too many would move.

    The kept scores stay as they were, but for their vocabulary and columns, which only grow.

    Besides the changed briefs, a brief needs new weights when one of its features moved to
    another step of rarity. Only the pairs of those briefs are scored again, before and after,
    and the difference corrects the other briefs' totals.
    """
    count = len(briefs)
    changed_rows = np.array(changed, np.int64)
    new_counts = counts_of([briefs[row] for row in changed], kept.vocabulary, kept.columns)
    width = len(kept.columns)
    old_features, old_vectors = _widened(kept.features, width), _widened(kept.vectors, width)
    before = np.concatenate(
        (kept.document_frequency, np.zeros(width - len(kept.document_frequency), np.int64))
    )
    frequency = before.copy()
    removed = old_features[changed_rows].indices
    np.subtract.at(frequency, removed, 1)
    np.add.at(frequency, new_counts.indices, 1)
    touched = np.union1d(removed, new_counts.indices)
    moved = touched[idf_steps(frequency[touched], count) != idf_steps(before[touched], count)]
    features = _with_rows(old_features, changed_rows, feature_pattern(new_counts))
    affected = np.zeros(count, bool)
    affected[changed_rows] = True
    moving = np.zeros(width, bool)
    moving[moved] = True
    holding = np.flatnonzero(moving[features.indices])
    affected[np.searchsorted(features.indptr, holding, side="right") - 1] = True
    rows = np.flatnonzero(affected)
    if len(rows) > MOST_AFFECTED * count:
        return None
    counts = counts_of([briefs[row] for row in rows.tolist()], kept.vocabulary, kept.columns)
    weights = weights_of(counts, frequency, count, kept.columns, kept.vocabulary, kept.settings)
    vectors = _with_rows(old_vectors, rows, weights)
    old_scores, new_scores = _rescored(old_vectors, rows, weights)
    # Totals of unaffected briefs: their scores with affected ones moved by the difference.
    totals = kept.totals + new_scores.sum(axis=0) - old_scores.sum(axis=0)
    squares = kept.squares + np.square(new_scores).sum(axis=0) - np.square(old_scores).sum(axis=0)
    totals[rows] = new_scores.sum(axis=1)
    squares[rows] = np.square(new_scores).sum(axis=1)
    scores = dataclasses.replace(
        kept,
        moved=affected,
        inputs=inputs,
        features=features,
        document_frequency=frequency,
        vectors=vectors,
        totals=totals,
        squares=squares,
    )
    stay = ~(affected[kept.owners] | affected[kept.others])
    row, column = np.nonzero(new_scores >= kept.min_units)
    found = new_scores[row, column]
    mirror = ~affected[column]  # pairs of two affected briefs are found from both sides
    _set_pairs(
        scores,
        [kept.owners[stay], rows[row], column[mirror]],
        [kept.others[stay], column, rows[row][mirror]],
        [kept.scores[stay], found, found[mirror]],
    )
    return scores


def _widened(matrix: csr_matrix, width: int) -> csr_matrix:
    """The same matrix with columns added on the right (new features, in no row yet)."""
    return csr_matrix((matrix.data, matrix.indices, matrix.indptr), shape=(matrix.shape[0], width))


def _with_rows(matrix: csr_matrix, rows: NDArray[np.int64], new: csr_matrix) -> csr_matrix:
    """The matrix with the given rows (ascending) replaced by the rows of new, in order."""
    data: list[NDArray[np.generic]] = []
    indices: list[NDArray[np.generic]] = []
    start = 0
    for place, row in enumerate(rows.tolist()):
        # The untouched rows before this one, then its new row.
        for parts, old, replacement in (
            (data, matrix.data, new.data),
            (indices, matrix.indices, new.indices),
        ):
            parts.append(old[matrix.indptr[start] : matrix.indptr[row]])
            parts.append(replacement[new.indptr[place] : new.indptr[place + 1]])
        start = row + 1
    data.append(matrix.data[matrix.indptr[start] :])
    indices.append(matrix.indices[matrix.indptr[start] :])
    lengths = np.diff(matrix.indptr)
    lengths[rows] = np.diff(new.indptr)
    indptr = np.concatenate(([0], np.cumsum(lengths)))
    return csr_matrix((np.concatenate(data), np.concatenate(indices), indptr), shape=matrix.shape)


def _rescored(
    vectors: csr_matrix, rows: NDArray[np.int64], weights: csr_matrix
) -> tuple[NDArray[np.int64], NDArray[np.int64]]:
    """The scores of the given briefs with every brief, with their old and their new weights.

    The other briefs' weights are the same before and after, so one product over every brief
    serves both; only the pairs among the given briefs are scored apart with the new weights.
    """
    count = vectors.shape[0]
    size = max(1, SCORES_PER_BLOCK // max(1, 2 * count))
    before, after = [], []
    for start in range(0, len(rows), size):
        block, new = rows[start : start + size], weights[start : start + size]
        # Every brief against a few: only the few are transposed.
        few = csr_matrix(sparse.vstack([vectors[block], new]).T)
        products = _shifted((vectors @ few).toarray().T)
        products[len(block) :, rows] = _shifted((new @ weights.T).toarray())
        before.append(products[: len(block)])
        after.append(products[len(block) :])
    empty = np.zeros((0, count), np.int64)
    old, new_scores = np.vstack(before or [empty]), np.vstack(after or [empty])
    for scores in (old, new_scores):
        scores[np.arange(len(rows)), rows] = 0  # a brief's score with itself
    return old, new_scores
