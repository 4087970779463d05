"""Quotes and "said or did" lines a reader checks at a glance: words nobody said (what someone
"would say"), a fragment shown in the participle clause that carries it, a spokesman tied to
the body the sentence before has speak, people who share a surname, a pronoun's sex told by
the text, and no stray quotation mark left on an actor's line."""

from __future__ import annotations

import datetime as dt

import pytest
from spacy.language import Language
from spacy.tokens import Span

from generator.analysis.actions import actions_of
from generator.analysis.analyse import analyse_articles
from generator.analysis.quotes import extract_quotes
from generator.models import Article, Brief

STORY_DATE = dt.date(2023, 3, 14)


def _nobody(span: Span) -> str | None:
    return "Lena Morrow" if "Morrow" in span.text else None


def _brief(english: Language, gazetteer, *paragraphs: str) -> Brief:
    article = Article("t.md", "t", "A story", paragraphs, date=STORY_DATE)
    (brief,) = analyse_articles([article], english, gazetteer)
    return brief


@pytest.mark.parametrize(
    "text",
    [
        'As any sailor would say, "Never trust a calm sea."',
        'Morrow laughed. As her old coach might put it, "Slow is smooth, and smooth is fast."',
        'Critics could argue that "the plan is far too costly for a small town."',
    ],
)
def test_words_someone_would_or_might_say_are_no_quote(english, text):
    assert [q.text for q in extract_quotes(english(text), _nobody, actors=())] == []


def test_words_someone_said_with_a_modal_in_what_they_said_stay_a_quote(english):
    # Counter-example: the modal is in the quoted words, the reporting verb is plain.
    text = '"We would say yes to a second vote," Morrow said on Monday.'
    quotes = extract_quotes(english(text), _nobody, actors=())
    assert [(q.text, q.speaker) for q in quotes] == [
        ("We would say yes to a second vote", "Lena Morrow")
    ]


def test_a_fragment_in_a_participle_clause_is_shown_in_that_clause(english):
    text = 'The union welcomed the offer, calling it a "real step forward" for nurses.'
    (quote,) = extract_quotes(english(text), _nobody, actors=())
    assert quote.kind == "partial"
    assert quote.context == 'calling it a "real step forward" for nurses'


def test_a_fragment_a_main_verb_reports_keeps_its_clause(english):
    # Counter-example: no participle; the reported clause is the context, as before.
    text = 'Morrow said the offer was "a real step forward" for nurses.'
    (quote,) = extract_quotes(english(text), _nobody, actors=())
    assert quote.context == 'the offer was "a real step forward" for nurses'


def test_an_actors_line_keeps_no_mark_of_a_quotation_it_cut(english):
    text = 'Two scans failed to show the fault, which was "deeply worrying," wrote Morrow.'
    doc = english(text)
    start = text.index("Morrow")
    lines = actions_of([doc.char_span(start, start + len("Morrow"))])
    assert not any('"' in line for line in lines)


def test_an_actors_line_that_holds_its_quotation_whole_keeps_its_marks(english):
    text = 'Morrow said the talks were "going well" and left the hall.'
    doc = english(text)
    start = text.index("Morrow")
    (line,) = actions_of([doc.char_span(start, start + len("Morrow"))])
    assert '"going well"' in line


def test_a_spokesman_after_a_body_that_spoke_is_that_bodys(english, gazetteer):
    brief = _brief(
        english,
        gazetteer,
        "The council froze parking charges on Monday.",
        "Campaign group Clean Streets Alliance said the freeze sent the wrong signal. "
        '"We fear the town talks a lot and does little," said a spokesman.',
    )
    described = {q.text: q.speaker_description for q in brief.quotes_found}
    assert described["We fear the town talks a lot and does little"] == (
        "a spokesman for Clean Streets Alliance"
    )


def test_a_spokesman_after_a_person_who_spoke_is_no_ones(english, gazetteer):
    # Counter-example: a person speaking the sentence before ties the spokesman to no one.
    brief = _brief(
        english,
        gazetteer,
        "The council froze parking charges on Monday.",
        "Councillor Ruth Abney said the freeze sent the wrong signal. "
        '"We fear the town talks a lot and does little," said a spokesman.',
    )
    described = {q.text: q.speaker_description for q in brief.quotes_found}
    assert described["We fear the town talks a lot and does little"] == "a spokesman"


def test_people_who_share_a_surname_keep_their_own_words(english, gazetteer):
    brief = _brief(
        english,
        gazetteer,
        "Nina Fox, who sang with many stars, died in May.",
        "Her songs shaped singers such as Lola Grant. Among the messages sent when she died "
        'was one from her old friend, the producer Tom Grant, who described her as a "sister '
        'in every way". "Nobody ever sang the blues quite like Nina did," he said. Former '
        "band member Mark Grant said Fox was one of his idols.",
    )
    speakers = {q.text: q.speaker for q in brief.quotes_found}
    assert speakers["sister in every way"] == "Tom Grant"
    assert speakers["Nobody ever sang the blues quite like Nina did"] == "Tom Grant"
    assert speakers["Fox was one of his idols"] == "Mark Grant"


def test_she_is_the_one_of_two_named_together_the_text_calls_she(english, gazetteer):
    # Neither given name tells a sex; the text calls Vance "she" ("Vance said she ...").
    brief = _brief(
        english,
        gazetteer,
        'Soul singer Marlow Vance said she made the record after being "shaken" by a fire.',
        "Vance and hip hop star Roni Tennant have released Home Again to help young people. "
        'She said she was "stunned" by the loss of two homes. Tennant, whose first album won '
        'a prize, said the fire was "a warning".',
    )
    speakers = {q.text: q.speaker for q in brief.quotes_found}
    assert speakers["stunned"] == "Marlow Vance"
    assert speakers["a warning"] == "Roni Tennant"
