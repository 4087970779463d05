"""Whole names of places coordinated over a head they share: mentions in, mentions out
("Orange and Riverside counties" names Orange County and Riverside County; "Northern and
central California" names Northern California; "North and South Korea" two countries)."""

from __future__ import annotations

from itertools import pairwise

from spacy.tokens import Span, Token

from generator.analysis.actors.mentions import Mention
from generator.analysis.gazetteer import Gazetteer
from generator.analysis.lexicon import NAMED_PLACE_NOUNS
from generator.analysis.place_names import PlaceNames

MODIFIER_DEPS = frozenset({"amod", "nmod", "compound"})
"""How the first name of a list hangs on the head the list shares."""
SEPARATORS = frozenset({",", "and", "or"})
EVIDENCE = "coordinated_names, a name that shares its head"


def coordinated_names(
    mentions: list[Mention], gazetteer: Gazetteer, places: PlaceNames
) -> list[Mention]:
    """Name each place of a list by the head the list shares: a plural place noun after it,
    where the place lists write the name with it ("Cook and DuPage counties": Cook County,
    DuPage County; "Sindh and Punjab provinces": Sindh, Punjab), or the proper noun after a
    list of modifiers ("North and South Korea", "Northern and Southern California"). A list
    fragment ("Orange and Riverside") or an adjective ("Northern") is no place's name."""
    found: list[Mention] = []
    for mention in mentions:
        is_place = mention.kind == "place"
        named = _named_by_their_head(mention, gazetteer, places) if is_place else None
        found += [mention] if named is None else named
    return found


def _named_by_their_head(
    mention: Mention, gazetteer: Gazetteer, places: PlaceNames
) -> list[Mention] | None:
    """The mentions of each whole name within the mention's span, or None where its list
    shares no head."""
    first = mention.span[0]
    while first.dep_ == "compound" and first.head in mention.span:
        first = first.head  # "Van" of "Van Buren and Cass counties"
    while first.dep_ == "conj" and first.head.i < first.i:
        first = first.head
    members = [first, *first.conjuncts]
    if len(members) < 2 or first.dep_ not in MODIFIER_DEPS or not _is_a_list(members):
        return None
    named = _with_proper_head(members) or _with_place_noun(members, places)
    if named is None:
        return None
    whole = []
    for part, name in named:
        if part == mention.span and name == mention.key:
            whole.append(mention)  # named whole already ("Sindh" of "Sindh and Punjab provinces")
        elif part.start >= mention.span.start and part.end <= mention.span.end:
            country = gazetteer.country_for_name(name)
            kind, key = (country.kind, country.name) if country is not None else ("place", name)
            evidence = f"{mention.evidence}; {EVIDENCE}"
            whole.append(Mention(part, kind, key, evidence=evidence, is_list_part=True))
    return whole


def _is_a_list(members: list[Token]) -> bool:
    """Whether only separators stand between the members' parts: nothing else is coordinated."""
    doc = members[0].doc
    ordered = sorted(members, key=lambda token: token.i)
    for before, after in pairwise(ordered):
        between = doc[before.i + 1 : _part_start(after)]
        if not between or any(token.lower_ not in SEPARATORS for token in between):
            return False
    return True


def _with_proper_head(members: list[Token]) -> list[tuple[Span, str]] | None:
    """ "North and South Korea": modifiers, one word each, coordinated before the proper noun
    they share, which the parser leaves out of the list (the last member is "South", not
    "Korea")."""
    doc = members[0].doc
    last = max(members, key=lambda token: token.i)
    end = last.i + 1
    while end < len(doc) and _is_proper(doc[end]) and doc[end] not in members:
        end += 1
    if end == last.i + 1:
        return None
    head = doc[last.i + 1 : end].text
    return [(doc[m.i : m.i + 1], f"{m.text} {head}") for m in members if m.text[:1].isupper()]


def _with_place_noun(members: list[Token], places: PlaceNames) -> list[tuple[Span, str]] | None:
    """ "Orange and Riverside counties": names before the plural place noun they share, each
    with the noun where the place lists name it so (US counties are; "Sindh Province" is
    not)."""
    doc = members[0].doc
    last = max(members, key=lambda token: token.i)
    noun = doc[last.i + 1] if last.i + 1 < len(doc) else None
    if noun is None or noun.tag_ != "NNS" or noun.lemma_.lower() not in NAMED_PLACE_NOUNS:
        return None
    kind = noun.lemma_.title()
    parts = [doc[_part_start(m) : m.i + 1] for m in members]
    if not all(_is_proper(token) for part in parts for token in part):
        return None
    return [(part, _listed_with(part.text, kind, places)) for part in parts]


def _listed_with(name: str, noun: str, places: PlaceNames) -> str:
    with_noun = f"{name} {noun}"
    return with_noun if places.place_source(with_noun) is not None else name


def _part_start(member: Token) -> int:
    """Where the member's name starts: over the proper nouns before it ("Van" of "Van
    Buren")."""
    start = member.i
    doc = member.doc
    while start > 0 and doc[start - 1].dep_ == "compound" and doc[start - 1].head == member:
        start -= 1
    return start


def _is_proper(token: Token) -> bool:
    return token.pos_ == "PROPN" and token.text[:1].isupper()
