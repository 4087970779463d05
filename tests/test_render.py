"""Rendering: article text is escaped so it never becomes markup."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from html import unescape

import markdown
import pytest
import yaml

from generator.analysis.page_length import (
    SECTION_NOTES,
    page_words,
    where_events_went,
    where_quotes_went,
)
from generator.build.pipeline import build_briefs
from generator.corpus.actor_pages import period_events
from generator.ingest.read import markdown_blocks
from generator.models import Article, Brief, Quote, TimelineEvent
from generator.settings import Settings
from generator.site.display import date_words
from generator.site.render import (
    escape_markdown,
    front_matter,
    make_environment,
    plain_markdown,
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


BLOCK_SYNTAX = [
    "!!! danger Ministers resign",  # an admonition
    "!!! warning",
    '!!! note "Title"',
    "??? note The talks failed",  # a collapsible block (pymdownx.details)
    "???+ tip",
    "~~~ The budget",  # a fenced code block (pymdownx.superfences)
    "```python",
    "/// warning",
    "=== Tab",
    "> a quote",
    "--- a rule",
    "* list",
    "1) list",
]
"""Article text that starts as Markdown or an extension the site uses starts a block."""
LINE_STARTS = {
    "a line of its own": "{}\n",
    "a list item": "- {}\n",
    "an admonition's text": '!!! abstract "At a glance"\n\n    {}\n',
    "the line after a line break": "- **Title** · 17 June 2024  \n  {}\n",
}
"""Where the templates put a value at the start of a line."""


@pytest.mark.parametrize("where", LINE_STARTS)
@pytest.mark.parametrize("payload", BLOCK_SYNTAX)
def test_article_text_that_looks_like_block_syntax_stays_text(payload, where):
    page = LINE_STARTS[where].format(escape_markdown(payload))
    html = markdown.markdown(page, extensions=EXTENSIONS)
    assert not re.search(r"<(details|pre|code|blockquote|hr|ol)\b", html), html
    assert html.count('<div class="admonition') == where.count("admonition"), html
    assert html.count("<ul>") == where.count("list") + where.count("break"), html
    # What a browser shows: the text with its character references read.
    assert payload in unescape(re.sub(r"<[^>]+>", "", html)), html


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
    assert timeline_entries(dated)[0].when == date_words("2024-06-17")


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
    assert headings == ["## 2024 (month not given)", f"## {date_words('2024-06')}"]
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
    # A boxed actor shows it in its card on a line of its own, an actor named in the compact
    # line beside its name.
    assert "**Mentions:** 1<br>\n    **Evidence:** rule team-beats-team\n" in shown
    assert "Essex (evidence: rule team-beats-team)" in shown


def test_actor_evidence_does_not_change_what_a_page_too_long_keeps():
    # Evidence is shown to check the analysis; counted as the page's words, it made a page
    # with evidence give up quotes and events the reader's page keeps.
    from generator.models import Actor

    sentences = [
        f"Minister number {n} spoke to the assembly about the budget vote." for n in range(40)
    ]
    article = Article(path="a.md", slug="a", title="A", paragraphs=(" ".join(sentences),))
    evidence = tuple(f"rule long-evidence-line-{n} with several words of its own" for n in range(8))
    actors = tuple(
        Actor(f"p{n}", f"Person {n}", "person", "minister", (), 2, (), evidence) for n in range(6)
    )
    quotes = tuple(
        Quote(text=text, context=text, speaker=f"Person {n}", kind="direct", sentence_index=n)
        for n, text in enumerate(sentences[:30])
    )
    brief = Brief(article, sentences[0], None, (), actors, (), quotes, ())
    hidden = render_brief(brief, make_environment(PROJECT / "templates"))
    shown = render_brief(brief, make_environment(PROJECT / "templates", show_evidence=True))
    without_evidence = re.sub(r"<br>\n    \*\*Evidence:\*\*[^\n]*| \(evidence: [^)]*\)", "", shown)
    one_blank_line = re.compile(r"\n{3,}")
    assert "Evidence" in shown
    assert hidden.count("\n> ") < len(quotes)  # the page is too long and gives some up ...
    # ... the same whether evidence is shown or not (its block leaves a blank line behind)
    assert one_blank_line.sub("\n\n", without_evidence) == one_blank_line.sub("\n\n", hidden)


def test_the_brief_of_an_article_not_in_english_claims_nothing_about_its_content():
    # "The article quotes nobody" would be a claim about a text the analysis did not read.
    article = Article(path="a.md", slug="a", title="A", paragraphs=("Texte.",), language="fr")
    brief = Brief(article, "This article is in French.", None, (), (), (), (), ())
    page = render_brief(brief, make_environment(PROJECT / "templates"))
    headings = re.findall(r"^## (.+)$", page, flags=re.MULTILINE)
    assert headings == ["Related reading", "Source"]
    english = replace(brief, article=replace(article, language="en"))
    english_page = render_brief(english, make_environment(PROJECT / "templates"))
    assert "## Key facts" in english_page and "The article quotes nobody." in english_page


HOSTILE_OPENING = """\
---
title: "??? note Ministers meet in Paris"
source: "!!! danger Paris Desk"
---
Ministers from France and Spain met in Paris on Monday to agree a budget.
"""
"""The source line starts a line of the brief: an article's source there must stay text."""


