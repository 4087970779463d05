"""Where a quotation starts and ends on the page: a sentence shown whole that opens a quotation is
shown to its closing mark or not at all; a fragment is shown in the clause that is the speaker's
(no comma of the writer's inside its closing mark, no scene set before it); a phrase of the
writer's in marks is nobody's quote; a nationality noun speaks for one person of that country; a
spokesman after a body named as a passive's agent speaks for it; the day a document quoted was
published is an event. Each with its counter-example."""

from __future__ import annotations

import datetime as dt

from spacy.language import Language

from generator.analysis.analyse import analyse_articles
from generator.analysis.quote_marks import find_quotations
from generator.models import Article, Brief

STORY_DATE = dt.date(2024, 5, 2)


def _brief(english: Language, gazetteer, *paragraphs: str) -> Brief:
    article = Article("t.md", "t", "A story", paragraphs, date=STORY_DATE)
    (brief,) = analyse_articles([article], english, gazetteer)
    return brief


def _facts(brief: Brief) -> list[str]:
    return [fact.text for fact in brief.key_facts]


def _quote(brief: Brief, words: str):
    return next(quote for quote in brief.quotes_found if words in quote.text)


def test_a_fact_that_opens_a_quotation_is_shown_to_its_closing_mark(english, gazetteer):
    brief = _brief(
        english,
        gazetteer,
        "Nina Vos won the regional chess final in Utrecht after a five-hour game on Sunday.",
        'Her trainer Karel Smit said: "Nina defended better than ever. Her rook ending was '
        'flawless. I have never been prouder."',
        "The win gives Vos a place in the national championship for the first time.",
    )
    shown = [fact for fact in _facts(brief) if "Karel Smit" in fact]
    assert shown == [
        'Her trainer Karel Smit said: "Nina defended better than ever. Her rook ending was '
        'flawless. I have never been prouder."'
    ]


def test_a_fact_that_leaves_a_quotation_open_is_not_shown(english, gazetteer):
    brief = _brief(
        english,
        gazetteer,
        "Nina Vos won the regional chess final in Utrecht after a five-hour game on Sunday.",
        'Her trainer Karel Smit said: "Nina defended better than ever in the last hour.',
        '"Her rook ending was flawless and the hall stood to applaud her."',
        "The win gives Vos a place in the national championship for the first time.",
    )
    assert not any(fact.count('"') % 2 for fact in _facts(brief))
    assert brief.at_a_glance.count('"') % 2 == 0


def test_a_fact_with_a_closed_quotation_is_shown_as_written(english, gazetteer):
    brief = _brief(
        english,
        gazetteer,
        "Nina Vos won the regional chess final in Utrecht after a five-hour game on Sunday.",
        'Her trainer Karel Smit called the rook ending "the best I have seen" in the region.',
        "The win gives Vos a place in the national championship for the first time.",
    )
    shown = 'Her trainer Karel Smit called the rook ending "the best I have seen" in the region.'
    assert shown in _facts(brief)


def test_a_fragment_is_shown_without_the_comma_inside_its_closing_mark(english, gazetteer):
    brief = _brief(
        english,
        gazetteer,
        "Vets at a farm near Derby traced a herd's limp to a new kind of feed.",
        'Tracing the cause was "a long hunt," said vet Rhian Powell, who led the checks.',
    )
    assert _quote(brief, "a long hunt").context == 'Tracing the cause was "a long hunt"'


def test_a_fragment_is_shown_without_the_scene_the_writer_sets(english, gazetteer):
    brief = _brief(
        english,
        gazetteer,
        "Vets at a farm near Derby traced a herd's limp to a new kind of feed.",
        'After the last outbreak, the county "doubled its checks on imported cattle feed," '
        "writes the Midland Farmer.",
    )
    context = _quote(brief, "doubled its checks").context
    assert context == 'the county "doubled its checks on imported cattle feed"'


