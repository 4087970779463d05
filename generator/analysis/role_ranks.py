"""Which of a person's roles a card shows when the text gives several: a post or office first
("head of chemistry at Elmbridge University"), then a title of standing alone ("Professor"),
then where they are from ("Leeds native"): `data/role_ranks.yml` holds the lower ranks' words.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable

from generator.analysis.rule_files import casefolded, packaged_data

ROLE_RANKS_FILE = "role_ranks.yml"
POST, STANDING, ORIGIN = 2, 1, 0
AGE_SUFFIX = "-year-old"
AGE_AND_HOME_OPENINGS = frozenset({"aged", "from"})
"""How `described_roles` writes an age and home it finds: "aged 31, from Leeds", "from Ely"."""


def role_rank(role: str) -> int:
    """POST for a role that says what the person does or holds; STANDING for a title of
    standing alone ("Professor"); ORIGIN for where they are from ("St Ives native")."""
    words = role.casefold().split()
    if not words:
        return ORIGIN
    if len(words) == 1 and words[0] in _words("standing"):
        return STANDING
    if (
        words[0] in AGE_AND_HOME_OPENINGS
        or words[-1] in _words("origin")
        or words[-1].endswith(AGE_SUFFIX)
        or _is_an_age_and_a_people(role.split())
    ):
        return ORIGIN
    return POST


def _is_an_age_and_a_people(words: list[str]) -> bool:
    """ "22-year-old Scot", "29-year-old Welshman": an age and a capitalised noun for one of a
    people, which says where the person is from, not what they do ("22-year-old striker")."""
    return (
        len(words) >= 2
        and any(word.casefold().endswith(AGE_SUFFIX) for word in words[:-1])
        and words[-1][:1].isupper()
    )


def best_role(roles: Iterable[str | None]) -> str | None:
    """The first role of the highest rank, reading no further than the first post."""
    best: str | None = None
    for role in roles:
        if not role:
            continue
        if best is None or role_rank(role) > role_rank(best):
            best = role
        if role_rank(best) == POST:
            break
    return best


@functools.cache
def _words(rank: str) -> frozenset[str]:
    """The words of one rank of `data/role_ranks.yml`, casefolded."""
    return casefolded(packaged_data(ROLE_RANKS_FILE)[rank])
