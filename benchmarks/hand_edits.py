"""Hand edits over many rebuilds: a seeded random walk of edits, article changes and reverts.

Each cycle may edit the brief as an analyst would (reword a line, add a note, delete a line,
settle a "Regenerated text" block by deleting it or by taking its suggestion in place of the line
above it) and may change the article (a fact reworded,
added or dropped, or the whole article reverted to an earlier version); then it rebuilds the brief
exactly as `briefs build` decides for an existing brief (`generator.site.write.plan_text`). A model
of the generator renders the article as a brief: front matter, at a glance, key facts, actor
cards, a timeline, with the repeated lines a real brief has ("    ---", blank lines, "Mentions").

After every rebuild it counts:
- lost analyst lines: lines the analyst wrote and still wants that the brief no longer holds;
- duplicated lines: a line the analyst wrote that the brief holds twice, or a line the generator
  writes once at most (not "    ---", say) that it holds more often than both the analyst's text
  and the generation did;
- unreported conflicts: a line the generator wrote that is neither in the brief nor in a block,
  a line it dropped that the analyst left alone and the brief still holds with no block saying
  so, or a block the rebuild wrote without reporting a conflict;
- stale blocks: a block that suggests what the generator no longer writes, what the analyst already
  has or what they started from, or that cannot be read;
- stacked blocks: a block right after another about the same text (the same suggestion or the
  same text edited), with no text of the analyst between them.
Targets: 0 / 0 / 0, and no stale or stacked block.

`python -m benchmarks.hand_edits` runs 1,000 cycles and writes its section of
`benchmarks/RESULTS.md`; `tests/test_hand_edits_property.py` runs a few hundred in the test suite.
"""

from __future__ import annotations

import argparse
import itertools
import random
import re
import subprocess
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from benchmarks.common import REPO_ROOT, Options, Section, Target
from generator.front_matter import split_page
from generator.site.conflicts import MARKER_LINE, FoundBlock, split_blocks
from generator.site.line_merge import matching_lines
from generator.site.merge import FRONT_MATTER, base_of_edits
from generator.site.write import WriteOutcome, plan_text

CYCLES = 1000
SEED = 23
RESULTS = REPO_ROOT / "benchmarks" / "RESULTS.md"
SECTION_TITLE = "Hand edits"


@dataclass(frozen=True)
class Story:
    """The model's article: its facts in order, each a number and a version of its wording."""

    facts: tuple[tuple[int, int], ...]


def render(story: Story) -> str:
    """The model's brief of a story, shaped like a real one."""
    facts = [f"Fact {number}, version {version}" for number, version in story.facts]
    lines = ["---", "title: Story", f"description: {facts[0]}.", "---", "", "# Story", ""]
    lines += ['!!! abstract "At a glance"', "", f"    {facts[0]}.", "", "## Key facts", ""]
    lines += [f"- {fact}." for fact in facts]
    lines += ["", "## Actors", "", '<div class="grid cards" markdown>', ""]
    for (number, version), fact in zip(story.facts, facts, strict=True):
        if number % 2 == 0:
            lines += [f"-   **Actor {number}** · person", "", "    ---", ""]
            lines += [f"    **Role:** role {number}, version {version}<br>", "    **Mentions:** 1"]
            lines += ["", "    **Said or did:**", "", f"    - {fact}", ""]
    lines += ["</div>", "", "## Timeline", ""]
    lines += [f"- **Day {n}**: {fact}." for (n, _), fact in zip(story.facts, facts, strict=True)]
    lines += ["", "## Source", "", "From `story.md`"]
    return "\n".join(lines) + "\n"


class ArticleWriter(Protocol):
    """What the walk needs of an article: its first brief, then the brief after each change."""

    def start(self) -> str: ...

    def change(self) -> str: ...


@dataclass
class StoryWriter:
    """Changes the model's article at random, and now and then reverts it to an earlier one."""

    rng: random.Random
    story: Story = Story(((1, 1), (2, 1), (3, 1), (4, 1), (6, 1)))
    history: list[Story] = field(default_factory=list)
    counter: int = 100

    def start(self) -> str:
        self.history.append(self.story)
        return render(self.story)

    def change(self) -> str:
        facts = list(self.story.facts)
        self.counter += 1
        action = self.rng.choice(["reword", "reword", "add", "drop", "revert"])
        if action == "revert":
            self.story = self.rng.choice(self.history)
            return render(self.story)
        index = self.rng.randrange(len(facts))
        if action == "reword":
            facts[index] = (facts[index][0], self.counter)
        elif action == "add":
            facts.insert(index, (self.counter, 1))
        elif len(facts) > 2:
            del facts[index]
        self.story = Story(tuple(facts))
        self.history.append(self.story)
        return render(self.story)


