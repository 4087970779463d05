"""Render briefs to Markdown with the Jinja2 templates: `Brief` in, Markdown text out.

Article text is data: every value from an article passes through `escape_markdown`, so nothing
in an article becomes HTML, Markdown markup or template code on the site.
"""

from __future__ import annotations

import html
import itertools
import json
import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import jinja2
import yaml

from generator.analysis.page_length import (
    SECTION_NOTES,
    fitted_brief,
    where_events_went,
    where_quotes_went,
)
from generator.errors import TemplateError
from generator.ingest.language import is_english
from generator.models import (
    ActorPage,
    Brief,
    CorpusEvent,
    Quote,
    TimelineEvent,
    TimelineYear,
)
from generator.site.display import as_sentence, date_words
from generator.site.kept_bytecode import KeptBytecode

if TYPE_CHECKING:
    # Only a type here: listing_pages renders with this module.
    from generator.corpus.listing_pages import ListingPage

BRIEF_TEMPLATE = "brief.md.j2"
INDEX_TEMPLATE = "index.md.j2"
TAGS_TEMPLATE = "tags.md.j2"
ACTOR_TEMPLATE = "actor.md.j2"
ACTORS_INDEX_TEMPLATE = "actors_index.md.j2"
ACTORS_LETTER_TEMPLATE = "actors_letter.md.j2"
ARCHIVE_TEMPLATE = "archive.md.j2"
TAGS_LETTER_TEMPLATE = "tags_letter.md.j2"
TIMELINE_TEMPLATE = "timeline.md.j2"
TIMELINE_YEAR_TEMPLATE = "timeline_year.md.j2"
TIMELINE_MONTH_TEMPLATE = "timeline_month.md.j2"
KEPT_BYTECODE = KeptBytecode()
"""The templates this process compiled, by name and source: every build's environment shares
them, so `briefs serve` compiles a template once, and again only when it is edited."""
# Inline markup characters of Python-Markdown and attr_list; all are in its backslash-escape set.
MARKDOWN_SPECIALS = re.compile(r"([\\`*_\[\]{}#])")
# Text that starts a line must not start a quote, a list or a rule either (">", "- ", "+ ",
# "1. ", "---").
BLOCK_START = re.compile(r"^(?:(>|-(?=[-\s]*$))|([-+]|\d+)([.)]?)(?=\s|$))")
ENTITY_LIKE = re.compile(r"&(?=#?\w+;)")
# Markdown's extensions open their blocks with a run of one mark at a line's start: admonitions
# "!!!", details "???", fences "~~~" and "```", blocks "///", tabs "===". A value that starts so
# has its first mark written as a character reference, which no Markdown reads as syntax and a
# browser shows as the mark. Not "\\" (it escapes what follows) nor "." (an ellipsis is no syntax).
REPEATED_MARK = re.compile(r"^([!\"#$%&'()*+,\-/:;<=>?@\[\]^_`{|}~])(?=\1)")
Neighbours = tuple[str | None, str | None]
"""The timeline periods before and after a page's, if any."""
SAFE_URL = re.compile(r"^https?://[^\s<>\"'`]+$", re.IGNORECASE)


def escape_markdown(value: object) -> str:
    """Return text that Markdown shows exactly as written, on one line, with no HTML in it."""
    text = " ".join(str(value).split())
    text = plain_markdown(ENTITY_LIKE.sub("&amp;", text).replace("<", "&lt;").replace(">", "&gt;"))
    return REPEATED_MARK.sub(lambda mark: f"&#{ord(mark.group(1))};", text)


def plain_markdown(text: str) -> str:
    """Return text on one line that Markdown reads back as written: its markup escaped."""
    text = MARKDOWN_SPECIALS.sub(r"\\\1", " ".join(text.split()))
    return BLOCK_START.sub(_escape_block_start, text)


def _escape_block_start(match: re.Match[str]) -> str:
    quote, marker, punctuation = match.groups()
    if quote:
        return f"\\{quote}"
    if marker in "-+":
        return f"\\{marker}{punctuation}"
    return f"{marker}\\{punctuation}" if punctuation == "." else f"{marker}{punctuation}"


def safe_url(value: object) -> str:
    """Return the URL when it is plain http(s), else an empty string (no javascript: links)."""
    text = str(value or "").strip()
    return text if SAFE_URL.match(text) else ""


