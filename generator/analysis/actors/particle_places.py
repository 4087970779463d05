"""Places whose names the model cuts at a particle: a doc's entities in, a place mention for each
whole name out ("Braunau am Inn", which the model reads as the place "Braunau" and the person
"Inn"; "Newcastle upon Tyne", "Stratford-upon-Avon")."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable

from spacy.tokens import Doc, Span

from generator.analysis.actors.mentions import Cluster, Mention, join
from generator.analysis.particle_place_names import has_particle, particle_place_names
from generator.analysis.token_lists import TokenLists, text_of, token_lists

MAX_NAME_TOKENS = 9
"""The most tokens a name with particles spans ("Saint-Pierre-et-Miquelon" is seven)."""
WORD_END = re.compile(r"[ -]")
SHORT_NAME = re.compile(r"[ -][a-z]")
"""Where a place's short name ends: before its first particle ("Braunau" of "Braunau am Inn")."""


def particle_place_mentions(entities: Iterable[Span]) -> list[Mention]:
    """A place mention for every name GeoNames knows whole that spans an entity and a
    particle beside it; `found.without_overlaps` then drops the pieces, the longer name
    winning. Looked up only beside a lowercase word or a hyphen, where a particle may be."""
    found: list[Mention] = []
    covered_to = -1
    for ent in entities:
        tokens = token_lists(ent.doc)  # by position: a `Token` a word read costs more
        if ent.end <= covered_to or not _beside_a_particle(ent, tokens):
            continue
        place = _whole_place(ent, tokens)
        if place is not None:
            span, source = place
            found.append(Mention(span, "place", span.text, evidence=f"{source}, whole name"))
            covered_to = span.end
    return found


def _beside_a_particle(ent: Span, tokens: TokenLists) -> bool:
    beside = (i for i in (ent.end, ent.start - 1) if 0 <= i < len(tokens.text))
    return any(_may_be_a_particle(i, tokens) for i in beside)


def _may_be_a_particle(i: int, tokens: TokenLists) -> bool:
    return (tokens.is_lower[i] and tokens.is_alpha[i]) or tokens.text[i] == "-"


def _whole_place(ent: Span, tokens: TokenLists) -> tuple[Span, str] | None:
    """The longest span around the entity, in its sentence, that GeoNames names as a place with
    particles, and the source that names it. Only from a word that opens such a name ("Braunau",
    "Newcastle"), read from the doc's text: most entities start none, and their sentence
    (`Span.sent`, a walk of the doc) is found only for those that do."""
    doc: Doc = ent.doc
    names, first_words = particle_place_names(), particle_place_first_words()
    opening = [
        i
        for i in range(max(0, ent.end - MAX_NAME_TOKENS), ent.start + 1)
        if tokens.text[i] in first_words
    ]
    if not opening:
        return None
    sent = ent.sent
    last_end = min(sent.end, ent.start + MAX_NAME_TOKENS)
    text = text_of(doc)
    for start in (i for i in opening if i >= sent.start):
        begin = tokens.idx[start]
        for end in range(last_end, ent.end - 1, -1):
            source = names.get(text[begin : tokens.idx[end - 1] + len(tokens.text[end - 1])])
            if source is not None and end - start > len(ent):
                return doc[start:end], source
    return None


@functools.cache
def particle_place_first_words() -> frozenset[str]:
    """The words that open the names of places with particles ("Braunau", "Saint")."""
    return frozenset(WORD_END.split(name, maxsplit=1)[0] for name in particle_place_names())


def places_by_their_short_name(clusters: list[Cluster]) -> list[Cluster]:
    """Fold a place named by the words before its particle into the one place of the article
    named in full: "Braunau" into "Braunau am Inn", "Frankfurt" into "Frankfurt am Main", as a
    person is named by surname after the full name. A lone word only the model called a
    person or a body folds too (its label is on a piece of the name)."""
    whole: dict[str, list[Cluster]] = {}
    for cluster in clusters:
        if cluster.kind == "place" and has_particle(cluster.name):
            whole.setdefault(SHORT_NAME.split(cluster.name, maxsplit=1)[0], []).append(cluster)
    merged: set[int] = set()
    for cluster in clusters:
        owners = whole.get(cluster.name, [])
        is_place = cluster.kind == "place" or all(m.by_label for m in cluster.mentions)
        if len(owners) == 1 and is_place:
            merged |= join(owners[0], [cluster], "places_by_their_short_name, before a particle")
    return [c for c in clusters if id(c) not in merged]
