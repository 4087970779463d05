"""How pages read: dates in a reader's words on one line, the source line, the actor page."""

from __future__ import annotations

import datetime as dt
import re

import markdown
import pytest

from generator.build.pipeline import build_briefs
from generator.models import ActorPage, Article, Brief
from generator.settings import Settings
from generator.site.display import NO_BREAK, as_sentence, date_words
from generator.site.render import make_environment, render_actor_page, render_brief
from tests.seed_build import PROJECT

ENVIRONMENT = make_environment(PROJECT / "templates")
ISO_DAY = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")
REGISTRY = """\
- name: Maria Lopez
  kind: person
  aliases: [Lopez]
  description: foreign minister of Spain since 2021
"""
FIRST = """\
---
title: Spain and Portugal agree a rail link
date: 2024-06-17
source: Iberian Desk
---
Foreign minister Maria Lopez said on Monday that Spain and Portugal would build a rail link.

Lopez told reporters that work would begin in the spring.
"""
SECOND = """\
---
title: Rail link talks continue in Lisbon
date: 2024-06-18
source: Iberian Desk
---
Foreign minister Maria Lopez met Portuguese officials in Lisbon on Tuesday to discuss the link.

Lopez said the talks had gone well.
"""


@pytest.mark.parametrize(
    ("value", "words"),
    [
        (dt.date(2024, 6, 17), "17 June 2024"),
        ("2024-06-07", "7 June 2024"),
        ("2024-06", "June 2024"),
        ("1961", "1961"),
    ],
)
def test_dates_read_in_words_and_never_break(value, words):
    shown = date_words(value)
    assert shown == words.replace(" ", NO_BREAK)
    # Nothing in it a browser may break a line at.
    assert " " not in shown and "-" not in shown


@pytest.mark.parametrize("value", ["Monday", "2024-13", "2024-06-32", "24-06-17", ""])
def test_a_value_that_is_no_date_is_refused_saying_what_was_expected(value):
    with pytest.raises(ValueError) as error:
        date_words(value)
    assert str(error.value) == f"expected a date like 2024-06-17, 2024-06 or 2024, got {value!r}"


@pytest.fixture(scope="module")
def built_pages(tmp_path_factory) -> dict[str, str]:
    """Every page a build writes for two dated articles, by path in briefs/: front matter cut."""
    workdir = tmp_path_factory.mktemp("dated")
    content = workdir / "content"
    content.mkdir()
    (content / "2024-06-17-rail.md").write_text(FIRST, encoding="utf-8")
    (content / "2024-06-18-talks.md").write_text(SECOND, encoding="utf-8")
    (content / "actors.yml").write_text(REGISTRY, encoding="utf-8")
    briefs = workdir / "briefs"
    report = build_briefs(Settings(content, briefs, PROJECT / "templates"))
    assert not report.has_errors, report.errors
    return {
        path.relative_to(briefs).as_posix(): path.read_text(encoding="utf-8").split("---\n", 2)[2]
        for path in briefs.rglob("*.md")
        if ".generated" not in path.parts
    }


def test_every_page_writes_a_date_the_same_way(built_pages):
    day = f"17{NO_BREAK}June{NO_BREAK}2024"
    # ISO dates are for tools: front matter and file names, never a page's text.
    assert {path: ISO_DAY.findall(page) for path, page in built_pages.items()} == {
        path: [] for path in built_pages
    }
    brief = built_pages["spain-and-portugal-agree-a-rail-link.md"]
    assert f"Iberian Desk · {day}\n" in brief  # the source line
    assert f"· {day}  \n" in built_pages["index.md"]
    assert f"· {day}  \n" in built_pages["months/2024-06.md"]
    assert (
        f"- {day} · [Spain and Portugal agree a rail link]" in built_pages["actors/maria-lopez.md"]
    )
    assert (
        f"- **{day}**: Foreign minister Maria Lopez said on Monday"
        in built_pages["timeline/2024.md"]
    )
    assert f"## June{NO_BREAK}2024" in built_pages["timeline/2024.md"]


def brief_of(article: Article, cited: tuple[str, ...] = ()) -> Brief:
    return Brief(article, "A.", None, (), (), (), (), (), cited_sources=cited)


def source_line(article: Article, cited: tuple[str, ...] = ()) -> str:
    page = render_brief(brief_of(article, cited), ENVIRONMENT)
    return page.split("## Source\n\n", 1)[1]


@pytest.mark.parametrize(
    ("fields", "cited", "line"),
    [
        (
            {"source": "Reuters", "author": "Jane Doe", "url": "https://example.org/a"},
            ("CNN",),
            "By Jane Doe, Reuters, citing CNN · 17 June 2024 · "
            "[Original article](<https://example.org/a>)\n",
        ),
        ({"source": "Desk", "author": "Desk"}, (), "Desk · 17 June 2024\n"),
        ({"author": "Jane Doe"}, (), "By Jane Doe · 17 June 2024\n"),
        ({"url": "javascript:alert(1)"}, (), "Source not given · 17 June 2024\n"),
    ],
)
def test_source_line_names_publisher_author_date_and_original_not_the_file(fields, cited, line):
    article = Article(
        "2024-06-17-rail.md", "rail", "Rail", ("Text.",), date=dt.date(2024, 6, 17), **fields
    )
    assert source_line(article, cited) == line.replace("17 June 2024", date_words("2024-06-17"))


def test_an_undated_article_says_so_in_its_source_line():
    article = Article("000_bc6acdc5faa14e28.txt", "a", "A", ("Text.",), source="Pratidin Bureau")
    assert source_line(article, ("CNN",)) == "Pratidin Bureau, citing CNN · date not given\n"


def actor_page(description: str | None, aliases: tuple[str, ...] = ("Putin",)) -> str:
    page = ActorPage("vladimir-putin", "Vladimir Putin", "person", aliases, description, (), (), ())
    text = render_actor_page(page, set(), ENVIRONMENT).split("---\n", 2)[2]
    return markdown.markdown(text, extensions=["attr_list", "md_in_html"])


def test_actor_page_puts_name_description_kind_and_aliases_each_in_its_place():
    html = actor_page("President of Russia, in office since 2012.")
    head = html.split("<h2>", 1)[0].splitlines()
    # Not "also called Putin President of Russia ..." in one run of text (#26).
    assert head == [
        "<h1>Vladimir Putin</h1>",
        "<p>President of Russia, in office since 2012.</p>",
        "<p><strong>Kind:</strong> person<br>",
        "<strong>Also called:</strong> Putin</p>",
    ]
    assert actor_page(None, ()).split("<h2>", 1)[0].splitlines() == [
        "<h1>Vladimir Putin</h1>",
        "<p><strong>Kind:</strong> person</p>",
    ]


@pytest.mark.parametrize(
    ("description", "sentence"),
    [
        ("foreign-policy aide to the president", "Foreign-policy aide to the president."),
        ("President of Russia.", "President of Russia."),
        ("Known as 'the Boss'", "Known as 'the Boss'."),
        ("Who leads the party?", "Who leads the party?"),
        ('Called "the Iron Lady."', 'Called "the Iron Lady."'),
        ("eBay's founder", "eBay's founder."),
        ("  spokesman   for the\nministry ", "Spokesman for the ministry."),
    ],
)
def test_registry_description_reads_as_a_sentence(description, sentence):
    assert as_sentence(description) == sentence


def test_actor_page_shows_the_registry_description_as_a_sentence(built_pages):
    page = built_pages["actors/maria-lopez.md"]
    assert "\n\nForeign minister of Spain since 2021.\n\n**Kind:** person" in page