@dataclass
class Tally:
    """What the walk counted."""

    cycles: int = 0
    rebuilds_merged: int = 0
    conflicts_reported: int = 0
    blocks_settled: int = 0
    reverts_cleared: int = 0
    """Rebuilds after which a block went away with no one deleting it."""
    lost: int = 0
    duplicated: int = 0
    unreported: int = 0
    stale: int = 0
    stacked: int = 0
    examples: list[str] = field(default_factory=list)

    def failed(self, kind: str, cycle: int, detail: str) -> None:
        setattr(self, kind, getattr(self, kind) + 1)
        if len(self.examples) < 10:
            self.examples.append(f"cycle {cycle}: {kind}: {detail}")

    @property
    def is_clean(self) -> bool:
        return not (self.lost or self.duplicated or self.unreported or self.stale or self.stacked)


@dataclass
class Analyst:
    """Edits the brief at random, remembering every line they wrote and still want."""

    rng: random.Random
    wanted: set[str] = field(default_factory=set)
    adopted: set[str] = field(default_factory=set)
    """The generator's lines the analyst copied out of blocks: theirs to place, not its."""
    counter: int = 0

    def edit(self, text: str, tally: Tally) -> str:
        lines = text.splitlines(keepends=True)
        editable = [i for i in outside_blocks(lines) if lines[i].strip() and i > body_start(lines)]
        blocks = block_spans(lines)
        self.counter += 1
        action = self.rng.choice(["reword", "reword", "note", "delete", "settle", "adopt"])
        if action in ("settle", "adopt") and blocks:
            which = self.rng.randrange(len(blocks))
            start, end = blocks[which]
            suggested = blocks_of("".join(lines))[which].block
            del lines[start:end]
            above = max((i for i in editable if i < start), default=None)
            if action == "adopt" and suggested and suggested.suggested and above is not None:
                # The generator's lines, taken as they are, are no longer the analyst's own.
                self.wanted.discard(lines[above])
                lines[above : above + 1] = suggested.suggested
                self.adopted |= set(suggested.suggested)
            tally.blocks_settled += 1
        elif action == "note" or not editable:
            at = self.rng.choice(editable or [len(lines) - 1]) + 1
            note = f"Analyst note {self.counter}.\n"
            lines[at:at] = ["\n", note]
            self.wanted.add(note)
        elif action == "delete":
            at = self.rng.choice(editable)
            self.wanted.discard(lines.pop(at))
        else:
            at = self.rng.choice(editable)
            self.wanted.discard(lines[at])
            lines[at] = f"{line_prefix(lines[at])}Analyst wording {self.counter}.\n"
            self.wanted.add(lines[at])
        return "".join(lines)


def line_prefix(line: str) -> str:
    """The indentation and list marker a reworded line keeps."""
    match = re.match(r"^\s*(?:[-*]\s+)?", line)
    return match.group(0) if match else ""


def body_start(lines: list[str]) -> int:
    """Index of the front matter's closing line (the analyst edits below it)."""
    return lines.index("---\n", 1) if lines and lines[0] == "---\n" else -1


def block_spans(lines: list[str]) -> list[tuple[int, int]]:
    """Where each block's lines are, the blank line before it included."""
    _, found = split_blocks(lines)
    spans = []
    for block in found:
        before = 0 if MARKER_LINE.match(block.lines[0]) else 1
        start = block.first_line - 1 - before
        spans.append((start, start + len(block.lines)))
    return spans


def outside_blocks(lines: list[str]) -> list[int]:
    inside = {i for start, end in block_spans(lines) for i in range(start, end)}
    return [i for i in range(len(lines)) if i not in inside]


def blocks_of(text: str) -> list[FoundBlock]:
    return split_blocks(text.splitlines(keepends=True))[1]


def walk(
    cycles: int, seed: int, writer: Callable[[random.Random], ArticleWriter] = StoryWriter
) -> Tally:
    """Run cycles of edits, changes and rebuilds; count what went wrong."""
    rng = random.Random(seed)
    story, analyst, tally = writer(rng), Analyst(rng), Tally()
    base = current = story.start()
    for cycle in range(1, cycles + 1):
        tally.cycles += 1
        for _ in range(rng.choice([0, 1, 1, 2])):
            current = analyst.edit(current, tally)
        generated = story.change() if rng.random() < 0.7 else base
        before, base_before = current, base
        result, brief_text, base_text = plan_text(current, base, generated)
        current = brief_text if brief_text is not None else current
        base = base_text if base_text is not None else base
        if result.outcome in (WriteOutcome.MERGED, WriteOutcome.CONFLICT):
            tally.rebuilds_merged += 1
        body_conflicts = [c for c in result.conflicts if not c.section.startswith(FRONT_MATTER)]
        tally.conflicts_reported += len(body_conflicts)
        rebuild = Rebuild(cycle, before, base_before, generated, current, len(body_conflicts))
        judge(rebuild, analyst, tally)
    return tally


