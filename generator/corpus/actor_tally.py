"""What settling actors reads of the whole corpus (`corpus_actors`), tallied brief by brief.

A server that builds again after one article changed (`briefs serve`) keeps the tally: the
briefs that changed take out what they added last time and add what they add now, instead of
100,000 actors being counted again for one edit. The tally is the same either way: counts are
counted, and what is "first seen" (a person's full name, a lone name's id) is the first in the
order of the briefs, which the kept tally knows by each brief's position.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from generator.analysis.actors.mentions import (
    LISTED,
    MODEL_EVIDENCE,
    NAME_MERGES,
    SURNAME_OF_A_FULL_NAME,
    UNPLACED,
    UNSHOWN,
    name_core,
)
from generator.models import Actor, ActorKind, Brief

EVIDENCE_WEIGHT = 3
"""How many briefs typed by the model's label alone one brief's evidence for a kind outweighs."""


@dataclass
class KindSeen:
    """How the corpus types one actor one way."""

    briefs: int = 0
    weight: int = 0
    """Briefs, those that show the kind on evidence counting `EVIDENCE_WEIGHT` times."""
    mentions: int = 0


@dataclass(frozen=True)
class _Added:
    """What one brief adds to the tally."""

    kinds: tuple[tuple[str, ActorKind, int, bool], ...]
    """Each actor's id, kind, mentions and whether its kind is shown on evidence."""
    listed: tuple[tuple[str, ActorKind], ...]
    surnames: tuple[tuple[str, str], ...]
    """Each person named in full: the surname and the person's id."""
    people: tuple[tuple[str, Actor], ...]
    """Each person named in full, by id, as the brief first names them."""
    lone: tuple[tuple[str, str], ...]
    """Each name of one word, with the id of its first mention in the brief."""
    carded: tuple[tuple[str, ActorKind], ...] = ()
    """Each actor the brief shows (not `UNSHOWN`), by id and kind."""


@dataclass
class Tally:
    """What settling reads of the whole corpus."""

    full_names: dict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    """Surname -> the ids of the people the corpus names in full with it, by briefs."""
    kinds: dict[str, dict[ActorKind, KindSeen]] = field(default_factory=dict)
    shown_counts: Counter[tuple[str, ActorKind]] = field(default_factory=Counter)
    """(actor id, kind) pairs some brief shows on evidence of its own, by briefs."""
    listed_counts: Counter[tuple[str, ActorKind]] = field(default_factory=Counter)
    """(actor id, kind) pairs a list (a gazetteer) confirms, by briefs."""
    carded_counts: Counter[tuple[str, ActorKind]] = field(default_factory=Counter)
    """(actor id, kind) pairs some brief shows, on whatever evidence, by briefs."""
    people_at: dict[str, dict[int, Actor]] = field(default_factory=dict)
    """A person named in full, by id: as each brief first names them, by the brief's position."""
    lone_at: dict[str, dict[int, str]] = field(default_factory=dict)
    """A lone name -> the id of its first mention in each brief, by the brief's position."""

    @property
    def shown(self) -> set[tuple[str, ActorKind]]:
        return set(self.shown_counts)

    @property
    def listed(self) -> set[tuple[str, ActorKind]]:
        return set(self.listed_counts)

    def person(self, person_id: str) -> Actor:
        """A person named in full, as first seen."""
        at = self.people_at[person_id]
        return at[min(at)]

    @property
    def lone(self) -> dict[str, str]:
        """A lone surname -> the id of its first mention."""
        return {key: at[min(at)] for key, at in self.lone_at.items()}

    def add(self, position: int, added: _Added, sign: int = 1) -> None:
        """Count what a brief adds (sign 1), or take it out again (sign -1)."""
        for actor_id, kind, mentions, is_shown in added.kinds:
            seen = self.kinds.setdefault(actor_id, {}).setdefault(kind, KindSeen())
            seen.briefs += sign
            seen.mentions += sign * mentions
            seen.weight += sign * (EVIDENCE_WEIGHT if is_shown else 1)
            if is_shown:
                _count(self.shown_counts, (actor_id, kind), sign)
            if seen.briefs == 0:
                del self.kinds[actor_id][kind]
                if not self.kinds[actor_id]:
                    del self.kinds[actor_id]
        for pair in added.listed:
            _count(self.listed_counts, pair, sign)
        for pair in added.carded:
            _count(self.carded_counts, pair, sign)
        for surname, person_id in added.surnames:
            _count(self.full_names[surname], person_id, sign)
            if not self.full_names[surname]:
                del self.full_names[surname]
        for person_id, person in added.people:
            _place(self.people_at, person_id, position, person, sign)
        for name, actor_id in added.lone:
            _place(self.lone_at, name, position, actor_id, sign)


