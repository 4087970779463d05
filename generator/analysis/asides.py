"""Tell the writer's asides to the reader from the story: a date's token in, whether its clause
is the writer speaking to the reader out.

A blog or a guide tells its reader what the text will do ("Today, we're going to talk about how
to ... so you're able to ...", "Today, I'm going to build on ... by showing you ...") or what to
do ("On Sunday, set your clocks back an hour"). The date times the writing or the reader's step,
not an event of the story, so the timeline leaves it out.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Token

from generator.analysis.clauses import CLAUSE_POS, has_subject, inherited_subject
from generator.analysis.grammar import NOMINAL_SUBJECT_DEPS
from generator.analysis.lexicon import READER_WORDS
from generator.analysis.quote_marks import Quotation
from generator.analysis.tense import speaks_of_the_past

WRITER_WORDS = frozenset({"i", "we"})
"""Subjects by which the writer speaks as the one writing."""
IMPERATIVE_TAG = "VB"
AUXILIARY_DEPS = frozenset({"aux", "auxpass"})


def speaks_to_the_reader(anchor: Token, quotations: Sequence[Quotation]) -> bool:
    """Whether the date's clause is the writer's own present or future told to the reader (a
    subject "I" or "we" outside quotations, the reader addressed as "you" in the sentence), or
    an instruction to the reader (an imperative main verb)."""
    verb = next((t for t in (anchor, *anchor.ancestors) if t.pos_ in CLAUSE_POS), None)
    if verb is None or _is_quoted(verb, quotations):
        return False
    if _is_imperative(verb):
        return True
    subject = _subject_of(verb)
    if subject is None or subject.lower_ not in WRITER_WORDS or speaks_of_the_past(anchor):
        return False
    return any(t.lower_ in READER_WORDS and not _is_quoted(t, quotations) for t in anchor.sent)


def _subject_of(verb: Token) -> Token | None:
    """The verb's subject, or that of the verb it is joined to or completes ("going to talk")."""
    while True:
        subject = next((c for c in verb.children if c.dep_ in NOMINAL_SUBJECT_DEPS), None)
        if subject is not None:
            return subject
        if verb.dep_ == "conj":
            return inherited_subject(verb)
        if verb.dep_ != "xcomp" or verb.head is verb:
            return None
        verb = verb.head


def _is_imperative(verb: Token) -> bool:
    """A main verb in the base form with neither subject nor auxiliary: "set your clocks"."""
    return (
        verb.dep_ == "ROOT"
        and verb.tag_ == IMPERATIVE_TAG
        and not has_subject(verb)
        and not any(c.dep_ in AUXILIARY_DEPS for c in verb.children)
    )


def _is_quoted(token: Token, quotations: Sequence[Quotation]) -> bool:
    return any(q.start <= token.idx < q.end for q in quotations)
