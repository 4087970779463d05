"""What every article file shares, whatever its type: the size it may have and the slug that
names its brief; text in, a slug out.
"""

from __future__ import annotations

import re
import unicodedata

MAX_ARTICLE_BYTES = 5_000_000
MAX_SLUG_CHARS = 80


def make_slug(text: str, fallback: str) -> str:
    """Return a lowercase, hyphenated, file-safe slug (accents folded, other scripts kept)."""
    slug = _slugify(text) or _slugify(fallback) or "article"
    if len(slug) > MAX_SLUG_CHARS:
        slug = slug[:MAX_SLUG_CHARS].rsplit("-", 1)[0]
    return slug


def _slugify(text: str) -> str:
    folded = "".join(map(_folded, unicodedata.normalize("NFC", text)))
    return re.sub(r"[\W_]+", "-", folded.casefold()).strip("-")


def _folded(char: str) -> str:
    """A letter with its accents dropped where that leaves plain ASCII ("é" -> "e", "ﬁ" ->
    "fi"); any other letter whole, as typed: dropping the marks of a Hangul syllable, a voiced
    kana or "й" would leave jamo or another letter, not the same word."""
    decomposed = unicodedata.normalize("NFKD", char)
    base = "".join(part for part in decomposed if not unicodedata.combining(part))
    return base if base.isascii() else char
