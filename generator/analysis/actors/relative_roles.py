"""The role a relative clause on a person's name says they hold: "Tom Hale, who owns a small
design firm, said ..." -> "owner of a small design firm"; "Ann Lowe, who founded Acme Foods"
-> "founder of Acme Foods". The verbs and their agent nouns are data
(`data/relative_roles.yml`), and the clause's object must be a body (a named organisation or
a phrase headed by a body's noun there), so that "who owns a dog" gives no role.
"""

from __future__ import annotations

import functools
from typing import Any

from spacy.tokens import Doc, Token

from generator.analysis.rule_files import casefolded, packaged_data
from generator.models import Actor

RELATIVE_ROLES_FILE = "relative_roles.yml"
RELATIVE_PRONOUNS = frozenset({"who", "whom"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})


def roles_in_relative_clauses(
    doc: Doc, token_actor: dict[int, str], people: dict[str, Actor]
) -> dict[str, str]:
    """Each person's first role a relative clause on their name gives (see the module's doc)."""
    found: dict[str, str] = {}
    agents = _agents()
    for clause in doc:
        if clause.dep_ != "relcl" or clause.lemma_.lower() not in agents:
            continue
        name = token_actor.get(clause.head.i)
        if name not in people or name in found or not _is_the_subject_who(clause):
            continue
        body = _body_object(clause, token_actor, people)
        if body is not None:
            found[name] = f"{agents[clause.lemma_.lower()]} of {body}"
    return found


def _is_the_subject_who(clause: Token) -> bool:
    """ "who owns ...": the relative pronoun is the clause's subject, the clause active."""
    return any(c.dep_ == "nsubj" and c.lower_ in RELATIVE_PRONOUNS for c in clause.children)


def _body_object(
    clause: Token, token_actor: dict[int, str], people: dict[str, Actor]
) -> str | None:
    """The clause's object as a body's phrase, or None: "a small design firm" (its last
    conjunct a body's noun: the parser reads "a design and print firm" as "design" and
    "firm"), "Acme Foods" (a named organisation, no person)."""
    objects = [c for c in clause.children if c.dep_ == "dobj"]
    if len(objects) != 1:
        return None
    first = objects[0]
    head = ([first, *first.conjuncts])[-1]
    doc = clause.doc
    if head.ent_type_ == "ORG" and token_actor.get(head.i) not in people:
        entity = next(e for e in doc.ents if e.start <= head.i < e.end)
        return entity.text
    if head.tag_ == "NN" and head.lower_ in _bodies():
        return doc[first.left_edge.i : head.i + 1].text
    return None


@functools.cache
def _agents() -> dict[str, str]:
    """The verbs of `data/relative_roles.yml`, each with its agent noun."""
    table: dict[str, Any] = packaged_data(RELATIVE_ROLES_FILE)["agents"]
    return {str(verb).casefold(): str(noun) for verb, noun in table.items()}


@functools.cache
def _bodies() -> frozenset[str]:
    return casefolded(packaged_data(RELATIVE_ROLES_FILE)["bodies"])
