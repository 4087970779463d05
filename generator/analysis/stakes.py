"""Cues of why a story matters kept as data: `data/stakes_cues.yml` in, each cue's matches in a
parsed doc out.

A cue is a list of spaCy `Matcher` patterns with a weight, the conditions under which it counts
(as the sentence's own verb, in reported speech, denied, inside a quotation), an example and a
counter-example (tests are generated from them). `at_a_glance.extract_why_it_matters` decides
which match states the sentence's own stake.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any

from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

from generator.analysis.rule_files import field_problems, packaged_rules, patterned_entries
from generator.analysis.window_matcher import WindowMatcher
from generator.analysis.word_gates import gate_of, node_gate_of, nodes_pass, passes, words_of

CUES_FILE = "stakes_cues.yml"
REQUIRED = ("name", "weight", "why", "token_patterns", "example", "counter_example")
FLAGS = ("main_verb", "reported", "kept_when_denied", "counts_in_quotation")
FIELDS = frozenset(REQUIRED + FLAGS)


@dataclass(frozen=True)
class StakesCue:
    """A way an article says why something matters, with how strongly it says it."""

    name: str
    weight: float
    why: str
    example: str
    """A sentence whose strongest stake this cue finds (tested)."""
    counter_example: str
    """A sentence with the cue's words that the cue does not find (tested)."""
    main_verb: bool = False
    """The cue counts only as the sentence's own verb ("X warned ..."), not inside a clause
    about something else ("leaflets that criticise ...", "added he did warn her")."""
    reported: bool = False
    """The cue counts only in what someone is reported to say: a forecast a principal makes is
    the stakes as they see them; the writer's own is a plan."""
    kept_when_denied: bool = False
    """A denied consequence is news too ("the hitch will not put the crew at risk"); a denied
    significance is a caveat ("the poll does not speak for every region")."""
    counts_in_quotation: bool = False
    """The cue counts inside a speaker's quotation: what they call historic or a first is
    their view of the stakes; "if you will lead the band in the anthem" is no consequence."""


@dataclass(frozen=True)
class CueMatch:
    """Where a cue's words are in a doc."""

    cue: StakesCue
    span: Span


class StakesCues:
    """Every cue of the file, strongest first; a doc is matched against the patterns whose words
    it holds (`word_gates`), each only where it can match (`window_matcher`): the modal cues
    alone are 14 patterns, and a Matcher pays for each at every token."""

    def __init__(self, cues: list[tuple[StakesCue, list[list[dict[str, Any]]]]], vocab: Vocab):
        self.cues = tuple(sorted((cue for cue, _ in cues), key=lambda cue: -cue.weight))
        self._by_name = {cue.name: cue for cue in self.cues}
        self._rank = {cue.name: rank for rank, cue in enumerate(self.cues)}
        self._patterns = [(cue.name, pattern) for cue, patterns in cues for pattern in patterns]
        self._gates = [gate_of(pattern, vocab) for _, pattern in self._patterns]
        self._node_gates = [node_gate_of(pattern, vocab) for _, pattern in self._patterns]
        self._matchers = [
            WindowMatcher(vocab, name, pattern, validate=True) for name, pattern in self._patterns
        ]

    def matches(self, doc: Doc) -> tuple[CueMatch, ...]:
        """Every match of every cue in the doc: the strongest cue first, then by position."""
        words = words_of(doc)
        # spaCy's Matcher gives a span once a cue, though two of its patterns find it.
        spans = dict.fromkeys(
            (match_id, start, end)
            for i, gate in enumerate(self._gates)
            if passes(gate, words) and nodes_pass(self._node_gates[i], doc)
            for match_id, start, end, _ in self._matchers[i](doc)
        )
        found = [
            CueMatch(self._by_name[doc.vocab.strings[match_id]], doc[start:end])
            for match_id, start, end in spans
        ]
        return tuple(
            sorted(found, key=lambda m: (self._rank[m.cue.name], m.span.start, m.span.end))
        )


@functools.cache
def load_cues(vocab: Vocab) -> StakesCues:
    """The packaged entries, compiled once per vocabulary (once per process)."""
    return StakesCues(parse_cues(*packaged_rules(CUES_FILE)), vocab)


def parse_cues(text: str, source: str) -> list[tuple[StakesCue, list[list[dict[str, Any]]]]]:
    """Check the cues file; raise one `BriefError` naming each bad entry by line."""
    return patterned_entries(text, source, "cue", _cue)


def _cue(entry: Any, where: str, problems: list[str]) -> StakesCue | None:
    found = field_problems(entry, where, "cue", REQUIRED, FIELDS)
    if isinstance(entry, dict):
        found += _value_problems(entry, where)
    problems += found
    if found:
        return None
    return StakesCue(
        name=str(entry["name"]),
        weight=float(entry["weight"]),
        why=str(entry["why"]),
        example=str(entry["example"]),
        counter_example=str(entry["counter_example"]),
        **{flag: entry.get(flag) is True for flag in FLAGS},
    )


def _value_problems(entry: dict[str, Any], where: str) -> list[str]:
    """What is wrong with the values of a cue's patterns and weight."""
    found = []
    patterns = entry.get("token_patterns")
    if "token_patterns" in entry and not (
        isinstance(patterns, list) and all(isinstance(p, list) and p for p in patterns)
    ):
        found.append(f"{where}: 'token_patterns': expected a list of Matcher patterns")
    if "weight" in entry and not isinstance(entry["weight"], int | float):
        found.append(f"{where}: 'weight': expected a number, got {entry['weight']!r}")
    return found
