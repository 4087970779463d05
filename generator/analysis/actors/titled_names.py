"""A person's name told by the title before it: the name the model labelled a body's or a
place's with the person's title left outside it ("Lord Hobbs" of "Lord [Hobbs] said", "Mr
Hale" of "Mr [Hale] told the court"), and a person's title before a full name ("Tory leader
Ann Lee", "gold medallist Ann Lee").
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from generator.analysis.lexicon import HONORIFICS, NOBLE_TITLES, ROLES_OF_BODIES_TOO
from generator.analysis.place_names import place_names
from generator.analysis.roles import is_person_noun

PERSONS_TITLES = HONORIFICS | NOBLE_TITLES
"""Titles only a person bears before a name: "General" and "Chief" open bodies' names too
("General Motors")."""


def titled_person(ent: Span) -> Span | None:
    """The person named right after a courtesy title or a title of nobility that the model
    left outside its span: a one-word body ("Lord [Hobbs] said"), or one run on past the
    person's possessive into what the person owns ("Lord [Dubs' Succession] to the Crown
    Bill"), which ends the name there. A title of nobility names the person with the surname
    ("Lord Dubs"); a courtesy title does not ("Mr Hale"). Labelled a person's, or None; a name
    whose possessive has no title before it stays as the model read it ("Workers' Party")."""
    doc = ent.doc
    if ent.label_ == "PERSON" or ent.start == 0:
        return None
    title = doc[ent.start - 1]
    if not title.is_title or title.lower_ not in PERSONS_TITLES or title.ent_iob_ != "O":
        return None
    possessive = next((token.i for token in ent if token.tag_ == "POS"), None)
    if possessive is not None and ent.start < possessive < ent.end - 1:
        end = possessive
    elif len(ent) == 1:
        end = ent.end
    else:
        return None
    start = ent.start - 1 if title.lower_ in NOBLE_TITLES else ent.start
    return Span(doc, start, end, label="PERSON")


def is_a_persons_title_before_a_full_name(title: Token, name: Span) -> bool:
    """Whether a title is a person's before a full name of two or three words that opens with a
    census given name ("Carolina Hale"): a noun that says what a person is ("medallist",
    `is_person_noun`), or a title a body holds too ("leader") where a named body holds it
    ("Holyrood leader Nicola Sturgeon"). "market leader Morgan Stanley" names no body, "chip
    maker Ann Lee" a kind of body, and "Tory leader Diageo" holds no given name."""
    if len(name) not in (2, 3) or not place_names().is_given_name(name[0].text):
        return False
    word = title.lemma_.lower()
    if word in ROLES_OF_BODIES_TOO:
        return any(child.pos_ == "PROPN" and child.i < title.i for child in title.lefts)
    return is_person_noun(word)
