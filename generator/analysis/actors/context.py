"""What the words around a name say of its kind: cues `kinds.typed_mention` reads beside the
rules of `data/actor_rules.yml` (a place noun after the name, a title before it, an age and a
home town, a town and its state), and those the passes of `votes` weigh across mentions (a
courtesy title, "he" taking the name up, an article before it)."""

from __future__ import annotations

import re
from collections.abc import Iterable

from spacy.tokens import Span, Token

from generator.analysis.actors.documents import ends_a_documents_name
from generator.analysis.actors.mentions import (
    PLACE_MODIFIED_NOUNS,
    after_place_preposition,
    completes_its_head,
)
from generator.analysis.actors.positions import after_a_position
from generator.analysis.actors.spans import is_a_names_number
from generator.analysis.actors.titled_names import is_a_persons_title_before_a_full_name
from generator.analysis.entity_index import entity_at
from generator.analysis.gazetteer import Gazetteer
from generator.analysis.grammar import NOMINAL_SUBJECT_DEPS as SUBJECT_DEPS
from generator.analysis.lexicon import (
    COMPASS_WORDS,
    DOCUMENT_WORDS,
    GENERIC_WORDS,
    GEOGRAPHY_WORDS,
    HONORIFICS,
    LEADING_WORDS,
    ORGANISATION_ROLE_WORDS,
    PATH_PREPOSITIONS,
    PERSON_PRONOUNS,
    PERSON_TITLES,
    PLACE_HEADS,
    PLACE_HEADS_BEFORE_OF,
    PLACE_PREPOSITIONS,
    ROLES_OF_BODIES_TOO,
    SHIP_PREFIXES,
)
from generator.analysis.place_names import PlaceNames
from generator.analysis.roles import names_someone_else, nouns_beside, role_beside


def modifies_place_noun(span: Span) -> bool:
    """'the Amur region', 'the Sohae launch site': the name of the place the noun phrase names.

    Only after "the": 'a Hezbollah site' is one site of an organisation's.
    """
    before = span.doc[span.start - 1] if span.start > 0 else None
    head = span.root
    while head.dep_ == "compound" and head.head.i >= span.end:
        head = head.head
    return (
        before is not None
        and before.lower_ == "the"
        and all(token.tag_ in ("NNP", "NNPS") for token in span)
        and head.i >= span.end
        and head.tag_ == "NN"
        and head.lower_ in PLACE_MODIFIED_NOUNS
    )


def after_place_head(span: Span) -> bool:
    """'the state capital Porto Alegre', "Greece's second city, Thessaloniki": a place noun
    right before the name, or before its comma, in apposition."""
    if span.start == 0:
        return False
    noun, root = span.doc[span.start - 1], span.root
    if noun.text == "," and span.start > 1:
        noun = span.doc[span.start - 2]
    return (
        noun.tag_ == "NN"
        and noun.lower_ in PLACE_HEADS
        and (root.head.i == noun.i or noun.head.i == root.i)
    )


def called_a_place(span: Span) -> bool:
    """An apposition after the name says it is a place: "Wasilla, Mrs Palin's home town,"."""
    doc = span.doc
    return (
        span.end < len(doc)
        and doc[span.end].text == ","
        and any(
            child.dep_ == "appos"
            and child.i > span.end
            and child.tag_ == "NN"
            and child.lemma_.lower() in PLACE_HEADS_BEFORE_OF
            for child in span.root.children
        )
    )


