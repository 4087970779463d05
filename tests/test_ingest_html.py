"""Saved web pages in content/: the article kept, the page around it dropped, metadata read."""

from __future__ import annotations

import codecs
import datetime as dt

import pytest

from generator.errors import ContentError
from generator.ingest.clean import is_page_notice
from generator.ingest.read import read_article
from generator.ingest.web_page import decode_html, read_html_article
from tests.seed_build import PROJECT

NEWS_PAGE = """\
<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Rail strike halts trains across the north | Northern Courier</title>
<meta property="og:title" content="Rail strike halts trains across the north">
<meta property="og:site_name" content="Northern Courier">
<meta property="og:url" content="https://courier.example.net/news/2024/05/14/rail-strike">
<link rel="canonical" href="https://courier.example.net/news/2024/05/14/rail-strike">
<meta name="author" content="Priya Raman">
<script type="application/ld+json">
{"@context": "https://schema.org", "@type": "NewsArticle",
 "headline": "Rail strike halts trains across the north",
 "datePublished": "2024-05-14T06:45:00+01:00",
 "dateModified": "2024-05-15T09:10:00+01:00",
 "author": {"@type": "Person", "name": "Priya Raman"},
 "publisher": {"@type": "Organization", "name": "Northern Courier"}}
</script>
</head>
<body>
<div class="cookie-consent" id="cookies">
  <p>We and our partners use cookies to personalise content and measure our audience.</p>
  <button>Accept all</button><button>Manage choices</button>
</div>
<header>
  <nav class="primary-nav"><ul>
    <li><a href="/">Home</a></li><li><a href="/news">News</a></li>
    <li><a href="/sport">Sport</a></li><li><a href="/weather">Weather</a></li>
  </ul></nav>
</header>
<main>
<article>
  <h1>Rail strike halts trains across the north</h1>
  <p class="byline">By <a rel="author" href="/staff/priya-raman">Priya Raman</a>,
    transport correspondent · <time datetime="2024-05-14T06:45:00+01:00">14 May 2024</time></p>
  <p>Almost no passenger trains ran across the north of the country on Tuesday as drivers
    began a 48-hour strike over pay and working hours.</p>
  <p>The union said more than four thousand of its members had walked out, and that talks with
    the operators had broken down <b>late on Monday</b> evening.</p>
  <p>Also Read: Bus companies add extra services for commuters</p>
  <h2>Commuters turn to buses</h2>
  <p>Queues formed at bus stations in the larger cities from early morning.<br>Several
    operators added extra coaches to their timetables.</p>
  <ul>
    <li>Freight trains were not affected by the strike.</li>
    <li>Ticket holders can claim a full refund within 28 days.</li>
  </ul>
  <p>"Nobody wants to strike, but we were left with no other choice," said Aled Morgan, who
    leads the drivers' union in the region.</p>
  <p>Contributing: Hal Brennan, Northern Courier</p>
  <p>Read more: What the strike means for your journey this week</p>
</article>
<aside class="related-links">
  <h3>Related stories</h3>
  <ul>
    <li><a href="/news/ferry">Ferry fares to rise again in the summer</a></li>
    <li><a href="/news/airport">Regional airport announces three new routes</a></li>
  </ul>
</aside>
</main>
<footer>
  <p>Copyright 2019 Northern Courier Media. All rights reserved.</p>
  <ul><li><a href="/privacy">Privacy notice</a></li><li><a href="/terms">Terms</a></li></ul>
</footer>
</body>
</html>
"""

BLOG_PAGE = """\
<html>
<head><title>Why the old library reopened - Riverside Notes</title></head>
<body>
<div class="menu">
  <a href="/">Home</a> | <a href="/archive">Archive</a> | <a href="/about">About</a>
</div>
<div class="post">
  <h1 class="entry-title">Why the old library reopened</h1>
  <div class="post-meta">Posted by <span class="author vcard">Tom Ellery</span> on
    <time class="published" datetime="2023-09-02">2 September 2023</time></div>
  <div class="entry-content">
    <p>The old library on Mill Street opened its doors again on Saturday after two years in
      which the building stood empty.</p>
    <p>Volunteers raised most of the money for the new roof, and the council agreed to pay
      for the heating and the lights.</p>
  </div>
</div>
<div class="footer">Powered by a blogging engine. Theme by someone else.</div>
</body>
</html>
"""

