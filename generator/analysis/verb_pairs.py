"""Two verbs joined by "and" or "or" that share one subject and what follows them: "the crew
hunted and ate a wild goat", "she wrote or edited every page". The parser hangs the words after
the pair on the second verb only, so a clause cut at either verb would drop half of the act
("the crew ate a wild goat", "the crew hunted"). Either verb's clause is the pair's.

Not a pair: a first verb with words of its own before the conjunction ("cut the ribbon and
opened the hall" is two acts, each with its object), nor a second verb with a subject of its own
("he spoke and she listened"). Words after the second verb are the pair's wherever the parser
hangs them.
"""

from __future__ import annotations

from spacy.tokens import Token

from generator.analysis.grammar import CLAUSE_POS, SUBJECT_DEPS

PAIRING_WORDS = frozenset({"and", "or"})
"""The conjunctions that join the two verbs of a pair."""


def first_of_pair(verb: Token) -> Token | None:
    """The verb right before `verb` ("hunted" in "hunted and ate") that shares its subject and
    its words after it, or None."""
    head = verb.head
    return head if verb.dep_ == "conj" and is_pair(head, verb) else None


def is_pair(first: Token, second: Token) -> bool:
    """Whether two verbs are a pair: adjacent but for the conjunction, the second joined to the
    first and with no subject of its own."""
    if first.pos_ not in CLAUSE_POS or second.pos_ not in CLAUSE_POS:
        return False
    if second.i != first.i + 2 or second.head.i != first.i:
        return False
    joiner = first.doc[first.i + 1]
    if joiner.lower_ not in PAIRING_WORDS or joiner.head.i != first.i:
        return False
    return not any(child.dep_ in SUBJECT_DEPS for child in second.children)
