"""The cross-mention pass that joins a body's abbreviation to its name: clusters in, fewer
clusters out ("ECB" into "European Central Bank", "PG&E" into "Pacific Gas & Electric Co.",
"PUC" into "California Public Utilities Commission", "VW" into "Volkswagen")."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from generator.analysis.actors.mentions import Cluster
from generator.analysis.gazetteer import Gazetteer
from generator.analysis.lexicon import OFFICIAL_NOUNS, PERSON_ROLE_WORDS, TITLE_SMALL_WORDS
from generator.analysis.place_names import PlaceNames
from generator.analysis.token_lists import token_lists

ACRONYM = re.compile(r"[A-Z](?:[A-Z]|&(?=[A-Z])){1,5}")
"""Two to six capitals, an "&" between two of them ("PG&E", "AT&T", "S&P")."""
MAX_PLACE_WORDS = 2
"""The longest place name that may open a body's name and its abbreviation ("New York")."""
MODIFIER_DEPS = frozenset({"compound", "nmod", "amod"})
EMPLOYEE_WORDS = PERSON_ROLE_WORDS | OFFICIAL_NOUNS
"""Nouns of people an acronym before them employs ("FBI agents", "a CNN reporter")."""
"""How a word modifies the noun after it ("GSM carriers", "PE shops", "NATO troops")."""


def merge_acronyms(
    clusters: list[Cluster], places: PlaceNames, gazetteer: Gazetteer
) -> list[Cluster]:
    """Fold an acronym into the one name of the article it abbreviates: the name it follows in
    brackets ("Pacific Gas and Electric Company (PG&E)"), else the one name whose initials it
    is ("ECB" of "European Central Bank", "PG&E" of "Pacific Gas & Electric Co.", "PUC" of
    "California Public Utilities Commission", `initials_of`), else the one body of a one-word
    name that spells its letters in order from its first ("VW" into "Volkswagen", "HP" into
    "Hewlett-Packard"). Two bodies of the same initials keep theirs apart."""
    by_initials: dict[str, list[Cluster]] = {}
    for cluster in clusters:
        for initials in initials_of(cluster.name, places, gazetteer):
            found = by_initials.setdefault(initials, [])
            if all(other is not cluster for other in found):
                found.append(cluster)
    one_word_bodies = [
        c
        for c in clusters
        if c.kind == "organisation" and c.name.replace("-", "").isalpha() and not c.name.isupper()
    ]
    acronyms = [c for c in clusters if is_acronym(c.name) and c.kind != "person"]
    bracketed = _bracketed_words(acronyms[0].mentions[0].span.doc) if acronyms else {}
    merged: set[int] = set()
    for short in acronyms:
        letters = short.name.replace("&", "")
        owners = _defined_before(short, clusters, bracketed.get(short.name, []))
        why = "the name it follows in brackets"
        if not owners:
            owners, why = by_initials.get(letters, []), "its initials"
        if not owners:
            owners = [c for c in one_word_bodies if _spells_in_order(c.name, letters)]
            why = "its letters in order in a one-word name"
        owners = [owner for owner in owners if owner is not short]
        if len(owners) != 1 or id(owners[0]) in merged:
            continue
        owner = owners[0]
        owner.mentions.extend(short.mentions)
        owner.surface_forms |= short.surface_forms
        owner.evidence.append(f"merged '{short.name}': merge_acronyms, {why}")
        merged.add(id(short))
    return [c for c in clusters if id(c) not in merged]


def is_acronym(name: str) -> bool:
    return ACRONYM.fullmatch(name) is not None


def acronyms_as_bodies(doc: Doc) -> frozenset[str]:
    """The acronyms the article writes somewhere as a body is written: heading a phrase of its
    own ("the FBI said", "NATO's chief", "members of NATO") or modifying a person's role word
    ("FBI agents", "a CNN reporter": its employer). An acronym that only ever modifies a
    thing's noun ("GSM carriers", "a SIM ejector tool", "PE shops") names a standard, a
    technology or a kind of business, as a noun used as an adjective does."""
    return frozenset(
        doc[i].text for i in _acronym_positions(doc) if not _modifies_a_things_noun(doc[i])
    )


def acronyms_of_things(doc: Doc) -> frozenset[str]:
    """The acronyms the article writes before a common noun ("GSM carriers") and never as a
    body's (`acronyms_as_bodies`): a standard or a technology, whose name opens the names of
    things ("GSM Unlocked Phones"). Before a capitalised word alone ("BBC One") an acronym
    shows nothing."""
    acronyms = _acronym_positions(doc)
    if not acronyms:
        return frozenset()
    before_a_noun = {
        doc[i].text for i in acronyms if _modifies_a_things_noun(doc[i]) and doc[i].head.is_lower
    }
    return frozenset(before_a_noun - acronyms_as_bodies(doc))


def _acronym_positions(doc: Doc) -> list[int]:
    """Where the doc writes an acronym. The text column finds the few (`str.isupper` first: it
    costs a tenth of the pattern); a `Token` is made for those only."""
    texts = token_lists(doc).text
    return [i for i, text in enumerate(texts) if text.isupper() and is_acronym(text)]


