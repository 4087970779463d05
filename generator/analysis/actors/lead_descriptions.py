"""A description that opens an article before it names anyone: "The city watchdog's head
has said he will ease the rules. In a speech on Monday, Ann Lowe promised ..." News leads often
describe the person first and name them in the next sentence: the description is the first
person named after it, where that person is the subject of the next sentence's main verb and the
one person it names.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc, Token

from generator.models import Actor

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
TIES_TO_ANOTHER = frozenset({"prep", "relcl", "acl", "appos"})


def lead_description_named_after(
    doc: Doc,
    token_actor: dict[int, str],
    people: dict[str, Actor],
    is_a_title: Callable[[Token], bool],
) -> tuple[str, str] | None:
    """(The person, their description) where the article's first sentence's subject is a
    definite description of a title that the next sentence names (see the module's doc)."""
    sentences = iter(doc.sents)
    first = next(sentences, None)
    after = next(sentences, None)
    if first is None or after is None:
        return None
    if any(token_actor.get(t.i) in people for t in first):
        return None  # it names someone: the description may be theirs or another's
    subject = next((c for c in first.root.children if c.dep_ in SUBJECT_DEPS), None)
    if subject is None or not _is_a_definite_title(subject, is_a_title):
        return None
    named = [t for t in after if token_actor.get(t.i) in people]
    if len({token_actor[t.i] for t in named}) != 1:
        return None  # "Ann Lowe met Tom Barr": the chairman could be either
    if not _is_the_subject(named[0], after.root, token_actor):
        return None
    start = next((t.i for t in subject.subtree if t.dep_ != "det"), subject.i)
    return token_actor[named[0].i], doc[start : subject.i + 1].text


def _is_a_definite_title(noun: Token, is_a_title: Callable[[Token], bool]) -> bool:
    """ "the chairman", "the city watchdog's chairman": a title with "the" or an owner that
    has "the" (a body, no person: the owner names no actor), nothing after it."""
    if noun.tag_ != "NN" or noun.ent_type_ or not is_a_title(noun):
        return False
    if any(c.dep_ in TIES_TO_ANOTHER for c in noun.children):
        return False
    determiners = [c.lower_ for c in noun.children if c.dep_ == "det"]
    owners = [c for c in noun.children if c.dep_ == "poss"]
    if determiners == ["the"] and not owners:
        return True
    return (
        not determiners
        and len(owners) == 1
        and owners[0].pos_ == "NOUN"
        and [c.lower_ for c in owners[0].children if c.dep_ == "det"] == ["the"]
    )


def _is_the_subject(token: Token, root: Token, token_actor: dict[int, str]) -> bool:
    """Whether the person named at token is the subject of the sentence's main verb."""
    name = token_actor[token.i]
    return any(c.dep_ in SUBJECT_DEPS and token_actor.get(c.i) == name for c in root.children)
