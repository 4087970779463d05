"""Who a quotation is credited to when the sentence does not name the speaker outright: a
pronoun after the speaker's own sentences, a title a name qualifies, a title held for a body;
and the lines that must not stand alone ("why it matters" on a reply, an act on an "it")."""

from __future__ import annotations

from spacy.language import Language

from generator.analysis.actions import actions_of
from generator.analysis.actors import extract_actors
from generator.analysis.at_a_glance import extract_why_it_matters
from generator.analysis.gazetteer import Gazetteer
from generator.analysis.quotes import extract_quotes


def _speakers(english: Language, gazetteer: Gazetteer, headline: str, text: str) -> list:
    doc = english(text)
    actors = extract_actors(doc, gazetteer, headline=headline)
    quotes = extract_quotes(doc, actors.speaker_name, actors.actors, headline)
    return [(quote.speaker, quote.text.split()[0]) for quote in quotes]


def test_the_speakers_own_sentences_do_not_hide_whom_she_stands_for(english, gazetteer):
    # Four sentences of her own quotation sit between her name and the last "she said": they
    # are hers, not the writer's, and do not push her name out of the pronoun's reach.
    text = (
        "A video of the arrest was released on Friday. Mara Quist can be heard shouting to the "
        "officers that her brother was unarmed.\n\n"
        '"Leave him alone," she says. "Leave him alone. He did nothing. He did nothing. Leave '
        'him alone."\n\nShe then walks toward the car and keeps filming.\n\n'
        '"He better be fine," she said.'
    )
    speakers = _speakers(english, gazetteer, "Protest video released", text)
    assert speakers[-1] == ("Mara Quist", "He")


def test_a_title_a_place_qualifies_is_the_person_the_headline_names(english, gazetteer):
    text = (
        "Ellen Barr won the indoor sprint title in Lisbon on Sunday.\n\n"
        "The 24-year-old finished ahead of Jo Kemp and Ana Reis. "
        '"It was a hard race and I am glad it is over," said the Dunmore athlete.'
    )
    speakers = _speakers(english, gazetteer, "Ellen Barr wins sprint title", text)
    assert speakers == [("Ellen Barr", "It")]


def test_a_title_a_place_qualifies_is_nobody_when_the_headline_names_no_one(english, gazetteer):
    text = (
        "Ellen Barr won the indoor sprint title in Lisbon on Sunday.\n\n"
        "The 24-year-old finished ahead of Jo Kemp and Ana Reis. "
        '"It was a hard race and I am glad it is over," said the Dunmore athlete.'
    )
    speakers = _speakers(english, gazetteer, "Sprint title decided in Lisbon", text)
    assert speakers == [(None, "It")]


def test_the_head_of_a_body_is_not_the_person_named_before(english, gazetteer):
    # "the head of the league" holds a title for a body; the referee who spoke before is not he.
    text = (
        "The club was fined on Monday after the riot. Referee Peter Lund stopped the match "
        "twice.\n\n'The match should never have restarted,' Lund said. 'It was chaos. Nobody "
        "was safe.'\n\nThe head of the league had called the rioters 'thugs'."
    )
    speakers = _speakers(english, gazetteer, "Club fined after riot", text)
    assert speakers[-1] == (None, "thugs")


LEAD = "The council approved a new tax on short holiday lets on Tuesday.\n\n"


def test_a_reply_opening_on_but_is_not_why_it_matters(english):
    text = (
        f"{LEAD}Landlords said the tax was unfair to small owners.\n\n"
        "But the mayor warned the city could lose thousands of homes for local families "
        "without it."
    )
    assert extract_why_it_matters(english(text)) is None


def test_a_stake_opening_on_a_concession_needs_its_context(english):
    text = f"{LEAD}Of course, the tax could force hundreds of small owners out of business."
    assert extract_why_it_matters(english(text)) is None


def test_a_stake_after_a_connective_that_adds_is_shown_without_it(english):
    stake = "the mayor warned the city could lose thousands of homes for local families."
    found = extract_why_it_matters(english(f"{LEAD}Meanwhile, {stake}"))
    assert found == stake[0].upper() + stake[1:]


