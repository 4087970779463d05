"""How values read on a page: dates, ISO in the data, in a reader's words on every page.

One function writes every date a page shows (a brief's source line and timeline, the home page,
the month pages, the actor pages, the corpus timeline), so they all read "17 June 2024".
"""

from __future__ import annotations

import datetime as dt
import re

MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
)  # fmt: skip
"""English, whatever the machine's locale: the same content gives the same pages."""
NO_BREAK = "\u00a0"
"""Joins the words of a date, so a narrow screen never breaks it ("17 June" / "2024"): a plain
character rather than a styled span, so it holds in every Markdown renderer and in the feed."""
ISO_PREFIX = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def date_words(value: dt.date | str) -> str:
    """Return a date as a reader writes it, on one line: "17 June 2024", "June 2024", "2024".

    value: a date, or an ISO date or its prefix ("2024-06-17", "2024-06", "2024").
    """
    text = value.isoformat() if isinstance(value, dt.date) else value
    match = ISO_PREFIX.match(text)
    year, month, day = match.groups() if match else (None, None, None)
    if not year or (month and not 1 <= int(month) <= 12) or (day and not 1 <= int(day) <= 31):
        raise ValueError(f"expected a date like 2024-06-17, 2024-06 or 2024, got {text!r}")
    words = [str(int(day))] if day else []
    if month:
        words.append(MONTH_NAMES[int(month) - 1])
    return NO_BREAK.join([*words, year])


def as_sentence(text: str) -> str:
    """Return a description as a sentence: its first letter a capital, a full stop at its end.

    "foreign-policy aide to the president" reads "Foreign-policy aide to the president."; text
    already ending in a full stop, "?" or "!" (or one inside a closing quote or bracket) keeps it.
    A first word with a capital inside ("eBay") is a name and stays as written.
    """
    words = " ".join(text.split())
    if words.split(" ", 1)[0].islower():
        words = words[0].upper() + words[1:]
    if not words:
        return words
    return words if words.rstrip("\"'”’)]").endswith((".", "?", "!", "…")) else f"{words}."
