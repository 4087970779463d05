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
    decomposed = unicodedata.normalize("NFKD", text)
    folded = "".join(char for char in decomposed if not unicodedata.combining(char))
    return re.sub(r"[\W_]+", "-", folded.casefold()).strip("-")
