"""Open a fact check's brief on its verdict: the verdict the page gives as data (`Article.verdict`)
or the sentence in which its text states it (`data/verdict_cues.yml`) in, the at-a-glance line
out. Readers of a fact check look for the rating first; without it the brief opens on the
claim's setting ("In October, the senator visited ..."), which reads as if the claim stood."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any

from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

from generator.analysis.key_facts import NameOf, fact_text
from generator.analysis.quote_marks import quotations_of
from generator.analysis.rule_files import (
    packaged_rules,
    patterned_entries,
    patterned_entry_problems,
)
from generator.analysis.whole_sentences import is_complete_sentence, parts_of
from generator.analysis.word_gates import GatedMatcher
from generator.models import Verdict

VERDICT_CUES_FILE = "verdict_cues.yml"
FIELDS = ("name", "why", "token_patterns", "example", "counter_example")


@dataclass(frozen=True)
class VerdictCue:
    """One entry of the file: a way a fact check's text states its rating."""

    name: str
    why: str
    example: str
    counter_example: str


@dataclass(frozen=True)
class Opening:
    """The at-a-glance line a verdict gives, and the sentence of the text it shows (None: the
    page's data), which the key facts then leave out."""

    text: str
    part_index: int | None = None


class VerdictCues:
    """Every entry of the file as one spaCy `Matcher`, run only on a doc that holds the words
    some pattern needs (`word_gates`): most articles are no fact checks."""

    def __init__(self, entries: list[tuple[VerdictCue, list[list[dict[str, Any]]]]], vocab: Vocab):
        self.entries = tuple(entry for entry, _ in entries)
        self._matcher = GatedMatcher(((entry.name, patterns) for entry, patterns in entries), vocab)

    def matches(self, doc: Doc) -> list[tuple[str, Span]]:
        """(entry name, matched words) of every match outside quotations, in text order."""
        found = self._matcher(doc)
        if not found:
            return []
        quotations = quotations_of(doc)
        strings = doc.vocab.strings
        return [
            (strings[match_id], doc[start:end])
            for match_id, start, end in found
            if not any(q.start <= doc[start].idx < q.end for q in quotations)
        ]


def verdict_opening(
    verdict: Verdict | None, source: str | None, doc: Doc, name_of: NameOf | None = None
) -> Opening | None:
    """The at-a-glance line of a fact check: its verdict as the page's data states it ("Rated
    Unproven by Snopes: "<claim>""), else the text's last sentence that states a rating (a
    fact check gives its finding last), whole; None for any other article."""
    if verdict is not None:
        return Opening(verdict_line(verdict, source))
    found = load_verdict_cues(doc.vocab).matches(doc)
    if not found:
        return None
    stated = found[-1][1]
    for index, (part, is_caption) in enumerate(parts_of(doc)):
        if part.start <= stated.start < part.end and is_complete_sentence(part, not is_caption):
            return Opening(fact_text(part, name_of), index)
    return None


def verdict_line(verdict: Verdict, source: str | None) -> str:
    """The verdict in one line: the rating and who gave it, then the claim in quotation marks
    (the claim is what was checked, not what the brief asserts) and who made it."""
    reviewer = verdict.reviewer or source
    rated = f"Rated {verdict.rating}" + (f" by {reviewer}" if reviewer else "")
    if not verdict.claim:
        return f"{rated}."
    claimant = f" (claimed by {verdict.claimant})" if verdict.claimant else ""
    return f"{rated}: “{verdict.claim}”{claimant}"


@functools.cache
def load_verdict_cues(vocab: Vocab) -> VerdictCues:
    """The packaged entries, compiled once per vocabulary (once per process)."""
    return VerdictCues(parse_verdict_cues(*packaged_rules(VERDICT_CUES_FILE)), vocab)


def parse_verdict_cues(
    text: str, source: str
) -> list[tuple[VerdictCue, list[list[dict[str, Any]]]]]:
    """Check the file; raise one `BriefError` naming each bad entry by line."""
    return patterned_entries(text, source, "verdict cue", _entry)


def _entry(entry: Any, where: str, problems: list[str]) -> VerdictCue | None:
    found = patterned_entry_problems(entry, where, "verdict cue", FIELDS, FIELDS)
    problems += found
    if found:
        return None
    return VerdictCue(**{key: str(entry[key]) for key in FIELDS if key != "token_patterns"})