def test_a_phrase_of_the_writers_in_marks_is_nobodys_quote(english, gazetteer):
    brief = _brief(
        english,
        gazetteer,
        "Three sailors held at a port in the south were freed on Friday.",
        'The sailors were held as part of a wider "coastal sweep". The bishop added: "We are '
        'grateful that they are home, but many others are still waiting."',
    )
    assert not any("coastal sweep" in quote.text for quote in brief.quotes_found)
    grateful = _quote(brief, "We are grateful")
    assert "coastal sweep" not in grateful.context


def test_a_phrase_a_speaker_is_said_to_use_stays_their_quote(english, gazetteer):
    brief = _brief(
        english,
        gazetteer,
        "The council approved the new tram line for the city centre on Friday.",
        'Opposition leader Mara Quinn called the line a "costly folly" for the town.',
    )
    assert _quote(brief, "costly folly").speaker == "Mara Quinn"


def test_a_nationality_noun_speaks_for_the_one_person_of_that_country(english, gazetteer):
    brief = _brief(
        english,
        gazetteer,
        "Frenchman Lucas Moreau beat Briton Tom Baker 6-3 6-4 in the quarter-final in Rome.",
        '"I felt strong from the first point," said the Frenchman.',
        '"He was just too good today," the Briton added.',
    )
    assert _quote(brief, "I felt strong").speaker == "Lucas Moreau"
    assert _quote(brief, "too good today").speaker == "Tom Baker"


def test_a_nationality_noun_speaks_for_the_person_the_sentence_before_is_about(english, gazetteer):
    brief = _brief(
        english,
        gazetteer,
        "Lucas Moreau beat Tom Baker 6-3 6-4 in the quarter-final in Rome on Friday.",
        "Baker was left angry after losing his serve four times in the second set.",
        '"I had my chances and I did not take them," said the American.',
    )
    quote = _quote(brief, "I had my chances")
    assert quote.speaker == "Tom Baker"


def test_a_nationality_noun_nobody_is_tied_to_keeps_its_description(english, gazetteer):
    brief = _brief(
        english,
        gazetteer,
        "Two players were fined after the semi-final in Madrid on Saturday night.",
        '"The punishment was unfair and we will appeal," said the American.',
    )
    quote = _quote(brief, "The punishment was unfair")
    assert (quote.speaker, quote.speaker_description) == (None, "the American")


def test_a_spokesman_after_a_passive_agent_speaks_for_it(english, gazetteer):
    brief = _brief(
        english,
        gazetteer,
        "Claims that the Harwick Trust will close its two museums were described as "
        '"pure invention" by the Harwick Trust.',
        'A spokesman said: "Both museums will open as usual next spring."',
    )
    quote = _quote(brief, "Both museums")
    assert quote.speaker_description == "a spokesman for Harwick Trust"


def test_a_spokesman_after_a_passive_without_an_agent_is_described_as_written(english, gazetteer):
    brief = _brief(
        english,
        gazetteer,
        'Claims that the Harwick Trust will close its two museums were described as "pure '
        'invention".',
        'A spokesman said: "Both museums will open as usual next spring."',
    )
    assert _quote(brief, "Both museums").speaker_description == "a spokesman"


def test_an_apostrophe_after_an_abbreviation_opens_no_quote():
    text = "She played Martin Luther King Jr.'s widow. She said: 'It was a gift.' Fans agreed."
    assert [text[q.start : q.end] for q in find_quotations(text)] == ["'It was a gift.'"]


def test_a_date_of_issue_in_a_quoting_sentence_dates_the_document(english, gazetteer):
    brief = _brief(
        english,
        gazetteer,
        "A baker in Hull found that flour dust had caused his months of coughing.",
        '"For weeks I could not climb the stairs without stopping twice," wrote Sam Ortiz in '
        "a case report published Tuesday in the journal Chest Medicine.",
    )
    events = [(event.date_text, event.event) for event in brief.timeline]
    assert events == [("Tuesday", "A case report published Tuesday in the journal Chest Medicine")]


def test_the_day_quoted_words_were_said_is_no_event(english, gazetteer):
    brief = _brief(
        english,
        gazetteer,
        "A baker in Hull found that flour dust had caused his months of coughing.",
        '"For weeks I could not climb the stairs without stopping twice," Sam Ortiz said on '
        "Tuesday at his shop.",
    )
    assert brief.timeline == ()
