"""What a saved page sets around its article stays out of the article text: the deck under the
headline, a headline that differs from the page's title, a dialog the page keeps hidden; a
post the writer embeds from another site is the article's and is read where it stands."""

from __future__ import annotations

from generator.ingest.page_metadata import read_page_facts
from generator.ingest.page_tree import prepared_page
from generator.ingest.web_page import read_html_article, split_body

ADDRESS = "https://valley.example.net/news/2024/orchard-frost"
TITLE = "Late frost costs the valley's orchards half their blossom"
FIRST = (
    "<p>A frost on the last night of April killed about half of the apple blossom in the "
    "valley, growers said on Monday after walking their orchards at first light.</p>"
)
REST = (
    "<p>The growers' association asked the county for help with the cost of the fans and "
    "heaters that several farms hired in a hurry over the weekend.</p>"
    "<p>Pickers who had been booked for the autumn were told that the harvest would be "
    "smaller, though no farm has cancelled its contracts yet.</p>"
)
BYLINE = '<div class="byline">By Rosa Imrie</div>'


def page(header: str, body: str = FIRST + REST, title: str = TITLE) -> str:
    return (
        f'<html><head><title>{title}</title><link rel="canonical" href="{ADDRESS}"></head>'
        f'<body><article><header class="story-head">{header}</header>'
        f'<div class="story-body">{body}</div></article></body></html>'
    )


def paragraphs(html: str) -> tuple[str, ...]:
    return read_html_article(html, "x.html", "x").paragraphs


def test_a_deck_under_the_headline_is_not_the_articles_first_line():
    deck = "Growers count the loss after the coldest April night in a decade."
    for tag in ("h2", "h3", "h5"):
        header = f'<h1>{TITLE}</h1><{tag} class="subline">{deck}</{tag}>{BYLINE}'
        text = paragraphs(page(header))
        assert deck not in text
        assert text[0].startswith("A frost on the last night of April")


def test_a_deck_without_a_stop_is_not_article_text_either():
    header = f"<h1>{TITLE}</h1><h2>Fans and heaters were not enough on the lower slopes</h2>"
    assert not any("lower slopes" in line for line in paragraphs(page(header)))


def test_a_sub_heading_of_a_body_set_flat_under_its_headline_stays():
    flat = (
        f"<html><head><title>{TITLE}</title></head><body><article><h1>{TITLE}</h1>"
        f"<h2>What the growers saw</h2>{FIRST}{REST}</article></body></html>"
    )
    assert "What the growers saw" in paragraphs(flat)


def test_a_deck_the_body_goes_on_from_is_given_back_as_its_standfirst():
    deck = "Frost killed half the valley's apple blossom on the last night of April."
    header = f"<h1>{TITLE}</h1><h2>{deck}</h2>{BYLINE}"
    described = page(header, "<p>In addition, the pear trees lost most of their buds.</p>" + REST)
    described = described.replace("</title>", f'</title><meta name="description" content="{deck}">')
    text = paragraphs(described)
    assert text[0] == deck
    assert text[1].startswith("In addition, the pear trees")


def test_the_headline_the_page_shows_is_not_article_text_when_its_title_differs():
    shown = "Half the valley's apple blossom lost to one night of frost"
    facts = read_page_facts(page(f"<h1>{shown}</h1>"), ADDRESS)
    assert facts.headlines == (shown,)
    blocks = [shown, "Rosa Imrie", "A frost on the last night of April killed the blossom."]
    body = split_body(blocks, ("Orchards hit by late frost", *facts.headlines), "Rosa Imrie")
    assert body.paragraphs == ("A frost on the last night of April killed the blossom.",)


def test_a_body_line_that_repeats_no_headline_stays():
    line = "<p>Orchards hit by frost</p>"
    text = paragraphs(page(f"<h1>{TITLE}</h1>", FIRST + line + REST))
    assert "Orchards hit by frost" in text


