"""A site build's pages shared with a helper process: MkDocs uses one core of the machine.

MkDocs builds a site in two passes over its pages, each on one core: every page's Markdown
rendered to HTML (Python-Markdown, most of a large site's build), then every page put into the
theme's template, through the plugins' `on_post_page` and written. Page by page both passes are
independent but for what plugins gather across pages (the tags plugin's listings, filled in
between the passes). So at the start of each pass the plugin forks a helper that runs the pass,
with MkDocs' own functions, for the last share of the pages while this process does the others:

- Markdown: the helper renders its pages and sends back what rendering gives a page (its HTML,
  table of contents, title, anchors and links to anchors) and the warnings it logged. This process
  still reads every page and runs every plugin's hooks on it, so the tags plugin and the like see
  every page; for a helper's page it converts no Markdown and takes the helper's HTML, provided
  the helper converted the same Markdown (a digest of it is compared; else it renders the page).
- Templates: the helper builds and writes its pages; this process renders them with an empty
  template, writes nothing for them, and takes what the plugin noted about them in the helper.

The helper process is `forked.Helper`; where the system cannot fork or the site is small, the
build stays in one process.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from multiprocessing.connection import Connection
from typing import Any

from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from generator.site.forked import Helper

HELPER_SHARE = 0.5
"""The share of a pass's pages, in bytes, the helper takes. The build also reads the helper's
pages and runs their hooks, and the helper starts a little later; on the 10,000-article site
half gave an even split of CPU (Markdown 112.6 s here, 100.9 s in the helper)."""
MIN_PAGES = 64
"""Fewer pages than this are built in one process: a fork costs more than it saves."""
EMPTY_TEMPLATE = "briefs-built-by-helper.html"
"""A template of nothing (in the plugin's theme folder): a helper's page in this process."""


def markdown_digest(markdown: str) -> str:
    """A digest of the Markdown a page is rendered from."""
    return hashlib.blake2b(markdown.encode("utf-8"), digest_size=16).hexdigest()


def last_share(items: Sequence[Any], weight: Callable[[Any], int], share: float) -> list[Any]:
    """The items at the end of the sequence that hold about `share` of the total weight."""
    weights = [max(1, weight(item)) for item in items]
    budget = share * sum(weights)
    taken = 0
    start = len(items)
    while start > 0 and taken + weights[start - 1] <= budget:
        start -= 1
        taken += weights[start]
    return list(items[start:])


def render_nothing(page: Page) -> None:
    """Have MkDocs convert nothing for this page: its HTML comes from the helper.

    MkDocs' `Page.render` makes a new Markdown object with every extension for each page, about
    half a millisecond even for an empty text: seconds of the build's share at 10,000 articles.
    """

    def nothing(config: Any, files: Any) -> None:
        page.content = ""

    page.render = nothing  # type: ignore[method-assign]


def render_as_before(page: Page) -> None:
    """Give the page MkDocs' own rendering back (a later build of `serve` renders it)."""
    vars(page).pop("render", None)


class LoggedRecords(logging.Handler):
    """A handler that keeps what is logged, as (logger, level, message), to log it elsewhere."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.records: list[tuple[str, int, str]] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append((record.name, record.levelno, record.getMessage()))

    def taken(self) -> list[tuple[str, int, str]]:
        """The records kept since the last call."""
        records, self.records = self.records, []
        return records


def log_again(records: Sequence[tuple[str, int, str]]) -> None:
    """Log here what a helper logged (strict mode counts warnings in this process)."""
    for name, level, message in records:
        logging.getLogger(name).log(level, "%s", message)


def _capture_logs() -> LoggedRecords:
    """In a helper: keep MkDocs' warnings to send them, instead of printing them twice."""
    handler = LoggedRecords()
    mkdocs_logger = logging.getLogger("mkdocs")
    mkdocs_logger.handlers = [handler]
    mkdocs_logger.propagate = False
    return handler


@dataclass
class Rendered:
    """What rendering a page's Markdown gave it, as a helper sends it."""

    digest: str
    content: str
    toc: Any
    title: str | None
    anchor_ids: set[str] | None
    links_to_anchors: dict[str, dict[str, str]] | None
    records: list[tuple[str, int, str]]

    @classmethod
    def of(cls, page: Page, records: list[tuple[str, int, str]]) -> Rendered:
        links = page.links_to_anchors
        return cls(
            markdown_digest(page.markdown or ""),
            page.content or "",
            page.toc,
            page._title_from_render,
            page.present_anchor_ids,
            None if links is None else {file.src_uri: found for file, found in links.items()},
            records,
        )

    def give_to(self, page: Page, files: Files) -> str:
        """Set on the page what rendering sets; the page's HTML."""
        page.toc = self.toc
        page._title_from_render = self.title
        page.present_anchor_ids = self.anchor_ids
        if self.links_to_anchors is not None:
            page.links_to_anchors = {
                linked: found
                for src_uri, found in self.links_to_anchors.items()
                if (linked := files.get_file_from_path(src_uri)) is not None
            }
        log_again(self.records)
        return self.content


def markdown_helper(files: Sequence[File], render: Callable[[File], Page]) -> Helper:
    """A helper that renders the Markdown of these files' pages (MkDocs' `_populate_page`)."""

    def work(sending: Connection) -> None:
        records = _capture_logs()
        for file in files:
            page = render(file)
            sending.send(("page", file.src_uri, Rendered.of(page, records.taken())))
        sending.send(("done", "", records.taken()))

    return Helper(work, [file.src_uri for file in files])


def template_helper(
    pages: Sequence[Page],
    build: Callable[[Page], None],
    noted: Callable[[], Any],
) -> Helper:
    """A helper that builds and writes these pages (MkDocs' `_build_page`); then sends what
    `noted` gives (what the plugin's hooks noted about them) and its warnings."""

    def work(sending: Connection) -> None:
        records = _capture_logs()
        for page in pages:
            build(page)
        sending.send(("done", "", (noted(), records.taken())))

    return Helper(work, [page.file.src_uri for page in pages])
