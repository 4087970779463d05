"""The outlet that publishes the article, cut to a word, is no actor of its story: the
article's clusters and its source's name in, the clusters without the cut name out."""

from __future__ import annotations

from generator.analysis.actors.mentions import Cluster

LEADING_ARTICLE = "The "


def without_the_publisher(clusters: list[Cluster], publisher: str | None) -> list[Cluster]:
    """Drop a body named by the end of the article's own outlet's name: "The Hill's request
    for comment" on a page of The Hill (the model leaves "The" out), "With Post wires" closing
    one of the New York Post. Cut so, the name is no body of the story but the outlet speaking
    of itself. Named whole it stays: a company's own page ("Tesla" on Tesla's site) is about
    it."""
    names = cut_names(publisher)
    return [c for c in clusters if not (c.kind == "organisation" and c.name in names)]


def cut_names(publisher: str | None) -> frozenset[str]:
    """The ends of the outlet's name: "York Post" and "Post" of "New York Post", "Hill" of
    "The Hill"."""
    if not publisher:
        return frozenset()
    words = publisher.removeprefix(LEADING_ARTICLE).split()
    first = 0 if publisher.startswith(LEADING_ARTICLE) else 1
    return frozenset(" ".join(words[start:]) for start in range(first, len(words)))
