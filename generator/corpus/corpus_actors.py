"""One actor per real-world entity across the corpus: every `Brief` in, the same briefs out with
their actors settled against the rest of the corpus.

Each brief is analysed alone, so the corpus can read one name two ways: "Obama" alone in one
brief and "Barack Obama" in twenty, "Wales" a place in ninety briefs and, by the model's label
alone, an organisation in a few. Four passes settle that, each recorded in the actor's evidence:

- `_surname_of_the_corpus`: a person named by one word only joins the one person of the corpus
  whose full name ends in it, where the corpus names that person in full in at least two briefs
  and names no other with that surname a third as often.
- `_kind_of_the_corpus`: an actor that only the model's label typed takes the kind most briefs
  give it, a brief that shows a kind on evidence of its own (a rule, a gazetteer, the
  registry, the text) counting as three, a list alone (a gazetteer knows the name as a town)
  as the model's label; on a tie, the kind shown on evidence, then the kind a list confirms,
  then the kind with most mentions. Only kinds shown on evidence stay side by side
  ("England" a place and, by a rule, a team); a brief typed by the model's label alone takes
  the corpus's kind even where another brief shows its label's kind on evidence, unless the
  name is a listed town read as a place or a body (a town and its team).

- `_without_label_only_actors`: a place that only the model's label made one, which no list knows
  and no words place (`UNPLACED`: "the Big Bang", "Spyware"), is dropped, unless the corpus
  answered what it is (a body in other briefs, or a place on their evidence); so is a person
  or body of ordinary words only the model's label shows (`UNSHOWN`: "Neural Engine"), unless
  a brief shows it of that kind on evidence; and a product named after a company of the
  corpus the model calls a person (`made_things`: "Nintendo Switch Lite" where Nintendo is a
  body in other briefs).
- `_own_to_its_brief`: a person left with a common given name or surname alone, or with a
  surname the corpus gives in full to several people, is the brief's own actor, not one of
  the corpus; so is a body by a name many countries give theirs ("Senate") where the brief
  does not say whose.

None overturns an actor a brief types on evidence of its own, nor one the registry names.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from generator.analysis.actors.mentions import UNPLACED, UNSHOWN
from generator.analysis.actors.weak_names import AN_ACRONYM_OF_A_THING
from generator.analysis.place_names import place_names
from generator.corpus.actor_tally import KeptTally, Tally, is_model_typed, tally_of
from generator.corpus.made_things import maker_of, makers_of_the_corpus
from generator.models import Actor, ActorKind, Brief

MIN_FULL_NAME_BRIEFS = 2
"""Briefs that must name a person in full before a surname alone elsewhere is theirs."""
DOMINANCE = 3
"""How many times more often than any other person of that surname the corpus must name them."""
REGISTRY_EVIDENCE = "registry"


def settle_corpus_actors(briefs: Sequence[Brief], kept: ActorsSettled | None = None) -> list[Brief]:
    """The briefs with each lone surname joined to its full name and each actor's kind the
    corpus's where only the model's label typed it.

    With kept (`briefs serve`), a brief whose actors and tags are those of the last settling,
    none of them answered otherwise by the corpus this time, takes its settled actors again.
    """
    counted = kept.tally.of(briefs) if kept is not None else tally_of(briefs)
    surnames, shared = _surname_of_the_corpus(counted)
    answers = _Answers(
        surnames,
        shared,
        _kind_of_the_corpus(counted),
        frozenset(counted.shown),
        makers_of_the_corpus(counted),
        frozenset(counted.carded_counts),
    )
    last = kept.take(answers) if kept is not None else _Last({}, frozenset(), frozenset())
    settled = []
    for brief in briefs:
        before = last.settled.get(brief.article.slug)
        if before is not None and _still_holds(before, brief, last):
            actors, tags = before.actors_out, before.tags_out
        else:
            actors = _settled_actors(brief, answers)
            tags = _settled_tags(brief, actors)
            actors, tags = _without_label_only_actors(brief, actors, tags, answers)
        if kept is not None:
            kept.settled[brief.article.slug] = _Settling(brief.actors, brief.tags, actors, tags)
        settled.append(
            brief
            if actors == brief.actors
            else dataclasses.replace(brief, actors=actors, tags=tags)
        )
    return settled


def _settled_actors(brief: Brief, answers: _Answers) -> tuple[Actor, ...]:
    surnames, kinds, shown = answers.surnames, answers.kinds, answers.shown
    # A surname does not join a full name the brief has already as an actor of its own.
    taken = frozenset(actor.id for actor in brief.actors)
    actors = tuple(_settled(actor, surnames, taken, kinds, shown) for actor in brief.actors)
    if len({actor.id for actor in actors}) < len(actors):
        actors = tuple(_settled(actor, {}, taken, kinds, shown) for actor in brief.actors)
    return tuple(_own_to_its_brief(a, brief.article.slug, answers.shared) for a in actors)


@dataclass(frozen=True)
class _Answers:
    """What the corpus answers for settling: its lone surnames' full names, the surnames
    several people share, each actor's kind where briefs differ, the kinds shown on evidence."""

    surnames: dict[str, Actor]
    shared: frozenset[str]
    kinds: dict[str, tuple[ActorKind, str]]
    shown: frozenset[tuple[str, ActorKind]]
    makers: frozenset[str]
    """The ids of the corpus's companies, whose products are no actors."""
    carded: frozenset[tuple[str, ActorKind]] = frozenset()
    """The kinds some brief shows each actor in, on whatever evidence (not `UNSHOWN`)."""


