"""Words a journalist's reporting quotes: a fragment in marks inside the reporting the story
cites ("All “affected sites” were sealed, reports Lowe"; "Lowe of the Ledger writes that
guards were told to “hold the line”") is the words of the people she reports on, officials or
a notice, not hers. The journalist is a source of the story, not the speaker of its fragments;
the sentence stays the writer's narration (`one_place.is_someones` shows no such quote).
"""

from __future__ import annotations

from dataclasses import replace

from generator.analysis.actors.described_roles import REPORTER
from generator.models import Actor, Quote


def without_reporters_fragments(
    quotes: tuple[Quote, ...], actors: tuple[Actor, ...] | None
) -> tuple[Quote, ...]:
    """The quotes, a fragment credited to a journalist the story cites credited to no one. Her
    quoted sentences stay hers: they are what she wrote."""
    reporters = {actor.name for actor in actors or () if _is_reporter(actor)}
    if not reporters:
        return quotes
    return tuple(
        replace(quote, speaker=None)
        if quote.kind == "partial" and quote.speaker in reporters
        else quote
        for quote in quotes
    )


def _is_reporter(actor: Actor) -> bool:
    return actor.kind == "person" and (actor.role or "").startswith(f"{REPORTER}, ")
