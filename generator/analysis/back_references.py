"""Tell a sentence that names what the sentence before it told: a parsed sentence in, whether it
opens on a back reference of `data/back_references.yml` ("That figure ...", "The move ...",
"There is also ...") out. Such a sentence is read after that one, as one that opens on a
connective is (`connectives`)."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any

import numpy
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span, Token
from spacy.vocab import Vocab

from generator.analysis.quote_marks import quotations_of
from generator.analysis.rule_files import (
    packaged_rules,
    patterned_entries,
    patterned_entry_problems,
)
from generator.analysis.token_lists import token_lists
from generator.analysis.tree_matcher import NodeTest, necessary_test
from generator.analysis.word_gates import node_key, node_mask

BACK_REFERENCES_FILE = "back_references.yml"
FIELDS = ("name", "why", "token_patterns", "example", "counter_example")
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
DEFINITE_ARTICLE = "the"
INDEFINITE_ARTICLES = frozenset({"a", "an"})
ORIGIN_LABEL = "NORP"
SINGULAR_PROPER_TAG = "NNP"
"""spaCy's label of a nationality or origin: "the Mallorcan" names a person by it."""
Opening = tuple[tuple[str, NodeTest | None], ...]
"""A pattern's first nodes that each take exactly one word (no operator), in order: each node's
key and necessary test (`tree_matcher.necessary_test`; None where no column can say)."""
OPENERS_KEY = "briefs.back_references.openers"
"""Where `BackReferences._openers` keeps a doc's openers, in its user_data."""
WHICH_ONE_DEPS = frozenset({"prep", "relcl", "acl", "compound", "amod", "appos", "nummod"})
"""Words on a noun that say which one it is ("the video of the debate"): it then stands alone."""


@dataclass(frozen=True)
class BackReference:
    """One entry of the file: a way a sentence opens on what the one before told."""

    name: str
    why: str
    example: str
    counter_example: str


class BackReferences:
    """Every entry of the file, matched as one spaCy `Matcher`."""

    def __init__(
        self, entries: list[tuple[BackReference, list[list[dict[str, Any]]]]], vocab: Vocab
    ):
        self.entries = tuple(entry for entry, _ in entries)
        self._matcher = Matcher(vocab, validate=True)
        for entry, patterns in entries:
            self._matcher.add(entry.name, patterns)
        self._openings = tuple(
            _opening(pattern, vocab) for _, patterns in entries for pattern in patterns
        )
        """Each pattern's fixed opening words: a sentence whose first words pass no pattern's
        opening tests cannot match, and the whole matcher over the rest of the sentence is
        spared (the tests' masks are made once a doc, shared with the other rule files)."""

    def found_in(self, sent: Span) -> list[str]:
        """The names of the entries that match at the sentence's first word, outside quotations."""
        doc = sent.doc
        tokens = token_lists(doc)
        is_punct, is_space = tokens.is_punct, tokens.is_space
        first = next(
            (i for i in range(sent.start, sent.end) if not (is_punct[i] or is_space[i])), None
        )
        if first is None or any(q.start <= tokens.idx[first] < q.end for q in quotations_of(doc)):
            return []
        if not any(first + length <= sent.end and at[first] for length, at in self._openers(doc)):
            return []
        strings = doc.vocab.strings
        matches = self._matcher(doc[first : sent.end])
        return [strings[match_id] for match_id, start, _ in matches if start == 0]

    def _openers(self, doc: Doc) -> list[tuple[int, list[bool]]]:
        """For each opening's length, where in the doc some opening of that length passes its
        tests word by word: a pattern whose opening fails at a sentence's first word cannot
        match there. Made once a doc from the tests' masks (each sentence testing each opening
        cost a Python call a test)."""
        openers: list[tuple[int, list[bool]]] | None = doc.user_data.get(OPENERS_KEY)
        if openers is None:
            by_length: dict[int, numpy.ndarray] = {}
            for opening in self._openings:
                passes = _passes_from(doc, opening)
                known = by_length.get(len(opening))
                by_length[len(opening)] = passes if known is None else known | passes
            openers = [(length, at.tolist()) for length, at in by_length.items()]
            doc.user_data[OPENERS_KEY] = openers
        return openers


def _passes_from(doc: Doc, opening: Opening) -> numpy.ndarray:
    """Whether the words from each position pass the opening's tests, word by word (False where
    the doc ends before the opening does)."""
    count = len(doc)
    passes = numpy.ones(count, bool)
    passes[max(count - len(opening) + 1, 0) :] = False
    for k, (key, test) in enumerate(opening):
        if test is not None and k < count:
            passes[: count - k] &= numpy.asarray(node_mask(doc, key, test), bool)[k:]
    return passes


def _opening(pattern: list[dict[str, Any]], vocab: Vocab) -> Opening:
    """The pattern's first nodes up to the first with an operator (`Opening`)."""
    fixed = []
    for node in pattern:
        if "OP" in node:
            break
        fixed.append((node_key(node), necessary_test(node, vocab)))
    return tuple(fixed)


def refers_back(sent: Span) -> bool:
    """Whether a sentence opens on what the sentence before it told (`BackReferences`)."""
    return bool(load_back_references(sent.doc.vocab).found_in(sent))


def subject_named_before(sent: Span) -> bool:
    """Whether the main verb's subject is a definite description of someone or something the
    sentences before named, which the sentence does not name: a person by origin ("the
    Mallorcan became the youngest ...", a demonym the recogniser tags NORP), or a thing the
    sentence just before brought in as "a video" and this one calls "the video". Such a
    sentence is read after the one before, as a back reference is."""
    subject = next((c for c in sent.root.children if c.dep_ in SUBJECT_DEPS), None)
    if subject is None or not any(c.lower_ == DEFINITE_ARTICLE for c in subject.lefts):
        return False
    if any(c.dep_ in WHICH_ONE_DEPS for c in subject.children):
        return False
    if subject.pos_ == "PROPN" and subject.ent_type_ == ORIGIN_LABEL:
        # One person ("the Mallorcan"), not a people or a party ("the Tories", NNPS).
        return subject.tag_ == SINGULAR_PROPER_TAG
    return subject.pos_ == "NOUN" and _brought_in_just_before(subject, sent)


def _brought_in_just_before(noun: Token, sent: Span) -> bool:
    """Whether the sentence before holds the noun with "a" or "an": a thing brought in there."""
    if sent.start == 0:
        return False
    before = sent.doc[sent.start - 1].sent
    lemma = noun.lemma_.lower()
    return any(
        token.lemma_.lower() == lemma
        and any(c.lower_ in INDEFINITE_ARTICLES for c in token.children if c.dep_ == "det")
        for token in before
    )


@functools.cache
def load_back_references(vocab: Vocab) -> BackReferences:
    """The packaged entries, compiled once per vocabulary (once per process)."""
    return BackReferences(parse_back_references(*packaged_rules(BACK_REFERENCES_FILE)), vocab)


def parse_back_references(
    text: str, source: str
) -> list[tuple[BackReference, list[list[dict[str, Any]]]]]:
    """Check the file; raise one `BriefError` naming each bad entry by line."""
    return patterned_entries(text, source, "back reference", _entry)


def _entry(entry: Any, where: str, problems: list[str]) -> BackReference | None:
    found = patterned_entry_problems(entry, where, "back reference", FIELDS, FIELDS)
    problems += found
    if found:
        return None
    return BackReference(**{key: str(entry[key]) for key in FIELDS if key != "token_patterns"})
