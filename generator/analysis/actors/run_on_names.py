"""Whose name an entity span holds where the model ran names together: an entity span in, the
person's name inside it out ("Porto Almeida", "ambassador to Ukraine Marie Yovanovitch")."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from generator.analysis.actors.spans import is_connective
from generator.analysis.dictionary import is_dictionary_word
from generator.analysis.entity_index import entities_of, entity_at
from generator.analysis.gazetteer import Gazetteer
from generator.analysis.layout import text_of
from generator.analysis.place_names import place_names
from generator.analysis.token_lists import span_text


@dataclass(frozen=True)
class EntityNames:
    """The texts of a doc's entities, read once (spaCy builds them anew on every reading):
    people's, and the others' without "the"; the doc's text; names it reads as no entity does."""

    people: frozenset[str]
    others: frozenset[str]
    text: str
    possessive: frozenset[str] = frozenset()
    """The names written with their possessive ("Kohl's", `possessives.possessive_names`)."""
    acting_bodies: frozenset[str] = frozenset()
    """Generic bodies' names that act in the story ("Senate", `acting_bodies.bodies_that_act`)."""

    @classmethod
    def of(
        cls,
        doc: Doc,
        possessive: frozenset[str] = frozenset(),
        acting_bodies: frozenset[str] = frozenset(),
    ) -> EntityNames:
        ents = entities_of(doc)
        people = {span_text(ent) for ent in ents if ent.label_ == "PERSON"}
        others = {_without_article(ent) for ent in ents if ent.label_ != "PERSON"}
        text = text_of(doc)
        return cls(frozenset(people), frozenset(others), text, possessive, acting_bodies)


def without_run_on_name(span: Span, names: EntityNames) -> Span:
    """The surname a name before it ran on to: "Almeida" of "the game against Porto Almeida
    walks out", "Okafor" of "her bout against Lena Varga Okafor is told to wait".

    A scraped page loses the full stop after a picture's caption, and the model reads the name
    ending one sentence and the name starting the next as one person. Cut off only where the
    rest is the surname of someone the article names in full, the first part is a name the
    article gives on its own elsewhere, and the whole name occurs nowhere else.
    """
    text = span.text
    if len(span) < 2 or names.text.count(text) > 1:
        return span
    for cut in range(1, len(span)):
        tail = f" {span[cut:].text}"
        # Someone else's full name: one that ends with the rest but does not hold this one.
        if _named_on_its_own(span[:cut], names) and any(
            name.endswith(tail) and not name.endswith(text) for name in names.people
        ):
            return span[cut:]
    return span


def person_after_a_country(
    ent: Span, span: Span, names: EntityNames, gazetteer: Gazetteer
) -> Span | None:
    """The person's name a country's name or demonym ran on to: "Marie Yovanovitch" of
    "ambassador to Ukraine Marie Yovanovitch", which the model reads as one body. Only where
    the rest is a name of two words or more whose surname the article gives a person alone
    ("Yovanovitch said"), or after a demonym (`person_after_a_demonym`); labelled a person's."""
    after_a_demonym = person_after_a_demonym(ent, span, gazetteer)
    if after_a_demonym is not None:
        return after_a_demonym
    for cut in (1, 2):
        rest = span[cut:]
        if len(rest) < 2 or rest[-1].text not in names.people:
            continue
        country = gazetteer.country_for_name(span[:cut].text)
        if (
            country is not None
            and country.kind == "country"
            and all(token.is_title for token in rest)
        ):
            return Span(span.doc, rest.start, rest.end, label="PERSON")
    return None


def person_after_a_demonym(ent: Span, span: Span, gazetteer: Gazetteer) -> Span | None:
    """The person's name after a nationality the model ran into it ("Kelly Holmes" of "Briton
    Kelly Holmes won", "Swede Carolina Kluft", which it may label a body): the nationality
    says what the person is, it is no part of the name. Only before two or three capitalised
    words that open with a given name of the census's, or that the model labelled a person's
    ("Chinese Yao Ming"); "American Express", "British Gas" stay. Labelled a person's."""
    if not 3 <= len(span) <= 4 or gazetteer.country_for_demonym(span[0].text) is None:
        return None
    rest = span[1:]
    if not all(token.is_title for token in rest):
        return None
    if ent.label_ != "PERSON" and not place_names().is_given_name(rest[0].text):
        return None
    return Span(span.doc, rest.start, rest.end, label="PERSON")


