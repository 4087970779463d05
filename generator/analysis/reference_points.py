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
CUE_FIELDS = (
    "name", "prepositions", "heads", "quantity", "verbs", "perfect", "beside", "why", "example",
    "counter_example",
)  # fmt: skip
MOVED_DATE_CUE = "from-a-date-moved"
"""The cue whose heads are the verbs that move a date from one day to another."""
PERFECT_AUXILIARIES = frozenset({"have", "has", "had", "'ve", "’ve", "'d"})
FUTURE_AUXILIARIES = frozenset({"will", "shall", "'ll"})
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
    verbs: frozenset[str] = frozenset()
    """Lemmas of the clause's verb when the cue marks the time a state is measured at ("as of
    May, the firm had 30 jets"); empty: any verb."""
    is_perfect_enough: bool = False
    """Whether a perfect not in the future also fits the clause ("had been legalised by 2016")."""
    is_beside_allowed: bool = False
    """Whether the parser may hang the date on the head beside the preposition ("compared
    with $5m [in 2019]"), not under it."""


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
        if token.pos_ in CLAUSE_POS:
            return False
    return False


def _fits(cue: ComparisonCue, preposition: Token, anchor: Token) -> bool:
    """Whether the preposition is the cue's; a figure it needs is one the date hangs below,
    not the date itself ("one from 1961" dates where the pact came from)."""
    if cue.heads and preposition.head.lemma_.lower() not in cue.heads:
        return False
    if (cue.verbs or cue.is_perfect_enough) and not _tells_a_state(cue, preposition):
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


def _tells_a_state(cue: ComparisonCue, preposition: Token) -> bool:
    """Whether the clause the preposition is in tells a state measured at its date: a verb of
    having or being (`verbs`: "as of May, the firm had 30 jets"), or, where the cue allows, a
    perfect that is not a future ("had been legalised by 2016"; "will have left by May" is a
    plan)."""
    verb = next((t for t in preposition.ancestors if t.pos_ in CLAUSE_POS), None)
    if verb is None:
        return False
    auxiliaries = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    is_perfect = bool(auxiliaries & PERFECT_AUXILIARIES) and not auxiliaries & FUTURE_AUXILIARIES
    return verb.lemma_.lower() in cue.verbs or (cue.is_perfect_enough and is_perfect)


def _is_cue(token: Token, anchor: Token) -> bool:
    return any(_fits(cue, token, anchor) for cue in _cues_of(token.lower_))


def _cues_of(word: str) -> list[ComparisonCue]:
    return _cues_by_word().get(word, [])


@functools.cache
def _all_cues() -> tuple[ComparisonCue, ...]:
    """The cues of the data file."""
    text, source = packaged_rules(CUES_FILE)
    return tuple(cue for cue, _ in named_entries(text, source, "comparison cue", _read_cue))


@functools.cache
def _cues_by_word() -> dict[str, list[ComparisonCue]]:
    """Each preposition word -> its cues ("from" of a former figure and of a moved date)."""
    by_word: dict[str, list[ComparisonCue]] = {}
    for cue in _all_cues():
        for word in cue.prepositions:
            by_word.setdefault(word, []).append(cue)
    return by_word


@functools.cache
def _cue_heads() -> frozenset[str]:
    """The words a date may hang on beside its cue ("compared"): the walk up from a date looks
    at their prepositions."""
    return frozenset(head for cue in _all_cues() if cue.is_beside_allowed for head in cue.heads)


@functools.cache
def date_moving_verbs() -> frozenset[str]:
    """Verbs whose "from X to Y" moves a date from one day to another ("postponed from Tuesday
    to Friday"), not a span of time: the heads of the moved date's cue."""
    return next(cue.heads for cue in _all_cues() if cue.name == MOVED_DATE_CUE)


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
        frozenset(str(word).lower() for word in entry.get("verbs", ())),
        bool(entry.get("perfect", False)),
        bool(entry.get("beside", False)),
    )
