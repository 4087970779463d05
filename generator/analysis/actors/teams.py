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


def teams_of_a_round_up(clusters: list[Cluster]) -> None:
    """Make teams of the towns a sports round-up has play: where the rules show three towns or
    more as teams, and no fewer than the towns the model alone calls places, a town only the
    model typed that is, at each mention, the subject or object of a clause ("lead Boston")
    plays too. A town something is in ("in Boston", "a St. Louis native") stays a place."""
    shown = [c for c in clusters if c.kind == "organisation" and _shown_as_a_team(c)]
    towns = [c for c in clusters if c.kind == "place" and all(m.by_label for m in c.mentions)]
    if len(shown) < MIN_TEAMS_SHOWN or len(shown) < len(towns):
        return
    for town in towns:
        if all(_plays(m.span) for m in town.mentions):
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
