"""At a glance and why it matters chosen by what a sentence is, not where it stands: a habit or
the writer's own "I" is no lead, advice and a speaker's own experience are no stakes, and a key
fact whose subject is a description of someone or something named before stands after it."""

from __future__ import annotations

import pytest

from generator.analysis.at_a_glance import extract_at_a_glance, extract_why_it_matters
from generator.analysis.back_references import subject_named_before
from generator.analysis.key_facts import extract_key_facts

LEAD = "The port authority approved a second ferry terminal on Monday. "


@pytest.mark.parametrize(
    "habit",
    [
        "Island councillors have normally steered clear of ferry fares at election time.",
        "Harbour councils traditionally set their budgets in the spring.",
    ],
)
def test_a_sentence_that_tells_a_habit_is_no_lead(english, habit):
    event = "This week both island parties have made ferry fares the centre of their campaigns."
    doc = english(f"{habit} {event} Their leaders will debate the fares on Friday.")
    assert extract_at_a_glance(doc, "Ferry fares become an election issue") == event


def test_a_piece_opening_in_the_writers_own_voice_is_summed_up_by_its_headline(english):
    doc = english(
        "I am the one in my family who always knows which kettle to buy. "
        "I have tested a good many of them over the years. "
        "I think this year's models are the best I have seen."
    )
    assert extract_at_a_glance(doc, "Kettles worth giving this winter") == (
        "Kettles worth giving this winter"
    )


def test_the_writers_own_view_is_no_key_fact(english):
    doc = english(
        "The maker released three new kettles on Monday. "
        "The largest holds two litres and costs forty pounds. "
        "The smallest boils a cup of water in under a minute. "
        "The steel one is the best kettle I have tested this year. "
        "All three go on sale in shops next month."
    )
    facts = [fact.text for fact in extract_key_facts(doc, "Three new kettles")]
    assert facts
    assert not any("I have tested" in fact for fact in facts)


def test_advice_to_the_public_is_not_why_it_matters(english):
    doc = english(
        LEAD + "Officials have warned residents to keep away from the quay during the works."
    )
    assert extract_why_it_matters(doc) is None


def test_a_principal_urged_to_act_is_a_reaction_that_matters(english):
    urged = "The fishermen's union urged the minister to halt the works at the quay."
    assert extract_why_it_matters(english(LEAD + urged)) == urged


def test_a_speakers_own_first_time_is_not_why_it_matters(english):
    doc = english(
        LEAD + '"It is the first time I have been asked to open a terminal," the mayor told '
        "reporters at the quay."
    )
    assert extract_why_it_matters(doc) is None


def test_a_speakers_word_on_the_event_is_still_why_it_matters(english):
    quoted = '"This is the first time the island has had two terminals," the mayor said.'
    assert extract_why_it_matters(english(LEAD + quoted)) == quoted


def test_a_reply_with_instead_is_not_why_it_matters(english):
    doc = english(
        LEAD + "The opposition asked who would pay for it. "
        "The mayor instead hailed the council's record on the harbour."
    )
    assert extract_why_it_matters(doc) is None


def test_the_writers_but_states_the_stakes_when_nothing_else_does(english):
    doc = english(
        LEAD + "The shipping firm promised to run more boats. "
        "But the row over the terminal put the cost of island travel squarely in the public eye."
    )
    assert extract_why_it_matters(doc) == (
        "The row over the terminal put the cost of island travel squarely in the public eye."
    )


def test_a_stake_that_stands_alone_goes_before_an_equal_one_that_answers(english):
    alone = "Hauliers said the court had handed a victory to the ferry firms."
    doc = english(
        LEAD + "The firms had argued the fees were too high. "
        "But in a landmark ruling, the court backed the authority. " + alone
    )
    assert extract_why_it_matters(doc) == alone


@pytest.mark.parametrize(
    ("before", "sentence", "refers"),
    [
        (
            "The lorry driver posted a video of the crossing online.",
            "The video was watched a million times.",
            True,
        ),
        (
            "The lorry driver posted the video of the crossing online.",
            "The video was watched a million times.",
            False,
        ),
        (
            "The race went to a sprint finish in the rain.",
            "Aged only 19, the Texan became the youngest rider to win it.",
            True,
        ),
        (
            "The race went to a sprint finish in the rain.",
            "The Tories became the first party to back the race.",
            False,
        ),
    ],
)
def test_a_subject_described_after_being_named_leans_on_the_sentence_before(
    english, before, sentence, refers
):
    doc = english(f"{before} {sentence}")
    last = list(doc.sents)[-1]
    assert subject_named_before(last) is refers
