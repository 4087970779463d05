"""What an analyst checks in the sample corpus's briefs (issue #21): content/ articles in,
their analysed `Brief`s out, asserted where the briefs used to be wrong."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from generator.analysis.actors import extract_actors
from generator.analysis.analyse import brief_from_doc
from generator.analysis.one_place import (
    MIN_SOURCE_WORDS,
    is_from,
    words_of,
)
from generator.analysis.page_length import (
    PAGE_SHARE,
    SHORT_ARTICLE_WORDS,
    article_words,
    page_words,
)
from generator.analysis.quotes import extract_quotes
from generator.ingest.read import read_article
from generator.models import Quote

CONTENT = Path(__file__).parent.parent / "content"


@dataclass(frozen=True)
class Analysed:
    """What the analysis finds in a sample article, before the brief keeps each statement to
    its places (`one_place`)."""

    quotes: tuple[Quote, ...]


@pytest.fixture(scope="module")
def briefs(english, gazetteer):
    cache: dict[str, Analysed] = {}

    def brief(name: str) -> Analysed:
        if name not in cache:
            article = read_article(CONTENT / name, CONTENT)
            doc = english(article.body)
            actors = extract_actors(doc, gazetteer, headline=article.title, tags=article.tags)
            cache[name] = Analysed(extract_quotes(doc, actors.speaker_name, actors.actors))
        return cache[name]

    return brief


def speakers_of(brief: Analysed, words: str) -> list[str | None]:
    """The speakers of the quotes holding these words."""
    return [quote.speaker for quote in brief.quotes if words in quote.text]


def test_an_argument_added_to_a_report_is_the_reporters(briefs):
    # "Thomas-Greenfield said Russia had acted to shield itself, arguing that the panel ...":
    # she argues; Russia does not.
    brief = briefs("2024-03-29-russia-veto-un-panel-north-korea.md")
    assert speakers_of(brief, "the panel had begun reporting") == ["Linda Thomas-Greenfield"]
    assert speakers_of(brief, "Russia had acted to shield itself") == ["Linda Thomas-Greenfield"]
    assert not [q for q in brief.quotes if "shield itself, arguing" in q.text]


def test_words_reported_through_a_ministry_are_the_ministers_without_the_framing(briefs):
    brief = briefs("2024-06-21-south-korea-summons-russian-ambassador.html")
    quote = next(q for q in brief.quotes if "any cooperation helping North Korea" in q.text)
    assert quote.speaker == "Kim Hong-kyun"
    assert quote.text.startswith("any cooperation")
    assert "told the ambassador" not in quote.text and "urged" not in quote.text


def test_a_report_ends_where_the_writers_clause_of_time_begins(briefs):
    putin = briefs("2024-06-20-putin-visits-hanoi.md")
    warning = next(q for q in putin.quotes if "very big mistake" in q.text)
    assert warning.speaker == "Vladimir Putin"
    assert "Chang Ho-jin" not in warning.text
    assert speakers_of(putin, "Seoul would reconsider") == ["Chang Ho-jin"]
    ruto = briefs("2024-06-26-kenya-finance-bill-protests.md")
    withdrawal = next(q for q in ruto.quotes if "would not sign a finance bill" in q.text)
    assert withdrawal.speaker == "William Ruto"
    assert "protesters stormed parliament" not in withdrawal.text


SAMPLE_ARTICLES = sorted(
    path.name for path in CONTENT.iterdir() if path.suffix in (".md", ".txt", ".html")
)


@pytest.mark.parametrize("name", SAMPLE_ARTICLES)
def test_one_statement_fills_at_most_two_places(english, gazetteer, name):
    article = read_article(CONTENT / name, CONTENT)
    doc = english(article.body)
    brief = brief_from_doc(article, doc, gazetteer)
    assert brief.at_a_glance not in {fact.text for fact in brief.key_facts}
    assert brief.why_it_matters not in {fact.text for fact in brief.key_facts}
    places = [
        brief.at_a_glance,
        brief.why_it_matters or "",
        *(fact.text for fact in brief.key_facts),
        *dict.fromkeys(event.event for event in brief.timeline),
        *(quote.context if quote.kind == "partial" else quote.text for quote in brief.quotes),
        *(action for actor in brief.actors for action in actor.actions),
    ]
    # A place comes from a sentence when its words are the sentence's in order (a clause leaves
    # out inserts), or holds it whole.
    place_words = [words_of(place) for place in places]
    for sentence in doc.sents:
        words = words_of(sentence.text)
        if len(words) >= MIN_SOURCE_WORDS:
            filled = [p for p in place_words if is_from(p, words) or is_from(words, p)]
            assert len(filled) <= 2, sentence.text


@pytest.mark.parametrize("name", SAMPLE_ARTICLES)
def test_a_brief_is_shorter_than_its_article_of_over_300_words(name):
    # The committed page, as `briefs build` writes it with the corpus's related reading.
    article = read_article(CONTENT / name, CONTENT)
    page = (CONTENT.parent / "briefs" / f"{article.slug}.md").read_text(encoding="utf-8")
    if article_words(article) > SHORT_ARTICLE_WORDS:
        assert page_words(page) <= PAGE_SHARE * article_words(article)


def test_he_after_a_report_is_the_reporter_not_who_the_report_is_about(english, gazetteer):
    # "Kremlin aide Yuri Ushakov told reporters that Putin and Kim planned to sign ... He said
    # the agreement would replace ...": Ushakov says it; the bracket must not name Putin.
    name = "2024-06-18-russia-north-korea-treaty-history.md"
    article = read_article(CONTENT / name, CONTENT)
    brief = brief_from_doc(article, english(article.body), gazetteer)
    stated = [brief.why_it_matters or "", *(fact.text for fact in brief.key_facts)]
    replacing = [text for text in stated if "would replace the basic documents" in text]
    assert replacing and all(text.startswith("He [Yuri Ushakov] said") for text in replacing)
