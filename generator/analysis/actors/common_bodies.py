"""Bodies the article names in lower case: "the joint committee on human rights found ...",
"citing the regional health commission ... the commission said". No proper name, so the model
labels nothing, and the body whose report or statement the story is about was no actor: its
finding had no subject on the page and its words no speaker. A definite phrase headed by a
noun of `data/body_heads.yml` that says which body it is (an "of", "on" or "for" complement,
or a common noun before the head: "health commission") names a body where it, or "the" and its head
again ("the commission"), is the subject of a verb. Its name is the phrase as written."""

from __future__ import annotations

import functools

import numpy
from spacy.attrs import LOWER  # type: ignore[import-not-found]  # a Cython module without stubs
from spacy.tokens import Doc, Span, Token

from generator.analysis.actors.mentions import Cluster, Mention
from generator.analysis.grammar import NOMINAL_SUBJECT_DEPS
from generator.analysis.rule_files import casefolded, packaged_data
from generator.analysis.tree_matcher import has_value

HEADS_FILE = "body_heads.yml"
EVIDENCE = "a body named in lower case: its head, which one it is, and acting in the text"
BACK_REFERENCE = "'the' and the head of a body named in lower case before"
COMPLEMENTS = frozenset({"of", "on", "for"})
"""Prepositions whose object says which body the head is ("committee on human rights")."""
MODIFIER_DEPS = frozenset({"amod", "compound"})
NAME_WORDS = frozenset({"NOUN", "PROPN", "ADJ", "CCONJ"})
"""What the complement's words may be: a name's words, not a clause ("a commission of inquiry
into how the fire spread" says what it does, not which body it is)."""
MAX_NAME_WORDS = 8
NOT_IN_A_BODYS_NAME = frozenset({"ORG", "DATE", "TIME"})
"""What the phrase is not where the model labels a word of it so: a named body's description
("the Reuters news agency" is Reuters), or a time ("the committee on Monday")."""
VERB_POS = frozenset({"VERB", "AUX"})
SINGULAR_TAGS = frozenset({"NN", "NNP"})
"""A singular head: the model tags a lower-case head NNP within a name-like phrase ("the
regional health commission")."""
DESCRIBES = "a lower-case phrase of the words of a body's name: that body"


@functools.cache
def body_heads() -> frozenset[str]:
    return casefolded(packaged_data(HEADS_FILE)["heads"])


def bodies_in_lower_case(doc: Doc, clusters: list[Cluster]) -> None:
    """Add, as a body, each lower-case body name of the doc that acts there (itself or "the"
    and its head after it), with those back references as its mentions; not where a mention
    already holds a word of it, nor a head another actor's name ends in ("the commission"
    after the Electoral Commission is that one)."""
    candidates = numpy.flatnonzero(has_value(doc, LOWER, body_heads())).tolist()
    if not candidates:
        return
    taken = {i for c in clusters for m in c.mentions for i in range(m.span.start, m.span.end)}
    known: dict[str, list[Cluster]] = {}
    for cluster in clusters:
        if cluster.kind == "organisation" and cluster.name.split():
            known.setdefault(cluster.name.split()[-1].casefold(), []).append(cluster)
    named: dict[str, list[Span]] = {}
    heads: dict[str, set[str]] = {}
    for i in candidates:
        name = _named_body(doc[i])
        if name is not None and not taken & set(range(name.start, name.end)):
            key = name.text.casefold()
            named.setdefault(key, []).append(name)
            heads.setdefault(doc[i].lower_, set()).add(key)
    for spans in named.values():
        head = spans[0].root.lower_
        if head in known:
            # "the news agency" after the Xinhua News Agency: that body again, or one the
            # text may describe so; no body of its own.
            _described_body(spans, known[head])
            continue
        shared = len(heads[head]) > 1
        again = [] if shared else _said_again(doc, candidates, spans[0], taken)
        if any(_acts(span.root) for span in (*spans, *again)):
            clusters.append(_cluster(spans, again))


def _named_body(head: Token) -> Span | None:
    """The name a lower-case head gives with what says which body it is, without "the"."""
    if not (head.is_lower and head.tag_ in SINGULAR_TAGS):
        return None
    left = list(head.lefts)
    if not left or left[0].lower_ != "the" or left[0].dep_ != "det":
        return None
    modifiers = left[1:]
    if any(m.dep_ not in MODIFIER_DEPS for m in modifiers):
        return None  # "the party's committee", "the two committees": whose, how many
    complement = next(
        (c for c in head.rights if c.lower_ in COMPLEMENTS and c.dep_ == "prep"), None
    )
    end = head.i + 1
    if complement is not None and complement.i == head.i + 1:
        words = list(complement.subtree)[1:]
        if words and all(w.pos_ in NAME_WORDS for w in words):
            end = complement.right_edge.i + 1
    says_which = end > head.i + 1 or any(m.pos_ == "NOUN" for m in modifiers)
    start = modifiers[0].i if modifiers else head.i
    if not says_which or end - start > MAX_NAME_WORDS or start != left[0].i + 1:
        return None
    if any(word.ent_type_ in NOT_IN_A_BODYS_NAME for word in head.doc[start:end]):
        return None
    return head.doc[start:end]


def _described_body(spans: list[Span], bodies: list[Cluster]) -> None:
    """Count the phrase as a mention of the one body whose name holds all its words."""
    words = set(spans[0].text.casefold().split())
    holding = [c for c in bodies if words <= set(c.name.casefold().split())]
    if len(holding) == 1:
        body = holding[0]
        body.mentions += [
            Mention(span, "organisation", body.name, evidence=DESCRIBES) for span in spans
        ]


def _said_again(doc: Doc, candidates: list[int], first: Span, taken: set[int]) -> list[Span]:
    """ "The" and the name's head after it, alone: "the commission" again."""
    head = first.root
    return [
        doc[i : i + 1]
        for i in candidates
        if i > first.end
        and i not in taken
        and doc[i].lower_ == head.lower_
        and doc[i - 1].lower_ == "the"
        and [c.i for c in doc[i].lefts] == [i - 1]
        and not any(c.dep_ == "prep" and c.lower_ in COMPLEMENTS for c in doc[i].rights)
    ]


def _acts(head: Token) -> bool:
    return head.dep_ in NOMINAL_SUBJECT_DEPS and head.head.pos_ in VERB_POS


def _cluster(spans: list[Span], again: list[Span]) -> Cluster:
    name = spans[0].text
    mentions = [Mention(span, "organisation", name, evidence=EVIDENCE) for span in spans]
    mentions += [Mention(span, "organisation", name, evidence=BACK_REFERENCE) for span in again]
    return Cluster(name, "organisation", mentions, {name}, [EVIDENCE])