@dataclass(frozen=True)
class _Settling:
    """One brief's actors and tags before and after the last settling."""

    actors_in: tuple[Actor, ...]
    tags_in: tuple[str, ...]
    actors_out: tuple[Actor, ...]
    tags_out: tuple[str, ...]


@dataclass(frozen=True)
class _Last:
    """The last settling, and the actor ids and names the corpus answers otherwise since."""

    settled: dict[str, _Settling]
    moved_ids: frozenset[str]
    moved_names: frozenset[str]
    moved_makers: frozenset[str] = frozenset()
    """Companies found or lost: their products' ids ("nintendo-switch") move with them."""


@dataclass
class ActorsSettled:
    """The last settling of this process, kept by `briefs serve` from build to build.

    After an edit, only the briefs whose actors changed, or one of whose actors the corpus now
    answers otherwise (a surname's full name, a kind), are settled again: at 4,000 briefs, the
    others are nearly all of them.
    """

    answers: _Answers | None = None
    settled: dict[str, _Settling] = field(default_factory=dict)
    tally: KeptTally = field(default_factory=KeptTally)
    """What the corpus's actors add up to, counted again only for the briefs that changed."""

    def take(self, answers: _Answers) -> _Last:
        """The last settling, with what moved between its answers and these; keep these."""
        before, settled = self.answers, self.settled
        self.answers, self.settled = answers, {}
        if before is None:
            return _Last({}, frozenset(), frozenset())
        # Symmetric differences of items: an answer added, dropped or changed moves its key.
        ids = {key for key, _ in before.surnames.items() ^ answers.surnames.items()}
        ids |= {key for key, _ in before.kinds.items() ^ answers.kinds.items()}
        ids |= {key for key, _ in before.shown ^ answers.shown}
        ids |= {key for key, _ in before.carded ^ answers.carded}
        makers = before.makers ^ answers.makers
        return _Last(settled, frozenset(ids), before.shared ^ answers.shared, makers)


def _still_holds(before: _Settling, brief: Brief, last: _Last) -> bool:
    """Tell whether a brief settles as it did: the same actors and tags, none of them moved."""
    return (
        before.actors_in == brief.actors
        and before.tags_in == brief.tags
        and not any(
            actor.id in last.moved_ids
            or actor.name in last.moved_names
            or any(actor.id.startswith(f"{maker}-") for maker in last.moved_makers)
            for actor in brief.actors
        )
    )


def _own_to_its_brief(actor: Actor, slug: str, shared: frozenset[str]) -> Actor:
    """A person named only by a common given name or surname that nothing tied to a full name
    ("Miller" of a squad list, "David" of a song's title), or by a surname the corpus gives in
    full to several people ("Palin": Sarah and Michael), is this brief's own: one page would
    gather every Miller or Palin of the corpus under one name. A rarer single name
    ("Madonna", "Yudhoyono") stays one actor across the corpus. So is a body named by a name
    many countries give theirs ("the Senate", "the Government") where the brief does not say
    whose: one page would gather the senates of Nigeria and the United States."""
    if REGISTRY_EVIDENCE in actor.evidence:
        return actor
    if actor.kind == "organisation" and _is_generic_body(actor.name):
        why = "corpus: a body many countries have, named without its country, this brief's own"
        return dataclasses.replace(
            actor, id=f"{actor.id}-in-{slug}", evidence=(*actor.evidence, why)
        )
    if actor.kind != "person" or " " in actor.name:
        return actor
    if actor.name in shared:
        why = "corpus: a surname several people share, this brief's own"
    elif place_names().is_common_name(actor.name):
        why = "corpus: a common name alone, this brief's own"
    else:
        return actor
    return dataclasses.replace(actor, id=f"{actor.id}-in-{slug}", evidence=(*actor.evidence, why))


def _is_generic_body(name: str) -> bool:
    """Whether a name is one many countries give a body of their own (`data/generic_bodies.yml`)."""
    words = name.casefold().split()
    return " ".join(words[1:] if words[:1] == ["the"] else words) in place_names().generic_bodies


