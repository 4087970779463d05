"""The content score of every pair of briefs, exact, and kept from one build to the next.

Related reading compares every brief with every other: shared actors, shared distinctive terms,
and text similarity (TF-IDF cosine over words, word pairs and proper nouns). A corpus of 10,000
briefs has 50 million pairs, and scoring them all again because one article changed took most of
a rebuild. So the scores are kept, and a build scores again only the pairs that can have moved.

Two choices make that safe: the kept scores never depend on the order of past builds, and an
updated set of scores is identical to one computed from scratch.

- Every weight is an integer. Term frequencies and inverse document frequencies count in fixed
  steps, vector components in units of 2**-13, and a pair's score is the exact integer dot product
  of two vectors. Sums of integers come out the same in any order, so each brief's running totals
  can be kept and corrected, where float sums would drift with every correction.
- Rarity counts in coarse steps: document frequency on a log scale, 13 % a step, and 65 % for
  features in 64 briefs or more. One changed article moves the document frequency of its own
  features by one, which moves few of them to another step, so besides the changed article only
  the briefs sharing a feature whose step moved need new vectors and new scores. (Kept scores
  are for one version of the code: `cache.KeptValue`.)
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
from spacy.lang.en.stop_words import STOP_WORDS

from generator.models import Actor, Brief, RelatedLink

IDF_FLOOR = 0.05
"""Added to every inverse document frequency before it is counted in steps."""
FREQUENCY_STEPS = 8
"""Steps of document frequency per unit of its logarithm (about 13 % each): coarse, so that
one article rarely moves a feature to another step."""
COMMON_FROM = math.log(64)
"""From this logarithm of document frequency (64 briefs) on, a feature counts as common."""
COMMON_STEPS = 2
"""Steps of a common feature's document frequency per unit of its logarithm (65 % each)."""
IDF_STEPS = 64
"""Steps per unit of inverse document frequency."""
TF_STEPS = 16
"""Steps per unit of sublinear term frequency (1 + log tf)."""
COMPONENT_BITS = 13
"""A unit vector's components count in units of 2**-13."""
SCORE_SHIFT = 4
"""Pair scores drop the last 4 bits of the dot product (units of 2**-22): sums of their squares
stay well inside 64 bits for a hundred thousand briefs."""
SCORE_UNIT = 2.0 ** (2 * COMPONENT_BITS - SCORE_SHIFT)
"""A score of 1.0 in score units."""
PAIR_SHIFT = 32
"""A word pair's code is its first word's number (plus one) shifted past any word's number."""
NAME_CODE = 1 << 62
"""Proper nouns are coded from here, past every word and pair; actors and terms follow."""
ACTOR_CODE = NAME_CODE + (1 << 40)
TERM_CODE = NAME_CODE + (2 << 40)
TEXT, ACTOR, TERM = 0, 1, 2
"""The three signals, in the order of a brief's rows of weights."""
SCORES_PER_BLOCK = 4_000_000
"""Pair scores held in memory at once (8 bytes each): how many rows of them a block makes."""
BLOCKS_PER_CHUNK = 4
"""Blocks of briefs per chunk that the rows of a block are scored against."""
MOST_AFFECTED = 0.25
"""When more than this share of briefs needs new scores, scoring all of them costs no more."""
EMPTY = np.zeros(0, np.int64)
EMPTY_COUNTS = np.zeros(0, np.int32)


@dataclass(frozen=True)
class ScoreSettings:
    """What a score is made from: the weight of each signal and how many terms are distinctive."""

    actor_weight: float
    term_weight: float
    text_weight: float
    distinctive_terms: int
    min_score: float
    """Pairs scoring below this are never related, so only pairs at or above it are kept."""


@dataclass
class Vocabulary:
    """Numbers for the words, names, actor ids and terms met so far, each kind counted apart.

    Numbers are handed out as strings first appear and never change while the scores are kept;
    nothing depends on their order, since ties are always broken by the strings themselves.
    """

    numbers: dict[int, dict[str, int]] = field(
        default_factory=lambda: {TEXT: {}, NAME_CODE: {}, ACTOR: {}, TERM: {}}
    )
    stop: NDArray[np.bool_] = field(default_factory=lambda: np.zeros(0, bool))
    """Whether each word (by number) is a stop word."""

    def number(self, kind: int, strings: Sequence[str]) -> NDArray[np.int64]:
        numbers = self.numbers[kind]
        return np.array([numbers.setdefault(s, len(numbers)) for s in strings], np.int64)

    def stop_words(self) -> NDArray[np.bool_]:
        """Whether each word numbered so far is a stop word."""
        words = self.numbers[TEXT]
        if len(self.stop) < len(words):
            new = [word in STOP_WORDS for word in list(words)[len(self.stop) :]]
            self.stop = np.concatenate((self.stop, np.array(new, bool)))
        return self.stop

    def strings(self, kind: int) -> list[str]:
        """The strings of a kind, by number (dicts keep their order of insertion)."""
        return list(self.numbers[kind])