def test_a_stake_that_stands_alone_is_why_it_matters(english):
    stake = "The mayor warned the city could lose thousands of homes for local families."
    assert extract_why_it_matters(english(f"{LEAD}{stake}")) == stake


def test_an_act_on_something_the_sentence_before_names_gives_way(english):
    text = (
        "Two players were sent off after a fight on Sunday. Gary Morrow pulled the helmet off "
        "a rival player. Morrow then swung it at the quarterback. Morrow later apologised to "
        "the league and to the fans."
    )
    doc = english(text)
    names = [entity for entity in doc.ents if entity.text in ("Gary Morrow", "Morrow")]
    acts = actions_of(names)
    assert "Gary Morrow pulled the helmet off a rival player" in acts
    assert not any(" it " in f" {act} " for act in acts)


def test_a_pronoun_after_an_unnamed_speaker_is_not_a_person_named_before(english, gazetteer):
    # Issue #21: the unnamed student wrote the quotation before; "she" continues her, not the
    # mother named sentences earlier: no name rather than the wrong one.
    text = (
        "Dana Holt told her daughter she could not go to the match.\n\n"
        "The student then texted Toby: 'She grounded me for a week. I hate it,' "
        "the report said. Later, she wrote to him: 'Come and get me.'"
    )
    speakers = _speakers(english, gazetteer, "Match row", text)
    assert speakers[-1] == (None, "Come")


def test_a_pronoun_after_an_unnamed_subject_who_quotes_nothing_is_the_name_before(
    english, gazetteer
):
    # Counter-example: "the chef" speaks no quotation; "she" is the person named before.
    text = (
        "Dana Holt opened her third restaurant in Leeds on Monday.\n\n"
        "The chef then thanked the staff who had worked through the night. "
        "Later, she said: 'We are ready for the crowds.'"
    )
    speakers = _speakers(english, gazetteer, "Restaurant opens", text)
    assert speakers[-1] == ("Dana Holt", "We")


def test_a_pronoun_after_someone_new_the_sentence_before_brings_in_is_not_a_name_before(
    english, gazetteer
):
    # An indefinite subject ("a spokeswoman for the traders") is someone the text has not named
    # before: "she" continues her, whether or not her own sentence quotes her.
    text = (
        "Council leader Maya Pratt backed the new bus lanes on Monday. "
        "But a spokeswoman for the market traders opposed the scheme. "
        'She said: "Our stalls will lose half their custom."'
    )
    speakers = _speakers(english, gazetteer, "Bus lanes row", text)
    assert speakers[-1] == (None, "Our")


def test_a_pronoun_after_someone_new_in_the_object_is_the_subject_named_before(english, gazetteer):
    # Counter-example: the new person is met, not the one who acts; "she" is still Pratt.
    text = (
        "Council leader Maya Pratt met a spokeswoman for the market traders on Monday. "
        'She said: "We will keep the bus lanes."'
    )
    speakers = _speakers(english, gazetteer, "Bus lanes row", text)
    assert speakers[-1] == ("Maya Pratt", "We")


def test_a_pronoun_continues_the_subject_not_a_name_in_a_clause_on_its_object(english, gazetteer):
    # "the way Mr Hart handled the talks" tells what Reed criticised: Hart is no topic.
    text = (
        "Finance minister Paul Reed criticised the way Mr Hart handled the budget talks. "
        '"There is real worry about what this means for families," he said.'
    )
    speakers = _speakers(english, gazetteer, "Budget row", text)
    assert speakers == [("Paul Reed", "There")]


def test_a_name_in_a_clause_on_the_object_is_still_found_when_no_subject_is_named(
    english, gazetteer
):
    # Counter-example: with no person as the writer's subject, the name in the clause stands.
    text = (
        "The report praised the way Paul Reed handled the budget talks. "
        '"It was hard work for everyone," he said.'
    )
    speakers = _speakers(english, gazetteer, "Budget talks", text)
    assert speakers == [("Paul Reed", "It")]
