"""The "Regenerated text" block: how a conflict is written into a brief and read back from it.

An unresolved conflict is state in the brief itself, not in any cache: the analyst's text stays
in place, followed by a collapsed block that holds, as Markdown source in fences, what the
generator now writes there and what it wrote when the analyst edited that text. `briefs check`
finds the blocks; the next merge reads them back and derives them again, so a block goes away
once the generator returns to the analyst's text or to the text they edited, and a later change
replaces it instead of stacking another (issue #23).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

CONFLICT_TITLE = "Regenerated text"
MARKER_LINE = re.compile(r'^([ \t]*)\?\?\? note "Regenerated text\b')
"""The first line of a block, after the indentation it shares with the analyst's text."""
TITLE = f'??? note "{CONFLICT_TITLE}: the generator\'s version of the text above"'
SUGGESTED_LABEL = "The generator now writes:"
EDITED_FROM_LABEL = "It wrote, when you edited this:"
NOTHING = "*Nothing: the generator no longer writes this.*"
FENCE = re.compile(r"^(`{3,})(markdown)?$")
CONTENT_INDENT = "    "
"""What a line inside an admonition is indented by, beyond the admonition's own indentation."""


@dataclass(frozen=True)
class Conflict:
    """A place the analyst and the generator both changed, where the analyst's text was kept."""

    section: str
    """The page's heading above it ("Key facts"), or "front matter: <key>"."""
    line: int
    """1-based line of the merged page where the analyst's kept text starts."""

    def __str__(self) -> str:
        return f"{self.section}, line {self.line}"


@dataclass(frozen=True)
class ConflictBlock:
    """The generator's alternative to a region of the analyst's text."""

    suggested: tuple[str, ...]
    """The lines the generator now writes there (none when it dropped them)."""
    edited_from: tuple[str, ...]
    """The lines it wrote there when the analyst changed them: their base for this region."""
    indent: str = ""
    """Where the block sits: the indentation of the text around it (inside an actor card, say)."""


@dataclass(frozen=True)
class FoundBlock:
    """A block as it stands in a page."""

    block: ConflictBlock | None
    """What it holds, or None when its contents were edited past reading."""
    lines: tuple[str, ...]
    """Its lines as written, with the blank line before it."""
    position: int
    """Index, among the page's other lines, of the line that follows it."""
    first_line: int
    """1-based line of its marker in the page."""
    section: str
    """The heading it sits under."""


def block_lines(block: ConflictBlock) -> list[str]:
    """The lines that show block after the analyst's text, a blank line before it."""
    inner = block.indent + CONTENT_INDENT
    lines = ["\n", f"{block.indent}{TITLE}\n", "\n"]
    lines += [f"{inner}{SUGGESTED_LABEL}\n", "\n"]
    lines += _fenced(block.suggested, inner) if block.suggested else [f"{inner}{NOTHING}\n"]
    lines += ["\n", f"{inner}{EDITED_FROM_LABEL}\n", "\n"]
    lines += _fenced(block.edited_from, inner)
    return [*lines, "\n"]


def _fenced(content: tuple[str, ...], inner: str) -> list[str]:
    """content, exactly as the page has it, in a Markdown code fence indented by inner."""
    longest = max((len(run) for line in content for run in re.findall("`+", line)), default=0)
    fence = "`" * max(3, longest + 1)
    body = [inner + line if line != "\n" else "\n" for line in content]
    if body and not body[-1].endswith("\n"):
        body[-1] += "\n"
    return [f"{inner}{fence}markdown\n", *body, f"{inner}{fence}\n"]


def placement_indent(region: list[str], following: list[str]) -> str:
    """The indentation of a block after region: that of the next text when it goes deeper.

    Below a list item whose text continues indented (an actor card), a block at the item's own
    indentation would end the item, and Markdown would read the rest of the card into the block.
    """
    own = shared_indent(region)
    next_line = next((line for line in following if line.strip()), None)
    if next_line is None:
        return own
    deeper = next_line[: len(next_line) - len(next_line.lstrip(" \t"))]
    return deeper if len(deeper) > len(own) else own


