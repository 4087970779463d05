"""One party under two names: "the Labour Party" and "Labour" are one body."""

from __future__ import annotations

from generator.analysis.actors.mentions import Cluster, join

PARTY = "party"
"""The one body word a name is told with and without in the same article, in either order
("the Labour Party" and "Labour", "Plaid Cymru Party" and "Plaid Cymru"); other bodies'
short names are `bodies_by_first_word`'s, where the full name comes first."""


def parties_by_their_name(clusters: list[Cluster]) -> list[Cluster]:
    """Fold the body named "X" into the one named "X Party", whichever the article names
    first or more often: one party under two names."""
    parties = {
        c.name.rsplit(" ", 1)[0]: c
        for c in clusters
        if c.kind == "organisation" and c.name.casefold().endswith(f" {PARTY}")
    }
    merged: set[int] = set()
    for cluster in clusters:
        party = parties.get(cluster.name)
        if party is not None and cluster.kind == "organisation" and cluster is not party:
            merged |= join(party, [cluster], "parties_by_their_name, the name without 'Party'")
    return [c for c in clusters if id(c) not in merged]
