"""Who said it: a reader signed with the place they write from, a document and the body that
issued it, words someone is said never to have said, and a described speaker the text names
later. Each mechanism has its counter-example: a place after a place signs nothing, a document
introduced elsewhere keeps its own name, "said" after a positive phrase still reports, and a
second speaker of the same kind is not the first."""

from __future__ import annotations

import datetime as dt

import pytest
from spacy.language import Language

from generator.analysis.analyse import analyse_articles
from generator.models import Article, Brief

STORY_DATE = dt.date(2024, 5, 2)


def _brief(english: Language, gazetteer, *paragraphs: str) -> Brief:
    article = Article("t.md", "t", "A story", paragraphs, date=STORY_DATE)
    (brief,) = analyse_articles([article], english, gazetteer)
    return brief


def _speakers(brief: Brief) -> dict[str, tuple[str | None, str | None]]:
    return {q.text: (q.speaker, q.speaker_description) for q in brief.quotes_found}


def test_a_reader_named_with_a_town_is_the_reader_not_the_town(english, gazetteer):
    brief = _brief(
        english,
        gazetteer,
        "Readers sent us their views on the new parking rules.",
        "I disagree with Martin, Exeter saying the fines are far too steep for a small town.",
    )
    speakers = _speakers(brief)
    assert speakers["the fines are far too steep for a small town"][0] == "Martin"


def test_a_comment_signed_name_and_town_on_the_next_line_is_the_readers(english, gazetteer):
    brief = _brief(
        english,
        gazetteer,
        "Readers sent us their views on the new bus lanes.",
        '"The lanes have halved my journey to work and I hope they stay."\nPriya Shah, Swindon',
    )
    speakers = _speakers(brief)
    assert speakers["The lanes have halved my journey to work and I hope they stay."][0] == (
        "Priya Shah"
    )


def test_a_line_naming_a_town_and_its_county_signs_nothing(english, gazetteer):
    brief = _brief(
        english,
        gazetteer,
        "Readers sent us their views on the new bus lanes.",
        '"The lanes have halved my journey to work and I hope they stay."\nLeeds, Yorkshire',
    )
    speaker = _speakers(brief).get("The lanes have halved my journey to work and I hope they stay.")
    assert speaker is None or speaker[0] not in ("Leeds", "Yorkshire")


def test_a_statement_speaks_for_the_body_that_issued_it(english, gazetteer):
    brief = _brief(
        english,
        gazetteer,
        "The Ministry of Transport issued a statement on Tuesday. "
        '"The bridge will reopen in the spring," the statement said.',
    )
    assert _speakers(brief)["The bridge will reopen in the spring"][0] == "Ministry of Transport"


def test_a_report_a_company_published_speaks_for_it(english, gazetteer):
    brief = _brief(
        english,
        gazetteer,
        "Harbour Freight Ltd published its annual report last week. "
        "The report said profits fell by a fifth.",
    )
    assert _speakers(brief)["profits fell by a fifth"][0] == "Harbour Freight"


def test_a_document_without_an_author_stays_the_source_as_written(english, gazetteer):
    brief = _brief(
        english,
        gazetteer,
        "Storms closed the coast road. Maria Lund, who lives nearby, watched the sea rise.",
        '"No staff were hurt," said a company statement.',
    )
    assert _speakers(brief)["No staff were hurt"] == (None, "a company statement")


def test_a_document_issued_paragraphs_before_is_not_given_to_its_issuer(english, gazetteer):
    # Counter-example: further back, "the statement" may be another one.
    brief = _brief(
        english,
        gazetteer,
        "The Ports Authority issued a statement in March about the dredging works.",
        "Boats queued for hours outside the harbour. Fishermen were angry.",
        'Then the ferry firm spoke. "Crossings will resume within days," the statement said.',
    )
    speaker, described = _speakers(brief)["Crossings will resume within days"]
    assert speaker != "Ports Authority" and described == "the statement"


