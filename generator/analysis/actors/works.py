"""The world of a work under review: on a page that reviews a game, a film or a book, the names
the model labels without any other evidence (its characters, factions, powers and items, and the
other works it is compared with: "the Guild", "Marrow Troopers", "Tidefall") are not actors of
the news. Names with evidence of their own stay (a gazetteer's place, a rule's decision), as do
names that act in the text ("Nightjar Studios said"), own something ("Nightjar's last game") or
start with a given name (a reviewed film's cast are people).

And the parts actors play: on a page that names a part played ("reprise his role as Tom
Vance", rule character-in-a-role), a person's name owned by another person's ("Mary Hale's
Captain Ann Vance") is the part that person plays, not a person of the story."""

from __future__ import annotations

import functools
from collections import Counter
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from generator.analysis.actors.mentions import Mention
from generator.analysis.actors.rules import Decided
from generator.analysis.actors.things import acts, thing_words
from generator.analysis.actors.unlabelled_doers import acting_unlabelled_words
from generator.analysis.place_names import PlaceNames
from generator.analysis.rule_files import casefolded, packaged_data

REVIEWED_WORKS_FILE = "reviewed_works.yml"
PART_PLAYED_RULE = "character-in-a-role"
"""The rule whose decision shows that a page speaks of parts actors play."""


@dataclass(frozen=True)
class ReviewCues:
    """What tells a page that reviews a work (see the data file)."""

    headline_words: frozenset[str]
    kinds_of_works: frozenset[str]
    least_mentions_of_the_kind: int
    makers_things: frozenset[str]


@functools.cache
def review_cues() -> ReviewCues:
    data = packaged_data(REVIEWED_WORKS_FILE)
    return ReviewCues(
        headline_words=casefolded(data["headline_words"]),
        kinds_of_works=casefolded(data["kinds_of_works"]),
        least_mentions_of_the_kind=int(data["least_mentions_of_the_kind"]),
        makers_things=casefolded(data["makers_things"]),
    )


def reviews_a_work(doc: Doc, headline: str) -> bool:
    """Whether the headline announces a review and the text calls the work by its kind
    ("the game", "this film") often enough to be about it."""
    cues = review_cues()
    headline_words = {word.strip(":-–—,.'\"").casefold() for word in headline.split()}
    if not headline_words & cues.headline_words:
        return False
    kinds = Counter(
        token.lower_
        for token in doc
        if token.lower_ in cues.kinds_of_works
        and token.pos_ == "NOUN"
        and any(child.dep_ == "det" and child.lower_ in ("the", "this") for child in token.lefts)
    )
    return bool(kinds) and max(kinds.values()) >= cues.least_mentions_of_the_kind


def without_a_works_world(
    doc: Doc, mentions: list[Mention], headline: str, places: PlaceNames
) -> list[Mention]:
    """On a page that reviews a work, drop the names typed by the model's label alone that
    do nothing in the text: the work's world, not the news's actors."""
    if not reviews_a_work(doc, headline):
        return mentions
    by_name: dict[str, list[Mention]] = {}
    for mention in mentions:
        by_name.setdefault(thing_words(mention.span), []).append(mention)
    # A word that acts where the model labels nothing ("Respawn clearly needed more time")
    # acts as much as one it labels: the studio, not a name of the work's world.
    acting = acting_unlabelled_words(doc)
    world = {
        name
        for name, group in by_name.items()
        if name not in acting and all(_of_the_works_world(m, places) for m in group)
    }
    # "the third game from Nightjar Studios" stays with "Nightjar said": the maker's whole name.
    makers = {name.split()[0] for name in by_name if name not in world}
    world = {name for name in world if name.split()[0] not in makers}
    return [mention for mention in mentions if thing_words(mention.span) not in world]


def _of_the_works_world(mention: Mention, places: PlaceNames) -> bool:
    """A name with no evidence but the model's label that neither acts nor owns a work, and
    that no given name starts (a cast member, a director)."""
    span = mention.span
    return (
        mention.by_label
        and not mention.is_demonym
        and not acts(span)
        and not _owns_a_work(span)
        and not places.is_given_name(span[0].text)
        and not starts_with_initials(span)
    )


def _owns_a_work(span: Span) -> bool:
    """Whether the name's possessive owns a work or a maker's thing ("Nightjar's last game",
    "Nightjar's work": its maker; `makers_things` of the data file). What a
    character owns in the story ("Korr's ship", "Rena's sword") is of the work's world too."""
    after = span.doc[span.end] if span.end < len(span.doc) else None
    if after is None or after.tag_ != "POS":
        return False
    owned = span.root.head if span.root.dep_ == "poss" else after.head
    cues = review_cues()
    # A name it owns ("Nightjar's Tidefall") is a work's title as often as not.
    return owned.pos_ != "NOUN" or owned.lemma_.lower() in cues.kinds_of_works | cues.makers_things


def starts_with_initials(span: Span) -> bool:
    """A person's name after their initials: "JK Rowling", "J.R. Hale" (the writer of the
    reviewed book is a person, whatever the model labels the name)."""
    first = span[0].text.replace(".", "")
    return len(span) > 1 and 1 <= len(first) <= 3 and first.isalpha() and first.isupper()


def without_parts_played(
    mentions: list[Mention], decided: list[Decided], places: PlaceNames
) -> list[Mention]:
    """On a page that names a part played, drop the people named after another person's
    possessive: the actor's part ("Mary Hale's Captain Ann Vance")."""
    if not any(decision.rule.name == PART_PLAYED_RULE for decision in decided):
        return mentions
    return [m for m in mentions if not (m.kind == "person" and _owned_by_a_person(m, places))]


def _owned_by_a_person(mention: Mention, places: PlaceNames) -> bool:
    """Whether the name, or a title before it, has a possessive owner named in two words or
    more that start with a given name: "Mary Hale's" of "Mary Hale's Captain Ann Vance"."""
    span = mention.span
    heads = [span.root, *(t for t in span.root.children if t.dep_ == "compound")]
    for head in heads:
        for owner in head.children:
            if owner.dep_ == "poss" and owner.i < span.start and owner.pos_ == "PROPN":
                first = owner.left_edge
                return first.i < owner.i and places.is_given_name(first.text)
    return False
