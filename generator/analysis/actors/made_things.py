"""Made things named after their maker: "Apple Watch Series" or "Amazon Music" on a page that
names Apple and Amazon as companies is one of their products, not an actor.

A page that sells or reviews things names dozens of them, and the model labels most of them a
body's or a person's name. The page's own cue is the maker's name before the thing's: a company
the page names alone ("Dell said", "deals on Apple devices") or with a legal form ("Dell
Technologies Inc."), followed by more capitalised words. A company's branch continues the
maker's name too ("Fox News", "Amazon Web Services", "Nissan North America", "Ford Motor"): a
word of bodies, a place, a plural noun or a long name's "and"/"of" keeps it a body, and so does
any mention of the name that does something ("Google Cloud said").
"""

from __future__ import annotations

import functools
from collections import Counter

from spacy.tokens import Token

from generator.analysis.actors.mentions import Mention
from generator.analysis.actors.spans import name_text
from generator.analysis.actors.things import acts, speaks, thing_words
from generator.analysis.datelines import title_case
from generator.analysis.dictionary import is_plural_noun
from generator.analysis.gazetteer import Gazetteer
from generator.analysis.lexicon import INSTITUTION_NOUNS, ORGANISATION_NAME_ENDS
from generator.analysis.place_names import PlaceNames
from generator.analysis.rule_files import casefolded, packaged_data

LINKS_OF_A_LONG_NAME = frozenset({"&", "and", "of", "for"})
BRANCH_WORDS_FILE = "company_branch_words.yml"


@functools.cache
def branch_words() -> frozenset[str]:
    """Words that continue a company's name as a body of its own, from the data file, with
    the words that end a body's name anywhere."""
    return casefolded(packaged_data(BRANCH_WORDS_FILE)) | ORGANISATION_NAME_ENDS | INSTITUTION_NOUNS


def without_made_things(
    mentions: list[Mention],
    places: PlaceNames,
    gazetteer: Gazetteer,
    things: frozenset[str] = frozenset(),
    standards: frozenset[str] = frozenset(),
) -> list[Mention]:
    """Drop the mentions of names that start with a maker's name the page gives (and the rest
    of whose words name no branch of it), unless a mention of the name does something: a
    company's product, not an actor ("the Apple Watch Series 3", "Amazon Music Unlimited").
    things are names a rule found to be things (casefolded words): a name that starts with
    one is another model of its line ("MacBook Air" where "the 12-inch MacBook" is one).
    standards are acronyms the page writes as a thing's (`acronyms_of_things`): a name they
    open is made to that standard ("GSM Unlocked Phones" beside "GSM carriers")."""
    makers = _makers(mentions, places, gazetteer)
    # A thing's line counts as a maker the page names twice: no given name is a thing.
    lines = {tuple(thing.split()) for thing in things}
    makers.update(dict.fromkeys(lines, 2))
    of_standards: set[tuple[str, ...]] = {(standard.casefold(),) for standard in standards}
    makers.update(dict.fromkeys(of_standards, 1))
    if not makers:
        return mentions
    by_name: dict[str, list[Mention]] = {}
    of_a_line: set[str] = set()
    for mention in mentions:
        maker = _maker_of(mention, makers, places, gazetteer, of_standards)
        if maker is not None:
            name = thing_words(mention.span)
            by_name.setdefault(name, []).append(mention)
            if maker in lines:
                of_a_line.add(name)
    dropped = {
        id(mention)
        for name, group in by_name.items()
        # Another model of a thing's line is a thing whatever the grammar makes it do ("MacBook
        # Air ... chargers have advanced"); only a verb of saying tells the parse made a body.
        if not any(speaks(m.span) if name in of_a_line else _does_something(m) for m in group)
        for mention in group
    }
    return [mention for mention in mentions if id(mention) not in dropped]


