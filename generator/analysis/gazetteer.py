"""Country names, demonyms and capitals in; the `Place` they stand for out.

The word lists live in `generator/analysis/data/countries.yml`; this module checks them on load
and answers lookups such as "Pyongyang" -> North Korea or "the US'" -> United States.
"""

from __future__ import annotations

import functools
import importlib.resources
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import yaml
from spacy.lang.en.stop_words import STOP_WORDS

from generator.analysis.dictionary import is_dictionary_word
from generator.errors import BriefError

PlaceKind = Literal["country", "place", "organisation"]
MatchRole = Literal["name", "demonym", "capital"]

PLACE_KINDS: tuple[PlaceKind, ...] = ("country", "place", "organisation")
ENTRY_FIELDS = ("name", "kind", "aliases", "demonyms", "capitals")
LIST_FIELDS = ("aliases", "demonyms", "capitals")

# What one string of each list field is called in messages.
_LIST_ITEM_WORDS = {"aliases": "alias", "demonyms": "demonym", "capitals": "capital"}
_APOSTROPHES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u02bc": "'"})
_LEADING_THE = re.compile(r"the\s+", re.IGNORECASE)
_WORD_BREAK = re.compile(r"[\s-]+")
_SPACED_INITIALS = re.compile(r"(?:[A-Z]\. )+[A-Z]\.")
_INITIALS_WITHOUT_LAST_STOP = re.compile(r"(?:[A-Z]\.)+[A-Z]")
MAX_ABBREVIATION = 4


@dataclass(frozen=True)
class Place:
    """A country, territory or organisation that news reports treat as one actor."""

    name: str
    """The short English name a newsroom uses, e.g. 'North Korea'."""
    kind: PlaceKind
    aliases: tuple[str, ...]
    """Other names for the place, e.g. 'DPRK'."""
    demonyms: tuple[str, ...]
    """Adjective and plural noun forms, e.g. 'North Korean', 'North Koreans'."""
    capitals: tuple[str, ...]
    """Seats of government that reports use to mean the government, e.g. 'Pyongyang'."""


def normalise(text: str) -> str:
    """Return `text` in NFC form with straight apostrophes and single spaces."""
    return " ".join(unicodedata.normalize("NFC", text).translate(_APOSTROPHES).split())


def is_abbreviation(key: str) -> bool:
    """Return whether `key` has no lowercase letters ('US', 'U.S.', 'DPRK'), so case matters."""
    return not any(character.islower() for character in key)


MAX_NAMES_KEPT = 8192
"""Names whose variants are kept (`_variants`): a doc asks the gazetteer about each of its names
and their parts several times over, from the actor passes, the roles and the timeline."""


@functools.lru_cache(maxsize=MAX_NAMES_KEPT)
def _variants(text: str) -> tuple[str, ...]:
    """Return `text` as given, then without a leading 'the' and a trailing possessive."""
    whole = normalise(text)
    without_the = _LEADING_THE.sub("", whole, count=1) if _LEADING_THE.match(whole) else whole
    variants = []
    for candidate in (whole, without_the):
        variants.append(candidate)
        if candidate[-2:] in ("'s", "'S"):
            variants.append(candidate[:-2])
        elif candidate.endswith("'"):
            variants.append(candidate[:-1])
    variants += [form for variant in variants if (form := _abbreviation_form(variant))]
    return tuple(dict.fromkeys(variant for variant in variants if variant))


def _abbreviation_form(text: str) -> str | None:
    """An abbreviation as the gazetteer writes it, from how a page may print it: spaced
    initials ("U. K." -> "U.K."), initials short of their last stop ("U.S" -> "U.S.") or a
    headline's title case ("Uk" -> "UK"; not "Us", a word)."""
    if _SPACED_INITIALS.fullmatch(text):
        return text.replace(" ", "")
    if _INITIALS_WITHOUT_LAST_STOP.fullmatch(text):
        return f"{text}."  # a sentence's full stop took the last one: "in the U.S"
    if (
        text.istitle()
        and text.isalpha()
        and len(text) <= MAX_ABBREVIATION
        and text.lower() not in STOP_WORDS
        and not _is_a_capitalised_word(text)
    ):
        return text.upper()
    return None


def _is_a_capitalised_word(text: str) -> bool:
    """A word of three letters or more that the dictionary knows, capitalised as a title or a
    product's name writes it ("a USB-C Car Charger" is no Central African Republic's), where
    "Uk" and "Eu" are abbreviations in a headline's title case. The dictionary lists some
    abbreviations too ("usa", "prc"): their title case is left unread, rarer than a word's."""
    return len(text) > 2 and is_dictionary_word(text)


