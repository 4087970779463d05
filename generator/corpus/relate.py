"""Related reading across the corpus: every `Brief` in, each with its best related briefs and why.

Scored with weighted signals in the way Hugo's related content is: shared actors weigh most, then
shared distinctive terms, then closeness in time; actors and terms found in most briefs count for
little (inverse document frequency). A text-similarity signal (TF-IDF cosine over lemmas) lets
briefs with few actors still find their relatives, and a threshold keeps unrelated briefs out.

The content score of every pair comes from `pair_scores`, which keeps them between builds; this
module turns them into each brief's links: a threshold from all of a brief's scores, closeness in
time, then the reasons a link gives.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from generator.corpus.pair_scores import SCORE_UNIT, PairScores, score_pairs
from generator.corpus.pair_weights import ACTOR, TERM, ScoreSettings
from generator.ingest.clean import same_text
from generator.models import Brief, RelatedLink

MIN_BRIEFS_FOR_SPREAD = 5
"""With fewer other briefs, spread says nothing and the threshold alone decides."""
ALSO_READ_REASON = 'the article\'s own "Also Read" link'
PINNED_REASON = "pinned by an analyst"
CLOSE_DAYS = 60
"""Stories fewer days apart than this are placed by their distance ("3 days earlier"); those
further apart by their month."""


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
    reason_items: int = 2
    """How many shared actors or terms a reason names."""

    @property
    def scores(self) -> ScoreSettings:
        """What the pairs' content scores are made from."""
        return ScoreSettings(
            self.actor_weight,
            self.term_weight,
            self.text_weight,
            self.distinctive_terms,
            self.min_score,
        )


@dataclass(frozen=True)
class Profile:
    """What a reason names for one brief: its actors and distinctive terms, by weight."""

    actors: dict[str, int]
    """Actor id -> weight (rarer actors weigh more)."""
    actor_names: dict[str, str]
    distinctive: dict[str, int]
    """The brief's distinctive terms -> weight."""


@dataclass(frozen=True)
class Relation:
    """What two related briefs have in common, seen from the first: the reason a link gives."""

    shared_actors: tuple[str, ...]
    shared_terms: tuple[str, ...]
    days_after: int | None
    """Days from the first brief's article to the second's: negative when it came before."""
    other_date: dt.date | None
    """The second brief's date, which a reader places a story far apart in time by."""


LinkSource = tuple[tuple[int, ...], tuple[str, ...], tuple[str, ...]]
"""What a brief's links are made from: the rows of its ranked relatives, its pins, its blocks."""


@dataclass(frozen=True)
class MadeLinks:
    """Each brief's links as related reading made them from a set of pair scores, and from what.

    A brief whose links come from the same source, and whose relatives' weights did not move
    since, gets the same links again: a build keeps these for the next one.
    """

    settings: str
    """The settings of related reading they were made with (their repr)."""
    by_row: dict[int, tuple[LinkSource, tuple[RelatedLink, ...]]]
    """Brief's row in the pair scores -> what its links were made from, and its links."""


@dataclass(frozen=True)
class RelatedReading:
    """Every brief with its related reading, and the links made, for the next build."""

    briefs: list[Brief]
    links: MadeLinks


def relate_briefs(
    briefs: Sequence[Brief],
    settings: RelateSettings | None = None,
    pinned: dict[str, tuple[str, ...]] | None = None,
    blocked: dict[str, tuple[str, ...]] | None = None,
) -> list[Brief]:
    """Return the briefs with related reading filled in: Also Read links, pins, then the best."""
    settings = settings or RelateSettings()
    scores = score_pairs(briefs, settings.scores)
    return related_reading(briefs, scores, settings, pinned or {}, blocked or {}).briefs


def related_reading(
    briefs: Sequence[Brief],
    scores: PairScores,
    settings: RelateSettings,
    pinned: dict[str, tuple[str, ...]],
    blocked: dict[str, tuple[str, ...]],
    made_before: MadeLinks | None = None,
) -> RelatedReading:
    """Relate the briefs from their pairs' scores (`score_pairs` of these briefs).

    Links made before (from scores these were corrected from) are taken again where their
    source and the weights of the briefs they link did not move.
    """
    profiles = _Profiles(scores, briefs)
    by_slug = {brief.article.slug: index for index, brief in enumerate(briefs)}
    # An Also Read link depends on every title: made again.
    is_same_settings = made_before is not None and made_before.settings == repr(settings)
    before = made_before.by_row if made_before is not None and is_same_settings else {}
    made: dict[int, tuple[LinkSource, tuple[RelatedLink, ...]]] = {}
    related = []
    for index, ranked in enumerate(rank_all(scores, briefs, settings)):
        brief = briefs[index]
        slug = brief.article.slug
        source = (tuple(ranked.tolist()), pinned.get(slug, ()), blocked.get(slug, ()))
        links_before = before.get(index)
        if (
            links_before is not None
            and links_before[0] == source
            and not brief.article.also_read
            and not (scores.moved[index] or scores.moved[ranked].any())
        ):
            links = links_before[1]
        else:
            links = _links(index, ranked, briefs, profiles, settings, pinned, blocked, by_slug)
        made[index] = (source, links)
        related.append(dataclasses.replace(brief, related=links))
    return RelatedReading(related, MadeLinks(repr(settings), made))


