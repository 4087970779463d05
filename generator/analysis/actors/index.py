"""Which actor a span refers to: the `ActorIndex` that extraction returns, and its speakers."""

from __future__ import annotations

import functools
from dataclasses import dataclass

from spacy.tokens import Span, Token

from generator.analysis.lexicon import (
    OFFICIAL_NOUNS,
    OWNER_VOICES,
)
from generator.models import Actor


@dataclass(frozen=True)
class ActorIndex:
    """The article's actors, best first, and which tokens refer to which actor."""

    actors: tuple[Actor, ...]
    token_actor: dict[int, str]
    """Token index -> canonical name, for every token of every mention."""
    sources: tuple[str, ...]
    """Outlets the article cites ("according to CNN") that play no part in the story."""
    tags: tuple[str, ...]

    def speaker_name(self, span: Span) -> str | None:
        """Return the canonical name of the actor a span refers to that can speak, or None.

        In "North Korea's vice defence minister, Kim Kang Il" the speaker is the person, not
        the country that owns the title. A place says nothing: "they" after a court named
        for the district it sits in is not the district.
        """
        name = self._name_referred_to(span)
        return None if name in self.places else name

    def _name_referred_to(self, span: Span) -> str | None:
        if span.root.i in self.token_actor:
            return self.token_actor[span.root.i]
        named = [t for t in span if t.i in self.token_actor]
        speaking = [t for t in named if _names_the_noun(t, span.root)]
        if not speaking:
            return self._owner_speaking(named, span.root)
        if all(t.pos_ == "ADJ" for t in speaking) and not _speaks_for_a_country(span.root):
            return None
        names = [self.token_actor[t.i] for t in speaking]
        people = [name for name in names if name in self.people]
        return next(iter(people or names), None)

    def _owner_speaking(self, owners: list[Token], noun: Token) -> str | None:
        """Who speaks through a noun an actor owns: its brief or campaign does
        ("Ivana Trump's brief said"), and a country's or body's officials do ("Russia's
        foreign ministry"); a person's strategist or doctor speaks for themselves."""
        names = [self.token_actor[t.i] for t in owners]
        if noun.lemma_.lower() in OWNER_VOICES:
            return names[0] if names else None
        bodies = [name for name in names if name not in self.people]
        return bodies[0] if bodies and _speaks_for_a_country(noun) else None

    @functools.cached_property
    def people(self) -> frozenset[str]:
        return frozenset(actor.name for actor in self.actors if actor.kind == "person")

    @functools.cached_property
    def places(self) -> frozenset[str]:
        return frozenset(actor.name for actor in self.actors if actor.kind == "place")


GROUP_NOUNS = frozenset(
    {
        "chorus", "group", "number", "host", "handful", "couple", "pair", "majority",
        "minority", "dozen", "dozens", "hundreds", "thousands", "one", "two", "three", "some",
        "many", "most", "all", "several", "few", "none", "each", "both", "either", "neither",
    }
)  # fmt: skip
"""Nouns whose "of" names their members: "a chorus of Republicans", "one of the senators"."""


def _names_the_noun(token: Token, root: Token) -> bool:
    """Whether a token names the noun it hangs from, not an owner or a thing beside it:
    "Peskov" in "Putin's spokesman, Dmitry Peskov", not "Obama" in "Obama's former campaign
    strategist" nor "Board" in "the GOP's complaint to the Board". The members of a group
    name it ("a chorus of prominent Republicans")."""
    current = token
    while current.i != root.i and current.head.i != current.i:
        if current.dep_ == "appos":
            return True
        if current.dep_ == "poss":
            return False
        if current.dep_ == "prep" and not (
            current.lower_ == "of" and current.head.lemma_.lower() in GROUP_NOUNS
        ):
            return False
        current = current.head
    return True


def _speaks_for_a_country(noun: Token) -> bool:
    """Tell whether a noun a nationality adjective describes speaks for the country: officials
    and ministries do, reporters do not; "state media" does."""
    if noun.lemma_.lower() in OFFICIAL_NOUNS:
        return True
    return any(child.lower_ == "state" for child in noun.children)
