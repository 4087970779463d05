"""Corpus-wide views: every `Brief` in, actor pages and the corpus timeline out."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Collection, Sequence

from generator.models import (
    Actor,
    ActorKind,
    ActorPage,
    Appearance,
    Brief,
    Companion,
    CorpusEvent,
    RoleSeen,
)

MAX_COMPANIONS = 8


def collect_actor_pages(
    briefs: Sequence[Brief], descriptions: dict[str, str] | None = None
) -> list[ActorPage]:
    """One page per actor seen in at least one brief, in name order."""
    descriptions = descriptions or {}
    seen: dict[str, list[tuple[Brief, Actor]]] = defaultdict(list)
    for brief in briefs:
        for actor in brief.actors:
            seen[actor.id].append((brief, actor))
    pages = [
        _actor_page(actor_id, seen_in, briefs, descriptions.get(actor_id))
        for actor_id, seen_in in seen.items()
    ]
    return sorted(pages, key=lambda page: (page.name.casefold(), page.id))


def _most_seen_kind(actors: Sequence[Actor]) -> ActorKind:
    """The kind most briefs give the actor; on a tie, the one its mentions carry most.

    The model can read a name one way in one article and another way in the next ("NASA" a
    person where it is said to say something); the reading the article leans on wins.
    """
    briefs = Counter(actor.kind for actor in actors)
    mentions = Counter[ActorKind]()
    for actor in actors:
        mentions[actor.kind] += actor.mentions
    return max(briefs, key=lambda kind: (briefs[kind], mentions[kind], kind))


def _actor_page(
    actor_id: str,
    seen_in: list[tuple[Brief, Actor]],
    briefs: Sequence[Brief],
    description: str | None,
) -> ActorPage:
    kind = _most_seen_kind([actor for _, actor in seen_in])
    names = Counter(actor.name for _, actor in seen_in)
    name = max(names, key=lambda n: (names[n], n))
    aliases = sorted({a for _, actor in seen_in for a in actor.aliases} - {name})
    appearances = sorted(
        (
            Appearance(b.article.slug, b.article.title, b.article.date, a.role, a.mentions)
            for b, a in seen_in
        ),
        key=lambda item: (
            item.date is None,
            -(item.date.toordinal() if item.date else 0),
            item.slug,
        ),
    )
    return ActorPage(
        id=actor_id,
        name=name,
        kind=kind,
        aliases=tuple(aliases),
        description=description,
        roles=_roles(appearances),
        appearances=tuple(appearances),
        companions=_companions(actor_id, [b for b, _ in seen_in]),
    )


def _roles(appearances: list[Appearance]) -> tuple[RoleSeen, ...]:
    """Each distinct role with the briefs that give it, the most common first."""
    by_role: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for item in appearances:
        if item.role:
            by_role[item.role].append((item.slug, item.title))
    ordered = sorted(by_role, key=lambda role: (-len(by_role[role]), role.casefold()))
    return tuple(RoleSeen(role, tuple(by_role[role])) for role in ordered)


def _companions(actor_id: str, briefs: list[Brief]) -> tuple[Companion, ...]:
    """The actors most often seen in the same briefs."""
    counts: Counter[str] = Counter()
    names: dict[str, str] = {}
    for brief in briefs:
        for actor in brief.actors:
            if actor.id != actor_id:
                counts[actor.id] += 1
                names.setdefault(actor.id, actor.name)
    ranked = sorted(counts, key=lambda other: (-counts[other], names[other].casefold()))
    return tuple(Companion(other, names[other], counts[other]) for other in ranked[:MAX_COMPANIONS])


def period_events(briefs: Sequence[Brief], periods: Collection[str]) -> list[CorpusEvent]:
    """The events the briefs put in these periods of the corpus timeline, oldest first.

    A period is a month ("2015-06") or, for events dated to the year only, a year ("2015").
    """
    events = [
        event
        for brief in briefs
        for event in timeline_events(brief)
        if event_period(event) in periods
    ]
    return sorted(events, key=lambda e: (e.event.value, e.slug, e.event.sentence_index))


def timeline_events(brief: Brief) -> list[CorpusEvent]:
    """What one brief puts on the corpus timeline: its events with a calendar date.

    A sentence with two dates, one within the other ("In January 2024 he said ... on 2 January
    2024"), is listed once, under the more precise date.
    """
    # A forecast of 2025 is no event of 2025.
    dated = [
        event for event in brief.timeline if event.precision != "relative" and not event.is_expected
    ]
    # The dates of each sentence, so that each event is compared with its own sentence's
    # others only: a long article has thousands of events (issue #19).
    values: dict[str, list[str]] = {}
    for event in dated:
        values.setdefault(event.event, []).append(event.value)
    return [
        CorpusEvent(event, brief.article.slug, brief.article.title)
        for event in dated
        if not any(_narrows(other, event.value) for other in values[event.event])
    ]


def _narrows(other: str, value: str) -> bool:
    """Tell whether the date `other` lies within the date `value` and is more precise."""
    return len(other) > len(value) and other.startswith(value)


def event_period(event: CorpusEvent) -> str:
    """The month of an event on the corpus timeline ("2015-06"), or its year ("2015")."""
    value = event.event.value
    return value[:7] if len(value) >= 7 else value[:4]
