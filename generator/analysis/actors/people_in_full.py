"""People the model split or typed on its label alone, told by how the text names them in full
and by the surname: clusters in, clusters retyped or joined."""

from __future__ import annotations

from generator.analysis.actors.mentions import Cluster, after_place_preposition, join, retype
from generator.analysis.actors.votes import is_a_place_by_label_alone
from generator.analysis.dictionary import is_dictionary_word
from generator.analysis.gazetteer import Gazetteer
from generator.analysis.place_names import PlaceNames

SURNAME_ALONE = "people_by_their_surname_alone, the text uses its last word alone as a name"
GIVEN_NAME_IN_BRACKETS = "given_names_in_brackets, the given name an editor put before a surname"


def people_by_their_surname_alone(
    clusters: list[Cluster], gazetteer: Gazetteer, places: PlaceNames
) -> None:
    """Make a person of a name of two or three words only the model's label makes a place,
    which no list knows, whose last word the text also uses alone as a name the model labelled
    a body or a place and never puts anything in ("Ona Brisk ... Brisk had eight points"):
    news names a person in full and then by the surname, a place never by its last word. The
    first word must be a given name or no dictionary word ("Lake Tahoe" and "Tahoe" stay a
    place). `surnames_as_people` and `merge_people` then join the surname to it."""
    lone = {
        c.name: c
        for c in clusters
        if c.kind in ("organisation", "place")
        and " " not in c.name
        and all(m.by_label for m in c.mentions)
        and not any(after_place_preposition(m.span) for m in c.mentions)
    }
    for cluster in clusters:
        words = cluster.name.split()
        if (
            2 <= len(words) <= 3
            and words[-1] in lone
            and all(word.isalpha() and word.istitle() for word in words)
            and (places.is_given_name(words[0]) or not is_dictionary_word(words[0]))
            and is_a_place_by_label_alone(cluster, gazetteer, places)
        ):
            retype(cluster, "person", SURNAME_ALONE)


def given_names_in_brackets(clusters: list[Cluster], places: PlaceNames) -> list[Cluster]:
    """Join a given name in brackets to the surname right after it ("Coach (Ray) Okafor"): a
    quote's editor puts in the given name the speaker left out; the model labels each word a
    name of its own. The surname's person is named in full, and takes the given name's
    mention."""
    at_start = {m.span.start: c for c in clusters for m in c.mentions if c.kind == "person"}
    gone: set[int] = set()
    for cluster in clusters:
        surname = _surname_after_brackets(cluster, at_start, places)
        if surname is None or surname is cluster:
            continue
        gone |= join(surname, [cluster], GIVEN_NAME_IN_BRACKETS)
        if " " not in surname.name:
            surname.name = f"{cluster.name} {surname.name}"
    return [c for c in clusters if id(c) not in gone]


def _surname_after_brackets(
    cluster: Cluster, at_start: dict[int, Cluster], places: PlaceNames
) -> Cluster | None:
    """The person whose one-word name stands right after the brackets of every mention of a
    one-word given name, or None."""
    if cluster.kind != "person" or " " in cluster.name or not places.is_given_name(cluster.name):
        return None
    owners: dict[int, Cluster] = {}
    for mention in cluster.mentions:
        doc, span = mention.span.doc, mention.span
        if span.start == 0 or span.end + 1 >= len(doc):
            return None
        if doc[span.start - 1].text != "(" or doc[span.end].text != ")":
            return None
        owner = at_start.get(span.end + 1)
        if owner is None or " " in owner.name:
            return None
        owners[id(owner)] = owner
    return next(iter(owners.values())) if len(owners) == 1 else None