def test_a_hidden_dialog_with_a_form_is_not_article_text():
    dialog = (
        '<div class="mail-box overlay hide"><p>Send this story to a friend</p>'
        '<input type="email"><button>Send</button><p>Something went wrong, try again.</p>'
        "<p>Thank you</p></div>"
    )
    for body in (FIRST + dialog + REST, FIRST + dialog.replace(' hide"', '" hidden') + REST):
        prepared = prepared_page(page(f"<h1>{TITLE}</h1>", body))
        assert "Something went wrong" not in prepared and "Thank you" not in prepared
        assert "Pickers who had been booked" in prepared


def test_hidden_text_without_a_form_is_left_to_the_extraction():
    folded = (
        '<div class="rest-of-story hide"><p>The county said on Tuesday that a fund for farms '
        "hurt by the weather would open in June, with grants of up to a tenth of the loss.</p>"
        "</div>"
    )
    prepared = prepared_page(page(f"<h1>{TITLE}</h1>", FIRST + folded + REST))
    assert "a fund for farms hurt by the weather" in prepared


def post(text: str, author: str, address: str) -> str:
    return (
        f'<div class="social-embed"><blockquote class="post-quote"><p>{text}</p>'
        f'&mdash; {author} <a href="{address}">April 30, 2024</a></blockquote>'
        '<script async src="https://posts.example.com/widget.js"></script></div>'
    )


def test_a_post_embedded_from_another_site_is_read_where_it_stands():
    embedded = post(
        "Walked the top rows at dawn and every blossom is brown. Heartbreaking.",
        "Hollow Lane Farm (@hollowlanefarm)",
        "https://posts.example.com/hollowlanefarm/status/1234",
    )
    text = paragraphs(page(f"<h1>{TITLE}</h1>", FIRST + embedded + REST))
    at = next(i for i, line in enumerate(text) if line.startswith("Walked the top rows"))
    assert text[at - 1].startswith("A frost on the last night of April")
    assert text[at + 1].startswith("— Hollow Lane Farm (@hollowlanefarm)")
    assert text[at + 2].startswith("The growers' association")


def test_a_quotation_framed_with_other_content_is_left_to_the_extraction():
    framed = (
        '<div class="social-embed"><p>Share this story</p><blockquote><p>Every blossom is '
        'brown.</p><a href="https://posts.example.com/a/1">Link</a></blockquote></div>'
    )
    text = "\n".join(paragraphs(page(f"<h1>{TITLE}</h1>", FIRST + framed + REST)))
    assert "Share this story" not in text


def test_a_pull_quote_of_the_sites_own_text_is_not_unframed():
    pull = (
        '<div class="social-embed"><blockquote><p>Every blossom on the top rows is brown.</p>'
        f'<a href="{ADDRESS}#quote">Share</a></blockquote></div>'
    )
    text = "\n".join(paragraphs(page(f"<h1>{TITLE}</h1>", FIRST + pull + REST)))
    assert "Every blossom on the top rows" not in text


def credited_page(byline: str) -> str:
    return (
        f"<html><head><title>{TITLE}</title></head><body><article><h1>{TITLE}</h1>"
        f'<p class="story-info"><span itemprop="author" class="story-info__authors">{byline}'
        f"</span></p>{FIRST}{REST}</article></body></html>"
    )


def test_a_bylines_label_in_any_language_is_not_part_of_the_writers_name():
    for label, name in (
        ("Текст", "Вера Лагунова"),
        ("Texto", "Ana Beatriz Souza"),
        ("Words", "Ola Berg"),
    ):
        article = read_html_article(credited_page(f"{label}: {name}"), "x.html", "x")
        assert article.author == name
        assert not any(label in line for line in article.paragraphs)


def test_a_name_before_a_colon_is_not_taken_for_a_label():
    facts = read_page_facts(credited_page("Rosa Imrie: Farming correspondent"), ADDRESS)
    assert facts.byline_labels == ()
    assert read_page_facts(credited_page("Text: Rosa Imrie"), ADDRESS).byline_labels == ("Text",)


