"""Which words (and tags, labels, shapes) a spaCy pattern needs, and which a doc holds: rules a
doc cannot match are left out of its matcher.

spaCy's `Matcher` and `DependencyMatcher` pay for every pattern at every token, and most docs
hold none of the words a given rule needs ("United", "Minister", "underscores"). A pattern's gate
is the set of values each of its required nodes names by a gate attribute (a word by ORTH, LOWER
or LEMMA, a tag, a dependency, an entity label, a shape); a doc passes when it holds one value
of every set. The actor rules (`actors/rules.py`) and the stakes cues
(`stakes.py`) compile one matcher per set of patterns their docs pass, and keep it.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from spacy.attrs import (  # type: ignore[import-not-found]  # a Cython module without stubs
    DEP,
    ENT_TYPE,
    LEMMA,
    LOWER,
    ORTH,
    SHAPE,
    TAG,
)
from spacy.matcher import Matcher
from spacy.tokens import Doc
from spacy.vocab import Vocab

from generator.analysis.tree_matcher import (
    COLUMN_ORDER,
    Column,
    NodeTest,
    columns_of,
    necessary_test,
    values_in,
)

WORD_ATTRS = {"ORTH": ORTH, "LOWER": LOWER, "LEMMA": LEMMA}
"""Pattern attributes whose values say which words a doc must hold for a rule to match."""
GATE_ATTRS = {
    **WORD_ATTRS,
    "TEXT": ORTH,
    "TAG": TAG,
    "DEP": DEP,
    "ENT_TYPE": ENT_TYPE,
    "SHAPE": SHAPE,
}
"""Pattern attributes a gate reads: those whose values are strings of the vocabulary, as a
doc's array holds them (POS and ENT_IOB hold symbols, which no doc lacks anyway)."""
REQUIRED_OPS = (None, "+", "1")
"""Operators under which a pattern node must match at least one token."""
Gate = tuple[tuple[int, frozenset[int]], ...]
"""(attribute, values): for each, the doc must hold one of the values (string ids) as it."""
Words = dict[int, set[int]]
"""A doc's values (string ids) by gate attribute."""
NodeGate = tuple[tuple[str, NodeTest], ...]
"""For each required node of a pattern: its attributes as written, and a column test that every
token matching it passes."""
NODES_KEY = "briefs.gate_nodes"
"""Where `node_mask` keeps the tokens each node's test marks, in the doc's user_data."""
POSITIONS_KEY = "briefs.gate_node_positions"
"""Where `node_positions` keeps the positions of each node's tokens, in the doc's user_data."""
WORDS_KEY = "briefs.gate_words"
"""Where `words_of` keeps a doc's values, in its user_data: the actor rules and the stakes cues
both gate on them."""


def gate_of(pattern: list[dict[str, Any]], vocab: Vocab) -> Gate:
    """The values a pattern needs: those its required nodes name by a gate attribute (a
    dependency pattern's nodes are all required; give their RIGHT_ATTRS)."""
    gate: list[tuple[int, frozenset[int]]] = []
    for node in pattern:
        if node.get("OP") not in REQUIRED_OPS:
            continue
        for key, attr in GATE_ATTRS.items():
            value = node.get(key)
            words = (
                value.get("IN") if isinstance(value, dict) else None if value is None else [value]
            )
            if isinstance(words, list):
                gate.append((attr, frozenset(vocab.strings.add(str(word)) for word in words)))
    return tuple(gate)


def words_of(doc: Doc) -> Words:
    """The doc's values of each gate attribute, read once per doc in one pass over its tokens."""
    words = doc.user_data.get(WORDS_KEY)
    if not isinstance(words, dict):
        columns = columns_of(doc)
        words = {
            attr: values_in(columns, COLUMN_ORDER.index(attr))
            for attr in dict.fromkeys(GATE_ATTRS.values())
        }
        doc.user_data[WORDS_KEY] = words
    return words


