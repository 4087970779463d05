"""A fact check's brief opens on its verdict: the rating the page gives as a schema.org
`ClaimReview` (read on import, kept in front matter) or states in its text
(`data/verdict_cues.yml`), never the claim's setting alone."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from spacy.language import Language

from generator.analysis.analyse import analyse_articles
from generator.analysis.gazetteer import Gazetteer
from generator.analysis.language import load_model
from generator.analysis.verdicts import load_verdict_cues, parse_verdict_cues, verdict_line
from generator.errors import BriefError
from generator.ingest.add import article_markdown
from generator.ingest.claim_review import claim_review_verdict
from generator.ingest.read import read_article
from generator.ingest.web_page import read_html_article
from generator.models import Article, Brief, Verdict

CUES = load_verdict_cues(load_model().vocab)

REVIEW = {
    "@context": "https://schema.org",
    "@type": "ClaimReview",
    "claimReviewed": "The new tram line carries more riders each day than the buses it replaced.",
    "author": {"@type": "Organization", "name": "Harbour Checks"},
    "itemReviewed": {"@type": "Claim", "author": {"@type": "Person", "name": "Ida Marsh"}},
    "reviewRating": {"@type": "Rating", "ratingValue": 2, "alternateName": "Half True"},
}
TRAM_VERDICT = Verdict(
    rating="Half True",
    claim="The new tram line carries more riders each day than the buses it replaced.",
    reviewer="Harbour Checks",
    claimant="Ida Marsh",
)
STORY = [
    "Councillor Ida Marsh told a meeting in Eastport on Monday that the tram line had beaten "
    "the old buses.",
    "The transport office counted 41,000 tram trips a day in the first month of service.",
    "The four bus routes the tram replaced carried about 38,000 trips a day the year before.",
    "But the tram's count includes transfers, which the bus figures left out.",
    "Without them, the tram carried about 36,500 riders a day, a little fewer than the buses.",
]


def test_a_claim_review_gives_the_claim_its_rating_and_who_made_and_rated_it():
    assert claim_review_verdict([{"@type": "NewsArticle"}, REVIEW]) == TRAM_VERDICT


def test_a_rating_given_only_as_a_number_is_no_verdict():
    review = {**REVIEW, "reviewRating": {"@type": "Rating", "ratingValue": -1}}
    assert claim_review_verdict([review]) is None


def test_a_saved_fact_check_page_is_imported_with_its_verdict():
    body = "".join(f"<p>{sentence}</p>" for sentence in STORY)
    page = (
        "<html><head><title>Did the tram beat the buses?</title>"
        f'<script type="application/ld+json">{json.dumps({"@graph": [REVIEW]})}</script>'
        f"</head><body><article><h1>Did the tram beat the buses?</h1>{body}</article></body></html>"
    )
    assert read_html_article(page, "check.html", "check").verdict == TRAM_VERDICT


def test_the_verdict_goes_to_front_matter_and_is_read_back(tmp_path: Path):
    article = Article(
        path="x.md", slug="x", title="Did the tram beat the buses?", paragraphs=tuple(STORY),
        verdict=TRAM_VERDICT,
    )  # fmt: skip
    (tmp_path / "check.md").write_text(article_markdown(article), encoding="utf-8")
    assert "rating: Half True" in article_markdown(article)
    assert read_article(tmp_path / "check.md", tmp_path).verdict == TRAM_VERDICT


def test_the_verdict_line_puts_the_rating_first_and_quotes_the_claim():
    assert verdict_line(TRAM_VERDICT, "Eastport Post") == (
        "Rated Half True by Harbour Checks: “The new tram line carries more riders each day "
        "than the buses it replaced.” (claimed by Ida Marsh)"
    )
    assert verdict_line(Verdict(rating="False"), "Eastport Post") == "Rated False by Eastport Post."


def _brief(english: Language, gazetteer: Gazetteer, article: Article) -> Brief:
    return next(iter(analyse_articles([article], english, gazetteer)))


def test_a_fact_check_with_a_verdict_opens_on_it_and_the_lead_opens_the_key_facts(
    english: Language, gazetteer: Gazetteer
):
    article = Article(
        path="x.md", slug="x", title="Did the tram beat the buses?", paragraphs=tuple(STORY),
        verdict=TRAM_VERDICT,
    )  # fmt: skip
    brief = _brief(english, gazetteer, article)
    assert brief.at_a_glance.startswith("Rated Half True by Harbour Checks: “The new tram")
    assert brief.key_facts[0].text == STORY[0]


def test_a_verdict_stated_in_the_text_is_the_glance_and_no_key_fact(
    english: Language, gazetteer: Gazetteer
):
    rated = "We rate the councillor's claim Half True."
    article = Article(
        path="x.md", slug="x", title="Did the tram beat the buses?",
        paragraphs=(*STORY, rated),
    )  # fmt: skip
    brief = _brief(english, gazetteer, article)
    assert brief.at_a_glance == rated
    assert brief.key_facts[0].text == STORY[0]
    assert all(fact.text != rated for fact in brief.key_facts)


def test_a_news_story_without_a_verdict_keeps_its_lead(english: Language, gazetteer: Gazetteer):
    article = Article(path="x.md", slug="x", title="Tram count", paragraphs=tuple(STORY))
    assert _brief(english, gazetteer, article).at_a_glance == STORY[0]


@pytest.mark.parametrize("entry", CUES.entries, ids=lambda entry: entry.name)
def test_verdict_cue_finds_its_example(english: Language, entry):
    assert entry.name in [name for name, _ in CUES.matches(english(entry.example))]


@pytest.mark.parametrize("entry", CUES.entries, ids=lambda entry: entry.name)
def test_verdict_cue_leaves_its_counter_example(english: Language, entry):
    assert entry.name not in [name for name, _ in CUES.matches(english(entry.counter_example))]


def test_a_rating_inside_someones_quoted_words_is_no_verdict(english: Language):
    assert not CUES.matches(english('"We rate this claim False," the blogger wrote in jest.'))


def test_a_bad_verdict_cue_file_is_reported_by_line():
    with pytest.raises(BriefError) as caught:
        parse_verdict_cues("- name: x\n  why: y\n", "v.yml")
    assert "v.yml:1: missing 'token_patterns'" in str(caught.value).splitlines()
