"""A saved page's date is the day it was published: the date its address's folders give, else
the day its labelled publication line shows, else the markup's; never the day of a statement
the article examines, of an event its slug names, or of the stories its sidebar lists."""

from __future__ import annotations

import datetime as dt

import pytest

from generator.ingest.page_date import address_date
from generator.ingest.web_page import read_html_article

TEXT = (
    "<p>The county councillor said last month that the new ferry would cost less to run "
    "than the old one, a claim the council's own accounts do not bear out so far.</p>"
    "<p>The accounts show fuel and crew costs rising by a fifth in the first quarter, "
    "while the fares taken on the crossing stayed much the same as a year earlier.</p>"
    "<p>A spokesman for the councillor said the figures covered a period of trials and "
    "that the savings would show once the timetable settled in the spring.</p>"
)
CLAIM_LINE = (
    '<p class="claim__meta">— <a href="/people/ann-hale/">Ann Hale</a> on Thursday, '
    "March 7th, 2024 in a radio interview</p>"
)


def page(address: str, before: str = "", after: str = "", head: str = "") -> str:
    return (
        f"<html><head><title>Will the new ferry cost less to run?</title>"
        f'<link rel="canonical" href="{address}">{head}</head><body><article>'
        f"<h1>Will the new ferry cost less to run?</h1>{before}"
        f'<div class="article-body">{TEXT}</div>{after}</article></body></html>'
    )


def date_of(html: str) -> dt.date | None:
    return read_html_article(html, "ferry.html", "ferry").date


def test_the_addresss_folders_date_the_page_not_the_claim_it_checks():
    html = page("https://checks.example.org/statements/2024/apr/15/ann-hale/ferry/", CLAIM_LINE)
    assert date_of(html) == dt.date(2024, 4, 15)


def test_the_labelled_publication_line_dates_a_page_whose_address_has_no_date():
    published = "<p>Published: Monday, April 15th, 2024 at 9:40 a.m.</p>"
    html = page("https://checks.example.org/statements/ann-hale-ferry/", CLAIM_LINE, published)
    assert date_of(html) == dt.date(2024, 4, 15)


def test_a_label_and_its_time_element_make_one_publication_line():
    line = (
        '<span class="stamp">Posted <time datetime="2024-04-16T03:40:00Z">'
        "11:40 pm EDT, Monday, April 15, 2024</time></span>"
    )
    html = page("https://news.example.com/ferry-costs-1234.php", line)
    # The markup's UTC stamp falls on the next day; the reader is shown the local one.
    assert date_of(html) == dt.date(2024, 4, 15)


def test_a_date_in_the_slug_yields_to_the_markups_publication_date():
    head = '<meta property="article:published_time" content="2024-04-16T01:07:00-04:00">'
    html = page("https://news.example.com/news/ferry-hearing-key-moments-2024-04-15/", head=head)
    assert date_of(html) == dt.date(2024, 4, 16)


def test_several_posted_days_are_other_stories_not_the_pages_date():
    sidebar = "".join(
        f'<li><a href="/story-{day}">Harbour story {day}</a>'
        f"<span>Posted April {day}, 2024</span></li>"
        for day in (2, 9)
    )
    head = '<meta property="article:published_time" content="2024-04-15T09:00:00+01:00">'
    html = page("https://news.example.com/ferry-costs", after=f"<ul>{sidebar}</ul>", head=head)
    assert date_of(html) == dt.date(2024, 4, 15)


def test_an_updated_line_is_not_the_day_of_publication():
    head = '<meta property="article:published_time" content="2024-04-15T09:00:00+01:00">'
    updated = "<p>Updated: Friday, April 19th, 2024</p>"
    html = page("https://news.example.com/ferry-costs", updated, head=head)
    assert date_of(html) == dt.date(2024, 4, 15)


def test_a_paragraph_opening_on_posted_is_prose_not_a_date_line():
    prose = (
        "<p>Posted to the island in May 12, 2019 as its first harbour master, she has watched "
        "every ferry the council bought since then come and go across the sound.</p>"
    )
    head = '<meta property="article:published_time" content="2024-04-15T09:00:00+01:00">'
    html = page("https://news.example.com/ferry-costs", prose, head=head)
    assert date_of(html) == dt.date(2024, 4, 15)


