"""The bodies an article quotes that the actor pass never found: "Twitter pledged to take
“decisive corrective action”" has its speaker (`referents.name_as_written` names a proper
noun the model labelled nothing), but no actor carried the name, so the page showed a
speaker no card or "Also named" entry accounts for. A speaker of that kind is a body of the
story, carded as every body the article quotes (`one_place.voices`)."""

from __future__ import annotations

import re
from collections.abc import Iterable

from spacy.tokens import Doc

from generator.analysis.dictionary import is_dictionary_word
from generator.analysis.lexicon import PERSON_ROLE_WORDS
from generator.analysis.place_names import place_names
from generator.analysis.registry import actor_id
from generator.models import Actor, Quote

EVIDENCE = "the speaker of a quote, a name the model labelled nothing"
NAME_WORD = re.compile(r"[A-Z][A-Za-z&.'-]+")
"""A word of a body's name as written: a capital, then letters ("Twitter", "AT&T"); not a
reviewer's name the page masks ("Ali***"), nor a letter that stands for someone ("Nurse A")."""


def with_quoted_bodies(
    actors: tuple[Actor, ...], quotes: Iterable[Quote], sources: Iterable[str], doc: Doc
) -> tuple[Actor, ...]:
    """The actors, and after them each speaker no actor names that reads as a body's name."""
    known = {name for actor in actors for name in (actor.name, *actor.aliases)} | set(sources)
    speakers = dict.fromkeys(
        quote.speaker
        for quote in quotes
        if quote.speaker is not None
        and quote.speaker not in known
        and _is_a_body(quote.speaker, doc)
    )
    added = tuple(
        Actor(
            actor_id(name),
            name,
            "organisation",
            None,
            (),
            _times_written(name, doc),
            (),
            (EVIDENCE,),
        )
        for name in speakers
    )
    return actors + added


def _is_a_body(name: str, doc: Doc) -> bool:
    """A name of capitalised words, its last no common word the article writes in lower case
    too ("Office", "Story": a word the model took for a speaker; "Twitter" is a word of the
    dictionary, but the article writes it as a name only), its first no given name or title
    (a person the actor pass missed: "Lord Haskins"), and one speaker, not two ("Labour and
    Conservatives")."""
    words = name.split()
    if not words or not all(NAME_WORD.fullmatch(word) for word in words) or "and" in words:
        return False
    first = words[0]
    return not (
        _is_a_common_word(words[-1], doc)
        or first.casefold() in PERSON_ROLE_WORDS
        or place_names().is_given_name(first)
    )


def _times_written(name: str, doc: Doc) -> int:
    return max(1, len(re.findall(rf"(?<!\w){re.escape(name)}(?!\w)", doc.text)))


def _is_a_common_word(word: str, doc: Doc) -> bool:
    lower = word.lower()
    return (
        is_dictionary_word(lower)
        and re.search(rf"(?<!\w){re.escape(lower)}(?!\w)", doc.text) is not None
    )
