"""Whom a quotation is said to: a name or a term of address set off by a comma at its start or
end ("Mum, where are the keys?", "We did it, Dana."). The one called is never the speaker, so
a speaker candidate that is the one called gives way: a person whose name holds the word called,
or, for a pronoun speaker, anyone of the sex a family term of address gives ("'Mum, ...,' she
said": the woman just spoken of is most likely the mother called, not the daughter speaking).
"""

from __future__ import annotations

from functools import cache

from spacy.tokens import Span, Token

from generator.analysis.lexicon import PRONOUN_SEXES
from generator.analysis.rule_files import casefolded, packaged_data

TERMS_OF_ADDRESS_FILE = "terms_of_address.yml"
MAX_VOCATIVE_WORDS = 3
"""Most words of a name called at a quotation's edge ("Mr President", "Aunt Mary Lee")."""
COMMAS = frozenset({","})
CLOSING_PUNCTUATION = frozenset({".", "!", "?", ",", "'", '"', "”", "’"})


@cache
def _terms_by_sex() -> dict[str, frozenset[str]]:
    """The terms of address of `data/terms_of_address.yml`, by the sex each gives."""
    return {sex: casefolded(words) for sex, words in packaged_data(TERMS_OF_ADDRESS_FILE).items()}


def addresses_the_candidate(inner: Span, subject: Token, name: str) -> bool:
    """Whether the quotation calls the person a speaker candidate names: the name holds a
    word the quotation calls, or the subject is "he"/"she" and the quotation calls a relative
    of that sex ("Dad" for "he")."""
    called = called_words(inner)
    if not called:
        return False
    if calls_by_name(inner, name, called):
        return True
    sex = PRONOUN_SEXES.get(subject.lower_)
    return sex is not None and any(
        word.casefold() in _terms_by_sex().get(sex, frozenset()) for word in called
    )


def calls_by_name(inner: Span, name: str, called: list[str] | None = None) -> bool:
    """Whether a quotation calls someone by a word of the name ("..., Dana." for Dana Webb)."""
    name_words = {word.casefold() for word in name.split()}
    words = called_words(inner) if called is None else called
    return any(word.casefold() in name_words for word in words)


def called_words(inner: Span) -> list[str]:
    """The words a quotation calls at its start ("Mom, if ...") or its end ("..., Dana."): a
    name or term of address set off by a comma; none when the edge is no such word."""
    words = [t for t in inner if not t.is_space]
    while words and words[-1].text in CLOSING_PUNCTUATION:
        words.pop()
    for edge in (_opening_call(words), _closing_call(words)):
        if edge and all(_may_be_called(token) for token in edge):
            return [token.text for token in edge]
    return []


def _opening_call(words: list[Token]) -> list[Token]:
    comma = next((i for i, t in enumerate(words[: MAX_VOCATIVE_WORDS + 1]) if t.text in COMMAS), 0)
    return words[:comma]


def _closing_call(words: list[Token]) -> list[Token]:
    tail = words[-MAX_VOCATIVE_WORDS - 1 :]
    comma = next((i for i in reversed(range(len(tail))) if tail[i].text in COMMAS), None)
    return [] if comma is None else tail[comma + 1 :]


def _may_be_called(token: Token) -> bool:
    """A word of a name (capitalised, a proper noun) or a family term of address."""
    is_term = any(token.lower_ in terms for terms in _terms_by_sex().values())
    return is_term or (token.pos_ == "PROPN" and token.is_title)
