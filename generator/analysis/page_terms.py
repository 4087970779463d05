"""Tell a page's own terms from the story: `data/page_terms.yml` in, whether a sentence states
the page's terms out.

A shopping page or a publisher prints stock sentences about itself: the commission it earns on
what the reader buys, prices subject to change, offers that may not reach every customer. They
are true of the page at any time, so no lead, key fact, stake or event (`key_facts.calls_out`).
Each entry is a list of spaCy `Matcher` patterns with an example and a counter-example (tests
are generated from them).
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from spacy.matcher import Matcher
from spacy.tokens import Doc, Span, Token
from spacy.vocab import Vocab

from generator.analysis.entity_index import entities_in
from generator.analysis.grammar import TIME_ENTITY_LABELS
from generator.analysis.lexicon import SPEECH_VERBS
from generator.analysis.quote_marks import Quotation
from generator.analysis.rule_files import (
    packaged_rules,
    patterned_entries,
    patterned_entry_problems,
)
from generator.analysis.word_gates import gate_of, passes, words_of

TERMS_FILE = "page_terms.yml"
FIELDS = ("name", "why", "token_patterns", "example", "counter_example")
OPTIONAL_FIELDS = ("holds_with_a_date",)
MATCHES_KEY = "briefs.page_term_matches"
"""Where `PageTerms` keeps its matches in a doc, in the doc's user_data."""


@dataclass(frozen=True)
class PageTerm:
    """A way a page states its own terms."""

    name: str
    why: str
    example: str
    """A sentence the entry finds (tested)."""
    counter_example: str
    """A sentence with the entry's words that it does not find (tested)."""
    holds_with_a_date: bool = False
    """The entry holds in a sentence that names a date too ("the following chart shows the
    2019 figures"): what it finds is no term that a date could make news."""


class PageTerms:
    """Every entry of the file, matched as spaCy `Matcher`s: in a doc, one of the patterns whose
    words it holds."""

    def __init__(self, terms: list[tuple[PageTerm, list[list[dict[str, Any]]]]], vocab: Vocab):
        self.terms = tuple(term for term, _ in terms)
        self._dated = frozenset(term.name for term in self.terms if term.holds_with_a_date)
        self._vocab = vocab
        self._patterns = tuple(
            (term.name, pattern) for term, patterns in terms for pattern in patterns
        )
        self._gates = tuple(gate_of(pattern, vocab) for _, pattern in self._patterns)
        """The words each pattern needs (`word_gates`): most docs hold none of a pattern's, and
        a doc that holds some holds those of one or two patterns."""
        self._matchers: dict[tuple[int, ...], Matcher] = {}
        """A Matcher for each set of patterns (by number) a doc held the words of: the
        Matcher's cost grows with its patterns, and a pattern whose words a doc lacks cannot
        match in it."""
        self._matcher_of(tuple(range(len(self._patterns))))  # every pattern checked at load

    def _matcher_of(self, numbers: tuple[int, ...]) -> Matcher:
        """The Matcher of the patterns of these numbers, each under its entry's name."""
        matcher = self._matchers.get(numbers)
        if matcher is None:
            matcher = self._matchers[numbers] = Matcher(self._vocab, validate=True)
            by_name: dict[str, list[list[dict[str, Any]]]] = {}
            for number in numbers:
                name, pattern = self._patterns[number]
                by_name.setdefault(name, []).append(pattern)
            for name, patterns in by_name.items():
                matcher.add(name, patterns)
        return matcher

    def found_in(self, sent: Span, quotations: Sequence[Quotation] = ()) -> list[str]:
        """The names of the entries a sentence states in the writer's own voice: outside
        quotations, under no verb of saying ("..., the shop said" is the shop's news), in a
        sentence that names no date or time (terms hold at any time; "offers may run out by
        Friday" is news of an offer), unless the entry holds with a date too."""
        # The matches first: most sentences hold none, and need no look at their entities.
        within = [
            (match_id, start)
            for match_id, start, end in self._matches_in_doc(sent.doc)
            if sent.start <= start and end <= sent.end
        ]
        if not within:
            return []
        dated = any(entity.label_ in TIME_ENTITY_LABELS for entity in entities_in(sent))
        if dated and not self._dated:
            return []
        strings = sent.doc.vocab.strings
        return [
            strings[match_id]
            for match_id, start in within
            if _in_writers_voice(sent.doc[start], quotations)
            and (not dated or strings[match_id] in self._dated)
        ]

    def _matches_in_doc(self, doc: Doc) -> list[tuple[int, int, int]]:
        """The matches in the whole doc of the patterns whose words it holds, found once a doc:
        a sentence's matches are those within it (the Matcher finds every match, so a match
        within a sentence is found in the doc too)."""
        found: dict[PageTerms, list[tuple[int, int, int]]] = doc.user_data.setdefault(
            MATCHES_KEY, {}
        )
        if self not in found:
            words = words_of(doc)
            held = tuple(number for number, gate in enumerate(self._gates) if passes(gate, words))
            found[self] = list(self._matcher_of(held)(doc)) if held else []
        return found[self]


def _in_writers_voice(token: Token, quotations: Sequence[Quotation]) -> bool:
    if any(q.start <= token.idx < q.end for q in quotations):
        return False
    return not any(t.lemma_.lower() in SPEECH_VERBS for t in (token, *token.ancestors))


def states_page_terms(sent: Span, quotations: Sequence[Quotation] = ()) -> bool:
    """Whether a sentence states the page's own terms (`PageTerms.found_in`)."""
    return bool(load_page_terms(sent.doc.vocab).found_in(sent, quotations))


@functools.cache
def load_page_terms(vocab: Vocab) -> PageTerms:
    """The packaged entries, compiled once per vocabulary (once per process)."""
    return PageTerms(parse_page_terms(*packaged_rules(TERMS_FILE)), vocab)


def parse_page_terms(text: str, source: str) -> list[tuple[PageTerm, list[list[dict[str, Any]]]]]:
    """Check the file; raise one `BriefError` naming each bad entry by line."""
    return patterned_entries(text, source, "term", _page_term)


def _page_term(entry: Any, where: str, problems: list[str]) -> PageTerm | None:
    found = patterned_entry_problems(entry, where, "term", FIELDS, FIELDS + OPTIONAL_FIELDS)
    problems += found
    if found:
        return None
    texts = {key: str(entry[key]) for key in FIELDS if key != "token_patterns"}
    return PageTerm(**texts, holds_with_a_date=entry.get("holds_with_a_date") is True)
