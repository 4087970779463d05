"""Related reading across the corpus: every `Brief` in, each with its best related briefs and why.

Scored with weighted signals in the way Hugo's related content is: shared actors weigh most, then
shared distinctive terms, then closeness in time; actors and terms found in most briefs count for
little (inverse document frequency). A text-similarity signal (TF-IDF cosine over lemmas) lets
briefs with few actors still find their relatives, and a threshold keeps unrelated briefs out.
"""

from __future__ import annotations

import dataclasses
import itertools
import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from generator.clean import same_text
from generator.models import Actor, Brief, RelatedLink

MIN_BRIEFS_FOR_SPREAD = 5
"""With fewer other briefs, spread says nothing and the threshold alone decides."""
ALSO_READ_REASON = 'the article\'s own "Also Read" link'
PINNED_REASON = "pinned by an analyst"


@dataclass(frozen=True)
class RelateSettings:
    """Weights and limits of related reading."""

    max_related: int = 5
    """How many related briefs a brief lists at most."""
    min_score: float = 0.04
    """Below this a brief is not related, however few others there are."""
    sure_score: float = 0.085
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
    vector: dict[str, float]
    """Word -> TF-IDF weight, unit length: the text similarity."""
    distinctive: dict[str, float]
    """The top terms of the vector, renormalised."""


@dataclass(frozen=True)
class Relation:
    """One scored pair, seen from the first brief."""

    other: int
    score: float
    content_score: float
    """The score without closeness in time: being near in date alone relates nothing."""
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
    for index, brief in enumerate(briefs):
        links = _also_read_links(brief, briefs)
        links += _pinned_links(pinned.get(brief.article.slug, ()), briefs, by_slug)
        taken = {link.slug for link in links if link.slug} | {brief.article.slug}
        taken |= set(blocked.get(brief.article.slug, ()))
        for relation in rank_related(index, profiles, briefs, settings):
            if len(links) >= settings.max_related:
                break
            other = briefs[relation.other].article
            if other.slug not in taken:
                links.append(RelatedLink(other.title, other.slug, describe(relation, settings)))
                taken.add(other.slug)
        related.append(dataclasses.replace(brief, related=tuple(links)))
    return related


def rank_related(
    index: int, profiles: Sequence[Profile], briefs: Sequence[Brief], settings: RelateSettings
) -> list[Relation]:
    """Every other brief that stands out from the rest and passes the threshold, best first."""
    relations = [
        _relation(index, other, profiles, briefs, settings)
        for other in range(len(briefs))
        if other != index
    ]
    # Related: clearly similar, or similar enough and standing out from the brief's other scores.
    outlier = max(settings.min_score, _outlier_score(relations, settings.min_spread))
    threshold = min(settings.sure_score, outlier)
    kept = [r for r in relations if r.content_score >= threshold]
    return sorted(kept, key=lambda r: (-r.score, briefs[r.other].article.slug))


def _outlier_score(relations: Sequence[Relation], spread: float) -> float:
    """A score this brief's relatives must reach: `spread` standard deviations above the mean.

    Two unrelated briefs share everyday words, more so in a small corpus; a real relative stands
    out from the scores of all the others, however large or small the corpus is.
    """
    if len(relations) < MIN_BRIEFS_FOR_SPREAD:
        return 0.0
    scores = [r.content_score for r in relations]
    mean = sum(scores) / len(scores)
    deviation = math.sqrt(sum((score - mean) ** 2 for score in scores) / len(scores))
    return mean + spread * deviation


