"""Tests that a date takes the direction its clause and its own words give it (issue #21): a
past plan's day is the nearest so written, a date that points back is never Expected, a present
arrangement or timetable looks ahead even in an undated story, and a week sorts by its start."""

from __future__ import annotations

import datetime as dt

from generator.analysis.timeline import extract_timeline

# A Wednesday.
STORY_DATE = dt.date(2021, 3, 17)


def _listed(english, text, article_date=STORY_DATE):
    events = extract_timeline(english(text), article_date)
    return [(event.date_text, event.value, event.is_expected) for event in events]


def test_a_plan_dropped_in_the_past_keeps_its_day_behind_the_story(english):
    text = (
        "The startup shelved its plans for a public listing on February 26 after investors balked."
    )
    assert _listed(english, text) == [("February 26", "2021-02-26", False)]


def test_a_plan_announced_in_the_past_for_a_day_ahead_is_expected(english):
    text = "The club announced plans for a members' vote on April 9."
    assert _listed(english, text) == [("April 9", "2021-04-09", True)]


def test_a_saying_dated_earlier_this_month_is_not_expected_whatever_it_reports(english):
    text = "The insurer said earlier this month it would close its branch in Leeds."
    assert [expected for _, _, expected in _listed(english, text, None)] == [False]


def test_a_timetable_present_is_expected_in_an_undated_story(english):
    text = "The new licensing rule takes effect in late October."
    assert _listed(english, text, None) == [("late October", "late October", True)]


def test_a_present_with_a_year_is_no_timetable_in_an_undated_story(english):
    text = "In this photo the young striker heads the ball past a defender in 1998."
    assert [expected for _, _, expected in _listed(english, text, None)] == [False]


def test_the_story_day_in_a_present_clause_is_not_expected(english):
    text = "The streaming service launches today in fourteen countries."
    assert [expected for _, _, expected in _listed(english, text, None)] == [False]


def test_a_timetable_present_with_a_year_behind_the_story_is_not_expected(english):
    text = "The new licensing rule takes effect in mid-2018."
    assert _listed(english, text) == [("mid-2018", "2018", False)]


def test_a_present_progressive_arrangement_looks_ahead(english):
    text = "The town is getting ready for the lantern festival on Saturday."
    assert _listed(english, text) == [("Saturday", "2021-03-20", True)]


def test_later_before_a_weekday_looks_ahead_unless_the_clause_is_past(english):
    ahead = "The winner collects the trophy later on Friday."
    past = "The coach spoke to the press later on Friday."
    assert _listed(english, ahead) == [("Friday", "2021-03-19", True)]
    assert _listed(english, past) == [("Friday", "2021-03-12", False)]


def test_last_week_sorts_after_an_earlier_day_of_its_month(english):
    text = "A fisherman landed a rare shark on March 2. Two more were caught last week."
    assert [date for date, _, _ in _listed(english, text)] == ["March 2", "last week"]


def test_the_story_week_in_a_present_state_is_not_expected(english):
    text = "The bakery's new loaves are on sale this week in every branch."
    assert [expected for _, _, expected in _listed(english, text, None)] == [False]
