"""Related reading across the corpus: every `Brief` in, each with its best related briefs and why.

Scored with weighted signals in the way Hugo's related content is: shared actors weigh most, then
shared distinctive terms, then closeness in time; actors and terms found in most briefs count for
little (inverse document frequency). A text-similarity signal (TF-IDF cosine over lemmas) lets
briefs with few actors still find their relatives, and a threshold keeps unrelated briefs out.

Every pair is scored, so a brief's threshold can look at all its scores; the signals are sparse
matrices (scipy) whose product scores all pairs at once, which keeps a corpus of 10,000 briefs to
seconds where a loop over pairs took hours.
"""

from __future__ import annotations

import dataclasses
import math
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray
from scipy import sparse
from scipy.sparse import csr_matrix
from spacy.lang.en.stop_words import STOP_WORDS

from generator.clean import same_text
from generator.models import Actor, Brief, RelatedLink

MIN_BRIEFS_FOR_SPREAD = 5
"""With fewer other briefs, spread says nothing and the threshold alone decides."""
ALSO_READ_REASON = 'the article\'s own "Also Read" link'
PINNED_REASON = "pinned by an analyst"
IDF_FLOOR = 0.05
"""Added to every inverse document frequency, so a feature in every brief still counts a little."""
PAIR_SHIFT = 32
"""A word pair's number is its first word's number (plus one) shifted past any word's number."""
NAME_CODE = 1 << 62
"""Proper nouns are numbered from here, past every word and pair."""
EMPTY = np.zeros(0, np.int64)
SCORES_PER_BLOCK = 4_000_000
"""Pair scores held in memory at once (8 bytes each): how many rows of them a block makes."""
BLOCKS_PER_CHUNK = 4
"""Blocks of briefs per chunk that the rows of a block are scored against."""


@dataclass(frozen=True)
class RelateSettings:
    """Weights and limits of related reading."""

    max_related: int = 5
    """How many related briefs a brief lists at most."""
    min_score: float = 0.04
    """Below this a brief is not related, however few others there are."""
    sure_score: float = 0.08
    """At or above this a brief is related, however many others are too."""
    min_spread: float = 2.0
    """A relative also scores this many standard deviations above the brief's mean score."""
    # Tuned on clusters_dev (benchmarks/related.py): word-level text similarity carries most of
    # the signal there; actors, then distinctive terms, then dates refine it.
    actor_weight: float = 0.12
    term_weight: float = 0.06
    text_weight: float = 0.8
    date_weight: float = 0.05
    date_scale_days: float = 30.0
    """Two briefs this many days apart get about a third of the date weight."""
    distinctive_terms: int = 15
    """How many of a brief's highest TF-IDF terms count as its distinctive terms."""
    reason_items: int = 3
    """How many shared actors or terms a reason names."""


@dataclass(frozen=True)
class Profile:
    """What related reading compares for one brief."""

    actors: dict[str, float]
    """Actor id -> weight (inverse document frequency)."""
    actor_names: dict[str, str]
    distinctive: dict[str, float]
    """The top terms of the vector, renormalised."""


@dataclass(frozen=True)
class Relation:
    """What two related briefs have in common, seen from the first: the reason a link gives."""

    shared_actors: tuple[str, ...]
    shared_terms: tuple[str, ...]
    days_apart: int | None