def test_a_page_without_a_date_is_read_undated():
    article = read_html_article(page("https://news.example.com/ferry-costs"), "f.html", "f")
    assert article.date is None
    assert article.paragraphs


@pytest.mark.parametrize(
    ("address", "day"),
    [
        ("https://a.example/2024/05/14/story/", dt.date(2024, 5, 14)),
        ("https://a.example/world/2024/may/14/story", dt.date(2024, 5, 14)),
        ("https://a.example/2024/5/4/story.html", dt.date(2024, 5, 4)),
        ("https://a.example/2024/05/story.html", None),
        ("https://a.example/story-2024-05-14/", None),
        ("https://a.example/2024/02/30/story/", None),
        ("https://a.example/story?date=2024/05/14", None),
        (None, None),
    ],
)
def test_only_a_date_set_as_the_addresss_folders_dates_the_page(address, day):
    assert address_date(address) == day


def test_a_syndicated_copy_is_dated_by_the_originals_address_it_names_as_canonical():
    copy = page("https://www.portal.example/en-gb/news/ferry-costs/ar-XY12Z").replace(
        '<link rel="canonical" href="https://www.portal.example/en-gb/news/ferry-costs/ar-XY12Z">',
        '<meta property="og:url" content="https://www.portal.example/en-gb/news/ferry-costs/ar-XY12Z">'
        '<link rel="canonical" href="https://island.example.com/2024/04/15/ferry-costs/">'
        '<meta name="build" content="2024-04-02T19:49:29Z">',
    )
    assert date_of(copy) == dt.date(2024, 4, 15)


def published_on(stamp: str) -> str:
    return f'<div class="meta"><span class="stamp">{stamp}</span></div>'


def with_lang(html: str, lang: str) -> str:
    return html.replace("<html>", f'<html lang="{lang}">', 1)


@pytest.mark.parametrize(
    ("lang", "address", "expected"),
    [
        ("pt-BR", "https://noticias.example.com/balsa-custos", dt.date(2024, 4, 5)),
        ("", "https://noticias.example.com.br/balsa-custos", dt.date(2024, 4, 5)),
        ("en-US", "https://news.example.com/ferry-costs", dt.date(2024, 5, 4)),
    ],
)
def test_a_day_in_figures_is_read_in_the_order_of_the_pages_locale(lang, address, expected):
    html = page(address, published_on("Publicado em 05/04/2024 às 10:20"))
    if lang:
        html = with_lang(html, lang)
    assert date_of(html) == expected


def test_a_day_in_figures_is_not_read_when_nothing_tells_its_order():
    stamp = published_on("Posted 05/04/2024")
    markup = '<meta property="article:published_time" content="2024-06-20T10:00:00Z">'
    html = page("https://news.example.com/ferry-costs", stamp, head=markup)
    # An English page on a generic domain may write day or month first: the markup decides.
    assert date_of(html) == dt.date(2024, 6, 20)


def test_a_day_without_its_year_takes_the_year_of_the_addresss_folders():
    stamp = published_on("Posted Apr 15, 9:40 PM")
    html = page("https://news.example.com/local/2024/04/ferry-costs.html", stamp)
    assert date_of(html) == dt.date(2024, 4, 15)


def test_a_day_without_its_year_takes_the_year_of_the_markups_stamp_of_that_evening():
    stamp = published_on("Posted Dec 31, 11:40 PM")
    markup = '<meta property="article:published_time" content="2025-01-01T04:40:00Z">'
    html = page("https://news.example.com/ferry-costs", stamp, head=markup)
    assert date_of(html) == dt.date(2024, 12, 31)


def test_a_day_without_its_year_far_from_the_markups_date_is_not_given_one():
    stamp = published_on("Posted Mar 2, 8:00 AM")
    markup = '<meta property="article:published_time" content="2024-06-20T10:00:00Z">'
    html = page("https://news.example.com/ferry-costs", stamp, head=markup)
    assert date_of(html) == dt.date(2024, 6, 20)
