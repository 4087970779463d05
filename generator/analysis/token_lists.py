"""A doc's text, sentences and token attributes, read once a doc, for passes that walk
tokens by position.

spaCy makes a new Python `Token` for every `doc[i]`, every token of a span iterated, every
`.head`, `.nbor()` and child, and joins a span's `.text` from its tokens at every reading (about
8 million `Token`s for 300 news articles, a third of the extraction's time). A pass that reads
a word, a tag or a flag at a position reads it here: one list a column, made on first use.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from functools import cached_property
from typing import Concatenate, ParamSpec, TypeVar

import numpy
from spacy.attrs import (  # type: ignore[import-not-found]  # a Cython module without stubs
    DEP,
    ENT_TYPE,
    HEAD,
    IDX,
    IS_ALPHA,
    IS_BRACKET,
    IS_DIGIT,
    IS_LEFT_PUNCT,
    IS_LOWER,
    IS_PUNCT,
    IS_RIGHT_PUNCT,
    IS_SPACE,
    IS_STOP,
    IS_TITLE,
    IS_UPPER,
    LEMMA,
    LENGTH,
    LIKE_NUM,
    LOWER,
    ORTH,
    POS,
    SPACY,
    TAG,
)
from spacy.tokens import Doc, Span, Token

from generator.analysis.tree_matcher import COLUMN_ORDER, column_of

TEXT_KEY = "briefs.text"
"""Where `text_of` keeps a doc's text, in its user_data."""
LISTS_KEY = "briefs.token_lists"
"""Where `token_lists` keeps a doc's `TokenLists`, in its user_data."""
SENTS_KEY = "briefs.sents"
"""Where `sentences_of` keeps a doc's sentences, in its user_data."""
OTHER_ATTRS = (IDX, LENGTH, HEAD, IS_DIGIT, IS_BRACKET, IS_LEFT_PUNCT, IS_RIGHT_PUNCT)
"""The attributes `TokenLists` reads that the matchers' columns (`tree_matcher.columns_of`)
lack: read together, once a doc."""
Answer = TypeVar("Answer")
Params = ParamSpec("Params")


def once_a_span(
    function: Callable[Concatenate[Span, Params], Answer],
) -> Callable[Concatenate[Span, Params], Answer]:
    """The function of a span (and of hashable arguments), its answer kept in the doc's
    user_data for each span and arguments it is asked of: the lead, why it matters, the key
    facts and the timeline ask the same questions of the same sentences."""
    key = f"briefs.{function.__module__}.{function.__qualname__}"

    def kept(span: Span, /, *args: Params.args, **kwargs: Params.kwargs) -> Answer:
        answers: dict[Hashable, Answer] = span.doc.user_data.setdefault(key, {})
        at = (span.start, span.end, args, tuple(sorted(kwargs.items())))
        if at not in answers:
            answers[at] = function(span, *args, **kwargs)
        return answers[at]

    return kept


def once_a_doc(function: Callable[[Doc], Answer]) -> Callable[[Doc], Answer]:
    """The function of a doc, its answer kept in the doc's user_data: the lead sentence is asked
    for by the at-a-glance line, why it matters and the key facts."""
    key = f"briefs.{function.__module__}.{function.__qualname__}"

    def kept(doc: Doc) -> Answer:
        # In a one-item tuple, so that an answer of None is kept too.
        answer: tuple[Answer] | None = doc.user_data.get(key)
        if answer is None:
            answer = doc.user_data[key] = (function(doc),)
        return answer[0]

    return kept


def once_a_position(function: Callable[[Token], Answer]) -> Callable[[Token], Answer]:
    """The function of a token of one doc, its answer kept for each position it is asked of:
    the key facts, why it matters and the timeline ask who the same pronouns stand for."""
    answers: dict[int, Answer] = {}

    def kept(token: Token) -> Answer:
        if token.i not in answers:
            answers[token.i] = function(token)
        return answers[token.i]

    return kept


def text_of(doc: Doc) -> str:
    """The doc's text, joined once: spaCy's Doc.text joins every token's text anew on each
    reading, and each extractor reads it."""
    text = doc.user_data.get(TEXT_KEY)
    if not isinstance(text, str):
        # As spaCy joins it (each token's text and its space, if any), from the word and space
        # columns rather than a `Token` a token.
        strings = doc.vocab.strings
        words, spaces = column_of(doc, ORTH).tolist(), column_of(doc, SPACY).tolist()
        text = doc.user_data[TEXT_KEY] = "".join(
            f"{strings[word]} " if space else strings[word]
            for word, space in zip(words, spaces, strict=True)
        )
    return text


def span_text(span: Span) -> str:
    """`span.text`, cut from the doc's text (a token's `idx` is its place in that text)."""
    return text_of(span.doc)[span.start_char : span.end_char]


def sentences_of(doc: Doc) -> tuple[Span, ...]:
    """`doc.sents`, made once: spaCy reads every token's sentence start at each reading."""
    sents = doc.user_data.get(SENTS_KEY)
    if not isinstance(sents, tuple):
        sents = doc.user_data[SENTS_KEY] = tuple(doc.sents)
    return sents


class Children:
    """Each token's children's positions, in text order, cut on demand from every token's
    position ordered by its head's (`TokenLists._children_by_head`, which `subtree` reads
    anyway): a list for each token of a doc was hundreds of lists a doc for the few tokens
    whose children anyone asks."""

    def __init__(self, order: list[int], starts: list[int]) -> None:
        self._order, self._starts = order, starts

    def __getitem__(self, i: int) -> list[int]:
        return self._order[self._starts[i] : self._starts[i + 1]]


