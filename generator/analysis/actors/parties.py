"""One party under two names: "the Labour Party" and "Labour" are one body."""

from __future__ import annotations

import functools
import importlib.resources
from dataclasses import dataclass

import yaml
from spacy.tokens import Doc

from generator.analysis.actors.mentions import Cluster, join, retype
from generator.analysis.gazetteer import load_gazetteer

PARTY = "party"
"""The one body word a name is told with and without in the same article, in either order
("the Labour Party" and "Labour", "Plaid Cymru Party" and "Plaid Cymru"); other bodies'
short names are `bodies_by_first_word`'s, where the full name comes first."""


def parties_by_their_name(clusters: list[Cluster]) -> list[Cluster]:
    """Fold the body named "X" into the one named "X Party", whichever the article names
    first or more often: one party under two names."""
    parties = {
        c.name.rsplit(" ", 1)[0]: c
        for c in clusters
        if c.kind == "organisation" and c.name.casefold().endswith(f" {PARTY}")
    }
    merged: set[int] = set()
    for cluster in clusters:
        party = parties.get(cluster.name)
        if party is not None and cluster.kind == "organisation" and cluster is not party:
            merged |= join(party, [cluster], "parties_by_their_name, the name without 'Party'")
    return [c for c in clusters if id(c) not in merged]


PARTY_NAMES_FILE = "party_names.yml"


@dataclass(frozen=True)
class Party:
    """A party of `data/party_names.yml`: its full name, its other names, its country."""

    name: str
    country: str
    names: frozenset[str]
    """Every name of it casefolded, the full one too."""


@functools.cache
def known_parties() -> tuple[Party, ...]:
    resource = importlib.resources.files("generator.analysis") / "data" / PARTY_NAMES_FILE
    return tuple(
        Party(
            entry["party"],
            entry["country"],
            frozenset(n.casefold() for n in (entry["party"], *entry["names"])),
        )
        for entry in yaml.safe_load(resource.read_text(encoding="utf-8"))
    )


def parties_by_their_short_names(doc: Doc, clusters: list[Cluster]) -> list[Cluster]:
    """Fold a party's short names and nicknames into one actor, a body: "Tories",
    "Conservatives" and "the Conservative Party" are one party, and "Liberal" the model cut
    from "Liberal Democrat" is that party. A name many parties share ("Conservatives" in
    Britain and Canada) is the party of the country the story names, by the country itself or
    by another of its parties; a name the text makes whole needs no such clue."""
    whole = {id(c): party for c in clusters if (party := _made_whole(doc, c)) is not None}
    in_story = {_bare_name(c.name) for c in clusters} | {c.name.casefold() for c in clusters}
    countries = {c.name for c in clusters if c.kind == "country"} | _countries_of_capitals(clusters)
    countries |= {country for name in in_story if (country := _country_named(name)) is not None}
    countries |= {party.country for party in whole.values()}
    by_party: dict[str, list[Cluster]] = {}
    for cluster in clusters:
        party = whole.get(id(cluster)) or _party_of(cluster, countries)
        if party is not None and _may_be_the_party(cluster):
            by_party.setdefault(party.name, []).append(cluster)
    merged: set[int] = set()
    for name, named in by_party.items():
        keeper = next(
            (c for c in named if _bare_name(c.name) == name.casefold()),
            max(named, key=lambda c: (len(c.mentions), -c.first_token)),
        )
        if id(keeper) in whole or (
            _bare_name(keeper.name) == name.casefold() and keeper.name != name
        ):
            # The table's name: whole where the model cut it, and without the country a
            # generic body's name is given ("Conservative Party (United Kingdom)"), which the
            # party's own name tells.
            keeper.evidence.append(f"named '{name}': {WHOLE}")
            keeper.name = name
        retype(keeper, "organisation", f"{SHORT_NAMES}, a party")
        others = [c for c in named if c is not keeper]
        merged |= join(keeper, others, SHORT_NAMES)
    return [c for c in clusters if id(c) not in merged]


def _may_be_the_party(cluster: Cluster) -> bool:
    """A body or group, or a name only the model took for a person ("Lib Dems", "Lib Dem
    president"): a party's name in the table, with its country in the story, names no one."""
    if cluster.kind in ("organisation", "group"):
        return True
    # The model takes a party's initials for a place too ("UKIP" as GPE); a name the gazetteer
    # knows as a place stays one.
    only_labelled = all(m.by_label for m in cluster.mentions)
    if cluster.kind == "place":
        return only_labelled and load_gazetteer().lookup(cluster.name) is None
    return cluster.kind == "person" and only_labelled


SHORT_NAMES = "parties_by_their_short_names, a name the party table gives it"
WHOLE = "parties_by_their_short_names, the party's name in the table"


def _party_of(cluster: Cluster, countries: set[str]) -> Party | None:
    name = _bare_name(cluster.name)
    found = [p for p in parties_named().get(name, ()) if p.country in countries]
    # Its full name first: "Conservative Party" in a British story is not Canada's.
    return min(found, key=lambda p: p.name.casefold() != name, default=None)


def _countries_of_capitals(clusters: list[Cluster]) -> set[str]:
    """The countries whose capital the story names as a city ("south London" tells Britain)."""
    gazetteer = load_gazetteer()
    capitals = (gazetteer.country_for_capital(c.name) for c in clusters if c.kind == "place")
    return {country.name for country in capitals if country is not None}


def _country_named(name: str) -> str | None:
    """The country a party's name tells, when only parties of one country are so named:
    "Labour" tells Britain; "Conservatives" (Britain's, Canada's) tells none."""
    countries = {p.country for p in parties_named().get(name, ())}
    return countries.pop() if len(countries) == 1 else None


@functools.cache
def parties_named() -> dict[str, tuple[Party, ...]]:
    """Each name of the table, casefolded, and the parties so named."""
    named: dict[str, list[Party]] = {}
    for party in known_parties():
        for name in party.names:
            named.setdefault(name, []).append(party)
    return {name: tuple(parties) for name, parties in named.items()}


@functools.cache
def names_by_word() -> dict[str, tuple[str, ...]]:
    """Each word that opens or ends a name of several words, and those names: where a name
    cut to that word may be made whole."""
    by_word: dict[str, set[str]] = {}
    for name in parties_named():
        words = name.split()
        if len(words) > 1:
            by_word.setdefault(words[0], set()).add(name)
            by_word.setdefault(words[-1], set()).add(name)
    return {word: tuple(sorted(names)) for word, names in by_word.items()}


def _bare_name(name: str) -> str:
    """The name without the country a generic body's name is given ("Conservative Party
    (United Kingdom)"), casefolded."""
    return name.split(" (", 1)[0].casefold()


def _made_whole(doc: Doc, cluster: Cluster) -> Party | None:
    """The party whose name the cluster's words open or end, where the text around each of
    its mentions gives the rest: "Liberal" of "Liberal Democrat leader", "Democrats" of
    "the Liberal Democrats"."""
    name = cluster.name.casefold().split()
    candidates = {*names_by_word().get(name[0], ()), *names_by_word().get(name[-1], ())}
    for whole in sorted(candidates):
        words = whole.split()
        extra = len(words) - len(name)
        if extra > 0 and all(
            _reads(doc, m.span.start, m.span.end + extra, words)
            or _reads(doc, m.span.start - extra, m.span.end, words)
            for m in cluster.mentions
        ):
            return parties_named()[whole][0]
    return None


def _reads(doc: Doc, start: int, end: int, words: list[str]) -> bool:
    return start >= 0 and end <= len(doc) and [t.lower_ for t in doc[start:end]] == words
