"""Tell a sentence that goes on from the one before it: text in, whether it opens on a
connective ("But", "However", "In addition") of `data/connectives.yml` out."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Any

from spacy.tokens import Span

from generator.analysis.grammar import FINITE_TAGS
from generator.analysis.rule_files import field_problems, named_entries, packaged_rules

CONNECTIVES_FILE = "connectives.yml"
FIELDS = ("name", "why", "openers", "example", "counter_example")
OPTIONAL_FIELDS = ("replies", "contrasts", "adverbs")
INVERTED_OPENER_TAGS = FINITE_TAGS - {"MD"}
"""Tags of a full verb with a tense: a statement that opens on one has put it before its subject
("Says the committee, ...", "Came the reply: ..."), which only the words before it allow."""
CONJUNCTIONS = frozenset({"and", "but"})
"""Connectives that join clauses and are no part of a phrase after them."""


@dataclass(frozen=True)
class Connective:
    """One entry of the connectives file."""

    name: str
    openers: tuple[str, ...]
    example: str
    counter_example: str
    replies: bool = False
    """The sentence answers the one before ("But ...", "Of course, ..."): without it, it says
    something else; one that adds to it ("Meanwhile, ...") says the same alone."""
    adverbs: tuple[str, ...] = ()
    """Openers that modify only the clause after them and never open a phrase of it
    ("Meanwhile motoring groups said ..."): they leave it without a comma too."""
    contrasts: bool = False
    """A reply that sets the sentence against the one before ("But ..."): in the writer's own
    voice it may state what is at stake ("But the row put the issue in the public eye"), where
    one that grants the sentence before ("Of course, ...") takes its point as read."""


def parse_connectives(text: str, source: str) -> list[Connective]:
    """Read a connectives file; raise one `BriefError` naming every bad entry."""
    return [made for made, _ in named_entries(text, source, "connective", _read_one)]


def _read_one(entry: Any, where: str, problems: list[str]) -> Connective | None:
    found = field_problems(entry, where, "connective", FIELDS, FIELDS + OPTIONAL_FIELDS)
    if not found and not (
        isinstance(entry["openers"], list) and all(isinstance(o, str) for o in entry["openers"])
    ):
        found.append(f"{where}: 'openers' must be a list of words")
    problems.extend(found)
    if found:
        return None
    openers = tuple(entry["openers"])
    replies = entry.get("replies") is True
    adverbs = tuple(entry.get("adverbs") or ())
    if not set(adverbs) <= set(openers):
        problems.append(f"{where}: 'adverbs' must be some of the entry's openers")
        return None
    contrasts = entry.get("contrasts") is True
    return Connective(
        entry["name"],
        openers,
        entry["example"],
        entry["counter_example"],
        replies,
        adverbs,
        contrasts,
    )


@functools.cache
def connectives() -> tuple[Connective, ...]:
    """The packaged connectives."""
    return tuple(parse_connectives(*packaged_rules(CONNECTIVES_FILE)))


@functools.cache
def _opening() -> re.Pattern[str]:
    return _pattern(tuple(o for c in connectives() for o in c.openers))


def _pattern(found: tuple[str, ...]) -> re.Pattern[str]:
    openers = sorted(found, key=len, reverse=True)
    words = "|".join(re.escape(opener).replace("\\ ", "\\s+") for opener in openers)
    # "Andrew" does not open on "And": no letter may follow the opener.
    return re.compile(rf"(?:{words})(?![^\W\d_])", re.IGNORECASE)


def opens_on_a_reply(sentence: str) -> bool:
    """Whether a sentence opens on a connective that answers the sentence before it ("But the
    minister said ..."): it is a reply, not a statement that stands alone."""
    return reply_opening(sentence) is not None


def reply_opening(sentence: str) -> Connective | None:
    """The connective of a reply a sentence opens on ("But ...", "Of course, ..."), or None;
    its `contrasts` tells one that sets the sentence against the one before from one that
    grants it."""
    stripped = sentence.lstrip()
    return next(
        (
            connective
            for connective in connectives()
            if connective.replies and _opening_of(connective).match(stripped) is not None
        ),
        None,
    )


@functools.cache
def _opening_of(connective: Connective) -> re.Pattern[str]:
    return _pattern(connective.openers)


@functools.cache
def _clause_adverbs() -> frozenset[str]:
    return frozenset(adverb.lower() for c in connectives() for adverb in c.adverbs)


def opens_on_a_connective(sentence: str) -> bool:
    """Whether a sentence's first words are a connective: it goes on from the one before."""
    return _opening().match(sentence.lstrip()) is not None


def without_connective(clause: str) -> str:
    """A clause without the connective it opens on, when the connective is set off by a comma
    ("Still, the firm ...") or is a conjunction or an adverb of the clause alone ("But the
    firm ...", "Meanwhile the firm ..."): the clause says the same alone. One that opens a
    phrase ("In addition to the fee, ...", "Instead of waiting, ...", "Yet another delay ...")
    stays whole, as the words after it lean on it."""
    stripped = clause.lstrip()
    opening = _opening().match(stripped)
    if opening is None:
        return clause
    rest = stripped[opening.end() :]
    is_set_off = rest.startswith(",") or opening.group().endswith(",")
    stands_apart = opening.group().lower() in CONJUNCTIONS | _clause_adverbs()
    if not (is_set_off or (stands_apart and rest[:1].isspace())):
        return clause
    rest = rest.removeprefix(",").lstrip()
    return rest[:1].upper() + rest[1:] if rest else clause


def sentence_without_connective(sent: Span, text: str) -> str:
    """A sentence's text (`text`, as a brief shows `sent`) without the connective it opens on
    (`without_connective`), unless what is left opens on a verb put before its subject: "As a
    result, says the committee, the town ..." without "As a result" would open on "Says the
    committee", no sentence of the article; it stays whole."""
    stripped = without_connective(text)
    if stripped == text:
        return text
    start = sent.start_char + len(text) - len(stripped)
    first = next((t for t in sent if t.idx >= start), None)
    if first is not None and first.pos_ == "VERB" and first.tag_ in INVERTED_OPENER_TAGS:
        return text
    return stripped
