"""An office the text names by a definite description in a sentence with the person who holds
it, found by elimination: in "Ann Lowe promised Tom Barr she would go, a book about the
chancellor claims", Lowe holds another office (the text calls her the prime minister), so the
chancellor is Barr. `described_roles` first ties descriptions that carry a subject on; this
reads the ones it leaves, wherever they stand in the sentence.
"""

from __future__ import annotations

from collections import Counter

from spacy.tokens import Doc, Token

from generator.analysis.lexicon import OFFICE_TITLES
from generator.analysis.role_ranks import POST, role_rank
from generator.analysis.token_lists import token_lists
from generator.models import Actor

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
OWNING_DEPS = frozenset({"poss", "prep", "relcl", "acl", "appos", "compound"})
MIN_USES = 2
"""A description the text uses of one person across it ("the chancellor" twice or more), and
that person named as often: once, it as often brings in someone new."""


def offices_by_elimination(
    doc: Doc, token_actor: dict[int, str], people: dict[str, Actor], roles: dict[str, str]
) -> dict[str, Token]:
    """Each person the one left, in a sentence naming two or more people, whom an office's
    definite description ("the chancellor") may be: every other one named there acts on it
    ("Lowe told the chancellor") or holds another office (roles and the actors' own); with
    the description."""
    # Positions of the office titles, from the doc's lower-case column: a `Token` only for those
    # (a handful a doc), not for every word.
    lower = token_lists(doc).lower
    titles = [doc[i] for i, word in enumerate(lower) if word in OFFICE_TITLES]
    uses = Counter(
        token.lower_ for token in titles if any(c.lower_ == "the" for c in token.children)
    )
    offices = [token for token in titles if uses[token.lower_] and _is_an_office_described(token)]
    found: dict[str, Token] = {}
    for office in offices:
        if uses[office.lower_] < MIN_USES:
            continue
        holder = _the_one_left(office, token_actor, people, roles)
        if holder is not None:
            found.setdefault(holder, office)
    return found


def _is_an_office_described(token: Token) -> bool:
    """ "the chancellor": "the" and an office's title, nothing tying it to another body or
    person ("the party's chancellor", "the chancellor of the university"), no name's part."""
    return (
        token.tag_ == "NN"
        and token.lower_ in OFFICE_TITLES
        and not token.ent_type_
        and token.dep_ != "poss"
        and [c.lower_ for c in token.children if c.dep_ == "det"] == ["the"]
        and not any(c.dep_ in OWNING_DEPS or c.pos_ == "ADJ" for c in token.children)
    )


def _the_one_left(
    office: Token, token_actor: dict[int, str], people: dict[str, Actor], roles: dict[str, str]
) -> str | None:
    sentence = office.sent
    named = {
        token_actor[i]: i
        for i in range(sentence.start, sentence.end)
        if token_actor.get(i) in people
    }
    if len(named) < 2:
        return None
    verb = _governing_verb(office)
    left = []
    for name, i in named.items():
        role = roles.get(name) or people[name].role
        if role is not None and office.lower_ in role.casefold().split():
            return None  # the text already gives it them
        acts_on_it = office.doc[i].dep_ in SUBJECT_DEPS and office.doc[i].head == verb
        holds_another = role is not None and role_rank(role) == POST
        if not (acts_on_it or holds_another):
            left.append(name)
    # The holder of an office the text keeps naming is someone it keeps naming too.
    if len(left) != 1 or people[left[0]].mentions < MIN_USES:
        return None
    return left[0]


def _governing_verb(token: Token) -> Token:
    """The verb whose clause holds the token: "told" of "Lowe told the chancellor"."""
    while token.pos_ not in ("VERB", "AUX") and token.head is not token:
        token = token.head
    return token