DATELINE_PAGE = """\
<html><head><title>Harvest festival draws record crowd</title></head>
<body><div class="story">
<h1>Harvest festival draws record crowd</h1>
<p>Published 7 October 2023</p>
<p>The harvest festival in the valley drew its largest crowd on record this weekend, the
  organisers said on Sunday.</p>
<p>More than twelve thousand visitors came over the two days, about a third more than last year.</p>
</div>
<footer>&copy; 2021 Valley Weekly</footer>
</body></html>
"""

NO_ARTICLE_PAGE = """\
<html><head><title>Page not found | Northern Courier</title></head>
<body>
<div class="cookie-consent">We use cookies. <button>Accept</button></div>
<nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>
<h1>Page not found</h1>
<footer>Northern Courier · Privacy · Terms</footer>
</body></html>
"""


def read_page(tmp_path, name, page, encoding="utf-8"):
    path = tmp_path / name
    path.write_bytes(page.encode(encoding) if isinstance(page, str) else page)
    return read_article(path, tmp_path)


def test_news_page_keeps_the_article_and_its_metadata(tmp_path):
    article = read_page(tmp_path, "strike.html", NEWS_PAGE)
    assert article.path == "strike.html"
    assert article.title == "Rail strike halts trains across the north"
    assert article.slug == "rail-strike-halts-trains-across-the-north"
    assert article.date == dt.date(2024, 5, 14)
    assert article.source == "Northern Courier"
    assert article.author == "Priya Raman"
    assert article.url == "https://courier.example.net/news/2024/05/14/rail-strike"
    assert article.paragraphs == (
        "Almost no passenger trains ran across the north of the country on Tuesday as drivers "
        "began a 48-hour strike over pay and working hours.",
        "The union said more than four thousand of its members had walked out, and that talks "
        "with the operators had broken down late on Monday evening.",
        "Commuters turn to buses",
        "Queues formed at bus stations in the larger cities from early morning. Several "
        "operators added extra coaches to their timetables.",
        "Freight trains were not affected by the strike.",
        "Ticket holders can claim a full refund within 28 days.",
        '"Nobody wants to strike, but we were left with no other choice," said Aled Morgan, '
        "who leads the drivers' union in the region.",
    )
    assert article.also_read == (
        "Bus companies add extra services for commuters",
        "What the strike means for your journey this week",
    )


@pytest.mark.parametrize(
    "furniture",
    [
        "cookies",
        "Accept all",
        "Sport",
        "Related stories",
        "Ferry fares",
        "Privacy",
        "Copyright",
        "Hal Brennan",  # the newsroom's credit line
    ],
)
def test_news_page_furniture_stays_out_of_the_body(tmp_path, furniture):
    article = read_page(tmp_path, "strike.html", NEWS_PAGE)
    assert furniture not in article.body


def test_subheadings_are_article_text(tmp_path):
    # A sub-heading is part of the article a person reads (the benchmark's own truth holds them).
    article = read_page(tmp_path, "strike.html", NEWS_PAGE)
    assert "Commuters turn to buses" in article.paragraphs


def test_page_without_structured_metadata(tmp_path):
    article = read_page(tmp_path, "library.htm", BLOG_PAGE)
    assert article.title == "Why the old library reopened"
    assert article.date == dt.date(2023, 9, 2)
    assert article.author == "Tom Ellery"
    # A page that names no site and has no address has no publisher: the author is none.
    assert article.source is None
    assert article.url is None
    assert article.paragraphs == (
        "The old library on Mill Street opened its doors again on Saturday after two years in "
        "which the building stood empty.",
        "Volunteers raised most of the money for the new roof, and the council agreed to pay "
        "for the heating and the lights.",
    )


def test_dateline_above_the_text_gives_the_date(tmp_path):
    article = read_page(tmp_path, "harvest.html", DATELINE_PAGE)
    assert article.date == dt.date(2023, 10, 7)
    assert article.paragraphs[0].startswith("The harvest festival in the valley")
    assert "Published" not in article.body