class _Index:
    """Strings of one role mapped to their place, exact and case-folded."""

    def __init__(self) -> None:
        self.exact: dict[str, Place] = {}
        self.folded: dict[str, Place] = {}

    def add(self, key: str, place: Place) -> None:
        key = normalise(key)
        self.exact.setdefault(key, place)
        if not is_abbreviation(key):
            self.folded.setdefault(key.casefold(), place)

    def find(self, text: str) -> Place | None:
        if text in self.exact:
            return self.exact[text]
        # A lone lowercase word is an ordinary noun or pronoun ('turkey', 'chad', 'us'); only
        # longer lowercase phrases ('north korea') are taken as careless spellings of a name.
        if text.islower() and len(_WORD_BREAK.split(text)) < 2:
            return None
        return self.folded.get(text.casefold())


_ANSWERS_KEPT = 100_000
"""How many strings' answers a gazetteer keeps before it starts again (a few MB)."""


class Gazetteer:
    """Answer which place a name, demonym or capital refers to."""

    def __init__(self, places: Iterable[Place]) -> None:
        """Index `places`; when two claim one string, the first wins (the loader forbids it)."""
        self.places: tuple[Place, ...] = tuple(places)
        self._indexes: dict[MatchRole, _Index] = {
            "name": _Index(),
            "demonym": _Index(),
            "capital": _Index(),
        }
        for place in self.places:
            for key in (place.name, *place.aliases):
                self._indexes["name"].add(key, place)
            for key in place.demonyms:
                self._indexes["demonym"].add(key, place)
            for key in place.capitals:
                self._indexes["capital"].add(key, place)
        self._found: dict[tuple[str, tuple[MatchRole, ...]], tuple[Place, MatchRole] | None] = {}
        """Each string's answer, once asked: the indexes never change after this, an answer
        depends on the string alone, and an article asks of the same names again and again
        (every mention, every pass), as the next article asks of the same countries."""

    def country_for_name(self, text: str) -> Place | None:
        """Return the place whose name or alias is `text`, e.g. 'the U.S.' or "North Korea's"."""
        found = self._find(text, ("name",))
        return found[0] if found else None

    def country_for_demonym(self, text: str) -> Place | None:
        """Return the place whose demonym is `text`, e.g. 'Russian' -> Russia."""
        found = self._find(text, ("demonym",))
        return found[0] if found else None

    def country_for_capital(self, text: str) -> Place | None:
        """Return the place whose seat of government is `text`, e.g. 'Pyongyang'."""
        found = self._find(text, ("capital",))
        return found[0] if found else None

    def lookup(self, text: str) -> tuple[Place, MatchRole] | None:
        """Return the place `text` refers to and whether it matched a name, demonym or capital."""
        return self._find(text, ("name", "demonym", "capital"))

    def _find(self, text: str, roles: tuple[MatchRole, ...]) -> tuple[Place, MatchRole] | None:
        key = (text, roles)
        if key in self._found:
            return self._found[key]
        if len(self._found) >= _ANSWERS_KEPT:
            self._found.clear()  # a corpus's names are many: memory stays bounded
        found = self._found[key] = self._found_anew(text, roles)
        return found

    def _found_anew(
        self, text: str, roles: tuple[MatchRole, ...]
    ) -> tuple[Place, MatchRole] | None:
        for variant in _variants(text):
            for role in roles:
                place = self._indexes[role].find(variant)
                if place is not None:
                    return place, role
        return None


def load_gazetteer(path: Path | None = None) -> Gazetteer:
    """Return the gazetteer in `path`, or the one packaged with the generator."""
    if path is None:
        return _load_packaged()
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise BriefError(f"{path}: cannot read the gazetteer: {error.strerror}") from error
    return parse_gazetteer(text, str(path))


@functools.cache
def _load_packaged() -> Gazetteer:
    resource = importlib.resources.files("generator.analysis") / "data" / "countries.yml"
    return parse_gazetteer(resource.read_text(encoding="utf-8"), str(resource))


def parse_gazetteer(text: str, source: str) -> Gazetteer:
    """Return the gazetteer in YAML `text`; raise one `BriefError` listing every problem.

    `source` names the file in messages.
    """
    loader = yaml.SafeLoader(text)
    try:
        root = loader.get_single_node()
        data = loader.construct_document(root) if root is not None else None
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark
        where = f"{source}:{mark.line + 1}" if mark is not None else source
        raise BriefError(f"{where}: not valid YAML: {error.problem}") from error
    finally:
        loader.dispose()
    if not isinstance(root, yaml.SequenceNode) or not isinstance(data, list):
        raise BriefError(
            f"{source}: expected a list of entries like '- name: France', got {_describe(data)}"
        )
    entries = [
        _Entry(source, number, item.start_mark.line + 1, value)
        for number, (item, value) in enumerate(zip(root.value, data, strict=True), start=1)
    ]
    _report_shared_strings(entries)
    problems = [problem for entry in entries for problem in entry.problems]
    if problems:
        raise BriefError("\n".join(problems))
    return Gazetteer(entry.place() for entry in entries)


