"""Keep each statement of an article to at most two places on its brief: a `Brief` and its
parsed `Doc` in, the brief without the repeats out.

A sentence can surface as the at-a-glance line, why it matters, a key fact, a quote, a timeline
event and an actor's "said or did" all at once; read on one page, that is padding, and a brief
longer than its article. Places are filled in order of importance: the at-a-glance line, why it
matters and the key facts show each sentence once; a quote may give one of them again with
its speaker, or the timeline with its date; actors' "said or did" show only what no other place
shows.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import replace

from spacy.tokens import Doc

from generator.models import Actor, Brief, KeyFact, Quote, TimelineEvent

MAX_PLACES = 2
"""How many places on a brief one sentence of the article may fill."""
MIN_SOURCE_WORDS = 6
"""A sentence shorter than this is no source of a longer text that holds its words."""
MAX_ACTIONS = 2
"""What an actor said or did, at most: the rest is in the key facts, timeline and quotes."""


class _Sentences:
    """The doc's sentences as plain text, to tell which ones a piece of a brief comes from."""

    def __init__(self, doc: Doc) -> None:
        self.texts = [_plain(sentence.text) for sentence in doc.sents]
        self.shown: Counter[int] = Counter()

    def sources(self, text: str) -> set[int]:
        """The sentences a brief's text is taken from (whole, or a clause of them)."""
        words = _plain(text).rstrip(".")
        if not words:
            return set()
        # A heading or a one-word line ("Italy") is inside many texts without being their source.
        return {
            i
            for i, sentence in enumerate(self.texts)
            if words in sentence
            or (len(sentence.split()) >= MIN_SOURCE_WORDS and sentence in words)
        }

    def take(self, text: str, places: int = 1) -> bool:
        """Count a place for the text's sentences; False when one of them already fills as many
        places as the text may share it with (`places`: 1 for a sentence no place shows yet)."""
        sources = self.sources(text)
        if any(self.shown[i] >= places for i in sources):
            return False
        self.shown.update(sources)
        return True


def _plain(text: str) -> str:
    """Text with the brackets key facts add and the spacing of the page taken out."""
    words = text.replace("\\[", "[").split()
    kept: list[str] = []
    skipping = False
    for word in words:
        if word.startswith("[") and not skipping:
            skipping = True
        if not skipping:
            kept.append(word)
        if skipping and word.endswith("]"):
            skipping = False
    return " ".join(kept).lower()


def keep_to_two_places(brief: Brief, doc: Doc) -> Brief:
    """Return the brief with no sentence of its article in more than two places."""
    sentences = _Sentences(doc)
    sentences.take(brief.at_a_glance)
    if brief.why_it_matters is not None:
        sentences.take(brief.why_it_matters)
    key_facts = tuple(_facts(brief.key_facts, brief.why_it_matters, sentences))
    quotes = tuple(q for q in brief.quotes if sentences.take(_quoted_words(q), places=MAX_PLACES))
    timeline = tuple(_events(brief.timeline, sentences))
    actors = tuple(_actor(actor, sentences) for actor in brief.actors)
    return replace(brief, key_facts=key_facts, quotes=quotes, timeline=timeline, actors=actors)


def _facts(
    facts: Iterable[KeyFact], why_it_matters: str | None, sentences: _Sentences
) -> Iterable[KeyFact]:
    for fact in facts:
        if fact.text != why_it_matters and sentences.take(fact.text):
            yield fact


def _quoted_words(quote: Quote) -> str:
    """A quote takes the place of the clause it sits in: its context for a partial quote."""
    return quote.context if quote.kind == "partial" else quote.text


def _events(events: Iterable[TimelineEvent], sentences: _Sentences) -> Iterable[TimelineEvent]:
    # One event with several dates ("1961, 2000 and 2001") is one place.
    taken: dict[str, bool] = {}
    for event in events:
        if event.event not in taken:
            taken[event.event] = sentences.take(event.event, places=MAX_PLACES)
        if taken[event.event]:
            yield event


def _actor(actor: Actor, sentences: _Sentences) -> Actor:
    actions = tuple(action for action in actor.actions if sentences.take(action))
    return replace(actor, actions=actions[:MAX_ACTIONS])
