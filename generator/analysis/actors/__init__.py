"""Actors of a story: a parsed article in, typed and merged actors with their evidence out.

`extract.extract_actors` runs the stages in order: `spans` cleans each entity, `kinds` types it,
`found` adds mentions the model missed, `votes` settles kinds across mentions, `merges` joins one
actor's names (`body_names` those of a body or place), `index` answers which actor a span
refers to.
"""

from generator.analysis.actors.extract import extract_actors
from generator.analysis.actors.index import ActorIndex

__all__ = ["ActorIndex", "extract_actors"]
