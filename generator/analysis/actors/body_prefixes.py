"""A body's name that only modifies a noun ("her U.S. House testimony") where the article names
one body whose name it starts ("the U.S. House Intelligence Committee"): the short form of that
body, spoken of, never acting, so no card of its own. Where the short name acts or is where
something happens ("the House voted", "in the European Union"), the text shows a body of its
own (a parent of the longer one) and both keep their cards.
"""

from __future__ import annotations

from spacy.tokens import Span

from generator.analysis.actors.mentions import Cluster, join

MODIFIER_DEPS = frozenset({"compound", "nmod", "amod"})
WHY = "bodies_by_their_first_words, a name that starts it and only modifies a noun"


def bodies_by_their_first_words(clusters: list[Cluster]) -> list[Cluster]:
    """Fold each body named only as a noun's modifier into the one body whose name it starts
    (see the module's doc)."""
    bodies = [c for c in clusters if c.kind == "organisation"]
    merged: set[int] = set()
    for short in bodies:
        longer = [b for b in bodies if b is not short and _starts(short.name, b.name)]
        if len(longer) == 1 and all(_only_modifies_a_noun(m.span) for m in short.mentions):
            merged |= join(longer[0], [short], WHY)
    return [c for c in clusters if id(c) not in merged]


def _starts(short: str, name: str) -> bool:
    return name.startswith(short + " ")


def _only_modifies_a_noun(span: Span) -> bool:
    """ "U.S. House" of "her U.S. House testimony": the name's head modifies a common noun."""
    root = span.root
    return root.dep_ in MODIFIER_DEPS and root.head.pos_ == "NOUN" and root.head.i >= span.end