def _without_label_only_actors(
    brief: Brief,
    actors: tuple[Actor, ...],
    tags: tuple[str, ...],
    answers: _Answers,
) -> tuple[tuple[Actor, ...], tuple[str, ...]]:
    """Drop a place only the model's label made one (`UNPLACED`) that the corpus did not
    answer otherwise: no brief showed it a body or a person, nor a place on evidence ("in
    Europe" elsewhere makes a place of "Europe" here); a person or body only the model's
    label shows (`UNSHOWN`) that no brief shows of its kind on evidence and the brief does not
    quote; and a product of a company of the corpus (`made_things.maker_of`)."""
    shown = answers.shown
    speakers = {quote.speaker for quote in brief.quotes_found if quote.speaker}
    gone = {
        actor.name
        for actor in actors
        if (actor.id, actor.kind) not in shown
        and (
            (actor.kind == "place" and UNPLACED in actor.evidence)
            or (
                UNSHOWN in actor.evidence
                and not actor.quoted
                and actor.name not in speakers
                # An acronym written here only before a thing's noun ("FIFA rankings") is the
                # body another brief cards ("FIFA said"); a technology is carded nowhere.
                and not (
                    AN_ACRONYM_OF_A_THING in actor.evidence
                    and (actor.id, actor.kind) in answers.carded
                )
            )
            or maker_of(actor, answers.makers, shown, speakers) is not None
        )
    }
    if not gone:
        return actors, tags
    return (
        tuple(actor for actor in actors if actor.name not in gone),
        tuple(tag for tag in tags if tag not in gone),
    )


def _settled_tags(brief: Brief, actors: tuple[Actor, ...]) -> tuple[str, ...]:
    """The brief's tags, each actor's name as settled."""
    names = {old.name: new.name for old, new in zip(brief.actors, actors, strict=True)}
    return tuple(dict.fromkeys(names.get(tag, tag) for tag in brief.tags))


def _settled(
    actor: Actor,
    surnames: dict[str, Actor],
    taken: frozenset[str],
    kinds: dict[str, tuple[ActorKind, str]],
    shown: frozenset[tuple[str, ActorKind]],
) -> Actor:
    full = surnames.get(actor.id) if actor.kind == "person" and " " not in actor.name else None
    if full is not None and full.id not in taken:
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
        and is_model_typed(actor)
        and not ((actor.id, actor.kind) in shown and _town_or_its_team(actor, corpus_kind[0]))
    ):
        kind, why = corpus_kind
        return dataclasses.replace(actor, kind=kind, evidence=(*actor.evidence, why))
    return actor


def _town_or_its_team(actor: Actor, corpus_kind: ActorKind) -> bool:
    """Whether the name is a place a list knows, read as a place or as a body: a town and its
    team ("Wales", "Liverpool") are two actors of one name, told apart in a brief by the
    model's label as well as by anything, so a label another brief shows on evidence stands.
    Only a brief's own evidence keeps any other kind apart from the corpus's ("Everton" named
    as a person once makes no person of its label elsewhere)."""
    return {actor.kind, corpus_kind} == {"place", "organisation"} and (
        place_names().place_source(actor.name) is not None
    )


def _surname_of_the_corpus(tally: Tally) -> tuple[dict[str, Actor], frozenset[str]]:
    """Lone surname's id -> the person the corpus names in full with it, where one stands out;
    and the lone surnames the corpus gives in full to several people, none standing out."""
    full_names, lone = tally.full_names, tally.lone
    found: dict[str, Actor] = {}
    shared: set[str] = set()
    for name in sorted(lone):
        ranked = full_names.get(name, Counter()).most_common(2)
        stands_out = len(ranked) == 1 or (
            len(ranked) == 2 and ranked[0][1] >= DOMINANCE * ranked[1][1]
        )
        if ranked and ranked[0][1] >= MIN_FULL_NAME_BRIEFS and stands_out:
            found[lone[name]] = tally.person(ranked[0][0])
        elif len(ranked) == 2:
            shared.add(name)
    return found, frozenset(shared)


def _kind_of_the_corpus(tally: Tally) -> dict[str, tuple[ActorKind, str]]:
    """Actor id -> the kind the corpus gives it, with the line that says so: the one in most
    briefs, each brief that shows a kind on evidence counting `EVIDENCE_WEIGHT` times (the
    others of that kind once each); on a tie, the one shown on evidence, then the one a list
    confirms, then the one with most mentions, then the first by name (so a tie still
    settles, the same way every build). Two briefs that call Ericsson a body outweigh four
    where the model labelled it a person; one "chief executive" beside "Intel" does not make
    a person of Intel in eighteen briefs, nor one beside "Sky" of Sky in two.

    An actor the corpus types one way only is left out: no brief has a kind to change.
    """
    kinds: dict[str, tuple[ActorKind, str]] = {}
    for actor_id, seen in tally.kinds.items():
        if len(seen) < 2:
            continue
        kind = min(
            seen,
            key=lambda k: (
                -seen[k].weight,
                (actor_id, k) not in tally.shown_counts,
                (actor_id, k) not in tally.listed_counts,
                -seen[k].mentions,
                k,
            ),
        )
        total = sum(s.briefs for s in seen.values())
        why = "on evidence" if (actor_id, kind) in tally.shown_counts else "by the model's label"
        line = f"corpus: {seen[kind].briefs} of {total} briefs type it {kind} {why}"
        kinds[actor_id] = (kind, line)
    return kinds
