"""Three-way merge of a brief: last generated text (base), the analyst's file, the new generation.

Where only one side changed a region, that change is taken. Where both changed the same region,
the analyst's text wins and the regenerated alternative is kept beside it in a collapsed
"Regenerated text" block (`generator.site.conflicts`), so a reviewer sees it and the page still
builds. The blocks already in the file are the generator's, not the analyst's: they are taken out
before the merge, the region each covers is merged against the text the analyst edited, and the
merge writes them again where a conflict remains (`generator.site.line_merge`). Front matter is
merged key by key with the same rule.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from generator.front_matter import (
    FrontMatterError,
    join_page,
    key_line,
    read_front_matter,
    split_page,
)
from generator.site.conflicts import Conflict, ConflictBlock, FoundBlock, split_blocks
from generator.site.line_merge import matching_lines, merge_lines
from generator.site.render import dump_yaml

FRONT_MATTER = "front matter"


@dataclass(frozen=True)
class MergeResult:
    """The merged text and where the analyst and the generator both changed the same place."""

    text: str
    conflicts: tuple[Conflict, ...]


def merge_brief(base: str, edited: str, generated: str) -> MergeResult:
    """Merge the analyst's edits to `base` with the generator's changes to it."""
    old, mine, theirs = split_page(base), split_page(edited), split_page(generated)
    meta, meta_sections = merge_front_matter(
        old.front_matter, mine.front_matter, theirs.front_matter
    )
    first_line = 1 if meta is None else meta.count("\n") + 3
    body, body_conflicts = merge_body(old.body, mine.body, theirs.body, first_line)
    text = join_page(meta, "".join(body))
    meta_conflicts = tuple(Conflict(section, _key_line(text, section)) for section in meta_sections)
    return MergeResult(text, meta_conflicts + body_conflicts)


def merge_body(
    base: str, edited: str, generated: str, first_line: int = 1
) -> tuple[list[str], tuple[Conflict, ...]]:
    """Merge the bodies of a page, its "Regenerated text" blocks derived again.

    first_line is the page line number of the body's first line, for the conflicts' lines.
    """
    analyst, blocks = split_blocks(edited.splitlines(keepends=True))
    edited_from, analyst = base_of_edits(base.splitlines(keepends=True), analyst, blocks)
    return merge_lines(edited_from, analyst, generated.splitlines(keepends=True), first_line)


def base_of_edits(
    base: list[str], analyst: list[str], blocks: list[FoundBlock]
) -> tuple[list[str], list[str]]:
    """The text the analyst edited, and their lines with the blocks that cannot be placed.

    Where a block awaits review, the analyst has not yet accepted what the generator wrote there
    since their edit: the base of that region is the text they edited (the block says which), so
    a generator that comes back to it changes nothing. A block whose suggestion is no longer
    where the base has it, or that someone edited, stays in the analyst's text as it is.
    """
    to_base = matching_lines(analyst, base)
    replacements: list[tuple[int, int, ConflictBlock]] = []
    unplaced: list[FoundBlock] = []
    # A suggestion is found by its lines; one of nothing (the generator dropped the text) only
    # by the alignment, which may put it inside another's lines: those are placed first.
    for found in sorted(blocks, key=lambda found: found.block is None or not found.block.suggested):
        block = found.block
        start = None if block is None else _locate(block.suggested, base, to_base, found.position)
        if block is None or start is None:
            unplaced.append(found)
            continue
        end = start + len(block.suggested)
        inside = [taken for taken in replacements if taken[0] < end and start < taken[1]]
        if inside and block.suggested:
            unplaced.append(found)
            continue
        if inside:
            start = end = inside[0][1]
        replacements.append((start, end, block))
    edited_from = list(base)
    for start, end, block in sorted(replacements, key=lambda item: item[:2], reverse=True):
        edited_from[start:end] = block.edited_from
    kept = list(analyst)
    for found in sorted(unplaced, key=lambda found: found.position, reverse=True):
        kept[found.position : found.position] = found.lines
    return edited_from, kept


def _locate(
    suggested: tuple[str, ...], base: list[str], to_base: dict[int, int], position: int
) -> int | None:
    """Where in base the generator wrote a block's suggestion: the place nearest the block's."""
    after = next((to_base[i] for i in sorted(to_base) if i >= position), len(base))
    if not suggested:
        return after
    size = len(suggested)
    starts = [
        start
        for start in range(len(base) - size + 1)
        if base[start] == suggested[0] and tuple(base[start : start + size]) == suggested
    ]
    return min(starts, key=lambda start: (abs(start + size - after), start), default=None)


def _key_line(text: str, section: str) -> int:
    """The line of a front matter key named in a conflict (1 for the front matter as a whole)."""
    key = section.removeprefix(f"{FRONT_MATTER}: ")
    front_matter = split_page(text).front_matter
    if key == section or front_matter is None:
        return 1
    # The page's first line opens the front matter: its keys start on the second.
    return key_line(["---", *front_matter.split("\n")], key) or 1


def merge_front_matter(
    base: str | None, edited: str | None, generated: str | None
) -> tuple[str | None, tuple[str, ...]]:
    """Merge front matter key by key; an unreadable edited front matter is kept as it is."""
    if edited == generated or base == generated:
        return edited, ()
    if base == edited:
        return generated, ()
    mappings = [_mapping(text) for text in (base, edited, generated)]
    if any(mapping is None for mapping in mappings):
        return edited, (FRONT_MATTER,)
    base_map, edited_map, new_map = (m or {} for m in mappings)
    merged: dict[str, Any] = {}
    conflicts: list[str] = []
    for key in _ordered_keys(edited_map, new_map, base_map):
        value, conflict = _merge_value(key, base_map, edited_map, new_map)
        if value is not _ABSENT:
            merged[key] = value
        if conflict:
            conflicts.append(f"{FRONT_MATTER}: {key}")
    return dump_yaml(merged), tuple(conflicts)


_ABSENT = object()


def _merge_value(
    key: str, base: dict[str, Any], edited: dict[str, Any], generated: dict[str, Any]
) -> tuple[Any, bool]:
    old, mine, theirs = (m.get(key, _ABSENT) for m in (base, edited, generated))
    if mine == theirs or theirs == old:
        return mine, False
    if mine == old:
        return theirs, False
    return mine, True


def _ordered_keys(*mappings: dict[str, Any]) -> list[str]:
    return list(dict.fromkeys(key for mapping in mappings for key in mapping))


def _mapping(text: str | None) -> dict[str, Any] | None:
    try:
        return read_front_matter(text)
    except FrontMatterError:
        return None
