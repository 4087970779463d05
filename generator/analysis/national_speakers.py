"""A speaker named by nationality: "said the American", "the Frenchman added". The noun stands
for one person of that country the story named before, never for the country (actors37 keeps it
from counting as the country's mention). Whom: the one person the text ties to that country by
the same noun beside the name ("Frenchman Lucas Moreau"); else the person the writer's sentence
before is about, unless the text ties that person to another country; else nobody, and the
quote keeps the description the text gives ("the American").
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from spacy.tokens import Token

from generator.analysis.actors.mentions import names_one_person
from generator.analysis.antecedents import PERSON_LABELS
from generator.analysis.gazetteer import Place, load_gazetteer

if TYPE_CHECKING:
    from generator.analysis.referents import ParsedArticle

NOT_NATIONAL = "not national"
"""What `national_speaker` answers for a subject that is no nationality noun."""
MAX_SENTENCES_BACK = 2
"""How many sentences back a nationality noun's person may be the writer's subject."""
NAME_MODIFIER_DEPS = frozenset({"compound", "amod", "nmod", "appos"})
"""How a nationality noun hangs on a name ("Frenchman Lucas Moreau", "Moreau, a Frenchman,")."""


def national_speaker(article: ParsedArticle, subject: Token) -> str | None:
    """The person a definite nationality noun stands for (`NOT_NATIONAL` when the subject is
    none), or None when the text does not tell which one person it is."""
    place = nationality_of(subject)
    if place is None:
        return NOT_NATIONAL
    stated = _stated_nationalities(article, subject)
    holders = [name for name, places in stated.items() if place.name in places]
    if len(holders) == 1:
        return holders[0]
    if holders:
        return None
    named = _last_subject_named(article, subject)
    if named is None or stated.get(named, set()) - {place.name}:
        return None  # nobody, or someone the text ties to another country
    return named


def _last_subject_named(article: ParsedArticle, subject: Token) -> str | None:
    """The person named as the subject of the writer's last sentence before the subject's own
    ("Roddick was left frustrated ... “...,” said the American."): whom the story is about there."""
    index = article.sentence_index(subject.i)
    for sentence in reversed(article.sentences[max(0, index - MAX_SENTENCES_BACK) : index]):
        subjects = [
            token
            for token in sentence
            if token.dep_ in ("nsubj", "nsubjpass")
            and token.ent_type_ in PERSON_LABELS
            and not article.is_quoted(token)
        ]
        if subjects:
            return article.speaker_name(subject.doc[subjects[-1].i : subjects[-1].i + 1])
    return None


def nationality_of(subject: Token) -> Place | None:
    """The country a definite singular noun names one person of ("the American"), or None."""
    is_definite = any(c.dep_ == "det" and c.lower_ == "the" for c in subject.children)
    if not (is_definite and subject.is_title):
        return None
    place = load_gazetteer().country_for_demonym(subject.text)
    span = subject.doc[subject.i : subject.i + 1]
    return place if place is not None and names_one_person(span, place.demonyms) else None


def _stated_nationalities(article: ParsedArticle, subject: Token) -> dict[str, set[str]]:
    """The people named before the subject, each with the countries a nationality noun beside
    their name ties them to in the text so far."""
    before = article.text[: subject.idx]
    stated: dict[str, set[str]] = {}
    for actor in article.actors or ():
        surname = actor.name.split()[-1]
        if actor.kind == "person" and re.search(rf"\b{re.escape(surname)}\b", before):
            stated[actor.name] = set()
    gazetteer = load_gazetteer()
    for token in article.doc[: subject.i]:
        name = token.head if token.dep_ in NAME_MODIFIER_DEPS else None
        if name is None or name.ent_type_ not in PERSON_LABELS or not token.is_title:
            continue
        place = gazetteer.country_for_demonym(token.text)
        if place is None:
            continue
        person = article.speaker_name(article.doc[name.i : name.i + 1])
        if person in stated:
            stated[person].add(place.name)
    return stated
