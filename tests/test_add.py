"""`briefs add`: one article imported into content/ as Markdown, ready to edit."""

from __future__ import annotations

import datetime as dt
import socket
import textwrap
import urllib.error

import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from generator.cli import main
from generator.errors import BriefError
from generator.ingest.add import fetch_url, import_article, markdown_paragraph
from generator.ingest.read import markdown_blocks, read_article
from tests.test_ingest_html import BLOG_PAGE, NEWS_PAGE

NEWS_MARKDOWN = """\
---
title: Rail strike halts trains across the north
date: 2024-05-14
source: Northern Courier
url: https://courier.example.net/news/2024/05/14/rail-strike
author: Priya Raman
language: en
---
Almost no passenger trains ran across the north of the country on Tuesday as drivers began a \
48-hour strike over pay and working hours.

The union said more than four thousand of its members had walked out, and that talks with the \
operators had broken down late on Monday evening.

Commuters turn to buses

Queues formed at bus stations in the larger cities from early morning. Several operators added \
extra coaches to their timetables.

Freight trains were not affected by the strike.

Ticket holders can claim a full refund within 28 days.

"Nobody wants to strike, but we were left with no other choice," said Aled Morgan, who leads the \
drivers' union in the region.

Also Read: Bus companies add extra services for commuters

Also Read: What the strike means for your journey this week
"""


@pytest.fixture
def content(tmp_path):
    folder = tmp_path / "content"
    folder.mkdir()
    return folder


