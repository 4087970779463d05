"""Typed, immutable data passed between the pipeline stages.

ingest -> Article; extract -> Brief (with KeyFact, Actor, TimelineEvent, Quote, RelatedLink);
render -> Markdown text.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal

ActorKind = Literal["person", "organisation", "country", "place", "group"]
DatePrecision = Literal["year", "month", "day", "relative"]
QuoteKind = Literal["direct", "partial", "reported"]


@dataclass(frozen=True)
class Verdict:
    """A fact check's finding: the claim it checked, the rating it gave and who rated it, as the
    page states them (schema.org `ClaimReview`, or front matter's `rating`, `claim`,
    `claimant` and `rated_by`)."""

    rating: str
    """The rating in the fact checker's words ("Mostly True", "Unproven")."""
    claim: str | None = None
    """The claim checked, as the fact checker states it."""
    reviewer: str | None = None
    """Who rated it (the fact checker); None: the article's source."""
    claimant: str | None = None
    """Who made the claim, when the page names them."""


@dataclass(frozen=True)
class Article:
    """One article from `content/`, cleaned of page furniture."""

    path: str
    """Path of the source file, relative to the content folder (used in messages)."""
    slug: str
    """File name of the brief, without `.md`."""
    title: str
    paragraphs: tuple[str, ...]
    """Body paragraphs in reading order; furniture, tags and 'Also Read' lines removed."""
    standfirst: str | None = None
    """The page's deck: the summary it sets under the headline (a scraped page's sentence
    between headline and byline, a saved page's sub-headline or the description it shows, front
    matter's `description`, `subtitle` or `summary`). The page's, not always the article's
    text: the brief shows it as its at-a-glance line when it is a whole sentence."""
    date: dt.date | None = None
    source: str | None = None
    """Outlet or byline."""
    url: str | None = None
    author: str | None = None
    tags: tuple[str, ...] = ()
    """Tags from the front matter."""
    tag_line: str | None = None
    """A scraped page's trailing line of tags ("Vladimir Putin Kim Jong Un"), split later by
    matching actor names."""
    also_read: tuple[str, ...] = ()
    """Titles from the article's own 'Also Read:' lines."""
    language: str | None = None
    """ISO 639 code of the article's language ("en", "ja"), when known: from the front matter,
    or identified in a web page's text (the analysis identifies that of other articles whose
    words read as little English). Only English is analysed."""
    verdict: Verdict | None = None
    """A fact check's verdict on the claim it checks, where the page states it as data (a
    `ClaimReview`, front matter): the brief opens on it."""

    @property
    def body(self) -> str:
        """Return the body as analysed: paragraphs separated by blank lines."""
        return "\n\n".join(self.paragraphs)


@dataclass(frozen=True)
class KeyFact:
    """A complete sentence from the article (or a faithful trimming of one)."""

    text: str
    sentence_index: int
    """Position of the source sentence in the body, for ordering and tests."""


@dataclass(frozen=True)
class Actor:
    """A person, organisation, country, place or group that takes part in the story."""

    id: str
    """Stable slug of the canonical name."""
    name: str
    kind: ActorKind
    role: str | None
    """Role in the story as the article states it (titles, appositions)."""
    aliases: tuple[str, ...]
    """Other surface forms merged under this name ("Putin", "US", "Pyongyang")."""
    mentions: int
    actions: tuple[str, ...] = ()
    """What the actor said or did: clauses of the article with the actor as subject."""
    evidence: tuple[str, ...] = ()
    """Why the actor has its kind and its names: what typed its mentions (a rule of
    `data/actor_rules.yml`, a gazetteer, the registry, the model's label) and the merges and
    retypings of later passes."""
    quoted: int = 0
    """How many distinct statements of the article it speaks, given to a person quoted in two or
    more (`one_place.voices`) so that it gets a card though its words are in the quotes."""
    is_story_subject: bool = False
    """What the story is about: the first actor the headline names but a place
    (`one_place.headline_subject`), or a person or body the lead's main clauses have as their
    subject or object (`lead_subjects`): carded though the lead and key facts tell all it did."""


@dataclass(frozen=True)
class TimelineEvent:
    """A dated event: the date as written, its normalised value and what happened then."""

    date_text: str
    value: str
    """ISO prefix (`2000`, `2000-07`, `2000-07-19`) or, when unresolved, the date as written."""
    precision: DatePrecision
    event: str
    sentence_index: int
    is_expected: bool = False
    """A forecast, plan or scheduled date ("prices would rise by 2.2 per cent in 2025", "will
    travel on Friday"): what the article expects, not what happened."""


