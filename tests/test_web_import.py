"""Saved pages keep all the text trafilatura finds: leads, lists, tables, loose text; pages in
other languages are imported with their language, and their brief does not guess."""

from __future__ import annotations

from dataclasses import replace

import pytest

from generator.analysis.analyse import analyse_articles
from generator.errors import ContentError
from generator.ingest.language import identify_language, is_english, language_name
from generator.ingest.web_page import read_html_article
from generator.models import Article

STORY = (
    "<p>The harbour board met on Tuesday to decide the future of the old ferry terminal, which "
    "has stood empty since the last crossing in the spring.</p>"
    "<p>Board members said the building would be sold to the city for a symbolic sum, and the "
    "city would turn it into a market hall within two years.</p>"
)


def page(body: str, title: str = "Ferry terminal to become a market hall") -> str:
    return (
        f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1>{body}"
        "</article></body></html>"
    )


def test_a_lead_that_ends_in_an_ellipsis_is_kept():
    lead = "<p>What happens to a ferry terminal once the ferries stop …</p>"
    article = read_html_article(page(lead + STORY), "x.html", "x")
    assert article.paragraphs[0] == "What happens to a ferry terminal once the ferries stop …"


def test_a_table_is_kept_as_text_a_row_a_paragraph():
    table = (
        "<table><tr><th>Year</th><th>Passengers</th></tr>"
        "<tr><td>2022</td><td>41,000</td></tr></table>"
    )
    article = read_html_article(page(STORY + table), "x.html", "x")
    assert article.paragraphs[-2:] == ("Year | Passengers", "2022 | 41,000")


def test_what_stands_above_the_repeated_headline_is_furniture():
    kicker = "<p>Harbour</p>"
    title = "Ferry terminal to become a market hall"
    html = page("", title).replace("<article>", f"<article>{kicker}") + ""
    html = html.replace("</h1>", f"</h1>{STORY}")
    article = read_html_article(html, "x.html", "x")
    assert "Harbour" not in article.paragraphs
    assert article.paragraphs[0].startswith("The harbour board met on Tuesday")


def test_the_headline_repeated_below_the_article_cuts_nothing():
    title = "Ferry terminal to become a market hall"
    html = page(STORY + f"<p>{title}</p>", title).replace(f"<h1>{title}</h1>", "")
    article = read_html_article(html, "x.html", "x")
    assert article.paragraphs[0].startswith("The harbour board met on Tuesday")


CARD = (
    '<span class="person"><a href="/people/ann-lee">Ann Lee</a><span class="card"><span>'
    '<img src="lee.jpg" alt=""><a href="/people/ann-lee">Ann Margaret Lee</a>'
    '<a href="/a/1">Mayor backs the ferry market</a> <a href="/a/2">Harbour plan delayed</a>'
    '<a href="/people/ann-lee">MORE</a></span></span></span>'
)
REST = (
    "<p>The building has stood empty since the last ferry left in spring, and traders have "
    "asked for a covered market for years.</p><p>Work is due to start next summer and to end "
    "within two years, the council said on Tuesday.</p>"
)


def test_a_card_of_links_that_pops_up_over_a_name_is_not_article_text():
    lead = f"<p>Mayor {CARD} (Ind.) said on Tuesday the ferry terminal will become a market.</p>"
    article = read_html_article(page(lead + REST), "x.html", "x")
    assert article.paragraphs[0] == (
        "Mayor Ann Lee (Ind.) said on Tuesday the ferry terminal will become a market."
    )


def test_links_in_a_sentence_stay_in_it():
    lead = (
        '<p>Mayor <a href="/p/1">Ann Lee</a> met <a href="/p/2">Tom Ward</a> and '
        '<a href="/p/3">Sue Park</a> on Tuesday to plan the market.</p>'
    )
    article = read_html_article(page(lead + REST), "x.html", "x")
    assert (
        article.paragraphs[0]
        == "Mayor Ann Lee met Tom Ward and Sue Park on Tuesday to plan the market."
    )


def test_a_cookie_notice_alone_is_no_article():
    html = "<html><body><div><p>We use cookies to improve this site.</p></div></body></html>"
    with pytest.raises(ContentError, match=r"^x\.html: no article text found in the page$"):
        read_html_article(html, "x.html", "x")


