"""The named entities of a parsed doc, read once and looked up by position: a `Doc` in, the
entities of a sentence or of a token out.

spaCy builds every entity span of the doc anew each time `doc.ents` or `span.ents` is read, so an
extractor that asks once per sentence or per name spends time growing with the square of the
article's length: a 1 MB article took 13 minutes (issue #19).
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

ENTITIES_KEY = "briefs.entities"
"""Where `entity_index` keeps a doc's entities, in its user_data."""


@dataclass(frozen=True)
class EntityIndex:
    """A doc's entities in order, with their starts for binary search."""

    entities: tuple[Span, ...]
    starts: tuple[int, ...]


def entity_index(doc: Doc) -> EntityIndex:
    """The doc's entities, read from spaCy once (the extractors never change them)."""
    index = doc.user_data.get(ENTITIES_KEY)
    if not isinstance(index, EntityIndex):
        entities = tuple(doc.ents)
        index = EntityIndex(entities, tuple(entity.start for entity in entities))
        doc.user_data[ENTITIES_KEY] = index
    return index


def entities_of(doc: Doc) -> tuple[Span, ...]:
    """Return `doc.ents`, built once."""
    return entity_index(doc).entities


def entities_in(span: Span) -> list[Span]:
    """Return the entities wholly inside a span, in order: `span.ents` without a scan."""
    index = entity_index(span.doc)
    first = bisect.bisect_left(index.starts, span.start)
    last = bisect.bisect_left(index.starts, span.end, lo=first)
    return [entity for entity in index.entities[first:last] if entity.end <= span.end]


def entities_starting(doc: Doc, start: int, end: int) -> tuple[Span, ...]:
    """Return the entities that start at a token from start up to (not including) end."""
    index = entity_index(doc)
    first = bisect.bisect_left(index.starts, start)
    return index.entities[first : bisect.bisect_left(index.starts, end, lo=first)]


def entity_at(token: Token) -> Span | None:
    """Return the entity a token is part of, if any."""
    if not token.ent_type:
        return None
    index = entity_index(token.doc)
    position = bisect.bisect_right(index.starts, token.i) - 1
    if position >= 0 and token.i < index.entities[position].end:
        return index.entities[position]
    return None
