"""Lines that are not prose (sub-headings, link cards) give no fact, actor line or event."""

from __future__ import annotations

import datetime as dt

import pytest
from spacy.language import Language

from generator.analysis.actors import extract_actors
from generator.analysis.at_a_glance import extract_at_a_glance, extract_why_it_matters
from generator.analysis.gazetteer import Gazetteer
from generator.analysis.key_facts import extract_key_facts
from generator.analysis.layout import is_prose, layout_of
from generator.analysis.timeline import extract_timeline

PAGE = (
    "Two prison officers were charged on Tuesday with falsifying records in New York.\n\n"
    "Prosecutors said the officers browsed the internet and slept at their desks.\n\n"
    "Investigators looked at how Daniel Marsh had the chance to slip out of the jail\n\n"
    "Marsh's accomplices sought: Daniel Marsh is missing. Police could still charge "
    "his accomplices on Aug. 12 if they helped him\n\n"
    "Daniel Marsh was last seen in his cell on Aug. 10, the prison's records show.\n\n"
    "Prisons plagued by understaffing\n\n"
    "The union said staff shortages took a toll on officers at the jail.\n\n"
    "Contributing: Laura Benning"
)


@pytest.fixture(scope="module")
def page(english: Language):
    return english(PAGE)


def _line(doc, words: str):
    start = doc.text.index(words)
    span = doc.char_span(start, start + len(words), alignment_mode="expand")
    assert span is not None
    return span


def test_sub_headings_and_link_cards_are_not_prose(page) -> None:
    assert not is_prose(_line(page, "how Daniel Marsh had the chance"))
    assert not is_prose(_line(page, "Daniel Marsh is missing"))
    assert not is_prose(_line(page, "Prisons plagued by understaffing"))
    assert not is_prose(_line(page, "Laura Benning"))
    assert is_prose(_line(page, "Prosecutors said the officers"))
    assert is_prose(_line(page, "seen in his cell on Aug. 10"))


def test_layout_is_read_once_per_doc(page) -> None:
    assert layout_of(page) is layout_of(page)


@pytest.mark.parametrize(
    "line",
    [
        "On October 18, more than 300 Indians were deported by the authorities. PTI",
        "“He represents our greatest shame.” ― Sonya Herridge",
        "She told reporters the plan was “a disgrace.”",
        "Why would anyone vote for this?",
        "The fair opens on Friday. These are the stands to see first:",
    ],
)
def test_a_line_ending_as_a_sentence_or_with_a_signature_is_prose(
    english: Language, line: str
) -> None:
    doc = english(f"{line}\n\nThe officers were charged.")
    assert is_prose(doc[0:3])
    assert is_prose(_line(doc, "The officers were charged."))
    assert all(len(part.text.split()) <= 3 for part in layout_of(doc).not_prose)


def test_a_long_paragraph_that_lost_its_last_stop_is_prose(english: Language) -> None:
    sentence = "The council met on Monday and voted to close the old bridge to traffic. "
    text = sentence * 4 + "The FBI has offered a reward to anyone who helps find the painting"
    doc = english(text)
    assert is_prose(doc[0:5])
    assert is_prose(_line(doc, "The FBI has offered a reward"))


def test_no_key_fact_or_why_it_matters_from_headings_or_cards(page) -> None:
    facts = [fact.text for fact in extract_key_facts(page, "Prison officers charged")]
    assert facts
    assert not any("chance" in fact or "accomplices" in fact for fact in facts)
    assert "understaffing" not in (extract_why_it_matters(page) or "")


def test_no_timeline_event_from_a_link_card(page) -> None:
    events = extract_timeline(page, dt.date(2019, 11, 19))
    assert [event.date_text for event in events if "Aug" in event.date_text] == ["Aug. 10"]


def test_an_actor_line_is_never_a_heading(page, gazetteer: Gazetteer) -> None:
    actors = extract_actors(page, gazetteer, headline="Prison officers charged").actors
    inmate = next(actor for actor in actors if actor.name == "Daniel Marsh")
    assert inmate.mentions >= 3
    assert not any("chance" in line or "accomplices" in line for line in inmate.actions)


FACT_CHECK = (
    "A rumour spread online this week that was meant to discredit a retired judge.\n\n"
    "{claim}\n\n"
    "Origin\n\n"
    "On Monday, retired judge Alma Ruiz gave evidence to a parliamentary committee.\n\n"
    "Soon afterwards, several accounts said she owned four houses on the coast.\n\n"
    "In short, the claim that Ruiz owns four coastal houses is unsupported."
)
CLAIM = "Retired judge Alma Ruiz owns four houses on the coast of Spain."


@pytest.mark.parametrize(
    "claim", [f"Claim\n\n{CLAIM}", f"Claim: {CLAIM}", f"What was claimed:\n\n{CLAIM}"]
)
def test_a_fact_checks_claim_is_no_key_fact(english: Language, claim: str) -> None:
    # Issue #21: a fact-check page's claim, which the page rates unproven, was key fact 1.
    doc = english(FACT_CHECK.format(claim=claim))
    facts = [fact.text for fact in extract_key_facts(doc, "Does the judge own four houses?")]
    assert CLAIM not in " ".join(facts)
    assert "In short, the claim that Ruiz owns four coastal houses is unsupported." in facts


def test_a_claim_label_governs_only_its_own_line(english: Language) -> None:
    # Counter-example: a sentence that mentions a claim in the prose is prose.
    doc = english("The claim was rejected by the court on Monday after a long hearing.")
    assert is_prose(doc[:])


OPENING_WITHOUT_STOPS = (
    "The city council has approved a £40 million budget for the new tram line this morning\n\n"
    "Work on the first stretch of the line will start in the spring\n\n"
    "The vote ended a row that had split the council for three years. Councillors backed the "
    "plan by 31 votes to 12.\n\n"
    "The mayor said the line would open in 2029."
)


def test_a_body_that_opens_on_paragraphs_without_stops_leads_with_its_news(
    english: Language,
) -> None:
    doc = english(OPENING_WITHOUT_STOPS)
    assert is_prose(_line(doc, "The city council has approved"))
    glance = extract_at_a_glance(doc, "Tram budget approved")
    assert glance.startswith("The city council has approved a £40 million budget")
    assert glance.endswith("this morning.")


def test_an_opening_headline_without_articles_or_auxiliaries_stays_a_heading(
    english: Language,
) -> None:
    doc = english(
        "Council backs tram budget after three-year row over costs\n\n" + OPENING_WITHOUT_STOPS
    )
    assert not is_prose(_line(doc, "Council backs tram budget"))
    assert is_prose(_line(doc, "The city council has approved"))
