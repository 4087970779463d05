"""Post-nominal letters (`data/post_nominals.yml`: "MP", "QC", "OBE") and the words after a
surname that are no part of it: the name is the person's without them ("Ann Lowe MP" is Ann
Lowe), as a generation's mark is part of theirs only as a name form ("Harry Connick Jr")."""

from __future__ import annotations

from functools import cache

from generator.analysis.rule_files import packaged_data

POST_NOMINALS_FILE = "post_nominals.yml"
GENERATIONS = frozenset({"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"})
"""A generation's mark after a name ("Harry Connick Jr", "John Smith III")."""


@cache
def post_nominals() -> frozenset[str]:
    """The letters of `data/post_nominals.yml`, as written (case counts)."""
    return frozenset(str(word) for word in packaged_data(POST_NOMINALS_FILE))


@cache
def name_suffixes() -> frozenset[str]:
    """Words after a surname that are no part of it, casefolded: generations and post-nominals."""
    return GENERATIONS | {word.casefold() for word in post_nominals()}


def is_post_nominal(word: str) -> bool:
    """ "MP", "QC", "OBE": post-nominal letters as written; with full stops ("K.C.") they are
    as often initials of a name ("Pushpa K.C.")."""
    return word in post_nominals()


NAME_SUFFIXES = name_suffixes()
"""`name_suffixes()`, made once: looked up for every word of every name."""
