"""Tests that a timeline entry stands alone (issue #21): its subject is named or it gives way,
a cut keeps what was said, a past date is not Expected, a name's weekday and a record's year
are no event dates, and one event is one entry."""

from __future__ import annotations

import datetime as dt

from spacy.tokens import Doc

from generator.analysis.event_cuts import cuts_reported_content
from generator.analysis.timeline import extract_timeline

# A Wednesday.
STORY_DATE = dt.date(2019, 11, 20)


def _listed(english, text, name=None, article_date=STORY_DATE):
    events = extract_timeline(english(text), article_date, name_of=lambda pronoun: name)
    return [(event.date_text, event.event, event.is_expected) for event in events]


def test_a_that_subject_the_text_does_not_name_gives_way(english):
    text = (
        "Kerr was sent off for a late tackle on Saturday. "
        "That rules him out of the derby on Tuesday night."
    )
    assert [date for date, _, _ in _listed(english, text)] == ["Saturday"]


def test_that_as_a_determiner_keeps_its_noun_and_its_entry(english):
    text = "That decision came on Friday after a long review."
    assert _listed(english, text) == [("Friday", text, False)]


def test_there_opening_the_dated_clause_names_the_place_before_it(english):
    text = (
        "A new case was confirmed in Peru over the weekend after three farmers there fell ill "
        "last week."
    )
    events = [event for _, event, _ in _listed(english, text, name="someone")]
    assert "Three farmers there [Peru] fell ill last week." in events


def test_a_bare_saying_whose_words_are_a_quotation_gives_way(english):
    text = (
        "Crews cleared the roads on Monday. "
        "\u201cRain. Wind. More rain. STAY HOME,\u201d the mayor tweeted on Sunday night."
    )
    assert [date for date, _, _ in _listed(english, text)] == ["Monday"]


def test_a_saying_with_its_reported_clause_stays(english):
    text = "The mayor said on Sunday that the bridge would reopen."
    assert [event for _, event, _ in _listed(english, text)] == [text]


def _misparsed_estimate(english) -> Doc:
    """'The bureau has estimated that 900 homes lost power in 2016' as the parser sometimes
    reads it: "lost" joined to "estimated", the reported clause's head a noun."""
    words = ["The", "bureau", "has", "estimated", "that", "900", "homes", "lost", "power",
             "in", "2016", "."]  # fmt: skip
    heads = [1, 3, 3, 3, 6, 6, 3, 3, 7, 7, 9, 3]
    deps = ["det", "nsubj", "aux", "ROOT", "mark", "nummod", "ccomp", "conj", "dobj", "prep",
            "pobj", "punct"]  # fmt: skip
    pos = ["DET", "NOUN", "AUX", "VERB", "SCONJ", "NUM", "NOUN", "VERB", "NOUN", "ADP", "NUM",
           "PUNCT"]  # fmt: skip
    return Doc(english.vocab, words=words, heads=heads, deps=deps, pos=pos)


def test_a_cut_may_not_credit_the_reporter_with_the_reported_act(english):
    doc = _misparsed_estimate(english)
    lost = doc[7]
    # "The bureau lost power in 2016" would drop the reported clause that says who did.
    assert cuts_reported_content(lost, (doc[0], doc[1], lost, doc[8], doc[9], doc[10]))
    # Counter-example: the clause kept whole keeps what was reported.
    assert not cuts_reported_content(lost, tuple(doc))


def test_a_date_before_the_article_is_not_expected_under_a_forecast_word(english):
    text = "The bureau estimated in its report that rents rose by a fifth in 2016."
    assert [expected for _, _, expected in _listed(english, text)] == [False]


def test_a_date_ahead_under_a_forecast_word_is_expected(english):
    text = "The bureau estimated that rents will rise by a fifth in 2026."
    assert [expected for _, _, expected in _listed(english, text)] == [True]


def test_a_weekday_opening_a_name_is_no_date(english):
    text = "The memoir, serialised in the Monday Gazette, says the minister resigned in May 2001."
    assert [date for date, _, _ in _listed(english, text)] == ["May 2001"]


def test_a_weekday_of_an_occasion_stays_a_date(english):
    text = "The team beat the champions on Sunday night."
    assert [date for date, _, _ in _listed(english, text)] == ["Sunday night"]


def test_a_year_after_since_and_a_place_is_a_record_not_the_event(english):
    text = "The 29-year-old Swede won 6-4 6-2 for his first title since Oslo in 2015."
    assert _listed(english, text) == []


def test_a_year_after_a_place_without_since_dates_the_event(english):
    text = "She moved to Oslo in 2015."
    assert _listed(english, text, name="Ms Berg") == [
        ("2015", "She [Ms Berg] moved to Oslo in 2015.", False)
    ]
