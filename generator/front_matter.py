"""A page's YAML front matter: split from its body, read as a mapping, its fields checked.

Articles in content/ and briefs in briefs/ share it: ingest reads an article's fields, merge merges
a brief's front matter key by key, check reports a brief's problems, and a build reads the related
briefs analysts pinned or blocked. One split, one reading, one schema of the fields.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

import yaml

OPENING = "---"
CLOSINGS = ("---", "...")
"""Lines that close front matter: a second `---`, or YAML's end of document."""


@dataclass(frozen=True)
class SplitPage:
    """A page cut into its front matter and its body."""

    front_matter: str | None
    """The YAML between the opening and the closing line; None when the page has none."""
    body: str
    body_line: int
    """The number of the body's first line in the page."""
    is_unclosed: bool = False
    """The page opens front matter that no line closes (its whole text is then the body)."""


def split_page(text: str) -> SplitPage:
    """Split a page: front matter opens on its first line (`---`) and ends at `---` or `...`.

    Both lines start at the margin, as YAML's document markers do: an indented `---` continues a
    value. The parts are the page's own text: `join_page` of a page's parts gives the page again
    when its delimiter lines are plain `---`.
    """
    first, newline, _ = text.partition("\n")
    if first.rstrip() != OPENING or not newline:
        return SplitPage(None, text, 1, is_unclosed=first.rstrip() == OPENING)
    start, line = len(first) + 1, 2
    while start <= len(text):
        end = text.find("\n", start)
        current = text[start:] if end == -1 else text[start:end]
        if current.rstrip() in CLOSINGS:
            body_start = len(text) if end == -1 else end + 1
            return SplitPage(text[len(first) + 1 : start], text[body_start:], line + 1)
        if end == -1:
            break
        start, line = end + 1, line + 1
    return SplitPage(None, text, 1, is_unclosed=True)


def join_page(front_matter: str | None, body: str) -> str:
    """Put a page back together from its front matter and its body."""
    return body if front_matter is None else f"{OPENING}\n{front_matter}{OPENING}\n{body}"


class FrontMatterError(ValueError):
    """A problem with a page's front matter, and the line of the page it is on, if known."""

    def __init__(self, message: str, line: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.line = line


def read_front_matter(front_matter: str | None) -> dict[str, Any]:
    """The mapping a page's front matter holds ({} for none); FrontMatterError if it holds none."""
    if front_matter is None:
        return {}
    try:
        # Without its last line break, YAML places an error at the end on the last line.
        meta = yaml.safe_load(front_matter.removesuffix("\n"))
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        problem = getattr(error, "problem", None) or "invalid YAML"
        line = mark.line + 2 if mark is not None else 1
        raise FrontMatterError(f"front matter is not valid YAML: {problem}", line) from None
    if meta is None:
        return {}
    if not isinstance(meta, dict):
        raise FrontMatterError("front matter must be a mapping of keys to values", 2)
    return meta


@dataclass(frozen=True)
class Field:
    """A field of front matter: what its value must be, as a message says it, and its reader."""

    expected: str
    read: Callable[[Any], Any]
    """The value in its type; ValueError when it is not one."""


def _text(value: Any) -> str:
    """Text as YAML reads it (a number as it is written): readers tidy it as they need."""
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        raise ValueError(value)
    return value if isinstance(value, str) else str(value)


def _date(value: Any) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        return dt.date.fromisoformat(value.strip()[:10])
    raise ValueError(value)


def _names(value: Any) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise ValueError(value)
    return value


def _slugs(value: Any) -> tuple[str, ...]:
    """Slugs of briefs, as a list or a single one, each with or without its `.md`."""
    names = _names([value] if isinstance(value, str) else value)
    return tuple(name.removesuffix(".md") for name in names)


TEXT = Field("a text value", _text)
SLUGS = Field("a list of brief slugs", _slugs)
FIELDS: dict[str, Field] = {
    "title": TEXT,
    "date": Field("a date like 2024-05-01", _date),
    "source": TEXT,
    "url": TEXT,
    "author": TEXT,
    "slug": TEXT,
    "language": TEXT,
    "tags": Field("a list of names like [Russia, NATO]", _names),
    "description": TEXT,
    "subtitle": TEXT,
    "summary": TEXT,
    "rating": TEXT,
    "claim": TEXT,
    "claimant": TEXT,
    "rated_by": TEXT,
    "article": TEXT,
    "related_pin": SLUGS,
    "related_block": SLUGS,
}
"""Every field the generator reads or writes in front matter (others are kept, not read)."""


def read_fields(
    meta: dict[str, Any], keys: Iterable[str], lines: list[str]
) -> tuple[dict[str, Any], list[FrontMatterError]]:
    """The values of these fields in meta, in their types, and a problem for each invalid one.

    A field that is absent or null is left out. Takes the page's lines, to say where a problem is.
    """
    values: dict[str, Any] = {}
    problems = []
    for key in keys:
        if meta.get(key) is None:
            continue
        field = FIELDS[key]
        try:
            values[key] = field.read(meta[key])
        except ValueError:
            message = f"front matter '{key}': expected {field.expected}, got {meta[key]!r}"
            problems.append(FrontMatterError(message, key_line(lines, key)))
    return values, problems


def key_line(lines: list[str], key: str) -> int | None:
    """The number of the line that sets a top-level key, if one does."""
    return next((n for n, text in enumerate(lines, 1) if text.startswith(f"{key}:")), None)
