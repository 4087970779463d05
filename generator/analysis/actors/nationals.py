"""People the model took for bodies, told by the country that owns them: clusters in,
clusters retyped."""

from __future__ import annotations

from spacy.tokens import Span

from generator.analysis.actors.context import named_as_an_organisation
from generator.analysis.actors.mentions import Cluster, retype
from generator.analysis.gazetteer import Gazetteer
from generator.analysis.place_names import PlaceNames

EVIDENCE = "nationals_of_a_country, a given name after a country's possessive"
MAX_WORDS = 3


def nationals_of_a_country(
    clusters: list[Cluster], gazetteer: Gazetteer, places: PlaceNames
) -> None:
    """Make a person of a name the model alone called a body, a census given name and one or
    two more words, that a country's possessive owns ("Kenya's Mary Otieno finished third"):
    news so gives an athlete's or a delegate's nationality. A body's noun beside any of its
    mentions ("Britain's biggest retailer, John Lewis") leaves it a body, and so does a
    name whose first word is no given name ("Britain's Marks and Spencer")."""
    for cluster in clusters:
        words = cluster.name.split()
        if (
            cluster.kind == "organisation"
            and 2 <= len(words) <= MAX_WORDS
            and all(word[:1].isupper() and word.replace("-", "").isalpha() for word in words)
            and places.is_given_name(words[0])
            and all(m.by_label for m in cluster.mentions)
            and any(_owned_by_a_country(m.span, gazetteer) for m in cluster.mentions)
            and not any(named_as_an_organisation(m.span) for m in cluster.mentions)
        ):
            retype(cluster, "person", EVIDENCE)


def _owned_by_a_country(span: Span, gazetteer: Gazetteer) -> bool:
    """Whether a country's name with its possessive stands right before the name."""
    doc, start = span.doc, span.start
    if start < 2 or doc[start - 1].tag_ != "POS":
        return False
    owner = doc[start - 2]
    return gazetteer.country_for_name(owner.text) is not None and owner.ent_type_ == "GPE"