@dataclass(frozen=True)
class Rebuild:
    """One rebuild of the walk: the brief and its base before, the generation, the brief after."""

    cycle: int
    before: str
    base: str
    generated: str
    after: str
    reported: int
    """Conflicts the rebuild reported in the body."""


def judge(rebuild: Rebuild, analyst: Analyst, tally: Tally) -> None:
    """Count what a rebuild lost, doubled, hid or left stale; a lost line is counted once."""
    cycle, before, after, wanted = rebuild.cycle, rebuild.before, rebuild.after, analyst.wanted
    lines = after.splitlines(keepends=True)
    analyst_text, blocks = split_blocks(lines)
    held = Counter(analyst_text)
    for line in sorted(wanted):
        if held[line] == 0:
            tally.failed("lost", cycle, line.strip())
            wanted.discard(line)
    had = Counter(split_blocks(before.splitlines(keepends=True))[0])
    written = Counter(rebuild.generated.splitlines(keepends=True))
    for line, count in sorted(held.items()):
        distinctive = written[line] <= 1 and line.strip()
        if distinctive and count > max(had[line], written[line], 1 if line in wanted else 0):
            tally.failed("duplicated", cycle, line.strip())
    if after != before and len(blocks) != rebuild.reported:
        tally.failed(
            "unreported", cycle, f"{len(blocks)} blocks, {rebuild.reported} conflicts reported"
        )
    for line in _generator_news(before, rebuild.base, rebuild.generated, after):
        tally.failed("unreported", cycle, f"the generator's {line.strip()!r} is nowhere")
    for line in _generator_drops(before, rebuild.base, rebuild.generated, after) - analyst.adopted:
        tally.failed("unreported", cycle, f"the generator dropped {line.strip()!r}; it stayed")
    if after == before:
        return  # the blocks, if any, were judged when they were written
    generated_lines = rebuild.generated.splitlines(keepends=True)
    for found in blocks:
        if (problem := _stale(found, generated_lines, analyst_text)) is not None:
            tally.failed("stale", cycle, problem)
    for first, second in itertools.pairwise(blocks):
        between = analyst_text[first.position : second.position]
        same_text = (
            first.block is None
            or second.block is None
            or (
                first.block.suggested == second.block.suggested != ()
                or first.block.edited_from == second.block.edited_from
            )
        )
        if same_text and not any(line.strip() for line in between):
            tally.failed("stacked", cycle, f"blocks at lines {first.first_line} and later")
    if len(blocks_of(before)) > len(blocks):
        tally.reverts_cleared += 1


def _generator_news(before: str, base: str, generated: str, after: str) -> Iterator[str]:
    """Lines the generator wrote that the analyst has not seen and the rebuild does not show."""
    known = set(base.splitlines(keepends=True))
    for found in blocks_of(before):
        if found.block is not None:
            known |= {*found.block.suggested, *found.block.edited_from}
    shown = set(after.splitlines(keepends=True))
    for found in blocks_of(after):
        if found.block is not None:
            shown |= set(found.block.suggested)
    body = split_page(generated).body
    for line in body.splitlines(keepends=True):
        if line.strip() and line not in known and line not in shown:
            yield line


def _generator_drops(before: str, base: str, generated: str, after: str) -> set[str]:
    """Lines the generator dropped that the analyst left alone, still in the page, no block
    saying so."""
    return set(_kept_drops(before, base, generated, after))


def _kept_drops(before: str, base: str, generated: str, after: str) -> Iterator[str]:
    base_lines = split_page(base).body.splitlines(keepends=True)
    analyst_before, found = split_blocks(split_page(before).body.splitlines(keepends=True))
    # Left alone: where the base the merge works from has it, as the merge's own line map pairs
    # them (a line the analyst moved is theirs to keep, as git would).
    edited_from, analyst_before = base_of_edits(base_lines, analyst_before, found)
    left_alone = {edited_from[i] for i in matching_lines(edited_from, analyst_before)}
    in_base, in_generated = Counter(base_lines), Counter(generated.splitlines(keepends=True))
    in_before = Counter(analyst_before)
    in_after = Counter(split_blocks(split_page(after).body.splitlines(keepends=True))[0])
    pending = set()
    for found in blocks_of(before):
        if found.block is not None:
            pending |= {*found.block.edited_from, *found.block.suggested}
    reported = set()
    for found in blocks_of(after):
        if found.block is not None:
            reported |= set(found.block.edited_from)
    for line, count in in_base.items():
        if not line.strip() or count != 1 or in_generated[line] or line in pending:
            continue
        # The copy where the base has it should go; another the analyst placed may stay.
        if line in left_alone and in_after[line] >= in_before[line] and line not in reported:
            yield line


