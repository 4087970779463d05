"""What an actor is in a story: its role, the title or apposition right by a name ("Russian
President Vladimir Putin" -> President of Russia; "Yuri Ushakov, Putin's aide" -> aide to
Vladimir Putin). What it does is `actions.py`'s.
"""

from __future__ import annotations

import functools
from collections.abc import Collection

from spacy.tokens import Span, Token

from generator.analysis.appositions import apposition
from generator.analysis.dictionary import is_dictionary_noun
from generator.analysis.gazetteer import Gazetteer
from generator.analysis.lexicon import (
    HONORIFICS,
    NOT_ROLE_WORDS,
    OFFICE_TITLES,
    ORGANISATION_ROLE_WORDS,
    PERSON_ROLE_WORDS,
    RANK_TITLES,
    ROLE_NOUNS_TAKING_TO,
    ROLE_SUFFIXES,
)
from generator.analysis.place_names import place_names
from generator.analysis.role_case import in_the_sentences_case
from generator.analysis.role_ranks import best_role
from generator.analysis.rule_files import casefolded, packaged_data
from generator.analysis.titles_before import is_a_lexicon_title, title_before
from generator.models import ActorKind

PLURAL_TAGS = ("NNS", "NNPS")
RELATIVE_TAGS = ("WP", "WP$", "WDT")
DANGLING_POS = ("ADP", "DET", "CCONJ", "SCONJ")
GENERIC_OWNERS_FILE = "generic_owners.yml"


def role_beside(
    name: Span,
    token_actor: dict[int, str],
    gazetteer: Gazetteer,
    kind: ActorKind,
    people: Collection[int] = frozenset(),
    bodies: Collection[int] = frozenset(),
) -> str | None:
    """The role stated right by a name: a title before it or an apposition after it.

    token_actor maps tokens to the actor they name, so that an owner ("Putin's aide") is found;
    people holds the tokens of the article's people, whom no title names (`_after_a_person`);
    bodies the tokens of its organisations, one of which a generic owner may name
    (`_named_generic_owner`).
    Only people and organisations bear titles: before a country or place, a noun is the
    parser's slip ("pop music, content Pyongyang has long treated as a hostile act"). A role
    must say what the actor is (`_says_what_it_is`): beside a name, the parser also finds
    captions, other names and the thing the sentence is about ("Nepal, the capital").
    """
    if kind == "place":
        return None
    title = title_before(name) if kind in ("person", "organisation") else None
    # A post in the apposition beats a title of standing before the name (`role_ranks`).
    return best_role(
        _role_of(found, name, token_actor, gazetteer, kind, people, bodies)
        for found in (title, apposition(name))
        if found is not None
    )


def _role_of(
    found: tuple[Span, Token],
    name: Span,
    token_actor: dict[int, str],
    gazetteer: Gazetteer,
    kind: ActorKind,
    people: Collection[int],
    bodies: Collection[int],
) -> str | None:
    """The role a title or an apposition beside the name says, if it says what the actor is."""
    if not _says_what_it_is(*found, name, kind):
        return None
    span = _after_a_person(found[0], people)
    role = _named_generic_owner(span, token_actor, bodies) or _phrase_role(
        span, found[1], token_actor, gazetteer
    )
    return in_the_sentences_case(role, span) if role else None


def nouns_beside(name: Span) -> list[Token]:
    """The head nouns of the title before a name and of the apposition after it: "company" in
    "an outside company, Terminix," and "spokesman" in "Kremlin spokesman Dmitry Peskov"; not
    a title that names someone else."""
    return [
        found[1]
        for found in (title_before(name), apposition(name))
        if found is not None and not names_someone_else(found[1], name)
    ]


def _says_what_it_is(span: Span, head: Token, name: Span, kind: ActorKind) -> bool:
    """Tell a role ("Kremlin spokesman", "state-funded body") from what else sits beside a name:
    a plural ("haters"), a relative clause ("whose wife"), a word of the name itself ("Romain"
    beside Romain Grosjean), a phrase cut short, or a noun that is no role ("video",
    "capital")."""
    word = head.lower_.rstrip(".")
    if head.tag_ in PLURAL_TAGS or span[0].tag_ in RELATIVE_TAGS:
        return False
    if names_someone_else(head, name):
        return False
    if span[-1].pos_ in DANGLING_POS:
        # The parser lost what follows: "mother of [shot ... Chris Lane]".
        return False
    if word in {token.lower_ for token in name}:
        return False
    if kind != "person":
        return word in ORGANISATION_ROLE_WORDS or word in PERSON_ROLE_WORDS
    if word in PERSON_ROLE_WORDS or _a_post_at_a_body(head):
        return True
    # A lower-case agent noun ("singer", "investigator"); a capitalised word no list knows is
    # more often part of a name ("Pastor Maldonado", "Friday Schumacher", "Leicester").
    if not is_agent_noun(word):
        return False
    # Capitalised after its owner, a title is still a common noun: "the agency's Administrator".
    has_an_owner = any(token.tag_ == "POS" and token.i < head.i for token in span)
    return (
        (head.pos_ == "NOUN" and head.is_lower)
        or (has_an_owner and head.is_title)
        or _a_capitalised_title(head)
    )


