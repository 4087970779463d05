"""Corpus-wide views: every `Brief` in, actor pages and the corpus timeline out."""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field

from generator.corpus.pages import value_digest
from generator.models import (
    Actor,
    ActorKind,
    ActorPage,
    Appearance,
    Article,
    Brief,
    Companion,
    CorpusEvent,
    RoleSeen,
)

MAX_COMPANIONS = 8

PageSource = tuple[str, str | None, tuple[str, ...]]
"""What an actor's page is made from: its id, its description, and the cast of each brief it is
seen in (`brief_cast`), in the order of the briefs."""


@dataclass
class ActorPagesMade:
    """The actor pages the last build of this process made, by what each was made from.

    Kept by `briefs serve` from build to build: after an edit, only the actors of the changed
    briefs (and the actors of briefs seen with them, whose companions moved) are counted anew;
    the others, at 4,000 briefs nine pages in ten or more, are taken as they were.
    """

    pages: dict[PageSource, ActorPage] = field(default_factory=dict)
    digests: dict[int, str] = field(default_factory=dict)
    """`value_digest` of each page in `pages`, by the page's id (the pages are kept alive)."""
    written: dict[tuple[str, str], tuple[Article, tuple[Actor, ...], str]] = field(
        default_factory=dict
    )
    """What a function wrote of a brief's article and actors, by (slug, function), with the
    article and actors it wrote it of."""
    cast: CastSeen | None = None
    """Who was seen in which brief in the last build, and the page each actor got."""
    page_keys: dict[str, tuple[Sequence[object], tuple[object, ...], str]] = field(
        default_factory=dict
    )
    """The key of a brief's page or a listing's by the page's name, with what it was made of."""

    def key_once(
        self,
        name: str,
        objects: Sequence[object],
        parts: tuple[object, ...],
        make: Callable[[], str],
    ) -> str:
        """make(), the key of a page, taken again while the page is made of the very same
        objects (kept alive here, immutable) and of parts equal to the last build's."""
        held = self.page_keys.get(name)
        if (
            held is not None
            and held[1] == parts
            and len(held[0]) == len(objects)
            and all(old is new for old, new in zip(held[0], objects, strict=True))
        ):
            return held[2]
        key = make()
        self.page_keys[name] = (objects, parts, key)
        return key

    def write_once(self, brief: Brief, write: Callable[[Brief], str]) -> str:
        """write(brief), where write reads only the brief's article and actors, taken again
        while the brief holds the same article and actors objects as when it was written.

        The objects are those of the analyses `briefs serve` holds, and of their settled
        actors (`corpus_actors.ActorsSettled`): immutable, kept alive here, so the same object
        is the same value. Writing out every brief's actors took a tenth of a rebuild.
        """
        key = (brief.article.slug, write.__name__)
        held = self.written.get(key)
        if held is not None and held[0] is brief.article and held[1] is brief.actors:
            return held[2]
        text = write(brief)
        self.written[key] = (brief.article, brief.actors, text)
        return text

    def digest(self, page: ActorPage) -> str:
        """The digest of a page this memory made (`pages.value_digest`), taken once."""
        digest = self.digests.get(id(page))
        if digest is None:
            digest = self.digests[id(page)] = value_digest(page)
        return digest


def collect_actor_pages(
    briefs: Sequence[Brief],
    descriptions: dict[str, str] | None = None,
    made: ActorPagesMade | None = None,
) -> list[ActorPage]:
    """One page per actor seen in at least one brief, in name order.

    With made, a page made before from the same source is taken again, only the actors of the
    briefs changed since the last build are looked at again, and made keeps this build's
    pages for the next one.
    """
    descriptions = descriptions or {}
    if made is None:
        pages = [
            _actor_page(actor_id, seen_in, descriptions.get(actor_id))
            for actor_id, seen_in in _seen(briefs).items()
        ]
    else:
        pages = _pages_since(briefs, descriptions, made) or _pages_anew(briefs, descriptions, made)
    return sorted(pages, key=lambda page: (page.name.casefold(), page.id))


def _seen(briefs: Sequence[Brief]) -> dict[str, list[tuple[Brief, Actor]]]:
    """Each actor id with the briefs it is seen in (and as whom), in the order of the briefs."""
    seen: dict[str, list[tuple[Brief, Actor]]] = defaultdict(list)
    for brief in briefs:
        for actor in brief.actors:
            seen[actor.id].append((brief, actor))
    return seen


def _pages_anew(
    briefs: Sequence[Brief], descriptions: dict[str, str], made: ActorPagesMade
) -> list[ActorPage]:
    """Every actor's page, taken from made when its source is the same."""
    seen = _seen(briefs)
    pages = _made_again(seen, descriptions, made)
    seen_in = {
        actor_id: tuple(dict.fromkeys(brief.article.slug for brief, _ in found))
        for actor_id, found in seen.items()
    }
    _remember(made, briefs, seen_in, pages, descriptions)
    return [page for _, page in pages.values()]