def _makers(
    mentions: list[Mention], places: PlaceNames, gazetteer: Gazetteer
) -> Counter[tuple[str, ...]]:
    """The page's companies as casefolded words, with how often the page names them: every
    name typed a body, and the name before a legal form ("Dell" of "Dell Inc."); not a place
    a list knows, whose name begins the names of bodies of the place ("Dhaka Stock
    Exchange")."""
    makers: Counter[tuple[str, ...]] = Counter()
    for mention in mentions:
        if mention.kind != "organisation":
            continue
        words = thing_words(mention.span).split()
        if len(words) > 1 and places.is_legal_form(mention.span[-1].text):
            words = words[:-1]
        name = " ".join(words)
        if gazetteer.lookup(name) is None and places.place_source(title_case(name)) is None:
            makers[tuple(words)] += 1
    return makers


def _maker_of(
    mention: Mention,
    makers: Counter[tuple[str, ...]],
    places: PlaceNames,
    gazetteer: Gazetteer,
    standards: set[tuple[str, ...]],
) -> tuple[str, ...] | None:
    """The maker whose whole name a body's or a person's name (typed by no list) starts with,
    where it goes on with capitalised words that name no branch of it. After a standard's
    acronym a plural noun or a census name names no branch or person ("GSM Unlocked Phones",
    "SIM Card"): a body of a standard has a body's word ("GSM Association")."""
    if mention.kind not in ("organisation", "person") or _is_listed(mention):
        return None
    words = tuple(thing_words(mention.span).split())
    tokens = [t for t in mention.span if not t.is_space]
    while tokens and tokens[0].pos_ == "DET":
        tokens = tokens[1:]
    for length in range(1, len(words)):
        # The model calls a given name alone a body now and then ("Megawati", "Julia"): a
        # person's name is a made thing only after a maker the page names twice, and no
        # given name.
        if makers[words[:length]] >= (2 if mention.kind == "person" else 1) and not (
            mention.kind == "person" and places.is_given_name(mention.span[0].text)
        ):
            rest = tokens[length:]
            text = name_text(mention.span[rest[0].i - mention.span.start :]) if rest else ""
            rest_words = [t.text for t in rest]
            of_a_standard = words[:length] in standards
            kind = "standard" if of_a_standard else mention.kind
            is_made = (
                _is_capitalised(rest)
                and not names_a_branch(rest_words, text, kind, places, gazetteer)
                and (of_a_standard or not ends_in_a_persons_name(rest_words, places))
            )
            return words[:length] if is_made else None
    return None


def _is_listed(mention: Mention) -> bool:
    return mention.evidence == "registry" or mention.evidence.startswith(("gazetteer", "rule"))


def _is_capitalised(rest: list[Token]) -> bool:
    """Whether the words after the maker's name are a name's or a model code ("Watch
    Series", "G3", "eGift Card"), not a common word glued to it."""
    return (bool(rest) and not rest[0].is_lower) or any(t.like_num for t in rest)


def names_a_branch(
    rest: list[str], text: str, kind: str, places: PlaceNames, gazetteer: Gazetteer
) -> bool:
    """Whether the words after a maker's name (rest, written as text) make a body of their
    own: a word of bodies ("News", "Police", "Bank", a legal form), a place ("Nissan North
    America"), "and" or "of" in a long name ("Nissan Sales & Regional Operations") or, for a
    name typed a body, a plural noun at its end ("Amazon Web Services", "Epic Games")."""
    last = rest[-1]
    return (
        any(word.lower() in branch_words() for word in rest)
        or places.is_legal_form(last)
        or any(word.lower() in LINKS_OF_A_LONG_NAME for word in rest)
        or gazetteer.lookup(text) is not None
        or places.place_source(text) is not None
        or any(gazetteer.lookup(word) is not None for word in rest)
        or (kind == "organisation" and is_plural_noun(last))
    )


def ends_in_a_persons_name(rest: list[str], places: PlaceNames) -> bool:
    """Whether the words after a maker's name hold a person's: a given name ("Army Spc Caleb
    Barnes") or, at the end, a name the census gives to many people ("LeBron James", where
    the model also called "LeBron" alone a body); "Apple Pay" holds neither."""
    return any(places.is_given_name(word) for word in rest) or places.is_common_name(rest[-1])


def _does_something(mention: Mention) -> bool:
    """Whether a mention is the subject of a verb in running text ("Google Cloud cut its
    prices"); a name the model calls a person's must speak ("Sony Music said"): a product
    "works", "starts at" or "comes with" as often as a company acts."""
    return speaks(mention.span) if mention.kind == "person" else acts(mention.span)
