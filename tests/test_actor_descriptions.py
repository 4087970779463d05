"""A description of age opening a sentence ("The teenager ...", "The 34-year-old ...") is the
one person the sentence before names (`actors.described_people`); a name only addressed in a
quotation ("my dear ...") is no actor (`actors.addressed`)."""

from __future__ import annotations

from generator.analysis.actors import extract_actors


def _actors(english, gazetteer, text):
    return {actor.name: actor for actor in extract_actors(english(text), gazetteer).actors}


def test_the_teenager_after_the_one_person_named_is_that_person(english, gazetteer):
    text = (
        "Lena Ortiz won the junior title in Leeds on Saturday. "
        "The teenager beat two seeded players on the way to the final."
    )
    ortiz = _actors(english, gazetteer, text)["Lena Ortiz"]
    assert ortiz.mentions == 2
    assert any(action.startswith("The teenager beat") for action in ortiz.actions)


def test_an_age_after_the_one_person_named_is_that_person(english, gazetteer):
    text = (
        "Tomas Vrba signed a new contract with the club on Friday. "
        "The 34-year-old has scored nine goals this season."
    )
    assert _actors(english, gazetteer, text)["Tomas Vrba"].mentions == 2


def test_a_description_after_two_people_named_is_nobodys(english, gazetteer):
    text = (
        "Lena Ortiz beat Maria Hale in the junior final in Leeds on Saturday. "
        "The teenager lifted the trophy after the match."
    )
    actors = _actors(english, gazetteer, text)
    assert actors["Lena Ortiz"].mentions == 1
    assert actors["Maria Hale"].mentions == 1


def test_a_name_only_addressed_in_a_quotation_is_no_actor(english, gazetteer):
    text = (
        "Doctors took three years to find the cause. As the old detective put it, "
        '"Simple, my dear Quigley." Ann Reyes said the case was rare.'
    )
    actors = _actors(english, gazetteer, text)
    assert "Quigley" not in actors
    assert "Ann Reyes" in actors


def test_a_name_addressed_and_named_in_the_writers_words_stays(english, gazetteer):
    text = '"Simple, my dear Quigley," the doctor said. Quigley nodded and left the room.'
    assert "Quigley" in _actors(english, gazetteer, text)