def person_by_name_data(ent: Span, span: Span) -> Span | None:
    """A person's name the model labelled a body's, told by the census's names, where the
    label stands on words that are not the name's: the model ran the name on into a phrase of
    its own ("the switch of Thibaut Courtois to Sevilla", cut before its "to" by
    `clean_span`), or labelled a surname alone after the given name it left out ("Anders
    Nilsson made 35 saves", "Michael Dell"). A name the model labelled whole keeps its label
    ("Goldman Sachs", "Morgan Stanley"). Labelled a person's, or None.

    The census lists American given names only ("Thibaut" and "Anders" are in its surnames):
    every word must be a name of its lists, and neither a dictionary word nor a place."""
    if ent.label_ != "ORG":
        return None
    doc = span.doc
    cut = span.end < ent.end and is_connective(doc[span.end])
    if cut and 2 <= len(span) <= 3 and _reads_as_a_persons_name(span[0], span[1:]):
        return Span(doc, span.start, span.end, label="PERSON")
    before = doc[span.start - 1] if span.start > 0 else None
    if (
        len(span) == 1
        and before is not None
        and before.tag_ == "NNP"
        and before.ent_iob_ == "O"
        and before.whitespace_ == " "
        and _reads_as_a_persons_name(before, span)
    ):
        return Span(doc, span.start - 1, span.end, label="PERSON")
    return None


def _reads_as_a_persons_name(first: Token, rest: Span) -> bool:
    """Capitalised words the census lists as names, none a place's, the first no dictionary
    word ("Rival Samsung" is none; a surname may be one: WordNet lists "Nilsson", "Ford")."""
    places = place_names()
    words = [first, *rest]
    return (
        not is_dictionary_word(first.text)
        and all(token.is_title and places.is_census_name(token.text) for token in words)
        and all(places.place_source(token.text) is None for token in words)
    )


def _named_on_its_own(head: Span, names: EntityNames) -> bool:
    """Whether entities elsewhere name head by itself, or with the words just before it ("the
    Premier League" for "League" of "in the Premier League Klopp chats").

    As a person, only a full name whose surname the article also uses alone ("Matthew Stevens"
    and "Stevens"): a first name alone ("Mary Pat" of "Mary Pat Christie") reads as a person
    too.
    """
    if any(token.text.endswith(".") for token in head):
        return False  # an initial ("R. Kaluwitharana") starts a name
    as_a_person = len(head) > 1 and head[-1].text in names.people
    doc = head.doc
    for start in range(max(head.sent.start, head.start - 2), head.start + 1):
        text = span_text(doc[start : head.end])
        if text in names.others or (as_a_person and text in names.people):
            return True
    return False


def _without_article(ent: Span) -> str:
    return span_text(ent).removeprefix("the ").removeprefix("The ")


def continues_a_name(span: Span) -> bool:
    """Whether the span is the end of a longer capitalised name on its line ("Coast" of "Space
    Coast"): a fragment the model or a rule cut from a name is no actor of its own."""
    if span.start == 0:
        return False
    before = span.doc[span.start - 1]
    return before.whitespace_ == " " and before.pos_ == "PROPN" and before.is_title


def cut_from_a_persons_name(span: Span) -> bool:
    """Whether a one-word name is the start of a person's name the model labelled apart from it
    on the same line ("Kairi" of "Kairi Thomas-Brooks 18 points"): a fragment, no actor. Not
    before a one-word "person" ("Lockheed" of "Lockheed Martin"): there the model cut a body's
    name, which goes on in the word it took for a person's."""
    if len(span) != 1 or span.end >= len(span.doc) or span[-1].whitespace_ != " ":
        return False
    after = span.doc[span.end]
    person = entity_at(after)
    return (
        person is not None
        and person.label_ == "PERSON"
        and person.start == after.i
        and len(person) > 1
        and after.is_title
    )
