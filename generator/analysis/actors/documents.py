"""Names of laws and other documents the model cut to their last word: a one-word entity span
in, whether it is a document's word out.

A law is named by capitalised words before a word like "Bill" or "Act" ("the Clean Rivers
Bill"); the model may label the last word alone, a given name too, as a person's.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from generator.analysis.lexicon import (
    DOCUMENT_WORDS,
    HONORIFICS,
    NOBLE_TITLES,
    PERSON_ROLE_WORDS,
    RANK_TITLES,
)

NAME_DEPS = ("compound", "amod")
"""How the parser hangs a name's earlier words on its last ("Clean Rivers Bill")."""
DETERMINERS = ("the", "this", "that")
TITLES_BEFORE_A_GIVEN_NAME = HONORIFICS | NOBLE_TITLES | RANK_TITLES | PERSON_ROLE_WORDS
"""Words that make a lone "Bill" a person's given name ("Judge Bill", "Sir Bill")."""


def ends_a_documents_name(span: Span) -> bool:
    """Whether a one-word name is a document's word ("Bill", "Act") that ends a longer name
    the model left out ("the Clean Rivers Bill") or stands for it after a determiner ("the
    Bill would ..."). A title before it makes it a person's given name ("Judge Bill", "Uncle
    Bill" alone); "Bill Gates" is two words and no document."""
    word = span[0]
    if len(span) != 1 or word.lower_ not in DOCUMENT_WORDS or not word.is_title:
        return False
    earlier = [
        child
        for child in word.lefts
        if child.dep_ in NAME_DEPS and child.is_title and child.i < span.start
    ]
    if earlier:
        return _first_word(earlier[0]).lower_.rstrip(".") not in TITLES_BEFORE_A_GIVEN_NAME
    before = span.doc[span.start - 1] if span.start > 0 else None
    return before is not None and before.lower_ in DETERMINERS


def _first_word(token: Token) -> Token:
    """The first word of the capitalised run a token opens ("Clean" of "Clean Rivers")."""
    return token.left_edge if token.left_edge.is_title else token
