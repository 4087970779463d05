"""Names of competitions, leagues, tournaments and prizes (`data/competitions.yml`): what a
story's players and teams play in or win, never the story's principals however often named."""

from __future__ import annotations

import functools

from generator.analysis.rule_files import casefolded, packaged_data

COMPETITIONS_FILE = "competitions.yml"


@functools.cache
def competition_words() -> frozenset[str]:
    return casefolded(packaged_data(COMPETITIONS_FILE)["last_words"])


def is_a_competition(name: str) -> bool:
    """Whether a name ends with a word that names a competition ("the Premiership", "Davis
    Cup", "Orange Prize")."""
    words = name.split()
    return bool(words) and words[-1].casefold() in competition_words()