def yaml_text(value: object) -> str:
    """Return a quoted YAML scalar, HTML-escaped because Material renders titles as HTML."""
    return json.dumps(html_text(" ".join(str(value).split())), ensure_ascii=False)


def html_text(value: str) -> str:
    """Text safe in HTML and in a double-quoted attribute, which Material puts titles into.

    Apostrophes stay as they are, so "Kenya's" reads as written in the front matter.
    """
    return html.escape(value, quote=False).replace('"', "&quot;")


def inline_code(value: object) -> str:
    """Return text safe inside a single-backtick code span."""
    return " ".join(str(value).split()).replace("`", "'")


def make_environment(templates_dir: Path, show_evidence: bool = False) -> jinja2.Environment:
    """Return the Jinja2 environment for the project's templates; show_evidence puts each
    actor's evidence in its box. The templates are compiled once a process (`KEPT_BYTECODE`)."""
    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(templates_dir)),
        bytecode_cache=KEPT_BYTECODE,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        autoescape=False,  # output is Markdown; the md filter does the escaping
    )
    environment.filters["md"] = escape_markdown
    environment.filters["url"] = safe_url
    environment.filters["code"] = inline_code
    environment.filters["yaml_text"] = yaml_text
    environment.filters["date"] = date_words
    environment.filters["sentence"] = as_sentence
    environment.globals["show_evidence"] = show_evidence
    return environment


def render_brief(
    brief: Brief, environment: jinja2.Environment, with_pages: Collection[str] = ()
) -> str:
    """Return the Markdown page of one brief, front matter first, shorter than its article
    (`page_length.fitted_brief`: only the rendered page knows its length).

    with_pages: the ids of the actors that have a page, which the brief's actors link to.
    """

    # fitted_brief renders the page again without some pieces; its front matter is made of what
    # stays (article, lead, tags), and PyYAML takes as long to dump it as Jinja2 the whole page.
    dumped: dict[str, tuple[tuple[object, ...], str]] = {}

    def page(shown: Brief, show_evidence: bool = False) -> str:
        entries = timeline_entries(shown)
        fields = (shown.article, shown.at_a_glance, shown.tags)
        if "front" not in dumped or dumped["front"][0] != fields:
            dumped["front"] = (fields, front_matter(shown))
        return _render(
            environment,
            BRIEF_TEMPLATE,
            brief=shown,
            with_pages=with_pages,
            article=shown.article,
            front_matter=dumped["front"][1],
            timeline=[entry for entry in entries if not entry.is_expected],
            expected=[entry for entry in entries if entry.is_expected],
            quotes=shown_quotes(shown.quotes),
            # A section the page emptied for length says where its events went, not "none".
            has_events=bool(brief.timeline),
            events_note=SECTION_NOTES.get(("events", where_events_went(brief, shown))),
            has_quotes=bool(brief.quotes_found or brief.quotes),
            quotes_note=SECTION_NOTES.get(("quotes", where_quotes_went(brief, shown))),
            # Another language's brief says only that: its empty sections would be claims
            # ("the article quotes nobody") about a text the analysis did not read.
            is_analysed=is_english(shown.article.language),
            show_evidence=show_evidence,
        )

    # The page's length is the reader's page: actors' evidence, shown on request to check the
    # analysis, must not change which pieces the page keeps.
    shown, plain = fitted_brief(brief, page)
    return page(shown, show_evidence=True) if environment.globals["show_evidence"] else plain


def shown_quotes(quotes: Sequence[Quote]) -> list[Quote]:
    """The quotes a brief shows: all but a partial quote whose words an earlier partial quote of
    its sentence and speaker shows already, since a partial quote is shown in its context
    ('had made "some progress" but "remains ..."' holds two)."""
    shown: list[Quote] = []
    for quote in quotes:
        words = quote.text.rstrip(" .,;:!?")
        if quote.kind == "partial" and any(
            earlier.kind == "partial"
            and (earlier.sentence_index, earlier.speaker) == (quote.sentence_index, quote.speaker)
            and words in earlier.context
            for earlier in shown
        ):
            continue
        shown.append(quote)
    return shown


PRECISION_RANK = {"relative": 0, "year": 1, "month": 2, "day": 3}