def relate_briefs(
    briefs: Sequence[Brief],
    settings: RelateSettings | None = None,
    pinned: dict[str, tuple[str, ...]] | None = None,
    blocked: dict[str, tuple[str, ...]] | None = None,
) -> list[Brief]:
    """Return the briefs with related reading filled in: Also Read links, pins, then the best."""
    settings = settings or RelateSettings()
    pinned, blocked = pinned or {}, blocked or {}
    profiles = build_profiles(briefs, settings)
    by_slug = {brief.article.slug: index for index, brief in enumerate(briefs)}
    related = []
    for index, ranked in enumerate(rank_all(profiles, briefs, settings)):
        brief = briefs[index]
        links = _also_read_links(brief, briefs)
        links += _pinned_links(pinned.get(brief.article.slug, ()), briefs, by_slug)
        taken = {link.slug for link in links if link.slug} | {brief.article.slug}
        taken |= set(blocked.get(brief.article.slug, ()))
        for other_index in ranked:
            if len(links) >= settings.max_related:
                break
            other = briefs[other_index].article
            if other.slug not in taken:
                relation = _relation(
                    profiles[index], profiles[other_index], brief, briefs[other_index]
                )
                links.append(RelatedLink(other.title, other.slug, describe(relation, settings)))
                taken.add(other.slug)
        related.append(dataclasses.replace(brief, related=tuple(links)))
    return related


