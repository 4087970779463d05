"""Read a rules file of the analysis: YAML text in, its entries out, each with the file and line
it starts on, and the problems of its fields named there (`data/actor_rules.yml`,
`data/stakes_cues.yml`, `data/page_terms.yml`)."""

from __future__ import annotations

import importlib.resources
from collections.abc import Callable, Iterable
from typing import Any, Protocol, TypeVar

import yaml

from generator.errors import BriefError


class Named(Protocol):
    """An entry of a rules file, known by its name."""

    @property
    def name(self) -> str: ...


EntryT = TypeVar("EntryT", bound=Named)


def read_entries(text: str, source: str, kind: str) -> list[tuple[str, Any]]:
    """Each entry of a YAML list with where it starts ("rules.yml:12"); a file that is no list
    raises a `BriefError` saying what was expected."""
    root = yaml.compose(text)
    if not isinstance(root, yaml.SequenceNode):
        raise BriefError(f"{source}: expected a list of {kind}s like '- name: ...'")
    return [
        (f"{source}:{node.start_mark.line + 1}", yaml.safe_load(yaml.serialize(node)))
        for node in root.value
    ]


def field_problems(
    entry: object, where: str, kind: str, required: Iterable[str], fields: Iterable[str]
) -> list[str]:
    """What is wrong with an entry's fields: not a mapping, a required field missing, a field
    the file does not know."""
    required, fields = tuple(required), frozenset(fields)
    if not isinstance(entry, dict):
        return [f"{where}: expected a {kind} with {', '.join(required)}"]
    return [f"{where}: missing '{key}'" for key in required if key not in entry] + [
        f"{where}: unknown field '{key}'" for key in entry if key not in fields
    ]


def patterned_entry_problems(
    entry: object, where: str, kind: str, required: Iterable[str], fields: Iterable[str]
) -> list[str]:
    """`field_problems`, and whether the entry's `token_patterns` are a list of Matcher
    patterns (asked only when its fields are right)."""
    found = field_problems(entry, where, kind, required, fields)
    patterns = entry.get("token_patterns") if isinstance(entry, dict) else None
    if not found and not (
        isinstance(patterns, list) and all(isinstance(p, list) and p for p in patterns)
    ):
        found.append(f"{where}: 'token_patterns': expected a list of Matcher patterns")
    return found


def named_entries(
    text: str,
    source: str,
    kind: str,
    read_one: Callable[[Any, str, list[str]], EntryT | None],
) -> list[tuple[EntryT, dict[str, Any]]]:
    """Each entry `read_one` makes of the file (it adds what is wrong with one to the list it
    is given), with its YAML mapping; raise one `BriefError` naming every bad or repeated
    entry by line."""
    problems: list[str] = []
    entries: list[tuple[EntryT, dict[str, Any]]] = []
    for where, entry in read_entries(text, source, kind):
        made = read_one(entry, where, problems)
        if made is not None and any(made.name == other.name for other, _ in entries):
            problems.append(f"{where}: {kind} '{made.name}' is already defined")
        elif made is not None:
            entries.append((made, entry))
    if problems:
        raise BriefError("\n".join(problems))
    return entries


def patterned_entries(
    text: str,
    source: str,
    kind: str,
    read_one: Callable[[Any, str, list[str]], EntryT | None],
) -> list[tuple[EntryT, list[list[dict[str, Any]]]]]:
    """Each entry with its spaCy `Matcher` patterns (its `token_patterns`), as
    `named_entries` reads them."""
    return [
        (made, entry["token_patterns"])
        for made, entry in named_entries(text, source, kind, read_one)
    ]


def packaged_rules(file_name: str) -> tuple[str, str]:
    """The text of a rules file packaged in `generator/analysis/data`, and where it is."""
    resource = importlib.resources.files("generator.analysis") / "data" / file_name
    return resource.read_text(encoding="utf-8"), str(resource)


def packaged_data(file_name: str) -> Any:
    """The YAML of a data file packaged in `generator/analysis/data` (word lists, cues)."""
    return yaml.safe_load(packaged_rules(file_name)[0])


def casefolded(words: Iterable[object]) -> frozenset[str]:
    """A data file's words as a set to look a word up in, whatever its case."""
    return frozenset(str(word).casefold() for word in words)
