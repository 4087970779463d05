"""The genre of a page, decided once per document: a page about made things (a shopping guide, a
page of deals, a product's review, a car's specifications) or a news story.

On a page about made things, the model labels products, games, trims and services people or
bodies by the dozen ("Samurai Shodown", "AppleSkin", "Gran Turismo"). There, a name with no
evidence but the model's label that never does what a body or a person does (it is the subject
of no verb, owns nothing, starts with no given name) is a thing: no card. Makers that act
("Apple said", "the carmaker's ...") keep theirs, as do names a gazetteer, a list, a legal
form, a rule or the registry types. The cues are data (`data/page_genres.yml`).
"""

from __future__ import annotations

import dataclasses
import functools
import re
from collections import Counter
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from generator.analysis.actors.body_names import NAME_OF_A_BODY_NAMED_BEFORE
from generator.analysis.actors.mentions import (
    LISTED,
    SURNAME_OF_A_FULL_NAME,
    UNSHOWN,
    Cluster,
    Mention,
)
from generator.analysis.actors.things import acts
from generator.analysis.actors.works import starts_with_initials
from generator.analysis.entity_index import entities_of
from generator.analysis.grammar import PRICE_LABEL
from generator.analysis.place_names import PlaceNames
from generator.analysis.rule_files import casefolded, packaged_data
from generator.analysis.token_lists import token_lists
from generator.models import Actor

PAGE_GENRES_FILE = "page_genres.yml"
NAMED_ELSEWHERE = frozenset({NAME_OF_A_BODY_NAMED_BEFORE, SURNAME_OF_A_FULL_NAME})
"""The evidence of a mention the model did not label, added for a name typed elsewhere in the
article ("Tomb Raider" where the model labelled nothing): it shows no kind of its own."""


@dataclass(frozen=True)
class GenreCues:
    """What tells a page about made things (see the data file)."""

    units: frozenset[str]
    single_letter_units: frozenset[str]
    headline_words: frozenset[str]
    headline_pairs: tuple[frozenset[str], ...]
    least_specifications: int
    least_units: int
    least_prices: int
    least_mentions_of_a_subject: int

    @functools.cached_property
    def specification(self) -> re.Pattern[str]:
        """A number and its unit in one token: "61W", "75kWh", "4K"."""
        units = "|".join(sorted(map(re.escape, self.units), key=len, reverse=True))
        return re.compile(rf"\d+(?:\.\d+)?-?(?:{units})", re.IGNORECASE)


@functools.cache
def genre_cues() -> GenreCues:
    data = packaged_data(PAGE_GENRES_FILE)
    return GenreCues(
        units=casefolded(data["units"]),
        single_letter_units=frozenset(str(unit) for unit in data["single_letter_units"]),
        headline_words=casefolded(data["headline_words"]),
        headline_pairs=tuple(casefolded(pair) for pair in data["headline_pairs"]),
        least_specifications=int(data["least_specifications"]),
        least_units=int(data["least_units"]),
        least_prices=int(data["least_prices"]),
        least_mentions_of_a_subject=int(data["least_mentions_of_a_subject"]),
    )


@dataclass(frozen=True)
class Genre:
    """A page about made things, with the counts that say so."""

    evidence: str
    """What decided it, for the actors the page keeps ("page about made things: ...")."""


def genre_of(doc: Doc, headline: str) -> Genre | None:
    """A page about made things where its specifications, prices and headline say so (the data
    file's thresholds); None for any other page."""
    cues = genre_cues()
    units = _specifications(doc, cues)
    specifications = sum(units.values())
    prices = sum(1 for entity in entities_of(doc) if entity.label_ == PRICE_LABEL)
    by_specifications = specifications >= cues.least_specifications and (
        len(units) >= cues.least_units or prices >= cues.least_prices
    )
    by_headline = (
        _headline_says_so(headline, cues) and specifications >= 1 and prices >= cues.least_prices
    )
    if not (by_specifications or by_headline):
        return None
    because = "its headline and " if by_headline and not by_specifications else ""
    return Genre(
        f"page about made things ({because}{specifications} specifications in "
        f"{', '.join(sorted(units))}; {prices} prices)"
    )