class _Entry:
    """One checked list item of the gazetteer file: its good values and its problems."""

    def __init__(self, source: str, number: int, line: int, value: object) -> None:
        self.line = line
        self.name: str | None = None
        self.kind: PlaceKind = "country"
        self.lists: dict[str, tuple[str, ...]] = dict.fromkeys(LIST_FIELDS, ())
        self.problems: list[str] = []
        self._where = f"{source}:{line}"
        self.label = f"entry {number}"
        if not isinstance(value, dict):
            self.report(f"expected a mapping with 'name' and lists, got {_describe(value)}")
            return
        self._check(value)

    def _check(self, fields: dict[object, object]) -> None:
        name = fields.get("name")
        if isinstance(name, str) and name.strip():
            self.name = normalise(name)
            self.label = f"entry '{self.name}'"
            self._check_no_leading_the("name", self.name)
        elif "name" in fields:
            self.report(f"'name' must be a non-empty string, got {_describe(name)}")
        else:
            self.report("missing 'name'")
        for key in fields:
            if key not in ENTRY_FIELDS:
                expected = ", ".join(ENTRY_FIELDS)
                self.report(f"unknown field {_describe(key)}; expected one of {expected}")
        kind = fields.get("kind", "country")
        known_kinds = [candidate for candidate in PLACE_KINDS if candidate == kind]
        if known_kinds:
            self.kind = known_kinds[0]
        else:
            expected = ", ".join(PLACE_KINDS)
            self.report(f"'kind' must be one of {expected}, got {_describe(kind)}")
        for field in LIST_FIELDS:
            self.lists[field] = self._check_list(field, fields.get(field, []))

    def _check_list(self, field: str, value: object) -> tuple[str, ...]:
        if not isinstance(value, list):
            self.report(f"'{field}' must be a list of strings, got {_describe(value)}")
            return ()
        good = []
        for position, item in enumerate(value, start=1):
            if isinstance(item, str) and item.strip():
                good.append(normalise(item))
            else:
                self.report(
                    f"'{field}' item {position} must be a non-empty string, got {_describe(item)}"
                )
        if field == "aliases":
            for alias in good:
                self._check_no_leading_the("alias", alias)
        return tuple(good)

    def _check_no_leading_the(self, role: str, text: str) -> None:
        # Lookups drop a leading 'the' before matching, so a stored one could never match.
        # Capitals are exempt: 'The Hague' is matched as written.
        if _LEADING_THE.match(text):
            bare = _LEADING_THE.sub("", text, count=1)
            self.report(
                f"{role} '{text}' starts with 'the'; write '{bare}', lookups ignore a leading 'the'"
            )

    def report(self, problem: str) -> None:
        """Record `problem` with the file, line and entry it is about."""
        self.problems.append(f"{self._where}: {self.label}: {problem}")

    def strings(self) -> list[tuple[str, str]]:
        """Return each good string of the entry with what it is: name, alias, ..."""
        found: list[tuple[str, str]] = []
        if self.name is not None:
            found.append(("name", self.name))
        for field in LIST_FIELDS:
            found.extend((_LIST_ITEM_WORDS[field], text) for text in self.lists[field])
        return found

    def place(self) -> Place:
        """Return the entry as a `Place`; only called when it has no problems."""
        assert self.name is not None
        return Place(
            name=self.name,
            kind=self.kind,
            aliases=self.lists["aliases"],
            demonyms=self.lists["demonyms"],
            capitals=self.lists["capitals"],
        )


def _report_shared_strings(entries: list[_Entry]) -> None:
    """Report every string that a second entry, or a second field of one entry, claims again."""
    # Compared case-folded: lookups ignore case for most strings, so 'Georgia' and 'GEORGIA'
    # could not be told apart.
    claims: dict[str, tuple[_Entry, str]] = {}
    for entry in entries:
        for role, text in entry.strings():
            key = text.casefold()
            if key not in claims:
                claims[key] = (entry, role)
                continue
            owner, owner_role = claims[key]
            claimant = "this entry" if owner is entry else f"{owner.label} (line {owner.line})"
            entry.report(f"{role} '{text}' is already claimed by {claimant} as its {owner_role}")


def _describe(value: object) -> str:
    """Return `value` as a message shows what it found."""
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return f"'{value}'"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return repr(value)