def saved(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_saved_page_becomes_markdown_with_front_matter(tmp_path, content):
    written = import_article(saved(tmp_path, "strike.html", NEWS_PAGE), content)
    assert written == content / "2024-05-14-rail-strike-halts-trains-across-the-north.md"
    assert written.read_text(encoding="utf-8") == NEWS_MARKDOWN


def test_written_markdown_reads_back_as_the_same_article(tmp_path, content):
    page = saved(tmp_path, "strike.html", NEWS_PAGE)
    original = read_article(tmp_path / "strike.html", tmp_path)
    again = read_article(import_article(page, content), content)
    assert (again.title, again.date, again.paragraphs) == (
        original.title,
        original.date,
        original.paragraphs,
    )
    assert (again.slug, again.source, again.url, again.author, again.also_read) == (
        original.slug,
        original.source,
        original.url,
        original.author,
        original.also_read,
    )


def test_markup_in_article_text_survives_the_round_trip(tmp_path, content):
    page = NEWS_PAGE.replace(
        "Freight trains were not affected by the strike.",
        "1. Freight trains [mostly *diesel*] were not affected by the strike_.",
    ).replace("Ticket holders", "# Ticket holders")
    written = import_article(saved(tmp_path, "strike.html", page), content)
    paragraphs = read_article(written, content).paragraphs
    assert "1. Freight trains [mostly *diesel*] were not affected by the strike_." in paragraphs
    assert "# Ticket holders can claim a full refund within 28 days." in paragraphs


def test_undated_page_is_named_by_its_slug(tmp_path, content):
    page = BLOG_PAGE.replace('datetime="2023-09-02"', "").replace("2 September 2023", "")
    written = import_article(saved(tmp_path, "library.html", page), content)
    assert written.name == "why-the-old-library-reopened.md"
    assert written.read_text(encoding="utf-8").startswith(
        "---\ntitle: Why the old library reopened\nauthor: Tom Ellery\nlanguage: en\n---\n"
    )


def test_scraped_text_file(tmp_path, content):
    text = textwrap.dedent(
        """\
        Dam repairs finish ahead of the rainy season
        Lakeside Herald
        March 3, 2024
        Engineers finished repairing the old dam on Friday, a month before the rains are due.
        Also Read: Water rationing ends in three villages
        """
    )
    written = import_article(saved(tmp_path, "dam.txt", text), content)
    assert written.name == "2024-03-03-dam-repairs-finish-ahead-of-the-rainy-season.md"
    assert written.read_text(encoding="utf-8") == textwrap.dedent(
        """\
        ---
        title: Dam repairs finish ahead of the rainy season
        date: 2024-03-03
        source: Lakeside Herald
        language: en
        ---
        Engineers finished repairing the old dam on Friday, a month before the rains are due.

        Also Read: Water rationing ends in three villages
        """
    )


def test_markdown_file_is_copied_as_it_is(tmp_path, content):
    text = "---\ntitle: Dam repairs finish\ndate: 2024-03-03\ntags: [Lakeside]\n---\n\n" + (
        "Engineers *finished* repairing the old dam on Friday.\n\n    indented stays indented\n"
    )
    written = import_article(saved(tmp_path, "dam.md", text), content)
    assert written == content / "2024-03-03-dam-repairs-finish.md"
    assert written.read_text(encoding="utf-8") == text


def test_url_is_fetched_and_kept_as_the_address(content):
    asked: list[str] = []

    def fetch(url: str) -> bytes:
        asked.append(url)
        return BLOG_PAGE.encode("utf-8")

    url = "https://notes.example.org/2023/09/library-reopens.html"
    written = import_article(url, content, fetch=fetch)
    assert asked == [url]
    assert written == content / "2023-09-02-why-the-old-library-reopened.md"
    assert f"\nurl: {url}\n" in written.read_text(encoding="utf-8")


def test_canonical_url_of_a_fetched_page_wins(content):
    written = import_article(
        "https://courier.example.net/amp/strike", content, fetch=lambda _: NEWS_PAGE.encode()
    )
    text = written.read_text(encoding="utf-8")
    assert "\nurl: https://courier.example.net/news/2024/05/14/rail-strike\n" in text


def test_refuses_to_overwrite(tmp_path, content):
    page = saved(tmp_path, "strike.html", NEWS_PAGE)
    existing = content / "2024-05-14-rail-strike-halts-trains-across-the-north.md"
    existing.write_text("my notes\n", encoding="utf-8")
    with pytest.raises(BriefError) as caught:
        import_article(page, content)
    assert str(caught.value) == (
        f"{existing}: already exists; not overwritten (rename or delete it to add again)"
    )
    assert existing.read_text(encoding="utf-8") == "my notes\n"


def test_refuses_a_second_article_with_the_same_slug(tmp_path, content):
    (content / "strike.md").write_text(NEWS_MARKDOWN, encoding="utf-8")
    with pytest.raises(BriefError) as caught:
        import_article(saved(tmp_path, "strike.html", NEWS_PAGE), content)
    target = content / "2024-05-14-rail-strike-halts-trains-across-the-north.md"
    assert str(caught.value) == (
        f"{target}: not written: {content / 'strike.md'} already has the slug "
        "'rail-strike-halts-trains-across-the-north' "
        "(the same article, or give this one a 'slug:' of its own)"
    )
    assert not target.exists()


def test_unreachable_url(content):
    def offline(url: str) -> bytes:
        raise urllib.error.URLError(socket.gaierror(-3, "Temporary failure in name resolution"))

    with pytest.raises(BriefError) as caught:
        import_article("https://news.example.com/story", content, fetch=offline)
    assert str(caught.value) == (
        "https://news.example.com/story: cannot be fetched ([Errno -3] Temporary failure in "
        "name resolution); check the address and the network, or save the page and add the file"
    )
    assert list(content.iterdir()) == []


def test_server_error_is_reported(content):
    def not_found(url: str) -> bytes:
        raise urllib.error.HTTPError(url, 404, "Not Found", {}, None)  # type: ignore[arg-type]

    with pytest.raises(BriefError) as caught:
        import_article("https://news.example.com/gone", content, fetch=not_found)
    assert str(caught.value) == "https://news.example.com/gone: the server answered 404 Not Found"


def test_malformed_address_is_reported(content):
    with pytest.raises(BriefError) as caught:
        import_article("http://[not-an-address/story", content, fetch=fetch_url)
    assert (
        str(caught.value) == "http://[not-an-address/story: not a usable address (Invalid IPv6 URL)"
    )


def test_default_fetch_reports_a_closed_port(content):
    # A port that was free a moment ago on this machine: no network is involved.
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    url = f"http://127.0.0.1:{port}/story"
    with pytest.raises(BriefError, match=r"cannot be fetched \(.*Connection refused\)"):
        import_article(url, content, fetch=fetch_url)


def test_page_without_article(content):
    with pytest.raises(BriefError) as caught:
        import_article(
            "https://news.example.com/", content, fetch=lambda _: b"<html><body></body></html>"
        )
    assert str(caught.value) == "https://news.example.com/: no article text found in the page"


@pytest.mark.parametrize(
    ("name", "message"),
    [
        (
            "notes.pdf",
            "unsupported file type '.pdf': expected .txt, .md, .markdown, .html or .htm",
        ),
        ("missing.html", "no such file"),
    ],
)
def test_unusable_local_files(tmp_path, content, name, message):
    if name.endswith(".pdf"):
        (tmp_path / name).write_bytes(b"%PDF-1.7")
    with pytest.raises(BriefError) as caught:
        import_article(str(tmp_path / name), content)
    assert str(caught.value) == f"{tmp_path / name}: {message}"


def test_file_errors_name_the_file_as_given(tmp_path, content):
    with pytest.raises(BriefError) as caught:
        import_article(saved(tmp_path, "empty.html", "<html><body></body></html>"), content)
    assert str(caught.value) == f"{tmp_path / 'empty.html'}: no article text found in the page"


def test_cli_prints_the_path_written(tmp_path, content):
    page = saved(tmp_path, "strike.html", NEWS_PAGE)
    result = CliRunner().invoke(main, ["add", page, "--content", str(content)])
    assert result.exit_code == 0, result.output
    written = content / "2024-05-14-rail-strike-halts-trains-across-the-north.md"
    assert result.output == f"{written}\n"
    assert read_article(written, content).date == dt.date(2024, 5, 14)


def test_cli_reports_errors(tmp_path, content):
    result = CliRunner().invoke(main, ["add", str(tmp_path / "nope.md"), "--content", str(content)])
    assert result.exit_code == 1
    assert result.output == f"error: {tmp_path / 'nope.md'}: no such file\n"


PARAGRAPH_TEXT = st.text(
    alphabet=st.characters(
        codec="utf-8", categories=("L", "N", "P", "S", "Zs"), exclude_characters="\u2028\u2029"
    ),
    min_size=1,
).filter(lambda text: text.split())


@given(PARAGRAPH_TEXT)
def test_markdown_paragraph_reads_back_exactly(text):
    assert markdown_blocks(markdown_paragraph(text)) == [("p", " ".join(text.split()))]
