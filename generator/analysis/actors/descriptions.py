"""Whether a capitalised span names anything: a span in, whether it is a name or only words
that describe ("the Intimidating list")."""

from __future__ import annotations

from spacy.tokens import Span, Token

from generator.analysis.dictionary import is_adjective_only, is_dictionary_word
from generator.analysis.entity_index import entities_of
from generator.analysis.lexicon import ORGANISATION_ROLE_WORDS
from generator.analysis.place_names import PlaceNames


def is_name(span: Span) -> bool:
    """A name starts with a capital letter and has letters ("supreme" and "1961" are no names),
    or is a brand's a body noun describes (`_is_described_camel_case`)."""
    first = span[0].text
    if not first[:1].isupper():
        return _is_described_camel_case(span)
    # The first letter answers for most names: the whole text is read only when it is no letter.
    return first[0].isalpha() or any(char.isalpha() for char in span.text)


def _is_described_camel_case(span: Span) -> bool:
    """A brand's name written with a small first letter and a capital inside ("iDefence",
    "eBay") is a body's name where a noun before it says what body it is ("security firm
    iDefence", "auction website eBay"); alone it is as often a product ("iTunes")."""
    first = span[0]
    before = span.doc[span.start - 1] if span.start > 0 else None
    return (
        first.text[:1].islower()
        and any(char.isupper() for char in first.text[1:])
        and before is not None
        and before.lower_ in ORGANISATION_ROLE_WORDS
        and before.head.i in range(span.start, span.end)
    )


def is_a_description(span: Span, places: PlaceNames) -> bool:
    """Whether a capitalised "name" stands where an adjective stands wherever the article
    writes it: its words are the dictionary's, the last one an adjective and nothing else,
    describing a common noun after the name ("the Intimidating list", "the Kind of Scary
    stuff"). Nouns name ("the Labour leader", "Arsenal fans"); an adjective names a body
    where the article also writes it as a noun ("United fans" beside "United won",
    "Prudential shares" beside "Prudential said") or ends a longer name with it, as the
    parser's proper noun ("Manchester United", "the US Postal team"); and a word many people
    are named may be a name ("Young")."""
    words = _name_words(span)
    # The last word's class first: it decides most names, in one look-up.
    if not words or not is_adjective_only(words[-1].text):
        return False
    if any(places.is_common_name(token.text) for token in words):
        return False
    return (
        (len(words) == 1 or words[-1].pos_ == "ADJ")
        and all(token.is_stop or is_dictionary_word(token.text) for token in words)
        and not any(_names_by(ent, span) for ent in entities_of(span.doc))
    )


def _name_words(span: Span) -> list[Token]:
    """The name's words, without a leading determiner or punctuation."""
    words = [token for token in span if not token.is_punct]
    while words and words[0].pos_ == "DET":
        words = words[1:]
    return words


def _names_by(ent: Span, name: Span) -> bool:
    """Whether an entity uses the name's words as a name: a longer name ending in them, or the
    words themselves where they describe no common noun after them."""
    text = " ".join(token.text for token in _name_words(name))
    words = _name_words(ent)
    found = " ".join(token.text for token in words)
    if found.endswith(f" {text}"):
        return True
    if found != text:
        return False
    last = words[-1]
    describes = last.dep_ in ("amod", "compound") and last.head.i >= ent.end
    return not (describes and last.head.pos_ == "NOUN")


def is_given_and_more(span: Span, places: PlaceNames) -> bool:
    """Whether the span is a given name the census knows and more words ("Cody Marsh"): a full
    name; a given name alone is as often a town or a team's ("Orlando", "Columbus")."""
    return len(span) > 1 and places.is_given_name(span[0].text)


def is_a_plural_nickname(span: Span, places: PlaceNames) -> bool:
    """Whether the span is one capitalised word in the plural that names no place and is no
    common given name or surname ("Steelers", "Islanders"), as a team's nickname is: "Dallas",
    "Chris" and "Jones" end so and name a town or a person (a rare surname, "Bruins", may
    be a team's)."""
    word = span.text
    return (
        len(span) == 1
        and word.istitle()
        and word.endswith("s")
        and not word.endswith("ss")
        and places.place_source(word) is None
        and not places.is_common_name(word)
    )