def _a_capitalised_title(head: Token) -> bool:
    """Whether a capitalised agent noun before a name is a title ("Ombudsman Nadia Cruz", see
    `is_a_title_no_one_bears`): outside any name, or inside the person's name the model ran it
    into, which `clean_span` leaves it out of ("Coroner Mark Ellison"); "Leicester" is a
    place's or a club's name the model labels."""
    return head.is_title and head.ent_type_ in ("", "PERSON") and is_a_title_no_one_bears(head.text)


def _a_title_in_a_name(head: Token) -> bool:
    """A rank ("Trooper") or a title by its form ("Coroner") the model took into a person's
    name: `clean_span` leaves either out of the name, and the role is it."""
    return head.lower_ in RANK_TITLES or is_a_title_no_one_bears(head.text)


def is_a_title_no_one_bears(word: str) -> bool:
    """Whether a capitalised word before a name is a title by its form: an agent noun
    ("Ombudsman", "Coroner") that the dictionary knows as a noun and the census gives to no
    one as a name ("Pastor Maldonado", "Baker Mayfield" are names)."""
    lower = word.lower()
    return (
        is_agent_noun(lower)
        and is_dictionary_noun(lower)
        and not place_names().is_census_name(word)
    )


def is_agent_noun(word: str) -> bool:
    """Whether a lower-case word has an agent noun's ending ("singer", "investigator",
    "teenager") and is none of the things with such an ending ("paper", "statement")."""
    return word.endswith(ROLE_SUFFIXES) and not word.endswith("ment") and word not in NOT_ROLE_WORDS


def is_person_noun(word: str) -> bool:
    """Whether a lower-case noun says what a person is ("teenager", "officer", "mother"): a
    role word or an agent noun that names no kind of body ("operator", "publisher")."""
    return word in PERSON_ROLE_WORDS or (
        is_agent_noun(word) and word not in ORGANISATION_ROLE_WORDS
    )


def _a_post_at_a_body(head: Token) -> bool:
    """Whether a lower-case noun is a post the text places at a named body ("a postdoctoral
    fellow at the Kessler Institute"): what the person is there, whatever the noun's ending."""
    return head.pos_ == "NOUN" and any(
        child.dep_ == "prep"
        and child.lower_ == "at"
        and any(obj.dep_ == "pobj" and obj.ent_type_ == "ORG" for obj in child.children)
        for child in head.children
    )


def names_someone_else(title: Token, name: Span) -> bool:
    """Whether a title has a person's name apposed of its own: in "The farmers'
    union, former senator Ada Morrow - and others", a list the parser read as
    appositions, "former senator" is Morrow's, not the union's; in "the Guild, a gruff ship
    captain (Torv)," the captain is Torv, whatever the model labels the bracketed name."""
    return any(
        child.dep_ == "appos"
        and (child.ent_type_ == "PERSON" or _bracketed_name(child))
        and not name.start <= child.i < name.end
        for child in title.children
    )


def _bracketed_name(token: Token) -> bool:
    """A name alone in brackets, written as a person's is: "(Torv)"; not an acronym, the
    short name of the title's body ("general secretary of the Union of Dockers (UD)")."""
    doc = token.doc
    return (
        token.pos_ == "PROPN"
        and token.text.istitle()
        and 0 < token.i < len(doc) - 1
        and doc[token.i - 1].text == "("
        and doc[token.i + 1].text == ")"
    )


def _after_a_person(span: Span, people: Collection[int]) -> Span:
    """The title without a person the parser coordinated into it, and what that person's own
    title: "US Trade Representative" of "Trump and US Trade Representative Robert Lighthizer",
    "Energy Secretary" of "Ambassador to the United Nations Helen Marsh and Energy
    Secretary Paul Ortega", where Trump and Marsh are people of the article or names the
    model calls a person's. An "and" inside a name ("Procter and Gamble chief executive"),
    between a title's owners ("Aston Villa and England midfielder") or between titles
    ("President and CEO") stays."""
    start = span.start
    for token in span[1:-1]:
        before = span.doc[token.i - 1]
        is_after_person = before.i in people or before.ent_type_ == "PERSON"
        if token.pos_ == "CCONJ" and token.ent_iob_ != "I" and is_after_person:
            start = token.i + 1
    return span.doc[start : span.end]