@dataclass
class CastSeen:
    """The briefs of one build, the actors seen in each and the page each actor got.

    A brief holding the very same article and actors objects as in the last build shows the
    same cast (`ActorPagesMade.write_once`): only the actors of the other briefs, and of the
    briefs gone, are looked at again; the others keep their briefs, in order, and their page.
    """

    briefs: dict[str, tuple[Article, tuple[Actor, ...]]]
    """Slug -> the brief's article and actors, in the order of the briefs."""
    seen_in: dict[str, tuple[str, ...]]
    """Actor id -> the slugs of the briefs it is seen in, in the order of the briefs."""
    pages: dict[str, tuple[PageSource, ActorPage]]
    """Actor id -> what its page was made from, and the page."""
    descriptions: dict[str, str]


def _seen_since(
    briefs: Sequence[Brief], descriptions: dict[str, str], made: ActorPagesMade
) -> tuple[dict[str, tuple[str, ...]], set[str]] | None:
    """Each actor's briefs after the briefs that changed since the last build, and the actors
    whose briefs may have changed; None when the briefs are not those of the last build in the
    same order (or the descriptions changed): then every actor is looked at again."""
    last = made.cast
    slugs = [brief.article.slug for brief in briefs]
    if last is None or last.descriptions != descriptions or list(last.briefs) != slugs:
        return None
    changed = [
        brief
        for brief in briefs
        if last.briefs[brief.article.slug][0] is not brief.article
        or last.briefs[brief.article.slug][1] is not brief.actors
    ]
    moved = {actor.id for brief in changed for actor in last.briefs[brief.article.slug][1]}
    moved |= {actor.id for brief in changed for actor in brief.actors}
    changed_slugs = {brief.article.slug for brief in changed}
    position = {slug: number for number, slug in enumerate(slugs)}
    seen_in = dict(last.seen_in)
    for actor_id in moved:
        kept = [slug for slug in last.seen_in.get(actor_id, ()) if slug not in changed_slugs]
        kept += [b.article.slug for b in changed if any(a.id == actor_id for a in b.actors)]
        if kept:
            seen_in[actor_id] = tuple(sorted(set(kept), key=position.__getitem__))
        else:
            seen_in.pop(actor_id, None)
    return seen_in, moved


def _pages_since(
    briefs: Sequence[Brief], descriptions: dict[str, str], made: ActorPagesMade
) -> list[ActorPage] | None:
    """Each actor's page, looking again only at the actors of the briefs that changed since
    the last build (`CastSeen`); None when every actor must be looked at again."""
    since = _seen_since(briefs, descriptions, made)
    if since is None or made.cast is None:
        return None
    seen_in, moved = since
    by_slug = {brief.article.slug: brief for brief in briefs}
    seen = {
        actor_id: [
            (by_slug[slug], actor)
            for slug in seen_in[actor_id]
            for actor in by_slug[slug].actors
            if actor.id == actor_id
        ]
        for actor_id in moved
        if actor_id in seen_in
    }
    pages = {key: value for key, value in made.cast.pages.items() if key not in moved}
    pages |= _made_again(seen, descriptions, made)
    _remember(made, briefs, seen_in, pages, descriptions)
    return [page for _, page in pages.values()]


def _made_again(
    seen: dict[str, list[tuple[Brief, Actor]]],
    descriptions: dict[str, str],
    made: ActorPagesMade,
) -> dict[str, tuple[PageSource, ActorPage]]:
    """Each of these actors' page with its source, taken from made when its source is the same."""
    casts: dict[int, str] = {}
    found: dict[str, tuple[PageSource, ActorPage]] = {}
    for actor_id, seen_in in seen.items():
        for brief, _ in seen_in:
            if id(brief) not in casts:
                casts[id(brief)] = made.write_once(brief, brief_cast)
        description = descriptions.get(actor_id)
        source = (actor_id, description, tuple(casts[id(brief)] for brief, _ in seen_in))
        page = made.pages.get(source)
        if page is None:
            page = _actor_page(actor_id, seen_in, description)
        found[actor_id] = (source, page)
    return found


def _remember(
    made: ActorPagesMade,
    briefs: Sequence[Brief],
    seen_in: dict[str, tuple[str, ...]],
    pages: dict[str, tuple[PageSource, ActorPage]],
    descriptions: dict[str, str],
) -> None:
    """Keep this build's pages, and who was seen where, for the next build."""
    made.pages = dict(pages.values())
    made.cast = CastSeen(
        {brief.article.slug: (brief.article, brief.actors) for brief in briefs},
        seen_in,
        pages,
        dict(descriptions),
    )
    # What was written of briefs no longer in the corpus is let go.
    slugs = made.cast.briefs
    made.written = {key: held for key, held in made.written.items() if key[0] in slugs}
    made.page_keys = {
        name: held
        for name, held in made.page_keys.items()
        if "/" in name or name.removesuffix(".md") in slugs
    }
    alive = {id(page) for _, page in pages.values()}
    made.digests = {key: digest for key, digest in made.digests.items() if key in alive}


def brief_cast(brief: Brief) -> str:
    """Digest of all an actor page reads of one brief: the brief's slug, title and date, and
    each of its actors as the page shows it (written out by repr: unambiguous, and quick)."""
    article = brief.article
    actors = [(a.id, a.name, a.kind, a.aliases, a.role, a.mentions) for a in brief.actors]
    text = repr((article.slug, article.title, article.date, actors))
    return hashlib.blake2b(text.encode(), digest_size=16).hexdigest()


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
