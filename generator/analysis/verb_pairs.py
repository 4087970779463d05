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

from functools import cache

from spacy.tokens import Token

from generator.analysis.grammar import CLAUSE_POS, SUBJECT_DEPS
from generator.analysis.rule_files import casefolded, packaged_data

PAIRING_WORDS = frozenset({"and", "or"})
"""The conjunctions that join the two verbs of a pair."""
OBJECT_TAKING_VERBS_FILE = "object_taking_verbs.yml"
PASSIVE_HEAD_TAG = "VBN"
PAST_TENSE_TAG = "VBD"
REGULAR_PAST_ENDING = "ed"
OBJECT_DEPS = frozenset({"dobj", "dative", "ccomp", "xcomp"})


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


@cache
def _object_taking_verbs() -> frozenset[str]:
    return casefolded(packaged_data(OBJECT_TAKING_VERBS_FILE)["verbs"])


def shares_the_passive(verb: Token) -> bool:
    """Whether a joined verb the tagger read as a simple past is a passive participle that
    shares its head's auxiliary ("was convicted of fraud and jailed for two years"): a regular
    past form, with no subject or object of its own, of a verb that always takes an object
    (`data/object_taking_verbs.yml`), joined to a passive. Not a verb that can go without one
    ("was born in Hull and moved to Leeds": he moved)."""
    head = verb.head
    if verb.dep_ != "conj" or verb.tag_ != PAST_TENSE_TAG or head.tag_ != PASSIVE_HEAD_TAG:
        return False
    if not any(child.dep_ == "auxpass" for child in head.children):
        return False
    if any(child.dep_ in SUBJECT_DEPS or child.dep_ in OBJECT_DEPS for child in verb.children):
        return False
    is_regular = verb.lower_.endswith(REGULAR_PAST_ENDING)
    return is_regular and verb.lemma_.lower() in _object_taking_verbs()
