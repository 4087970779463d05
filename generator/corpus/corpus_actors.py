"""One actor per real-world entity across the corpus: every `Brief` in, the same briefs out with
their actors settled against the rest of the corpus.

Each brief is analysed alone, so the corpus can read one name two ways: "Obama" alone in one
brief and "Barack Obama" in twenty, "Wales" a place in ninety briefs and, by the model's label
alone, an organisation in a few. Three passes settle that, each recorded in the actor's evidence:

- `_surname_of_the_corpus`: a person named by one word only joins the one person of the corpus
  whose full name ends in it, where the corpus names that person in full in at least two briefs
  and names no other with that surname a third as often.
- `_kind_of_the_corpus`: an actor that only the model's label typed takes the kind most briefs
  give it, a brief that shows a kind on evidence of its own (a rule, a gazetteer, the
  registry, the text) counting as three, a list alone (a gazetteer knows the name as a town)
  as the model's label; on a tie, the kind shown on evidence, then the kind a list confirms,
  then the kind with most mentions. Only kinds shown on evidence stay side by side
  ("England" a place and, by a rule, a team).

- `_own_to_its_brief`: a person left with a common given name or surname alone, or with a
  surname the corpus gives in full to several people, is the brief's own actor, not one of
  the corpus.

None overturns an actor a brief types on evidence of its own, nor one the registry names.
"""

from __future__ import annotations

import dataclasses
from collections import Counter, defaultdict
from collections.abc import Sequence

from generator.analysis.actors.mentions import (
    LISTED,
    NAME_MERGES,
    SURNAME_OF_A_FULL_NAME,
    name_core,
)
from generator.analysis.place_names import place_names
from generator.models import Actor, ActorKind, Brief

MIN_FULL_NAME_BRIEFS = 2
"""Briefs that must name a person in full before a surname alone elsewhere is theirs."""
DOMINANCE = 3
"""How many times more often than any other person of that surname the corpus must name them."""
EVIDENCE_WEIGHT = 3
"""How many briefs typed by the model's label alone one brief's evidence for a kind outweighs."""
MODEL_EVIDENCE = "model "
REGISTRY_EVIDENCE = "registry"
"""How evidence from the model's label alone starts ("model PERSON ×2")."""


def settle_corpus_actors(briefs: Sequence[Brief]) -> list[Brief]:
    """The briefs with each lone surname joined to its full name and each actor's kind the
    corpus's where only the model's label typed it."""
    surnames, shared = _surname_of_the_corpus(briefs)
    shown = _kinds_shown(briefs)
    kinds = _kind_of_the_corpus(briefs, shown)
    settled = []
    for brief in briefs:
        # A surname does not join a full name the brief has already as an actor of its own.
        taken = {actor.id for actor in brief.actors}
        lone = {i: full for i, full in surnames.items() if full.id not in taken}
        actors = tuple(_settled(actor, lone, kinds, shown) for actor in brief.actors)
        if len({actor.id for actor in actors}) < len(actors):
            actors = tuple(_settled(actor, {}, kinds, shown) for actor in brief.actors)
        actors = tuple(_own_to_its_brief(actor, brief.article.slug, shared) for actor in actors)
        settled.append(brief if actors == brief.actors else _with_actors(brief, actors))
    return settled


def _own_to_its_brief(actor: Actor, slug: str, shared: frozenset[str]) -> Actor:
    """A person named only by a common given name or surname that nothing tied to a full name
    ("Miller" of a squad list, "David" of a song's title), or by a surname the corpus gives in
    full to several people ("Palin": Sarah and Michael), is this brief's own: one page would
    gather every Miller or Palin of the corpus under one name. A rarer single name
    ("Madonna", "Yudhoyono") stays one actor across the corpus."""
    if actor.kind != "person" or " " in actor.name or REGISTRY_EVIDENCE in actor.evidence:
        return actor
    if actor.name in shared:
        why = "corpus: a surname several people share, this brief's own"
    elif place_names().is_common_name(actor.name):
        why = "corpus: a common name alone, this brief's own"
    else:
        return actor
    return dataclasses.replace(actor, id=f"{actor.id}-in-{slug}", evidence=(*actor.evidence, why))


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
    """Typed by the model's labels alone: a merge of the name's mentions, or a surname taking
    its full name's kind ("Villa" of a club the model called a person), shows no kind."""
    return bool(actor.evidence) and all(
        e.startswith(MODEL_EVIDENCE) or e.endswith(NAME_MERGES) or _is_full_names_kind(e)
        for e in actor.evidence
    )


