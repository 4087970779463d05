"""Three-way merge of a brief: last generated text (base), the analyst's file, the new generation.

Where only one side changed a region, that change is taken. Where both changed the same region,
the analyst's text wins and the regenerated alternative is kept beside it in a collapsed
"Regenerated text" block, so a reviewer sees it and the page still builds. Front matter is merged
key by key with the same rule.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from generator.front_matter import FrontMatterError, join_page, read_front_matter, split_page
from generator.site.render import dump_yaml

CONFLICT_TITLE = "Regenerated text"
CONFLICT_MARKER = f'??? note "{CONFLICT_TITLE}'
"""Start of the block that holds a generated alternative; `briefs build --check` looks for it."""


@dataclass(frozen=True)
class MergeResult:
    """The merged text and where the analyst and the generator both changed the same place."""

    text: str
    conflicts: tuple[str, ...]
    """Sections ("front matter: title", "Key facts") where the analyst's text was kept."""


def merge_brief(base: str, edited: str, generated: str) -> MergeResult:
    """Merge the analyst's edits to `base` with the generator's changes to it."""
    old, mine, theirs = split_page(base), split_page(edited), split_page(generated)
    meta, meta_conflicts = merge_front_matter(
        old.front_matter, mine.front_matter, theirs.front_matter
    )
    body, body_conflicts = merge_lines(
        old.body.splitlines(keepends=True),
        mine.body.splitlines(keepends=True),
        theirs.body.splitlines(keepends=True),
    )
    return MergeResult(join_page(meta, "".join(body)), meta_conflicts + body_conflicts)


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
        return edited, ("front matter",)
    base_map, edited_map, new_map = (m or {} for m in mappings)
    merged: dict[str, Any] = {}
    conflicts: list[str] = []
    for key in _ordered_keys(edited_map, new_map, base_map):
        value, conflict = _merge_value(key, base_map, edited_map, new_map)
        if value is not _ABSENT:
            merged[key] = value
        if conflict:
            conflicts.append(f"front matter: {key}")
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


def merge_lines(
    base: list[str], edited: list[str], generated: list[str]
) -> tuple[list[str], tuple[str, ...]]:
    """Merge line lists in the diff3 way; conflicting regions keep the analyst's lines."""
    merged: list[str] = []
    conflicts: list[str] = []
    for old, mine, theirs in _regions(base, edited, generated):
        if mine == theirs or theirs == old:
            merged.extend(mine)
        elif mine == old:
            merged.extend(theirs)
        elif not old:
            # Both sides added lines at the same place and neither removed anything: keep both.
            merged.extend(mine + theirs)
        elif (around := _surrounding(old, theirs)) is not None:
            # The generator only added lines next to text the analyst changed.
            merged.extend(around[0] + mine + around[1])
        elif (around := _surrounding(old, mine)) is not None:
            merged.extend(around[0] + theirs + around[1])
        elif (by_line := _merge_line_by_line(old, mine, theirs)) is not None:
            merged.extend(by_line)
        else:
            merged.extend(mine)
            merged.extend(_conflict_block(mine, theirs))
            conflicts.append(_section_of(merged))
    return merged, tuple(conflicts)


def _regions(
    base: list[str], edited: list[str], generated: list[str]
) -> Iterator[tuple[list[str], list[str], list[str]]]:
    """Yield (base, edited, generated) chunks between lines all three share."""
    to_edited = _line_map(base, edited)
    to_generated = _line_map(base, generated)
    base_at = edited_at = generated_at = 0
    for line in range(len(base)):
        if line not in to_edited or line not in to_generated:
            continue
        edited_line, generated_line = to_edited[line], to_generated[line]
        if edited_line < edited_at or generated_line < generated_at:
            continue
        yield (
            base[base_at:line],
            edited[edited_at:edited_line],
            generated[generated_at:generated_line],
        )
        yield [base[line]], [edited[edited_line]], [generated[generated_line]]
        base_at, edited_at, generated_at = line + 1, edited_line + 1, generated_line + 1
    yield base[base_at:], edited[edited_at:], generated[generated_at:]


