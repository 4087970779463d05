"""Subjects the parser joined to the clause before: a word in, the verb it is the subject of out.

In "topped estimates and the looming glut, together with ..., pushed prices down" and
"dumped rain on Tuesday and more was expected Wednesday" the parser joins the second clause's
subject to the first clause as a conjunct and leaves the second verb without one. `clauses`
moves the word to the verb it is the subject of: the first clause leaves it out, the second
takes it as its subject. And a subject whose first words the parser hung elsewhere
("Acme's first all-electric van based on ... isn't due until May") would open the clause bare:
`cuts_the_subjects_phrase` tells the clause to give way to its sentence.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from generator.analysis.clause_joins import COMMAS, self_and_ancestors
from generator.analysis.grammar import AUXILIARY_DEPS, CLAUSE_POS, SUBJECT_DEPS


def is_next_clauses_subject(token: Token, head: Token) -> bool:
    """Whether a word the parser joined as a conjunct inside `head`'s clause is the subject of
    the verb joined to `head` after it, which has none of its own ("dumped rain on Tuesday and
    more was expected Wednesday": "more" is what was expected; "topped estimates and the
    glut, together with ..., pushed prices down": the glut pushed them): it goes with
    that clause, not this one."""
    verb = verb_after(token)
    return verb is not None and token.doc[verb].head.i == head.i


BARE_NOUN_TAG = "NN"
"""A singular common noun, which as a subject needs a determiner or an owner ("the car")."""
NOUN_OPENING_DEPS = frozenset({"det", "poss", "nummod", "predet"})
"""Words that open a noun phrase as a determiner or owner does."""
CLAUSE_BREAK_POS = frozenset({"PUNCT", "CCONJ", "SCONJ"})
"""Words after which a clause may start with a bare noun ("Officials said, water ...")."""


def cuts_the_subjects_phrase(head: Token, first: Token) -> bool:
    """Whether the clause of `head`, opening on `first`, starts inside its subject's noun
    phrase: the subject is a singular common noun with no determiner or owner, and the word
    before the clause is none that a clause may follow ("Acme's first [all-electric van
    based on the platform isn't due until May]"). "Water flooded the town on Monday" and
    "On Monday, water flooded ..." open where their sentence or phrase does."""
    subject = next((c for c in head.children if c.dep_ in SUBJECT_DEPS), None)
    if subject is None or subject.tag_ != BARE_NOUN_TAG or first.i == first.sent.start:
        return False
    if any(child.dep_ in NOUN_OPENING_DEPS for child in subject.children):
        return False
    before = first.doc[first.i - 1]
    return first.i <= subject.i and before.pos_ not in CLAUSE_BREAK_POS


def follows_lost_subject(token: Token, head: Token) -> bool:
    """Whether a phrase set off by commas after a conjunct that is the next clause's subject
    goes with it: "and the weak currency, together with rising costs, dragged shares lower"."""
    start = token.left_edge.i - 1
    if token.head.i != head.i or start < 1 or token.doc[start].text not in COMMAS:
        return False
    before = token.doc[start - 1]
    lost = next((t for t in self_and_ancestors(before) if t.dep_ == "conj"), None)
    return (
        lost is not None and lost.right_edge.i == before.i and is_next_clauses_subject(lost, head)
    )


def verb_after(token: Token) -> int | None:
    """The position of the subjectless verb conjunct that a non-verb conjunct directly precedes
    (its auxiliary or the verb itself right after the conjunct's words), joined to a verb the
    conjunct hangs under, with no conjunction of its own: the "and" before the conjunct was
    the verb's (`is_next_clauses_subject`). Not a verb of a list that goes on ("bought apples
    and pears, sold the car and left")."""
    if token.pos_ in CLAUSE_POS or token.dep_ != "conj":
        return None
    after = _past_set_off_phrases(token.right_edge.i + 1, token.doc)
    if after >= len(token.doc):
        return None
    first = token.doc[after]
    verb = first.head if first.dep_ in AUXILIARY_DEPS else first
    if verb.i == after and token.doc[after - 1].text not in COMMAS:
        # A bare verb right after a noun describes it more often than it is the noun's
        # predicate: "a travel ban on officials deemed responsible".
        return None
    if verb.dep_ != "conj" or verb.pos_ not in CLAUSE_POS or verb.left_edge.i != after:
        return None
    joined_to = verb.head
    between = token.doc[token.right_edge.i + 1 : after]
    is_lost = (
        joined_to.pos_ in CLAUSE_POS
        and all(_is_set_off_part(t, joined_to) for t in between)
        and joined_to.i < token.i
        and token.i in _subtree_span(joined_to)
        and token.doc[token.left_edge.i - 1].dep_ == "cc"
        and not any(child.dep_ in SUBJECT_DEPS for child in verb.children)
        and not any(c.dep_ == "conj" and c.i > verb.i for c in joined_to.children)
    )
    return verb.i if is_lost else None


SET_OFF_DEPS = frozenset({"prep", "advmod", "npadvmod", "advcl", "punct"})
"""How a phrase set off by commas hangs on its verb: ", together with rising costs,"."""


def _past_set_off_phrases(position: int, doc: Doc) -> int:
    """The first position from `position` on that is not in a phrase set off by commas: the
    phrase opens on a comma and ends on one."""
    if position >= len(doc) or doc[position].text not in COMMAS:
        return position
    closing = next(
        (t.i for t in doc[position + 1 : doc[position].sent.end] if t.text in COMMAS), None
    )
    return position + 1 if closing is None else closing + 1


def _is_set_off_part(token: Token, verb: Token) -> bool:
    """Whether a word between a conjunct and the verb after it is a comma or part of a phrase
    that modifies `verb`, so the two still stand next to each other."""
    top = next((t for t in self_and_ancestors(token) if t.head.i == verb.i), None)
    return token.text in COMMAS or (top is not None and top.dep_ in SET_OFF_DEPS)


def _subtree_span(token: Token) -> range:
    return range(token.left_edge.i, token.right_edge.i + 1)
