"""People the model took for bodies, told by the people the text lists them with: clusters in,
clusters retyped."""

from __future__ import annotations

from spacy.tokens import Span

from generator.analysis.actors.mentions import Cluster, retype
from generator.analysis.place_names import PlaceNames

EVIDENCE = "people_listed_with_people, its surname listed with a person's"


def people_listed_with_people(clusters: list[Cluster], places: PlaceNames) -> None:
    """Make a person of a name the model alone called a body, a census given name and more
    words ("Chris Pine"), whose last word alone the text lists with a person's name ("both
    Hemsworth and Pine"): people are called by their surname, and a list names things of one
    kind. A body named after its founders ("Morgan Stanley") is listed by its whole name, and
    "Jamie Dimon and Morgan Stanley" leaves it a body."""
    person_tokens = {
        t.i for c in clusters if c.kind == "person" for m in c.mentions for t in m.span
    }
    for cluster in clusters:
        words = cluster.name.split()
        if (
            cluster.kind == "organisation"
            and 2 <= len(words) <= 3
            and all(word.isalpha() and word.istitle() for word in words)
            and places.is_given_name(words[0])
            and all(m.by_label for m in cluster.mentions)
            and any(
                m.span.text == words[-1] and _listed_with(m.span, person_tokens)
                for m in cluster.mentions
            )
        ):
            retype(cluster, "person", EVIDENCE)


def _listed_with(span: Span, person_tokens: set[int]) -> bool:
    """Whether a name coordinated with the span's head word is a person's."""
    return any(token.i in person_tokens for token in span.root.conjuncts)