class TokenLists:
    """Token attributes by position, as `Token` gives them (`text`, `lower_`, `is_space`, ...)."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc

    @cached_property
    def _others(self) -> numpy.ndarray:
        """The doc's columns of `OTHER_ATTRS`, in one `Doc.to_array`."""
        return self.doc.to_array(list(OTHER_ATTRS)).reshape(len(self.doc), len(OTHER_ATTRS))

    def _column(self, attr: int) -> numpy.ndarray:
        """One attribute's column, from the array the matchers read or from `_others`: one
        `Doc.to_array` call costs as much for one attribute as for twenty."""
        if attr in COLUMN_ORDER:
            return column_of(self.doc, attr)
        column: numpy.ndarray = self._others[:, OTHER_ATTRS.index(attr)]
        return column

    def _ints(self, attr: int) -> list[int]:
        values: list[int] = self._column(attr).tolist()
        return values

    def _strings(self, attr: int) -> list[str]:
        strings = self.doc.vocab.strings
        return [strings[value] for value in self._ints(attr)]

    def _flags(self, attr: int) -> list[bool]:
        return [bool(value) for value in self._ints(attr)]

    @cached_property
    def text(self) -> list[str]:
        whole = text_of(self.doc)
        starts, lengths = self._ints(IDX), self._ints(LENGTH)
        spans = zip(starts, lengths, strict=True)
        return [whole[start : start + length] for start, length in spans]

    @cached_property
    def lower(self) -> list[str]:
        return self._strings(LOWER)

    @cached_property
    def lemma(self) -> list[str]:
        return self._strings(LEMMA)

    @cached_property
    def tag(self) -> list[str]:
        return self._strings(TAG)

    @cached_property
    def pos(self) -> list[str]:
        return self._strings(POS)

    @cached_property
    def dep(self) -> list[str]:
        return self._strings(DEP)

    @cached_property
    def ent_type(self) -> list[str]:
        return self._strings(ENT_TYPE)

    @cached_property
    def head(self) -> list[int]:
        """Each token's head's position."""
        # Signed: the column holds the offset to the head, before the token or after it.
        offsets = self._column(HEAD).astype("int64").tolist()
        return [i + offset for i, offset in enumerate(offsets)]

    @cached_property
    def children(self) -> Children:
        """Each token's children's positions, in text order (`Token.children`): `children[i]`."""
        return Children(*self._children_by_head)

    @cached_property
    def _children_by_head(self) -> tuple[list[int], list[int]]:
        """Every token's position ordered by its head's (a root's last: it hangs on none), in
        text order under each head, and where each head's children start in that order: the
        children of every token without a list made for each (`subtree`)."""
        count = len(self.doc)
        positions = numpy.arange(count)
        heads = positions + self._column(HEAD).astype("int64")
        heads[heads == positions] = count
        order = numpy.argsort(heads, kind="stable")
        starts = numpy.searchsorted(heads[order], numpy.arange(count + 1))
        return order.tolist(), starts.tolist()

    def subtree(self, i: int) -> list[int]:
        """Positions of the token at i and of all its descendants (`Token.subtree`), in no
        set order: spaCy gives them in tree order, which a crossing arc takes out of text
        order anyway."""
        order, starts = self._children_by_head
        found = [i]
        for at in found:  # grows as it goes: each token's children join the walk
            found += order[starts[at] : starts[at + 1]]
        return found

    @cached_property
    def idx(self) -> list[int]:
        return self._ints(IDX)

    @cached_property
    def is_space(self) -> list[bool]:
        return self._flags(IS_SPACE)

    @cached_property
    def is_punct(self) -> list[bool]:
        return self._flags(IS_PUNCT)

    @cached_property
    def is_bracket(self) -> list[bool]:
        return self._flags(IS_BRACKET)

    @cached_property
    def is_left_punct(self) -> list[bool]:
        return self._flags(IS_LEFT_PUNCT)

    @cached_property
    def is_right_punct(self) -> list[bool]:
        return self._flags(IS_RIGHT_PUNCT)

    @cached_property
    def is_alpha(self) -> list[bool]:
        return self._flags(IS_ALPHA)

    @cached_property
    def is_digit(self) -> list[bool]:
        return self._flags(IS_DIGIT)

    @cached_property
    def is_lower(self) -> list[bool]:
        return self._flags(IS_LOWER)

    @cached_property
    def is_title(self) -> list[bool]:
        return self._flags(IS_TITLE)

    @cached_property
    def is_upper(self) -> list[bool]:
        return self._flags(IS_UPPER)

    @cached_property
    def is_stop(self) -> list[bool]:
        return self._flags(IS_STOP)

    @cached_property
    def like_num(self) -> list[bool]:
        return self._flags(LIKE_NUM)

    def last_non_space(self, span: Span) -> int | None:
        """Position of the span's last token that is no space, or None."""
        is_space = self.is_space
        return next((i for i in reversed(range(span.start, span.end)) if not is_space[i]), None)

    def words(self, span: Span) -> list[int]:
        """Positions of the span's tokens that are neither punctuation nor space."""
        is_punct, is_space = self.is_punct, self.is_space
        return [i for i in range(span.start, span.end) if not (is_punct[i] or is_space[i])]


def token_lists(doc: Doc) -> TokenLists:
    """The doc's `TokenLists`, made once."""
    lists = doc.user_data.get(LISTS_KEY)
    if not isinstance(lists, TokenLists):
        lists = doc.user_data[LISTS_KEY] = TokenLists(doc)
    return lists
