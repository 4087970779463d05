"""Read article files from `content/` into `Article` values; every problem names file and line.

Plain text is a scraped page (headline first, furniture around the body); Markdown carries YAML
front matter and a body.
"""

from __future__ import annotations

import codecs
import html.parser
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import markdown

from generator.errors import BriefError, ContentError
from generator.front_matter import FrontMatterError, read_fields, read_front_matter, split_page
from generator.ingest.article_file import MAX_ARTICLE_BYTES, make_slug
from generator.ingest.claim_review import VERDICT_FIELDS, front_matter_verdict
from generator.ingest.clean import (
    ALSO_READ_LINE,
    MIN_PARAGRAPH_WORDS,
    clean_text,
    has_sentence,
    normalise_newlines,
    normalise_whitespace,
    one_line,
    read_scraped_page,
    remove_control_characters,
    without_title,
)
from generator.ingest.web_page import decode_html, read_html_article
from generator.models import Article

PLAIN_TEXT_SUFFIXES = (".txt",)
MARKDOWN_SUFFIXES = (".md", ".markdown")
HTML_SUFFIXES = (".html", ".htm")
ARTICLE_SUFFIXES = PLAIN_TEXT_SUFFIXES + MARKDOWN_SUFFIXES + HTML_SUFFIXES
# Files in content/ that are not articles.
NOT_ARTICLES = ("actors.yml", "README.md")
DECK_FIELDS = ("description", "subtitle", "summary")
"""The front matter fields in which other tools write an article's deck, most used first."""
ARTICLE_FIELDS = (
    "title",
    "source",
    "url",
    "author",
    "slug",
    "language",
    "date",
    "tags",
    *DECK_FIELDS,
    *VERDICT_FIELDS,
)
"""The front matter fields an article is read with (`front_matter.FIELDS`), checked in order."""
MARKDOWN_BLOCK_TAGS = ("p", "li", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6")


def discover_articles(content_dir: Path) -> list[Path]:
    """Return every file under content_dir that should be an article, in a stable order."""
    return sorted(
        path
        for path in content_dir.rglob("*")
        if path.is_file()
        and not any(part.startswith(".") for part in path.relative_to(content_dir).parts)
        and path.name not in NOT_ARTICLES
    )


def read_article(path: Path, content_dir: Path) -> Article:
    """Read one article file; raise ContentError naming the file when it cannot be used."""
    data = read_article_bytes(path, content_dir)
    try:
        return parse_article(data, path, content_dir)
    except BriefError:
        raise
    except Exception as error:
        # A reader's bug (ours, trafilatura's, lxml's) on one odd file: name the file and let
        # the other articles build.
        raise ContentError(
            path.relative_to(content_dir).as_posix(),
            f"could not be read ({type(error).__name__}: {error}); please report this file",
        ) from error


def read_article_bytes(path: Path, content_dir: Path) -> bytes:
    """The bytes of an article file of a supported type; ContentError naming the file if not."""
    name = path.relative_to(content_dir).as_posix()
    suffix = path.suffix.lower()
    if suffix not in ARTICLE_SUFFIXES:
        raise ContentError(
            name,
            f"unsupported file type '{suffix or path.name}': "
            "expected .txt, .md, .markdown, .html or .htm",
        )
    try:
        return path.read_bytes()
    except OSError as error:
        raise ContentError(name, f"cannot be read: {error.strerror or error}") from error


def parse_article(data: bytes, path: Path, content_dir: Path) -> Article:
    """Turn the bytes of the article file at path into an Article, by the file's type."""
    name = path.relative_to(content_dir).as_posix()
    suffix = path.suffix.lower()
    if suffix in HTML_SUFFIXES:
        return read_html_article(decode_html(data, name), name, default_slug=path.stem)
    text = normalise_newlines(decode_article(data, name))
    # Front matter is YAML, which cleaning would break (a folded title's indentation): only
    # the body is cleaned.
    if not remove_control_characters(text).strip():
        raise ContentError(name, "the article is empty: there is no text to analyse")
    if suffix in MARKDOWN_SUFFIXES:
        return read_markdown_article(text, name, default_slug=path.stem)
    return read_plain_text_article(clean_text(text), name, default_slug=path.stem)


def decode_article(data: bytes, name: str) -> str:
    """Decode UTF-8 (with or without BOM) or BOM-marked UTF-16; refuse binary data clearly."""
    if len(data) > MAX_ARTICLE_BYTES:
        raise ContentError(
            name,
            f"the file is {len(data):,} bytes; articles are limited to {MAX_ARTICLE_BYTES:,} bytes",
        )
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as error:
            raise ContentError(name, f"invalid UTF-16 text at byte {error.start}") from error
    if b"\x00" in data:
        raise ContentError(name, "this is a binary file, not text: expected UTF-8 text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        # utf-8-sig counts positions after a byte-order mark.
        start = error.start + (len(codecs.BOM_UTF8) if data.startswith(codecs.BOM_UTF8) else 0)
        line = data[:start].count(b"\n") + 1
        raise ContentError(
            name,
            f"not UTF-8 text (byte 0x{data[start]:02x}); save the file as UTF-8",
            line=line,
        ) from error


def read_plain_text_article(text: str, name: str, default_slug: str) -> Article:
    """Turn a scraped plain-text page into an Article."""
    page = read_scraped_page(text)
    paragraphs = page.paragraphs or tuple(statement_lines([page.headline or ""]))
    if not paragraphs:
        raise ContentError(name, "no body text found: expected paragraphs of full sentences")
    # A page without a headline is named by its file, as a Markdown file without a title is.
    title = page.headline or default_slug.replace("-", " ")
    return Article(
        path=name,
        slug=make_slug(title, fallback=default_slug),
        title=title,
        paragraphs=paragraphs,
        standfirst=page.standfirst,
        date=page.date,
        source=page.byline,
        tag_line=page.tag_line,
        also_read=page.also_read,
    )


def read_markdown_article(text: str, name: str, default_slug: str) -> Article:
    """Turn a Markdown file with optional YAML front matter into an Article.

    The front matter is read as YAML reads it; only the body is cleaned.
    """
    meta, body, body_line = split_front_matter(text, name)
    meta = {
        key: one_line(value) if isinstance(value, str) else value for key, value in meta.items()
    }
    blocks = markdown_blocks(clean_text(body))
    headings = [text for tag, text in blocks if tag.startswith("h")]
    paragraphs = [text for tag, text in blocks if not tag.startswith("h")]
    also_read = [m.group(1).strip() for p in paragraphs if (m := ALSO_READ_LINE.match(p))]
    paragraphs = [p for p in paragraphs if not ALSO_READ_LINE.match(p)]
    title = meta.get("title") or (headings[0] if headings else default_slug.replace("-", " "))
    if not any(has_sentence(p) for p in paragraphs):
        # Markdown joins a paragraph's lines; a stub's date and headline are lines apart.
        lines = markdown_blocks("\n\n".join(clean_text(body).split("\n")))
        paragraphs = statement_lines(text for tag, text in lines if tag == "p")
    if not paragraphs:
        raise ContentError(
            name, "no body text found: expected paragraphs of full sentences", line=body_line
        )
    return Article(
        path=name,
        slug=make_slug(meta.get("slug") or title, fallback=default_slug),
        title=title,
        paragraphs=tuple(without_title(paragraphs, title)),
        standfirst=next((meta[key] for key in DECK_FIELDS if meta.get(key)), None),
        date=meta.get("date"),
        source=meta.get("source"),
        url=meta.get("url"),
        author=meta.get("author"),
        tags=tuple(tag for tag in map(one_line, meta.get("tags", ())) if tag),
        also_read=tuple(also_read),
        language=meta.get("language") or None,
        verdict=front_matter_verdict(meta),
    )


def statement_lines(lines: Iterable[str]) -> list[str]:
    """The lines of a text without sentences that still state something, as its paragraphs.

    A wire flash or a dataset's stub ("Swimming star dies at 91" under a date) is a whole
    article though no sentence ends in it; a label of a word or two ("Notes"), a list of
    things and a line that leads into something missing ("Watch the video here:") are not.
    """
    return [
        line.strip()
        for line in lines
        if len(line.split()) >= MIN_PARAGRAPH_WORDS and not line.rstrip().endswith(":")
    ]


def split_front_matter(text: str, name: str) -> tuple[dict[str, Any], str, int]:
    """Return validated front matter, the body, and the body's first line number.

    The known keys' values are YAML's own (a date as a date); text is not tidied here.
    """
    page = split_page(text)
    if page.is_unclosed:
        raise ContentError(name, "front matter is not closed: add a line '---' after it", 1)
    try:
        meta = read_front_matter(page.front_matter)
    except FrontMatterError as error:
        raise ContentError(name, error.message, error.line) from None
    return validate_front_matter(meta, name, text.split("\n")), page.body, page.body_line


def validate_front_matter(meta: dict[str, Any], name: str, lines: list[str]) -> dict[str, Any]:
    """Check the known keys' types; return them with dates parsed."""
    valid, problems = read_fields(meta, ARTICLE_FIELDS, lines)
    if problems:
        raise ContentError(name, problems[0].message, problems[0].line)
    return valid


class _BlockCollector(html.parser.HTMLParser):
    """Collect the text of each block element of rendered Markdown, in order."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[tuple[str, str]] = []
        self._open: list[tuple[str, list[str]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in MARKDOWN_BLOCK_TAGS:
            self._open.append((tag, []))

    def handle_endtag(self, tag: str) -> None:
        if self._open and self._open[-1][0] == tag:
            tag, parts = self._open.pop()
            text = normalise_whitespace(" ".join("".join(parts).split()))
            if text:
                self.blocks.append((tag, text))

    def handle_data(self, data: str) -> None:
        if self._open:
            self._open[-1][1].append(data)


def markdown_blocks(body: str) -> list[tuple[str, str]]:
    """Return (tag, plain text) for each paragraph, list item, quote and heading of a body."""
    collector = _BlockCollector()
    # Raw HTML in an article is data, never markup: escape it before Markdown sees it.
    escaped = body.replace("&", "&amp;").replace("<", "&lt;")
    collector.feed(markdown.markdown(escaped))
    collector.close()
    return collector.blocks
