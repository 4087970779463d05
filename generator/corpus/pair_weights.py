"""The features of each brief and their weights, counted in integer steps: briefs in, a matrix out.

Related reading compares briefs by their shared actors, shared distinctive terms and text (TF-IDF
over words, word pairs and proper nouns). Its scores are kept from build to build and corrected
for the briefs that changed (`pair_scores`), which is safe because every weight here is exact:

- Every weight is an integer. Term frequencies and inverse document frequencies count in fixed
  steps, vector components in units of 2**-13, and a pair's score is the exact integer dot product
  of two vectors. Sums of integers come out the same in any order, so each brief's running totals
  can be kept and corrected, where float sums would drift with every correction.
- Rarity counts in coarse steps: document frequency on a log scale, 13 % a step, and 65 % for
  features in 64 briefs or more. One changed article moves the document frequency of its own
  features by one, which moves few of them to another step, so besides the changed article only
  the briefs sharing a feature whose step moved need new vectors and new scores.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
from numpy.typing import NDArray
from scipy.sparse import csr_matrix
from spacy.lang.en.stop_words import STOP_WORDS

from generator.models import Actor, Brief

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
PAIR_SHIFT = 32
"""A word pair's code is its first word's number (plus one) shifted past any word's number."""
NAME_CODE = 1 << 62
"""Proper nouns are coded from here, past every word and pair; actors and terms follow."""
ACTOR_CODE = NAME_CODE + (1 << 40)
TERM_CODE = NAME_CODE + (2 << 40)
TEXT, ACTOR, TERM = 0, 1, 2
"""The three signals, in the order of a brief's rows of weights."""
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


def _actor_ids(brief: Brief) -> list[str]:
    return sorted({actor.id for actor in set_of_actors(brief)})


def set_of_actors(brief: Brief) -> list[Actor]:
    """The actors that identify a story: people, organisations, groups and countries."""
    return [actor for actor in brief.actors if actor.kind != "place"]


def counts_of(briefs: Sequence[Brief], vocabulary: Vocabulary, columns: Columns) -> csr_matrix:
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


def weights_of(
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
    weight = _tf_steps(counts.data) * idf_steps(frequency[cols], count)
    keep = _distinctive(rows, codes, weight, signal == TERM, vocabulary, settings)
    del codes
    rows, cols, signal, weight = rows[keep], cols[keep], signal[keep], weight[keep]
    group = rows.astype(np.int64) * 3 + signal
    squares = np.square(weight, dtype=np.float64)
    lengths = np.sqrt(np.bincount(group, squares, counts.shape[0] * 3))
    scale = np.array(
        [math.sqrt(w) * 2**COMPONENT_BITS for w in _signalweights_of(settings)], np.float64
    )
    values = np.rint(weight * scale[signal] / lengths[group]).astype(np.int32)
    vectors = csr_matrix((values, (rows, cols)), shape=counts.shape)
    vectors.eliminate_zeros()
    vectors.sort_indices()
    return vectors


def _signalweights_of(settings: ScoreSettings) -> tuple[float, float, float]:
    """The weights of text, actors and terms, in the order of TEXT, ACTOR and TERM."""
    return settings.text_weight, settings.actor_weight, settings.term_weight


def _tf_steps(counts: NDArray[np.int32]) -> NDArray[np.int32]:
    """Sublinear term frequency, 1 + log tf, in steps."""
    top = int(counts.max()) if len(counts) else 0
    table = [0] + [round((1 + math.log(tf)) * TF_STEPS) for tf in range(1, top + 1)]
    return np.array(table, np.int32)[counts]


def idf_steps(frequency: NDArray[np.int64], count: int) -> NDArray[np.int32]:
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


def feature_pattern(counts: csr_matrix) -> csr_matrix:
    """Which entries a matrix has, without their values: one byte each rather than four."""
    return csr_matrix(
        (np.ones(len(counts.indices), bool), counts.indices, counts.indptr), shape=counts.shape
    )
