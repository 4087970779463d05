"""People only spoken to: a name that stands in the article only inside quotations, as the one
a speaker addresses ("Elementary, my dear Watson.", "Watson, come here!"), is no actor of the
story: the article never says who they are or what they did. (`vocatives` reads the same
address from the quotation's side, to keep the one called from being its speaker.)"""

from __future__ import annotations

from spacy.tokens import Span

from generator.analysis.actors.mentions import Cluster
from generator.analysis.event_subjects import is_quoted
from generator.analysis.vocatives import CLOSING_PUNCTUATION

ADDRESS_WORDS = frozenset({"my", "dear", "old", "poor"})
"""Words an address puts before the name ("my dear Watson", "poor old Tom")."""
OPENING_MARKS = frozenset({'"', "“", "'", "‘"})


def without_people_only_addressed(clusters: list[Cluster]) -> list[Cluster]:
    """The clusters but a one-word person's whose every mention is addressed in a quotation."""
    return [c for c in clusters if not _only_addressed(c)]


def _only_addressed(cluster: Cluster) -> bool:
    return (
        cluster.kind == "person"
        and " " not in cluster.name
        and all(_is_addressed(m.span) for m in cluster.mentions)
    )


def _is_addressed(span: Span) -> bool:
    """Inside a quotation, set off by a comma before it (over "my dear") and a mark after it,
    or opening the quotation before a comma."""
    doc = span.doc
    before = span.start - 1
    while before >= 0 and doc[before].lower_ in ADDRESS_WORDS:
        before -= 1
    after = doc[span.end].text if span.end < len(doc) else ""
    ends_it = before >= 0 and doc[before].text == "," and after in CLOSING_PUNCTUATION
    opens_it = before >= 0 and doc[before].text in OPENING_MARKS and after == ","
    return (ends_it or opens_it) and is_quoted(span[0])
