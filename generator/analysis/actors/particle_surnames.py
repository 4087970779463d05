"""Surnames that open with a particle ("El Guerrouj", "van Persie", "bin Salman"): clusters in,
clusters retyped so that `merge_people` joins them to the person's full name."""

from __future__ import annotations

from generator.analysis.actors.mentions import SURNAME_PARTICLES, Cluster, retype

EVIDENCE = "surnames_with_a_particle, the last words of a person's full name"


def surnames_with_a_particle(clusters: list[Cluster]) -> None:
    """Make a person of a name the model alone called a body or a place that opens with a
    particle and is the last words of a person's longer name in the article ("El Guerrouj"
    after "Hicham El Guerrouj"): a later mention by surname keeps the whole surname, so the
    surname is more than one word. `surnames_as_people` reads one word only."""
    endings = {
        tuple(words[i:])
        for c in clusters
        if c.kind == "person"
        for words in [c.name.split()]
        for i in range(1, len(words) - 1)
        if words[i].casefold() in SURNAME_PARTICLES
    }
    for cluster in clusters:
        if (
            cluster.kind in ("organisation", "place")
            and tuple(cluster.name.split()) in endings
            and all(m.by_label for m in cluster.mentions)
        ):
            retype(cluster, "person", EVIDENCE)