@pytest.mark.parametrize(
    "sentence",
    [
        "Not once did Ada Kerr say the budget was safe.",
        "At no point did Ada Kerr claim that the budget was safe.",
        "Ada Kerr denied saying that the budget was safe.",
        "Ada Kerr failed to say whether the budget was safe.",
    ],
)
def test_words_someone_is_said_not_to_have_said_are_no_report(english, gazetteer, sentence):
    brief = _brief(english, gazetteer, "The council met on Monday.", sentence)
    assert [q.text for q in brief.quotes_found if q.kind == "reported"] == []


def test_a_positive_phrase_before_the_verb_still_reports(english, gazetteer):
    brief = _brief(
        english,
        gazetteer,
        "The council met on Monday.",
        "Once again Ada Kerr said the budget was safe.",
    )
    assert _speakers(brief)["the budget was safe"][0] == "Ada Kerr"


@pytest.mark.parametrize(
    "naming",
    [
        "The spokesman, Carl Webb, added that refunds would be paid within a week.",
        "Later, spokesman Carl Webb added that refunds would be paid within a week.",
    ],
)
def test_a_described_speaker_the_text_names_later_is_that_person(english, gazetteer, naming):
    brief = _brief(
        english,
        gazetteer,
        "The airline cancelled forty flights on Friday.",
        '"We are sorry for the trouble this causes," a spokesman said. ' + naming,
    )
    assert _speakers(brief)["We are sorry for the trouble this causes"][0] == "Carl Webb"


def test_a_second_speaker_of_the_same_kind_is_not_the_first(english, gazetteer):
    brief = _brief(
        english,
        gazetteer,
        "The airline cancelled forty flights on Friday.",
        '"We are sorry for the trouble this causes," a spokesman said. Another spokesman, '
        "Carl Webb, added that refunds would be paid within a week.",
    )
    assert _speakers(brief)["We are sorry for the trouble this causes"] == (None, "a spokesman")


def test_a_title_repeated_later_is_its_holders_not_the_last_person_named(english, gazetteer):
    brief = _brief(
        english,
        gazetteer,
        "Bishop Ruth Okafor has called for the last prisoners to be freed.",
        "On Tuesday the minister Jack Straw told MPs the deal followed long talks. "
        'The bishop added: "While we are glad these men are free, what about the rest?"',
    )
    speakers = _speakers(brief)
    assert speakers["While we are glad these men are free, what about the rest?"][0] == (
        "Bishop Ruth Okafor"
    )


def test_a_title_nobody_named_holds_goes_to_the_person_named_last(english, gazetteer):
    # Counter-example: with no holder of "the singer", the person named last is the one.
    brief = _brief(
        english,
        gazetteer,
        "The band split up last year. Its drummer Ola Berg moved to Oslo.",
        'Jo Lind sang with them for a decade. "It was time to go," the singer said.',
    )
    assert _speakers(brief)["It was time to go"][0] == "Jo Lind"


def test_a_body_whose_name_holds_a_comma_describes_its_spokeswoman_whole(english, gazetteer):
    brief = _brief(
        english,
        gazetteer,
        "Farmers face long waits for grants.",
        "A Department for Energy, Farming and Food spokeswoman said: "
        '"We know there are problems and we are working on them."',
    )
    described = _speakers(brief)["We know there are problems and we are working on them."][1]
    assert described == "a Department for Energy, Farming and Food spokeswoman"


def test_an_aside_after_a_comma_stays_out_of_the_description(english, gazetteer):
    brief = _brief(
        english,
        gazetteer,
        "Storms hit the coast.",
        '"The road is shut," a police officer, who asked not to be named, said.',
    )
    assert _speakers(brief)["The road is shut"] == (None, "a police officer")


def test_a_title_is_not_held_by_someone_whose_post_qualifies_it(english, gazetteer):
    # "the shadow chancellor" holds another post than "the chancellor" the text repeats.
    brief = _brief(
        english,
        gazetteer,
        "Chancellor Tom Reid set out his budget on Wednesday.",
        "On Thursday the shadow chancellor Ann Vale said it would fail. "
        'The chancellor insisted his plans were "affordable".',
    )
    assert _speakers(brief)["affordable"][0] == "Tom Reid"
