"""A country's noun for one of its people is that person, never the country ("said the
German", "The 31-year-old Spaniard came through"); post-nominal letters ("MP", "QC", "OBE",
`data/post_nominals.yml`) are no part of a person's name; a newspaper's name keeps the word the
model read as a date ("the Sunday Ledger"); a body's name that only modifies a noun where one
body's name starts with it is that body's short form. Invented sentences."""

from __future__ import annotations

from generator.analysis.actors import extract_actors
from generator.analysis.post_nominals import is_post_nominal


def _actors(english, gazetteer, text):
    return {a.name: a for a in extract_actors(english(text), gazetteer).actors}


def test_a_demonym_ending_in_man_that_names_one_person_is_not_the_country(english, gazetteer):
    # "German" ends in "man" but its plural is "Germans": it is a noun for one German.
    text = (
        'Anna Keller won the final in Linz on Sunday. "I played well," said the German, '
        "who had lost in the first round last year."
    )
    actors = _actors(english, gazetteer, text)
    assert "Germany" not in actors


def test_a_national_noun_as_subject_gives_the_person_the_deed(english, gazetteer):
    # Two people are named before; the description goes to the subject, the story's thread.
    text = (
        "Carla Suarez beat Jo Lin in the semi-final on Friday.\n\n"
        "The 31-year-old Spaniard came through in three sets despite a sore wrist."
    )
    actors = _actors(english, gazetteer, text)
    assert "Spain" not in actors
    assert any("came through" in action for action in actors["Carla Suarez"].actions)
    assert not any("came through" in action for action in actors["Jo Lin"].actions)


def test_post_nominal_letters_are_cut_from_a_persons_name(english, gazetteer):
    text = (
        "Backbencher Peter Holt MP criticised the plan on Tuesday. The barrister Jane Moss QC "
        "said the law was unclear, and Holt agreed."
    )
    actors = _actors(english, gazetteer, text)
    assert "Peter Holt" in actors and "Peter Holt MP" not in actors
    assert "Holt" not in actors  # the surname is the same person's once the name is clean
    assert "Jane Moss" in actors


def test_initials_with_full_stops_are_not_post_nominals():
    # "Pushpa K.C.": a name's initials, though "KC" is a King's Counsel.
    assert is_post_nominal("QC") and is_post_nominal("OBE")
    assert not is_post_nominal("K.C.") and not is_post_nominal("Ms")


def test_a_papers_name_keeps_the_day_the_model_read_as_a_date(english, gazetteer):
    text = "A report in the Sunday Times said the talks had stalled before the vote."
    actors = _actors(english, gazetteer, text)
    assert "Sunday Times" in actors and "Times" not in actors


def test_a_body_named_only_as_a_modifier_is_the_body_whose_name_it_starts(english, gazetteer):
    text = (
        "The diplomat testified before the U.S. Senate Armed Services Committee on Tuesday. "
        "Critics said her U.S. Senate testimony was careful."
    )
    actors = _actors(english, gazetteer, text)
    assert "U.S. Senate" not in actors
    assert "U.S. Senate" in actors["U.S. Senate Armed Services Committee"].aliases


def test_a_shorter_body_that_acts_keeps_its_own_card(english, gazetteer):
    text = (
        "The U.S. Senate voted on Thursday to fund the agency. The U.S. Senate Armed Services "
        "Committee will hold hearings next week."
    )
    actors = _actors(english, gazetteer, text)
    assert "U.S. Senate" in actors