def build_profiles(briefs: Sequence[Brief], settings: RelateSettings) -> list[Profile]:
    """Weight every brief's actors and terms by how rare they are in the corpus."""
    count = len(briefs)
    actor_df = Counter(actor.id for brief in briefs for actor in set_of_actors(brief))
    term_df = Counter(term for brief in briefs for term in set(brief.terms))
    features = [text_features(brief) for brief in briefs]
    feature_df = Counter(feature for counts in features for feature in counts)
    profiles = []
    for brief, counts in zip(briefs, features, strict=True):
        actors = {a.id: _idf(actor_df[a.id], count) for a in set_of_actors(brief)}
        vector = _tf_idf(counts, feature_df, count)
        terms = _tf_idf(Counter(brief.terms), term_df, count)
        top = sorted(terms.items(), key=lambda item: (-item[1], item[0]))
        distinctive = _unit(dict(top[: settings.distinctive_terms]))
        names = {actor.id: actor.name for actor in brief.actors}
        profiles.append(Profile(actors, names, vector, distinctive))
    return profiles


def text_features(brief: Brief) -> Counter[str]:
    """Words, word pairs ("tara reid") and, once more, proper nouns: what text similarity compares.

    Pairs and names tell two stories of the same kind apart (two celebrities entering rehab),
    which single words alone often do not.
    """
    words = brief.words
    pairs = (f"{first} {second}" for first, second in itertools.pairwise(words))
    names = (f"name:{noun}" for noun in brief.proper_nouns)
    return Counter((*words, *pairs, *names))


def set_of_actors(brief: Brief) -> list[Actor]:
    """The actors that identify a story: people, organisations, groups and countries."""
    return [actor for actor in brief.actors if actor.kind != "place"]


def _relation(
    index: int,
    other: int,
    profiles: Sequence[Profile],
    briefs: Sequence[Brief],
    settings: RelateSettings,
) -> Relation:
    mine, theirs = profiles[index], profiles[other]
    actor_score, shared_actors = _weighted_overlap(mine.actors, theirs.actors)
    term_score = _cosine(mine.distinctive, theirs.distinctive)
    text_score = _cosine(mine.vector, theirs.vector)
    days = _days_apart(briefs[index], briefs[other])
    date_score = math.exp(-days / settings.date_scale_days) if days is not None else 0.0
    content_score = (
        settings.actor_weight * actor_score
        + settings.term_weight * term_score
        + settings.text_weight * text_score
    )
    score = content_score + settings.date_weight * date_score
    shared_terms = sorted(
        set(mine.distinctive) & set(theirs.distinctive),
        key=lambda t: (-(mine.distinctive[t] * theirs.distinctive[t]), t),
    )
    names = [mine.actor_names[a] for a in shared_actors]
    return Relation(other, score, content_score, tuple(names), tuple(shared_terms), days)


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


def _weighted_overlap(
    first: dict[str, float], second: dict[str, float]
) -> tuple[float, tuple[str, ...]]:
    """Cosine of the actor weights, and the shared actors, rarest first."""
    shared = sorted(set(first) & set(second), key=lambda a: (-first[a], a))
    norms = math.sqrt(sum(w * w for w in first.values())) * math.sqrt(
        sum(w * w for w in second.values())
    )
    score = sum(first[a] * second[a] for a in shared) / norms if norms else 0.0
    return score, tuple(shared)


def _tf_idf(counts: Counter[str], document_frequency: Counter[str], count: int) -> dict[str, float]:
    """Sublinear term frequency times inverse document frequency, unit length."""
    return _unit(
        {t: (1 + math.log(c)) * _idf(document_frequency[t], count) for t, c in counts.items()}
    )


def _idf(document_frequency: int, count: int) -> float:
    """Smoothed inverse document frequency: an actor in every brief weighs almost nothing."""
    return math.log((1 + count) / (1 + document_frequency)) + 0.05


def _unit(vector: dict[str, float]) -> dict[str, float]:
    norm = math.sqrt(sum(w * w for w in vector.values()))
    return {t: w / norm for t, w in vector.items()} if norm else {}


def _cosine(first: dict[str, float], second: dict[str, float]) -> float:
    if len(first) > len(second):
        first, second = second, first
    return sum(weight * second.get(term, 0.0) for term, weight in first.items())


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
