"""`briefs actors --suggest`: briefs in, registry entries for actors not yet registered out."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from generator.analysis.gazetteer import Gazetteer
from generator.analysis.registry import Registry
from generator.models import Actor, Brief
from generator.site.render import dump_yaml


@dataclass(frozen=True)
class Suggestion:
    """An actor seen in the corpus that the registry does not know."""

    name: str
    kind: str
    aliases: tuple[str, ...]
    briefs: int
    mentions: int
    role: str | None


def suggest_actors(
    briefs: Sequence[Brief], registry: Registry, gazetteer: Gazetteer
) -> list[Suggestion]:
    """Unregistered actors, seen in most briefs first, then most mentioned, then by name.

    Countries the built-in gazetteer knows are left out: they are recognised already.
    """
    seen: dict[str, list[Actor]] = {}
    for brief in briefs:
        for actor in brief.actors:
            if registry.by_name(actor.name) is None and gazetteer.lookup(actor.name) is None:
                seen.setdefault(actor.name, []).append(actor)
    suggestions = [_suggestion(name, actors) for name, actors in seen.items()]
    return sorted(suggestions, key=lambda s: (-s.briefs, -s.mentions, s.name.casefold()))


def _suggestion(name: str, actors: list[Actor]) -> Suggestion:
    kinds = Counter(actor.kind for actor in actors)
    roles = Counter(actor.role for actor in actors if actor.role)
    return Suggestion(
        name=name,
        kind=max(kinds, key=lambda kind: (kinds[kind], kind)),
        aliases=tuple(sorted({alias for actor in actors for alias in actor.aliases})),
        briefs=len(actors),
        mentions=sum(actor.mentions for actor in actors),
        role=max(roles, key=lambda role: (roles[role], role)) if roles else None,
    )


def suggestions_yaml(suggestions: Sequence[Suggestion]) -> str:
    """Registry entries ready to paste into content/actors.yml, each with where it was seen."""
    blocks = []
    for item in suggestions:
        entry: dict[str, object] = {"name": item.name, "kind": item.kind}
        if item.aliases:
            entry["aliases"] = list(item.aliases)
        if item.role:
            entry["description"] = item.role
        plural = "s" if item.briefs > 1 else ""
        seen = f"# seen in {item.briefs} brief{plural}, {item.mentions} mentions"
        body = dump_yaml(entry).rstrip("\n").replace("\n", "\n  ")
        blocks.append(f"{seen}\n- {body}\n")
    return "".join(blocks)
