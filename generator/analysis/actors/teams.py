"""A cross-mention pass on a sports round-up: clusters in, the towns that play retyped teams."""

from __future__ import annotations

from spacy.tokens import Span

from generator.analysis.actors.mentions import Cluster, after_place_preposition, retype
from generator.analysis.grammar import NOMINAL_SUBJECT_DEPS as SUBJECT_DEPS

TEAM_RULE_EVIDENCE = "rule team-"
"""The start of the evidence of the rules that show a town playing as its team
(`data/actor_rules.yml`: team-beats-team, team-a-player-scores-for, team-before-score ...)."""
MIN_TEAMS_SHOWN = 3
"""Towns the rules must show as teams before the article reads as a round-up of games."""
PLAYING_DEPS = SUBJECT_DEPS | frozenset({"dobj"})
"""A town's parts in a clause where, in a round-up, it plays: it does something ("New York
improved to 14-0-1") or a player's play does something to it ("added three assists to lead
Boston", "had a goal to lift Florida")."""
NAMED_BESIDE_DEPS = frozenset({"appos", "compound"})
"""How a person's name stands beside the noun a town owns ("Leeds's fly-half, Jo Kerr")."""


def teams_of_a_round_up(clusters: list[Cluster]) -> None:
    """Make teams of the towns a sports round-up has play: where the rules show three towns or
    more as teams, and no fewer than the towns the model alone calls places, a town only the
    model typed that is, at each mention, the subject or object of a clause ("lead Boston")
    plays too. In any article the rules show three teams in, a town named only as the possessive
    of a player ("Leeds's Jo Kerr", "Leeds's young fly-half Jo Kerr") is a team: there a town
    has players, not residents. A town something is in ("in Boston", "a St. Louis native") stays a
    place."""
    shown = [c for c in clusters if c.kind == "organisation" and _shown_as_a_team(c)]
    towns = [c for c in clusters if c.kind == "place" and all(m.by_label for m in c.mentions)]
    if len(shown) < MIN_TEAMS_SHOWN:
        return
    round_up = len(shown) >= len(towns)
    for town in towns:
        if all(_owns_a_player(m.span) for m in town.mentions):
            retype(town, "organisation", "teams_of_a_round_up, a town that owns a player")
        elif round_up and all(_plays(m.span) for m in town.mentions):
            retype(town, "organisation", "teams_of_a_round_up, a town that plays in a round-up")


def _shown_as_a_team(cluster: Cluster) -> bool:
    return any(m.evidence.startswith(TEAM_RULE_EVIDENCE) for m in cluster.mentions)


def _plays(span: Span) -> bool:
    """Whether the name, or the first of the names it is listed with, is a subject or object
    ("made 30 saves and Minnesota beat Buffalo", as parsed); not "in Boston and Florida"."""
    first = span.root
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head
    return first.dep_ in PLAYING_DEPS and not after_place_preposition(span)


def _owns_a_player(span: Span) -> bool:
    """Whether the name is the possessive of a person's name ("Leeds's Jo Kerr", however the
    parser attaches it), or of a noun a person's name stands beside ("Leeds's young fly-half
    Jo Kerr")."""
    doc, end = span.doc, span.end
    if end + 1 >= len(doc) or doc[end].tag_ != "POS":
        return False
    if doc[end + 1].ent_type_ == "PERSON":
        return True
    root = span.root
    return root.dep_ == "poss" and any(
        child.ent_type_ == "PERSON" and child.dep_ in NAMED_BESIDE_DEPS
        for child in root.head.children
    )
