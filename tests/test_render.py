"""Rendering: article text is escaped so it never becomes markup."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import markdown
import pytest
import yaml

from generator.corpus.actor_pages import period_events
from generator.ingest.read import markdown_blocks
from generator.models import ActorPage, Article, Brief, Quote, TimelineEvent
from generator.site.render import (
    escape_markdown,
    front_matter,
    make_environment,
    plain_markdown,
    render_actor_page,
    render_brief,
    render_timeline_year,
    safe_url,
    timeline_entries,
)
from tests.seed_build import PROJECT

EXTENSIONS = ["admonition", "attr_list", "md_in_html", "pymdownx.details", "pymdownx.superfences"]


@pytest.mark.parametrize(
    "payload",
    [
        "<script>alert(1)</script>",
        '<img src=x onerror="alert(1)">',
        "<iframe src='https://example.org'></iframe>",
        "[click](javascript:alert(1))",
        "![x](https://example.org/x.png)",
        "**bold** _under_ `code`",
        "ends with an attribute list { onclick=alert(1) }",
        "{: .admonition onclick=alert(1) }",
        "# heading",
        "- list item",
        "1961. A year",
        "&lt;b&gt; entity &amp;",
    ],
)
def test_escaped_text_renders_as_the_same_text(payload):
    html = markdown.markdown(f"- {escape_markdown(payload)}", extensions=EXTENSIONS)
    assert "<script" not in html and "<img" not in html and "<iframe" not in html
    assert "href" not in html and "onclick=" not in html.replace("onclick=alert", "")
    text = html.removeprefix("<ul>\n<li>").removesuffix("</li>\n</ul>")
    unescaped = text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"')
    assert unescaped.replace("&amp;", "&") == payload


def test_front_matter_escapes_html_but_keeps_apostrophes_readable():
    article = Article(
        path="a.md", slug="a", title='Kenya\'s "finance" bill <b>', paragraphs=("Text.",)
    )
    brief = Brief(article, "Ruto's U-turn & protests.", None, (), (), (), (), ("Ruto's party",))
    matter = yaml.safe_load(front_matter(brief))
    assert matter["title"] == "Kenya's &quot;finance&quot; bill &lt;b&gt;"
    assert matter["description"] == "Ruto's U-turn &amp; protests."
    assert matter["tags"] == ["Ruto's party"]


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://example.org/a?b=c", "https://example.org/a?b=c"),
        ("javascript:alert(1)", ""),
        ("https://example.org/<script>", ""),
        (None, ""),
    ],
)
def test_safe_url(url, expected):
    assert safe_url(url) == expected


def dated_brief(events, article_date=None):
    article = Article(path="a.md", slug="a", title="A", paragraphs=("Text.",), date=article_date)
    timeline = tuple(
        TimelineEvent(text, value, precision, event, index)
        for index, (text, value, precision, event) in enumerate(events)
    )
    return Brief(article, "", None, (), (), timeline, (), ())


TREATIES = "Documents were signed in 1961, 2000 and 2001."
CUT = "The bank cut rates on 6 June 2024, its first cut since 2019."


def test_a_sentence_with_several_dates_is_one_timeline_line_at_its_most_precise_date():
    brief = dated_brief(
        [
            ("1961", "1961", "year", TREATIES),
            ("2000", "2000", "year", TREATIES),
            ("2001", "2001", "year", TREATIES),
            ("2019", "2019", "year", CUT),
            ("May 2024", "2024-05", "month", "Inflation fell in May 2024."),
            ("6 June 2024", "2024-06-06", "day", CUT),
            ("Monday", "Monday", "relative", "Talks resumed on Monday."),
        ]
    )
    entries = timeline_entries(brief)
    # "First cut since 2019" on 6 June happened on 6 June: one line, one date. The dates read
    # as a reader writes them; a date the text gives in full needs nothing beside it.
    assert [(e.date_text, e.when) for e in entries] == [
        ("1961, 2000 and 2001", None),
        ("May 2024", None),
        ("6 June 2024", None),
        ("Monday", None),
    ]
    assert [e.event for e in entries] == [
        TREATIES,
        "Inflation fell in May 2024.",
        CUT,
        "Talks resumed on Monday.",
    ]
    dated = dated_brief([("Monday", "2024-06-17", "day", "Talks resumed.")], dt.date(2024, 6, 19))
    assert timeline_entries(dated)[0].when == "17 June 2024"


def test_forecasts_are_listed_apart_as_expected():
    brief = dated_brief([("2025", "2025", "year", "Prices would rise in 2025.")])
    brief = replace(brief, timeline=(replace(brief.timeline[0], is_expected=True),))
    entries = timeline_entries(brief)
    assert [(e.date_text, e.is_expected) for e in entries] == [("2025", True)]


def test_a_year_of_the_timeline_is_grouped_by_month_and_links_its_neighbours():
    brief = dated_brief(
        [
            ("2024", "2024", "year", "The year's goal was set."),
            ("6 June 2024", "2024-06-06", "day", "The bank cut rates."),
            ("June 2024", "2024-06", "month", "Talks began."),
        ]
    )
    events = period_events([brief], {"2024", "2024-06"})
    environment = make_environment(PROJECT / "templates")
    page = render_timeline_year("2024", events, ("2023", None), environment)
    headings = [line for line in page.splitlines() if line.startswith("## ")]
    assert headings == ["## 2024 (month not given)", "## June 2024"]
    assert "[← 2023](2023.md)" in page and "→" not in page
    assert "[A](../a.md)" in page  # from timeline/, the brief is one folder up
    html = markdown.markdown(page.split("---", 2)[2])
    assert html.count("<li>") == 3


def test_two_partial_quotes_of_one_clause_show_it_once():
    clause = 'Turkmenistan had made "some progress" but "remains repressive'
    sentence = f'Human Rights Watch said that {clause}."'
    quotes = (
        Quote("some progress", clause, "Human Rights Watch", "partial", 0),
        Quote("remains repressive.", sentence, "Human Rights Watch", "partial", 0),
        Quote("We will win", '"We will win," she said.', "Human Rights Watch", "direct", 1),
    )
    article = Article(path="a.md", slug="a", title="A", paragraphs=("Text.",))
    page = render_brief(
        Brief(article, "", None, (), (), (), quotes, ()), make_environment(PROJECT / "templates")
    )
    assert page.count("remains repressive") == 1
    assert "We will win" in page


@pytest.mark.parametrize(
    "text",
    [
        "---",
        "- - -",
        "> a quote",
        "- an item",
        "+ an item",
        "1. first",
        "-5 degrees",
        "# not a title",
    ],
)
def test_plain_markdown_reads_back_as_written(text):
    assert markdown_blocks(plain_markdown(text)) == [("p", text)]


def test_actor_evidence_shows_only_on_request():
    from generator.models import Actor

    article = Article(path="a.md", slug="a", title="A", paragraphs=("Text.",))
    evidence = ("rule team-beats-team",)
    boxed = Actor("kent", "Kent", "organisation", "county side", (), 1, (), evidence)
    named = Actor("essex", "Essex", "organisation", None, (), 1, (), evidence)
    brief = Brief(article, "", None, (), (boxed, named), (), (), ())
    hidden = render_brief(brief, make_environment(PROJECT / "templates"))
    shown = render_brief(brief, make_environment(PROJECT / "templates", show_evidence=True))
    assert "Evidence" not in hidden
    assert "evidence:" not in hidden
    # A boxed actor shows it in its card, an actor named in the compact line beside its name.
    assert "    **Evidence:** rule team-beats-team\n" in shown
    assert "Essex (evidence: rule team-beats-team)" in shown


def test_an_actor_page_keeps_other_names_and_description_apart():
    page = ActorPage(
        "vladimir-putin", "Vladimir Putin", "person", ("Putin",), "President of Russia.", (), (), ()
    )
    text = render_actor_page(page, set(), make_environment(PROJECT / "templates"))
    # Not one paragraph that reads "also called Putin President of Russia."
    assert "**Kind:** person · **also called** Putin\n\nPresident of Russia.\n" in text