@dataclass(frozen=True)
class Quote:
    """A direct, partial or reported statement with its speaker."""

    text: str
    """The words in quotation marks, or the reported content."""
    context: str
    """The clause the quotation sits in, as the article words it."""
    speaker: str | None
    """Canonical actor name, or None when the article names no speaker."""
    kind: QuoteKind
    sentence_index: int
    speaker_description: str | None = None
    """How the article describes a speaker it does not name ("a doctor on the scene"), shown
    as a description, never as a name; None when it names the speaker or says nothing of them."""


@dataclass(frozen=True)
class RelatedLink:
    """A piece of related reading and why it relates."""

    title: str
    slug: str | None
    """Slug of the related brief when it is in the corpus."""
    reason: str


@dataclass(frozen=True)
class Brief:
    """Everything a brief holds, ready to render."""

    article: Article
    at_a_glance: str
    why_it_matters: str | None
    key_facts: tuple[KeyFact, ...]
    actors: tuple[Actor, ...]
    timeline: tuple[TimelineEvent, ...]
    quotes: tuple[Quote, ...]
    tags: tuple[str, ...]
    """The main actors' names, used as the brief's tags."""
    # The next three are words separated by spaces: one string per brief rather than a tuple of
    # a thousand strings keeps 10,000 briefs in a fifth of the memory.
    terms: str = ""
    """Content lemmas of title and body, for the distinctive terms of related reading."""
    words: str = ""
    """Every word of title and body, lowercased, for the text similarity of related reading."""
    proper_nouns: str = ""
    """Proper nouns of the body, lowercased: names weigh again in that text similarity."""
    cited_sources: tuple[str, ...] = ()
    """Outlets the article cites ("according to CNN"), shown beside its source."""
    related: tuple[RelatedLink, ...] = field(default=())
    quotes_found: tuple[Quote, ...] = ()
    """Every quote the analysis found, before the page keeps each statement to two places and
    to its length (`quotes` is what the page shows): `briefs analyse` reports these."""

    @property
    def boxed_actors(self) -> tuple[Actor, ...]:
        """Actors that get a box: those with a role, something they said or did, the quotes
        of the story's main voice or the headline's subject, but places."""
        return tuple(actor for actor in self.actors if actor.kind != "place" and _is_carded(actor))

    @property
    def named_actors(self) -> tuple[Actor, ...]:
        """Actors with nothing to show beyond their name, listed in one line like places."""
        return tuple(
            actor for actor in self.actors if actor.kind != "place" and not _is_carded(actor)
        )

    @property
    def places(self) -> tuple[Actor, ...]:
        return tuple(actor for actor in self.actors if actor.kind == "place")


def _is_carded(actor: Actor) -> bool:
    return bool(actor.role or actor.actions or actor.quoted or actor.is_story_subject)


@dataclass(frozen=True)
class Appearance:
    """One brief in which an actor appears."""

    slug: str
    title: str
    date: dt.date | None
    role: str | None
    mentions: int


@dataclass(frozen=True)
class RoleSeen:
    """A role an actor was given, and the briefs that give it."""

    role: str
    briefs: tuple[tuple[str, str], ...]
    """(slug, title) of each brief."""


@dataclass(frozen=True)
class Companion:
    """An actor often seen in the same briefs as another."""

    id: str
    name: str
    shared_briefs: int


@dataclass(frozen=True)
class ActorPage:
    """Everything the corpus says about one actor."""

    id: str
    name: str
    kind: ActorKind
    aliases: tuple[str, ...]
    description: str | None
    """From the analysts' registry, `content/actors.yml`."""
    roles: tuple[RoleSeen, ...]
    """Most often given first."""
    appearances: tuple[Appearance, ...]
    """Newest first."""
    companions: tuple[Companion, ...]


@dataclass(frozen=True)
class TimelineYear:
    """One year of the corpus timeline, which has a page of its own."""

    year: str
    events: int
    briefs: int


@dataclass(frozen=True)
class CorpusEvent:
    """A dated event of the corpus timeline, with the brief it comes from."""

    event: TimelineEvent
    slug: str
    title: str