def test_copyright_year_is_not_a_date(tmp_path):
    page = DATELINE_PAGE.replace("<p>Published 7 October 2023</p>", "")
    assert read_page(tmp_path, "harvest.html", page).date is None


def test_a_date_after_today_is_kept_whatever_day_the_build_runs(tmp_path):
    page = NEWS_PAGE.replace("2024", "2090")
    assert read_page(tmp_path, "strike.html", page).date == dt.date(2090, 5, 14)


def test_reading_twice_gives_the_same_article(tmp_path):
    assert read_page(tmp_path, "a.html", NEWS_PAGE) == read_page(tmp_path, "a.html", NEWS_PAGE)


@pytest.mark.parametrize(
    ("page", "message"),
    [
        (NO_ARTICLE_PAGE, "gone.html: no article text found in the page"),
        ("<html><head><title>Empty</title></head><body></body></html>", None),
        ("<p>Short.</p>", None),
        ("   \n", "gone.html: the article is empty: there is no text to analyse"),
    ],
)
def test_page_without_article_text(tmp_path, page, message):
    with pytest.raises(ContentError) as caught:
        read_page(tmp_path, "gone.html", page)
    assert str(caught.value) == (message or "gone.html: no article text found in the page")


def test_meta_charset_is_honoured(tmp_path):
    page = NEWS_PAGE.replace('<meta charset="utf-8">', '<meta charset="windows-1252">').replace(
        "Aled Morgan", "Aled Morgan-Pérez"
    )
    article = read_page(tmp_path, "strike.html", page, encoding="cp1252")
    assert "Aled Morgan-Pérez" in article.body


def test_http_equiv_latin1_reads_as_windows_1252(tmp_path):
    page = NEWS_PAGE.replace(
        '<meta charset="utf-8">',
        '<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">',
    ).replace("Nobody wants to strike", "Nobody wants to strike \u2013 truly")
    article = read_page(tmp_path, "strike.html", page, encoding="cp1252")
    assert "Nobody wants to strike \u2013 truly" in article.body


@pytest.mark.parametrize(
    ("bom", "encoding"),
    [(codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le")],
)
def test_byte_order_mark_wins_over_meta_charset(tmp_path, bom, encoding):
    page = NEWS_PAGE.replace('<meta charset="utf-8">', '<meta charset="iso-8859-2">')
    article = read_page(tmp_path, "strike.html", bom + page.encode(encoding))
    assert article.title == "Rail strike halts trains across the north"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (
            b"<html><body>\n<p>caf\xe9</p></body></html>",
            "x.html:2: not UTF-8 text and declares no <meta charset> (byte 0xe9); "
            "save the page as UTF-8",
        ),
        (
            b'<html><head><meta charset="utf-8"></head>\n<body><p>caf\xe9</p></body></html>',
            "x.html:2: not utf-8 text as its <meta charset> declares (byte 0xe9); "
            "save the page as UTF-8",
        ),
        (
            b'<html><head><meta charset="klingon-8"></head><body></body></html>',
            "x.html: <meta charset> names an unknown encoding 'klingon-8'; save the page as UTF-8",
        ),
        (
            codecs.BOM_UTF8 + b"<html><body>\n\n<p>caf\xe9</p></body></html>",
            "x.html:3: not UTF-8 text as its byte-order mark says (byte 0xe9); "
            "save the page as UTF-8",
        ),
        (
            b"GIF89a\x01\x00\x01\x00\x00\x00\x00",
            "x.html: this is a binary file, not a web page: expected HTML text",
        ),
    ],
)
def test_undecodable_pages_are_reported(data, message):
    with pytest.raises(ContentError) as caught:
        decode_html(data, "x.html")
    assert str(caught.value) == message


def test_read_html_article_takes_text(tmp_path):
    article = read_html_article(BLOG_PAGE, "notes/library.html", default_slug="library")
    assert article.path == "notes/library.html"
    assert article.slug == "why-the-old-library-reopened"


