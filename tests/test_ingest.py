"""Reading content/ files: formats, front matter validation and clear errors."""

from __future__ import annotations

import datetime as dt
import textwrap
import unicodedata

import pytest

from generator.errors import ContentError
from generator.ingest.article_file import make_slug
from generator.ingest.read import discover_articles, read_article

BODY = "The council approved the budget on Tuesday after a long debate.\n"


def write(tmp_path, name, text, encoding="utf-8"):
    path = tmp_path / name
    path.write_bytes(text.encode(encoding) if isinstance(text, str) else text)
    return path


def read(tmp_path, name, text, encoding="utf-8"):
    return read_article(write(tmp_path, name, text, encoding), tmp_path)


def test_markdown_with_front_matter(tmp_path):
    article = read(
        tmp_path,
        "budget.md",
        textwrap.dedent(
            """\
            ---
            title: Council passes budget
            date: 2024-05-01
            source: City Gazette
            url: https://example.org/budget
            author: Ann Lee
            tags: [City Council]
            ---
            # Ignored heading

            The council approved the budget on Tuesday after a long debate.

            Also Read: Mayor answers questions
            """
        ),
    )
    assert article.title == "Council passes budget"
    assert article.date == dt.date(2024, 5, 1)
    assert article.source == "City Gazette"
    assert article.tags == ("City Council",)
    assert article.paragraphs == (
        "The council approved the budget on Tuesday after a long debate.",
    )
    assert article.also_read == ("Mayor answers questions",)
    assert article.slug == "council-passes-budget"


def test_markdown_body_only_takes_title_from_heading(tmp_path):
    article = read(tmp_path, "x.md", "# Budget passes\n\n" + BODY)
    assert article.title == "Budget passes"
    assert article.date is None


def test_markdown_raw_html_is_text(tmp_path):
    article = read(tmp_path, "x.md", "<script>alert(1)</script> " + BODY)
    assert article.paragraphs[0].startswith("<script>alert(1)</script>")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "x.md: the article is empty: there is no text to analyse"),
        ("  \n\t\n", "x.md: the article is empty: there is no text to analyse"),
        (
            "---\ntitle: [unclosed\n---\n" + BODY,
            "x.md:2: front matter is not valid YAML: expected ',' or ']', but got '<stream end>'",
        ),
        ("---\ntitle: A\n" + BODY, "x.md:1: front matter is not closed: add a line '---' after it"),
        (
            "---\ndate: May 1st\n---\n" + BODY,
            "x.md:2: front matter 'date': expected a date like 2024-05-01, got 'May 1st'",
        ),
        (
            "---\ntitle: A\ntags: Russia\n---\n" + BODY,
            "x.md:3: front matter 'tags': expected a list of names like [Russia, NATO], "
            "got 'Russia'",
        ),
        ("---\n- a\n- b\n---\n" + BODY, "x.md:2: front matter must be a mapping of keys to values"),
        ("# Title only\n", "x.md:1: no body text found: expected paragraphs of full sentences"),
        (
            "# Title\n\nPhoto: Reuters\n\nWatch the video of the launch here:\n",
            "x.md:1: no body text found: expected paragraphs of full sentences",
        ),
    ],
)
def test_markdown_errors_name_file_and_line(tmp_path, text, message):
    with pytest.raises(ContentError) as caught:
        read(tmp_path, "x.md", text)
    assert str(caught.value) == message


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("flash.txt", "March 3, 2021\nHarbour pilot rescued after three days at sea\n"),
        (
            "flash.md",
            '---\ntitle: "March 3, 2021"\n---\n\nMarch 3, 2021\n'
            "Harbour pilot rescued after three days at sea\n",
        ),
    ],
)
def test_an_article_that_is_only_a_headline_states_it(tmp_path, name, text):
    # A wire flash or a dataset's stub has no sentence with a stop; its line says what happened.
    article = read(tmp_path, name, text)
    assert article.paragraphs == ("Harbour pilot rescued after three days at sea",)


def test_binary_file_is_refused(tmp_path):
    with pytest.raises(ContentError, match=r"^x.txt: this is a binary file, not text"):
        read(tmp_path, "x.txt", b"\x89PNG\r\n\x1a\n\x00\x00")


def test_non_utf8_names_the_line(tmp_path):
    with pytest.raises(ContentError) as caught:
        read(tmp_path, "x.txt", "Headline\n\ncaf\u00e9 society met on Monday night.\n", "cp1252")
    assert str(caught.value) == "x.txt:3: not UTF-8 text (byte 0xe9); save the file as UTF-8"


def test_utf16_with_bom_is_decoded(tmp_path):
    text = "Headline here\n\n" + BODY
    article = read(tmp_path, "x.txt", b"\xff\xfe" + text.encode("utf-16-le"))
    assert article.title == "Headline here"


def test_unknown_file_type(tmp_path):
    with pytest.raises(ContentError) as caught:
        read(tmp_path, "x.pdf", BODY)
    assert str(caught.value) == (
        "x.pdf: unsupported file type '.pdf': expected .txt, .md, .markdown, .html or .htm"
    )


def test_discover_skips_hidden_files_and_registry(tmp_path):
    for name in ("a.md", ".hidden.md", "actors.yml", "b.txt"):
        write(tmp_path, name, BODY)
    assert [p.name for p in discover_articles(tmp_path)] == ["a.md", "b.txt"]


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        (
            "Putin Makes First Visit To North Korea In 24 Years",
            "putin-makes-first-visit-to-north-korea-in-24-years",
        ),
        ("../../etc/passwd", "etc-passwd"),
        ("Café au lait: ¿qué?", "cafe-au-lait-que"),
        ("Новости дня", "новости-дня"),
        # Letters of other scripts stay whole, in the form they are typed (NFC): Hangul
        # syllables, kana with their voicing marks, й.
        ("엔터 미디어", "엔터-미디어"),
        ("ガス料金", "ガス料金"),
        ("Мой край", "мой-край"),
        ("!!!", "fallback"),
        ("word " * 100, ("word-" * 16).rstrip("-")),
    ],
)
def test_make_slug(title, slug):
    assert make_slug(title, fallback="fallback") == slug
    assert unicodedata.is_normalized("NFC", make_slug(title, fallback="fallback"))


def test_a_paragraph_of_prose_ending_on_a_colon_is_body_text(tmp_path):
    text = "# Launch\n\nThe rocket lifted off at dawn. Engineers cheered. Watch the video:\n"
    article = read(tmp_path, "x.md", text)
    assert article.paragraphs == (
        "The rocket lifted off at dawn. Engineers cheered. Watch the video:",
    )


def test_markdown_first_paragraph_repeating_the_title_goes(tmp_path):
    path = tmp_path / "ports.md"
    path.write_text(
        "---\ntitle: Ports reopen\n---\nPorts reopen.\n\n"
        "The port of Rotterdam reopened on Tuesday after a two-day closure.\n",
        encoding="utf-8",
    )
    article = read_article(path, tmp_path)
    assert article.paragraphs == (
        "The port of Rotterdam reopened on Tuesday after a two-day closure.",
    )