def rank_all(
    profiles: Sequence[Profile], briefs: Sequence[Brief], settings: RelateSettings
) -> Iterator[NDArray[np.intp]]:
    """For each brief in turn, the others that stand out and pass the threshold, best first.

    A pair scores the same from either side, so each pair is scored once: a block of rows
    against the briefs from its own first row on, as one sparse matrix product. What a later
    row needs from a block (the sum and the sum of squares of its scores, and the scores that
    could pass a threshold) is kept as the block goes by, so memory stays flat.
    """
    features = content_features(briefs, profiles, settings)
    count = len(briefs)
    size = max(1, SCORES_PER_BLOCK // max(1, count))
    # The briefs are transposed once, in chunks of several blocks: each product goes over all
    # of its block's features once per chunk, so fewer chunks cost less than a little scoring
    # twice where a chunk begins before the block.
    chunk_size = size * BLOCKS_PER_CHUNK
    chunks = [
        csr_matrix(features[start : start + chunk_size].T) for start in range(0, count, chunk_size)
    ]
    earlier = _EarlierScores(count)
    scoring = _Scoring(briefs, settings)
    for start in range(0, count, size):
        block = features[start : start + size]
        first = start // chunk_size
        scores = np.hstack([(block @ chunk).toarray() for chunk in chunks[first:]])
        scores = scores[:, start - first * chunk_size :]
        rows = block.shape[0]
        scores[np.arange(rows), np.arange(rows)] = 0.0  # a brief's score with itself
        # Columns past the block are the rows of later blocks: keep what they need.
        earlier.add(start, scores[:, rows:], start + rows, settings.min_score)
        yield from scoring.ranked_block(start, scores, earlier)


class _EarlierScores:
    """What each brief's scores with the briefs before its block add up to, kept as blocks pass."""

    def __init__(self, count: int) -> None:
        self.totals = np.zeros(count)
        self.squares = np.zeros(count)
        self.sources: list[NDArray[np.intp]] = []
        self.targets: list[NDArray[np.intp]] = []
        self.values: list[NDArray[np.float64]] = []

    def add(
        self, first_row: int, scores: NDArray[np.float64], first_column: int, floor: float
    ) -> None:
        """Take the scores of rows from first_row with the briefs from first_column on."""
        columns = slice(first_column, first_column + scores.shape[1])
        self.totals[columns] += scores.sum(axis=0)
        self.squares[columns] += np.square(scores).sum(axis=0)
        rows, cols = np.nonzero(scores >= floor)
        self.sources.append(first_row + rows)
        self.targets.append(first_column + cols)
        self.values.append(scores[rows, cols])

    def take(
        self, start: int, stop: int
    ) -> tuple[NDArray[np.intp], NDArray[np.intp], NDArray[np.float64]]:
        """The kept scores of briefs start to stop (rows, others, scores), forgotten after."""
        sources: NDArray[np.intp] = np.concatenate(self.sources or [EMPTY])
        targets: NDArray[np.intp] = np.concatenate(self.targets or [EMPTY])
        values: NDArray[np.float64] = np.concatenate(self.values or [np.zeros(0)])
        mine = (targets >= start) & (targets < stop)
        self.sources, self.targets, self.values = (
            [sources[~mine]],
            [targets[~mine]],
            [values[~mine]],
        )
        return targets[mine], sources[mine], values[mine]


class _Scoring:
    """Turns a block's scores into each brief's ranked relatives."""

    def __init__(self, briefs: Sequence[Brief], settings: RelateSettings) -> None:
        self.settings = settings
        self.days = np.array([_ordinal(brief) for brief in briefs], dtype=np.float64)
        slugs = [brief.article.slug for brief in briefs]
        self.slug_order = np.argsort(np.argsort(slugs, kind="stable"))
        self.others = len(briefs) - 1

    def ranked_block(
        self, start: int, scores: NDArray[np.float64], earlier: _EarlierScores
    ) -> Iterator[NDArray[np.intp]]:
        """The ranked relatives of each row of a block, whose scores run from column start."""
        rows = scores.shape[0]
        stop = start + rows
        totals = scores.sum(axis=1) + earlier.totals[start:stop]
        squares = np.square(scores).sum(axis=1) + earlier.squares[start:stop]
        thresholds = self.thresholds(totals, squares)
        mine, columns = np.nonzero(scores >= thresholds[:, None])
        kept_rows, kept_others, kept_scores = earlier.take(start, stop)
        passed = kept_scores >= thresholds[kept_rows - start]
        owners = np.concatenate((start + mine, kept_rows[passed]))
        others = np.concatenate((start + columns, kept_others[passed]))
        content = np.concatenate((scores[mine, columns], kept_scores[passed]))
        keep = owners != others
        owners, others, content = owners[keep], others[keep], content[keep]
        apart = np.abs(self.days[owners] - self.days[others])
        closeness = np.nan_to_num(np.exp(-apart / self.settings.date_scale_days), nan=0.0)
        ranking = content + self.settings.date_weight * closeness
        # Grouped by row, then best score first, ties by slug.
        order = np.lexsort((self.slug_order[others], -ranking, owners))
        owners, others = owners[order], others[order]
        bounds = np.searchsorted(owners, np.arange(start, stop + 1))
        for row in range(rows):
            yield others[bounds[row] : bounds[row + 1]]

    def thresholds(
        self, totals: NDArray[np.float64], squares: NDArray[np.float64]
    ) -> NDArray[np.float64]:
        """The score each row's relatives must reach.

        Related: clearly similar (the sure score), or similar enough (the minimum) and standing
        out from the brief's other scores by `min_spread` standard deviations. Two unrelated
        briefs share everyday words, more so in a small corpus; a real relative stands out from
        the scores of all the others, however large or small the corpus is.
        """
        settings = self.settings
        outliers = np.zeros_like(totals)
        if self.others >= MIN_BRIEFS_FOR_SPREAD:
            means = totals / self.others
            spread = np.sqrt(np.maximum(squares / self.others - np.square(means), 0.0))
            outliers = means + settings.min_spread * spread
        return np.minimum(settings.sure_score, np.maximum(settings.min_score, outliers))


def content_features(
    briefs: Sequence[Brief], profiles: Sequence[Profile], settings: RelateSettings
) -> csr_matrix:
    """One sparse row per brief whose dot products are the pairs' content scores.

    Each signal is a unit vector scaled by the square root of its weight, so the product of two
    rows is the weighted sum of the actor, term and text cosines.
    """
    actors = _rows_of([_unit(profile.actors) for profile in profiles])
    terms = _rows_of([profile.distinctive for profile in profiles])
    signals = (
        (settings.actor_weight, actors),
        (settings.term_weight, terms),
        (settings.text_weight, text_similarity_rows(briefs)),
    )
    return csr_matrix(sparse.hstack([math.sqrt(weight) * rows for weight, rows in signals]))


def text_similarity_rows(briefs: Sequence[Brief]) -> csr_matrix:
    """Unit TF-IDF rows of words but stop words, word pairs ("tara reid") and proper nouns.

    Pairs and names tell two stories of the same kind apart (two celebrities entering rehab),
    which single words alone often do not. Features are numbers, not strings: a word's number,
    a pair's two numbers side by side, a name's number past both, for speed on large corpora.
    """
    words: dict[str, int] = {}
    names: dict[str, int] = {}
    word_ids = [_numbered(brief.words, words) for brief in briefs]
    noun_ids = [_numbered(brief.proper_nouns, names) for brief in briefs]
    stop = np.array([word in STOP_WORDS for word in words], bool)  # words are in number order
    codes, counts, rows = [], [], []
    for row, (ids, nouns) in enumerate(zip(word_ids, noun_ids, strict=True)):
        # Stop words, and pairs of them ("of the"), are in most briefs: they say little about a
        # story, yet they were three quarters of the work of scoring every pair.
        pairs = ((ids[:-1] + 1) << PAIR_SHIFT) | ids[1:]
        pairs = pairs[~(stop[ids[:-1]] & stop[ids[1:]])]
        features = np.concatenate((ids[~stop[ids]], pairs, NAME_CODE + nouns))
        unique, times = np.unique(features, return_counts=True)
        codes.append(unique)
        counts.append(times)
        rows.append(np.full(len(unique), row, np.int64))
    _, columns = np.unique(np.concatenate(codes or [EMPTY]), return_inverse=True)
    return _tf_idf_rows(
        np.concatenate(rows or [EMPTY]), columns, np.concatenate(counts or [EMPTY]), len(briefs)
    )


def _numbered(text: str, numbers: dict[str, int]) -> NDArray[np.int64]:
    """The numbers of a text's words, numbering new words as they come."""
    return np.array([numbers.setdefault(word, len(numbers)) for word in text.split()], np.int64)


def _tf_idf_rows(
    rows: NDArray[np.integer], columns: NDArray[np.intp], counts: NDArray[np.integer], count: int
) -> csr_matrix:
    """Sublinear term frequency times inverse document frequency, one unit row per document.

    Takes how many times (counts) each feature (columns) occurs in each document (rows).
    """
    width = int(columns.max()) + 1 if len(columns) else 0
    weights = csr_matrix((counts.astype(np.float64), (rows, columns)), shape=(count, width))
    weights.sum_duplicates()
    document_frequency = np.bincount(weights.indices, minlength=width)
    idf = np.log((1 + count) / (1 + document_frequency)) + IDF_FLOOR
    weights.data = (1 + np.log(weights.data)) * idf[weights.indices]
    norms = np.sqrt(np.asarray(weights.multiply(weights).sum(axis=1)).ravel())
    scale = np.divide(1.0, norms, out=np.zeros_like(norms), where=norms > 0)
    return csr_matrix(sparse.diags(scale) @ weights)


def _rows_of(vectors: Sequence[dict[str, float]]) -> csr_matrix:
    """Sparse rows of small feature -> weight vectors, over the features they name."""
    columns: dict[str, int] = {}
    rows, cols, values = [], [], []
    for row, vector in enumerate(vectors):
        for feature, value in vector.items():
            rows.append(row)
            cols.append(columns.setdefault(feature, len(columns)))
            values.append(value)
    shape = (len(vectors), len(columns))
    return csr_matrix((values, (rows, cols)), shape=shape, dtype=np.float64)


def _ordinal(brief: Brief) -> float:
    date = brief.article.date
    return float(date.toordinal()) if date is not None else math.nan


def build_profiles(briefs: Sequence[Brief], settings: RelateSettings) -> list[Profile]:
    """Weight every brief's actors and terms by how rare they are in the corpus."""
    count = len(briefs)
    actor_df = Counter(actor.id for brief in briefs for actor in set_of_actors(brief))
    profiles = []
    for brief, distinctive in zip(briefs, distinctive_terms(briefs, settings), strict=True):
        actors = {a.id: _idf(actor_df[a.id], count) for a in set_of_actors(brief)}
        names = {actor.id: actor.name for actor in brief.actors}
        profiles.append(Profile(actors, names, distinctive))
    return profiles


def distinctive_terms(briefs: Sequence[Brief], settings: RelateSettings) -> list[dict[str, float]]:
    """Each brief's highest TF-IDF terms (ties by term), renormalised to unit length."""
    terms_of = [brief.terms.split() for brief in briefs]
    vocabulary = sorted({term for terms in terms_of for term in terms})
    column_of = {term: column for column, term in enumerate(vocabulary)}
    columns = np.array([column_of[term] for terms in terms_of for term in terms], np.intp)
    rows = np.repeat(np.arange(len(briefs)), [len(terms) for terms in terms_of])
    weights = _tf_idf_rows(rows, columns, np.ones(len(columns), np.int64), len(briefs))
    distinctive = []
    for row in range(len(briefs)):
        start, stop = weights.indptr[row], weights.indptr[row + 1]
        terms, values = weights.indices[start:stop], weights.data[start:stop]
        # Column order is alphabetical, so ties between equal weights go to the earlier term.
        top = np.lexsort((terms, -values))[: settings.distinctive_terms]
        distinctive.append(_unit({vocabulary[terms[i]]: float(values[i]) for i in top}))
    return distinctive


def set_of_actors(brief: Brief) -> list[Actor]:
    """The actors that identify a story: people, organisations, groups and countries."""
    return [actor for actor in brief.actors if actor.kind != "place"]


def _relation(mine: Profile, theirs: Profile, first: Brief, second: Brief) -> Relation:
    shared_actors = sorted(
        set(mine.actors) & set(theirs.actors), key=lambda a: (-mine.actors[a], a)
    )
    shared_terms = sorted(
        set(mine.distinctive) & set(theirs.distinctive),
        # Rounded, so terms that weigh the same up to rounding error are ordered by name.
        key=lambda t: (-round(mine.distinctive[t] * theirs.distinctive[t], 12), t),
    )
    names = tuple(mine.actor_names[a] for a in shared_actors)
    return Relation(names, tuple(shared_terms), _days_apart(first, second))


def describe(relation: Relation, settings: RelateSettings) -> str:
    """Say why two briefs relate: shared actors, shared terms, time apart."""
    parts = []
    if relation.shared_actors:
        parts.append("shares " + ", ".join(relation.shared_actors[: settings.reason_items]))
    if relation.shared_terms:
        terms = ", ".join(relation.shared_terms[: settings.reason_items])
        parts.append(f"both on {terms}")
    if relation.days_apart is not None:
        parts.append(_time_apart(relation.days_apart))
    return "; ".join(parts) or "similar wording"


def _time_apart(days: int) -> str:
    if days == 0:
        return "same day"
    if days < 60:
        return f"{days} day{'s' if days > 1 else ''} apart"
    return f"{round(days / 30.4)} months apart"


def _idf(document_frequency: int, count: int) -> float:
    """Smoothed inverse document frequency: an actor in every brief weighs almost nothing."""
    return math.log((1 + count) / (1 + document_frequency)) + IDF_FLOOR


def _unit(vector: dict[str, float]) -> dict[str, float]:
    norm = math.sqrt(sum(w * w for w in vector.values()))
    return {t: w / norm for t, w in vector.items()} if norm else {}


def _days_apart(first: Brief, second: Brief) -> int | None:
    if first.article.date is None or second.article.date is None:
        return None
    return abs((first.article.date - second.article.date).days)


def _also_read_links(brief: Brief, briefs: Sequence[Brief]) -> list[RelatedLink]:
    """The article's own 'Also Read' titles, linked when that article is in the corpus."""
    links = []
    for title in brief.article.also_read:
        match = next((b for b in briefs if same_text(b.article.title, title)), None)
        links.append(RelatedLink(title, match.article.slug if match else None, ALSO_READ_REASON))
    return links


def _pinned_links(
    slugs: Sequence[str], briefs: Sequence[Brief], by_slug: dict[str, int]
) -> list[RelatedLink]:
    return [
        RelatedLink(briefs[by_slug[slug]].article.title, slug, PINNED_REASON)
        for slug in slugs
        if slug in by_slug
    ]