def _links(
    index: int,
    ranked: NDArray[np.int64],
    briefs: Sequence[Brief],
    profiles: _Profiles,
    settings: RelateSettings,
    pinned: dict[str, tuple[str, ...]],
    blocked: dict[str, tuple[str, ...]],
    by_slug: dict[str, int],
) -> tuple[RelatedLink, ...]:
    """One brief's links: its Also Read links, its pins, then its best relatives not blocked."""
    brief = briefs[index]
    links = _also_read_links(brief, briefs)
    links += _pinned_links(pinned.get(brief.article.slug, ()), briefs, by_slug)
    taken = {link.slug for link in links if link.slug} | {brief.article.slug}
    taken |= set(blocked.get(brief.article.slug, ()))
    for other_index in ranked.tolist():
        if len(links) >= settings.max_related:
            break
        other = briefs[other_index].article
        if other.slug not in taken:
            relation = _relation(profiles[index], profiles[other_index], brief, briefs[other_index])
            links.append(RelatedLink(other.title, other.slug, describe(relation, settings)))
            taken.add(other.slug)
    return tuple(links)


class _Profiles:
    """Each brief's profile, read from its weights when a reason first needs it."""

    def __init__(self, scores: PairScores, briefs: Sequence[Brief]) -> None:
        self.scores, self.briefs = scores, briefs
        self.actor_ids = scores.vocabulary.strings(ACTOR)
        self.terms = scores.vocabulary.strings(TERM)
        self.read: dict[int, Profile] = {}

    def __getitem__(self, row: int) -> Profile:
        if row not in self.read:
            actors, distinctive = self.scores.profile(row, self.actor_ids, self.terms)
            names = {actor.id: actor.name for actor in self.briefs[row].actors}
            self.read[row] = Profile(actors, names, distinctive)
        return self.read[row]


def rank_all(
    scores: PairScores, briefs: Sequence[Brief], settings: RelateSettings
) -> list[NDArray[np.int64]]:
    """For each brief in turn, the others that stand out and pass the threshold, best first."""
    thresholds = _thresholds(scores, settings)
    passed = scores.scores >= thresholds[scores.owners]
    owners, others = scores.owners[passed], scores.others[passed]
    content = scores.scores[passed] / SCORE_UNIT
    days = np.array([_ordinal(brief) for brief in briefs], dtype=np.float64)
    apart = np.abs(days[owners] - days[others])
    closeness = np.nan_to_num(np.exp(-apart / settings.date_scale_days), nan=0.0)
    ranking = content + settings.date_weight * closeness
    slug_order = np.argsort(np.argsort([brief.article.slug for brief in briefs], kind="stable"))
    # Grouped by brief, then best score first, ties by slug.
    order = np.lexsort((slug_order[others], -ranking, owners))
    owners, others = owners[order], others[order]
    bounds = np.searchsorted(owners, np.arange(len(briefs) + 1))
    return [others[bounds[row] : bounds[row + 1]] for row in range(len(briefs))]


def _thresholds(scores: PairScores, settings: RelateSettings) -> NDArray[np.float64]:
    """The score (in score units) each brief's relatives must reach.

    Related: clearly similar (the sure score), or similar enough (the minimum) and standing out
    from the brief's other scores by `min_spread` standard deviations. Two unrelated briefs
    share everyday words, more so in a small corpus; a real relative stands out from the scores
    of all the others, however large or small the corpus is.
    """
    others = len(scores.totals) - 1
    outliers = np.zeros(len(scores.totals))
    if others >= MIN_BRIEFS_FOR_SPREAD:
        means = scores.totals / others
        spread = np.sqrt(np.maximum(scores.squares / others - np.square(means), 0.0))
        outliers = means + settings.min_spread * spread
    low, high = settings.min_score * SCORE_UNIT, settings.sure_score * SCORE_UNIT
    return np.minimum(high, np.maximum(low, outliers))


def _ordinal(brief: Brief) -> float:
    date = brief.article.date
    return float(date.toordinal()) if date is not None else math.nan


def _relation(mine: Profile, theirs: Profile, first: Brief, second: Brief) -> Relation:
    shared_actors = sorted(
        set(mine.actors) & set(theirs.actors), key=lambda a: (-mine.actors[a], a)
    )
    shared_terms = sorted(
        set(mine.distinctive) & set(theirs.distinctive),
        key=lambda t: (-mine.distinctive[t] * theirs.distinctive[t], t),
    )
    names = tuple(mine.actor_names[a] for a in shared_actors)
    return Relation(names, tuple(shared_terms), _days_after(first, second), second.article.date)


def describe(relation: Relation, settings: RelateSettings) -> str:
    """Say why two briefs relate in a reader's words: who both are about, and how far apart
    the other appeared. Shared distinctive terms weigh in the score but are not named: a lemma such
    as "travel" or "foreign" says nothing to a reader. Nothing to say gives no reason."""
    parts = []
    if relation.shared_actors:
        parts.append("also about " + _join_names(relation.shared_actors[: settings.reason_items]))
    if relation.days_after is not None and relation.other_date is not None:
        parts.append(_when(relation.days_after, relation.other_date))
    return "; ".join(parts)


def _join_names(names: Sequence[str]) -> str:
    """ "A", "A and B", "A, B and C"."""
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"


def _when(days_after: int, other_date: dt.date) -> str:
    """When the other story appeared, as a reader places it: the same day, days before or
    after this one, or its month ("from May 2019"): "published 54 months apart" tells a reader
    nothing they can place."""
    days = abs(days_after)
    if days == 0:
        return "published the same day"
    if days < CLOSE_DAYS:
        unit = "day" if days == 1 else "days"
        return f"published {days} {unit} {'later' if days_after > 0 else 'earlier'}"
    return f"from {other_date.strftime('%B')} {other_date.year}"


def _days_after(first: Brief, second: Brief) -> int | None:
    if first.article.date is None or second.article.date is None:
        return None
    return (second.article.date - first.article.date).days


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