@dataclass
class Columns:
    """A column of the weight matrices for each feature code, numbered as codes first appear."""

    codes: NDArray[np.int64] = field(default_factory=lambda: EMPTY)
    """Every known code, sorted."""
    column_of: NDArray[np.int64] = field(default_factory=lambda: EMPTY)
    """The column of each code in `codes`."""
    code_of: NDArray[np.int64] = field(default_factory=lambda: EMPTY)
    """The code of each column."""

    def __len__(self) -> int:
        return len(self.code_of)

    def __getstate__(self) -> dict[str, object]:
        # The sorted codes and their columns follow from each column's code: kept by it alone.
        return {"code_of": self.code_of}

    def __setstate__(self, state: dict[str, NDArray[np.int64]]) -> None:
        self.code_of = state["code_of"]
        order = np.argsort(self.code_of)
        self.codes, self.column_of = self.code_of[order], order.astype(np.int64)

    def of(self, codes: NDArray[np.int64]) -> NDArray[np.int64]:
        """The columns of codes, giving new codes the next columns."""
        new = np.unique(codes[~self._known(codes)])
        if len(new):
            first = len(self.code_of)
            self.code_of = np.concatenate((self.code_of, new))
            places = np.searchsorted(self.codes, new)
            self.codes = np.insert(self.codes, places, new)
            self.column_of = np.insert(self.column_of, places, np.arange(first, first + len(new)))
        return self.column_of[np.searchsorted(self.codes, codes)]

    def _known(self, codes: NDArray[np.int64]) -> NDArray[np.bool_]:
        places = np.minimum(np.searchsorted(self.codes, codes), max(len(self.codes) - 1, 0))
        return self.codes[places] == codes if len(self.codes) else np.zeros(len(codes), bool)


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
    links: dict[int, tuple[object, tuple[RelatedLink, ...]]] = field(default_factory=dict)
    """What related reading made of these scores last time, by brief: what its links were
    made from, and the links (`relate.relate_briefs` reuses and replaces them)."""
    links_settings: str = ""
    """The settings of related reading those links were made with."""

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
    same settings, and few enough briefs changed; the result is the same either way. The kept
    scores themselves come back when no brief changed. Inputs are a digest for each brief that
    changes whenever what related reading reads of it may (the key of its analysis will do);
    by default, `related_inputs_digest`.
    """
    inputs = inputs if inputs is not None else [related_inputs_digest(b) for b in briefs]
    slugs = [brief.article.slug for brief in briefs]
    if kept is not None and kept.settings == settings and kept.slugs == slugs:
        changed = [row for row, digest in enumerate(inputs) if digest != kept.inputs[row]]
        if not changed:
            kept.moved = np.zeros(len(briefs), bool)
            return kept
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


def _actor_ids(brief: Brief) -> list[str]:
    return sorted({actor.id for actor in set_of_actors(brief)})


def set_of_actors(brief: Brief) -> list[Actor]:
    """The actors that identify a story: people, organisations, groups and countries."""
    return [actor for actor in brief.actors if actor.kind != "place"]


def _scored_anew(
    briefs: Sequence[Brief], settings: ScoreSettings, slugs: list[str], inputs: list[str]
) -> PairScores:
    vocabulary, columns = Vocabulary(), Columns()
    counts = _counts(briefs, vocabulary, columns)
    frequency = np.bincount(counts.indices, minlength=len(columns)).astype(np.int64)
    vectors = _weights(counts, frequency, len(briefs), columns, vocabulary, settings)
    features = _pattern(counts)
    scores = PairScores(
        settings, slugs, inputs, vocabulary, columns, features, frequency, vectors,
        np.zeros(len(briefs), np.int64), np.zeros(len(briefs), np.int64), EMPTY, EMPTY, EMPTY,
    )  # fmt: skip
    _score_all(scores)
    scores.moved = np.ones(len(briefs), bool)
    return scores


def _counts(briefs: Sequence[Brief], vocabulary: Vocabulary, columns: Columns) -> csr_matrix:
    """How often each feature occurs in each brief, one row per brief."""
    words = [vocabulary.number(TEXT, brief.words.split()) for brief in briefs]
    stop = vocabulary.stop_words()
    codes: list[NDArray[np.int64]] = []
    counts: list[NDArray[np.int32]] = []
    for brief, ids in zip(briefs, words, strict=True):
        unique, times = _features(brief, ids, stop, vocabulary)
        codes.append(unique)
        counts.append(times.astype(np.int32))
    del words
    # Built row by row (each row's features are unique), not from coordinates: at ten
    # thousand briefs, the coordinates and their conversion were the build's peak of memory.
    indptr = np.zeros(len(briefs) + 1, np.int64)
    np.cumsum([len(row) for row in codes], out=indptr[1:])
    columns_of = columns.of(np.concatenate(codes or [EMPTY]))
    del codes
    matrix = csr_matrix(
        (np.concatenate(counts or [EMPTY_COUNTS]), columns_of, indptr),
        shape=(len(briefs), len(columns)),
    )
    matrix.sort_indices()
    return matrix


def _features(
    brief: Brief, ids: NDArray[np.int64], stop: NDArray[np.bool_], vocabulary: Vocabulary
) -> tuple[NDArray[np.int64], NDArray[np.int64]]:
    """A brief's feature codes, each once, and how often each occurs.

    Text features are words but stop words, word pairs ("tara reid") and proper nouns: pairs and
    names tell two stories of the same kind apart (two celebrities entering rehab), which single
    words alone often do not. Stop words, and pairs of them ("of the"), are in most briefs: they
    say little about a story, yet they were three quarters of the work of scoring every pair.
    """
    pairs = ((ids[:-1] + 1) << PAIR_SHIFT) | ids[1:]
    pairs = pairs[~(stop[ids[:-1]] & stop[ids[1:]])]
    features = np.concatenate(
        (
            ids[~stop[ids]],
            pairs,
            NAME_CODE + vocabulary.number(NAME_CODE, brief.proper_nouns.split()),
            ACTOR_CODE + vocabulary.number(ACTOR, _actor_ids(brief)),
            TERM_CODE + vocabulary.number(TERM, brief.terms.split()),
        )
    )
    unique, times = np.unique(features, return_counts=True)
    # An actor counts once, however often the brief names it.
    times[(unique >= ACTOR_CODE) & (unique < TERM_CODE)] = 1
    return unique, times


def _weights(
    counts: csr_matrix,
    frequency: NDArray[np.int64],
    count: int,
    columns: Columns,
    vocabulary: Vocabulary,
    settings: ScoreSettings,
) -> csr_matrix:
    """The weights of the briefs whose counts are given, in a corpus of count briefs.

    Each signal is a unit vector scaled by the square root of its weight, so the dot product
    of two briefs' rows is the weighted sum of their actor, term and text cosines. Weights are
    sublinear term frequency times inverse document frequency, both in steps; the squared
    lengths are sums of integers, so every component comes out the same however it is reached.
    """
    # Narrow types throughout: at ten thousand briefs these arrays hold millions of entries.
    rows = np.repeat(np.arange(counts.shape[0], dtype=np.int32), np.diff(counts.indptr))
    cols = counts.indices
    codes = columns.code_of[cols]
    signal = np.full(len(codes), TERM, np.int8)
    signal[codes < TERM_CODE] = ACTOR
    signal[codes < ACTOR_CODE] = TEXT
    weight = _tf_steps(counts.data) * _idf_steps(frequency[cols], count)
    keep = _distinctive(rows, codes, weight, signal == TERM, vocabulary, settings)
    del codes
    rows, cols, signal, weight = rows[keep], cols[keep], signal[keep], weight[keep]
    group = rows.astype(np.int64) * 3 + signal
    squares = np.square(weight, dtype=np.float64)
    lengths = np.sqrt(np.bincount(group, squares, counts.shape[0] * 3))
    scale = np.array(
        [math.sqrt(w) * 2**COMPONENT_BITS for w in _signal_weights(settings)], np.float64
    )
    values = np.rint(weight * scale[signal] / lengths[group]).astype(np.int32)
    vectors = csr_matrix((values, (rows, cols)), shape=counts.shape)
    vectors.eliminate_zeros()
    vectors.sort_indices()
    return vectors


def _signal_weights(settings: ScoreSettings) -> tuple[float, float, float]:
    """The weights of text, actors and terms, in the order of TEXT, ACTOR and TERM."""
    return settings.text_weight, settings.actor_weight, settings.term_weight


def _tf_steps(counts: NDArray[np.int32]) -> NDArray[np.int32]:
    """Sublinear term frequency, 1 + log tf, in steps."""
    top = int(counts.max()) if len(counts) else 0
    table = [0] + [round((1 + math.log(tf)) * TF_STEPS) for tf in range(1, top + 1)]
    return np.array(table, np.int32)[counts]


def _idf_steps(frequency: NDArray[np.int64], count: int) -> NDArray[np.int32]:
    """Smoothed inverse document frequency, in steps; a feature in every brief weighs little.

    Document frequency counts in coarse steps on a log scale (`FREQUENCY_STEPS`), so that one
    changed article rarely moves a feature to another step; the weight of each step is then
    counted finely (`IDF_STEPS`). Computed once per possible frequency with the same function,
    so a feature's weight depends on its frequency and the corpus size alone.
    """
    table = [0] * (count + 1)
    for df in range(count + 1):
        stepped = math.exp(_frequency_step(math.log1p(df))) - 1
        idf = math.log((1 + count) / (1 + stepped)) + IDF_FLOOR
        table[df] = max(1, round(idf * IDF_STEPS))
    return np.array(table, np.int32)[frequency]


def _frequency_step(logarithm: float) -> float:
    """The step of a document frequency's logarithm: fine for rare features, coarse for common.

    A step of a common feature's frequency moves the weights of every brief it is in, so its
    steps are wider: a change moves it to another step less often.
    """
    if logarithm <= COMMON_FROM:
        return round(logarithm * FREQUENCY_STEPS) / FREQUENCY_STEPS
    return COMMON_FROM + round((logarithm - COMMON_FROM) * COMMON_STEPS) / COMMON_STEPS


def _distinctive(
    rows: NDArray[np.int32],
    codes: NDArray[np.int64],
    weight: NDArray[np.int32],
    is_term: NDArray[np.bool_],
    vocabulary: Vocabulary,
    settings: ScoreSettings,
) -> NDArray[np.bool_]:
    """Which features to keep: all but the terms, of which each brief keeps its top ones.

    Terms are ranked by weight, ties by the term, so the choice never depends on numbering.
    """
    keep = ~is_term
    at = np.flatnonzero(is_term)
    if not len(at):
        return keep
    names = vocabulary.strings(TERM)
    numbers, inverse = np.unique(codes[at] - TERM_CODE, return_inverse=True)
    name_rank = np.argsort(np.argsort(np.array([names[n] for n in numbers]), kind="stable"))
    order = np.lexsort((name_rank[inverse], -weight[at], rows[at]))
    term_rows = rows[at][order]
    place = np.arange(len(order)) - np.searchsorted(term_rows, term_rows)
    keep[at[order[place < settings.distinctive_terms]]] = True
    return keep


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
    new_counts = _counts([briefs[row] for row in changed], kept.vocabulary, kept.columns)
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
    moved = touched[_idf_steps(frequency[touched], count) != _idf_steps(before[touched], count)]
    features = _with_rows(old_features, changed_rows, _pattern(new_counts))
    affected = np.zeros(count, bool)
    affected[changed_rows] = True
    moving = np.zeros(width, bool)
    moving[moved] = True
    holding = np.flatnonzero(moving[features.indices])
    affected[np.searchsorted(features.indptr, holding, side="right") - 1] = True
    rows = np.flatnonzero(affected)
    if len(rows) > MOST_AFFECTED * count:
        return None
    counts = _counts([briefs[row] for row in rows.tolist()], kept.vocabulary, kept.columns)
    weights = _weights(counts, frequency, count, kept.columns, kept.vocabulary, kept.settings)
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


def _pattern(counts: csr_matrix) -> csr_matrix:
    """Which entries a matrix has, without their values: one byte each rather than four."""
    return csr_matrix(
        (np.ones(len(counts.indices), bool), counts.indices, counts.indptr), shape=counts.shape
    )


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
