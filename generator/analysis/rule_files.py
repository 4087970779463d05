"""Read a rules file of the analysis: YAML text in, its entries out, each with the file and line
it starts on, and the problems of its fields named there (`data/actor_rules.yml`,
`data/stakes_cues.yml`)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import yaml

from generator.errors import BriefError


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
