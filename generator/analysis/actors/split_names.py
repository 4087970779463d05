"""Bodies' names the model splits in two: a doc's entities in, one body mention for each name
whose halves the model labelled apart ("Lockheed" a body and "Martin" a person) out."""

from __future__ import annotations

import itertools
from collections.abc import Sequence

from spacy.tokens import Span, Token

from generator.analysis.actors.mentions import Mention
from generator.analysis.lexicon import LEADING_WORDS

LIST_MARKS = frozenset({",", ";", ":", "and", "&", "or"})
"""What stands between the items of a list ("A, B and C"; "nine companies: A, B")."""
REPEATED = "named whole elsewhere"
LISTED = "an item of a list of bodies"


def split_body_mentions(entities: Sequence[Span], text: str) -> list[Mention]:
    """A body mention for two touching entities, the first a body by the model's label, with
    no mark between them, where the text shows they are one name: it writes the two words
    together elsewhere too, or they stand together as one item of a list of bodies
    ("Orbital Works, Lockheed Martin and Deep Blue Labs"). `found.without_overlaps`
    then drops the halves. text is the doc's text."""
    found: list[Mention] = []
    whole = {ent.text for ent in entities if ent.label_ == "ORG"}
    for index, (first, second) in enumerate(itertools.pairwise(entities)):
        if not _touch(first, second):
            continue
        span = first.doc[first.start : second.end]
        span = span[1:] if span[0].lower_ in LEADING_WORDS else span
        if span.text in whole:
            # Where the model labels the name whole a body's, typing that entity decides.
            continue
        if text.count(span.text) > 1:
            why = REPEATED
        elif _is_a_list_item(span) and _lists_bodies(entities, index):
            why = LISTED
        else:
            continue
        # Typed by the model's label of the first half: the passes that weigh a name only the
        # model typed weigh it too (a feature on a page's list of specs is no body).
        # Typed by the model's label of the first half: the passes that weigh a name only the
        # model typed weigh it too (a faction of a game under review is no body).
        evidence = f"one name split, {why}"
        found.append(Mention(span, "organisation", span.text, by_label=True, evidence=evidence))
    return found


def _touch(first: Span, second: Span) -> bool:
    """A body's name and a capitalised name right after it, a space between, on one line."""
    return (
        first.label_ == "ORG"
        and second.label_ in ("PERSON", "PRODUCT", "ORG", "GPE", "NORP")
        and second.start == first.end
        and first[-1].whitespace_ == " "
        and first[-1].is_alpha
        and second[0].is_title
        and second[0].is_alpha  # not an abbreviation ("M.D." of a longer name)
    )


def _is_a_list_item(span: Span) -> bool:
    doc = span.doc
    before = doc[span.start - 1] if span.start > 0 else None
    after = doc[span.end] if span.end < len(doc) else None
    return _is_list_mark(before) and _is_list_mark(after)


def _is_list_mark(token: Token | None) -> bool:
    return token is not None and token.lower_ in LIST_MARKS


def _lists_bodies(entities: Sequence[Span], index: int) -> bool:
    """Whether the item's neighbours in its sentence are bodies' names too, on either side."""
    sentence = entities[index].sent
    around = entities[max(0, index - 2) : index + 4]
    neighbours = [e for e in around if e.sent == sentence and e.label_ == "ORG"]
    return len(neighbours) >= 3  # the first half and two more
