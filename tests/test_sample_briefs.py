"""What an analyst checks in the sample corpus's briefs (issue #21): content/ articles in,
their analysed `Brief`s out, asserted where the briefs used to be wrong."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.analysis.analyse import brief_from_doc
from generator.ingest.read import read_article
from generator.models import Brief

CONTENT = Path(__file__).parent.parent / "content"


@pytest.fixture(scope="module")
def briefs(english, gazetteer):
    cache: dict[str, Brief] = {}

    def brief(name: str) -> Brief:
        if name not in cache:
            article = read_article(CONTENT / name, CONTENT)
            cache[name] = brief_from_doc(article, english(article.body), gazetteer)
        return cache[name]

    return brief


def speakers_of(brief: Brief, words: str) -> list[str | None]:
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
