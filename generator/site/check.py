"""`briefs check`: the briefs folder in, a list of problems out (front matter, links, articles,
conflicts awaiting review).

It reads only what is on disk, so it also checks briefs that people edited by hand, and it sees an
unresolved conflict whatever any cache holds: the "Regenerated text" block is in the brief.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import yaml

from generator.site.conflicts import CONFLICT_TITLE, FoundBlock, split_blocks
from generator.site.merge import split_page

# A Markdown link target; an escaped bracket ("\\](") is article text, not a link.
LINK = re.compile(r"(?<!\\)\]\(<?([^)\s>]+)>?\)")
TEXT_FIELDS = ("title", "description", "source", "url", "author", "slug", "article")
LIST_FIELDS = ("tags", "related_pin", "related_block")
LISTING_PAGES = ("index.md", "tags.md", "timeline.md")
AWAITING_REVIEW = (
    f'a "{CONFLICT_TITLE}" block awaits review: keep the wording you want and delete the block'
)


def check_briefs(briefs_dir: Path, content_dir: Path) -> list[str]:
    """Every problem found in the briefs folder, one message each, in file order."""
    problems: list[str] = []
    for page in sorted(briefs_dir.rglob("*.md")):
        relative = page.relative_to(briefs_dir)
        if any(part.startswith(".") for part in relative.parts):
            continue
        name = f"{briefs_dir.name}/{relative.as_posix()}"
        text = page.read_text(encoding="utf-8")
        meta = _front_matter(text, name, problems)
        if meta is not None and _is_brief(relative):
            problems += _schema_problems(meta, name, text)
            problems += _lost_article(meta, name, content_dir)
        problems += _broken_links(text, page, name)
        problems += [
            f"{name}:{block.first_line}: {block.section}: {AWAITING_REVIEW}"
            for block in conflict_blocks(text)
        ]
    return problems


def conflict_blocks(text: str) -> list[FoundBlock]:
    """The "Regenerated text" blocks of a page, each with its line and section."""
    front, body = split_page(text)
    first_line = 1 if front is None else front.count("\n") + 3
    return split_blocks(body.splitlines(keepends=True), first_line)[1]


def awaiting_review(briefs_dir: Path, names: Iterable[str]) -> dict[str, tuple[FoundBlock, ...]]:
    """The pages among names that hold "Regenerated text" blocks, with the blocks.

    A build asks only about pages that differ from their generated text: no other can hold one.
    """
    found = {}
    for name in names:
        try:
            text = (briefs_dir / name).read_text(encoding="utf-8")
        except (FileNotFoundError, UnicodeDecodeError):
            continue
        if CONFLICT_TITLE in text and (blocks := conflict_blocks(text)):
            found[name] = tuple(blocks)
    return found


def _is_brief(relative: Path) -> bool:
    return len(relative.parts) == 1 and relative.name not in LISTING_PAGES


def _front_matter(text: str, name: str, problems: list[str]) -> dict[str, Any] | None:
    front, _body = split_page(text)
    if front is None:
        return {}
    try:
        meta = yaml.safe_load(front)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = f":{mark.line + 2}" if mark is not None else ""
        problems.append(f"{name}{line}: front matter is not valid YAML")
        return None
    if meta is None:
        return {}
    if not isinstance(meta, dict):
        problems.append(f"{name}:2: front matter must be a mapping of keys to values")
        return None
    return meta


def _schema_problems(meta: dict[str, Any], name: str, text: str) -> list[str]:
    problems = []
    if not isinstance(meta.get("title"), str) or not meta["title"].strip():
        problems.append(f"{name}:{_line(text, 'title')}: front matter 'title' is required text")
    for key in TEXT_FIELDS:
        if meta.get(key) is not None and not isinstance(meta[key], str):
            problems.append(f"{name}:{_line(text, key)}: front matter '{key}': expected text")
    for key in LIST_FIELDS:
        value = meta.get(key)
        if value is not None and not (
            isinstance(value, list) and all(isinstance(item, str) for item in value)
        ):
            problems.append(
                f"{name}:{_line(text, key)}: front matter '{key}': expected a list of text"
            )
    date = meta.get("date")
    if date is not None and not _is_date(date):
        problems.append(
            f"{name}:{_line(text, 'date')}: front matter 'date': expected a date like "
            f"2024-05-01, got {date!r}"
        )
    return problems


def _is_date(value: Any) -> bool:
    if isinstance(value, dt.date):
        return True
    try:
        dt.date.fromisoformat(str(value))
    except ValueError:
        return False
    return True


def _lost_article(meta: dict[str, Any], name: str, content_dir: Path) -> list[str]:
    article = meta.get("article")
    if isinstance(article, str) and not (content_dir / article).is_file():
        return [f"{name}: its article {content_dir.name}/{article} is gone"]
    return []


def _broken_links(text: str, page: Path, name: str) -> list[str]:
    problems = []
    for number, line in enumerate(text.split("\n"), 1):
        for target in LINK.findall(line):
            if "://" in target or target.startswith(("#", "mailto:")):
                continue
            path = target.split("#", 1)[0]
            if path and not (page.parent / path).resolve().is_file():
                problems.append(f"{name}:{number}: broken link to {path}")
    return problems


def _line(text: str, key: str) -> int:
    """The line of a front matter key (1 when it is missing)."""
    for number, line in enumerate(text.split("\n"), 1):
        if line.startswith(f"{key}:"):
            return number
    return 1
