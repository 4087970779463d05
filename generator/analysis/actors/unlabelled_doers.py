"""A one-word name the model calls a person only where it does nothing, and labels nothing
where it acts ("Respawn clearly needed more time"), on a page that reviews a work: no census
lists the word as anyone's name, so the doer is the work's maker (a studio), not a person the
article never introduces. `extract` runs it on review pages only."""

from __future__ import annotations

from collections import Counter

from spacy.tokens import Doc

from generator.analysis.actors.mentions import Cluster, Mention, retype
from generator.analysis.grammar import NOMINAL_SUBJECT_DEPS as SUBJECT_DEPS
from generator.analysis.place_names import PlaceNames
from generator.analysis.token_lists import token_lists

EVIDENCE = "a word no census lists, the subject of a verb where the model labels nothing"
VERB_POS = frozenset({"VERB", "AUX"})


def bodies_acting_where_unlabelled(doc: Doc, clusters: list[Cluster], places: PlaceNames) -> None:
    """Make a body of a one-word person only the model typed, which no census lists and no
    list knows as a place, where the article has it, unlabelled, as the subject of a verb;
    and count those mentions."""
    candidates = [c for c in clusters if _is_a_lone_model_person(c, places)]
    if not candidates:
        return
    # A word of another actor's name ("Sitoula" of "Tanka Maya Sitoula", "Stadia" the body
    # too) is left to the passes that join a name's kinds.
    words = Counter(w.casefold() for c in clusters for w in set(c.name.split()))
    candidates = [c for c in candidates if words[c.name.casefold()] == 1]
    tokens = token_lists(doc)
    for cluster in candidates:
        taken = {m.span.start for m in cluster.mentions}
        acting = [
            i
            for i, text in enumerate(tokens.text)
            if text == cluster.name and i not in taken and _acts_unlabelled(doc, i)
        ]
        if acting:
            retype(cluster, "organisation", EVIDENCE)
            for i in acting:
                cluster.mentions.append(
                    Mention(doc[i : i + 1], "organisation", cluster.name, evidence=EVIDENCE)
                )


def acting_unlabelled_words(doc: Doc) -> frozenset[str]:
    """The capitalised words the doc has as the subject of a verb where the model labels
    nothing, casefolded as `things.thing_words` gives names."""
    tokens = token_lists(doc)
    return frozenset(
        text.casefold()
        for i, text in enumerate(tokens.text)
        if text.istitle() and tokens.dep[i] in SUBJECT_DEPS and _acts_unlabelled(doc, i)
    )


def _is_a_lone_model_person(cluster: Cluster, places: PlaceNames) -> bool:
    name = cluster.name
    return (
        cluster.kind == "person"
        and " " not in name
        and name.istitle()
        and all(m.by_label for m in cluster.mentions)
        and not places.is_census_name(name)
        and places.place_source(name) is None
    )


def _acts_unlabelled(doc: Doc, i: int) -> bool:
    """Unlabelled, the subject of a verb, and no title before a number ("Shrek 2 took $881m":
    a work and its sequel's number)."""
    token = doc[i]
    numbered = i + 1 < len(doc) and doc[i + 1].like_num
    return (
        token.ent_iob_ == "O"
        and token.dep_ in SUBJECT_DEPS
        and token.head.pos_ in VERB_POS
        and not numbered
    )
