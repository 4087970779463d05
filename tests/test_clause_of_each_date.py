"""An entry or an act holds the clause its date or its doer belongs to (issue #21): two dated
clauses of one sentence are two entries, each without the other's clause; a date in a phrase
set off from a clause dated otherwise makes no second entry of the whole sentence; a total up
to a date is no event of that date; two verbs that share a subject and an object are one act;
the one a quotation calls by name or as "Mum" is not its speaker."""

from __future__ import annotations

import datetime as dt

import pytest
from spacy.language import Language

from generator.analysis.actions import actions_of
from generator.analysis.actors import extract_actors
from generator.analysis.gazetteer import Gazetteer
from generator.analysis.quotes import extract_quotes
from generator.analysis.timeline import extract_timeline

# A Wednesday.
ARTICLE_DATE = dt.date(2024, 6, 19)


def _name_nobody(_token):
    return None


def _events(english: Language, text: str) -> dict[str, str]:
    timeline = extract_timeline(english(text), ARTICLE_DATE, _name_nobody)
    return {event.date_text: event.event for event in timeline}


def test_a_joined_clause_the_tagger_took_for_a_participle_is_its_dates_entry(english):
    # "expanded" with a subject of its own and no auxiliary is a past tense, whatever the tag.
    events = _events(
        english,
        "Fees on imported steel were raised from 5% to 15% in March 2023, and the range of "
        "covered products expanded in October 2023 to take in pipes, wire and bolts.",
    )
    assert events["October 2023"].startswith("The range of covered products expanded")
    assert "March" not in events["October 2023"]
    assert "October" not in events["March 2023"]


def test_a_participle_after_its_auxiliary_still_needs_the_clause_it_joins(english):
    # Counter-example: "had been" gives "approved" its tense; one clause, one entry per date.
    events = _events(english, "The plan had been approved in May 2022 by the city council.")
    assert events["May 2022"] == "The plan had been approved in May 2022 by the city council."


def test_a_date_in_a_set_off_phrase_makes_no_entry_of_the_whole_sentence(english):
    events = _events(
        english,
        "Port fees rose in April 2021, mostly hitting grain shippers, followed by higher "
        "charges on fuel tankers in June 2021 that covered diesel and jet fuel.",
    )
    assert events == {"April 2021": "Port fees rose in April 2021."}


def test_a_set_off_phrase_keeps_its_date_when_only_a_noun_is_dated_besides(english):
    # Counter-example: "the 2019 season" dates a noun, not the clause: the phrase's date is
    # the sentence's only time, and the sentence is its entry.
    events = _events(
        english,
        "The stars of the 2019 season have barely started to train, spending a combined "
        "$3 million last month on a new gym.",
    )
    assert list(events) == ["last month"]
    assert events["last month"].startswith("The stars of the 2019 season")


def test_a_total_up_to_a_date_is_no_event_of_that_date(english):
    events = _events(
        english,
        "Receipts from the new levy have totaled about $12 billion through March 31, 2024. "
        "As of Monday, officials had counted 4,100 ballots.",
    )
    assert events == {}


def test_an_act_that_lasts_up_to_a_date_or_counts_on_it_stays(english):
    # Counter-examples: no count measured up to the date ("ran through"), a count done on a day.
    events = _events(english, "The strike ran through June 3. The mill cut 500 jobs on Monday.")
    assert set(events) == {"June 3", "Monday"}


def _actions(english: Language, text: str, name: str) -> tuple[str, ...]:
    doc = english(text)
    start = text.index(name)
    return actions_of([doc.char_span(start, start + len(name))])


def test_two_verbs_that_share_subject_and_object_are_one_act(english):
    text = "Martin Hale cooked and served a large dinner for the team on Friday."
    assert _actions(english, text, "Martin Hale") == (
        "Martin Hale cooked and served a large dinner for the team on Friday",
    )


def test_the_second_verb_of_a_pair_dates_the_pair(english):
    events = _events(english, "The fisherman caught and grilled a large trout on Monday.")
    assert events["Monday"] == "The fisherman caught and grilled a large trout on Monday."


def test_two_verbs_each_with_an_object_are_two_acts(english):
    # Counter-example: "stopped the car" has its own object; the dated act is the arrest.
    events = _events(english, "The police stopped the car and arrested the driver on Monday.")
    assert events["Monday"] == "The police arrested the driver on Monday."


