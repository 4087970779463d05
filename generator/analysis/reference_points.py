"""Tell a comparison's reference point: a date's token in, whether it dates the old value a
figure is measured against out ("up from 2.1% on Tuesday", "compared with 55 in 2019").

The cues are data (`data/comparison_cues.yml`): a preposition, the words it must hang on, and
whether its object must be a figure. Such a date is no event of the story: the story's event
is the new figure, told at another time.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from spacy.tokens import Token

from generator.analysis.clauses import CLAUSE_POS
from generator.analysis.grammar import TIME_ENTITY_LABELS as DATE_LABELS
from generator.analysis.rule_files import field_problems, named_entries, packaged_rules

CUES_FILE = "comparison_cues.yml"
CUE_FIELDS = ("name", "prepositions", "heads", "quantity", "why", "example", "counter_example")
NEW_VALUE_WORDS = frozenset({"to", "until", "till", "through"})
"""Prepositions of a span's end or a figure's new value: their date is no reference point."""
QUANTITY_TAGS = frozenset({"CD", "$"})
"""Tags of a figure or of its currency sign."""


@dataclass(frozen=True)
class ComparisonCue:
    """A preposition that introduces what a figure is compared with."""

    name: str
    prepositions: frozenset[str]
    heads: frozenset[str]
    """Lemmas the preposition must hang on ("compared" of "compared with"); empty: any."""
    is_quantity_needed: bool
    """Whether the preposition's object must be a figure ("from 2.1%", not "from Lisbon")."""


def dates_a_reference_point(anchor: Token) -> bool:
    """Whether the date hangs, below its clause's verb, on a comparison's preposition, with no
    new value between them: what it dates is the value compared with ("up from 2.1% on
    Tuesday"), not the figure's new one ("from 10% to 25% in May")."""
    if anchor.dep_ == "pobj" and anchor.head.lower_ in NEW_VALUE_WORDS:
        return False  # "from 2002 to 2005": the span's end
    for token in anchor.ancestors:
        if _is_cue(token, anchor):
            between = anchor.doc[token.i + 1 : anchor.i]
            return not any(t.lower_ in NEW_VALUE_WORDS for t in between)
        if token.lemma_.lower() in _cue_heads():
            # "compared with $5m [in 2019]": the parser hangs the date on "compared" beside
            # its "with".
            cues = [c for c in token.children if c.i < anchor.i and _is_cue(c, anchor)]
            if cues:
                return True
        elif token.pos_ in CLAUSE_POS:
            return False
    return False


def _is_cue(token: Token, anchor: Token) -> bool:
    cue = _cues().get(token.lower_)
    return cue is not None and _fits(cue, token, anchor)


def _fits(cue: ComparisonCue, preposition: Token, anchor: Token) -> bool:
    """Whether the preposition is the cue's; a figure it needs is one the date hangs below,
    not the date itself ("one from 1961" dates where the pact came from)."""
    if cue.heads and preposition.head.lemma_.lower() not in cue.heads:
        return False
    return not cue.is_quantity_needed or any(
        child.dep_ == "pobj" and child.i != anchor.i and _is_figure(child)
        for child in preposition.children
    )


def _is_figure(token: Token) -> bool:
    """A number, or a noun a number counts ("2.1%", "$6m", "55 ships"); not a date ("from at
    least 2002 to 2005" is a span of years)."""
    if token.ent_type_ in DATE_LABELS:
        return False
    return (
        token.tag_ in QUANTITY_TAGS
        or token.like_num
        or any(child.dep_ == "nummod" or child.tag_ in QUANTITY_TAGS for child in token.children)
    )


@functools.cache
def _cues() -> dict[str, ComparisonCue]:
    """Each preposition word -> its cue, from the data file."""
    text, source = packaged_rules(CUES_FILE)
    cues = [cue for cue, _ in named_entries(text, source, "comparison cue", _read_cue)]
    return {word: cue for cue in cues for word in cue.prepositions}


@functools.cache
def _cue_heads() -> frozenset[str]:
    """The words cues hang on ("compared"): verbs the walk up from a date goes past."""
    return frozenset(head for cue in _cues().values() for head in cue.heads)


def _read_cue(entry: object, where: str, problems: list[str]) -> ComparisonCue | None:
    found = field_problems(entry, where, "comparison cue", ("name", "prepositions"), CUE_FIELDS)
    if found or not isinstance(entry, dict):
        problems.extend(found)
        return None
    return ComparisonCue(
        str(entry["name"]),
        frozenset(str(word).lower() for word in entry["prepositions"]),
        frozenset(str(word).lower() for word in entry.get("heads", ())),
        bool(entry.get("quantity", False)),
    )