def _specifications(doc: Doc, cues: GenreCues) -> Counter[str]:
    """Unit -> how often the text gives a number in it ("61W", "300 hp", "6.1-inch")."""
    found: Counter[str] = Counter()
    for i, text in enumerate(token_lists(doc).text):
        if text[:1].isdigit():
            if cues.specification.fullmatch(text):
                found[text.lstrip("0123456789.-").casefold()] += 1
        elif i and (unit := _unit_after_a_number(doc, i, text, cues)):
            found[unit] += 1
    return found


def _unit_after_a_number(doc: Doc, i: int, text: str, cues: GenreCues) -> str | None:
    """The unit the i-th token is where a number (and a hyphen) comes before it: "6.1-inch",
    "4 K". A word first, as few tokens are units."""
    if len(text) == 1:
        unit = text.casefold() if text in cues.single_letter_units else None
    else:
        unit = text.casefold() if text.casefold() in cues.units else None
    if unit is None:
        return None
    before = doc[i - 1]
    if before.text == "-" and i > 1:
        before = doc[i - 2]
    return unit if before.like_num else None


def _headline_says_so(headline: str, cues: GenreCues) -> bool:
    words = {word.strip(":-–—,.!?'\"’").casefold() for word in headline.split()}
    return bool(words & cues.headline_words) or any(pair <= words for pair in cues.headline_pairs)


def things_of_the_page(
    clusters: list[Cluster], doc: Doc, headline: str, places: PlaceNames
) -> PageThings | None:
    """On a page about made things, the actors only the model's label types that do nothing a
    body or a person does and that are not the page's subject; None on any other page."""
    genre = genre_of(doc, headline)
    if genre is None:
        return None
    names = frozenset(
        cluster.name
        for cluster in clusters
        if all(_by_the_label_alone(m) for m in cluster.mentions)
        and not _does_what_an_actor_does(cluster, places)
        and not _is_the_pages_subject(cluster, headline)
    )
    return PageThings(genre, names)


@dataclass(frozen=True)
class PageThings:
    """The names a page about made things gives its things."""

    genre: Genre
    names: frozenset[str]

    @property
    def evidence(self) -> str:
        return f"{self.genre.evidence}: a thing, it does nothing an actor does"


def marked_as_things(actors: tuple[Actor, ...], things: PageThings | None) -> tuple[Actor, ...]:
    """The actors, each of the page's things marked `UNSHOWN` with the page's genre: the corpus
    shows it only where another brief shows its kind on evidence ("AT&T said")."""
    if things is None or not things.names:
        return actors
    return tuple(
        dataclasses.replace(actor, evidence=(*actor.evidence, things.evidence, UNSHOWN))
        if actor.name in things.names and UNSHOWN not in actor.evidence
        else actor
        for actor in actors
    )


def _by_the_label_alone(mention: Mention) -> bool:
    """Typed by the model's label with nothing else (no list knows it, no rule, no gazetteer),
    or an unlabelled mention of a name so typed elsewhere (`NAMED_ELSEWHERE`)."""
    by_label = mention.by_label and LISTED not in mention.evidence
    return (by_label or mention.evidence in NAMED_ELSEWHERE) and not mention.is_demonym


def _does_what_an_actor_does(cluster: Cluster, places: PlaceNames) -> bool:
    """A mention is the subject of a verb or owns something, or the person's name starts with
    a given name or initials."""
    return any(
        acts(m.span)
        or _owns_something(m.span)
        or (cluster.kind == "person" and _starts_as_a_persons_name(m.span, places))
        for m in cluster.mentions
    )


def _starts_as_a_persons_name(span: Span, places: PlaceNames) -> bool:
    return places.is_given_name(span[0].text) or starts_with_initials(span)


def _owns_something(span: Span) -> bool:
    """ "Mophie's new battery", "Apple's chargers": the maker of the thing it owns."""
    doc = span.doc
    return span.root.dep_ == "poss" or (span.end < len(doc) and doc[span.end].tag_ == "POS")


def _is_the_pages_subject(cluster: Cluster, headline: str) -> bool:
    """A name the headline gives ("deals on Apple devices"), or a body the page names over and
    over (`least_mentions_of_a_subject`: the store of its deals, "on Amazon")."""
    name = cluster.name
    in_headline = name in headline and re.search(rf"(?<!\w){re.escape(name)}(?!\w)", headline)
    many = len(cluster.mentions) >= genre_cues().least_mentions_of_a_subject
    return bool(in_headline) or (cluster.kind == "organisation" and many)