@dataclass(frozen=True)
class TimelineEntry:
    """One line of a brief's timeline: an event and its date in a reader's words."""

    date_text: str
    """The dates as written ("1961, 2000 and 2001", "Thursday")."""
    when: str | None
    """The calendar date where the written one leaves it out ("20 June 2024" for "Thursday")."""
    event: str
    is_expected: bool
    """A forecast, plan or scheduled date, listed apart from what happened."""


def timeline_entries(brief: Brief) -> list[TimelineEntry]:
    """The brief's dated events, one line per event, in the order of the timeline.

    A sentence naming three years is one event with three dates, not three events. One that
    names a looser date beside a precise one is dated by the precise one alone: "first cut since
    2019" on "6 June 2024" happened on 6 June, and 2019 is no date of it.
    """
    by_event: dict[str, list[int]] = {}
    for position, event in enumerate(brief.timeline):
        by_event.setdefault(event.event, []).append(position)
    anchored = sorted(
        by_event.values(),
        key=lambda positions: min(
            positions, key=lambda p: (-PRECISION_RANK[brief.timeline[p].precision], p)
        ),
    )
    entries = []
    for positions in anchored:
        events = [brief.timeline[position] for position in positions]
        sharpest = max(PRECISION_RANK[event.precision] for event in events)
        dated = [event for event in events if PRECISION_RANK[event.precision] == sharpest]
        dates = _join_words([event.date_text for event in dated])
        entries.append(
            TimelineEntry(dates, _in_words(dated, dates), events[0].event, events[0].is_expected)
        )
    return entries


def _in_words(events: Sequence[TimelineEvent], written: str) -> str | None:
    """The events' calendar dates as a reader writes them, when the text leaves part out."""
    words = [date_words(event.value) for event in events if event.precision != "relative"]
    if not words or all(all(part in written for part in word.split()) for word in words):
        return None
    return _join_words(words)


def _join_words(words: Sequence[str]) -> str:
    """ "a", "a and b", "a, b and c"."""
    unique = list(dict.fromkeys(words))
    return unique[0] if len(unique) == 1 else f"{', '.join(unique[:-1])} and {unique[-1]}"


def render_index(
    newest: Sequence[Brief],
    total: int,
    months: Sequence[ListingPage],
    undated: Sequence[ListingPage],
    environment: jinja2.Environment,
) -> str:
    """Return the home page: the newest briefs, then a page per month and undated by letter."""
    return _render(
        environment, INDEX_TEMPLATE, briefs=newest, total=total, months=months, undated=undated
    )


def render_archive_page(
    listing: ListingPage, briefs: Sequence[Brief], environment: jinja2.Environment
) -> str:
    """Return a page of the archive: the briefs of one month, or undated ones of one letter."""
    return _render(environment, ARCHIVE_TEMPLATE, listing=listing, briefs=briefs)


def render_tags_page(letters: Sequence[ListingPage], environment: jinja2.Environment) -> str:
    """Return the tags index: a page per letter."""
    return _render(environment, TAGS_TEMPLATE, letters=letters)


def render_tags_letter(
    listing: ListingPage, tags: Sequence[str], environment: jinja2.Environment
) -> str:
    """Return the page of the tags of one letter (filled in by Material's tags plugin)."""
    # The tags as the briefs' front matter holds them, which is what the plugin compares.
    included = json.dumps([html_text(tag) for tag in tags], ensure_ascii=False)
    return _render(environment, TAGS_LETTER_TEMPLATE, listing=listing, included=included)


def render_actor_page(
    page: ActorPage, with_pages: Collection[str], environment: jinja2.Environment
) -> str:
    """Return the page of one actor: roles, briefs, companions (linked where they have a page)."""
    return _render(environment, ACTOR_TEMPLATE, page=page, with_pages=with_pages)


def render_actors_index(
    letters: Sequence[ListingPage], total: int, with_pages: int, environment: jinja2.Environment
) -> str:
    """Return the actors index: how many there are and a page per letter."""
    return _render(
        environment, ACTORS_INDEX_TEMPLATE, letters=letters, total=total, with_pages=with_pages
    )


def render_actor_letter(
    listing: ListingPage,
    pages: Sequence[ActorPage],
    with_pages: Collection[str],
    environment: jinja2.Environment,
) -> str:
    """Return the actors of one letter, each linked to their page or to their only brief."""
    return _render(
        environment, ACTORS_LETTER_TEMPLATE, listing=listing, pages=pages, with_pages=with_pages
    )


