"""Actors made for tests: one person with the fields a test does not care about filled in."""

from __future__ import annotations

import dataclasses
from typing import Any

from generator.models import Actor


def person(name: str, **fields: Any) -> Actor:
    """A person named `name`, mentioned once, with no role, aliases or actions unless given."""
    actor = Actor(
        id=name.lower().replace(" ", "-"),
        name=name,
        kind="person",
        role=None,
        aliases=(),
        mentions=1,
    )
    return dataclasses.replace(actor, **fields)
