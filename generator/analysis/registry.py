"""The analysts' registry of known actors: `content/actors.yml` in, validated actors out.

Recognition puts the registry ahead of spaCy's statistical model (an EntityRuler before `ner`),
so a registered name or alias is always found and merged under its canonical name and id.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, get_args

import yaml
from spacy.language import Language
from spacy.tokens import Doc, Span

from generator.errors import BriefError
from generator.models import ActorKind

REGISTRY_FILE = "actors.yml"
RULER_NAME = "actor_registry"
GUARD_NAME = "actor_registry_whole_names"
FIELDS = ("name", "id", "kind", "aliases", "description", "country", "wikidata")
WIKIDATA_ID = re.compile(r"^Q[1-9]\d*$")
ENTITY_LABELS: dict[str, str] = {
    "person": "PERSON",
    "organisation": "ORG",
    "country": "GPE",
    "place": "LOC",
    "group": "NORP",
}


@dataclass(frozen=True)
class RegisteredActor:
    """One entry of the registry."""

    id: str
    name: str
    kind: ActorKind
    aliases: tuple[str, ...] = ()
    description: str | None = None
    country: str | None = None
    wikidata: str | None = None


@dataclass(frozen=True)
class Registry:
    """Every registered actor, findable by id and by any of its names."""

    actors: tuple[RegisteredActor, ...] = ()
    # Indexes, made once: actors are looked up for every mention in every article.
    _by_id: dict[str, RegisteredActor] = field(init=False, repr=False, compare=False)
    _by_name: dict[str, RegisteredActor] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        by_id: dict[str, RegisteredActor] = {}
        by_name: dict[str, RegisteredActor] = {}
        for actor in self.actors:  # the first actor of an id or name is the one found
            by_id.setdefault(actor.id, actor)
            for name in (actor.name, *actor.aliases):
                by_name.setdefault(name.casefold(), actor)
        object.__setattr__(self, "_by_id", by_id)
        object.__setattr__(self, "_by_name", by_name)

    def by_id(self, actor_id: str) -> RegisteredActor | None:
        return self._by_id.get(actor_id)

    def by_name(self, name: str) -> RegisteredActor | None:
        """Find an actor by its name or an alias, ignoring case."""
        return self._by_name.get(name.casefold())

    @property
    def descriptions(self) -> dict[str, str]:
        return {actor.id: actor.description for actor in self.actors if actor.description}


def actor_id(name: str) -> str:
    """Return the stable slug of an actor's canonical name."""
    slug = re.sub(r"[\W_]+", "-", name.casefold()).strip("-") or "actor"
    # actors/index.md lists the actors; no actor page may take its name.
    return f"{slug}-actor" if slug == "index" else slug


def load_registry(content_dir: Path) -> Registry:
    """Read and validate `content/actors.yml`; an absent file is an empty registry."""
    path = content_dir / REGISTRY_FILE
    if not path.exists():
        return Registry()
    return parse_registry(path.read_text(encoding="utf-8"), f"{content_dir.name}/{REGISTRY_FILE}")


