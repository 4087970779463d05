"""Three-way merge of line lists (diff3): base, the analyst's lines, the generator's lines in;
merged lines with a "Regenerated text" block after each conflict, and the conflicts, out.

Regions between lines all three versions share are merged on their own: a change on one side is
taken; changes on both sides are merged line for line where they touch different lines, and
otherwise the analyst's lines are kept and the generator's shown in a block after them. A line
both sides wrote is written once, even when the analyst holds it at another place.
"""

from __future__ import annotations

import difflib
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

from generator.site.conflicts import (
    Conflict,
    ConflictBlock,
    block_lines,
    heading_of,
    placement_indent,
)


def merge_lines(
    base: list[str], edited: list[str], generated: list[str], first_line: int = 1
) -> tuple[list[str], tuple[Conflict, ...]]:
    """Merge line lists in the diff3 way; conflicting regions keep the analyst's lines.

    A line both sides wrote is written once. first_line numbers the lines for the conflicts.
    """
    held = _held_elsewhere(base, edited, generated)
    merged, clashes = _merge_pieces(base, edited, generated, held)
    # A line the analyst moved far from where the base had it is matched by no diff: were the
    # generator's copy written too, in the page or in a block, merge again without that copy.
    if doubled := _doubled(merged, clashes, edited, generated):
        merged, clashes = _merge_pieces(base, edited, generated, held, doubled)
    return _with_blocks(merged, clashes, first_line)


def _merge_pieces(
    base: list[str],
    edited: list[str],
    generated: list[str],
    held: frozenset[str],
    doubled: frozenset[str] = frozenset(),
) -> tuple[list[str], list[tuple[int, _Clash]]]:
    """The merged lines, and each clash with the place after its analyst's lines.

    The generator's lines in held are not written where the region's base did not have them,
    nor those in doubled anywhere: the analyst holds them already.
    """
    merged: list[str] = []
    clashes: list[tuple[int, _Clash]] = []
    shared_since_clash = False
    """Whether every line since the last clash is one all three versions share."""
    for old, mine, theirs in _regions(base, edited, generated):
        dropped = doubled | (held - set(old)) if held else doubled
        for piece in _merge_region(old, mine, theirs, dropped):
            if not isinstance(piece, _Clash):
                merged.extend(piece)
                shared_since_clash &= old == mine == theirs
                continue
            between = merged[clashes[-1][0] :] if clashes else []
            if shared_since_clash and not any(line.strip() for line in between):
                # Only shared blank lines since the last clash: one block for both.
                position, last = clashes.pop()
                del merged[position - len(last.mine) :]
                piece = _Clash(
                    last.old + between + piece.old,
                    last.mine + between + piece.mine,
                    last.theirs + between + piece.theirs,
                )
            merged.extend(piece.mine)
            clashes.append((len(merged), piece))
            shared_since_clash = True
    return merged, clashes


def _doubled(
    merged: list[str], clashes: list[tuple[int, _Clash]], edited: list[str], generated: list[str]
) -> frozenset[str]:
    """Lines the generator writes once that merged holds, with its blocks, more than either side."""
    once = {line for line, count in Counter(generated).items() if count == 1 and line.strip()}
    suggested = [line for _, clash in clashes for line in clash.theirs]
    in_merged = Counter(line for line in merged + suggested if line in once)
    in_edited = Counter(line for line in edited if line in in_merged)
    return frozenset(line for line, count in in_merged.items() if count > max(in_edited[line], 1))


def _with_blocks(
    merged: list[str], clashes: list[tuple[int, _Clash]], first_line: int
) -> tuple[list[str], tuple[Conflict, ...]]:
    """The merged lines with a block after each clash's lines; the conflicts, by page line."""
    page: list[str] = []
    conflicts: list[Conflict] = []
    done = 0
    for position, clash in clashes:
        page.extend(merged[done:position])
        done = position
        if page and not page[-1].endswith("\n"):
            page[-1] += "\n"
        start = len(page) - len(clash.mine)
        line = first_line + (start if clash.mine else len(page) + 1)
        conflicts.append(Conflict(_section_of(page[:start]), line))
        indent = placement_indent(clash.old + clash.mine + clash.theirs, merged[position:])
        page.extend(block_lines(ConflictBlock(tuple(clash.theirs), tuple(clash.old), indent)))
    page.extend(merged[done:])
    return page, tuple(conflicts)


def _merge_region(
    old: list[str], mine: list[str], theirs: list[str], dropped: frozenset[str] = frozenset()
) -> list[list[str] | _Clash]:
    """The merged lines of one region between lines all three share, and its clashes.

    The generator's lines in dropped are not written (the analyst holds them elsewhere), and
    the analyst's text counts as holding them; a regenerated alternative still shows them.
    """
    if mine == theirs or theirs == old:
        return [mine]
    shown = [line for line in theirs if line not in dropped]
    if mine == old:
        return [shown]
    if not old:
        # Both sides added lines at the same place and neither removed anything: keep both.
        return [mine + _new_lines(shown, mine)]
    if _has_all(old, mine, theirs, dropped):
        # The generator came to text the analyst already has, here or elsewhere.
        return [mine]
    if (around := _surrounding(old, theirs)) is not None:
        # The generator only added lines next to text the analyst changed.
        before, after = ([line for line in part if line not in dropped] for part in around)
        return [_new_lines(before, mine) + mine + _new_lines(after, mine + before)]
    if (around := _surrounding(old, mine)) is not None:
        before, after = around
        return [before + _new_lines(shown, before + after) + after]
    by_line = _merge_line_by_line(old, mine, theirs, dropped)
    return by_line if by_line is not None else [_Clash(old, mine, theirs)]


