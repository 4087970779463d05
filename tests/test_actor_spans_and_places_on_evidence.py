"""Whole spans, one entity, places on evidence (issue #20, part seventeen): a name never runs
over a preposition the parser hangs outside it, a place noun's name runs on over "of" and its
place, a person the model labelled a body where its label stood on other words, a half of a
coordinated body is no other name of it, and a place only the model's label makes one is kept
on a list's evidence (a smaller town, another name of a city) or a place noun it modifies."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc, Span

from generator.analysis.actors import extract_actors
from generator.analysis.actors.mentions import UNPLACED
from generator.analysis.actors.run_on_names import person_by_name_data
from generator.analysis.actors.spans import clean_span
from generator.analysis.place_names import smaller_place_source


def actors_of(english, gazetteer, text):
    return {actor.name: actor for actor in extract_actors(english(text), gazetteer).actors}


def parsed(english, words, tags, deps, heads, ents):
    """A doc with the parse and entities given, as the model may make them on a page."""
    doc = Doc(english.vocab, words=words, tags=tags, deps=deps, heads=heads)
    doc.ents = [Span(doc, start, end, label=label) for start, end, label in ents]
    return doc


def test_a_name_ends_before_a_preposition_hung_outside_it(english):
    # "the transfer of Dario Moretti to Real Betis": the model labels all four names one body.
    words = ["the", "transfer", "of", "Dario", "Moretti", "to", "Real", "Betis", "failed"]
    tags = ["DT", "NN", "IN", "NNP", "NNP", "IN", "NNP", "NNP", "VBD"]
    deps = ["det", "nsubj", "prep", "compound", "pobj", "prep", "compound", "pobj", "ROOT"]
    heads = [1, 8, 1, 4, 2, 1, 7, 5, 8]
    doc = parsed(english, words, tags, deps, heads, [(3, 8, "ORG")])
    span = clean_span(doc.ents[0])
    assert span is not None and span.text == "Dario Moretti"
    person = person_by_name_data(doc.ents[0], span)
    assert person is not None and (person.text, person.label_) == ("Dario Moretti", "PERSON")


def test_a_bodys_own_connective_stays_in_its_name(english):
    # The parser may hang a school's "for" on the verb: the name keeps it all the same.
    words = ["She", "taught", "at", "Leeds", "School", "for", "Girls"]
    tags = ["PRP", "VBD", "IN", "NNP", "NNP", "IN", "NNPS"]
    deps = ["nsubj", "ROOT", "prep", "compound", "pobj", "prep", "pobj"]
    heads = [1, 1, 1, 4, 2, 1, 5]
    doc = parsed(english, words, tags, deps, heads, [(3, 7, "ORG")])
    span = clean_span(doc.ents[0])
    assert span is not None and span.text == "Leeds School for Girls"
    assert person_by_name_data(doc.ents[0], span) is None


@pytest.mark.parametrize(
    ("words", "label_from", "person"),
    [
        # The model labelled the surname alone a body; the given name stands outside it.
        (["Mattias", "Brenner", "made", "28", "saves"], 1, "Mattias Brenner"),
        # A body the model labelled whole keeps its label, census names or not.
        (["Morgan", "Stanley", "cut", "its", "forecast"], 0, None),
    ],
)
def test_a_surname_labelled_a_body_joins_the_given_name_left_out(
    english, words, label_from, person
):
    tags = ["NNP", "NNP", "VBD", "CD" if words[3].isdigit() else "PRP$", "NNS"]
    deps = ["compound", "nsubj", "ROOT", "nummod", "dobj"]
    doc = parsed(english, words, tags, deps, [1, 2, 2, 4, 2], [(label_from, 2, "ORG")])
    found = person_by_name_data(doc.ents[0], clean_span(doc.ents[0]))
    assert (found.text if found is not None else None) == person
    assert found is None or found.label_ == "PERSON"


@pytest.mark.parametrize(
    ("text", "whole", "part"),
    [
        (
            "Helen Ortiz, the prosecutor for the Eastern District of Virginia, filed the charges.",
            "Eastern District of Virginia",
            "Eastern District",
        ),
        (
            "The charges were filed in the Northern District of California on Monday.",
            "Northern District of California",
            "Northern District",
        ),
    ],
)
def test_a_district_runs_on_over_of_and_its_place(english, gazetteer, text, whole, part):
    names = set(actors_of(english, gazetteer, text))
    assert whole in names
    assert part not in names


def test_a_lower_case_place_noun_ends_no_name(english, gazetteer):
    assert set(actors_of(english, gazetteer, "The capital of France hosted the talks.")) == {
        "France"
    }


def test_the_halves_of_a_coordinated_body_are_no_other_names_of_it(english, gazetteer):
    text = (
        "Here are the latest counts of drugs seized — cocaine, meth and ketamine — from Customs"
        " and Border Protection.\n\nMost often, Customs and Border Protection gives its"
        " seizures by weight, an official wrote to us. Border agents seized more in June."
    )
    body = actors_of(english, gazetteer, text)["Customs and Border Protection"]
    assert body.aliases == ()


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("The singer moved into his Malibu home last year.", "Malibu"),
        ("The soldier, on leave from Fort Meade in Maryland, was arrested.", "Fort Meade"),
        ("Herders have crossed the Kalahari desert for centuries.", "Kalahari"),
    ],
)
def test_a_place_by_the_label_is_kept_on_a_lists_or_a_nouns_evidence(
    english, gazetteer, text, place
):
    actor = actors_of(english, gazetteer, text)[place]
    assert actor.kind == "place"
    assert UNPLACED not in actor.evidence


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # A town's club acts: the town's list entry does not make it a place.
        (
            "The striker, on loan from Charlton, can be recalled by Charlton at any time.",
            "Charlton",
        ),
        # The office of a region is no body, nor does the region's name place anything.
        ("The bank opened an Asia-Pacific office in Singapore last month.", "Asia-Pacific"),
    ],
)
def test_a_place_by_the_label_without_evidence_stays_unplaced(english, gazetteer, text, name):
    actor = actors_of(english, gazetteer, text)[name]
    assert (actor.kind, UNPLACED in actor.evidence) == ("place", True)


def test_smaller_towns_and_other_names_of_cities_but_no_words():
    assert smaller_place_source("Malibu") is not None
    assert smaller_place_source("Bombay") == "GeoNames, another name of Mumbai"
    # Towns named with dictionary words, and codes, are no evidence.
    assert smaller_place_source("Republic") is None
    assert smaller_place_source("BOM") is None


def test_a_results_lines_defeated_mark_ends_the_winners_name(english):
    words = ["Oakdale", "d.", "Riverton", "3", "-", "1"]
    tags = ["NNP", "NNP", "NNP", "CD", "HYPH", "CD"]
    deps = ["compound", "compound", "ROOT", "nummod", "punct", "prep"]
    heads = [2, 2, 2, 2, 2, 2]
    doc = parsed(english, words, tags, deps, heads, [(0, 3, "ORG")])
    span = clean_span(doc.ents[0])
    assert span is not None and span.text == "Oakdale"


def test_an_initial_d_is_no_results_mark(english):
    words = ["D.", "Robbins", "scored", "twice"]
    tags = ["NNP", "NNP", "VBD", "RB"]
    deps = ["compound", "nsubj", "ROOT", "advmod"]
    heads = [1, 2, 2, 2]
    doc = parsed(english, words, tags, deps, heads, [(0, 2, "PERSON")])
    span = clean_span(doc.ents[0])
    assert span is not None and span.text == "D. Robbins"
