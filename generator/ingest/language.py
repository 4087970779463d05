"""Tell the language an article is written in: its text in, an ISO 639 code (or None) out.

The text decides, not the page's declaration: on the dev pages (web_dev) a German article's page
declares `lang="en"` and three Portuguese ones declare nothing, while py3langid (BSD, a model of
97 languages shipped in its package, deterministic) names all nine non-English pages with a
confidence of 1.0 and none of the 3,101 English articles of the other dev sets with 0.9 or more.
"""

from __future__ import annotations

import functools

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


def is_english(language: str | None) -> bool:
    """Whether the English model can analyse an article of this language (None: not known)."""
    return language is None or language.replace("_", "-").split("-")[0].lower() == ENGLISH


def language_name(language: str) -> str:
    """The English name of a language code ("ja" -> "Japanese"), or the code when unknown."""
    try:
        return str(Locale.parse(language.replace("-", "_")).get_display_name(ENGLISH))
    except (UnknownLocaleError, ValueError):
        return language
