"""Names only the model's label makes actors, with nothing else to show: extracted `Actor`s in,
the same actors with `UNSHOWN` added to the evidence of those the corpus should not show
unless it knows them otherwise (`corpus_actors._without_label_only_actors`).

Shopping and review pages name products and specs by the dozen, and the small model labels
many of them people or bodies ("Dark Web Monitoring", "Neural Engine", "Mortal Kombat"). Such
a name is mentioned once, does nothing, is called nothing, and is made of the language's
ordinary words rather than a name's. A real actor named so thinly is rare: a person's name
holds a given name or a surname the census lists, or words no dictionary knows ("Semyon
Varlamov"); a body's, its body's word ("Tax Foundation") or a coined word ("Pixar").
The lines of a list (a product's specs and features, a box's contents) name things too: a
name the label alone types, met in such lines only, is no actor whatever its words
("True Depth", "USB Micro-B", "M10").
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Mapping

from spacy.tokens import Doc

from generator.analysis.actors.acronyms import acronyms_as_bodies, is_acronym
from generator.analysis.actors.made_things import branch_words
from generator.analysis.actors.mentions import LISTED, MODEL_EVIDENCE, UNSHOWN
from generator.analysis.dictionary import word_classes
from generator.analysis.gazetteer import Gazetteer
from generator.analysis.layout import list_lines
from generator.analysis.lexicon import ORGANISATION_ROLE_WORDS
from generator.analysis.place_names import PlaceNames
from generator.analysis.token_lists import token_lists
from generator.models import Actor

WORD_OF_A_NAME = re.compile(r"[A-Za-z]{2,}")
"""A word that can be read in a dictionary: no initial ("J."), no code ("M10")."""
MAX_PLAIN_BODY_WORDS = 2
"""The longest body's name of plain words that may be a thing's: "Neural Engine"."""
BODY_WORDS = ORGANISATION_ROLE_WORDS
"""Words that say what a body is ("Agency", "Organisation"): a name holding one is a body's."""
PLAIN_WORDS = re.compile(r"[A-Za-z]+(?: [A-Za-z]+)*")
"""A body's name of plain words only: "T-Mobile", "AT&T" or "7-Eleven" are coined."""
OF_ORDINARY_WORDS = "marked_unshown: one mention, of ordinary words"
IN_A_LIST = "marked_unshown: named only in the lines of a list (specs, features, contents)"
AN_ACRONYM_OF_A_THING = (
    "marked_unshown: an acronym the article only writes modifying a thing's noun"
)


def marked_unshown(
    actors: tuple[Actor, ...],
    doc: Doc,
    places: PlaceNames,
    gazetteer: Gazetteer,
    token_actor: Mapping[int, str],
) -> tuple[Actor, ...]:
    """The actors, each that only the model's label shows marked `UNSHOWN`, with why: one
    mention of ordinary words, or every mention in the lines of a list (`named_only_in_lists`).
    A body named by one word must be that word, which the article writes in lower case too
    ("Digital" beside "digital"): one plain word names many a company ("Google", "Sprint")."""
    if not any(_is_typed_by_its_label_alone(actor) for actor in actors):
        return actors
    tokens = token_lists(doc)
    lower_case = frozenset(
        text
        for text, is_lower, is_alpha in zip(
            tokens.text, tokens.is_lower, tokens.is_alpha, strict=True
        )
        if is_lower and is_alpha
    )
    in_lists = named_only_in_lists(actors, doc, places, token_actor)
    bodies = acronyms_as_bodies(doc)
    return tuple(
        dataclasses.replace(actor, evidence=(*actor.evidence, reason, UNSHOWN))
        if (reason := _why_unshown(actor, places, gazetteer, lower_case, in_lists, bodies))
        else actor
        for actor in actors
    )


def _why_unshown(
    actor: Actor,
    places: PlaceNames,
    gazetteer: Gazetteer,
    lower_case: frozenset[str],
    in_lists: frozenset[str],
    acronyms_of_bodies: frozenset[str],
) -> str | None:
    if actor.name in in_lists:
        return IN_A_LIST
    if (
        _shows_nothing_but_its_label(actor)
        and gazetteer.lookup(actor.name) is None  # a country's short name ("UAE") is no thing
        and is_an_acronym_of_a_thing(actor.name, acronyms_of_bodies)
    ):
        return AN_ACRONYM_OF_A_THING
    if (
        _shows_nothing_but_its_label(actor)
        and actor.mentions == 1
        and is_made_of_ordinary_words(actor, places, gazetteer)
        and (" " in actor.name or actor.kind == "person" or actor.name.lower() in lower_case)
    ):
        return OF_ORDINARY_WORDS
    return None


