"""Tests for what the timeline expects (issue #21): conditions, forecasts a participle tells,
occasions a date schedules ahead, counts of time ahead, and the act that began a state."""

from __future__ import annotations

import datetime as dt

import pytest

from generator.analysis.timeline import extract_timeline

# A Wednesday.
STORY_DATE = dt.date(2024, 6, 19)


def _listed(english, text: str, article_date: dt.date | None = STORY_DATE):
    return [
        (event.date_text, event.event, event.is_expected)
        for event in extract_timeline(english(text), article_date)
    ]


@pytest.mark.parametrize(
    ("text", "listed"),
    [
        # A condition in the present is what may come: expected, told as its whole sentence.
        (
            "If the club wins on Saturday, the fans will celebrate.",
            [("Saturday", "If the club wins on Saturday, the fans will celebrate.", True)],
        ),
        # Counter-example: a past condition is no plan ahead.
        (
            "If he left in May, nobody saw him go.",
            [("May", "If he left in May, nobody saw him go.", False)],
        ),
    ],
)
def test_a_condition_is_expected_and_told_whole(english, text, listed):
    assert _listed(english, text) == listed


def test_a_participle_of_expecting_dates_its_target_not_a_past_act(english):
    # "the vote expected this year" is a forecast of this year, not something done: the vote
    # is expected, in its own words.
    text = "The party published its pledges for the vote expected this year."
    assert _listed(english, text) == [("this year", "The vote expected this year.", True)]


@pytest.mark.parametrize(
    ("text", "listed"),
    [
        # The date dates the act that began the state; the state itself is no event.
        (
            "Sales have doubled since the shop opened in 2011.",
            [("2011", "The shop opened in 2011.", False)],
        ),
        # Counter-example: an "after" clause keeps its sentence (the main act is dated near it).
        (
            "The Lantern was shut after it failed an inspection on Monday.",
            [("Monday", "The Lantern was shut after it failed an inspection on Monday.", False)],
        ),
    ],
)
def test_a_since_clause_is_the_act_that_began_the_state(english, text, listed):
    events = extract_timeline(english(text), STORY_DATE, name_of=lambda pronoun: "The Lantern")
    assert [(e.date_text, e.event, e.is_expected) for e in events] == listed


@pytest.mark.parametrize(
    ("text", "article_date", "listed"),
    [
        # An occasion a date schedules ahead of the story is expected, in its own words.
        (
            "The campaign enters its final week before the June 27 election.",
            STORY_DATE,
            [("June 27", "The June 27 election.", True)],
        ),
        (
            "Officials met ahead of next week's summit in Rome.",
            STORY_DATE,
            [("next week", "Next week's summit.", True)],
        ),
        # Without a story date, an expected clause says it lies ahead.
        (
            "Dozens of players are expected to attend Sunday's gala.",
            None,
            [("Sunday", "Sunday's gala.", True)],
        ),
        # Counter-examples: an occasion behind the story, one inside a past clause that a
        # forecast higher up holds, and a bare year naming a budget.
        (
            "She expects him to recover from the fall, which made him miss Sunday's gala.",
            None,
            [],
        ),
        ("Campaigning before the March 3 election was fierce.", STORY_DATE, []),
        ("The 2025 budget was approved.", STORY_DATE, []),
    ],
)
def test_an_occasion_scheduled_ahead_is_expected(english, text, article_date, listed):
    assert _listed(english, text, article_date) == listed


def test_a_count_of_time_ahead_is_a_date_and_a_length_of_time_is_none(english):
    ahead = extract_timeline(
        english("The two rivals will meet again in the final in three weeks' time."), STORY_DATE
    )
    assert [(event.value, event.is_expected) for event in ahead] == [("2024-07", True)]
    # Counter-example: how long something took dates nothing.
    assert _listed(english, "The team built the bridge in three weeks.") == []
