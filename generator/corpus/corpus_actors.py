"""One actor per real-world entity across the corpus: every `Brief` in, the same briefs out with
their actors settled against the rest of the corpus.

Each brief is analysed alone, so the corpus can read one name two ways: "Obama" alone in one
brief and "Barack Obama" in twenty, "Wales" a place in ninety briefs and, by the model's label
alone, an organisation in a few. Two passes settle that, each recorded in the actor's evidence:

- `_surname_of_the_corpus`: a person named by one word only joins the one person of the corpus
  whose full name ends in it, where the corpus names that person in full in at least two briefs
  and names no other with that surname a third as often.
- `_kind_of_the_corpus`: an actor that only the model's label typed takes the kind most briefs
  give the same actor, unless some brief shows its kind on evidence of its own (a rule, a
  gazetteer, the registry, the text): then the name can be either.

Neither overturns an actor a brief types on evidence of its own, nor one the registry names.
"""

from __future__ import annotations

import dataclasses
from collections import Counter, defaultdict
from collections.abc import Sequence

from generator.models import Actor, ActorKind, Brief

MIN_FULL_NAME_BRIEFS = 2
"""Briefs that must name a person in full before a surname alone elsewhere is theirs."""
DOMINANCE = 3
"""How many times more often than any other person of that surname the corpus must name them."""
MODEL_EVIDENCE = "model "
"""How evidence from the model's label alone starts ("model PERSON ×2")."""


def settle_corpus_actors(briefs: Sequence[Brief]) -> list[Brief]:
    """The briefs with each lone surname joined to its full name and each actor's kind the
    corpus's where only the model's label typed it."""
    surnames = _surname_of_the_corpus(briefs)
    kinds = _kind_of_the_corpus(briefs)
    shown = _kinds_shown(briefs)
    settled = []
    for brief in briefs:
        # A surname does not join a full name the brief has already as an actor of its own.
        taken = {actor.id for actor in brief.actors}
        lone = {i: full for i, full in surnames.items() if full.id not in taken}
        actors = tuple(_settled(actor, lone, kinds, shown) for actor in brief.actors)
        if len({actor.id for actor in actors}) < len(actors):
            actors = tuple(_settled(actor, {}, kinds, shown) for actor in brief.actors)
        settled.append(brief if actors == brief.actors else _with_actors(brief, actors))
    return settled


def _with_actors(brief: Brief, actors: tuple[Actor, ...]) -> Brief:
    names = {old.name: new.name for old, new in zip(brief.actors, actors, strict=True)}
    tags = tuple(dict.fromkeys(names.get(tag, tag) for tag in brief.tags))
    return dataclasses.replace(brief, actors=actors, tags=tags)


def _settled(
    actor: Actor,
    surnames: dict[str, Actor],
    kinds: dict[str, tuple[ActorKind, str]],
    shown: set[tuple[str, ActorKind]],
) -> Actor:
    full = surnames.get(actor.id) if actor.kind == "person" and " " not in actor.name else None
    if full is not None:
        return dataclasses.replace(
            actor,
            id=full.id,
            name=full.name,
            aliases=tuple(sorted({*actor.aliases, actor.name})),
            evidence=(*actor.evidence, f"corpus: the surname of {full.name}"),
        )
    corpus_kind = kinds.get(actor.id)
    if (
        corpus_kind is not None
        and corpus_kind[0] != actor.kind
        and _is_model_typed(actor)
        and (actor.id, actor.kind) not in shown
    ):
        kind, why = corpus_kind
        return dataclasses.replace(actor, kind=kind, evidence=(*actor.evidence, why))
    return actor


def _is_model_typed(actor: Actor) -> bool:
    return bool(actor.evidence) and all(e.startswith(MODEL_EVIDENCE) for e in actor.evidence)


def _surname_of_the_corpus(briefs: Sequence[Brief]) -> dict[str, Actor]:
    """Lone surname's id -> the person the corpus names in full with it, where one stands out."""
    full_names: dict[str, Counter[str]] = defaultdict(Counter)
    people: dict[str, Actor] = {}
    # A lone surname -> the id of its first mention, found in this pass (searching every brief
    # again for each surname took 3 s of a rebuild of 4,000 articles).
    lone: dict[str, str] = {}
    for brief in briefs:
        for actor in brief.actors:
            if actor.kind != "person":
                continue
            words = actor.name.split()
            if len(words) > 1 and words[-1][:1].isupper():
                full_names[words[-1]][actor.id] += 1
                people.setdefault(actor.id, actor)
            elif len(words) == 1:
                lone.setdefault(actor.name, actor.id)
    found: dict[str, Actor] = {}
    for name in sorted(lone):
        ranked = full_names.get(name, Counter()).most_common(2)
        if not ranked or ranked[0][1] < MIN_FULL_NAME_BRIEFS:
            continue
        if len(ranked) == 1 or ranked[0][1] >= DOMINANCE * ranked[1][1]:
            found[lone[name]] = people[ranked[0][0]]
    return found


def _kind_of_the_corpus(briefs: Sequence[Brief]) -> dict[str, tuple[ActorKind, str]]:
    """Actor id -> the kind most briefs give it, with the line that says so (a tie settles
    nothing)."""
    seen: dict[str, Counter[ActorKind]] = defaultdict(Counter)
    for brief in briefs:
        for actor in brief.actors:
            seen[actor.id][actor.kind] += 1
    kinds: dict[str, tuple[ActorKind, str]] = {}
    for actor_id, counts in seen.items():
        ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
        kind, count = ranked[0]
        if len(ranked) == 1 or count > ranked[1][1]:
            total = sum(counts.values())
            kinds[actor_id] = (kind, f"corpus: {count} of {total} briefs type it {kind}")
    return kinds


def _kinds_shown(briefs: Sequence[Brief]) -> set[tuple[str, ActorKind]]:
    """(actor id, kind) pairs some brief shows on evidence of its own."""
    return {
        (actor.id, actor.kind)
        for brief in briefs
        for actor in brief.actors
        if not _is_model_typed(actor)
    }
