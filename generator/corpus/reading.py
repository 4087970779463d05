"""Related reading of a whole build: the briefs in, each with its related reading out.

Analysts pin and block related briefs in a brief's front matter; the pairs' scores and the links
the last build kept (`BuildMemory.kept_related`) are corrected and reused where they serve.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path

from generator.corpus.pair_scores import PairScores, score_pairs
from generator.corpus.relate import (
    MadeLinks,
    RelatedReading,
    RelateSettings,
    related_reading,
)
from generator.front_matter import FrontMatterError, read_fields, read_front_matter, split_page
from generator.models import Brief

PIN_KEY = "related_pin"
BLOCK_KEY = "related_block"
RelatedChoices = dict[str, tuple[str, ...]]
"""Slugs of the briefs an analyst pinned (or blocked) in a brief's front matter, by its slug."""


@dataclass(frozen=True)
class KeptRelated:
    """What the last build kept of related reading, and what each brief's scores come from."""

    scores: PairScores | None
    links: MadeLinks | None
    inputs: list[str]
    """A digest for each brief that changes whenever what related reading reads of it may."""


@dataclass(frozen=True)
class Relation:
    """Every brief with its related reading, and the scores and links made, for the next build."""

    reading: RelatedReading
    scores: PairScores

    @property
    def briefs(self) -> list[Brief]:
        return self.reading.briefs


def relate_corpus(
    briefs: list[Brief],
    settings: RelateSettings,
    choices: tuple[RelatedChoices, RelatedChoices],
    kept: KeptRelated | None = None,
) -> Relation:
    """Relate the briefs, from the scores and links kept by the last build where they serve."""
    pinned, blocked = choices
    inputs = kept.inputs if kept is not None else None
    scores = score_pairs(briefs, settings.scores, kept.scores if kept else None, inputs)
    made_before = kept.links if kept is not None else None
    return Relation(related_reading(briefs, scores, settings, pinned, blocked, made_before), scores)


def read_related_choices(
    briefs_dir: Path, briefs: list[Brief], errors: list[str], generated: Collection[str] = ()
) -> tuple[RelatedChoices, RelatedChoices]:
    """Read the related briefs analysts pinned or blocked in each brief's front matter.

    Pages in generated hold the generator's own text, which names no choices: they are not read.
    """
    pinned: RelatedChoices = {}
    blocked: RelatedChoices = {}
    for brief in briefs:
        name = f"{brief.article.slug}.md"
        path = briefs_dir / name
        if name in generated or not path.exists():
            continue
        text = path.read_text(encoding="utf-8")
        front = split_page(text).front_matter
        # Parsing YAML is the slow part of reading ten thousand briefs; most name neither key.
        if front is None or (PIN_KEY not in front and BLOCK_KEY not in front):
            continue
        try:
            meta = read_front_matter(front)
        except FrontMatterError:
            continue  # `briefs check` says what is wrong with it
        choices, problems = read_fields(meta, (PIN_KEY, BLOCK_KEY), text.split("\n"))
        errors += [f"{path}:{problem.line}: {problem.message}" for problem in problems]
        for key, chosen in ((PIN_KEY, pinned), (BLOCK_KEY, blocked)):
            chosen[brief.article.slug] = choices.get(key, ())
    return pinned, blocked
