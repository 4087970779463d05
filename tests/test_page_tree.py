"""A saved page's teasers of the site's other stories stay out of the article; a body the
site cut into chunks around its advertisements is read whole; the article's own links stay."""

from __future__ import annotations

import pytest

from generator.ingest.clean import FURNITURE_LINE, is_page_notice
from generator.ingest.page_tree import prepared_page
from generator.ingest.web_page import read_html_article

ADDRESS = "https://harbour.example.org/news/2024/ferry-terminal-market"
STORY = (
    "<p>The harbour board met on Tuesday to decide the future of the old ferry terminal, which "
    "has stood empty since the last crossing in the spring.</p>"
    "<p>Board members said the building would be sold to the city for a symbolic sum, and the "
    "city would turn it into a market hall within two years.</p>"
    "<p>Traders welcomed the plan, though several asked how long the stalls would stay closed "
    "while the roof and the old waiting room are repaired.</p>"
)
ENDING = (
    "<p>The council expects to sign the sale in the autumn, once the survey of the quay walls "
    "has been read by its engineers and the price agreed.</p>"
)


def page(body: str, canonical: str = ADDRESS) -> str:
    title = "Ferry terminal to become a market hall"
    link = f'<link rel="canonical" href="{canonical}">' if canonical else ""
    return (
        f"<html><head><title>{title}</title>{link}</head><body><article><h1>{title}</h1>"
        f"{body}</article></body></html>"
    )


def text_of(html: str) -> str:
    return "\n".join(read_html_article(html, "x.html", "x").paragraphs)


def test_a_headline_linking_another_story_of_the_site_is_not_article_text():
    teaser = (
        '<p><strong><a href="https://www.harbour.example.org/news/2024/bridge-fares">'
        "BRIDGE FARES TO RISE IN MAY AFTER A YEAR OF LOSSES</a></strong></p>"
    )
    prepared = prepared_page(page(STORY + teaser + ENDING))
    assert "BRIDGE FARES" not in prepared
    assert "The council expects to sign the sale" in prepared


def test_a_list_of_story_cards_with_summaries_is_not_article_text():
    card = (
        '<li><h3><a href="https://www.harbour.example.org/sport/{0}">{1}</a></h3><h4>{2}</h4></li>'
    )
    cards = "".join(
        card.format(*item)
        for item in (
            ("rowing", "Rowing club wins the river race", "The crew led from the first bend"),
            ("sailing", "Sailing school opens a second base", "Lessons start in the spring"),
            ("swimming", "Lido reopens after repairs", "The pool was closed for a year"),
        )
    )
    text = text_of(page(STORY + ENDING + f"<ul>{cards}</ul>"))
    assert "Rowing club" not in text and "Lessons start" not in text


def test_a_titled_list_of_the_sites_headlines_goes_with_its_title():
    links = "".join(
        f'<li>{words} <a href="/news/{n}">{more}</a></li>'
        for n, (words, more) in enumerate(
            (
                ("Why the old mill", "closed for good"),
                ("A walk along", "the northern cliffs"),
                ("What the new tide tables", "mean for the fleet"),
            )
        )
    )
    text = text_of(
        page(STORY + ENDING + f'<div class="title">More from the coast</div><ul>{links}</ul>')
    )
    assert "old mill" not in text and "More from the coast" not in text


def test_a_card_set_as_a_link_between_paragraphs_is_not_article_text():
    card = (
        '<a class="card" href="/news/2024/quay-survey"><span><span>Also on the site</span>'
        "<span>Engineers begin a survey of the quay walls</span></span></a>"
    )
    text = text_of(page(STORY + card + ENDING))
    assert "Also on the site" not in text and "Engineers begin" not in text


def test_links_to_other_sites_and_the_pages_anchors_stay():
    shop = "".join(
        f'<li><a href="https://shop.example.com/{n}">{name}</a></li>'
        for n, name in enumerate(("Brass ship's bell", "Rope fender", "Tide clock"))
    )
    contents = '<p><a href="#history">The terminal and its history</a></p>'
    prepared = prepared_page(page(contents + STORY + f"<ul>{shop}</ul>" + ENDING))
    assert "Rope fender" in prepared
    assert "The terminal and its history" in prepared


def test_a_list_of_the_articles_points_that_link_the_site_stays():
    points = "".join(
        f'<li>{sentence} <a href="/news/{n}">Read our report.</a></li>'
        for n, sentence in enumerate(
            (
                "The roof will be replaced before the market opens.",
                "Stalls will be let to local traders first.",
                "The waiting room becomes a cafe.",
            )
        )
    )
    text = text_of(page(STORY + f"<ul>{points}</ul>" + ENDING))
    assert "Stalls will be let to local traders first." in text


def test_an_also_read_line_that_links_the_site_is_related_reading():
    also = '<p>Also read: <a href="/news/2024/bridge">Bridge fares to rise in May</a></p>'
    article = read_html_article(page(STORY + also + ENDING), "x.html", "x")
    assert article.also_read == ("Bridge fares to rise in May",)


def test_a_body_cut_into_chunks_around_advertisements_is_read_whole():
    def chunk(paragraphs: str) -> str:
        return (
            '<div class="story-grid"><div class="article-body story-text">'
            f'{paragraphs}</div><div class="rail">Advertisement</div></div>'
        )

    later = (
        "<p>Fishermen who moor beside the terminal asked the board to keep the slipway open "
        "to small boats, and the board agreed to look at it again.</p>"
        "<p>The last ferry company to use the building left for the deeper harbour to the "
        "south, where its larger ships can turn without a tug.</p>"
    )
    text = text_of(page(chunk(STORY) + '<div class="ad">Advertisement</div>' + chunk(later)))
    assert "The harbour board met on Tuesday" in text
    assert "The last ferry company to use the building" in text


@pytest.mark.parametrize(
    ("line", "is_notice"),
    [
        ("Sign up for our morning briefing to get the headlines in your inbox.", True),
        ("Follow the harbour desk's coverage at https://harbour.example.org/ferries", True),
        ("Want more? Subscribe to our newsletters.", True),
        ("More rowing: https://harbour.example.org/rowing and https://social.example/rowing", True),
        ("If you buy through this post, the publisher may earn a commission.", True),
        ("Reached by phone, the harbour master said the slipway would stay open.", False),
        ("The election commission would not comment on this story.", False),
        ("The mayor told traders to follow the council's plans on Twitter.", False),
        ("The board will get a report on the app the ferry company used for tickets.", False),
    ],
)
def test_a_call_to_follow_the_publisher_elsewhere_is_a_page_notice(line, is_notice):
    assert is_page_notice(line) is is_notice


@pytest.mark.parametrize(
    ("line", "is_furniture"),
    [("Comments", True), ("14 comments", True), ("Comments on the plan close on Friday.", False)],
)
def test_the_label_of_the_comments_below_is_furniture(line, is_furniture):
    assert (FURNITURE_LINE.match(line) is not None) is is_furniture


def test_the_link_to_the_writers_page_stays_for_the_byline():
    byline = (
        '<ul class="authors"><li><a class="author" href="/author/nell-hart/">Nell Hart</a></li>'
        "</ul>"
    )
    prepared = prepared_page(page(byline + STORY + ENDING))
    assert "Nell Hart" in prepared