JAPANESE = (
    "<p>東京都は火曜日、旧フェリーターミナルを市場として再利用する計画を発表した。"
    "建物は春の最終便以来、空き家となっていた。</p>"
    "<p>都の担当者によると、改修工事は来年の夏に始まり、二年以内に完成する見込みだという。"
    "地元の商店街は計画を歓迎している。</p>"
)


def test_a_page_in_japanese_is_imported_with_its_language():
    article = read_html_article(page(JAPANESE, "旧フェリーターミナル、市場に"), "x.html", "x")
    assert article.language == "ja"
    assert len(article.paragraphs) == 2


def test_the_brief_of_a_page_not_in_english_says_so_and_guesses_nothing(english, gazetteer):
    article = read_html_article(page(JAPANESE, "旧フェリーターミナル、市場に"), "x.html", "x")
    (brief,) = analyse_articles([article], english, gazetteer)
    assert brief.at_a_glance == (
        "This article is in Japanese. The analysis covers English only, so this brief has no "
        "key facts, actors, timeline or quotes: read the article itself."
    )
    assert (brief.key_facts, brief.actors, brief.timeline, brief.quotes) == ((), (), (), ())


def test_the_brief_of_a_page_not_in_english_points_to_the_original_only_when_linked(
    english, gazetteer
):
    article = read_html_article(page(JAPANESE, "旧フェリーターミナル、市場に"), "x.html", "x")
    linked = replace(article, url="https://example.com/news/1")
    (brief,) = analyse_articles([linked], english, gazetteer)
    assert brief.at_a_glance.endswith("read the original, linked under Source.")


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("O conselho municipal aprovou ontem o orçamento para o próximo ano, depois de um longo "
         "debate entre os vereadores da cidade.", "pt"),
        ("The council approved the budget on Tuesday after a long debate between members.", "en"),
        ("BERLIN 1996-08-30 Leading results: 1. Wilson Kipketer (Denmark) 1:43.34", None),
        ("", None),
    ],
)  # fmt: skip
def test_the_language_is_named_only_when_the_identifier_is_sure(text, language):
    assert identify_language(text) == language


@pytest.mark.parametrize(
    ("language", "english"), [(None, True), ("en", True), ("en-GB", True), ("pt", False)]
)
def test_only_english_is_analysed(language, english):
    assert is_english(language) is english


def test_language_names():
    assert [language_name(code) for code in ("ja", "pt-BR", "xx-unknown")] == [
        "Japanese",
        "Portuguese (Brazil)",
        "xx-unknown",
    ]


def test_a_reader_bug_on_a_fetched_page_names_the_page(tmp_path, monkeypatch):
    import generator.ingest.add as add

    def broken(*args, **kwargs):
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setattr(add, "read_html_article", broken)
    with pytest.raises(ContentError) as caught:
        add.import_article("https://news.example.com/a", tmp_path, fetch=lambda _: b"<p>x</p>")
    assert str(caught.value) == (
        "https://news.example.com/a: could not be read (RecursionError: maximum recursion depth "
        "exceeded); please report this page"
    )


GERMAN_TEXT = (
    "Der Stadtrat hat am Dienstag beschlossen, das alte Fährterminal als Markthalle zu nutzen. "
    "Das Gebäude steht seit der letzten Fahrt im Frühjahr leer.\n\n"
    "Nach Angaben der Stadt beginnen die Umbauarbeiten im nächsten Sommer und sollen innerhalb "
    "von zwei Jahren abgeschlossen sein. Die Händler der Altstadt begrüßen den Plan."
)


def test_an_article_in_german_that_declares_no_language_is_not_analysed_as_english(
    english, gazetteer
):
    article = Article(path="markt.txt", slug="markt", title="Markthalle im Fährterminal",
                      paragraphs=tuple(GERMAN_TEXT.split("\n\n")))  # fmt: skip
    (brief,) = analyse_articles([article], english, gazetteer)
    assert brief.at_a_glance.startswith("This article is in German.")
    assert brief.article.language == "de"
    assert (brief.key_facts, brief.actors, brief.timeline, brief.quotes) == ((), (), (), ())


def test_an_english_article_that_declares_no_language_is_analysed(english, gazetteer):
    article = Article(path="port.txt", slug="port", title="Ferry terminal to become a market",
                      paragraphs=("The council voted on Tuesday to turn the old ferry terminal "
                                  "into a market hall, its leader Anna Berg said.",))  # fmt: skip
    (brief,) = analyse_articles([article], english, gazetteer)
    assert brief.article.language is None
    assert "Anna Berg" in [actor.name for actor in brief.actors]
