"""Tests for `generator.analysis.speaker_descriptions`: a quotation whose speaker the article
describes but never names shows the description ("a nurse at the county clinic"), marked as
a description on the page; a pronoun, a thing or a name never gives one."""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Span

from generator.analysis.quotes import extract_quotes
from generator.models import Article, Brief, Quote
from generator.site.render import make_environment, render_brief
from tests.seed_build import PROJECT


def _nobody(span: Span) -> str | None:
    return "Omar Haddad" if "Haddad" in span.text else None


def _described(english: Language, text: str) -> list[tuple[str | None, str | None]]:
    quotes = extract_quotes(english(text), _nobody, actors=())
    return [(quote.speaker, quote.speaker_description) for quote in quotes]


@pytest.mark.parametrize(
    ("text", "description"),
    [
        ('"The road will stay shut," a police spokeswoman said.', "a police spokeswoman"),
        ('"It rose fast," a fisherman from the harbour told us.', "a fisherman from the harbour"),
        ('"We are still counting the cost," residents said on Tuesday.', "residents"),
        ('"I saw the smoke first," said a woman who lives nearby.', "a woman"),
    ],
)  # fmt: skip
def test_an_unnamed_speaker_shows_as_the_article_describes_them(english, text, description):
    assert _described(english, text) == [(None, description)]


def test_the_speaker_a_text_refers_back_to_shows_as_it_introduced_them(english):
    # "the nurse" is the one the text introduced two sentences before, with where she works;
    # the quotation after hers continues her words.
    text = (
        "A nurse at the county clinic spoke to local radio on Monday. The ward filled up "
        'early. "We ran out of beds by noon," the nurse said. "Nobody planned for this."'
    )
    assert _described(english, text) == [(None, "a nurse at the county clinic")] * 2


def test_a_document_with_no_author_given_is_described_as_written(english):
    assert _described(english, '"Prices will rise," the report said.') == [(None, "the report")]


@pytest.mark.parametrize(
    "text",
    [
        # Counter-examples: a pronoun, a thing, a person placed only by "his", a compound
        # whose last word is a thing, a subject the speech verb borrows from above.
        '"It is too early to say," he said.',
        '"We lost everything," his lawyer said.',
        'The club newsletter says: "Members meet on the first Monday."',
        'The rules give the secretary of the club power to call a "general meeting" at once.',
    ],
)
def test_a_pronoun_or_a_thing_gives_no_description(english, text):
    assert all(description is None for _, description in _described(english, text))


def test_a_pronoun_continuing_someone_new_shows_as_they_were_introduced(english):
    # "he" continues the spokesman the sentence before brings in, not Haddad named before him.
    text = (
        "Omar Haddad backed the new ferry timetable. A spokesman for the harbour board "
        'attacked the change. He said: "Fishing crews were never asked."'
    )
    assert _described(english, text) == [(None, "a spokesman for the harbour board")]


def test_a_pronoun_after_someone_new_only_met_takes_the_name_before(english):
    # Counter-example: the spokesman is met, not the subject; "he" is Haddad and shows no
    # description.
    text = (
        "Omar Haddad met a spokesman for the harbour board on Friday. "
        'He said: "Fishing crews were never asked."'
    )
    assert _described(english, text) == [("Omar Haddad", None)]


def test_a_named_speaker_takes_no_description(english):
    # Counter-example: a name stands; the description is only for whom the text leaves unnamed.
    assert _described(english, '"We will appeal," Omar Haddad said.') == [("Omar Haddad", None)]


def test_a_described_speaker_shows_plain_and_a_named_one_bold():
    article = Article(path="a.md", slug="a", title="A", paragraphs=("Text.",))
    quotes = (
        Quote("The road will stay shut", "", None, "direct", 0, "a police spokeswoman"),
        Quote("We will appeal", "", "Omar Haddad", "direct", 1),
    )
    page = render_brief(
        Brief(article, "", None, (), (), (), quotes, ()), make_environment(PROJECT / "templates")
    )
    assert "— a police spokeswoman" in page and "**a police spokeswoman**" not in page
    assert "— **Omar Haddad**" in page
