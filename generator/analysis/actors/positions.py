"""A player's position before the name on a game's notes line: a token in, whether it is the
player's role rather than a word of the name ("F" of "Hawks: F Ana Ruiz missed the game")."""

from __future__ import annotations

import functools

from spacy.tokens import Doc, Span

from generator.analysis.place_names import place_names
from generator.analysis.rule_files import packaged_data

POSITIONS_FILE = "player_positions.yml"


def is_position_before_a_name(doc: Doc, index: int, end: int) -> bool:
    """Whether the token is a position's abbreviation in capitals after a capitalised word and
    a colon (a team's notes line: "Hawks: F Jo Okafor", "Bears: QB Sam Lee"), with a name of
    two capitalised words or more after it to the name's end. A letter before a given name
    may be an initial ("Author: F Scott Fitzgerald"): there only an abbreviation of two
    letters or more is a position."""
    token = doc[index] if 0 <= index < len(doc) else None
    if token is None or token.text not in player_positions() or end - index < 3:
        return False
    if not all(t.is_title for t in doc[index + 1 : end]):
        return False
    if len(token) == 1 and place_names().is_given_name(doc[index + 1].text):
        return False
    return index >= 2 and doc[index - 1].text == ":" and doc[index - 2].is_title


def after_a_position(span: Span) -> bool:
    """Whether a player's position stands right before the name ("F" of "Hawks: F Jo Okafor"):
    `clean_span` left it out of the name; it says the name is a player's."""
    return is_position_before_a_name(span.doc, span.start - 1, span.end)


@functools.cache
def player_positions() -> frozenset[str]:
    """The abbreviations of `data/player_positions.yml`, as written (capitals)."""
    return frozenset(str(word) for word in packaged_data(POSITIONS_FILE))
