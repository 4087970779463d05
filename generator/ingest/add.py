"""Import one article into `content/`: a saved page, a text file or a web address in, the path of a
new Markdown article (YAML front matter and body, ready to edit) out.
"""

from __future__ import annotations

import dataclasses
import re
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable
from pathlib import Path, PurePosixPath
from typing import Any

from generator.errors import BriefError, ContentError
from generator.ingest.article_file import MAX_ARTICLE_BYTES
from generator.ingest.claim_review import verdict_front_matter
from generator.ingest.language import identify_language
from generator.ingest.read import (
    ARTICLE_SUFFIXES,
    MARKDOWN_SUFFIXES,
    decode_article,
    discover_articles,
    read_article,
)
from generator.ingest.web_page import decode_html, read_html_article
from generator.models import Article
from generator.site.render import dump_yaml, plain_markdown

URL_PATTERN = re.compile(r"^https?://", re.IGNORECASE)
FETCH_TIMEOUT_SECONDS = 30
USER_AGENT = "briefs-article-import/0.1"


def import_article(
    source: str, content_dir: Path, fetch: Callable[[str], bytes] | None = None
) -> Path:
    """Write the article at source (a file or an http(s) URL) into content_dir; return the path.

    Saved pages, URLs and text files are extracted and written as front matter and paragraphs;
    a Markdown file is checked and copied as it is. `fetch` downloads a URL (urllib by default);
    the OSError or ValueError it raises is reported as a BriefError.
    """
    if URL_PATTERN.match(source):
        article, markdown = _read_url(source, fetch or fetch_url), None
    else:
        article, markdown = _read_file(source)
    target = content_dir / article_file_name(article)
    _refuse_slug_clash(article, content_dir, target)
    text = markdown if markdown is not None else article_markdown(article)
    content_dir.mkdir(parents=True, exist_ok=True)
    try:
        with target.open("x", encoding="utf-8", newline="\n") as file:
            file.write(text)
    except FileExistsError:
        raise BriefError(
            f"{target}: already exists; not overwritten (rename or delete it to add again)"
        ) from None
    except OSError as error:
        raise BriefError(f"{target}: cannot be written: {error.strerror or error}") from error
    return target


def fetch_url(url: str) -> bytes:
    """Download a page with urllib, giving up after FETCH_TIMEOUT_SECONDS."""
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
    with urllib.request.urlopen(request, timeout=FETCH_TIMEOUT_SECONDS) as response:
        data: bytes = response.read(MAX_ARTICLE_BYTES + 1)
    return data


def article_file_name(article: Article) -> str:
    """Return `<date>-<slug>.md`, or `<slug>.md` for an undated article."""
    prefix = f"{article.date.isoformat()}-" if article.date else ""
    return f"{prefix}{article.slug}.md"


def article_markdown(article: Article) -> str:
    """Return the article as Markdown: front matter with the fields found, then the body."""
    fields: dict[str, Any] = {
        "title": article.title,
        "description": article.standfirst,
        "date": article.date,
        "source": article.source,
        "url": article.url,
        "author": article.author,
        "language": article.language,
        **verdict_front_matter(article.verdict),
    }
    front_matter = dump_yaml({key: value for key, value in fields.items() if value})
    paragraphs = [
        *article.paragraphs,
        *(f"Also Read: {title}" for title in article.also_read),
    ]
    body = "\n\n".join(markdown_paragraph(paragraph) for paragraph in paragraphs)
    return f"---\n{front_matter}---\n{body}\n"


def markdown_paragraph(text: str) -> str:
    """Return a paragraph on one line that the Markdown reader gives back exactly as written.

    Raw HTML needs no escape: the Markdown reader takes an article's HTML as text.
    """
    return plain_markdown(text)


def _read_url(url: str, fetch: Callable[[str], bytes]) -> Article:
    """Fetch a page and read it; its address stands in for a missing canonical URL."""
    try:
        data = fetch(url)
    except urllib.error.HTTPError as error:
        raise BriefError(f"{url}: the server answered {error.code} {error.reason}") from error
    except OSError as error:
        reason = getattr(error, "reason", None) or error.strerror or error
        raise BriefError(
            f"{url}: cannot be fetched ({reason}); check the address and the network, "
            "or save the page and add the file"
        ) from error
    except ValueError as error:
        raise BriefError(f"{url}: not a usable address ({error})") from error
    stem = PurePosixPath(urllib.parse.urlsplit(url).path).stem
    try:
        article = read_html_article(decode_html(data, url), url, default_slug=stem or "article")
    except BriefError:
        raise
    except Exception as error:  # a reader's bug on this page: say which page
        raise ContentError(
            url, f"could not be read ({type(error).__name__}: {error}); please report this page"
        ) from error
    return article if article.url else dataclasses.replace(article, url=url)


def _read_file(source: str) -> tuple[Article, str | None]:
    """Read a local article; for Markdown also return its text, which is copied as it is."""
    path = Path(source)
    suffix = path.suffix.lower()
    if suffix not in ARTICLE_SUFFIXES:
        expected = ", ".join(ARTICLE_SUFFIXES[:-1]) + f" or {ARTICLE_SUFFIXES[-1]}"
        raise BriefError(
            f"{source}: unsupported file type '{suffix or path.name}': expected {expected}"
        )
    if not path.is_file():
        raise BriefError(f"{source}: {'not a file' if path.exists() else 'no such file'}")
    resolved = path.resolve()
    try:
        article = read_article(resolved, resolved.parent)
    except ContentError as error:
        # Name the file as it was given, not just its base name.
        raise ContentError(source, error.detail, error.line) from error
    if suffix in MARKDOWN_SUFFIXES:
        text = decode_article(resolved.read_bytes(), source)
        return article, text.replace("\r\n", "\n").replace("\r", "\n")
    # Written into the front matter, so that a text not in English is not analysed as English.
    language = article.language or identify_language(f"{article.title}\n{article.body}")
    return dataclasses.replace(article, language=language), None


def _refuse_slug_clash(article: Article, content_dir: Path, target: Path) -> None:
    """Refuse an article whose brief would take the name of another article's brief."""
    if not content_dir.is_dir():
        return
    for path in discover_articles(content_dir):
        if path == target:
            continue
        try:
            other = read_article(path, content_dir)
        except ContentError:
            continue  # `briefs build` reports unreadable articles
        if other.slug == article.slug:
            raise BriefError(
                f"{target}: not written: {content_dir / other.path} already has the slug "
                f"'{article.slug}' (the same article, or give this one a 'slug:' of its own)"
            )