def _stale(found: FoundBlock, generated: list[str], analyst_text: list[str]) -> str | None:
    block = found.block
    if block is None:
        return f"an unreadable block at line {found.first_line}"
    size = len(block.suggested)
    if size and not any(
        tuple(generated[i : i + size]) == block.suggested for i in range(len(generated))
    ):
        return f"line {found.first_line} suggests what the generator no longer writes"
    if block.suggested == block.edited_from:
        return f"line {found.first_line} suggests what the analyst started from"
    written = [line for line in block.suggested if line.strip()]
    above = [line for line in analyst_text[: found.position] if line.strip()]
    # Unless the analyst still holds a line the generator dropped, which the block tells them.
    dropped = {line for line in block.edited_from if line.strip()} - set(block.suggested)
    if written and above[-len(written) :] == written and not dropped & set(analyst_text):
        return f"line {found.first_line} suggests the very text above it"
    return None


def run(cycles: int = CYCLES, seed: int = SEED) -> Section:
    """The walk as a section of the results."""
    started = time.perf_counter()
    tally = walk(cycles, seed)
    section = Section(
        SECTION_TITLE,
        f"a model brief (key facts, actor cards, timeline) of a story reworded, grown, shrunk "
        f"and reverted at random; {cycles:,} cycles, seed {seed}; no eval data",
    )
    section.tables.append(
        (
            ["cycles", "rebuilds that merged", "conflicts reported", "blocks settled by hand",
             "blocks gone by themselves"],
            [[f"{tally.cycles:,}", f"{tally.rebuilds_merged:,}", f"{tally.conflicts_reported:,}",
              f"{tally.blocks_settled:,}", f"{tally.reverts_cleared:,}"]],
        )
    )  # fmt: skip
    section.tables.append(
        (
            ["lost analyst lines", "duplicated lines", "unreported conflicts", "stale blocks",
             "stacked blocks"],
            [[str(tally.lost), str(tally.duplicated), str(tally.unreported), str(tally.stale),
              str(tally.stacked)]],
        )
    )  # fmt: skip
    section.notes.append(
        "Each rebuild goes through `plan_text`, the decision `briefs build` makes for a brief "
        "that exists; `python -m benchmarks.hand_edits` reproduces it."
    )
    figure = f"{tally.lost} / {tally.duplicated} / {tally.unreported}"
    section.targets.append(
        Target(
            "hand edits: lost / duplicated lines / unreported conflicts",
            f"{figure} in {tally.cycles:,} cycles",
            "0 / 0 / 0",
            not (tally.lost or tally.duplicated or tally.unreported),
        )
    )
    section.examples = tally.examples
    section.seconds = time.perf_counter() - started
    return section


def run_options(options: Options) -> Section:
    """The walk as `python -m benchmarks.run` runs it (it reads no eval data: options are moot)."""
    return run()


def write_section(section: Section, path: Path = RESULTS) -> str:
    """Put the section into the results file, in place of its last version or at the end.

    Returns the section as written.
    """
    # benchmarks.run imports this module: its renderer of sections is imported when used.
    from benchmarks.run import render_section

    text = path.read_text(encoding="utf-8") if path.exists() else "# Benchmark results\n"
    commit = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], cwd=REPO_ROOT, capture_output=True, text=True
    ).stdout.strip()
    rendered = (
        render_section(section)
        + f"\n\n- Written by `python -m benchmarks.hand_edits` at commit {commit or 'unknown'}."
    )
    pattern = re.compile(rf"^## {SECTION_TITLE}\n.*?(?=^## |\Z)", re.MULTILINE | re.DOTALL)
    if pattern.search(text):
        text = pattern.sub(lambda _: rendered + "\n\n", text).rstrip("\n") + "\n"
    else:
        text = text.rstrip("\n") + "\n\n" + rendered + "\n"
    path.write_text(text, encoding="utf-8")
    return rendered


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cycles", type=int, default=CYCLES)
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--output", type=Path, default=RESULTS, help="results file to update")
    arguments = parser.parse_args()
    section = run(arguments.cycles, arguments.seed)
    print(write_section(section, arguments.output))
    if section.examples:
        print("\nFirst problems:\n" + "\n".join(f"  {line}" for line in section.examples))
    print(f"\nwritten to {arguments.output}")


if __name__ == "__main__":
    main()
