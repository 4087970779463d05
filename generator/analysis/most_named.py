"""Who the story is about, by how often it names them: the person or body an article names
far more than any other ("Apple", twenty times in a guide to its accessories) or nearly as
often as the first (the two parties of a piece on their campaigns) is a principal of it,
though it speaks nowhere and its lead tells of it in a possessive or a clause the lead
subjects do not read. Carded like the lead's subjects (`one_place`), before the people the
article names once: a page that shows the one-off speakers and lists the story's principal
in "Also named" reads as if it did not know what the story is about."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.tokens import Doc, Token

from generator.analysis.lead_subjects import may_be_principal
from generator.models import Actor

MOST_NAMED = 2
"""How many of the most named a story has as principals: the one it is about, or the two it
sets against each other."""
LEAST_MENTIONS = 3
"""A name told once or twice is told in passing, whatever the others' counts."""
SHARE_OF_THE_FIRST = 0.5
"""The second most named is a principal where named at least half as often as the first: far
less, it is one of the story's many names (a rival, a partner)."""


def most_named(actors: Iterable[Actor], doc: Doc) -> frozenset[str]:
    """The names of the persons and bodies the article names most (`MOST_NAMED`), each at
    least `LEAST_MENTIONS` times and half as often as the first, but a name that mostly
    names a kind of thing (`_names_things`)."""
    ranked = sorted(
        (actor for actor in actors if may_be_principal(actor)),
        key=lambda actor: -actor.mentions,
    )
    if not ranked:
        return frozenset()
    least = max(LEAST_MENTIONS, SHARE_OF_THE_FIRST * ranked[0].mentions)
    return frozenset(
        actor.name
        for actor in ranked[:MOST_NAMED]
        if actor.mentions >= least and not _names_things(actor.name, doc)
    )


def _names_things(name: str, doc: Doc) -> bool:
    """Whether most of the times the article writes the name, it modifies a common noun or
    a number follows it: a kind of thing ("Force powers", "a Force push"), or a channel or
    product the model cut before its number ("Radio 4"), not a body the story is about
    ("Apple products" beside "Apple cancelled ...")."""
    written = list(_written(name, doc))
    modifying = sum(
        (token.dep_ == "compound" and token.head.pos_ == "NOUN")
        or (token.i + 1 < len(doc) and doc[token.i + 1].like_num)
        for token in written
    )
    return 2 * modifying > len(written)


def _written(name: str, doc: Doc) -> Iterator[Token]:
    """The last word of each place the doc writes the name whole."""
    words = name.split()
    for token in doc:
        if token.text == words[-1] and token.i >= len(words) - 1:
            before = doc[token.i - len(words) + 1 : token.i]
            if [word.text for word in before] == words[:-1]:
                yield token