_NOTHING = _Added((), (), (), (), ())


def _count(counter: Counter[Any], key: object, sign: int) -> None:
    counter[key] += sign
    if counter[key] == 0:
        del counter[key]


def _place(
    at: dict[str, dict[int, Any]], key: str, position: int, value: object, sign: int
) -> None:
    if sign > 0:
        at.setdefault(key, {})[position] = value
    else:
        del at[key][position]
        if not at[key]:
            del at[key]


@dataclass
class KeptTally:
    """The tally of the last build of this process, and what each brief added to it."""

    tally: Tally = field(default_factory=Tally)
    counted: list[tuple[str, tuple[Actor, ...] | None, _Added]] = field(default_factory=list)
    """Each brief's slug, its actors and what they added, in the order of the briefs."""

    def of(self, briefs: Sequence[Brief]) -> Tally:
        """The tally of these briefs: where they are the last build's briefs in the same
        order, only those whose actors changed are counted again."""
        if [slug for slug, _, _ in self.counted] != [brief.article.slug for brief in briefs]:
            self.tally = Tally()
            self.counted = [(brief.article.slug, None, _NOTHING) for brief in briefs]
        for position, brief in enumerate(briefs):
            _, actors, added = self.counted[position]
            if brief.actors is not actors:
                self.tally.add(position, added, -1)
                added = added_by(brief.actors)
                self.tally.add(position, added)
                self.counted[position] = (brief.article.slug, brief.actors, added)
        return self.tally


def tally_of(briefs: Sequence[Brief]) -> Tally:
    """The tally of the briefs, counted from nothing."""
    return KeptTally().of(briefs)


def added_by(actors: Sequence[Actor]) -> _Added:
    """What one brief's actors add to the tally: each actor's evidence read once."""
    surnames: list[tuple[str, str]] = []
    people: dict[str, Actor] = {}
    lone: dict[str, str] = {}
    for actor in actors:
        if actor.kind != "person":
            continue
        words = name_core(actor.name.split())
        if len(words) > 1 and words[-1][:1].isupper():
            surnames.append((words[-1], actor.id))
            people.setdefault(actor.id, actor)
        elif len(words) == 1:
            lone.setdefault(actor.name, actor.id)
    return _Added(
        kinds=tuple((a.id, a.kind, a.mentions, not is_model_typed(a)) for a in actors),
        listed=tuple(
            (a.id, a.kind)
            for a in actors
            if any(e.startswith(MODEL_EVIDENCE) and LISTED in e for e in a.evidence)
        ),
        surnames=tuple(surnames),
        people=tuple(people.items()),
        lone=tuple(lone.items()),
        carded=tuple((a.id, a.kind) for a in actors if UNSHOWN not in a.evidence),
    )


def is_model_typed(actor: Actor) -> bool:
    """Typed by the model's labels alone: a merge of the name's mentions, or a surname taking
    its full name's kind ("Villa" of a club the model called a person), shows no kind."""
    if UNPLACED in actor.evidence or UNSHOWN in actor.evidence:
        return True  # every mention typed by the label, whatever the passes merged
    return bool(actor.evidence) and all(
        e.startswith(MODEL_EVIDENCE) or e.endswith(NAME_MERGES) or _is_full_names_kind(e)
        for e in actor.evidence
    )


def _is_full_names_kind(evidence: str) -> bool:
    """ "the surname of a full name", or "the surname of a full name ×2"."""
    return evidence.partition(" ×")[0] == SURNAME_OF_A_FULL_NAME