def _phrase_role(
    span: Span, head: Token, token_actor: dict[int, str], gazetteer: Gazetteer
) -> str | None:
    """Turn a title phrase into a role: 'Russian President' -> 'President of Russia'."""
    # A lexicon title is a noun whatever the parser tagged it ("research team head Ann Lowe").
    is_a_noun = head.pos_ in ("NOUN", "PROPN") or (
        head.is_lower and is_a_lexicon_title(head.lower_)
    )
    if head.i in token_actor or not is_a_noun:
        return None
    if head.ent_type_ and not (head.ent_type_ == "PERSON" and _a_title_in_a_name(head)):
        # Another name, unless a title the model took into the person's ("Trooper Hakim").
        return None
    if span.text.lower() in HONORIFICS:  # "Mr Brown": a courtesy, not a role
        return None
    span = _without_a_generic_owner(span)
    owner, rest = _owner_and_rest(span, token_actor, gazetteer)
    if owner is None or not rest:
        return span.text
    preposition = "to" if rest.split()[-1].lower() in ROLE_NOUNS_TAKING_TO else "of"
    return f"{rest} {preposition} {owner}"


def _named_generic_owner(
    span: Span, token_actor: dict[int, str], bodies: Collection[int]
) -> str | None:
    """The title with the body its generic owner stands for ("company CEO" -> "CEO of Acme
    Power"), where the sentence names one organisation before it (or, naming none, the
    sentence before does): "the company" of a news story is the one just named. Two bodies
    named there leave the owner unsaid (`_without_a_generic_owner`): which is meant is a
    guess."""
    title = _without_a_generic_owner(span)
    if title is span:
        return None
    sentence = span.sent
    for start in (sentence.start, _sentence_before(sentence).start):
        named = {token_actor[i] for i in bodies if start <= i < span.start and i in token_actor}
        if len(named) == 1:
            rest = title.text
            preposition = "to" if rest.split()[-1].lower() in ROLE_NOUNS_TAKING_TO else "of"
            return f"{rest} {preposition} {named.pop()}"
        if named:
            return None
    return None


def _sentence_before(sentence: Span) -> Span:
    """The sentence before this one, or this one where it is the first."""
    doc = sentence.doc
    return doc[sentence.start - 1].sent if sentence.start > 0 else sentence


def _without_a_generic_owner(span: Span) -> Span:
    """The title without a generic word for its body ("company's chief operating officer",
    "company CEO" -> "CEO"): the role names no body rather than one the reader must guess.
    Only the words of `data/generic_owners.yml`: "board member", "the museum's director" say
    what the person is."""
    first = span[0]
    if len(span) < 2 or not first.is_lower or first.lower_ not in generic_owners():
        return span
    is_possessive = span[1].tag_ == "POS"
    return span[2:] if is_possessive and len(span) > 2 else span[1:]


@functools.cache
def generic_owners() -> frozenset[str]:
    """The words of `data/generic_owners.yml`, casefolded."""
    return casefolded(packaged_data(GENERIC_OWNERS_FILE))


def _owner_and_rest(
    span: Span, token_actor: dict[int, str], gazetteer: Gazetteer
) -> tuple[str | None, str]:
    """Split 'North Korea's supreme leader' into ('North Korea', 'supreme leader')."""
    first = span[0]
    owner = token_actor.get(first.i)
    end = span.start
    if owner is None:
        # A nationality that is no actor of its own here ("Russian President ...").
        country = gazetteer.country_for_demonym(first.text)
        if country is None:
            return None, ""
        owner, end = country.name, span.start + 1
    while end < span.end and token_actor.get(end) == owner:
        end += 1
    if end < span.end and span.doc[end].tag_ == "POS":
        end += 1
    rest = span.doc[end : span.end].text
    if not rest:
        return None, rest  # the demonym is the whole title ("Briton" inside a person's name)
    is_possessive = span.doc[end - 1].tag_ == "POS"
    is_demonym = gazetteer.country_for_demonym(span.doc[span.start : end].text) is not None
    if not (is_possessive or is_demonym) or len(rest.split()) > 2:
        return None, rest
    if not is_possessive and rest.split()[-1].lower() not in OFFICE_TITLES:
        return None, rest
    return _with_article(owner, gazetteer), rest


def _with_article(name: str, gazetteer: Gazetteer) -> str:
    """'United States' reads as 'the United States' after 'of'."""
    place = gazetteer.country_for_name(name)
    needs_article = place is not None and name.split()[0] in ("United", "Central", "Czech")
    return f"the {name}" if needs_article else name