def beside_person_title(span: Span) -> bool:
    """'Russia's ambassador to the UN, Vassily Nebenzia': a person, whatever the label. Not an
    acronym ("assistant GM", "GM" a general manager or a carmaker): it names a title or a
    body far more often than a person."""
    if span.text.isupper():
        return False
    if after_a_position(span):
        return True  # "Hawks: F Jo Okafor": a player's position, a title only people hold
    root = span.root
    titles = [child for child in root.children if child.dep_ == "appos" and child.i >= span.end]
    if root.dep_ == "appos":
        titles.append(root.head)
    if span.start > 0 and span.doc[span.start - 1].dep_ == "compound":
        titles.append(span.doc[span.start - 1])
    if any(names_someone_else(title, span) for title in titles):
        # "The farmers' union, former senator Ada Morrow - herself the state's first woman
        # in that seat - and others": a list the parser read as appositions;
        # the titles there are the other person's.
        return False
    # "market leader Diageo": a title a body holds too says nothing either way (see
    # `is_a_persons_title_before_a_full_name`). A plural one before the name names a firm
    # ("analysts Gartner"); after it, the people named ("Tom Hale and Ivo Brandt, coaches").
    return any(
        (t.tag_ == "NN" or (t.tag_ == "NNS" and t.i > span.end))
        and (
            (t.lemma_.lower() in PERSON_TITLES and t.lemma_.lower() not in ROLES_OF_BODIES_TOO)
            or is_a_persons_title_before_a_full_name(t, span)
        )
        for t in titles
    )


def is_generic_or_document(span: Span) -> bool:
    """'Council' alone names no one; 'the Artificial Intelligence Act' is a text, 'the Tony
    Awards' an event, 'MV Gibe' a ship, 'Durham 114' a results line (not "Transport 2000")."""
    if len(span) == 1 and (span.text.lower() in GENERIC_WORDS or ends_a_documents_name(span)):
        return True
    if is_ship_name(span):
        return True
    if len(span) > 1 and any(token.is_digit and not is_a_names_number(token) for token in span):
        return True
    # The head word too ("the Academy Award for Best Actress", "the Treaty of Rome"), but not
    # in a name the model calls a person's, which a parse may head by "Bill".
    root = span.root
    return len(span) > 1 and (
        span[-1].lower_ in DOCUMENT_WORDS
        or (root.lower_ in DOCUMENT_WORDS and root.ent_type_ != "PERSON")
    )


def is_ship_name(span: Span) -> bool:
    """'MV Gibe', or 'INS' and 'Mysore' the model found apart; 'the INS' alone is an agency."""
    doc = span.doc
    if span.start > 0 and doc[span.start - 1].text in SHIP_PREFIXES:
        return True
    after = doc[span.start + 1] if span.start + 1 < len(doc) else None
    names_a_ship = len(span) > 1 or (after is not None and after.is_title)
    return span[0].text in SHIP_PREFIXES and names_a_ship


def names_a_place_of(span: Span) -> bool:
    """'the port of Rotterdam', 'the valleys of the Taquari': a place, whatever the model
    labelled it."""
    doc, before = span.doc, span.start - 1
    while before > 0 and doc[before].lower_ in LEADING_WORDS:
        before -= 1
    if before < 1 or doc[before].lower_ != "of":
        return False
    noun = doc[before - 1]
    return noun.tag_ in ("NN", "NNS") and noun.lemma_.lower() in PLACE_HEADS_BEFORE_OF


def home_town_after_age(span: Span) -> bool:
    """'LuAnn Johnson, 66, of Burnsville': the town a person is from. (A club or a firm there
    the model labels an organisation, and is left one.)"""
    doc, start = span.doc, span.start
    return (
        start >= 4
        and doc[start - 1].lower_ == "of"
        and doc[start - 2].text == ","
        and doc[start - 3].like_num
        and doc[start - 4].text == ","
    )


def town_before_its_state(span: Span) -> bool:
    """'a man from Dexter, Michigan,': a town, then a comma and the place it is in."""
    doc, start, end = span.doc, span.start, span.end
    return (
        start > 0
        and doc[start - 1].lower_ == "from"
        and end + 1 < len(doc)
        and doc[end].text == ","
        and doc[end + 1].ent_iob_ == "B"
        and doc[end + 1].ent_type_ == "GPE"
    )


def _first_listed(span: Span) -> Token:
    """The first name of the list that holds the span's, or its own head."""
    first = span.root
    while first.dep_ == "conj" and first.head.i < first.i:
        first = first.head
    return first


