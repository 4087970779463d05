"""Names the model ran together over a comma: a mention in, the names of a list out.

The model labels a list of names as one now and then ("grievances with Big Machine, Braun and
the fund"; "SpaceX's Starship, Blue Origin and ..."). Prose writes one name over a comma too
("Washington, D.C.", "Apple, Inc.", "Martin Luther King, Jr.", a law firm's "Wachtell, Lipton,
Rosen & Katz"), so the mention is split only on evidence: a part the article names on its own
elsewhere, as a mention of its own.
"""

from __future__ import annotations

import dataclasses

from spacy.tokens import Span

from generator.analysis.actors.mentions import Mention
from generator.analysis.place_names import PlaceNames
from generator.analysis.post_nominals import NAME_SUFFIXES
from generator.models import ActorKind

EVIDENCE = "listed_names, a part named on its own elsewhere"
SPLIT_KINDS = frozenset({"organisation", "person"})
JOINING_MARKS = frozenset({"&", "and"})
"""Marks that make a name of several parts one (a firm of partners), not a list."""


def listed_names(mentions: list[Mention], places: PlaceNames) -> list[Mention]:
    """Each body's or person's mention whose name runs over a comma, split into its parts where
    one of them is a name the article gives on its own; each part takes the kind the article
    gives it there. A place is left whole: "Sioux Falls, S.D.", "Paris, France"."""
    kinds = {mention.key: mention.kind for mention in mentions if "," not in mention.key}
    found: list[Mention] = []
    for mention in mentions:
        parts = _parts(mention.span, places) if mention.kind in SPLIT_KINDS else [mention.span]
        if len(parts) > 1 and any(_text(part) in kinds for part in parts):
            found += [_part_mention(mention, part, kinds) for part in parts]
        else:
            found.append(mention)
    return found


def _parts(span: Span, places: PlaceNames) -> list[Span]:
    """The span cut at its commas, when every part starts with a capital, no mark joins the
    name into one and no part is a legal form or a suffix ("Apple, Inc.", "King, Jr.")."""
    if not any(token.text == "," for token in span):
        return [span]
    if any(token.lower_ in JOINING_MARKS for token in span):
        return [span]
    cuts = [token.i for token in span if token.text == ","]
    bounds = [span.start, *(cut + 1 for cut in cuts)]
    ends = [*cuts, span.end]
    parts = [span.doc[start:end] for start, end in zip(bounds, ends, strict=True)]
    if any(not part or not part[0].is_title or _is_a_suffix(part, places) for part in parts):
        return [span]
    return parts


def _part_mention(mention: Mention, part: Span, kinds: dict[str, ActorKind]) -> Mention:
    text = _text(part)
    kind = kinds.get(text, mention.kind)
    evidence = f"{mention.evidence}; {EVIDENCE}"
    return dataclasses.replace(mention, span=part, key=text, kind=kind, evidence=evidence)


def _is_a_suffix(part: Span, places: PlaceNames) -> bool:
    word = _text(part)
    return len(part) == 1 and (word.lower() in NAME_SUFFIXES or places.is_legal_form(word))


def _text(part: Span) -> str:
    return part.text.strip()