@dataclass
class _LineChanges:
    """How one side changed each line of a region: None unchanged, a list its replacement."""

    lines: list[list[str] | None]
    inserted: dict[int, list[str]]
    """Lines added before old line i (i == len(old): at the end)."""
    grouped: set[int]
    """Old lines rewritten together with their neighbours (not line for line)."""


def _line_changes(old: list[str], new: list[str]) -> _LineChanges:
    changes = _LineChanges([None] * len(old), {}, set())
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "insert":
            changes.inserted[i1] = new[j1:j2]
        elif tag == "delete":
            for i in range(i1, i2):
                changes.lines[i] = []
        elif tag == "replace" and i2 - i1 == j2 - j1:
            for offset in range(i2 - i1):
                changes.lines[i1 + offset] = [new[j1 + offset]]
        elif tag == "replace":
            changes.lines[i1] = new[j1:j2]
            for i in range(i1 + 1, i2):
                changes.lines[i] = []
            changes.grouped |= set(range(i1, i2))
    return changes


def _merge_line_by_line(old: list[str], mine: list[str], theirs: list[str]) -> list[str] | None:
    """Merge a region whose sides changed different lines of it; None when they touch the same."""
    ours, others = _line_changes(old, mine), _line_changes(old, theirs)
    touched_ours = {i for i, line in enumerate(ours.lines) if line is not None}
    touched_others = {i for i, line in enumerate(others.lines) if line is not None}
    if ours.grouped & touched_others or others.grouped & touched_ours:
        return None
    merged: list[str] = []
    for index in range(len(old) + 1):
        added = ours.inserted.get(index, [])
        for line in others.inserted.get(index, []):
            if line not in added:
                added = [*added, line]
        merged.extend(added)
        if index == len(old):
            break
        mine_line, their_line = ours.lines[index], others.lines[index]
        if mine_line is not None and their_line is not None and mine_line != their_line:
            return None
        chosen = mine_line if mine_line is not None else their_line
        merged.extend(chosen if chosen is not None else [old[index]])
    return merged


def _surrounding(old: list[str], new: list[str]) -> tuple[list[str], list[str]] | None:
    """(before, after) when new is old with lines added only before and after it."""
    for start in range(len(new) - len(old) + 1):
        if new[start : start + len(old)] == old:
            return new[:start], new[start + len(old) :]
    return None


def _line_map(first: list[str], second: list[str]) -> dict[int, int]:
    """Map each line of first to its matching line in second, by a longest-match diff."""
    matcher = difflib.SequenceMatcher(None, first, second, autojunk=False)
    return {
        block.a + offset: block.b + offset
        for block in matcher.get_matching_blocks()
        for offset in range(block.size)
    }


def _conflict_block(mine: list[str], theirs: list[str]) -> list[str]:
    """The generated alternative in a collapsed admonition, indented like the analyst's text."""
    sample = next((line for line in mine + theirs if line.strip()), "")
    indent = sample[: len(sample) - len(sample.lstrip())]
    body = [f"{indent}    {line.rstrip()}\n" if line.strip() else "\n" for line in theirs]
    ending = [] if not mine or mine[-1].endswith("\n") else ["\n"]
    return [
        *ending,
        "\n",
        f'{indent}{CONFLICT_MARKER} (the generator now suggests this; your edit was kept)"\n',
        "\n",
        *body,
        "\n",
    ]


def _section_of(merged: list[str]) -> str:
    """The heading under which a conflict sits, for the report."""
    for line in reversed(merged):
        if line.startswith("## ") or line.startswith("# "):
            return line.lstrip("# ").strip()
    return "top of the page"


def has_conflict_block(text: str) -> bool:
    """True when a brief still holds a regenerated alternative for a reviewer to settle."""
    return CONFLICT_MARKER in text
