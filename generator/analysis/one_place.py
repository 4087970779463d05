"""Keep each statement of an article to at most two places on its brief: a `Brief` and its
parsed `Doc` in, the brief without the repeats out.

A sentence can surface as the at-a-glance line, why it matters, a key fact, a quote, a timeline
event and an actor's "said or did" all at once; read on one page, that is padding, and a brief
longer than its article. Places are filled in order of importance: the at-a-glance line, why it
matters and the key facts show each sentence once; the timeline may give one of them again with
its date, or a quote with its speaker; actors' "said or did" show only what no other place
shows.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import replace

from spacy.tokens import Doc

from generator.models import Actor, Brief, KeyFact, Quote, TimelineEvent

MAX_PLACES = 2
"""How many places on a brief one sentence of the article may fill."""
BRIEF_SHARE = 0.6
"""The brief's words from the article (at a glance, why it matters, key facts, timeline, quotes,
actors' actions), at most, as a share of the article's words: with names, labels and related
reading around them, a brief stays well shorter than its article."""
PAGE_SHARE = 0.9
"""The whole page's words, at most, as a share of the article's."""
WORDS_AROUND = 120
"""Words a page holds beside what the brief takes from the article: headings, labels, related
reading (up to five titles with their reasons) and the source line."""
WORDS_PER_ACTOR = 6
"""Words an actor's box adds beside its name and role ("person", "Role:", "Mentions:" ...)."""
SHORT_ARTICLE_WORDS = 300
"""An article this short or shorter keeps all its places: there is little to shorten."""
MIN_KEY_FACTS = 3
MIN_QUOTES = 2
MIN_EVENTS = 2
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
    timeline = tuple(_events(brief.timeline, sentences))
    quotes = tuple(
        q for q in _once_each(brief.quotes) if sentences.take(_quoted_words(q), places=MAX_PLACES)
    )
    actors = tuple(_actor(actor, sentences) for actor in brief.actors)
    return replace(brief, key_facts=key_facts, quotes=quotes, timeline=timeline, actors=actors)


def _facts(
    facts: Iterable[KeyFact], why_it_matters: str | None, sentences: _Sentences
) -> Iterable[KeyFact]:
    for fact in facts:
        if fact.text != why_it_matters and sentences.take(fact.text):
            yield fact


def _once_each(quotes: Iterable[Quote]) -> Iterable[Quote]:
    """The quotes without a repeat of the same words ("Meth. We're on it." quoted twice)."""
    seen: set[str] = set()
    for quote in quotes:
        words = " ".join(re.findall(r"\w+", quote.text.lower()))
        if words not in seen:
            seen.add(words)
            yield quote


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


def fit_to_article(brief: Brief, doc: Doc) -> Brief:
    """Return the brief with its article's words cut to `BRIEF_SHARE` of the article, taking
    first what matters least: actors' actions, then timeline events that restate a sentence the
    brief shows above them, then quotes beyond `MIN_QUOTES`, then other timeline events beyond
    `MIN_EVENTS` from the last the article tells, then key facts beyond `MIN_KEY_FACTS`."""
    article_words = len(doc.text.split())
    if article_words <= SHORT_ARTICLE_WORDS:
        return brief
    budget = min(BRIEF_SHARE, PAGE_SHARE) * article_words
    budget = min(budget, PAGE_SHARE * article_words - _page_words_around(brief))
    actors = list(brief.actors)
    quotes, facts = list(brief.quotes), list(brief.key_facts)
    events = sorted(brief.timeline, key=lambda event: event.sentence_index)

    def used() -> int:
        texts = [
            brief.at_a_glance,
            brief.why_it_matters or "",
            *(fact.text for fact in facts),
            *dict.fromkeys(event.event for event in events),
            *(quote.text for quote in quotes),
            *(action for actor in actors for action in actor.actions),
        ]
        return sum(len(text.split()) for text in texts)

    shown = _Sentences(doc)
    for text in (brief.at_a_glance, brief.why_it_matters or "", *(fact.text for fact in facts)):
        shown.take(text, places=MAX_PLACES)
    restated = [event for event in events if _restates(event, shown)]
    while used() > budget:
        with_actions = [i for i, actor in enumerate(actors) if actor.actions]
        if with_actions:
            last = with_actions[-1]
            actors[last] = replace(actors[last], actions=actors[last].actions[:-1])
        elif restated:
            # An event the brief already states, dated in its own words, goes before a quote.
            dropped = restated.pop()
            events = [event for event in events if event.event != dropped.event]
        elif len(quotes) > MIN_QUOTES:
            # A speaker quoted before gives up a later quote first: more voices, fewer words.
            speakers = [quote.speaker for quote in quotes]
            again = [i for i, who in enumerate(speakers) if who in speakers[:i]]
            quotes.pop(again[-1] if again else -1)
        elif len(dict.fromkeys(event.event for event in events)) > MIN_EVENTS:
            latest = events[-1].sentence_index
            events = [event for event in events if event.sentence_index != latest]
        elif len(facts) > MIN_KEY_FACTS:
            facts.pop()
        else:
            break
    kept = {id(event) for event in events}
    timeline = tuple(event for event in brief.timeline if id(event) in kept)
    return replace(
        brief,
        key_facts=tuple(facts),
        quotes=tuple(quotes),
        timeline=timeline,
        actors=tuple(actors),
    )


def _restates(event: TimelineEvent, shown: _Sentences) -> bool:
    """Whether an event's sentence is already shown by the at-a-glance line, why it matters or
    a key fact."""
    return any(shown.shown[i] for i in shown.sources(event.event))


def _page_words_around(brief: Brief) -> int:
    """The page's words that are not the article's sentences: actors' names and roles, and
    `WORDS_AROUND` for the rest."""
    boxed = sum(
        len(actor.name.split()) + len((actor.role or "").split()) + WORDS_PER_ACTOR
        for actor in brief.boxed_actors
    )
    listed = sum(
        len(" ".join((actor.name, *actor.aliases)).split()) + 1
        for actor in (*brief.named_actors, *brief.places)
    )
    return boxed + listed + WORDS_AROUND
