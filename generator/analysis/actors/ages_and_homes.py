"""The age and home a text sets beside a person's name, their role where the text gives no
other: "Tom Barr, 31, from Leeds" -> "aged 31, from Leeds"; "52-year-old Ann Lowe of Ely" ->
"aged 52, of Ely". Moved from `described_roles`, which ranks them below any post.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from generator.models import Actor

HOME_PREPOSITIONS = frozenset({"from", "of"})
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
PLACE_KINDS = frozenset({"place", "country"})
AGE_BEFORE = re.compile(r"^(\d{1,3})-year-old$")


def ages_and_homes(
    doc: Doc, token_actor: dict[int, str], people: dict[str, Actor], kinds: dict[str, str]
) -> dict[str, str]:
    """Each person's first age or home set beside their name: "aged 31, from Leeds" of "Tom
    Barr, 31, from Leeds,", "aged 52, of Ely" of "52-year-old Ann Lowe of Ely"."""
    found: dict[str, str] = {}
    for start, end, name in _name_spans(token_actor, people):
        if name in found:
            continue
        age = _age_before(doc, start)
        position = end
        if age is None and _is_a_comma(doc, position) and _is_an_age(doc, position + 1):
            age, position = doc[position + 1].text, position + 2
        home = _home_after(doc, position, token_actor, kinds, with_an_age=age is not None)
        parts = [part for part in (age and f"aged {age}", home) if part]
        if parts:
            found[name] = ", ".join(parts)
    return found


def _name_spans(
    token_actor: dict[int, str], people: dict[str, Actor]
) -> list[tuple[int, int, str]]:
    """The runs of tokens that name a person, in order: (start, end, the person's name)."""
    spans: list[tuple[int, int, str]] = []
    for i in sorted(token_actor):
        name = token_actor[i]
        if name not in people:
            continue
        if spans and spans[-1][1] == i and spans[-1][2] == name:
            spans[-1] = (spans[-1][0], i + 1, name)
        else:
            spans.append((i, i + 1, name))
    return spans


def _age_before(doc: Doc, start: int) -> str | None:
    """The age of "52-year-old Ann Lowe", as its number."""
    if start == 0:
        return None
    found = AGE_BEFORE.match(doc[start - 1].text)
    if found is None and start >= 5:
        # The tokenizer splits "52-year-old" into its parts.
        words = "".join(t.text for t in doc[start - 5 : start])
        found = AGE_BEFORE.match(words)
    return found.group(1) if found else None


def _is_a_comma(doc: Doc, i: int) -> bool:
    return i < len(doc) and doc[i].text == ","


def _is_an_age(doc: Doc, i: int) -> bool:
    """A number of one to three digits set off by commas: "Tom Barr, 31, said"."""
    return (
        i + 1 < len(doc)
        and doc[i].like_num
        and doc[i].text.isdigit()
        and len(doc[i].text) <= 3
        and doc[i + 1].text == ","
    )


def _home_after(
    doc: Doc, i: int, token_actor: dict[int, str], kinds: dict[str, str], with_an_age: bool
) -> str | None:
    """ "from Leeds", "of Ely": a place the text says the person is from, right there. "of"
    only after an age: right after a name it is as often the name's ("Katherine of Aragon")."""
    if _is_a_comma(doc, i):
        i += 1
    prepositions = HOME_PREPOSITIONS if with_an_age else HOME_PREPOSITIONS - {"of"}
    if i + 1 >= len(doc) or doc[i].lower_ not in prepositions:
        return None
    objects = [c for c in doc[i].children if c.dep_ == "pobj"]
    if not objects:
        return None
    place: Span = doc[i : objects[0].right_edge.i + 1]
    found = [_kind_of(t, token_actor, kinds) for t in place[1:]]
    if "place" not in found or "body" in found:
        return None  # "of the Daily Ledger", "from Acme": a body, no home
    return place.text


def _kind_of(token: Token, token_actor: dict[int, str], kinds: dict[str, str]) -> str | None:
    """Whether a word names a place or a body or person: by the actor it names, which the
    passes typed ("Punjab" a place whatever the model's label), else by the model's label."""
    kind = kinds.get(token_actor.get(token.i, ""))
    if kind in PLACE_KINDS or (kind is None and token.ent_type_ in PLACE_LABELS):
        return "place"
    if kind is not None or token.ent_type_ in ("ORG", "PERSON", "NORP"):
        return "body"
    return None
