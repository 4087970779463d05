"""What cutting an event's clause out of its sentence may not lose: the content of what was said.

A verb of saying tells its event through what was said: its reported clause ("estimated that
964 people ...") or its quotation. A cut that keeps the saying and drops the said reads as
another event ("The institute reported a disorder in 2017" for "The institute estimated that
thousands reported one") or as none ("Ms X tweeted on Monday."): the sentence is told instead,
or, when what was said is a quotation the Quotes section shows, the event gives way.
"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from generator.analysis.clauses import has_subject
from generator.analysis.lexicon import SPEECH_VERBS
from generator.analysis.quote_marks import CLOSING_MARKS, OPENING_MARKS, quotations_of

REPORTED_CLAUSE_DEPS = frozenset({"ccomp"})
"""A verb's clause of what was said or thought ("estimated that ...")."""
CONTENT_DEPS = frozenset({"ccomp", "dobj", "xcomp", "dative"})
"""A verb of saying's words for what was said or to whom: with none, the saying is bare."""
_MARKS = "".join(sorted(OPENING_MARKS | CLOSING_MARKS))
QUOTATION_TAIL = re.compile(rf"[^{_MARKS}]*[{''.join(sorted(CLOSING_MARKS))}][,.!?]?\s+")
"""Text up to a closing quotation mark with no opening one before it."""
QUOTATION_CHARACTERS = OPENING_MARKS | CLOSING_MARKS | {'"'}
"""Marks by which an event's words show they hold what was said."""


def cuts_reported_content(head: Token, tokens: tuple[Token, ...]) -> bool:
    """Whether the clause of `head`, a verb joined to one before it whose subject it shares,
    leaves out that verb's reported clause: the parser may join a verb of the reported clause
    to the verb of saying ("has estimated that 964 people ..., reported a disorder in 2017"),
    and the cut would credit the reporter with the reported act."""
    if head.dep_ != "conj" or has_subject(head):
        return False
    kept = {t.i for t in tokens}
    return any(
        child.dep_ in REPORTED_CLAUSE_DEPS and child.i not in kept for child in head.head.children
    )


def without_quotation_tail(event: str) -> str:
    """The event without the end of a quotation the sentence splitter left at its start
    ("OUT,” Noem tweeted Monday night." -> "Noem tweeted Monday night."): the quoted words
    are the quotes' section, and their tail alone reads as a fragment."""
    match = QUOTATION_TAIL.match(event)
    if match is None or match.end() == len(event):
        return event
    rest = event[match.end() :]
    return rest[:1].upper() + rest[1:]


def says_only_that_it_was_said(anchor: Token, event: str) -> bool:
    """Whether the event tells only that someone said something, on the date, while what was
    said is a quotation of its sentence left out of the event's words ('"...," the mayor posted
    on Sunday night' as "The mayor posted on Sunday night."): the quoted words are the Quotes
    section's, and the bare saying is no event. "The minister spoke at a rally on Monday" says
    where, and "told reporters on Monday that ..." what: both stay."""
    verb = next((t for t in (anchor, *anchor.ancestors) if t.pos_ in ("VERB", "AUX")), None)
    if verb is None or verb.lemma_.lower() not in SPEECH_VERBS:
        return False
    if any(mark in event for mark in QUOTATION_CHARACTERS):
        return False
    sentence = anchor.sent
    quoted = [
        q for q in quotations_of(anchor.doc) if sentence.start_char <= q.start < sentence.end_char
    ]
    said_outside = any(
        child.dep_ in CONTENT_DEPS and not any(q.start <= child.idx < q.end for q in quoted)
        for child in verb.children
    )
    return not said_outside and (bool(quoted) or starts_after_a_quotation(sentence))


def starts_after_a_quotation(sentence: Span) -> bool:
    """Whether the sentence opens on the end of a quotation the splitter cut from its start
    ('OUT," Noem tweeted Monday night.')."""
    return without_quotation_tail(sentence.text) != sentence.text
