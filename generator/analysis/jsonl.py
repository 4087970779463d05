"""`briefs analyse`: articles as JSON Lines in, one JSON line of analysis per article out.

For other tools and for benchmarks; it runs the same analysis as `briefs build`.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from collections.abc import Iterable, Iterator
from typing import Any

from generator.analysis.analyse import analyse_articles
from generator.analysis.gazetteer import load_gazetteer
from generator.analysis.language import load_model
from generator.corpus.corpus_actors import settle_corpus_actors
from generator.corpus.relate import relate_briefs
from generator.errors import ContentError
from generator.ingest.article_file import make_slug
from generator.ingest.clean import clean_text, without_title
from generator.models import Article, Brief

OPTIONAL_TEXT_FIELDS = ("title", "source", "url")


def read_jsonl_articles(
    lines: Iterable[str], source_name: str, errors: list[str]
) -> Iterator[Article]:
    """Yield an Article per valid line; record an error naming the line for each invalid one."""
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            yield article_from_record(json.loads(line), source_name, number)
        except json.JSONDecodeError as error:
            errors.append(f"{source_name}:{number}: not valid JSON: {error.msg}")
        except ContentError as error:
            errors.append(str(error))


def article_from_record(record: Any, source_name: str, line: int) -> Article:
    """Build an Article from one JSON record with at least "id" and "text"."""
    if not isinstance(record, dict):
        raise ContentError(source_name, "expected a JSON object with 'id' and 'text'", line)
    for key in ("id", "text"):
        if key not in record:
            raise ContentError(source_name, f"missing required field '{key}'", line)
    if not isinstance(record["text"], str) or not record["text"].strip():
        raise ContentError(source_name, "'text' must be a non-empty string", line)
    for key in OPTIONAL_TEXT_FIELDS:
        if record.get(key) is not None and not isinstance(record[key], str):
            raise ContentError(source_name, f"'{key}' must be a string", line)
    title = record.get("title") or ""
    paragraphs = [p for p in clean_text(record["text"]).split("\n") if p]
    identifier = str(record["id"])
    return Article(
        path=identifier,
        slug=make_slug(identifier, fallback="article"),
        title=title,
        paragraphs=tuple(without_title(paragraphs, title)),
        date=_date(record.get("date"), source_name, line),
        source=record.get("source"),
        url=record.get("url"),
    )


def _date(value: Any, source_name: str, line: int) -> dt.date | None:
    if value in (None, ""):
        return None
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        raise ContentError(
            source_name, f"'date': expected a date like 2024-05-01, got {value!r}", line
        ) from None


def analyse_lines(
    lines: Iterable[str],
    source_name: str,
    model_name: str | None,
    errors: list[str],
    dask_address: str | None = None,
) -> Iterator[str]:
    """Yield one JSON line of analysis for each article line (analysed on the Dask cluster at
    dask_address, if given)."""
    articles = list(read_jsonl_articles(lines, source_name, errors))
    if dask_address:
        from generator.analysis.cluster import analyse_on_cluster  # Dask only when asked for

        placed = analyse_on_cluster(articles, None, model_name, dask_address, errors)
        analysed = [brief for _, brief in sorted(placed, key=lambda placed: placed[0])]
    else:
        nlp, gazetteer = load_model(model_name), load_gazetteer()
        analysed = list(analyse_articles(articles, nlp, gazetteer, errors=errors))
    # Related reading needs every article of the file before any line is written.
    briefs = settle_corpus_actors(relate_briefs(analysed))
    id_of = {brief.article.slug: brief.article.path for brief in briefs}
    for brief in briefs:
        yield json.dumps(brief_record(brief, id_of), ensure_ascii=False, sort_keys=False)


def brief_record(brief: Brief, id_of: dict[str, str]) -> dict[str, Any]:
    """Return everything a brief holds as plain JSON values."""
    return {
        "id": brief.article.path,
        "title": brief.article.title,
        "at_a_glance": brief.at_a_glance,
        "why_it_matters": brief.why_it_matters,
        "key_facts": [fact.text for fact in brief.key_facts],
        "actors": [dataclasses.asdict(actor) for actor in brief.actors],
        "timeline": [dataclasses.asdict(event) for event in brief.timeline],
        # Every quote found, as the quotes benchmark measures them; the page shows a selection.
        "quotes": [dataclasses.asdict(quote) for quote in brief.quotes_found or brief.quotes],
        "tags": list(brief.tags),
        "related": [id_of.get(link.slug or "", link.title) for link in brief.related],
    }