def named_only_in_lists(
    actors: tuple[Actor, ...], doc: Doc, places: PlaceNames, token_actor: Mapping[int, str]
) -> frozenset[str]:
    """Names whose every mention stands in the lines of a list (`layout.list_lines`): a
    product's specs and features ("Liquid Retina display", "Four speaker Audio"), a box's
    contents. A list names things; a person in one (a results table, a cast, a credit) has a
    given name first or a surname last that the census knows ("Lena Okoro 12 points"), and a
    body a body's word or a legal form ("The National Bank of Poland" heading a table)."""
    candidates = {
        actor.name
        for actor in actors
        if _is_typed_by_its_label_alone(actor)
        and not (actor.kind == "person" and _reads_as_a_persons_name(actor.name, places))
        and not (actor.kind == "organisation" and _holds_a_bodys_word(actor.name, places))
    }
    if not candidates:
        return frozenset()
    listed = {token.i for line in list_lines(doc) for token in line}
    outside = {name for i, name in token_actor.items() if name in candidates and i not in listed}
    return frozenset(candidates - outside)


def is_an_acronym_of_a_thing(name: str, acronyms_of_bodies: frozenset[str]) -> bool:
    """Whether a name is an acronym alone that the article never writes as a body's
    (`acronyms_as_bodies`: "GSM" of "GSM carriers"). A longer name it opens is left: it heads
    a phrase of its own as a body's does ("on the PGA Tour", "the SIM Card")."""
    return is_acronym(name) and name not in acronyms_of_bodies


def _reads_as_a_persons_name(name: str, places: PlaceNames) -> bool:
    words = name.split()
    return places.is_given_name(words[0]) or places.is_census_name(words[-1])


def _holds_a_bodys_word(name: str, places: PlaceNames) -> bool:
    words = name.split()
    return any(word.casefold() in BODY_WORDS | branch_words() for word in words) or any(
        places.is_legal_form(word) for word in words
    )


def _shows_nothing_but_its_label(actor: Actor) -> bool:
    """A person or body the model's label alone typed, which has no role, does nothing and
    says nothing."""
    return _is_typed_by_its_label_alone(actor) and not actor.role


def _is_typed_by_its_label_alone(actor: Actor) -> bool:
    """A person or body the model's label alone typed (no list, rule, registry or merge), which
    does nothing and says nothing. What a list's line gives it as a role is the line's other
    words ("Four speaker Audio"), so a role is not asked here."""
    return (
        actor.kind in ("person", "organisation")
        and not (actor.actions or actor.quoted)
        and bool(actor.evidence)
        and all(e.startswith(MODEL_EVIDENCE) and LISTED not in e for e in actor.evidence)
    )


def is_made_of_ordinary_words(actor: Actor, places: PlaceNames, gazetteer: Gazetteer) -> bool:
    """Whether the name reads as words of the language rather than a name: for a person, a
    first word the dictionary knows as more than a noun, which no census lists and no
    country's demonym is ("Dark", "Quick", "Questioning"; "Severine Potty" is a name); for a
    body, one or two such words and nouns the dictionary knows, no census name, no body's
    word, no acronym and nothing but letters and spaces (a long name of plain words, "the
    National Highway Traffic Safety Administration", is a body's)."""
    words = WORD_OF_A_NAME.findall(actor.name)
    if not words:
        return False
    if actor.kind == "person":
        return _is_ordinary(words[0], places) and gazetteer.country_for_demonym(words[0]) is None
    return (
        PLAIN_WORDS.fullmatch(actor.name) is not None
        and len(words) <= MAX_PLAIN_BODY_WORDS
        and not actor.name.isupper()
        and not _holds_a_bodys_word(actor.name, places)
        and all(
            word.lower() in word_classes() and not places.is_census_name(word) for word in words
        )
        and any(_is_ordinary(word, places) for word in words)
    )


def _is_ordinary(word: str, places: PlaceNames) -> bool:
    """A word the dictionary knows as an adjective, a verb or an adverb, which no census gives
    anyone: nouns alone include many proper names ("Aden", "Wichita", "Nasdaq")."""
    classes = word_classes().get(word.lower(), frozenset())
    return bool(classes - {"noun"}) and not places.is_census_name(word)
