"""A page's deck (the summary it sets under its headline) is kept as the article's standfirst,
apart from the article text; the brief shows it as its at-a-glance line when it is a whole
sentence, and the lead then opens the key facts."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

from generator.analysis.analyse import analyse_articles
from generator.analysis.gazetteer import Gazetteer
from generator.ingest.read import read_article
from generator.ingest.web_page import read_html_article
from generator.models import Article, Brief

TITLE = "The harbour ferry will stop running at night from March"
DECK = (
    "Fewer passengers on the late boats have made the ferry's night crossings too costly to keep."
)
LEAD = (
    "<p>The council's ferry service will end its night crossings on the first of March, the "
    "transport committee decided on Thursday after a vote of seven to four.</p>"
)
REST = (
    "<p>About forty people a night used the last three boats last winter, a quarter of the "
    "number who took them five years ago, according to the operator's own counts.</p>"
    "<p>Shift workers at the hospital on the far shore said the decision left them with a bus "
    "journey of over an hour each way, and their union asked the committee to think again.</p>"
)


def page(header: str, head: str = "", body: str = LEAD + REST) -> str:
    return (
        f"<html><head><title>{TITLE}</title>{head}</head><body>"
        f'<header class="story-head"><h1>{TITLE}</h1>{header}</header>'
        f'<article class="story-body">{body}</article></body></html>'
    )


def described(text: str, key: str = "og:description") -> str:
    return f'<meta property="{key}" content="{text}">'


def deck_of(html: str) -> str | None:
    return read_html_article(html, "x.html", "x").standfirst


def test_a_heading_under_the_headline_is_the_pages_deck_not_article_text():
    article = read_html_article(page(f'<h2 class="dek">{DECK}</h2>'), "x.html", "x")
    assert article.standfirst == DECK
    assert DECK not in article.paragraphs


def test_a_description_the_page_shows_under_its_headline_is_its_deck():
    shown = f'<div class="summary">{DECK}</div><div class="byline">By Ines Carrow</div>'
    assert deck_of(page(shown, described(DECK))) == DECK


def test_any_of_the_pages_descriptions_that_it_shows_is_its_deck():
    other = "The ferry's night service ends in March, the council decided after a long debate."
    head = described(other, "description") + described(DECK, "twitter:description")
    assert deck_of(page(f'<p class="dek">{DECK}</p>', head)) == DECK


def test_a_description_only_search_engines_read_is_no_deck():
    assert deck_of(page("", described(DECK))) is None


def test_a_description_that_repeats_the_lead_is_no_deck():
    lead = (
        "The council's ferry service will end its night crossings on the first of March, the "
        "transport committee decided on Thursday after a vote of seven to four."
    )
    assert deck_of(page(f"<div>{lead}</div>", described(lead))) is None


def test_a_teaser_cut_short_is_no_deck():
    cut = "Fewer passengers on the late boats have made the ferry's night…"
    assert deck_of(page(f"<h2>{cut}</h2>")) is None


def test_someones_quoted_words_under_the_headline_are_a_pull_quote_not_a_deck():
    quoted = "“We cannot run empty boats across the harbour all night,” the operator said."
    assert deck_of(page(f"<p>{quoted}</p>", described(quoted))) is None


def test_a_sites_slogan_shown_in_its_banner_is_no_deck():
    slogan = "Straight talk about the coast, every morning since nineteen twelve."
    banner = f'<div class="site-banner">{slogan}</div>'
    html = page("", described(slogan)).replace("<body>", f"<body>{banner}")
    assert deck_of(html) is None


def markdown_article(tmp_path: Path, front_matter: str) -> Path:
    path = tmp_path / "ferry.md"
    body = " ".join(line.removeprefix("<p>") for line in (LEAD + REST).split("</p>"))
    path.write_text(f"---\ntitle: {TITLE}\n{front_matter}---\n{body}\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("key", ["description", "subtitle", "summary"])
def test_a_deck_written_in_front_matter_by_other_tools_is_read(tmp_path: Path, key: str):
    path = markdown_article(tmp_path, f'{key}: "{DECK}"\n')
    assert read_article(path, tmp_path).standfirst == DECK


def test_an_article_without_a_deck_in_front_matter_has_none(tmp_path: Path):
    assert read_article(markdown_article(tmp_path, ""), tmp_path).standfirst is None


def brief_of(article: Article, english: Language, gazetteer: Gazetteer) -> Brief:
    return next(iter(analyse_articles([article], english, gazetteer)))


def article_with(deck: str | None) -> Article:
    paragraphs = tuple(p.removeprefix("<p>") for p in (LEAD + REST).split("</p>") if p)
    return Article(path="x.md", slug="x", title=TITLE, paragraphs=paragraphs, standfirst=deck)


def test_a_whole_sentence_deck_is_the_glance_and_the_lead_opens_the_key_facts(
    english: Language, gazetteer: Gazetteer
):
    brief = brief_of(article_with(DECK), english, gazetteer)
    assert brief.at_a_glance == DECK
    assert brief.key_facts[0].text.startswith("The council's ferry service will end")


def test_a_deck_without_its_stop_leaves_the_lead_as_the_glance(
    english: Language, gazetteer: Gazetteer
):
    brief = brief_of(article_with(DECK.removesuffix(".")), english, gazetteer)
    assert brief.at_a_glance.startswith("The council's ferry service will end")
    assert not any(f.text.startswith("The council's ferry") for f in brief.key_facts)
