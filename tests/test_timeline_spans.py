"""Tests for `generator.analysis.timeline`: spans of time, states that began, owners named.

A span of time ("from 2002 to 2005") is one entry written as the span and sorted by its start;
a date after "since" is the start of what still holds and says so; an event that opens on a
possessive pronoun names its owner or gives way (issue #21)."""

from __future__ import annotations

import datetime as dt

import pytest

from generator.analysis.dates import Reference, normalise_date
from generator.analysis.timeline import extract_timeline

# A Wednesday.
ARTICLE_DATE = dt.date(2024, 6, 19)
PAST = Reference(ARTICLE_DATE, is_future=False)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2002 to 2005", ("2002", "year", "2002 to 2005")),
        ("at least 2002 to 2005", ("2002", "year", "at least 2002 to 2005")),
        ("between 2006 and 2011", ("2006", "year", "2006 to 2011")),
        ("3 to 7 July 2021", ("2021-07-03", "day", "3 to 7 July 2021")),
        ("March to June 2021", ("2021-03", "month", "March to June 2021")),
    ],
)
def test_a_span_of_time_is_its_start_written_as_the_span(text, expected):
    (date,) = normalise_date(text, PAST)
    assert (date.value, date.precision, date.text) == expected


@pytest.mark.parametrize("text", ["May and June", "2005 to 2002", "Sept. 5-7"])
def test_a_list_a_backward_span_or_a_span_of_days_alone_is_no_span(text):
    assert all(date.text is None or " to " not in date.text for date in normalise_date(text, PAST))


def test_a_span_the_recogniser_splits_is_one_entry_sorted_by_its_start(english):
    text = "The ring sold fake tickets from 2009 to 2013, officials said. Police shut it in 2012."
    timeline = extract_timeline(english(text), ARTICLE_DATE)
    assert [(e.date_text, e.value) for e in timeline] == [
        ("2009 to 2013", "2009"),
        ("2012", "2012"),
    ]


def test_a_date_after_since_is_the_start_of_a_state(english):
    (event,) = extract_timeline(english("The old pier has been shut since 2016."), ARTICLE_DATE)
    assert (event.date_text, event.value) == ("since 2016", "2016")
    # Counter-example: a date of an act keeps its own words.
    (act,) = extract_timeline(english("The council shut the old pier in 2016."), ARTICLE_DATE)
    assert act.date_text == "2016"


def test_an_event_opening_on_a_possessive_names_its_owner_or_gives_way(english):
    doc = english("Its ferries have stayed in port since April.")
    (named,) = extract_timeline(doc, ARTICLE_DATE, name_of=lambda pronoun: "Island Lines")
    assert named.event == "Its [Island Lines] ferries have stayed in port since April."
    assert extract_timeline(doc, ARTICLE_DATE, name_of=lambda pronoun: None) == ()


def test_a_span_whose_start_the_recogniser_counts_as_a_number_is_one_entry(english):
    text = (
        "Regulators claimed that the firm cheated hundreds of clients at other branches from "
        "at least 2003 to 2006."
    )
    (event,) = extract_timeline(english(text), ARTICLE_DATE)
    assert (event.date_text, event.value) == ("at least 2003 to 2006", "2003")


@pytest.mark.parametrize(
    ("sentence", "dates"),
    [
        (
            "The council vote will be postponed from Wednesday to Saturday.",
            ["Saturday"],
        ),
        ("The weekly briefing has been moved from Tuesday to Saturday.", ["Saturday"]),
    ],
)
def test_a_date_moved_from_one_day_to_another_is_no_span(english, sentence, dates):
    # The recogniser reads "Wednesday to Saturday" as one date; the verb moves a date: the
    # new date is the event, the old one the plan left (`comparison_cues.yml`).
    events = extract_timeline(english(sentence), ARTICLE_DATE)
    assert sorted(event.date_text for event in events) == dates


def test_the_next_year_of_a_story_is_no_date_ahead_of_the_article(english):
    # Without a year the story has set, "the next year" has nothing to count from: no entry,
    # rather than the year after the article's.
    doc = english("The next year, the rebels released two videos of the captives.")
    assert extract_timeline(doc, ARTICLE_DATE) == ()


@pytest.mark.parametrize(
    ("text", "years"),
    [
        # Counted from the year the story last set, not from the article's date.
        (
            "The rebels seized two engineers in June 2011. The next year, they freed one.",
            {"The next year": "2012"},
        ),
        # A chain: each count starts where the one before left the story.
        (
            "The mill closed in 1998. The following year, the town lost its school. "
            "The next year, the bakery shut too.",
            {"The following year": "1999", "The next year": "2000"},
        ),
        (
            "A storm hit the coast in 2004. That year, the harbour wall was rebuilt.",
            {"That year": "2004"},
        ),
        # Counter-example: a plan for the coming year counts from today, as "next year" does.
        (
            "The firm opened in 2009. It will hire 300 people in the next year.",
            {"next year": str(ARTICLE_DATE.year + 1)},
        ),
    ],
)
def test_a_year_counted_from_the_story_takes_the_story_year(english, text, years):
    events = extract_timeline(english(text), ARTICLE_DATE)
    found = {e.date_text: e.value for e in events if e.date_text in years}
    assert found == years


@pytest.mark.parametrize(
    ("text", "years"),
    [
        # Counted back from the year the story last set.
        (
            "The ferry line opened in 1987. The previous year, the port lost its last shipyard.",
            {"The previous year": "1986"},
        ),
        (
            "The choir toured Norway in 2015. Two years earlier, its founder had left the town.",
            {"Two years earlier": "2013"},
        ),
        # Counted on, and chained from a count back.
        (
            "The orchard was planted in 1990. A year later, the first apples were sold.",
            {"A year later": "1991"},
        ),
    ],
)
def test_a_year_counted_back_or_on_takes_the_story_year(english, text, years):
    events = extract_timeline(english(text), ARTICLE_DATE)
    found = {e.date_text: e.value for e in events if e.date_text in years}
    assert found == years


@pytest.mark.parametrize(
    "text",
    [
        # No year set before it: nothing to count back from, never the article's year.
        "The previous year, the port had lost its last shipyard.",
        # What a figure is compared with, no event of its own.
        "The ferry line carried 2m people in 1995, up from 1.5m the year before.",
        "The mill cut its losses to £3m in 1999 from the £9m it lost a year earlier.",
        # Counted from the day of writing: only the article's date could tell that year.
        "The club said that after next year's cup and the league a year later, it would rest.",
    ],
)
def test_a_year_counted_back_without_a_story_year_or_as_a_base_is_no_entry(english, text):
    events = extract_timeline(english(text), ARTICLE_DATE)
    counted = ("previous", "before", "earlier", "later")
    assert [e.date_text for e in events if any(w in e.date_text for w in counted)] == []
