"""One entity, one name: a surname in another transliteration, a subdivision in its long
official form (issue #20, part twenty-one)."""

from __future__ import annotations

import pytest

from generator.analysis.actors import extract_actors


def actors_of(english, gazetteer, text):
    return {actor.name: actor for actor in extract_actors(english(text), gazetteer).actors}


@pytest.mark.parametrize("variant", ["Zelenskyy", "Zelenskiy"])
def test_a_surname_in_another_transliteration_is_the_person_named_in_full(
    english, gazetteer, variant
):
    text = (
        "President Volodymyr Zelensky of Ukraine met the envoy in Kyiv on Monday. "
        f"Afterwards, {variant} told reporters that the talks went well."
    )
    actors = actors_of(english, gazetteer, text)
    assert variant not in actors
    assert variant in actors["Volodymyr Zelensky"].aliases


def test_names_that_differ_by_a_letter_stay_two_people(english, gazetteer):
    text = "Mark Philips met Anna Phillips in Paris. Phillips said the talks went well."
    actors = actors_of(english, gazetteer, text)
    assert {"Mark Philips", "Anna Phillips"} <= set(actors)
    assert "Phillips" in actors["Anna Phillips"].aliases
    assert "Phillips" not in actors["Mark Philips"].aliases


@pytest.mark.parametrize(
    ("text", "short", "long"),
    [
        (
            "Herders in Inner Mongolia Autonomous Region were told to stay indoors. "
            "Officials in Inner Mongolia said the outbreak was contained.",
            "Inner Mongolia",
            "Inner Mongolia Autonomous Region",
        ),
        (
            "Floods hit Sichuan Province on Monday. Rescuers in Sichuan said 12 people died.",
            "Sichuan",
            "Sichuan Province",
        ),
    ],
)
def test_a_subdivision_in_its_long_form_is_the_place_named_short(
    english, gazetteer, text, short, long
):
    actors = actors_of(english, gazetteer, text)
    assert long not in actors
    assert long in actors[short].aliases


def test_a_city_beside_its_state_stays_two_places(english, gazetteer):
    text = "Officials of New York State met the mayor of New York on Monday."
    assert {"New York State", "New York"} <= set(actors_of(english, gazetteer, text))


def test_a_body_named_where_the_model_labelled_nothing_is_counted_there(english, gazetteer):
    # The model reads a name it does not know as a common noun in some sentences: what the
    # body did there ("agreed to a rescue") belongs to it.
    text = (
        "Regulators in Ohio opened an inquiry into DeskHive, officials said. The inquiry "
        "follows a settlement DeskHive reached with DeskHive's landlords. DeskHive agreed to a "
        "rescue by its largest investor last month. DeskHive now faces a radical overhaul."
    )
    body = actors_of(english, gazetteer, text)["DeskHive"]
    assert body.mentions == 4
    assert any("agreed to a rescue" in action for action in body.actions)
    assert "the name of a body the article names ×2" in body.evidence


def test_a_surname_taken_for_a_date_is_the_person_named_in_full(english, gazetteer):
    # The model labels "Weeks" a date, in the full name and alone; the rule
    # surname-taken-for-a-date finds the full name, and the surname alone joins it.
    text = (
        "Australian Susan Weeks, a nurse at the clinic, was freed. "
        "Hale and Weeks were taken by gunmen in August 2016."
    )
    person = actors_of(english, gazetteer, text)["Susan Weeks"]
    assert person.kind == "person"
    assert person.mentions == 2


def test_a_body_named_whole_over_the_proper_noun_its_name_modifies(english, gazetteer):
    # The model ends the paper's name before its head word "Leader".
    text = "Reporters at the Rapid City Journal Leader found that the ads cost the state a lot."
    assert "Rapid City Journal Leader" in actors_of(english, gazetteer, text)
    # A title after a body's name belongs to the person it names.
    titled = "Senate President Ahmad Lawan moved the motion on Tuesday."
    assert "Senate President" not in actors_of(english, gazetteer, titled)


def test_an_outlet_cited_after_according_to_the_is_a_source(english, gazetteer):
    text = (
        "The ads cost the state about 90,000 dollars, according to the Rapid City Journal Leader."
    )
    index = extract_actors(english(text), gazetteer)
    assert index.sources == ("Rapid City Journal Leader",)
    assert not index.actors


@pytest.mark.parametrize(
    ("text", "publisher", "cut"),
    [
        ("The mayor's office did not reply to The Hill's request for comment.", "The Hill", "Hill"),
        (
            "A herder fell ill after eating a marmot, officials said.\n\nWith Post wires",
            "New York Post",
            "Post",
        ),
    ],
)
def test_the_outlet_of_the_article_cut_to_a_word_is_no_actor(
    english, gazetteer, text, publisher, cut
):
    assert cut in actors_of(english, gazetteer, text)
    actors = extract_actors(english(text), gazetteer, publisher=publisher).actors
    assert cut not in {actor.name for actor in actors}


def test_a_company_on_its_own_page_stays_an_actor(english, gazetteer):
    text = "Tesla said on Monday that it would build a new factory near Berlin."
    actors = extract_actors(english(text), gazetteer, publisher="Tesla").actors
    assert "Tesla" in {actor.name for actor in actors}