def _modifies_a_things_noun(token: Token) -> bool:
    return (
        token.dep_ in MODIFIER_DEPS
        and token.head.pos_ in ("NOUN", "PROPN")
        and token.head.i > token.i
        and token.head.ent_type_ != "PERSON"  # "CNN anchor Jake Tapper"
        and token.head.lemma_.lower() not in EMPLOYEE_WORDS
    )


def initials_of(name: str, places: PlaceNames, gazetteer: Gazetteer) -> set[str]:
    """The initials a name may be abbreviated by, its small words and "&" counting for nothing
    ("ECB" of "European Central Bank", "PGE" of "Pacific Gas & Electric"); the same without
    the legal form that ends a company's name ("Co.") or a last word joined on by "and", and
    without the place or nationality that opens a body's name ("PUC" of "California Public
    Utilities Commission", "CBP" of "U.S. Customs and Border Protection", "CDC" of "Chinese
    Center for Disease Control and Prevention"), which the abbreviation may leave out."""
    words = [word for word in name.split() if word not in TITLE_SMALL_WORDS and word != "&"]
    if len(words) < 2 or not all(word[:1].isupper() for word in words):
        return set()
    variants = [words]
    if places.is_legal_form(words[-1].strip(".,")):
        variants.append(words[:-1])
    if name.split()[-2:-1] == ["and"]:
        # A last word joined on by "and" that the abbreviation predates: "CDC" of "Centers
        # for Disease Control and Prevention".
        variants.append(words[:-1])
    for size in range(1, MAX_PLACE_WORDS + 1):
        opening = " ".join(words[:size])
        if (
            places.place_source(opening) is not None
            or gazetteer.country_for_name(opening)
            or gazetteer.country_for_demonym(opening)
        ):
            variants += [variant[size:] for variant in list(variants)]
    return {"".join(word[0] for word in variant) for variant in variants if len(variant) >= 2}


def _defined_before(short: Cluster, clusters: list[Cluster], brackets: list[int]) -> list[Cluster]:
    """The body whose name the acronym follows in brackets ("the Federal Aviation
    Administration (FAA)"; the model may run the bracket into the name, which ends before
    it), where the name holds the acronym's letters in order from its first letter (Schwartz
    and Hearst's test of a definition)."""
    if not brackets:
        return []
    ends = {
        m.span.end: cluster
        for cluster in clusters
        if cluster.kind != "person" and cluster is not short
        for m in cluster.mentions
    }
    letters = short.name.replace("&", "").casefold()
    found: list[Cluster] = []
    for bracket in brackets:
        owner = ends.get(bracket)
        if owner is None or any(other is owner for other in found):
            continue
        if _holds_in_order(owner.name, letters):
            found.append(owner)
    return found


def _bracketed_words(doc: Doc) -> dict[str, list[int]]:
    """Where brackets that hold one word alone open, by the word ("FAA" of "(FAA)")."""
    found: dict[str, list[int]] = {}
    texts = token_lists(doc).text
    for i in range(1, len(texts) - 1):
        if texts[i - 1] == "(" and texts[i + 1] == ")":
            found.setdefault(texts[i], []).append(i - 1)
    return found


def _holds_in_order(name: str, letters: str) -> bool:
    folded = name.casefold()
    if not folded.startswith(letters[:1]):
        return False
    remaining = iter(folded)
    return all(letter in remaining for letter in letters)


def _spells_in_order(name: str, acronym: str) -> bool:
    """Whether a longer one-word name starts with the acronym's first letter and holds its
    other letters in order, each where a part of the name may start ("VW" of "Volks-wagen",
    "HP" of "Hewlett-Packard"): the abbreviation test of Schwartz and Hearst (2003), for a
    short form the article never spells out in brackets. A letter inside a syllable, after a
    vowel, starts no part ("AP" is not "Apple", "NHL" not "Nashville")."""
    if len(name) < len(acronym) + 3 or name[0].casefold() != acronym[0].casefold():
        return False
    return _spells_from(name, 1, acronym[1:].casefold())


def _spells_from(name: str, start: int, letters: str) -> bool:
    if not letters:
        return True
    return any(
        name[index].casefold() == letters[0]
        and _starts_a_part(name, index)
        and _spells_from(name, index + 1, letters[1:])
        for index in range(start, len(name))
    )


def _starts_a_part(name: str, index: int) -> bool:
    """A capital, a letter after a hyphen, or a consonant after another consonant: where the
    words of a compound name join ("Glaxo|Smith", "Hewlett-|Packard", "Volks|wagen"); not
    the second of a doubled letter ("Nashvi-ll-e")."""
    letter, before = name[index], name[index - 1]
    if letter.isupper() or not before.isalpha():
        return True
    return (
        letter.casefold() not in VOWELS
        and before.casefold() not in VOWELS
        and letter.casefold() != before.casefold()
    )


VOWELS = frozenset("aeiouy")