def passes(gate: Gate, words: Words) -> bool:
    """Whether a doc with these words holds one word of each of the gate's sets."""
    return all(not wanted.isdisjoint(words[attr]) for attr, wanted in gate)


class GatedMatcher:
    """A rules file's patterns as one spaCy `Matcher`, run only on a doc that holds the words
    some pattern needs: most docs hold none of a rare cue's words (a fact check's rating, a
    refusal to comment), and the gate costs a set test where the matcher walks every token."""

    def __init__(
        self, named_patterns: Iterable[tuple[str, list[list[dict[str, Any]]]]], vocab: Vocab
    ):
        self._matcher = Matcher(vocab, validate=True)
        self._gates: list[Gate] = []
        for name, patterns in named_patterns:
            self._matcher.add(name, patterns)
            self._gates += [gate_of(pattern, vocab) for pattern in patterns]

    def __call__(self, doc: Doc) -> list[tuple[int, int, int]]:
        """(match id, start, end) of every match, none when no pattern's words are in the doc."""
        words = words_of(doc)
        if not any(passes(gate, words) for gate in self._gates):
            return []
        return list(self._matcher(doc))


def node_gate_of(pattern: list[dict[str, Any]], vocab: Vocab) -> NodeGate:
    """The tests of a pattern's required nodes: a doc with no token for one cannot match it.

    Finer than the word gate: a node's attributes must hold of one token together ("a name in
    capitals with a hyphen", "a title-case stop word that is a place"), which most docs lack
    though they hold each attribute somewhere. A node the word gate (`gate_of`) answers for is
    left out: a doc that passes that holds a token of it, and its tokens need not be marked.
    """
    gate = []
    for node in pattern:
        if node.get("OP") not in REQUIRED_OPS or _one_gate_value(node):
            continue
        test = necessary_test(node, vocab)
        if test is not None:
            gate.append((node_key(node), test))
    return tuple(gate)


def _one_gate_value(node: dict[str, Any]) -> bool:
    """Whether the node tests one gate attribute and nothing else, by a word or an `IN` set of
    words: exactly what `gate_of` asks of the doc's words."""
    attrs = {key: value for key, value in node.items() if key != "OP"}
    if len(attrs) != 1:
        return False
    ((key, value),) = attrs.items()
    words = value.get("IN") if isinstance(value, dict) and len(value) == 1 else [value]
    return (
        key in GATE_ATTRS
        and isinstance(words, list)
        and all(isinstance(word, str) for word in words)
    )


def node_key(node: dict[str, Any]) -> str:
    """A node's attributes as one string, its operator left out: nodes that test the same
    attributes share their tokens in a doc (`node_mask`)."""
    return json.dumps({key: value for key, value in node.items() if key != "OP"}, sort_keys=True)


def node_mask(doc: Doc, node: str, test: NodeTest) -> Column:
    """The tokens of the doc that pass a node's test (`node_key`), tested once a doc."""
    masks: dict[str, Column] = doc.user_data.setdefault(NODES_KEY, {})
    mask = masks.get(node)
    if mask is None:
        mask = masks[node] = test(columns_of(doc))
    return mask


def node_positions(doc: Doc, node: str, test: NodeTest) -> Column:
    """The positions, in order, of the doc's tokens that pass a node's test, found once a doc:
    whether a doc has any (`nodes_pass`) and whether a window holds one (`window_matcher`)
    read them (`ndarray.nonzero` costs a fraction of `any` or `cumsum` over the whole mask)."""
    positions: dict[str, Column] = doc.user_data.setdefault(POSITIONS_KEY, {})
    found = positions.get(node)
    if found is None:
        found = positions[node] = node_mask(doc, node, test).nonzero()[0]
    return found


def nodes_pass(gate: NodeGate, doc: Doc) -> bool:
    """Whether the doc has a token for every node of the gate (each node tested once a doc)."""
    return all(len(node_positions(doc, node, test)) for node, test in gate)
