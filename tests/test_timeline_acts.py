"""Tests for `generator.analysis.timeline`: one entry per act and date, counts that are no
events, subjects that name their place, dated issues ahead of the article (issue #21).

A date of a noun's act in a clause's adjunct gives way to the clause's own date, whose entry
leaves that adjunct out (`nominal_dates`); a running total up to now or a figure as of a day is
a state (`tallies`); "authorities there" names the place (`event_subjects`)."""

from __future__ import annotations

import datetime as dt

from generator.analysis.timeline import extract_timeline

# A Wednesday.
ARTICLE_DATE = dt.date(2024, 6, 19)


def _name_nobody(_token):
    return None


def _events(english, text):
    return {
        event.date_text: event
        for event in extract_timeline(english(text), ARTICLE_DATE, _name_nobody)
    }


def test_a_date_of_a_nouns_act_in_an_adjunct_leaves_the_clause_to_its_own_date(english):
    events = _events(
        english,
        "In addition to its purchase of 12 new ferries Tuesday, the company announced a deal "
        "for 40 buses on Friday worth $2 billion.",
    )
    assert list(events) == ["Friday"]
    assert events["Friday"].event.startswith("The company announced a deal for 40 buses")
    assert "Tuesday" not in events["Friday"].event


def test_a_reported_act_is_not_dated_by_the_act_of_the_adjunct_before_it(english):
    events = _events(
        english,
        "Besides its hiring of 200 engineers on Thursday, the firm said it had opened a lab "
        "in Oslo on Monday.",
    )
    assert list(events) == ["Monday"]
    assert events["Monday"].event == "The firm said it had opened a lab in Oslo on Monday."


def test_a_placing_prepositions_act_still_dates_its_clause(english):
    # Counter-example: "after" a meeting is another act; "during" talks the agreement is made.
    events = _events(english, "During talks on Monday, the two leaders agreed to a ceasefire.")
    assert events["Monday"].event.startswith("During talks on Monday")


def test_two_acts_of_two_joined_clauses_are_two_entries(english):
    events = _events(
        english,
        "The carrier halted its services to the island on Monday and restarted them on "
        "Wednesday after the storm passed.",
    )
    assert events["Monday"].event == "The carrier halted its services to the island on Monday."
    assert events["Wednesday"].event.startswith("The carrier restarted them on Wednesday")


def test_a_running_total_up_to_now_is_no_event(english):
    for sentence in (
        "The health ministry has confirmed 412 cases of measles so far this year.",
        "Officials have recorded 38 deaths this year, the agency said.",
    ):
        assert _events(english, sentence) == {}


def test_a_figure_as_of_a_day_is_no_event(english):
    assert _events(english, "The company had 9,300 staff on March 31.") == {}


def test_one_act_with_a_count_or_an_act_of_this_year_stays_an_event(english):
    # Counter-examples: a cut made on a day; an act of this year with nothing counted.
    assert list(_events(english, "The company cut 500 jobs on Monday.")) == ["Monday"]
    assert list(_events(english, "The clinic had a fire on Monday.")) == ["Monday"]
    assert list(_events(english, "The government has announced a new plan this year.")) == [
        "this year"
    ]


def test_a_subject_there_is_named_by_the_place_before_it(english):
    events = _events(
        english,
        "Three cases of the disease were found in Peru this month. In 2003, authorities there "
        "were accused of hiding an outbreak.",
    )
    assert events["2003"].event == (
        "In 2003, authorities there [Peru] were accused of hiding an outbreak."
    )


def test_a_subject_there_without_a_place_before_it_gives_way(english):
    assert _events(english, "In 2003, officials there were accused of hiding an outbreak.") == {}


def test_a_dated_issue_ahead_of_the_article_is_expected(english):
    events = _events(
        english,
        "The team's results are published in the July 2024 issue of a journal.",
    )
    assert events["July 2024"].is_expected


def test_what_could_have_happened_by_a_date_is_no_event(english):
    # A counterfactual tells what did not happen by 2005: no event of 2005, and nothing the
    # article expects either.
    for sentence in (
        "Critics argue the city could have adopted the plan by 2005.",
        "The city could have adopted the plan in 2005.",
        "The council should have repaired the bridge in May.",
    ):
        assert _events(english, sentence) == {}
    # Counter-example: a past the writer is unsure of is still told.
    assert list(_events(english, "The fire may have started on Monday, police said.")) == ["Monday"]


def test_a_count_over_a_span_of_years_is_no_event(english):
    sentence = (
        "The region has seen a handful of outbreaks in recent years, with 14 cases and 3 deaths "
        "between 2010 and 2019, the agency says."
    )
    assert _events(english, sentence) == {}


def test_acts_over_a_span_of_days_stay_an_event(english):
    # Counter-example: the span times the arrests (it hangs on the verb), not a count.
    events = _events(english, "Police arrested 12 people between Monday and Wednesday.")
    assert list(events) == ["Monday to Wednesday"]


def test_a_linking_verb_compared_with_today_is_no_event(english):
    sentence = "Such models may help explain why the galaxy appears as it is today."
    assert _events(english, sentence) == {}
    # Counter-example: an act of today with an "as" clause of its own.
    assert list(_events(english, "The bridge reopened today, as it was promised.")) == ["today"]


def test_a_date_inside_a_fronted_phrase_is_its_nouns_though_hung_on_the_verb(english):
    # The parser hangs "Thursday" on "announced"; the words put it inside the fronted phrase,
    # on the order, and the clause has its own day.
    events = extract_timeline(
        english(
            "Alongside its order of 40 Embraer jets Thursday, it announced a lease of 12 Airbus "
            "planes on Tuesday worth $3 billion."
        ),
        ARTICLE_DATE,
        lambda _token: "the airline",
    )
    assert [(event.date_text, event.event) for event in events] == [
        (
            "Tuesday",
            "It [the airline] announced a lease of 12 Airbus planes on Tuesday worth $3 billion.",
        )
    ]


def test_a_noun_dated_after_the_clause_stays_in_its_words(english):
    # The attempts' months give way to the launch's day, whose entry keeps the whole sentence.
    text = (
        "The probe reached the moon on 3 March 2023, after two failed launches in June and "
        "October of the year before."
    )
    events = _events(english, text)
    assert list(events) == ["3 March 2023"]
    assert events["3 March 2023"].event == text


def test_a_date_beyond_a_complex_preposition_does_not_date_the_clause(english):
    # "in the wake of" and "on the eve of" set the clause after or before their object: the
    # object's day is not when the union spoke.
    for opening in ("In the wake of next Sunday's strike", "On the eve of Friday's strike"):
        events = _events(english, f"{opening}, the union said it would keep talking to owners.")
        assert not any("union said" in event.event for event in events.values())


def test_a_date_inside_the_act_a_placing_preposition_names_dates_the_clause(english):
    # Counter-example: "in the dying minutes of" is inside Saturday's match.
    events = _events(english, "In the dying minutes of Saturday's match, Tom Ash scored twice.")
    assert "Saturday" in events
