"""A capital's name: its country's government, or the city.

A capital stands for its country's government only where the text makes it act (metonymy):
the subject of a verb ("Moscow warned", "Beijing and its allies will not yield"), an owner of
what a government has ("Beijing's demands"), the party to dealings ("talks with Ankara", "allied
with Washington", "sanctions against Tehran"), the agent of a passive ("was rejected by Seoul"),
or the name before a government's noun ("the Beijing regime", "Moscow officials"). Anywhere
else the name is the city, a place of its own: where something happens or someone lives ("her
first title since Berlin", "a flat in Madrid", "Beijing residents"), never its country's
other name.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from generator.analysis.gazetteer import Place
from generator.analysis.lexicon import CONTINUED_ORGANISATION_NOUNS, PLACE_HEADS

GOVERNMENT_NOUNS = CONTINUED_ORGANISATION_NOUNS | {
    "regime",
    "leadership",
    "authorities",
    "officials",
}
"""Nouns a capital's name modifies as its country's government ("the Beijing regime"), or the
people who act for it: "Moscow officials have dismissed the lawsuit" speaks for Russia, as "the
Beijing authorities" speak for China; a city's own say "city officials"."""
NOUN_MODIFIER_DEPS = frozenset({"compound", "nmod", "amod"})
DEALING_PREPOSITIONS = frozenset({"with", "against", "between"})
"""Prepositions whose object is a party to dealings: "talks with Ankara", "a ban against
Tripoli"; a place's are "in", "from", "to", "since"."""
OBJECT_DEPS = frozenset({"dobj", "dative"})
UNPLACED_PREPOSITIONS = frozenset({"on", "for", "over", "toward", "towards", "about", "from", "to"})
"""Prepositions whose object may be a government or a place: "pressure on Moscow", "weapons
from Pyongyang", "advice to Hanoi" (a journey's "flew home from Paris" is rule
place-of-a-journey's)."""
NOT_ACTING_VERBS = frozenset({"be", "lie", "sit", "host", "have", "become", "remain"})
"""Verbs whose subject is described, not acting: "Madrid is a city", "Berlin hosts the final"
(a venue), "Paris has two airports"."""
CITY_OWNED_NOUNS = PLACE_HEADS | {
    "mayor",
    "streets",
    "airport",
    "residents",
    "people",
    "population",
    "skyline",
    "suburbs",
    "centre",
    "center",
}
"""What a city has ("London's mayor", "Tehran's airport", "Beijing's streets"): the owner is
the city."""


CITY_EVIDENCE = "gazetteer capital, not acting"


def city_name(text: str, country: Place) -> str:
    """The capital's name as the gazetteer spells it ("WASHINGTON" of a dateline is Washington)."""
    return next((c for c in country.capitals if c.casefold() == text.casefold()), text)


def capital_for_its_government(span: Span) -> bool:
    """Whether a capital's name (or the first name of the list that holds it) stands for its
    country's government (see the module's doc); the model's label is no guide (it calls
    "since Oslo" a body as readily as "Oslo said"). An object ("to reward Tripoli", "pressure
    on Moscow") is the government where the article makes the same name act elsewhere, else
    the city."""
    acts = _acts_here(_first_listed(span))
    if acts is not None:
        return acts
    doc, word = span.doc, span.root.text
    return any(
        token.text == word
        and token.i != span.root.i
        and _is_a_name_alone(token)
        and _acts_here(_first_listed_token(token))
        for token in doc
    )


def _is_a_name_alone(token: Token) -> bool:
    """A one-word entity: "Madrid" of "Real Madrid prepares" is the club's name, not the city's."""
    following = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    return token.ent_iob_ == "B" and (following is None or following.ent_iob_ != "I")


def _acts_here(first: Token) -> bool | None:
    """Whether the name's place in its sentence makes it act (True), makes it a place (False),
    or does not tell (None: an object)."""
    head, dep = first.head, first.dep_
    if dep == "nsubj":
        return head.pos_ in ("VERB", "AUX") and head.lemma_.lower() not in NOT_ACTING_VERBS
    if dep == "poss":
        return head.pos_ == "NOUN" and head.lemma_.lower() not in CITY_OWNED_NOUNS
    if dep in NOUN_MODIFIER_DEPS and head.pos_ == "NOUN":
        return head.lower_ in GOVERNMENT_NOUNS
    if dep == "pobj" and (head.lower_ in DEALING_PREPOSITIONS or head.dep_ == "agent"):
        return True
    if dep in OBJECT_DEPS or (dep == "pobj" and head.lower_ in UNPLACED_PREPOSITIONS):
        return None
    return False


def _first_listed(span: Span) -> Token:
    """The first name of the list that holds the span's, or its own head."""
    return _first_listed_token(span.root)


def _first_listed_token(first: Token) -> Token:
    while first.dep_ == "conj" and first.head.i < first.i:
        first = first.head
    return first