def render_timeline(years: Sequence[TimelineYear], environment: jinja2.Environment) -> str:
    """Return the corpus timeline's first page: every year with a page of its events."""
    return _render(environment, TIMELINE_TEMPLATE, years=years)


def render_timeline_year(
    year: str,
    events: Sequence[CorpusEvent],
    neighbours: Neighbours,
    environment: jinja2.Environment,
) -> str:
    """Return one year of the corpus timeline, by month, linking the years before and after."""
    parts = [
        (period_heading(period), list(group))
        for period, group in itertools.groupby(events, key=lambda item: item.event.value[:7])
    ]
    return _render(
        environment,
        TIMELINE_YEAR_TEMPLATE,
        year=year,
        parts=parts,
        months=(),
        neighbours=neighbours,
    )


def render_timeline_months(
    year: str,
    months: Sequence[tuple[str, int]],
    neighbours: Neighbours,
    environment: jinja2.Environment,
) -> str:
    """Return a busy year of the corpus timeline: its months, each a page, with their counts.

    months: (period, events) for each month ("2015-06") and for the year-only events ("2015").
    """
    listed = [(page_name(period), period_heading(period), count) for period, count in months]
    return _render(
        environment,
        TIMELINE_YEAR_TEMPLATE,
        year=year,
        parts=(),
        months=listed,
        neighbours=neighbours,
    )


def render_timeline_month(
    period: str,
    events: Sequence[CorpusEvent],
    neighbours: Neighbours,
    environment: jinja2.Environment,
) -> str:
    """Return one month of a busy year of the corpus timeline, linking the months around it."""
    return _render(
        environment,
        TIMELINE_MONTH_TEMPLATE,
        year=period[:4],
        heading=period_heading(period),
        events=events,
        neighbours=[(page_name(p), period_heading(p)) if p else None for p in neighbours],
    )


def page_name(period: str) -> str:
    """The timeline page of a month ("2015-06") or of a busy year's year-only events ("2015-00")."""
    return period if len(period) > 4 else f"{period}-00"


def period_heading(period: str) -> str:
    """ "June 2024"; "2024 (month not given)" for events dated to the year only."""
    month = period[5:7]
    if not month.isdigit() or not 1 <= int(month) <= 12:
        return f"{period[:4]} (month not given)"
    return date_words(period[:7])


def newest_first(briefs: Sequence[Brief]) -> list[Brief]:
    """Order briefs by date, newest first; undated ones last, by title."""
    dated = sorted(
        (b for b in briefs if b.article.date),
        key=lambda b: (b.article.date, b.article.title.casefold(), b.article.slug),
        reverse=True,
    )
    undated = sorted(
        (b for b in briefs if not b.article.date),
        key=lambda b: (b.article.title.casefold(), b.article.slug),
    )
    return dated + undated


def front_matter(brief: Brief) -> str:
    """Return the brief's YAML front matter (without the --- fences)."""
    article = brief.article
    # Material for MkDocs puts title, description and tags into the page as HTML, unescaped.
    fields: dict[str, Any] = {
        "title": html_text(article.title),
        "description": html_text(brief.at_a_glance),
        "date": article.date.isoformat() if article.date else None,
        "source": article.source,
        "url": article.url,
        "author": article.author,
        "slug": article.slug,
        "article": article.path,
        "tags": [html_text(tag) for tag in brief.tags],
    }
    present = {key: value for key, value in fields.items() if value not in (None, [])}
    return dump_yaml(present).rstrip("\n")


def dump_yaml(mapping: dict[str, Any]) -> str:
    """Dump front matter the same way everywhere: keys in order, Unicode as is, one per line."""
    return yaml.safe_dump(
        mapping, sort_keys=False, allow_unicode=True, width=1_000_000, default_flow_style=False
    )


def _render(environment: jinja2.Environment, name: str, **values: Any) -> str:
    try:
        return environment.get_template(name).render(**values)
    except jinja2.TemplateNotFound as error:
        raise TemplateError(f"templates/{error.name}: template not found") from error
    except jinja2.TemplateSyntaxError as error:
        raise TemplateError(
            f"templates/{error.name or name}:{error.lineno}: {error.message}"
        ) from error
    except jinja2.UndefinedError as error:
        raise TemplateError(f"templates/{name}: {error.message}") from error