def _speakers(english: Language, gazetteer: Gazetteer, text: str) -> list[tuple[str | None, str]]:
    doc = english(text)
    actors = extract_actors(doc, gazetteer, headline="")
    quotes = extract_quotes(doc, actors.speaker_name, actors.actors, "")
    return [(quote.speaker, quote.text.split()[0]) for quote in quotes]


def test_the_mother_a_quotation_calls_is_not_she_who_says_it(english, gazetteer):
    text = (
        "Carol Denton found out about the trip on Monday. Her daughter sent her a message "
        'that night. "Mom, if I cannot go I will be miserable," she said in the message.'
    )
    assert _speakers(english, gazetteer, text) == [(None, "Mom,")]


def test_a_quotation_calling_a_man_leaves_she_who_says_it(english, gazetteer):
    # Counter-example: "Dad" is no woman: "she" stays the woman named before.
    text = (
        "Carol Denton found out about the trip on Monday. "
        '"Dad, I will not let her go," she said in a call.'
    )
    assert _speakers(english, gazetteer, text) == [("Carol Denton", "Dad,")]


def test_the_person_a_quotation_calls_by_name_is_not_its_speaker(english, gazetteer):
    text = 'Dana Webb met Lena Ortiz on Monday. "We did it, Dana," she said.'
    assert _speakers(english, gazetteer, text)[0][0] != "Dana Webb"


def test_a_name_not_called_leaves_the_speaker(english, gazetteer):
    # Counter-example: a name inside the quotation, not set off at its edge, is no call.
    text = 'Dana Webb met Lena Ortiz on Monday. "We met Lena at noon," she said.'
    assert _speakers(english, gazetteer, text) == [("Dana Webb", "We")]


def test_she_who_calls_a_name_is_the_next_woman_the_text_names(english, gazetteer):
    # The one called by name hears the words; the other woman named before says them.
    text = 'Emma Hart met Julia Stone on Monday. "We did it, Emma," she said.'
    assert _speakers(english, gazetteer, text)[0][0] == "Julia Stone"


def test_he_who_calls_the_only_man_named_is_no_one(english, gazetteer):
    # Counter-example: with no other man named before, the words have no speaker the text names.
    text = 'Tom Reilly waited by the door. "You were right all along, Tom," he said.'
    assert _speakers(english, gazetteer, text)[0][0] is None


def test_a_conjunct_that_always_takes_an_object_shares_the_passive(english):
    # "jailed" has no object: it can only be "was jailed", as the verb it is joined to.
    events = _events(english, "Leo Brand was convicted of theft and jailed for two years in May.")
    assert events["May"] == "Leo Brand was jailed for two years in May."


def test_a_conjunct_that_can_go_without_an_object_keeps_its_own_voice(english):
    # Counter-example: "moved" after "was born" is what she did, not what was done to her.
    events = _events(english, "Ann Kerr was born in Hull in 1950 and moved to Leeds in 1972.")
    assert events["1972"] == "Ann Kerr moved to Leeds in 1972."


@pytest.mark.parametrize(
    "text",
    [
        "At least 215 cyclists hurt and treated in hospital so far this year.",
        "More than 90 miners have died in the region so far this year.",
        "At least 300 people shot and wounded by gangs so far this year.",
    ],
)
def test_a_count_of_those_who_acted_or_were_acted_on_up_to_now_is_no_event(english, text):
    assert _events(english, text) == {}


def test_a_count_on_a_day_is_an_event(english):
    # Counter-example: one day's act, whatever it counts.
    events = _events(english, "The storm injured 12 people on Monday.")
    assert events["Monday"] == "The storm injured 12 people on Monday."


def test_a_date_of_an_example_a_noun_gives_is_no_event(english):
    # "one on Monday" is one of the raids; the arrests are not Monday's.
    assert "Monday" not in _events(
        english, "Several raids, including one on Monday, led to arrests."
    )


def test_a_date_of_an_example_by_name_stays_the_clauses(english):
    # Counter-example: the stores opened in Leeds in March.
    events = _events(english, "The firm opened stores in many cities, including Leeds in March.")
    assert "March" in events


def test_a_date_of_an_example_of_what_the_clause_acts_on_stays_the_clauses(english):
    # Counter-example: the four were among those arrested, and they were arrested on Monday.
    events = _events(english, "Police arrested 12 people, including four on Monday.")
    assert "Monday" in events
