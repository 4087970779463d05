"""Tests for what the timeline tells of plans, schedules and quoted words (issue #21): a plan
told from a past moment, a labelled schedule line, a quotation with its attribution."""

from __future__ import annotations

import datetime as dt

import pytest

from generator.analysis.timeline import extract_timeline

# A Wednesday.
STORY_DATE = dt.date(2024, 6, 19)


def _dated(english, text: str, article_date: dt.date | None = STORY_DATE):
    return [
        (event.date_text, event.value, event.is_expected)
        for event in extract_timeline(english(text), article_date)
    ]


@pytest.mark.parametrize(
    ("text", "dated"),
    [
        # Issue #21: "would" is the future of a past moment: a plan reported, no past fact.
        ("The mayor said the ferry would stop running on May 3.", []),
        ("The mayor said the ferry would stop running in May.", []),
        # Ahead of the story it is an expected event, dated the nearest way it is written.
        ("The mayor said the ferry would stop running in July.", [("July", "2024-07", True)]),
        ("The mayor said the ferry would stop running in 2026.", [("2026", "2026", True)]),
        # The story's own weekday is a week either way: no nearer reading lies ahead.
        ("The mayor said the ferry would stop running on Wednesday.", []),
        # Counter-example: what the mayor did is dated as before.
        ("The mayor stopped the ferry on May 3.", [("May 3", "2024-05-03", False)]),
    ],
)
def test_a_plan_told_from_the_past_is_expected_or_nothing(english, text, dated):
    assert _dated(english, text) == dated


def test_a_plan_told_from_the_past_is_expected_without_a_story_date(english):
    events = _dated(english, "The mayor said the ferry would stop running in July.", None)
    assert [expected for _, _, expected in events] == [True]


def test_a_labelled_schedule_line_looks_ahead(english):
    # Issue #21: "Visit the Thunder on Friday" was dated the Friday before the story.
    assert _dated(english, "Hawks: Host the Bulls on Friday.") == [("Friday", "2024-06-21", True)]


@pytest.mark.parametrize(
    ("text", "dated"),
    [
        # Issue #21: someone's quoted words with their "X said" are the Quotes' section's.
        (
            'The mill shut on Monday. "We are standing because our town is fraying," '
            "Ms Ode said on Tuesday night in Leeds.",
            ["Monday"],
        ),
        (
            "The mill shut on Monday. Ms Ode told the panel: "
            '"I worried on June 3 how the news would be taken in the town."',
            ["Monday"],
        ),
        # Counter-example: a statement reported in the writer's words is an event.
        (
            "The mill shut on Monday. Ms Ode said on Tuesday that the town will have to find a "
            "new employer.",
            ["Monday", "Tuesday"],
        ),
    ],
)
def test_a_quotation_with_its_attribution_dates_no_event(english, text, dated):
    assert [date for date, _, _ in _dated(english, text)] == dated


@pytest.mark.parametrize(
    ("text", "dated"),
    [
        # Issue #21: what the two sides agreed to do on Friday lies ahead of the agreement.
        (
            "The two unions failed to settle the dispute but agreed to talk again on Friday.",
            [("Friday", "2024-06-21", True)],
        ),
        ("The council decided to close the pool in August.", [("August", "2024-08", True)]),
        # The nearer reading lies behind: the date is most likely the agreement's own.
        ("The board agreed to sell the stadium on Tuesday.", [("Tuesday", "2024-06-18", False)]),
        # Counter-examples: the commitment's own date, and a past wish, stay past.
        ("The council voted on Monday to close the pool.", [("Monday", "2024-06-17", False)]),
        ("The crew hoped to reach the summit on Friday.", [("Friday", "2024-06-14", False)]),
    ],
)
def test_the_date_of_a_plan_agreed_looks_ahead_of_the_agreement(english, text, dated):
    assert _dated(english, text) == dated


def test_a_plan_agreed_stays_as_told_without_a_story_date(english):
    events = _dated(english, "The two unions agreed to talk again on Friday.", None)
    assert [expected for _, _, expected in events] == [False]
