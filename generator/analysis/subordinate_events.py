"""Tell which clause a date in a subordinate clause dates: a date token's clause in, whether
the subordinate clause is the event, its sentence, or the main clause out.

A clause inside its sentence whose subject is a pronoun leans back on the words before it
(`leans_back`), and a condition alone is half a sentence (`is_a_condition_clause`): the
sentence is the event. A past "since" clause ("... since it opened in 2011") tells the act
that began the state its sentence describes: it is the event, its pronoun named in brackets
(`starts_the_state`). A date fronted before a subordinate clause's conjunction dates the main
clause (`fronted_from_subordinate`).
"""

from __future__ import annotations

from spacy.tokens import Token

from generator.analysis.clauses import clause_of, subordinator_of
from generator.analysis.grammar import NOMINAL_SUBJECT_DEPS as SUBJECT_DEPS
from generator.analysis.tense import CONDITION_MARKS

BACK_POINTING_PRONOUNS = frozenset({"it", "he", "she", "they", "this", "these", "those"})


def leans_back(head: Token) -> bool:
    """A clause inside its sentence whose subject is a pronoun ("where it had stood since
    September 2023"): alone on the timeline it would not say who or what."""
    return head.dep_ != "ROOT" and any(
        child.dep_ in SUBJECT_DEPS and child.lower_ in BACK_POINTING_PRONOUNS
        for child in head.children
    )


def is_a_condition_clause(head: Token) -> bool:
    """An "if" or "unless" clause ("If the club wins on Saturday"): alone it is half a
    sentence, and what may follow is the other half."""
    mark = subordinator_of(head)
    return head.dep_ == "advcl" and mark is not None and mark.lower_ in CONDITION_MARKS


def starts_the_state(head: Token) -> bool:
    """A past clause opened by "since" ("... sold since it opened in 2011"): the act that began
    what its sentence says holds now, and the one event the date dates; the sentence is a
    present state. Its pronoun subject is named in brackets, or the event gives way."""
    mark = subordinator_of(head)
    return (
        head.dep_ == "advcl" and mark is not None and mark.lower_ == "since" and head.tag_ == "VBD"
    )


def fronted_from_subordinate(anchor: Token, head: Token) -> Token:
    """The main clause for a date fronted before a subordinate clause's conjunction: "In
    November 2023, after North Korea launched a satellite, Seoul suspended a clause"."""
    mark = subordinator_of(head)
    if head.dep_ == "advcl" and mark is not None and anchor.i < mark.i:
        return clause_of(head.head)
    return head
