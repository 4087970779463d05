"""Whom a description or a lone surname stands for: a subject noun of a parsed article in, the
person actor it means (or whether it is someone the text leaves unnamed) out.

"said the world indoor champion" is the person the story named with that title, "said the
Falcons coach" the one it named "Falcons coach Dana Wells", "Petrides said" the actor whose
name ends in that word; "one Weibo user wrote" is nobody the text names. `referents` asks these
for every subject that is no pronoun.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from spacy.tokens import Token

from generator.analysis.antecedents import PERSON_LABELS, antecedent
from generator.analysis.lexicon import (
    OFFICIAL_NOUNS,
    ORGANISATION_ROLE_WORDS,
    OWNER_VOICES,
    PERSON_ROLE_WORDS,
    ROLE_NOUNS_TAKING_TO,
)

if TYPE_CHECKING:
    # Only for annotations: referents imports this module to name its subjects.
    from generator.analysis.referents import ParsedArticle
    from generator.models import Actor

SINGULAR_NOUN_TAGS = frozenset({"NN", "NNP"})
INDEFINITE_ARTICLES = frozenset({"a", "an", "another"})
VOICES_OF_BODIES = (
    OFFICIAL_NOUNS
    | ROLE_NOUNS_TAKING_TO
    | ORGANISATION_ROLE_WORDS
    | OWNER_VOICES
    | frozenset({"executive", "officer", "representative", "source"})
)
"""Nouns by which a body speaks when its name describes them ("a Kremlin spokesman", "a
Pentagon source", "a court statement"); a "Weibo user" or a "Stadia player" speaks for
nobody."""
ONE_OF_MANY = INDEFINITE_ARTICLES | {"one"}
"""Words that introduce someone as one of many: "one Weibo user", "a Stadia player"."""
HELD_FOR = frozenset({"of", "for", "at"})
"""Prepositions that tie a title to whom or what it is held for ("the head of ...")."""
TITLE_SPAN_TOKENS = 4
"""How many words before a title's noun ("British and Irish Lions coach") hold its own names."""


def is_one_of_the_public(subject: Token) -> bool:
    """Whether a subject is someone unnamed whom a name only describes ("one Weibo user
    wrote", "a Stadia player said"): the name is where they posted or what they use, not who
    speaks. One who speaks for a body is its voice ("a Kremlin spokesman said")."""
    if subject.pos_ != "NOUN" or subject.ent_type_:
        return False
    if subject.lemma_.lower() in VOICES_OF_BODIES:
        return False
    before = [child for child in subject.children if child.i < subject.i]
    is_described = any(child.dep_ == "compound" and child.pos_ == "PROPN" for child in before)
    # "Formula One champion Niki Lauda": the name beside the noun is who speaks.
    is_named = any(child.dep_ == "appos" for child in subject.children)
    is_one_of_many = any(child.lower_ in ONE_OF_MANY for child in before)
    return is_described and is_one_of_many and not is_named


def is_indefinite(noun: Token) -> bool:
    """Whether a noun is introduced as one of many ("a", "another", "one" ...)."""
    return any(
        child.lower_ in INDEFINITE_ARTICLES or child.dep_ == "nummod" for child in noun.children
    )


def is_description_of_a_named_person(subject: Token) -> bool:
    """A definite singular title of the person's own ("said the world indoor champion"), which
    a story uses for someone it has named; not one that ties its holder to someone or some body
    else ("the Kremlin spokesman", "Russia's ambassador", "the aide")."""
    modifiers = _definite_title_modifiers(subject)
    return modifiers is not None and not any(
        m.pos_ == "PROPN" or m.dep_ == "poss" for m in modifiers
    )


def is_description_of_the_principal(subject: Token) -> bool:
    """A definite title that a name qualifies ("said the Glenford sprinter", "the Velvet Hours
    singer told"): where the person is from or what they made, which a story writes for its
    principal; not a title held for a body ("the Kremlin spokesman") or for someone
    ("Russia's ambassador")."""
    modifiers = _definite_title_modifiers(subject)
    if modifiers is None or subject.lemma_.lower() in VOICES_OF_BODIES:
        return False
    return any(m.pos_ == "PROPN" for m in modifiers) and not any(
        m.dep_ == "poss" for m in modifiers
    )


def principal_described(article: ParsedArticle, description: Token) -> str | None:
    """The story's principal, the one person its headline names in full, when a title qualified
    by a name stands for them: unless "he" there would mean another person named in full
    ("the Velvet Hours singer" right after the band's drummer Sam Reyes spoke stays unnamed)."""
    principals = [
        actor.name
        for actor in article.actors or ()
        if actor.kind == "person" and " " in actor.name and _is_in_headline(article, actor)
    ]
    if len(principals) != 1:
        return None
    named = described_person(article, description)
    is_someone_else = named is not None and named != principals[0] and " " in named
    return None if is_someone_else else principals[0]


def _is_in_headline(article: ParsedArticle, actor: Actor) -> bool:
    """Whether the headline names the actor, by any of its names, as written."""
    return any(
        re.search(rf"(?<!\w){re.escape(name)}(?!\w)", article.headline)
        for name in (actor.name, *actor.aliases)
    )


def _definite_title_modifiers(subject: Token) -> list[Token] | None:
    """The words before a definite singular title of a person ("the", "world", "indoor" of
    "the world indoor champion"), or None for any other noun."""
    word = subject.lower_
    if subject.tag_ not in SINGULAR_NOUN_TAGS or word in ROLE_NOUNS_TAKING_TO:
        return None
    if word not in PERSON_ROLE_WORDS:
        return None
    if subject.ent_type_ and not _is_whole_entity(subject):
        # A role word the model took alone for a body ("The DJ admitted" as an ORG) is still
        # the role word; one inside a longer name ("the Kremlin spokesman") is not.
        return None
    modifiers = [child for child in subject.children if child.i < subject.i]
    is_definite = any(m.dep_ == "det" and m.lower_ == "the" for m in modifiers)
    return modifiers if is_definite and not _is_held_for_another(subject) else None


def _is_held_for_another(title: Token) -> bool:
    """Whether a title is held for a body or someone the words after it name ("the head of the
    football association", "the chair of Zentrix"), like "Russia's ambassador": the text need
    not have named its holder. Not a title's own words ("the secretary of state")."""
    return any(
        preposition.dep_ == "prep"
        and preposition.lower_ in HELD_FOR
        and any(
            holder.ent_type_ or any(c.dep_ in ("det", "poss") for c in holder.children)
            for holder in preposition.children
            if holder.dep_ == "pobj"
        )
        for preposition in title.children
    )


def is_description_of_a_named_body(subject: Token) -> bool:
    """ "the company said", "the firm said": a definite singular noun of a body's kind with no
    name or qualifier of its own, which a story uses for the body it named before; not a
    country's voice ("the government", "the ministry": `OFFICIAL_NOUNS`), nor "the rival firm"."""
    word = subject.lower_
    if subject.tag_ != "NN" or word not in ORGANISATION_ROLE_WORDS or word in OFFICIAL_NOUNS:
        return False
    modifiers = [child for child in subject.children if child.i < subject.i]
    return [(m.dep_, m.lower_) for m in modifiers] == [("det", "the")]


def _is_whole_entity(token: Token) -> bool:
    """Whether the model's entity at a token is that token alone."""
    following = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    return token.ent_iob_ == "B" and (following is None or following.ent_iob_ != "I")


def described_person(article: ParsedArticle, description: Token) -> str | None:
    """The person a definite title stands for, found as "he" is (`_antecedent`); none when the
    article introduced its holder unnamed before ("a senior official ... the official said")."""
    introduced = any(
        token.lower_ == description.lower_
        and any(c.dep_ == "det" and c.lower_ in INDEFINITE_ARTICLES for c in token.children)
        for token in article.doc[: description.i]
    )
    if introduced:
        return None
    return _title_holder(article, description) or antecedent(article, description, PERSON_LABELS)


def _title_holder(article: ParsedArticle, description: Token) -> str | None:
    """The one person named before whose name carries the title a definite description repeats
    ("the archbishop added" after "Archbishop Tutu", whoever was named since), or whose role is
    that title alone ("lawyer", "Foreign Secretary"; not "shadow chancellor" for "the
    chancellor"); None when no one or several people hold it."""
    title = description.lower_
    before = article.text[: description.idx]
    holders = {
        actor.name
        for actor in article.actors or ()
        if actor.kind == "person"
        and (title in actor.name.casefold().split() or _is_the_role(actor.role, title))
        and re.search(rf"\b{re.escape(actor.name.split()[-1])}\b", before)
    }
    return holders.pop() if len(holders) == 1 else None


def _is_the_role(role: str | None, title: str) -> bool:
    """Whether a role is the title, with no word in lower case beside it that makes it another
    post ("shadow chancellor", "deputy editor"); names of places or bodies may qualify it."""
    if role is None:
        return False
    lowered = [word for word in role.split() if not word[:1].isupper()]
    words = [word.casefold() for word in role.split()]
    return words[-1:] == [title] and lowered in ([], [words[-1]])


def person_with_title(article: ParsedArticle, subject: Token) -> str | None:
    """The person the article named earlier with the title a definite subject repeats: "said
    the Falcons coach" after "Northbury Falcons coach Dana Wells says" is Wells, not
    the Falcons. Every proper noun of the title must be in the earlier one."""
    if subject.pos_ != "NOUN" or not any(c.dep_ == "det" for c in subject.children):
        return None
    title_names = {c.lower_ for c in subject.children if c.pos_ == "PROPN"}
    if not title_names:
        return None
    for token in article.doc[: subject.i]:
        holder = token.head
        if token.lower_ != subject.lower_ or token.dep_ != "compound":
            continue
        if holder.pos_ != "PROPN" or holder.ent_type_ not in PERSON_LABELS:
            continue
        before = {t.lower_ for t in article.doc[max(token.i - TITLE_SPAN_TOKENS, 0) : token.i]}
        if title_names <= before:
            return person_named(article, holder) or article.speaker_name(
                article.doc[holder.i : holder.i + 1]
            )
    return None


def person_named(article: ParsedArticle, subject: Token) -> str | None:
    """The person among the actors whose name ends in the subject's own proper noun, or in a
    capitalised word the tagger took for a common noun ("Petrides said" as a plural noun).

    Several people may share a surname ("Tom Grant", "Mark Grant"): a name written in full
    is that person's, or none of them when no actor has it; a surname alone is the first of
    them the actors list, the one the story is most about."""
    if not (subject.pos_ == "PROPN" or is_capitalised_noun(subject)) or article.actors is None:
        return None
    word = subject.lower_
    people = [
        actor.name
        for actor in article.actors
        if actor.kind == "person" and actor.name.split()[-1].casefold() == word
    ]
    if len(people) < 2:
        return people[0] if people else None
    written = _written_name(subject)
    if len(written) > 1:
        return next((p for p in people if p.casefold().split()[-len(written) :] == written), None)
    return people[0]


def _written_name(subject: Token) -> list[str]:
    """The words of a name as written before its last one ("Tom" of "Tom Grant"), lowered."""
    first = [c for c in subject.children if c.dep_ == "compound" and c.i < subject.i]
    start = min((c.left_edge.i for c in first), default=subject.i)
    return [t.lower_ for t in subject.doc[start : subject.i + 1] if t.pos_ == "PROPN"]


def is_capitalised_noun(token: Token) -> bool:
    """A common noun written with a capital inside a sentence and without an article: a rare
    surname the tagger did not know, not a word that opens the sentence."""
    return (
        token.pos_ == "NOUN"
        and token.is_title
        and not token.is_sent_start
        and not any(child.dep_ == "det" for child in token.children)
    )
