"""`briefs check`: the briefs folder in, a list of problems out (front matter, links, articles,
conflicts awaiting review).

It reads only what is on disk, so it also checks briefs that people edited by hand, and it sees an
unresolved conflict whatever any cache holds: the "Regenerated text" block is in the brief.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from generator.front_matter import (
    FIELDS,
    FrontMatterError,
    key_line,
    read_fields,
    read_front_matter,
    split_page,
)
from generator.site.conflicts import CONFLICT_TITLE, FoundBlock, split_blocks

# A Markdown link target; an escaped bracket ("\\](") is article text, not a link.
LINK = re.compile(r"(?<!\\)\]\(<?([^)\s>]+)>?\)")
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
    page = split_page(text)
    return split_blocks(page.body.splitlines(keepends=True), page.body_line)[1]


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
    try:
        return read_front_matter(split_page(text).front_matter)
    except FrontMatterError as error:
        problems.append(f"{name}:{error.line}: {error.message}")
        return None


def _schema_problems(meta: dict[str, Any], name: str, text: str) -> list[str]:
    lines = text.split("\n")
    problems = []
    if not isinstance(meta.get("title"), str) or not meta["title"].strip():
        line = key_line(lines, "title") or 1
        problems.append(f"{name}:{line}: front matter 'title' is required text")
    _, wrong = read_fields(meta, FIELDS, lines)
    problems += [f"{name}:{problem.line or 1}: {problem.message}" for problem in wrong]
    return problems


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
