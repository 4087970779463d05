"""Who said it, the rest of it: "he" after a subject the text takes up with "who" (whatever
the model labelled the name) or whose given name the model left unlabelled, a body's "it
pointed out", a journalist's fragments that are her sources' words, and a quotation the
source never closed shown closed. Each mechanism has its counter-example: a subject taken up
with "which" is no person, nor one without a given name; a quoted sentence a journalist wrote
stays hers, a fragment credited to a witness who reports stays theirs, and a context that
ends on a mark is not closed twice."""

from __future__ import annotations

import datetime as dt

import pytest
from spacy.language import Language

from generator.analysis.analyse import analyse_articles
from generator.analysis.antecedents import people_taken_up_by_who
from generator.analysis.quote_contexts import with_quotation_closed
from generator.analysis.reported_clauses import is_speech_verb
from generator.analysis.reporters_sources import without_reporters_fragments
from generator.models import Actor, Article, Brief, Quote

STORY_DATE = dt.date(2024, 5, 2)
RED_CARPET = "Coming here was a pleasure, and losing to a friend is no hardship,"


def _brief(english: Language, gazetteer, *paragraphs: str) -> Brief:
    article = Article("t.md", "t", "A story", paragraphs, date=STORY_DATE)
    (brief,) = analyse_articles([article], english, gazetteer)
    return brief


def _speakers(brief: Brief) -> dict[str, str | None]:
    return {q.text: q.speaker for q in brief.quotes_found}


def _awards(english: Language, gazetteer, name: str, relative: str) -> str | None:
    brief = _brief(
        english,
        gazetteer,
        "Maria Lund took the best director prize for her second feature. Best actor Jamal "
        "Foxworth could not attend the ceremony, but actress Ruth Kemp read out his speech. "
        f"“I am proud to win this,” he wrote. {name}, {relative} lost out on the best actor "
        "award to Foxworth, will face him again at a festival in March.",
        f"“{RED_CARPET}” he told reporters on the red carpet.",
    )
    return _speakers(brief).get(RED_CARPET.rstrip(","))


@pytest.mark.parametrize("name", ["DiNapoli", "Van Ness", "LaRue"])
def test_he_after_a_paragraph_is_the_subject_taken_up_by_who(english, gazetteer, name):
    # The model labels these names a body, or the actors drop them: "who" says a person.
    assert _awards(english, gazetteer, name, "who") == name


def test_a_subject_taken_up_by_which_is_no_one_he_stands_for(english, gazetteer):
    assert _awards(english, gazetteer, "DiNapoli", "which") != "DiNapoli"


def test_a_body_that_points_out_speaks(english, gazetteer):
    brief = _brief(
        english,
        gazetteer,
        "Lawyers for the two growers called the fine “absurd” after the hearing in Leeds. "
        "Their counsel, Priya Nandakumar, said the growers would appeal. She pointed out that "
        "neither farm had been inspected in the past five years.",
    )
    speakers = _speakers(brief)
    said = "neither farm had been inspected in the past five years"
    assert speakers.get(said) == "Priya Nandakumar"


def test_pointing_out_says_and_pointing_to_does_not(english):
    doc = english("She pointed out the error. She pointed to the door.")
    out, to = (t for t in doc if t.lower_ == "pointed")
    assert is_speech_verb(out)
    assert not is_speech_verb(to)


def _actor(name: str, role: str | None) -> Actor:
    return Actor(name.lower().replace(" ", "-"), name, "person", role, (), 2)


def _quote(text: str, speaker: str, kind: str) -> Quote:
    return Quote(text, text, speaker, kind, 0)  # type: ignore[arg-type]


def test_a_fragment_in_a_journalists_reporting_is_no_quote_of_hers():
    actors = (_actor("Ann Lowe", "reporter, Daily Ledger"),)
    quotes = (_quote("exposed rooms", "Ann Lowe", "partial"),)
    (kept,) = without_reporters_fragments(quotes, actors)
    assert kept.speaker is None


def test_a_sentence_a_journalist_wrote_stays_hers():
    actors = (_actor("Ann Lowe", "reporter, Daily Ledger"),)
    quotes = (_quote("The wards were empty by noon.", "Ann Lowe", "direct"),)
    (kept,) = without_reporters_fragments(quotes, actors)
    assert kept.speaker == "Ann Lowe"


def test_a_fragment_of_a_witness_who_reports_stays_theirs():
    actors = (_actor("Ann Lowe", "ward nurse"),)
    quotes = (_quote("scrubbed twice", "Ann Lowe", "partial"),)
    (kept,) = without_reporters_fragments(quotes, actors)
    assert kept.speaker == "Ann Lowe"


def test_a_quotation_the_source_never_closed_is_shown_closed():
    opened = "the truce “gives us room to negotiate, which we are ready to back"
    shown = with_quotation_closed(opened)
    assert shown.endswith("back”")


def test_a_quotation_that_closes_is_shown_as_written():
    whole = "“The first paragraph runs on. “And the last one closes.”"
    assert with_quotation_closed(whole) == whole
    straight = 'she called it "a mistake" twice'
    assert with_quotation_closed(straight) == straight


def _unlabelled(english: Language, text: str):
    doc = english(text)
    doc.ents = []  # as the model may leave a name: labelled nothing
    return [span.text for span in people_taken_up_by_who(doc[:])]


def test_a_given_name_and_surname_the_model_left_unlabelled_is_a_person(english):
    found = _unlabelled(english, "Captain Eric Dunmore of the supply office told reporters.")
    assert found == ["Captain Eric Dunmore"]


def test_a_subject_with_no_given_name_is_no_person_it_missed(english):
    assert _unlabelled(english, "Harrow Works of the supply office told reporters.") == []
