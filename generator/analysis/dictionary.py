"""English words by word class, from the dictionary spaCy's English lemmatizer ships with.

The lemmatizer's `lemma_index` lists the base forms it knows as adjectives, adverbs, nouns and
verbs (WordNet's, via spacy-lookups-data). Actors read it to tell a word that can only describe
("Intimidating", "Scary") from one that can name ("Labour", "Arsenal": nouns too).
"""

from __future__ import annotations

import functools

from spacy import util
from spacy.lookups import Lookups
from spacy.strings import get_string_id

from generator.analysis.model_names import DEFAULT_MODELS

LEMMA_INDEX = "lemma_index"
WORD_CLASSES = ("adj", "adv", "noun", "verb")


@functools.cache
def word_classes() -> dict[str, frozenset[str]]:
    """Lower-case word -> the classes the dictionary knows it in ({"adj"} for "scary"); empty
    when no English model with a lemmatizer dictionary is installed."""
    index = _lemma_index()
    if index is None:
        return {}
    classes: dict[str, set[str]] = {}
    for word_class in WORD_CLASSES:
        for word in index.get(get_string_id(word_class), []):
            classes.setdefault(word, set()).add(word_class)
    return {word: frozenset(found) for word, found in classes.items()}


def is_adjective_only(word: str) -> bool:
    """Whether the dictionary knows the word as an adjective and as nothing else."""
    return word_classes().get(word.lower()) == frozenset({"adj"})


def is_dictionary_noun(word: str) -> bool:
    return "noun" in word_classes().get(word.lower(), frozenset())


def is_plural_noun(word: str) -> bool:
    """Whether the word is a noun the dictionary knows with a plural "s" added ("Games",
    "Sharks"); a word in "ss" is none ("Glass", "Boss")."""
    singular = word.removesuffix("s")
    return singular != word and not singular.endswith("s") and is_dictionary_noun(singular)


def is_dictionary_word(word: str) -> bool:
    return word.lower() in word_classes()


def _lemma_index() -> dict[int, list[str]] | None:
    for model in DEFAULT_MODELS:
        try:
            root = util.get_package_path(model)
        except (ImportError, ValueError):
            continue
        for folder in sorted(root.glob("**/lemmatizer/lookups")):
            lookups = Lookups().from_disk(folder)
            if lookups.has_table(LEMMA_INDEX):
                table = lookups.get_table(LEMMA_INDEX)
                return {key: list(words) for key, words in table.items()}
    return None
