"""A role a reader can read: a title the article abbreviates before a name ("Rep.", "Sgt.")
spelled out, with the party and state of a US politician's tag after the name ("Rep. Ann
Doyle, R-Ore." -> "Republican Representative from Oregon"); none that a pronoun owns."""

from __future__ import annotations

from spacy.tokens import Span

from generator.analysis.abbreviated_titles import title_abbreviations
from generator.analysis.place_names import US_STATE, place_names

PRONOUN_OWNERS = frozenset({"his", "her", "their", "its", "my", "our", "your"})
"""Possessive pronouns: a role they own ("his opponent") says whose only beside its sentence."""
PARTIES = {"R": "Republican", "D": "Democratic", "I": "Independent"}
"""The letters of a US politician's tag ("R-Ohio") and the party each stands for."""


def spelled_out(role: str | None, name: Span) -> str | None:
    """The role with an abbreviated title spelled out, whole ("Rep.") or at the role's end
    ("South Dakota Gov."), and for a whole one the name's party and state tag when it has
    one; None for a role a pronoun owns ("his opponent in a fight": whose, the brief cannot
    say); any other role as it is."""
    if role is None or role.split(" ", 1)[0].casefold() in PRONOUN_OWNERS:
        return None
    title = title_abbreviations().get(role.casefold())
    if title is None:
        return _with_its_last_title_spelled_out(role)
    party, state = _party_and_state(name)
    if party is None:
        return title
    return f"{party} {title} from {state}" if state else f"{party} {title}"


def _with_its_last_title_spelled_out(role: str) -> str:
    """ "South Dakota Governor" of "South Dakota Gov."; the longest abbreviation first ("Lt.
    Gov." before "Gov.")."""
    words = role.split(" ")
    for size in (2, 1):
        if len(words) > size:
            title = title_abbreviations().get(" ".join(words[-size:]).casefold())
            if title is not None:
                return " ".join([*words[:-size], title])
    return role


def _party_and_state(name: Span) -> tuple[str | None, str | None]:
    """("Republican", "West Virginia") from ", R-W.Va." or " (R-W.Va.)" after the name."""
    doc, at = name.doc, name.end
    words = [token.text for token in doc[at : at + 5]]
    if len(words) < 3 or words[0] not in (",", "(") or words[2] != "-":
        return None, None
    party = PARTIES.get(words[1])
    if party is None or len(words) < 4:
        return None, None
    places = place_names()
    written = words[3] + ("." if len(words) > 4 and words[4] == "." else "")
    state = places.state_abbreviations.get(written) or places.state_abbreviations.get(words[3])
    state = state or places.postal_codes.get(words[3])
    # The states AP never abbreviates ("R-Ohio") are written in full.
    is_a_state = places.place_source(words[3]) == US_STATE
    return party, state or (words[3] if is_a_state else None)