def parse_registry(text: str, source: str) -> Registry:
    """Parse registry YAML; raise one BriefError listing every problem by line."""
    try:
        root = yaml.compose(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = f":{mark.line + 1}" if mark is not None else ""
        raise BriefError(
            f"{source}{line}: not valid YAML: {getattr(error, 'problem', error)}"
        ) from None
    if root is None:
        return Registry()
    if not isinstance(root, yaml.SequenceNode):
        raise BriefError(f"{source}:{root.start_mark.line + 1}: expected a list of actors")
    problems: list[str] = []
    actors = [_entry(node, source, problems) for node in root.value]
    _check_unique(actors, source, problems)
    if problems:
        raise BriefError("\n".join(problems))
    return Registry(tuple(actor for actor, _ in actors if actor is not None))


def _entry(node: yaml.Node, source: str, problems: list[str]) -> tuple[RegisteredActor | None, int]:
    line = node.start_mark.line + 1
    where = f"{source}:{line}"
    if not isinstance(node, yaml.MappingNode):
        problems.append(f"{where}: expected an actor like {{name: ..., kind: person}}")
        return None, line
    entry: dict[str, Any] = yaml.safe_load(yaml.serialize(node))
    before = len(problems)
    for key in entry:
        if key not in FIELDS:
            problems.append(f"{where}: unknown field '{key}'; expected one of {', '.join(FIELDS)}")
    name = entry.get("name")
    if not isinstance(name, str) or not name.strip():
        problems.append(f"{where}: 'name' is required and must be text")
    kind = entry.get("kind", "person")
    if kind not in get_args(ActorKind):
        expected = ", ".join(get_args(ActorKind))
        problems.append(f"{where}: 'kind': expected one of {expected}, got {kind!r}")
    aliases = entry.get("aliases", [])
    if not isinstance(aliases, list) or not all(isinstance(a, str) and a.strip() for a in aliases):
        problems.append(f"{where}: 'aliases': expected a list of names, got {aliases!r}")
    for key in ("description", "country", "id"):
        if entry.get(key) is not None and not isinstance(entry[key], str):
            problems.append(f"{where}: '{key}': expected text, got {entry[key]!r}")
    wikidata = entry.get("wikidata")
    if wikidata is not None and not (isinstance(wikidata, str) and WIKIDATA_ID.match(wikidata)):
        problems.append(f"{where}: 'wikidata': expected an id like Q7747, got {wikidata!r}")
    if len(problems) > before or not isinstance(name, str):
        return None, line
    return (
        RegisteredActor(
            id=entry.get("id") or actor_id(name),
            name=name.strip(),
            kind=kind,
            aliases=tuple(a.strip() for a in aliases),
            description=entry.get("description"),
            country=entry.get("country"),
            wikidata=wikidata,
        ),
        line,
    )


def _check_unique(
    actors: list[tuple[RegisteredActor | None, int]], source: str, problems: list[str]
) -> None:
    """No id, and no name or alias, may belong to two actors."""
    owners: dict[str, tuple[str, int]] = {}
    for actor, line in actors:
        if actor is None:
            continue
        for key in {
            f"id {actor.id}",
            *(f"name {n.casefold()}" for n in (actor.name, *actor.aliases)),
        }:
            if key in owners and owners[key][0] != actor.name:
                other, other_line = owners[key]
                what = key.split(" ", 1)
                problems.append(
                    f"{source}:{line}: {what[0]} '{what[1]}' of {actor.name} is already "
                    f"used by {other} (line {other_line})"
                )
            owners.setdefault(key, (actor.name, line))


@Language.component(GUARD_NAME)
def keep_whole_names(doc: Doc) -> Doc:
    """Drop a registry match that is only part of a longer name ("Security Council" inside
    "US National Security Council"), so the recogniser sees the whole name."""
    doc.ents = [ent for ent in doc.ents if not _inside_longer_name(ent)]
    return doc


def _inside_longer_name(ent: Span) -> bool:
    doc = ent.doc
    before = doc[ent.start - 1] if ent.start > 0 else None
    after = doc[ent.end] if ent.end < len(doc) else None
    return any(
        token is not None and token.tag_ in ("NNP", "NNPS") and token.text[:1].isupper()
        for token in (before, after)
    )


def install_registry(nlp: Language, registry: Registry) -> None:
    """Put the registry's names ahead of the statistical recogniser (replacing an earlier one)."""
    for name in (GUARD_NAME, RULER_NAME):
        if name in nlp.pipe_names:
            nlp.remove_pipe(name)
    if not registry.actors:
        return
    nlp.add_pipe(GUARD_NAME, before="ner")
    ruler = nlp.add_pipe(
        "entity_ruler", name=RULER_NAME, before=GUARD_NAME, config={"overwrite_ents": True}
    )
    ruler.add_patterns(  # type: ignore[attr-defined]
        [
            {"label": ENTITY_LABELS[actor.kind], "pattern": name, "id": actor.id}
            for actor in registry.actors
            for name in (actor.name, *actor.aliases)
        ]
    )
