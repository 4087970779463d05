"""Tell the language an article is written in: its text in, an ISO 639 code (or None) out.

The text decides, not the page's declaration: on the dev pages (web_dev) a German article's page
declares `lang="en"` and three Portuguese ones declare nothing, while py3langid (BSD, a model of
97 languages shipped in its package, deterministic) names all nine non-English pages with a
confidence of 1.0 and none of the 3,101 English articles of the other dev sets with 0.9 or more.
"""

from __future__ import annotations

import functools
import importlib

from babel import Locale, UnknownLocaleError
from py3langid.langid import MODEL_FILE, LanguageIdentifier

ENGLISH = "en"
MIN_CONFIDENCE = 0.9
"""Below this the text is taken as English, as analysed before: a results table ("BERLIN
1996-08-30 ...") reads as Nigerian Pidgin with 0.77."""
SAMPLE_CHARS = 5000
"""The identifier is sure long before this; more text only costs time."""


@functools.cache
def _identifier() -> LanguageIdentifier:
    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def identify_language(text: str) -> str | None:
    """Return the language of text when the identifier is sure of it, else None."""
    if not text.strip():
        return None
    code, confidence = _identifier().classify(text[:SAMPLE_CHARS])
    return str(code) if confidence >= MIN_CONFIDENCE else None


FEW_ENGLISH_STOP_WORDS = 0.15
"""Below this share of English stop words a text is worth asking the identifier. English prose is
about half stop words and never under a fifth (0.21 the least of the 2,068 BBC stories, 0.34 of
the 250 CNN stories); the nine web_dev pages in other languages, cut into words by the English
tokenizer, are 0.08 at most. The share costs nothing once the text is parsed; the identifier
costs 1.5 ms an article, a few per cent of the whole analysis."""


def undeclared_language(text: str, english_stop_share: float) -> str | None:
    """The language of an article that declares none, given its share of English stop words:
    None (analysed as English) when it reads as English, else what the identifier is sure of."""
    return identify_language(text) if english_stop_share < FEW_ENGLISH_STOP_WORDS else None


def is_english(language: str | None) -> bool:
    """Whether the English model can analyse an article of this language (None: not known)."""
    return language is None or language.replace("_", "-").split("-")[0].lower() == ENGLISH


@functools.cache
def stop_words(language: str) -> frozenset[str]:
    """The stop words spaCy lists for a language ("ru": и, в, на ...), or none when it lists none.

    They are in most texts of that language and say nothing of what one is about; with an
    English stop list alone, two Russian articles on unrelated stories share "и" and "в" and
    read as related. spaCy keeps each list in a module of its own (`spacy.lang.ru.stop_words`),
    read without loading the language or a model."""
    base = language.replace("_", "-").split("-")[0].lower()
    if not base.isalpha():
        return frozenset()
    try:
        module = importlib.import_module(f"spacy.lang.{base}.stop_words")
    except ModuleNotFoundError:
        return frozenset()
    return frozenset(module.STOP_WORDS)


def language_name(language: str) -> str:
    """The English name of a language code ("ja" -> "Japanese"), or the code when unknown."""
    try:
        return str(Locale.parse(language.replace("-", "_")).get_display_name(ENGLISH))
    except (UnknownLocaleError, ValueError):
        return language
