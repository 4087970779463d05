"""What a page sets around its article's end stays out of the article text: its controls
(words beside an icon labelled with them), a label whose list of the site's stories is gone,
the outlet's source line, the writer's bio, a copyright line in any language."""

from __future__ import annotations

from generator.ingest.clean import WIRE_CREDIT_LINE, is_page_notice
from generator.ingest.page_metadata import read_page_facts
from generator.ingest.web_page import read_html_article, split_body

ADDRESS = "https://harbour.example.com/news/ferry-night-service"
TITLE = "The harbour ferry will stop running at night from March"
BODY = (
    "<p>The council's ferry service will end its night crossings on the first of March, the "
    "transport committee decided on Thursday after a vote of seven to four.</p>"
    "<p>About forty people a night used the last three boats last winter, a quarter of the "
    "number who took them five years ago, according to the operator's own counts.</p>"
    "<p>Shift workers at the hospital on the far shore said the decision left them with a bus "
    "journey of over an hour each way, and their union asked the committee to think again.</p>"
)
LAST = "<p>The committee will hear the union's case at its next meeting in February.</p>"


def page(before: str = "", after: str = "", author: str = "") -> str:
    byline = f'<meta name="author" content="{author}">' if author else ""
    return (
        f'<html><head><title>{TITLE}</title><link rel="canonical" href="{ADDRESS}">{byline}'
        f"</head><body><article><h1>{TITLE}</h1>{before}"
        f'<div class="article-body">{BODY}{LAST}{after}</div></article></body></html>'
    )


def paragraphs(html: str) -> tuple[str, ...]:
    return read_html_article(html, "ferry.html", "ferry").paragraphs


def test_a_toolbars_words_beside_icons_labelled_with_them_are_not_article_text():
    tools = (
        '<ul class="tools"><li class="tool">Order Reprints <span class="icon" '
        'aria-label="Order Reprints"></span></li><li class="tool">Print Article '
        '<span class="icon" title="Print"></span></li></ul>'
    )
    facts = read_page_facts(page(tools), ADDRESS)
    assert facts.controls == ("Order Reprints", "Print Article")
    blocks = ["Order Reprints", "Print Article", "The council's ferry service will end."]
    body = split_body(blocks, (TITLE,), controls=facts.controls)
    assert body.paragraphs == ("The council's ferry service will end.",)


def test_a_word_with_a_title_that_is_its_own_text_stays():
    line = '<p>The <abbr title="Harbour Transport Authority">HTA</abbr> runs the boats.</p>'
    html = page(after=line)
    assert any("HTA runs the boats" in p for p in paragraphs(html))


def test_a_label_whose_list_of_the_sites_stories_was_dropped_goes_with_it():
    more = (
        "<h4>More:</h4>"
        + "".join(
            f'<ul><li><h4><a href="https://harbour.example.com/news/{slug}">{title}</a></h4>'
            "</li></ul>"
            for slug, title in (
                ("bridge", "Bridge repairs close one lane"),
                ("port", "Port fees rise again"),
                ("pier", "Old pier to be pulled down"),
            )
        )
        + LAST.replace("committee will hear", "operator will publish").replace(
            "the union's case at its next meeting", "its winter timetable"
        )
    )
    text = paragraphs(page(after=more))
    assert "More:" not in text
    assert not any("Port fees" in p for p in text)


def test_the_outlets_source_line_and_a_copyright_line_are_not_article_text():
    assert WIRE_CREDIT_LINE.match("SOURCE: Harbour News Service")
    assert WIRE_CREDIT_LINE.match("Source: Harbour Daily and news agencies")
    assert not WIRE_CREDIT_LINE.match("Source: the operator's own counts")
    assert is_page_notice("Copyright ⓒ harbour.example.kr. 무단 복제 금지")
    assert not is_page_notice("Copyright rules for photographs were changed in 2019.")


def test_the_writers_bio_after_the_last_paragraph_is_not_article_text():
    bio = (
        "<p><em>Ines Carrow is our transport reporter and has covered the port since 2015.</em></p>"
    )
    text = paragraphs(page(after=bio, author="Ines Carrow"))
    assert not any(p.startswith("Ines Carrow is") for p in text)
    assert text[-1].startswith("The committee will hear")


def test_a_last_paragraph_about_someone_else_stays():
    last = "<p>Tom Reyes is the union's branch secretary and works nights at the hospital.</p>"
    text = paragraphs(page(after=last, author="Ines Carrow"))
    assert text[-1].startswith("Tom Reyes is the union's")


def test_an_agencys_credit_glued_after_the_last_sentence_is_not_article_text():
    html = page(after="<p>Night buses will run from the quay instead. HNS</p>")
    assert paragraphs(html)[-1] == "Night buses will run from the quay instead."


def test_a_last_sentence_ending_on_a_name_in_capitals_keeps_it():
    # A name in capitals inside the sentence, before its stop, is the sentence's own.
    html = page(after="<p>The crossings are paid for by the HTA.</p>")
    assert paragraphs(html)[-1] == "The crossings are paid for by the HTA."
    html = page(after="<p>The committee's chair said: “We will listen to the HTA.”</p>")
    assert paragraphs(html)[-1].endswith("HTA.”")