def _in_or_through(span: Span) -> bool:
    """Whether the name, or the first of its list, is where something happens or passes: "in
    Xinjiang", "via Moscow and Paris"."""
    first = _first_listed(span)
    if first.dep_ != "pobj":
        return after_place_preposition(span)
    return first.head.lower_ in PLACE_PREPOSITIONS and not completes_its_head(first.head)


PLACE_NAME_WORDS = COMPASS_WORDS | GEOGRAPHY_WORDS | PLACE_HEADS
"""Words inside a name that make it a place's: "the Middle East", "Mount Everest", "Hormozgan
Province"."""
PLACE_NOUNS_AFTER = PLACE_HEADS | GEOGRAPHY_WORDS | {"neighborhood", "neighbourhood", "suburb"}
"""Nouns a place's name modifies: "Zabul province", "the Kalahari desert", "the Little Italy
neighborhood"."""


def placed_by_the_text(span: Span) -> bool:
    """Whether the words around a name make it a place's: something happens in it ("in
    Xinjiang", "across Europe and Australia", "at Twickenham"), a journey or a surface reaches
    a name the model calls a location ("to Mars", "on Earth"), a compass places it ("the
    northern Sierra Nevada", "South Korea", "the Middle East"), a word of geography or of
    places is in it ("the Gulf of Aden", "Mount Everest", "Hormozgan Province") or a place's
    noun follows it ("Zabul province"). "The Big Bang", "a Meth slogan", "on Netflix" have
    none of these."""
    root = span.root
    if _in_or_through(span) or any(token.lower_ in PLACE_NAME_WORDS for token in span):
        return True
    if root.dep_ == "pobj" and root.head.lower_ == "at":
        return True  # a venue: "at Twickenham", "at Anfield"
    before = span.doc[span.start - 1] if span.start > 0 else None
    if before is not None and before.lower_ in COMPASS_WORDS:
        return True  # "South Korea" the model cut to "Korea"
    if root.ent_type_ == "LOC" and root.dep_ == "pobj" and root.head.lower_ in PATH_PREPOSITIONS:
        return True
    if any(child.dep_ == "amod" and child.lower_ in COMPASS_WORDS for child in root.children):
        return True
    head = root.head
    return root.dep_ == "compound" and head.i >= span.end and head.lower_ in PLACE_NOUNS_AFTER


def in_an_address(span: Span, gazetteer: Gazetteer, places: PlaceNames) -> bool:
    """Whether the name is a town before a comma and a country or state ("over Lockerbie,
    Scotland.", "Kodiak, Alaska,"), or a state's abbreviation after a town and a comma
    ("Rancho Mirage, Calif", "Washington, DC"), as addresses and datelines write them."""
    doc, start, end = span.doc, span.start, span.end
    if start > 1 and doc[start - 1].text == "," and doc[start - 2].ent_type_ in ("GPE", "LOC"):
        text = span.text
        if f"{text}." in places.state_abbreviations or text in places.postal_codes:
            return True
    if end + 1 >= len(doc) or doc[end].text != ",":
        return False
    place = entity_at(doc[end + 1])
    if place is None or place.start != end + 1:
        return False
    after = doc[place.end] if place.end < len(doc) else None
    is_listed = gazetteer.lookup(place.text) is not None or places.place_source(place.text)
    return bool(is_listed) and (after is None or after.is_punct or after.is_space)


def after_town_and_comma(span: Span, gazetteer: Gazetteer) -> bool:
    """'Seattle, Washington': the name follows a town's name and a comma, and owns nothing
    ("China, Pyongyang's only ally", "Berlin, Brussels and Zurich" list countries' own)."""
    doc, start, end = span.doc, span.start, span.end
    if start < 2 or doc[start - 1].text != "," or doc[start - 2].ent_type_ not in ("GPE", "LOC"):
        return False
    if end < len(doc) and doc[end].tag_ == "POS":
        return False
    town_start = start - 2
    while town_start > 0 and doc[town_start].ent_iob_ == "I":
        town_start -= 1
    return gazetteer.lookup(doc[town_start : start - 1].text) is None


