"""Which words are evidence of a given name: the US census's lists, read past their commonest.

The census (the `names` package) lists 4,275 female and 1,219 male given names, most common
first. Its commonest thousand per sex count whatever else the word is ("Mark", "Rose"). Past
them (3,242 names more), 11 % are words the dictionary knows ("Sierra", "Destiny", "Page") and
6 % are places or words of a place's name ("Sydney", "Florida", "Angeles" of Los Angeles): in
2,068 BBC articles, 76 of the 338 such names that occur are written in lower case too
("season", "star", "glory"). Those are left out, with stop words and names of two letters; the
2,759 kept ("Nicola", "Svetlana", "Giuseppe", "Fiona") are written capitalised: of the 144 seen
in those articles, 3 also in lower case ("joie", "ami", "von"). A word of a small town's name
does not count against a name ("Nicola" of San Nicola la Strada): small towns are named after
people.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

import names as census_names
from spacy.lang.en.stop_words import STOP_WORDS

from generator.analysis.dictionary import is_dictionary_word

COMMON_GIVEN_NAMES = 1_000
"""Given names per sex, most common first, that count whatever else the word is."""
MIN_RARER_NAME_LENGTH = 3
"""A rarer name of two letters is more often a syllable of a Chinese or Korean name, or a word
of another language ("Ja", "Tu", "Mi"), than a given name."""
GIVEN_NAME_FILES = ("dist.male.first", "dist.female.first")


def census_given_names(place_names: Iterable[str]) -> frozenset[str]:
    """Upper-case given names: each sex's commonest `COMMON_GIVEN_NAMES`, and the rarer ones no
    dictionary, stop-word list or gazetteer (a place's name or a word of one, of the
    place_names given: the caller leaves out small towns) knows."""
    common: set[str] = set()
    rarer: list[str] = []
    for file_name in GIVEN_NAME_FILES:
        ranked = list(_ranked(file_name))
        common.update(ranked[:COMMON_GIVEN_NAMES])
        rarer.extend(ranked[COMMON_GIVEN_NAMES:])
    place_words = {word.upper() for name in place_names for word in name.split()}
    return frozenset(common) | frozenset(
        name for name in rarer if _is_only_a_name(name) and name not in place_words
    )


def _is_only_a_name(name: str) -> bool:
    return (
        len(name) >= MIN_RARER_NAME_LENGTH
        and not is_dictionary_word(name)
        and name.lower() not in STOP_WORDS
    )


def _ranked(file_name: str) -> Iterator[str]:
    path = Path(census_names.__file__).parent / file_name
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            yield line.split()[0]
