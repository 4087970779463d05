"""The case of a role read from the words before a name: a sentence's first word is capitalised
by its place, not because the role is a proper title."""

from __future__ import annotations

from spacy.tokens import Span

from generator.analysis.actors.parties import names_by_word
from generator.analysis.dictionary import is_dictionary_word

PROPER_NOUN_TAGS = frozenset({"NNP", "NNPS"})
"""A proper noun opening the role keeps its capital ("England flanker", "Secretary of State")."""


def in_the_sentences_case(role: str, span: Span) -> str:
    """A role that opens its sentence in the case it has inside one ("Best actor Ray Lee" ->
    "best actor"): a common word the dictionary knows, followed by a word in lower case, whose
    phrase goes on in lower case. A name or a title the tagger reads as one ("England flanker",
    "Secretary of State"), a party's ("Tory leader"), the first word of a name ("Real Madrid
    striker") and a title in capitals throughout ("Managing Director") keep their capitals."""
    first = span[0]
    words = [token for token in span[1:] if token.is_alpha]
    is_common = (
        first.is_sent_start
        and first.is_title
        and not first.ent_type_
        and first.tag_ not in PROPER_NOUN_TAGS
        and is_dictionary_word(first.lower_)
        and first.lower_ not in names_by_word()
    )
    goes_on_lower = bool(words) and words[0].is_lower
    if is_common and goes_on_lower and role.startswith(first.text):
        return first.lower_ + role[len(first.text) :]
    return role