def followed_by(span: Span, words: Iterable[str]) -> bool:
    after = span.doc[span.end] if span.end < len(span.doc) else None
    if after is not None and after.tag_ == "POS" and span.end + 1 < len(span.doc):
        after = span.doc[span.end + 1]
    return after is not None and after.lower_ in words


def named_as_an_organisation(span: Span) -> bool:
    """A kind of body beside the name: "an outside company, Terminix,", "the Terminix firm"."""
    root = span.root
    after = [root.head] if root.dep_ == "compound" and root.head.i >= span.end else []
    return _is_a_body_noun(nouns_beside(span) + after)


def called_a_body(span: Span) -> bool:
    """A kind of body in a title before the name or in apposition ("keyboard case maker
    Brydge"), not a noun the name modifies: "an Asia-Pacific office", "the London office" are
    a place's office."""
    return _is_a_body_noun(nouns_beside(span))


def _is_a_body_noun(nouns: list[Token]) -> bool:
    return any(noun.lower_ in ORGANISATION_ROLE_WORDS and noun.tag_ == "NN" for noun in nouns)


def named_as_a_person(span: Span, gazetteer: Gazetteer) -> bool:
    """A courtesy title or a role beside the name ("Mr Vanenberg", "his wife, Hunter"), an age
    after it ("Claire, 34,"), or "he" or "she" taking it up in its sentence."""
    doc = span.doc
    before = doc[span.start - 1] if span.start > 0 else None
    if before is not None and before.lower_ in HONORIFICS and not before.is_lower:
        # A courtesy title is written with its capital: "will miss England's opener" is a verb.
        return True
    after = doc[span.end] if span.end < len(doc) else None
    is_possessive = after is not None and after.tag_ == "POS"
    if (
        not is_possessive
        and role_beside(span, {}, gazetteer, "person") is not None
        and not any(noun.lower_ in ROLES_OF_BODIES_TOO for noun in nouns_beside(span))
    ):
        # "market leader Diageo": a role a body holds too says nothing either way; nor does
        # the role after a possessive, which is someone else's ("Alan Milburn, Labour's
        # election strategist").
        return True
    if span.end + 1 < len(doc) and doc[span.end].text == "," and doc[span.end + 1].like_num:
        return True
    return span.root.dep_ in SUBJECT_DEPS and bool(words_taking_it_up(span) & PERSON_PRONOUNS)


def words_taking_it_up(span: Span) -> set[str]:
    """The words after the name in its sentence, up to the next name the model calls a
    person's: a pronoun after it is more often that person's ("Sky did not allow it ...
    McCoy ... his team"; "McLenney said Clinton ... her concern"). Not the subject of a clause
    that holds the name's: "he" of "... as when Labour came to power, he said" is the
    speaker, whom a name inside his words cannot be."""
    words = set()
    holding = set(span.root.ancestors)
    for token in span.doc[span.end : span.sent.end]:
        if token.ent_type_ == "PERSON":
            break
        if not (token.dep_ in SUBJECT_DEPS and token.head in holding):
            words.add(token.lower_)
    return words


def reads_as_no_person(span: Span) -> bool:
    """An article or hashtag before the word ("a Tesco", "#Ultron"), a noun it names a kind of
    ("Gucci bags"), a place word before it ("in Hull"), words run together
    ("KylieJennerChallenge"), or a caption's label ("Chaos: During the footage ...")."""
    doc = span.doc
    before = doc[span.start - 1] if span.start > 0 else None
    after = doc[span.end] if span.end < len(doc) else None
    root = span.root
    if before is not None and (before.text == "#" or before.lower_ in ("the", "a", "an")):
        return True
    if root.dep_ == "compound" and root.head.i >= span.end and root.head.pos_ == "NOUN":
        return True
    if after_place_or_venue_preposition(span) or re.search(r"[a-z][A-Z]", span.text):
        return True
    starts_line = before is None or before.is_space or span.start == span.sent.start
    return starts_line and after is not None and after.text == ":"


def after_place_or_venue_preposition(span: Span) -> bool:
    """'in Hull', 'at Wembley', but not 'in Putin's Russia'."""
    return after_place_preposition(span, PLACE_PREPOSITIONS | {"at"})
