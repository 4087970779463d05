"""The role a verb with "as" says a person holds: "Ann Lowe will step down as club manager" ->
"club manager"; "Tom Barr will succeed Ann Lowe as president of the guild" -> Lowe's
"president of the guild". The verbs are data (`data/roles_held_as.yml`), the title a word of
the title lexicon.
"""

from __future__ import annotations

import functools

from spacy.tokens import Doc, Token

from generator.analysis.lexicon import OFFICE_TITLES, PERSON_ROLE_WORDS, RANK_TITLES
from generator.analysis.rule_files import casefolded, packaged_data
from generator.analysis.token_lists import token_lists
from generator.models import Actor

ROLES_HELD_AS_FILE = "roles_held_as.yml"
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
PHRASE_ENDS = frozenset({",", ";", "(", "—", "–"})


def roles_held_as(
    doc: Doc, token_actor: dict[int, str], people: dict[str, Actor]
) -> dict[str, str]:
    """Each person's first role a verb of `data/roles_held_as.yml` gives them with "as"."""
    found: dict[str, str] = {}
    lists = token_lists(doc)
    lower, deps = lists.lower, lists.dep
    # A `Token` only for a prepositional "as" (from the doc's columns), not for every word.
    for i in (i for i, text in enumerate(lower) if text == "as" and deps[i] == "prep"):
        word = doc[i]
        if word.head.pos_ != "VERB":
            continue
        title = next((c for c in word.children if c.dep_ == "pobj"), None)
        if title is None or title.tag_ != "NN" or not _is_a_title(title):
            continue
        holder = _holder(word.head, token_actor, people)
        if holder is not None:
            found.setdefault(holder, _title_text(title))
    return found


def _is_a_title(noun: Token) -> bool:
    word = noun.lower_
    return word in PERSON_ROLE_WORDS or word in OFFICE_TITLES or word in RANK_TITLES


def _holder(verb: Token, token_actor: dict[int, str], people: dict[str, Actor]) -> str | None:
    """The person the verb's "as" is about: its subject (or, for "decided to step down", the
    subject of the verb it completes) or its object, as the verb's list says."""
    lemma = verb.lemma_.lower()
    if lemma in _verbs("object"):
        deps, owner = frozenset({"dobj"}), verb
    elif lemma in _verbs("subject"):
        deps, owner = SUBJECT_DEPS, verb
        if verb.dep_ == "xcomp" and not any(c.dep_ in SUBJECT_DEPS for c in verb.children):
            owner = verb.head
    else:
        return None
    named = [token_actor.get(c.i) for c in owner.children if c.dep_ in deps]
    return named[0] if len(named) == 1 and named[0] in people else None


def _title_text(title: Token) -> str:
    """The title's phrase without its article, up to a comma: "president of the guild"."""
    doc = title.doc
    start = title.left_edge.i
    while start < title.i and doc[start].dep_ == "det":
        start += 1
    end = title.right_edge.i + 1
    ends = [t.i for t in doc[title.i + 1 : end] if t.text in PHRASE_ENDS]
    return doc[start : min([end, *ends])].text


@functools.cache
def _verbs(holder: str) -> frozenset[str]:
    """The verbs of `data/roles_held_as.yml` whose subject or object holds the role."""
    return casefolded(packaged_data(ROLES_HELD_AS_FILE)[holder])