def test_a_hostile_article_with_block_syntax_builds_a_page_without_blocks(tmp_path):
    content = tmp_path / "content"
    content.mkdir()
    (content / "ministers.md").write_text(HOSTILE_OPENING, encoding="utf-8")
    report = build_briefs(Settings(content, tmp_path / "briefs", PROJECT / "templates"))
    assert not report.has_errors, report.errors
    page = (tmp_path / "briefs" / "note-ministers-meet-in-paris.md").read_text(encoding="utf-8")
    html = markdown.markdown(page.split("---\n", 2)[2], extensions=EXTENSIONS)
    # The brief's own "At a glance" box is its only admonition; no article text opens a block.
    assert re.findall(r'<(?:div|details) class="([^"]+)"', html) == ["admonition abstract"]
    shown = unescape(html)
    assert "<h1>??? note Ministers meet in Paris</h1>" in shown
    assert "<p>!!! danger Paris Desk · date not given</p>" in shown


def test_templates_compiled_once_a_process_are_compiled_again_when_edited(tmp_path):
    template = tmp_path / "page.md.j2"
    template.write_text("First {{ word }}\n", encoding="utf-8")
    first = make_environment(tmp_path).get_template("page.md.j2").render(word="draft")
    template.write_text("Second {{ word }}\n", encoding="utf-8")
    # A new environment, as every build makes: it shares the compiled templates, by source.
    second = make_environment(tmp_path).get_template("page.md.j2").render(word="draft")
    assert (first, second) == ("First draft\n", "Second draft\n")


def _crowded_brief(event_text: str, facts: tuple[str, ...]) -> Brief:
    """A long article's brief with more quotes than its page holds and one dated event."""
    from generator.models import KeyFact

    sentences = [f"Delegate number {n} told the council about the harbour plan." for n in range(40)]
    article = Article(path="a.md", slug="a", title="A", paragraphs=(" ".join(sentences),))
    quotes = tuple(
        Quote(text=text, context=text, speaker=f"Delegate {n}", kind="direct", sentence_index=n)
        for n, text in enumerate(sentences[:30])
    )
    key_facts = tuple(KeyFact(text, n) for n, text in enumerate(facts))
    timeline = (TimelineEvent("Monday", "Monday", "relative", event_text, 1),)
    return Brief(article, sentences[0], None, key_facts, (), timeline, quotes, ())


def test_a_timeline_the_page_fit_empties_says_where_its_events_went():
    # Issue #21: the fit gave up the one dated event and the Timeline heading went with it.
    told = "The council approved the harbour plan on Monday after a long debate."
    facts = ("The harbour will be dredged.", told, "The port authority will pay for it.")
    page = render_brief(_crowded_brief(told, facts), make_environment(PROJECT / "templates"))
    assert "## Timeline" in page
    assert "The article's dated events are told above, in the sentences that hold them." in page
    # Counter-example: an event no key fact tells is left out for length, not told above.
    other = "The mayor opened the new quay on Monday with a brass band."
    whole = _crowded_brief(other, facts)
    assert where_events_went(whole, replace(whole, timeline=())) == "length"
    assert where_events_went(whole, whole) is None


def test_a_quotes_section_without_a_quote_on_the_page_says_where_the_quotes_went():
    # A reading found a page whose quotes all went (to other places, or for length) and its
    # Quotes heading with them: the reader could not tell "nobody spoke" from "not shown".
    said = "We will not close the quay while boats still use it."
    fact = f"The harbour master said: \u201c{said}\u201d"
    quote = Quote(text=said, context=fact, speaker="Ada Quinn", kind="direct", sentence_index=1)
    brief = _crowded_brief("The quay reopened on Monday.", ("The quay shut.", fact, "It reopened."))
    moved = replace(brief, quotes=(), quotes_found=(quote,))
    page = render_brief(moved, make_environment(PROJECT / "templates"))
    assert "## Quotes" in page
    assert "The article's quotes are told above, in the sentences that hold them." in page
    assert "The article quotes nobody." not in page
    # A quote no other place holds was left out for length; a page showing quotes says nothing.
    other = replace(quote, text="Boats pay nothing to moor here.")
    assert where_quotes_went(replace(moved, quotes_found=(other,)), moved) == "length"
    assert where_quotes_went(brief, brief) is None


def test_a_sections_note_is_not_counted_as_the_pages_words():
    # Counted, the note that says where an emptied section's pieces went would make the fit
    # give up one more event or quote elsewhere to pay for it.
    page = "## Quotes\n\nThe harbour master spoke.\n"
    for note in SECTION_NOTES.values():
        assert page_words(f"{page}\n{note}\n") == page_words(page)