def _held_elsewhere(base: list[str], edited: list[str], generated: list[str]) -> frozenset[str]:
    """Lines the generator writes once that the analyst already holds more often than the base.

    The analyst took such a line from a regenerated alternative, or kept it from an earlier
    generation, maybe at another place: written again where the generator puts it, the page
    would say the same thing twice.
    """
    once = {line for line, count in Counter(generated).items() if count == 1 and line.strip()}
    in_edited = Counter(line for line in edited if line in once)
    if not in_edited:
        return frozenset()
    in_base = Counter(line for line in base if line in in_edited)
    return frozenset(line for line, count in in_edited.items() if count > in_base[line])


def _has_all(
    old: list[str], mine: list[str], theirs: list[str], held: frozenset[str] = frozenset()
) -> bool:
    """Whether the generator came to the analyst's text: theirs writes something, the analyst
    holds every line of it (in mine or, for held lines, elsewhere), and mine keeps no line the
    generator dropped."""
    written = Counter(line for line in theirs if line.strip())
    have = Counter(line for line in mine if line.strip())
    if not written or any(have[line] < n for line, n in written.items() if line not in held):
        return False
    dropped = Counter(line for line in old if line.strip()) - written
    return all(have[line] <= written[line] for line in dropped)


def _new_lines(lines: list[str], already: list[str]) -> list[str]:
    """lines without those already holds, and without blank lines left with nothing to part."""
    have = Counter(line for line in already if line.strip())
    kept: list[str] = []
    blanks: list[str] = []
    for line in lines:
        if not line.strip():
            blanks.append(line)
        elif have[line] > 0:
            have[line] -= 1
            blanks = []
        else:
            kept += [*blanks, line]
            blanks = []
    return kept + (blanks if kept else [])


def _regions(
    base: list[str], edited: list[str], generated: list[str]
) -> Iterator[tuple[list[str], list[str], list[str]]]:
    """Yield (base, edited, generated) chunks between lines all three share."""
    to_edited = matching_lines(base, edited)
    to_generated = matching_lines(base, generated)
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


@dataclass(frozen=True)
class _Clash:
    """Lines both sides changed differently: the base's, the analyst's and the generator's."""

    old: list[str]
    mine: list[str]
    theirs: list[str]


def _merge_line_by_line(
    old: list[str], mine: list[str], theirs: list[str], dropped: frozenset[str] = frozenset()
) -> list[list[str] | _Clash] | None:
    """Merge a region line for line: merged lines, and a clash for each run of lines both sides
    changed differently. None when one side rewrote lines together that the other touched.

    The generator's lines in dropped are left out but from clashes (`_merge_region`)."""
    ours, others = _line_changes(old, mine), _line_changes(old, theirs)
    touched_ours = {i for i, line in enumerate(ours.lines) if line is not None}
    touched_others = {i for i, line in enumerate(others.lines) if line is not None}
    if ours.grouped & touched_others or others.grouped & touched_ours:
        return None
    pieces: list[list[str] | _Clash] = []
    run: int | None = None
    """Index in pieces of the clash that the next clash joins, when only empty pieces follow it."""
    gap: tuple[list[str], list[str], list[str]] = ([], [], [])
    for index in range(len(old) + 1):
        added = ours.inserted.get(index, [])
        inserted = [line for line in others.inserted.get(index, []) if line not in dropped]
        added = added + _new_lines(inserted, added)
        if added:
            pieces.append(added)
            run = None
        if index == len(old):
            break
        mine_line, their_line = ours.lines[index], others.lines[index]
        mine_part = mine_line if mine_line is not None else [old[index]]
        their_part = their_line if their_line is not None else [old[index]]
        if (
            mine_line is not None
            and their_line is not None
            and mine_line != their_line
            and not _has_all([old[index]], mine_line, their_line, dropped)
        ):
            if run is None:
                pieces.append(_Clash([old[index]], mine_line, their_line))
                run = len(pieces) - 1
            else:  # one block for a run of lines, the lines that merged to nothing included
                last = pieces[run]
                assert isinstance(last, _Clash)
                pieces[run + 1 :] = []
                pieces[run] = _Clash(
                    [*last.old, *gap[0], old[index]],
                    last.mine + gap[1] + mine_line,
                    last.theirs + gap[2] + their_line,
                )
            gap = ([], [], [])
            continue
        if mine_line is not None:
            output = mine_line
        elif their_line is not None:
            output = [line for line in their_line if line not in dropped]
        else:
            output = [old[index]]
        pieces.append(output)
        if output:
            run = None
        elif run is not None:
            gap = (gap[0] + [old[index]], gap[1] + mine_part, gap[2] + their_part)
    return pieces


def _surrounding(old: list[str], new: list[str]) -> tuple[list[str], list[str]] | None:
    """(before, after) when new is old with lines added only before and after it."""
    for start in range(len(new) - len(old) + 1):
        if new[start : start + len(old)] == old:
            return new[:start], new[start + len(old) :]
    return None


def _section_of(merged: list[str]) -> str:
    """The heading under which a conflict sits, for the report."""
    for line in reversed(merged):
        if (heading := heading_of(line)) is not None:
            return heading
    return "top of the page"


def matching_lines(first: list[str], second: list[str]) -> dict[int, int]:
    """Map each line of first to its matching line in second, by a longest-match diff."""
    matcher = difflib.SequenceMatcher(None, first, second, autojunk=False)
    return {
        block.a + offset: block.b + offset
        for block in matcher.get_matching_blocks()
        for offset in range(block.size)
    }
