"""People named again by a description: "The teenager ...", "The 34-year-old ..." opening a
sentence, or a noun for one of a country's people as a subject ("The 32-year-old Spaniard came
through", "said the German"), stands for a person named just before, as news names a person and
then describes them. Their mention there gives the person what they did in that sentence; a
country's noun never stands for the country (`names_one_person`).

Which person: the one person the sentence before names; where it names more, the person who is
its subject (the story's thread: "Ann Ruiz beat Jo Lin. The Spaniard ..." is Ruiz). A sentence
before that names nobody as its subject leaves who is described uncertain.
"""

from __future__ import annotations

from itertools import pairwise

from spacy.tokens import Doc, Span, Token

from generator.analysis.actors.mentions import Cluster, Mention, names_one_person
from generator.analysis.gazetteer import Gazetteer
from generator.analysis.token_lists import sentences_of, token_lists

AGE_NOUNS = frozenset(
    {"teenager", "teen", "youngster", "schoolboy", "schoolgirl", "toddler", "pensioner"}
)
"""Nouns that describe a person by their age alone: the article has told who, just before."""
AGE_WORDS = ("-", "year", "-", "old")
"""The words after the number of an age written as one adjective ("34-year-old")."""
EVIDENCE = "a description of age opening the sentence after the one person it names"
NATIONAL_EVIDENCE = "a noun for one of a country's people, the subject after the person"
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})


def people_by_their_descriptions(doc: Doc, clusters: list[Cluster], gazetteer: Gazetteer) -> None:
    """Add to a person the descriptions that refer back to them (see the module's doc): an age
    opening the sentence after the one that names them alone, a country's noun for one person
    as a subject after the sentence that names them alone or as its subject."""
    people = [c for c in clusters if c.kind == "person"]
    if not people:
        return
    lower = token_lists(doc).lower
    for before, sentence in pairwise(sentences_of(doc)):
        age = _age_description(sentence, lower)
        nationals = _national_descriptions(sentence, gazetteer)
        if age is None and not nationals:
            continue  # most sentences: who the sentence before names is not asked
        named = {id(c): c for c in people for m in c.mentions if _within(m.span, before)}
        the_one = _the_one_named(named)
        if age is not None and the_one is not None:
            the_one.mentions.append(Mention(age, "person", the_one.name, evidence=EVIDENCE))
        for national in nationals:
            holder = the_one or _subject_named(before, people)
            if holder is not None:
                mention = Mention(national, "person", holder.name, evidence=NATIONAL_EVIDENCE)
                holder.mentions.append(mention)


def _national_descriptions(sentence: Span, gazetteer: Gazetteer) -> list[Span]:
    """ "the German", "The 32-year-old Spaniard" as a subject: "the" and a country's noun for
    one of its people, nothing after it that ties it to someone else ("the German's coach")."""
    found = []
    doc = sentence.doc
    lists = token_lists(doc)
    deps, is_title, text = lists.dep, lists.is_title, lists.text
    for i in range(sentence.start, sentence.end):
        # The word tests first, from the doc's columns: a `Token` only for a title-case subject
        # the demonym index knows (a few a doc, of every word of every sentence).
        if deps[i] not in SUBJECT_DEPS or not is_title[i]:
            continue
        if gazetteer.country_for_demonym(text[i]) is None:
            continue
        token = doc[i]
        if not _is_one_national(token, gazetteer):
            continue
        determiners = [c.lower_ for c in token.children if c.dep_ == "det"]
        if determiners == ["the"] and not any(c.dep_ == "poss" for c in token.children):
            found.append(doc[token.left_edge.i : token.i + 1])
    return found


def _is_one_national(token: Token, gazetteer: Gazetteer) -> bool:
    place = gazetteer.country_for_demonym(token.text)
    return place is not None and names_one_person(token.doc[token.i : token.i + 1], place.demonyms)


def _the_one_named(named: dict[int, Cluster]) -> Cluster | None:
    return next(iter(named.values())) if len(named) == 1 else None


def _subject_named(sentence: Span, people: list[Cluster]) -> Cluster | None:
    """The person whose mention is the subject of the sentence's main verb."""
    root = sentence.root
    for person in people:
        for mention in person.mentions:
            head = mention.span.root
            if _within(mention.span, sentence) and head.dep_ in SUBJECT_DEPS and head.head == root:
                return person
    return None


def _age_description(sentence: Span, lower: list[str]) -> Span | None:
    """ "The teenager" or "The 34-year-old" opening the sentence, or None."""
    start = sentence.start
    if sentence.end - start < 3 or lower[start] != "the":
        return None
    if lower[start + 1] in AGE_NOUNS:
        return sentence.doc[start : start + 2]
    end = start + 2 + len(AGE_WORDS)
    if lower[start + 1].isdigit() and tuple(lower[start + 2 : end]) == AGE_WORDS:
        return sentence.doc[start:end]
    return None


def _within(span: Span, sentence: Span) -> bool:
    return sentence.start <= span.start and span.end <= sentence.end
