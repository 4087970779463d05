"""Read a saved web page (`.html`, `.htm`): HTML bytes in, an `Article` out.

trafilatura separates the article from the page around it (navigation, banners, footers,
related links) and reads the title, byline, site name, canonical address and date from the
page's metadata (`<meta>`, `<time>`, JSON-LD).
"""

from __future__ import annotations

import codecs
import datetime as dt
import logging
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Protocol

import trafilatura
from trafilatura.settings import Document

from generator.errors import ContentError
from generator.ingest.article_file import MAX_ARTICLE_BYTES, make_slug
from generator.ingest.clean import (
    ALSO_READ_LINE,
    BYLINE_PREFIX,
    FURNITURE_LINE,
    WIRE_CREDIT_LINE,
    is_page_notice,
    is_sentence,
    one_line,
    parse_date,
    same_text,
    time_stamp_date,
)
from generator.ingest.language import identify_language
from generator.ingest.page_date import publication_date
from generator.ingest.page_metadata import headline, people, publisher, read_page_facts
from generator.ingest.page_tree import prepared_page
from generator.ingest.standfirst import page_deck, page_summaries, with_standfirst
from generator.models import Article

# Where a `<meta charset>` must appear to count; the HTML standard says 1024 bytes, but saved
# pages often carry long `<head>` sections before it.
CHARSET_SCAN_BYTES = 4096
META_CHARSET = re.compile(
    rb"""<meta\s[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.IGNORECASE
)
# Labels the HTML standard decodes as windows-1252 (a superset of Latin-1 and ASCII); and the
# UTF-16 labels it decodes as UTF-8 once no byte-order mark is present.
WINDOWS_1252_LABELS = ("ascii", "us-ascii", "latin1", "latin-1", "iso-8859-1", "iso8859-1")
UTF16_CODECS = ("utf-16", "utf-16-le", "utf-16-be")
# (mark, codec, name in messages)
BYTE_ORDER_MARKS = (
    (codecs.BOM_UTF8, "utf-8-sig", "UTF-8"),
    (codecs.BOM_UTF16_LE, "utf-16", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16", "UTF-16"),
)
# htmldate refuses dates after `max_date`, which defaults to today: a fixed bound keeps the date
# of a page the same whatever day the build runs. `extensive_search` is off because it guesses
# from free text (copyright lines, dates the story mentions) rather than from the page's markup.
# The address's date is read after the markup's (`deferred_url_extractor`): `page_date` reads
# the date the address's folders give first, and a date in the slug may be the event's.
DATE_SEARCH = {
    "original_date": True,
    "extensive_search": False,
    "max_date": "2999-12-31",
    "deferred_url_extractor": True,
}
NO_ARTICLE_TEXT = "no article text found in the page"
NUMBER = re.compile(r"\d{1,4}")
MAX_LABEL_WORDS = 4
WRITER_BIO = re.compile(r"(?:is|was|has been|writes|covers)\b")
"""How a bio at the foot of a page goes on from the writer's name: who the writer is."""
GLUED_CREDIT = re.compile(r"(?<=[.!?\"”’])\s+\(?[A-Z]{2,5}\)?$")
"""An agency's credit in capitals after the last sentence's stop, which the page set in the
same paragraph ("... crossed the border. PTI"): no sentence ends on a bare word in capitals."""
MAX_STAMP_LINE_WORDS = 16
"""A stamp line above the text holds a date, a time and a few labels (author, category)."""
# Elements of trafilatura's body tree: lists, quotes and divisions holding blocks give one
# paragraph per block, a table one per row (its cells set apart as trafilatura's own text
# output sets them); a line break inside a block is a space, two in a row end a paragraph.
CONTAINER_TAGS = ("list", "quote", "div", "table")
BLOCK_TAGS = ("p", "item", "quote", "list", "code", "head", "div", "table", "row")
ROW_TAG, CELL_TAG = "row", "cell"
LAYOUT_CELL_BLOCKS = ("p", "list", "quote")
MIN_PROSE_WORDS = 12
CELL_SEPARATOR = " | "
LINE_BREAK_TAG = "lb"
SPACED_TAGS = (LINE_BREAK_TAG, CELL_TAG, *BLOCK_TAGS)
LINE_BREAK = "\u2029"
"""How `_inline_text` marks a line break: whitespace to `one_line`, unlike any of the page's."""
BLANK_LINE = re.compile(rf"{LINE_BREAK}\s*{LINE_BREAK}")
"""Two line breaks with nothing between: a blog's paragraph break ("<br><br>"), where a caption
or a sentence without its stop would otherwise run into the next paragraph's sentence."""

# trafilatura and htmldate log what they discard; this reader reports its own clear errors, so
# keep their records from reaching stderr through logging's last-resort handler.
for _logger_name in ("trafilatura", "htmldate"):
    logging.getLogger(_logger_name).addHandler(logging.NullHandler())


class Node(Protocol):
    """The part of an lxml element that the body walk reads."""

    tag: str
    text: str | None
    tail: str | None

    def __iter__(self) -> Iterator[Node]: ...


@dataclass(frozen=True)
class PageBody:
    """The article text of a page, split into paragraphs, with what its first lines told."""

    paragraphs: tuple[str, ...]
    also_read: tuple[str, ...]
    dateline: dt.date | None
    """A date from a short line above the first sentence ("Published 2 June 2024")."""


def decode_html(data: bytes, name: str) -> str:
    """Decode a saved page: a byte-order mark wins, then a `<meta charset>`, else UTF-8."""
    if len(data) > MAX_ARTICLE_BYTES:
        raise ContentError(
            name,
            f"the file is {len(data):,} bytes; articles are limited to {MAX_ARTICLE_BYTES:,} bytes",
        )
    for mark, encoding, encoding_name in BYTE_ORDER_MARKS:
        if data.startswith(mark):
            return _decode(
                data, encoding, name, f"{encoding_name} text as its byte-order mark says"
            )
    if b"\x00" in data:
        raise ContentError(name, "this is a binary file, not a web page: expected HTML text")
    declared = META_CHARSET.search(data[:CHARSET_SCAN_BYTES])
    if declared is None:
        return _decode(data, "utf-8", name, "UTF-8 text and declares no <meta charset>")
    label = declared.group(1).decode("ascii").lower()
    try:
        encoding = codecs.lookup(label).name
    except LookupError:
        raise ContentError(
            name, f"<meta charset> names an unknown encoding '{label}'; save the page as UTF-8"
        ) from None
    if label in WINDOWS_1252_LABELS:
        encoding = "cp1252"
    elif encoding in UTF16_CODECS:
        encoding = "utf-8"
    return _decode(data, encoding, name, f"{label} text as its <meta charset> declares")


def _decode(data: bytes, encoding: str, name: str, expected: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as error:
        # error.object, not data: the utf-8-sig codec counts positions after the byte-order mark.
        line = error.object[: error.start].count(b"\n") + 1
        raise ContentError(
            name,
            f"not {expected} (byte 0x{error.object[error.start]:02x}); save the page as UTF-8",
            line=line,
        ) from error


def read_html_article(html_text: str, name: str, default_slug: str) -> Article:
    """Turn a saved web page into an Article; raise ContentError when it holds no article."""
    if not html_text.strip():
        raise ContentError(name, "the article is empty: there is no text to analyse")
    document = extract_document(html_text)
    if document is None:
        raise ContentError(name, NO_ARTICLE_TEXT)
    url = _clean(document.url)
    facts = read_page_facts(html_text, url)
    byline = _clean(document.author)
    title = headline(_clean(document.title) or default_slug.replace("-", " "), facts, byline)
    author = people(byline, facts)
    date = publication_date(facts.address_date, facts.shown_date, _page_date(document.date))
    body = split_body(
        body_blocks(document.body), (title, *facts.headlines), author, date, facts.controls
    )
    if not body.paragraphs:
        raise ContentError(name, NO_ARTICLE_TEXT)
    summaries = page_summaries(html_text)
    paragraphs = with_standfirst(body.paragraphs, summaries)
    return Article(
        path=name,
        slug=make_slug(title, fallback=default_slug),
        title=title,
        paragraphs=paragraphs,
        standfirst=page_deck(summaries, title, paragraphs),
        date=date or body.dateline,
        source=publisher(_clean(document.sitename), facts),
        url=url,
        author=author,
        also_read=body.also_read,
        language=identify_language("\n".join((title, *body.paragraphs))),
        verdict=facts.verdict,
    )


def extract_document(html_text: str) -> Document | None:
    """Run trafilatura with its default extraction (tables kept), no reader comments, and a
    date search that gives the same date whatever day it runs.

    Its defaults score best on real pages (benchmarks/web_import.py): asking for precision
    dropped leads, lists and whole pages that it otherwise extracts.
    """
    page = prepared_page(html_text)
    result = _extraction(page, precise=False)
    if result is not None and _is_one_block(result):
        # What trafilatura gives when its reading comes out short and its baseline rescues it:
        # a whole `<article>` or page as one paragraph (headline, byline and share buttons
        # glued to the text, or all of it set aside as a notice). Its precise reading, which
        # has no such rescue, keeps the blocks apart; a page of one paragraph reads the same.
        precise = _extraction(page, precise=True)
        if precise is not None and _body_text(precise).strip():
            result.body = precise.body
    return result


def _is_one_block(document: Document) -> bool:
    return document.body is not None and len(document.body) == 1


def _extraction(page: str, precise: bool) -> Document | None:
    result = trafilatura.bare_extraction(
        page,
        with_metadata=True,
        include_comments=False,
        favor_precision=precise,
        date_extraction_params=dict(DATE_SEARCH),
    )
    # With the default output format, bare_extraction returns a Document (or None).
    return result if isinstance(result, Document) else None


def _body_text(document: Document) -> str:
    return "".join(document.body.itertext()) if document.body is not None else ""


def body_blocks(body: Node) -> Iterator[str]:
    """Yield the text of each block of trafilatura's body tree, in order: paragraphs,
    sub-headings, list items, quotes, table rows, and text loose between them."""
    yield one_line(body.text or "")
    for element in body:
        if element.tag == ROW_TAG and _is_layout_row(element):
            for cell in element:
                yield from body_blocks(cell)
        elif element.tag == ROW_TAG:
            cells = (one_line(_inline_text(cell)) for cell in element)
            yield CELL_SEPARATOR.join(cell for cell in cells if cell)
        elif element.tag in CONTAINER_TAGS and any(child.tag in BLOCK_TAGS for child in element):
            yield from body_blocks(element)
        else:
            yield from (one_line(part) for part in BLANK_LINE.split(_inline_text(element)))
        yield one_line(element.tail or "")


def _is_layout_row(row: Node) -> bool:
    """A row of a table that lays the page out (a column of links beside the article): a cell
    holds a paragraph of prose, where a table of data holds words and figures (a figure set
    in a paragraph of its own too: "<td><p>42</p></td>")."""
    return any(
        child.tag in LAYOUT_CELL_BLOCKS and len(_inline_text(child).split()) >= MIN_PROSE_WORDS
        for cell in row
        for child in cell
    )


def _inline_text(element: Node) -> str:
    parts = [element.text or ""]
    for child in element:
        text = LINE_BREAK if child.tag == LINE_BREAK_TAG else _inline_text(child)
        parts.append(f" {text} " if child.tag in SPACED_TAGS else text)
        parts.append(child.tail or "")
    return "".join(parts)


def split_body(
    blocks: Iterable[str],
    headlines: tuple[str, ...],
    author: str | None = None,
    page_date: dt.date | None = None,
    controls: tuple[str, ...] = (),
) -> PageBody:
    """Keep trafilatura's blocks as paragraphs, setting furniture and "Also Read" lines aside.

    `headlines` are the title and the headlines the page shows (`<h1>`): the page's, never
    the article's text. Furniture is what stands above a headline where the page repeats it,
    and what the page's metadata already says above the first paragraph: a byline, a time
    stamp (which dates the page), a line that restates `page_date` in any language. The words
    of the page's `controls` ("Print Article") and what closes the page after the article's
    last paragraph (`_closes_the_page`) go too, and an agency's credit glued after the last
    paragraph's final stop. Any other block is article text, a lead that
    ends in "…" or a sub-heading too.
    """
    paragraphs: list[str] = []
    also_read: list[str] = []
    dateline: dt.date | None = None
    for line in _below_headline(list(blocks), headlines):
        also = ALSO_READ_LINE.match(line)
        if also:
            also_read.append(also.group(1).strip())
        elif not line or _is_furniture(line) or _is_headline(line, headlines) or line in controls:
            continue
        elif (
            not paragraphs
            and not is_sentence(line)
            and _is_byline_or_stamp(line, author, page_date)
        ):
            dateline = dateline or parse_date(line)
        else:
            paragraphs.append(line)
    while paragraphs and _closes_the_page(paragraphs[-1], author):
        paragraphs.pop()
    if paragraphs:
        paragraphs[-1] = GLUED_CREDIT.sub("", paragraphs[-1])
    return PageBody(tuple(paragraphs), tuple(also_read), dateline)


def _closes_the_page(line: str, author: str | None) -> bool:
    """A line after the article's last paragraph that is the page's: a label that leads into
    nothing (its list of links was the site's: "More:"), or the writer's bio ("Ann Lee is
    our deals editor ..."), which opens on the byline's name and says who the writer is."""
    if line.endswith(":") and len(line.split()) <= MAX_LABEL_WORDS:
        return True
    return (
        bool(author)
        and WRITER_BIO.match(line.removeprefix(f"{author} ")) is not None
        and (line.startswith(f"{author} "))
    )


def _is_furniture(line: str) -> bool:
    """A line of the page's furniture, a notice about the page (its terms, copyright) or the
    newsroom's credits ("Contributing: ...", "Reporting by ...; Editing by ..."): no actors."""
    return (
        FURNITURE_LINE.match(line) is not None
        or is_page_notice(line)
        or WIRE_CREDIT_LINE.match(line) is not None
    )


def _is_headline(line: str, headlines: tuple[str, ...]) -> bool:
    return any(same_text(line, headline) for headline in headlines)


def _below_headline(blocks: list[str], headlines: tuple[str, ...]) -> list[str]:
    """The blocks after the headline, where the page repeats it: what stands above it is the
    section's name, a kicker or a trail of links ("Asia", "Home > World")."""
    at = next((i for i, line in enumerate(blocks) if line and _is_headline(line, headlines)), None)
    # Only labels stand above a headline; a sentence there means the article started before.
    if at is None or any(is_sentence(line) for line in blocks[:at]):
        return blocks
    return blocks[at + 1 :]


def _is_byline_or_stamp(line: str, author: str | None, page_date: dt.date | None) -> bool:
    """A line that only credits the author or dates the page: "By Priya Raman, transport
    correspondent · 14 May 2024", "Published 7 October 2023", or a line of the page's date
    and labels in another language ("sábado, 4 de maio de 2024 às 10:20")."""
    if time_stamp_date(line) is not None or BYLINE_PREFIX.match(line):
        return True
    if page_date is not None and _restates_date(line, page_date):
        return True
    return author is not None and bool(author) and author in line


def _restates_date(line: str, date: dt.date) -> bool:
    """Whether a short line writes the page's day and year in figures, which any language
    does: the month may be a word ("4 de maio de 2024") or a figure ("04/05/2024")."""
    figures = {int(figure) for figure in NUMBER.findall(line)}
    return len(line.split()) <= MAX_STAMP_LINE_WORDS and {date.day, date.year} <= figures


def _page_date(value: str | None) -> dt.date | None:
    """Read htmldate's `YYYY-MM-DD`, or nothing."""
    try:
        return dt.date.fromisoformat(value) if value else None
    except ValueError:
        return None


def _clean(value: str | None) -> str | None:
    """Return a metadata value on one tidy line, or None when it is blank."""
    return one_line(value or "") or None