def test_sample_page_in_content_reads():
    content = PROJECT / "content"
    article = read_article(
        content / "2024-06-21-south-korea-summons-russian-ambassador.html", content
    )
    assert article.title == "South Korea summons Russian ambassador over Pyongyang treaty"
    assert article.date == dt.date(2024, 6, 21)
    assert article.source == "Briefs sample desk"
    assert article.paragraphs[0].startswith("South Korea summoned Russia's ambassador")
    assert article.also_read == (
        "Russia and North Korea sign a mutual defence pact in Pyongyang",
        "Putin visits Hanoi after Pyongyang as Washington voices unease",
    )
    assert not any("cookies" in paragraph for paragraph in article.paragraphs)


REPRINT_PAGE = """\
<html><head><title>Home Depot stock falls after earnings miss</title></head>
<body><article>
<h1>Home Depot stock falls after earnings miss</h1>
<p>This copy is for your personal, non-commercial use only. To order presentation-ready copies
  for distribution to your colleagues, clients or customers visit https://www.djreprints.com.</p>
<p>https://www.barrons.com/articles/home-depot-shares-fall-forecast-cut-51570000042</p>
<p>Home Depot shares fell on Tuesday after the retailer cut its sales forecast for the year,
  blaming weaker demand for building materials.</p>
<p>The company said comparable sales rose less than analysts had expected in the third
  quarter, and that it would spend more on its supply chain.</p>
<p>Copyright ©2019 Dow Jones &amp; Company, Inc. All Rights Reserved</p>
</article></body></html>
"""


def test_a_notice_about_the_page_is_not_the_lead(tmp_path):
    article = read_page(tmp_path, "home-depot.html", REPRINT_PAGE)
    assert article.paragraphs[0].startswith("Home Depot shares fell on Tuesday")
    assert "non-commercial" not in article.body
    assert "barrons.com" not in article.body
    assert "Dow Jones" not in article.body


@pytest.mark.parametrize(
    "line",
    [
        "Copyright lawyers say the ruling could change how newspapers license photographs.",
        "The court ruled that the site had to pay for the reprints of the photos it used.",
        "Visit https://www.example.org/report for the full figures, the agency said.",
    ],
)
def test_a_story_about_copyright_is_no_page_notice(line):
    assert not is_page_notice(line)


@pytest.mark.parametrize(
    ("line", "is_notice"),
    [
        ("Jane Doe may be reached at jdoe@example.com. Follow her on Twitter.", True),
        ("Contact the writer at jane.doe@example.org", True),
        ("The hackers sent the email from an address at a Gmail account, police said.", False),
    ],
)
def test_the_writers_contact_line_is_a_page_notice(line, is_notice):
    # Issue #21: "Amy Kuperinsky may be reached at ..." became her actor card's line.
    assert is_page_notice(line) is is_notice


BLOG_BREAKS_PAGE = """<!DOCTYPE html><html><head><title>Keeper signs for the club</title></head>
<body><article><h1>Keeper signs for the club</h1>
<div class="post-body">
The club have this morning paid the fee to secure the signing of the keeper Jon Larsen<br>
<br>
This ends the long search for a keeper to replace the veteran who left for Madrid<br>
<br>
Jon Larsen will undergo a medical at the stadium today ahead of completing the move, which will
make him the most expensive keeper the club has ever signed.<br>
<br>
The 23-year-old arrived late last night and is due to sign the papers during the day, with
the club hoping to announce the deal this evening.<br>One line break is a space.
</div></article></body></html>"""


def test_two_line_breaks_in_a_row_end_a_paragraph(tmp_path):
    """A blog writes paragraphs with "<br><br>": a line without its stop would otherwise run
    into the next paragraph's first sentence ("... left for Madrid Jon Larsen will ...")."""
    article = read_html_article(BLOG_BREAKS_PAGE, "keeper.html", default_slug="keeper")
    assert article.paragraphs[1] == (
        "This ends the long search for a keeper to replace the veteran who left for Madrid"
    )
    assert article.paragraphs[2].startswith("Jon Larsen will undergo a medical")
    assert article.paragraphs[3].endswith("this evening. One line break is a space.")
