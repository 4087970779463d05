"""Name an event's pronoun subject: the event's words and its date's token in, the words with
the name in brackets out ("It [Vietnam] raised its ties ..."), or None when the text does not
say who it is and the event gives way.
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from generator.analysis.clauses import has_subject, is_main_verb
from generator.analysis.entity_index import entities_of
from generator.analysis.grammar import NOMINAL_SUBJECT_DEPS as SUBJECT_DEPS
from generator.analysis.grammar import PLACE_LABELS
from generator.analysis.key_facts import NameOf
from generator.analysis.quote_marks import quotations_of

SUBJECT_PRONOUNS = frozenset({"it", "he", "she", "they", "this", "these", "that", "those"})
"""A subject an event cannot stand on alone: it is named, or the event gives way."""
DEMONSTRATIVES = frozenset({"this", "these", "that", "those"})
"""Pronouns that are as often a noun's determiner ("That penalty ..."), whose noun says what
it is, or a relative word inside a sentence: named only where they are the event's subject."""
POSSESSIVE_PRONOUNS = frozenset({"its"})
"""An owner an event that opens on it cannot stand on alone ("Its fleet has been idle ..."):
named as "it" is, or the event gives way. Not "his", "her" or "their": a person's pronoun
resolver reads subjects ("Her husband Bill was elected" named the story's actress), and "Their
savings lost, 150 workers returned home" names its owner after it."""
POSSESSIVE_DEP = "poss"
CLAUSE_COMPLEMENT_DEPS = frozenset({"ccomp", "csubj", "csubjpass"})
"""A verb's clause as its object or subject: "it" before such a verb stands for the clause."""
PLACE_PRO_FORMS = frozenset({"there"})
"""A word that stands for a place named before ("authorities there", "people there"): a
subject it describes is named by that place. Not "here", the writer's own place."""
PLACE_LOOKBACK = 120
"""Tokens before a place pro-form searched for the place it stands for (about three
sentences): further back, the text no longer says which place it means."""


def named_subject(event: str, anchor: Token, name_of: NameOf | None) -> str | None:
    """The event with its pronoun subject named in brackets ("It [Vietnam] raised ..."), or
    None when the text does not say who it is."""
    first = event.split(" ", 1)[0]
    if name_of is None:
        # The caller resolves no pronouns: the event stays as the article words it.
        return event
    if first.lower() in POSSESSIVE_PRONOUNS:
        owner = _opening_possessive(anchor, first)
        return event if owner is None else _named_at(event, len(first), owner, name_of)
    if first.lower() not in SUBJECT_PRONOUNS:
        return _named_inner_subject(event, anchor, name_of)
    pronoun = _subject_pronoun(anchor, first)
    if pronoun is None:
        # "This visit ...": a determiner, and the noun after it says what it is.
        return event
    return _named_at(event, len(first), pronoun, name_of)


def _named_at(event: str, end: int, pronoun: Token, name_of: NameOf) -> str | None:
    """The event with the pronoun that ends at `end` named in brackets, or None."""
    name = name_of(pronoun)
    return f"{event[:end]} [{name}]{event[end:]}" if name else None


def _named_inner_subject(event: str, anchor: Token, name_of: NameOf) -> str | None:
    """The event with the pronoun subject of the date's own clause named where the event does
    not open on it ("In 2009, he [Name] moved to Paris"), or None when the text does not say
    who it is; an event whose clause has a named subject stays as it is."""
    verb = next((t for t in (anchor, *anchor.ancestors) if has_subject(t)), None)
    if verb is None:
        return event
    subject = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS), None)
    if subject is None:
        return event
    there = next((c for c in subject.children if c.lower_ in PLACE_PRO_FORMS), None)
    if there is not None and (is_main_verb(verb, anchor.sent.root) or _opens_on(event, subject)):
        # "after two people there were diagnosed ... last week": the event is that clause,
        # and "there" stands for a place named before it.
        return _with_place_named(event, there)
    if not is_main_verb(verb, anchor.sent.root):
        # A pronoun of a clause inside the sentence ("stabbed after they left the club on
        # Wednesday") is no subject of the event the sentence tells.
        return event
    if subject.lower_ not in SUBJECT_PRONOUNS - DEMONSTRATIVES:
        return event
    if is_quoted(subject):
        # A speaker's "he" points from the speaker's words, where the resolver does not look.
        return event
    if subject.lower_ == "it" and subject.head.lemma_ == "be":
        # "On Friday, it was the hosts' chance", "as it is today": a dated "it is" tells how
        # things stood, and its "it" is as often the time or the case as a thing named before.
        return None
    if subject.lower_ == "it" and any(c.dep_ in CLAUSE_COMPLEMENT_DEPS for c in verb.children):
        # "By May, it is estimated that half will ...": "it" stands for the clause after it.
        return event
    found = _word_in(event, subject)
    if found is None:
        return event
    return _named_at(event, found.end(), subject, name_of)


def _opens_on(event: str, subject: Token) -> bool:
    """Whether the event's words open on the subject's phrase: the event is its clause."""
    first = subject.doc[subject.left_edge.i].text
    return event.split(" ", 1)[0].lower() == first.lower()


def _with_place_named(event: str, there: Token) -> str | None:
    """The event with the place a subject's "there" stands for named after it ("authorities
    there [China] were accused ..."): the last place named before it, within a few sentences;
    None when none is, since "authorities there" alone does not say where."""
    earliest = max(0, there.sent.start - PLACE_LOOKBACK)
    place = next(
        (
            entity
            for entity in reversed(entities_of(there.doc))
            if entity.label_ in PLACE_LABELS and earliest <= entity.start and entity.end <= there.i
        ),
        None,
    )
    found = _word_in(event, there)
    if place is None or found is None:
        return None
    return f"{event[: found.end()]} [{place.text}]{event[found.end() :]}"


def is_quoted(token: Token) -> bool:
    """Whether the token stands inside a quotation of its article."""
    return any(q.start <= token.idx < q.end for q in quotations_of(token.doc))


def _word_in(event: str, token: Token) -> re.Match[str] | None:
    """Where the token stands in the event's words: the occurrence followed by the word after
    it ("proved it was up for it when it launched": the "it" of "launched"), else the first."""
    word = rf"\b{re.escape(token.text)}\b"
    after = token.nbor(1) if token.i + 1 < len(token.doc) else None
    if after is not None and not after.is_punct:
        found = re.search(rf"{word}(?=\W+{re.escape(after.text)})", event)
        if found is not None:
            return found
    return re.search(word, event)


def _subject_pronoun(anchor: Token, word: str) -> Token | None:
    """The pronoun subject the event opens on: the one of a clause that holds the date ("as
    it returns to a cup where it reached the final in 2018" opens on the
    second "it"), else the sentence's first."""
    pronouns = [t for t in anchor.sent if t.text.lower() == word.lower() and t.dep_ in SUBJECT_DEPS]
    above = {t.i for t in (anchor, *anchor.ancestors)}
    return next((t for t in pronouns if t.head.i in above), pronouns[0] if pronouns else None)


def _opening_possessive(anchor: Token, word: str) -> Token | None:
    """The possessive pronoun the event opens on: the first of its sentence so written."""
    return next(
        (t for t in anchor.sent if t.text.lower() == word.lower() and t.dep_ == POSSESSIVE_DEP),
        None,
    )
