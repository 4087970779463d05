"""Roles the text gives a person away from the name, for a card no title beside the name fills:
a journalist whose reporting the story cites ("according to Ann Lowe of the Daily Ledger ...,
reports Lowe" -> "reporter, Daily Ledger"), a definite description that refers back to the one
person named just before ("Ann Lowe withdrew ... The Welsh number three had ..." -> "Welsh
number three"), and, with no role word at all, the age and home the text sets beside the name
("Tom Barr, 31, from Leeds" -> "aged 31, from Leeds"; "52-year-old Ann Lowe of Ely" -> "aged
52, of Ely").
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable

from spacy.tokens import Doc, Token

from generator.analysis.actors.ages_and_homes import ages_and_homes
from generator.analysis.actors.lead_descriptions import lead_description_named_after
from generator.analysis.actors.mentions import names_one_person
from generator.analysis.actors.office_holders import offices_by_elimination
from generator.analysis.actors.relative_roles import roles_in_relative_clauses
from generator.analysis.actors.roles_held_as import roles_held_as
from generator.analysis.gazetteer import Gazetteer
from generator.analysis.lexicon import (
    NOT_ROLE_WORDS,
    OFFICE_TITLES,
    PERSON_ROLE_WORDS,
    RANK_TITLES,
    ROLE_NOUNS_TAKING_TO,
)
from generator.analysis.role_ranks import POST, best_role, role_rank
from generator.analysis.token_lists import token_lists
from generator.models import Actor

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
RANK_NOUN = "number"
"""A ranking's noun with its number ("the British number two", "world number five"): a player's
place in a ranking, though "number" alone is no role ("the number of cases")."""
REPORTING_VERBS = frozenset({"report", "write"})
"""What a journalist does with a story: "reports Lowe", "Lowe of the Ledger writes that ..."."""
REPORTER = "reporter"
"""The role of a journalist whose reporting the story cites: "reporter, <outlet>"."""
OUTLET_PREPOSITIONS = frozenset({"of", "at", "for"})


def with_described_roles(
    actors: tuple[Actor, ...],
    doc: Doc,
    token_actor: dict[int, str],
    headline: str,
    is_named_in: Callable[[Actor, str], bool],
    gazetteer: Gazetteer,
) -> tuple[Actor, ...]:
    """The actors, each person without a role given the one the text gives away from the name:
    a reporter's with the outlet, a definite description's that refers back to them, else the
    age and home the text sets beside their name (a role word wins over these)."""
    people = {a.name: a for a in actors if a.kind == "person"}
    if all(_has_a_post(a) for a in people.values()):
        return actors
    roles = _reporters(doc, token_actor, people)
    # The headline names its people by the surname ("Blair joins school trip").
    headline_words = set(re.findall(r"[\w'-]+", headline))
    headline_people = [
        a.name
        for a in people.values()
        if is_named_in(a, headline) or a.name.split()[-1] in headline_words
    ]
    for description in _definite_descriptions(doc, gazetteer):
        holder = _one_person_before(description, token_actor, people, headline_people)
        if holder is None or _has_a_post(people[holder]):
            continue
        # A later description may tell more: "the 22-year-old Scot", then "the Leeds athlete".
        role = description_text(description)
        if best_role((roles.get(holder), role)) == roles.get(holder):
            continue
        if not _is_beside_them(description, holder, token_actor):
            roles[holder] = role
    lead = lead_description_named_after(doc, token_actor, people, _is_a_title_or_rank)
    if lead is not None and lead[0] not in roles and not _has_a_post(people[lead[0]]):
        roles[lead[0]] = lead[1]
    for holder, office in offices_by_elimination(doc, token_actor, people, roles).items():
        is_new = holder not in roles and not _has_a_post(people[holder])
        if is_new and not _is_beside_them(office, holder, token_actor):
            roles[holder] = description_text(office)
    held = roles_in_relative_clauses(doc, token_actor, people)
    for name, role in (held | roles_held_as(doc, token_actor, people)).items():
        if name not in roles and not _has_a_post(people[name]):
            roles[name] = role
    kinds: dict[str, str] = {a.name: a.kind for a in actors}
    for name, role in ages_and_homes(doc, token_actor, people, kinds).items():
        roles.setdefault(name, role)
    return tuple(
        dataclasses.replace(a, role=roles[a.name])
        if a.kind == "person" and a.name in roles and best_role((a.role, roles[a.name])) != a.role
        else a
        for a in actors
    )


def _has_a_post(actor: Actor) -> bool:
    """Whether a person's role says their post, which no description away from the name
    betters; "Professor" alone or "Leeds native" it may (`role_ranks`)."""
    return actor.role is not None and role_rank(actor.role) == POST


def _definite_descriptions(doc: Doc, gazetteer: Gazetteer) -> list[Token]:
    """Subjects of a sentence's main verb that are "the" and a person's title or rank, or a
    noun for one of a country's people, with nothing tying it to another ("the prime
    minister", "the British number two", "the 30-year-old Dane"; not "the aide", "the head of
    the union", "Russia's envoy", "the man"). A subordinate clause's ("Lowe denied claims the
    minister had lied") is as often someone else."""
    # A `Token` for the subjects only (from the doc's columns), and their sentence (a `Span`)
    # only for a title, rank or national noun.
    deps = token_lists(doc).dep
    subjects = (doc[i] for i, dep in enumerate(deps) if dep in SUBJECT_DEPS)
    return [
        token
        for token in subjects
        if (
            (token.tag_ == "NN" and not token.ent_type_ and _is_a_title_or_rank(token))
            or _is_one_national(token, gazetteer)
        )
        and token.head == token.sent.root
        and [c.lower_ for c in token.children if c.dep_ == "det"] == ["the"]
        and not any(c.dep_ in ("poss", "prep", "relcl", "acl", "appos") for c in token.children)
    ]


def _is_beside_them(description: Token, holder: str, token_actor: dict[int, str]) -> bool:
    """Whether the same description ("the" and its words) stands anywhere in a sentence whose
    main verb has the person as its subject: there it is someone else, whom they act on or
    speak of ("Lowe sets out her plan. The minister answers ..." after "Lowe denied claims the
    minister erred"), and so it may be here. Named elsewhere in that sentence, the person may
    be the description itself ("allies of Lowe said the minister felt ..."); a title without
    "the" there is the person's own ("Prime minister's questions saw Mr Lowe")."""
    role = description_text(description).casefold()
    doc = description.doc
    word = description.lower_
    same_word = (doc[i] for i, lower in enumerate(token_lists(doc).lower) if lower == word)
    return any(
        other.lower_ == description.lower_
        and any(c.dep_ == "det" and c.lower_ == "the" for c in other.children)
        and description_text(other).casefold() == role
        and any(
            token_actor.get(i) == holder
            and not other.left_edge.i <= i <= other.i  # the description, now their mention
            and doc[i].dep_ in SUBJECT_DEPS
            and doc[i].head == other.sent.root
            for i in range(other.sent.start, other.sent.end)
        )
        for other in same_word
    )


def _is_one_national(noun: Token, gazetteer: Gazetteer) -> bool:
    """ "Spaniard", "German" as a noun for one person of the country (see `names_one_person`)."""
    place = gazetteer.country_for_demonym(noun.text)
    return place is not None and names_one_person(noun.doc[noun.i : noun.i + 1], place.demonyms)


def _is_a_title_or_rank(noun: Token) -> bool:
    word = noun.lower_
    if word == RANK_NOUN:
        return any(c.dep_ == "nummod" and c.i == noun.i + 1 for c in noun.children)
    if word in ROLE_NOUNS_TAKING_TO or word in NOT_ROLE_WORDS:
        return False
    # The title lexicon only: an agent noun ("the driver", "the caller") as often brings in
    # someone new as it refers back.
    return word in PERSON_ROLE_WORDS or word in OFFICE_TITLES or word in RANK_TITLES


def _one_person_before(
    description: Token,
    token_actor: dict[int, str],
    people: dict[str, Actor],
    headline_people: list[str],
) -> str | None:
    """The one person named in the sentence before the description or earlier in its paragraph
    (in its own sentence, another person is meant: "Lowe said the minister erred"), and named
    there as a subject, the one the story goes on about ("Ann Lowe withdrew ... The Welsh
    number three"; not "police held Tom Barr. The officer said", nor "Tom Barr's lawyer"); for
    a description in the article's first sentence, the one person the headline names. Where
    several people are named there, the one the headline names alone if they are the one
    subject there; else None."""
    doc = description.doc
    start = description.sent.start
    if start == 0:
        return headline_people[0] if len(headline_people) == 1 else None
    window = range(min(doc[start - 1].sent.start, _paragraph_start(doc, start)), start)
    named = {token_actor[i] for i in window if token_actor.get(i) in people}
    if not named and _paragraph_start(doc, start) == start:
        # A paragraph that opens on the description goes on about the paragraph before's
        # person, past its last sentence naming no one ("Ms Lowe also announced ... Women
        # earn 19% less, the figures say.\n\nThe minister told delegates ...").
        window = range(_paragraph_start(doc, start - 1), start)
        named = {token_actor[i] for i in window if token_actor.get(i) in people}
    subjects = {token_actor[i] for i in window if _is_a_subjects_word(doc, i, token_actor)}
    subjects &= named
    if len(named) == 1:
        return subjects.pop() if subjects else None
    # Several people: the story's principal, its one subject there and named as the subject of
    # the sentence just before, carries on as the subject ("Lowe promised Barr she would go.
    # But the minister stayed."; not after "She compared it to Barr's plan"), where the
    # headline names them alone and no other person there bears the description's noun.
    just_before = range(doc[start - 1].sent.start, start)
    if len(subjects) != 1 or list(subjects) != headline_people:
        return None
    if not any(token_actor.get(i) in subjects and doc[i].dep_ in SUBJECT_DEPS for i in just_before):
        return None
    others = named - subjects
    noun = description.lower_
    if any(noun in (people[o].role or "").casefold().split() for o in others):
        return None
    return subjects.pop()


def _is_a_subjects_word(doc: Doc, i: int, token_actor: dict[int, str]) -> bool:
    """Whether the word at i names a person as a subject: the subject itself, or a word of a
    description the subject noun right after it heads ("The 22-year-old Scot finished", where
    "The 22-year-old" stands for the person and "Scot" is the subject)."""
    if i not in token_actor:
        return False
    if doc[i].dep_ in SUBJECT_DEPS:
        return True
    head = doc[i].head
    # Not a title the name stands beside ("the minister Jack Straw told ..."): the title is
    # the subject, and whose description comes next is not told by it.
    return (
        head.dep_ in SUBJECT_DEPS
        and head.i not in token_actor
        and not _is_a_title_or_rank(head)
        and all(token_actor.get(j) == token_actor[i] for j in range(i, head.i))
    )


def _paragraph_start(doc: Doc, i: int) -> int:
    """Where the paragraph of the token at i starts: after the last line break before it."""
    while i > 0 and "\n" not in doc[i - 1].text:
        i -= 1
    return i


def description_text(description: Token) -> str:
    """The description without its article: "British number two" of "The British number two"."""
    start = min(
        (c.left_edge.i for c in description.lefts if c.dep_ != "det"), default=description.i
    )
    end = description.i + 1
    if description.lower_ == RANK_NOUN:
        end += 1  # its number
    return description.doc[start:end].text


def _reporters(doc: Doc, token_actor: dict[int, str], people: dict[str, Actor]) -> dict[str, str]:
    """The people who report or write what the story cites and whom the text places at a body
    ("Lowe of the Daily Ledger"): "reporter, Daily Ledger". Reporting alone is no trade (a
    witness reports a crash), and a body alone no outlet (an analyst of a bank)."""
    reporting = {
        token_actor[child.i]
        for verb in doc
        if verb.pos_ == "VERB" and verb.lemma_ in REPORTING_VERBS
        for child in verb.children
        if child.dep_ in SUBJECT_DEPS and token_actor.get(child.i) in people
    }
    roles: dict[str, str] = {}
    for i in sorted(token_actor):
        name = token_actor[i]
        if name in reporting and name not in roles:
            outlet = _outlet_of(doc[i], token_actor)
            if outlet is not None:
                roles[name] = f"{REPORTER}, {outlet}"
    return roles


def _outlet_of(token: Token, token_actor: dict[int, str]) -> str | None:
    """The body a name is "of", "at" or "for", by its actor's name where it is one."""
    for preposition in token.children:
        if preposition.dep_ != "prep" or preposition.lower_ not in OUTLET_PREPOSITIONS:
            continue
        for body in preposition.children:
            if body.dep_ == "pobj" and body.ent_type_ == "ORG":
                entity = next(e for e in body.doc.ents if e.start <= body.i < e.end)
                words = entity[1:] if entity[0].lower_ == "the" else entity
                return token_actor.get(body.i) or words.text
    return None