def test_a_table_that_lays_the_page_out_gives_the_articles_paragraphs():
    layout = (
        f"<html><head><title>{TITLE}</title></head><body><table><tr>"
        '<td valign="top"><a href="/">Home</a><br><a href="/farming">Farming</a></td>'
        f"<td><font size=4><b>{TITLE}</b></font>{FIRST}{REST}</td></tr></table></body></html>"
    )
    text = paragraphs(layout)
    assert len(text) == 3
    assert text[0].startswith("A frost on the last night of April")
    assert text[2].startswith("Pickers who had been booked")


def test_a_table_of_figures_keeps_its_rows():
    rows = "".join(
        f"<tr><td><p>{farm}</p></td><td><p>{share}</p></td></tr>"
        for farm, share in (("Hollow Lane", "60%"), ("Upper Ridge", "45%"), ("Mill Brook", "30%"))
    )
    text = paragraphs(page(f"<h1>{TITLE}</h1>", FIRST + f"<table>{rows}</table>" + REST))
    assert "Hollow Lane | 60%" in text
    assert "Mill Brook | 30%" in text


def card(slug: str, headline: str, summary: str, link: str = "/news/2024/") -> str:
    return (
        f'<div class="promo"><h3><a href="{link}{slug}">{headline}</a></h3><p>{summary}</p></div>'
    )


CARDS = (
    ("bee-hives", "Bee keepers move hives to the valley floor", "The move follows a cold week."),
    ("cider-prices", "Cider makers warn of dearer bottles", "Smaller crops mean higher costs."),
    ("road-works", "Valley road to close for repairs", "The work will take three weeks."),
)


def test_a_row_of_story_cards_set_as_blocks_is_not_article_text():
    row = f'<div class="more">{"".join(card(*item) for item in CARDS)}</div>'
    short = (
        f'<html><head><title>{TITLE}</title><link rel="canonical" href="{ADDRESS}"></head>'
        f"<body><article><h1>{TITLE}</h1>{FIRST}</article>{row}</body></html>"
    )
    text = "\n".join(paragraphs(short))
    assert "Smaller crops mean higher costs" not in text
    assert "A frost on the last night of April" in text


def test_a_single_linked_heading_with_its_section_stays():
    section = card(
        "frost-fund",
        "The county's frost fund",
        "The county said the fund would open in June, with grants of up to a tenth of the loss "
        "for any farm that can show its records of the night.",
    )
    text = "\n".join(paragraphs(page(f"<h1>{TITLE}</h1>", FIRST + section + REST)))
    assert "grants of up to a tenth of the loss" in text


def test_cards_that_link_other_sites_stay():
    row = "".join(card(*item, link="https://other.example.com/") for item in CARDS)
    prepared = prepared_page(page(f"<h1>{TITLE}</h1>", FIRST + row + REST))
    assert "Smaller crops mean higher costs" in prepared


SHORT = "A frost on the last night of April killed about half of the valley's apple blossom."


def blog_page(body: str) -> str:
    return (
        f"<html><head><title>{TITLE}</title></head><body><nav><a href='/'>Home</a></nav>"
        f"<article><h1>{TITLE}</h1><div class='entry-meta'>Posted by Rosa Imrie on 1 May 2024"
        f"</div><div class='entry-content'>{body}</div><div class='share'><h3>Share this:</h3>"
        "<a href='https://social.example/share'>Share</a></div></article></body></html>"
    )


def test_a_short_article_is_read_whole_not_refused_or_glued_to_its_byline():
    assert paragraphs(blog_page(f"<p>{SHORT}</p>")) == (SHORT,)


def test_a_short_article_set_in_divisions_keeps_its_headline_and_byline_apart():
    divided = (
        f"<html><head><title>{TITLE}</title></head><body><div id='content'><h1>{TITLE}</h1>"
        f"<div class='byline'>By Rosa Imrie</div><div class='story'><div>{SHORT}</div></div>"
        "</div></body></html>"
    )
    assert paragraphs(divided) == (SHORT,)


def test_a_longer_article_of_one_paragraph_reads_as_before():
    longer = SHORT + " " + REST.replace("<p>", "").replace("</p>", " ").strip()
    assert paragraphs(blog_page(f"<p>{longer}</p>")) == (longer,)
