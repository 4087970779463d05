"""Made things the corpus names after their maker: "Nintendo Switch Lite" or "Xbox Live", which
the model calls a person's name, in a brief that names no Nintendo or Xbox alone, where other
briefs know Nintendo and Xbox as bodies, is a product, not an actor.

`analysis.actors.made_things` finds a product named after a maker the same page names. A
shopping page often names the product alone; the corpus knows the maker. The same cues as on
one page decide: the maker's whole name first, then capitalised words or a number that name no
branch of it ("Nintendo of America"), no person ("Ford Madox Ford") and no second company; the
name says nothing the brief shows and no brief shows it of its kind on evidence of its own.
Only a name the model calls a person's: a body's label after a maker is as often a company's
branch, channel or service ("BBC One", "Sony Music", "Sun Microsystems"), and the corpus scan
showed no cue that tells those from products ("Intel Core") without the page's maker.
"""

from __future__ import annotations

from collections.abc import Set

from generator.analysis.actors.made_things import ends_in_a_persons_name, names_a_branch
from generator.analysis.gazetteer import load_gazetteer
from generator.analysis.lexicon import PERSON_ROLE_WORDS
from generator.analysis.place_names import place_names
from generator.analysis.registry import actor_id
from generator.corpus.actor_tally import Tally, is_model_typed
from generator.models import Actor, ActorKind

MIN_MAKER_BRIEFS = 2
"""Briefs that must type a name a body, most of those that name it, before it is a maker."""


def makers_of_the_corpus(tally: Tally) -> frozenset[str]:
    """Ids of the corpus's companies: names that at least `MIN_MAKER_BRIEFS` briefs type a
    body, more than any other kind, and that start no person's name the corpus gives in full
    in as many briefs ("Xi" of "Xi Jinping", where the model read "Xi" alone as a body)."""
    makers = set()
    for name_id, seen in tally.kinds.items():
        body = seen.get("organisation")
        if body is None or body.briefs < MIN_MAKER_BRIEFS:
            continue
        others = [seen[kind].briefs for kind in seen if kind != "organisation"]
        if all(briefs < body.briefs for briefs in others):
            makers.add(name_id)
    return frozenset(makers - _first_words_of_people(tally))


def _first_words_of_people(tally: Tally) -> set[str]:
    """The ids of the first words of the people the corpus names in full in at least
    `MIN_MAKER_BRIEFS` briefs: "xi" and "xi-jin" of "xi-jin-ping"."""
    people = tally.people_at.items()
    ids = [person.split("-") for person, at in people if len(at) >= MIN_MAKER_BRIEFS]
    return {"-".join(words[:length]) for words in ids for length in range(1, len(words))}


def maker_of(
    actor: Actor,
    makers: frozenset[str],
    shown: Set[tuple[str, ActorKind]],
    speakers: Set[str],
) -> str | None:
    """The id of the corpus company the actor is a product of, or None: a person only the
    model's label typed, which no brief shows of its kind, whose name starts with a maker's
    whole name and goes on with a product's words, and which has no role and says nothing.
    Bodies are left: "BBC One" and "Sony Music" start with a corpus maker as "Intel Core"
    does, and nothing in one brief tells a channel from a chip."""
    if not (
        actor.kind == "person"
        and is_model_typed(actor)
        and (actor.id, actor.kind) not in shown
        and not (actor.role or actor.quoted or actor.name in speakers)
    ):
        return None
    words = actor.name.split()
    for length in range(1, len(words)):
        maker = actor_id(" ".join(words[:length]))
        if maker in makers:
            is_product = _is_product_after(words[:length], words[length:], actor, makers)
            return maker if is_product else None
    return None


def _is_product_after(
    maker: list[str], rest: list[str], actor: Actor, makers: frozenset[str]
) -> bool:
    """Whether the words after a maker's name make one of its products: capitalised words or a
    number, no branch, no person's name and no second company; a maker that is a place a list
    knows makes nothing ("Dhaka Stock Exchange"), nor a given name a person ("Lincoln Chafee")."""
    places, gazetteer = place_names(), load_gazetteer()
    maker_text, rest_text = " ".join(maker), " ".join(rest)
    return (
        (rest[0][:1].isupper() or any(ch.isdigit() for ch in rest_text))
        and gazetteer.lookup(maker_text) is None
        and places.place_source(maker_text) is None
        and not places.is_given_name(maker[0])
        and maker[0].casefold() not in PERSON_ROLE_WORDS
        and actor_id(rest_text) not in makers
        and not names_a_branch(rest, rest_text, actor.kind, places, gazetteer)
        and not ends_in_a_persons_name(rest, places)
    )
