"""Tell a no-news line from a fact: `data/no_news_lines.yml` in, whether a sentence only says
that someone said nothing out.

"A spokesperson declined to comment." or "Lawyers could not be reached." is true and a
reporter's duty to print, but no fact of the story: ranked as one, it takes the room of a figure
or an event on the page. A line counts when the cue's verb heads the sentence and no clause
joined to it tells something else. Each entry is a list of spaCy `Matcher` patterns with an
example and a counter-example (tests are generated from them).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any

from spacy.tokens import Doc, Span, Token
from spacy.vocab import Vocab

from generator.analysis.grammar import SUBJECT_DEPS
from generator.analysis.rule_files import (
    packaged_rules,
    patterned_entries,
    patterned_entry_problems,
)
from generator.analysis.word_gates import GatedMatcher

LINES_FILE = "no_news_lines.yml"
FIELDS = ("name", "why", "token_patterns", "example", "counter_example")
MATCHES_KEY = "briefs.no_news_matches"
"""Where `NoNewsLines` keeps a doc's matches, in the doc's user_data."""
JOINED_CLAUSE_DEPS = frozenset({"conj", "parataxis"})
"""How another clause joins the sentence's head: "..., but the firm confirmed ..."."""


@dataclass(frozen=True)
class NoNewsLine:
    """A way a report says that someone said nothing."""

    name: str
    why: str
    example: str
    """A sentence the entry finds (tested)."""
    counter_example: str
    """A sentence with the entry's words that it does not find (tested)."""


class NoNewsLines:
    """Every entry of the file as one spaCy `Matcher`, run only on a doc that holds the words
    some pattern needs (`word_gates`): most docs hold none."""

    def __init__(self, entries: list[tuple[NoNewsLine, list[list[dict[str, Any]]]]], vocab: Vocab):
        self.entries = tuple(entry for entry, _ in entries)
        self._matcher = GatedMatcher(((entry.name, patterns) for entry, patterns in entries), vocab)

    def found_in(self, sent: Span) -> list[str]:
        """The names of the entries whose words head a sentence that tells nothing else."""
        strings = sent.doc.vocab.strings
        return [
            strings[match_id]
            for match_id, start, end in self._matches_in_doc(sent.doc)
            if sent.start <= start and end <= sent.end and _heads_alone(sent, sent.doc[start:end])
        ]

    def _matches_in_doc(self, doc: Doc) -> list[tuple[int, int, int]]:
        """The doc's matches, found once a doc (the lead and every candidate fact ask)."""
        found = doc.user_data.get(MATCHES_KEY)
        if not isinstance(found, list):
            found = doc.user_data[MATCHES_KEY] = self._matcher(doc)
        return found


def _heads_alone(sent: Span, match: Span) -> bool:
    """Whether the match holds the sentence's head and no clause with a subject of its own is
    joined to that head."""
    root = sent.root
    if not match.start <= root.i < match.end:
        return False
    return not any(_is_clause(child) for child in root.children if child.dep_ in JOINED_CLAUSE_DEPS)


def _is_clause(token: Token) -> bool:
    return any(child.dep_ in SUBJECT_DEPS for child in token.children)


def says_no_news(sent: Span) -> bool:
    """Whether a sentence only says that someone said nothing (`NoNewsLines.found_in`)."""
    return bool(load_no_news_lines(sent.doc.vocab).found_in(sent))


@functools.cache
def load_no_news_lines(vocab: Vocab) -> NoNewsLines:
    """The packaged entries, compiled once per vocabulary (once per process)."""
    return NoNewsLines(parse_no_news_lines(*packaged_rules(LINES_FILE)), vocab)


def parse_no_news_lines(
    text: str, source: str
) -> list[tuple[NoNewsLine, list[list[dict[str, Any]]]]]:
    """Check the file; raise one `BriefError` naming each bad entry by line."""
    return patterned_entries(text, source, "no-news line", _entry)


def _entry(entry: Any, where: str, problems: list[str]) -> NoNewsLine | None:
    found = patterned_entry_problems(entry, where, "no-news line", FIELDS, FIELDS)
    problems += found
    if found:
        return None
    return NoNewsLine(**{key: str(entry[key]) for key in FIELDS if key != "token_patterns"})