def _is_full_names_kind(evidence: str) -> bool:
    """ "the surname of a full name", or "the surname of a full name ×2"."""
    return evidence.partition(" ×")[0] == SURNAME_OF_A_FULL_NAME


def _surname_of_the_corpus(briefs: Sequence[Brief]) -> tuple[dict[str, Actor], frozenset[str]]:
    """Lone surname's id -> the person the corpus names in full with it, where one stands out;
    and the lone surnames the corpus gives in full to several people, none standing out."""
    full_names: dict[str, Counter[str]] = defaultdict(Counter)
    people: dict[str, Actor] = {}
    # A lone surname -> the id of its first mention, found in this pass (searching every brief
    # again for each surname took 3 s of a rebuild of 4,000 articles).
    lone: dict[str, str] = {}
    for brief in briefs:
        for actor in brief.actors:
            if actor.kind != "person":
                continue
            words = name_core(actor.name.split())
            if len(words) > 1 and words[-1][:1].isupper():
                full_names[words[-1]][actor.id] += 1
                people.setdefault(actor.id, actor)
            elif len(words) == 1:
                lone.setdefault(actor.name, actor.id)
    found: dict[str, Actor] = {}
    shared: set[str] = set()
    for name in sorted(lone):
        ranked = full_names.get(name, Counter()).most_common(2)
        stands_out = len(ranked) == 1 or (
            len(ranked) == 2 and ranked[0][1] >= DOMINANCE * ranked[1][1]
        )
        if ranked and ranked[0][1] >= MIN_FULL_NAME_BRIEFS and stands_out:
            found[lone[name]] = people[ranked[0][0]]
        elif len(ranked) == 2:
            shared.add(name)
    return found, frozenset(shared)


def _kind_of_the_corpus(
    briefs: Sequence[Brief], shown: set[tuple[str, ActorKind]]
) -> dict[str, tuple[ActorKind, str]]:
    """Actor id -> the kind the corpus gives it, with the line that says so: the one in most
    briefs, each brief that shows a kind on evidence counting `EVIDENCE_WEIGHT` times (the
    others of that kind once each); on a tie, the one shown on evidence, then the one a list
    confirms, then the one with most mentions, then the first by name (so a tie still
    settles, the same way every build). Two briefs that call Ericsson a body outweigh four
    where the model labelled it a person; one "chief executive" beside "Intel" does not make
    a person of Intel in eighteen briefs, nor one beside "Sky" of Sky in two."""
    seen: dict[str, Counter[ActorKind]] = defaultdict(Counter)
    weights: dict[str, Counter[ActorKind]] = defaultdict(Counter)
    mentions: dict[str, Counter[ActorKind]] = defaultdict(Counter)
    listed: set[tuple[str, ActorKind]] = set()
    for brief in briefs:
        for actor in brief.actors:
            seen[actor.id][actor.kind] += 1
            # Only the brief that shows the evidence weighs more, not every brief of its kind.
            weights[actor.id][actor.kind] += 1 if _is_model_typed(actor) else EVIDENCE_WEIGHT
            if any(e.startswith(MODEL_EVIDENCE) and LISTED in e for e in actor.evidence):
                listed.add((actor.id, actor.kind))
            mentions[actor.id][actor.kind] += actor.mentions
    kinds: dict[str, tuple[ActorKind, str]] = {}
    for actor_id, counts in seen.items():
        weight = weights[actor_id]
        kind = min(
            counts,
            key=lambda k: (
                -weight[k],
                (actor_id, k) not in shown,
                (actor_id, k) not in listed,
                -mentions[actor_id][k],
                k,
            ),
        )
        total = sum(counts.values())
        why = "on evidence" if (actor_id, kind) in shown else "by the model's label"
        kinds[actor_id] = (kind, f"corpus: {counts[kind]} of {total} briefs type it {kind} {why}")
    return kinds


def _kinds_shown(briefs: Sequence[Brief]) -> set[tuple[str, ActorKind]]:
    """(actor id, kind) pairs some brief shows on evidence of its own."""
    return {
        (actor.id, actor.kind)
        for brief in briefs
        for actor in brief.actors
        if not _is_model_typed(actor)
    }
