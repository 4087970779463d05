"""The outlet that publishes the article, cut to a word, is no actor of its story: the
article's clusters and its source's name in, the clusters without the cut name out."""

from __future__ import annotations

import re

from generator.analysis.actors.mentions import Cluster

LEADING_ARTICLE = "The "
ISSUE_HEADLINE = re.compile(
    r"(?P<name>(?:[A-Z][\w&'’-]*\s+)*[A-Z][\w&'’-]*)\s+(?:No\.?\s*\d+|\d{1,4}[./-]\d{1,2}[./-]\d{1,4})"
)
"""A headline that is only a name and an issue's date or number ("Morning Wire 03.14.20",
"Market Call No. 41"): a newsletter's or a column's issue; a name and a bare number or a
version is a model's ("Boeing 737", "Windows 10", "Apple 2.0")."""


def without_the_publisher(
    clusters: list[Cluster], publisher: str | None, headline: str = ""
) -> list[Cluster]:
    """Drop a body named by the end of the article's own outlet's name: "The Hill's request
    for comment" on a page of The Hill (the model leaves "The" out), "With Post wires" closing
    one of the New York Post. Cut so, the name is no body of the story but the outlet speaking
    of itself. Named whole it stays: a company's own page ("Tesla" on Tesla's site) is about
    it. A headline that is only a name and an issue's date names the publication too: a
    newsletter's issue ("Start your day with the Morning Wire")."""
    names = cut_names(publisher) | issue_name(headline)
    return [c for c in clusters if not (c.kind == "organisation" and c.name in names)]


def cut_names(publisher: str | None) -> frozenset[str]:
    """The ends of the outlet's name: "York Post" and "Post" of "New York Post", "Hill" of
    "The Hill"."""
    if not publisher:
        return frozenset()
    words = publisher.removeprefix(LEADING_ARTICLE).split()
    first = 0 if publisher.startswith(LEADING_ARTICLE) else 1
    return frozenset(" ".join(words[start:]) for start in range(first, len(words)))


def issue_name(headline: str) -> frozenset[str]:
    """The publication's name of a headline that is only that name and an issue's date or
    number ("Morning Wire" of "Morning Wire 03.14.20")."""
    found = ISSUE_HEADLINE.fullmatch(headline.strip())
    return frozenset({found["name"]}) if found else frozenset()