def shared_indent(lines: list[str]) -> str:
    """The indentation every non-blank line shares."""
    indents = [line[: len(line) - len(line.lstrip(" \t"))] for line in lines if line.strip()]
    if not indents:
        return ""
    shortest = min(indents, key=len)
    while not all(indent.startswith(shortest) for indent in indents):
        shortest = shortest[:-1]
    return shortest


def split_blocks(lines: list[str], first_line: int = 1) -> tuple[list[str], list[FoundBlock]]:
    """Take the blocks out of a page's lines: (the analyst's lines, the blocks found).

    first_line is the page line number of lines[0] (after the front matter, say).
    """
    kept: list[str] = []
    found: list[FoundBlock] = []
    section = "top of the page"
    index = 0
    while index < len(lines):
        line = lines[index]
        match = MARKER_LINE.match(line)
        if match is None:
            section = heading_of(line) or section
            kept.append(line)
            index += 1
            continue
        end, block = _read_block(lines, index, match.group(1))
        before = [kept.pop()] if kept and not kept[-1].strip() else []
        written = (*before, *lines[index:end])
        found.append(FoundBlock(block, written, len(kept), first_line + index, section))
        index = end
    return kept, found


def heading_of(line: str) -> str | None:
    """The title of a Markdown heading line of the page (not one inside a block)."""
    if line.startswith("#") and line.lstrip("#").startswith(" "):
        return line.lstrip("#").strip()
    return None


def _read_block(lines: list[str], marker: int, indent: str) -> tuple[int, ConflictBlock | None]:
    """(index after the block, what it holds) for the block whose marker is at lines[marker].

    A block as `block_lines` writes it ends after its second fence and one blank line. One that
    a person changed ends at the first text indented no deeper than its marker, and holds None.
    """
    inner = indent + CONTENT_INDENT
    cursor = _Cursor(lines, marker + 1, inner)
    if cursor.label(SUGGESTED_LABEL):
        suggested = () if cursor.label(NOTHING) else cursor.fence()
        if suggested is not None and cursor.label(EDITED_FROM_LABEL):
            edited_from = cursor.fence()
            if edited_from:
                end = cursor.index
                end += 1 if end < len(lines) and not lines[end].strip() else 0
                return end, ConflictBlock(suggested, edited_from, indent)
    return _indented_end(lines, marker, inner), None


@dataclass
class _Cursor:
    """Reads a block's parts in order, past the blank lines between them."""

    lines: list[str]
    index: int
    inner: str

    def _skip_blank(self) -> None:
        while self.index < len(self.lines) and not self.lines[self.index].strip():
            self.index += 1

    def label(self, text: str) -> bool:
        self._skip_blank()
        if self.index < len(self.lines) and self.lines[self.index] == f"{self.inner}{text}\n":
            self.index += 1
            return True
        return False

    def fence(self) -> tuple[str, ...] | None:
        """The lines of a fence, as they were before `_fenced`."""
        self._skip_blank()
        if self.index >= len(self.lines):
            return None
        opening = FENCE.match(self.lines[self.index].removeprefix(self.inner).rstrip("\n"))
        if opening is None or not self.lines[self.index].startswith(self.inner):
            return None
        closing = f"{self.inner}{opening.group(1)}\n"
        content: list[str] = []
        for index in range(self.index + 1, len(self.lines)):
            line = self.lines[index]
            if line == closing:
                self.index = index + 1
                return tuple(content)
            if line.startswith(self.inner):
                content.append(line.removeprefix(self.inner))
            elif not line.strip():
                content.append("\n")  # a blank line, or one an editor trimmed
            else:
                return None
        return None


def _indented_end(lines: list[str], marker: int, inner: str) -> int:
    """Index after an edited block: past its indented lines and one blank line."""
    last = marker
    for index in range(marker + 1, len(lines)):
        if not lines[index].strip():
            continue
        if not lines[index].startswith(inner):
            break
        last = index
    closing_blank = last + 1 < len(lines) and not lines[last + 1].strip()
    return last + 2 if closing_blank else last + 1
