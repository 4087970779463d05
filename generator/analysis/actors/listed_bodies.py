"""A name the model labels nowhere that the text lists with bodies and nothing else: "the new
bidders were Halvane Aero, Corvane Systems and Brixtel" names three bodies. A list names things
of one kind, and the small model misses short company names it has never seen (a run-together
word, a capital inside it) in every sentence of an article. `bodies_listed_with_bodies` types a
place so listed; this finds the names the model gave no label at all.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from generator.analysis.actors.mentions import Cluster, Mention
from generator.analysis.dictionary import is_dictionary_word
from generator.analysis.place_names import PlaceNames
from generator.analysis.token_lists import token_lists
from generator.models import ActorKind

LISTED_WITH_BODIES = "listed with bodies and nothing else"
LEAST_BODIES_BESIDE = 2
"""Bodies the list must name beside the unlabelled name: with one, "Acme and Brixtel" may be a
body and its town, product or owner."""


def unlabelled_bodies_in_lists(doc: Doc, clusters: list[Cluster], places: PlaceNames) -> None:
    """Add a body for each name the model left unlabelled in a list of two bodies or more,
    where every other member the text lists is a body's name (no person, place or thing)."""
    kind_at: dict[int, ActorKind] = {
        i: c.kind for c in clusters for m in c.mentions for i in range(m.span.start, m.span.end)
    }
    by_name = {c.name: c for c in clusters if c.kind == "organisation"}
    for first in _list_starts(doc):
        members = _members(doc[first])
        spans = [_name_of(member, kind_at) for member in members]
        unlabelled = [span for span in spans if span is not None]
        if not unlabelled:
            continue
        others = [m for m, span in zip(members, spans, strict=True) if span is None]
        kinds = [kind_at.get(member.i) for member in others]
        if len(kinds) < LEAST_BODIES_BESIDE or any(kind != "organisation" for kind in kinds):
            continue
        for span in unlabelled:
            if places.place_source(span.text) is not None:
                continue
            cluster = by_name.get(span.text)
            if cluster is None:
                cluster = by_name[span.text] = Cluster(span.text, "organisation")
                clusters.append(cluster)
            cluster.mentions.append(
                Mention(span, "organisation", span.text, evidence=LISTED_WITH_BODIES)
            )
            cluster.surface_forms.add(span.text)
            kind_at.update(dict.fromkeys(range(span.start, span.end), "organisation"))


def _list_starts(doc: Doc) -> list[int]:
    """Positions of the first member of each list: the head of a conjunct that is none itself
    (read by position: a `Token` for each word of the doc cost more than the rest of the pass)."""
    lists = token_lists(doc)
    dep, head = lists.dep, lists.head
    return [head[i] for i, label in enumerate(dep) if label == "conj" and dep[head[i]] != "conj"]


def _members(first: Token) -> list[Token]:
    """The heads of a list's members: the first and its conjuncts, and theirs."""
    members, stack = [], [first]
    while stack:
        token = stack.pop()
        members.append(token)
        stack += [child for child in token.children if child.dep_ == "conj"]
    return sorted(members, key=lambda t: t.i)


def _name_of(head: Token, kind_at: dict[int, ActorKind]) -> Span | None:
    """The member's name where the model labelled none of it and no actor has it: proper
    nouns only (the head and its compounds), capitalised, no dictionary word alone."""
    doc = head.doc
    start = head.i
    while start > 0 and doc[start - 1].dep_ == "compound" and doc[start - 1].head == head:
        start -= 1
    span = doc[start : head.i + 1]
    if any(t.ent_type_ or t.i in kind_at or t.pos_ != "PROPN" for t in span):
        return None
    if not all(t.text[:1].isupper() for t in span):
        return None
    if len(span) == 1 and is_dictionary_word(span.text):
        return None
    return span
