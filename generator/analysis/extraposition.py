"""Tell an expletive "it" from one that stands for something: a parsed token in, a bool out.

In "It is understood that the board will meet" or "It's hard to believe that the song is
forty", "it" names nothing: the clause put after the verb (extraposed) is what the sentence is
about, and a reader needs no sentence before it. The parse shows it without a word list: "it"
is the subject of a passive verb or of a copula with a predicate ("hard", "unclear"), and that
same verb governs a clause of its own (with a subject or a "that"/"whether"), or an infinitive
that does ("hard to believe that ...").

A referential "it" keeps its clause elsewhere: "It is expected to open next year" (an
infinitive with no clause of its own), "It was so heavy that ..." (the clause hangs on the
predicate, not the verb), "It is a sign that ..." (on the noun), "It said that ..." (active,
no predicate: "it" does the saying).
"""

from __future__ import annotations

from spacy.tokens import Token

from generator.analysis.grammar import NOMINAL_SUBJECT_DEPS

PASSIVE_SUBJECT_DEP = "nsubjpass"
PREDICATE_DEPS = frozenset({"acomp", "attr"})
"""A copula's predicate: an adjective ("is unclear") or a noun ("was a tradition")."""
EXTRAPOSED_CLAUSE_DEPS = frozenset({"ccomp", "csubj"})
"""A finite clause the verb governs: where an extraposed "that"/"whether" clause hangs."""
INFINITIVE_DEP = "xcomp"
CLAUSE_SUBJECT_DEPS = NOMINAL_SUBJECT_DEPS | {"expl"}
MARKER_DEP = "mark"
EXPLETIVE_DEP = "expl"


def is_expletive_it(token: Token) -> bool:
    """Whether a subject "it" stands for no one: the parser's own "expl", or the subject of a
    passive verb or a predicate's copula that governs an extraposed clause."""
    if token.lower_ != "it":
        return False
    if token.dep_ == EXPLETIVE_DEP:
        return True
    if token.dep_ not in NOMINAL_SUBJECT_DEPS:
        return False
    verb = token.head
    is_passive = token.dep_ == PASSIVE_SUBJECT_DEP
    has_predicate = any(child.dep_ in PREDICATE_DEPS for child in verb.children)
    if not (is_passive or has_predicate):
        return False
    # "It is expected to say that ..." is someone expected to speak: only a copula's infinitive
    # ("hard to believe that") carries the extraposed clause.
    return any(
        _has_clause_of_its_own(child)
        or (
            has_predicate
            and child.dep_ == INFINITIVE_DEP
            and any(map(_has_clause_of_its_own, child.children))
        )
        for child in verb.children
    )


def _has_clause_of_its_own(clause: Token) -> bool:
    """A finite clause with a subject or a marker of its own ("that the board will meet",
    "whether talks resume")."""
    return clause.dep_ in EXTRAPOSED_CLAUSE_DEPS and any(
        child.dep_ in CLAUSE_SUBJECT_DEPS or child.dep_ == MARKER_DEP for child in clause.children
    )
