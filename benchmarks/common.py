"""What every benchmark shares: options and eval data in, analysis records and Markdown tables out.

The analysis goes through `generator.analysis.jsonl.analyse_lines`, the code `briefs analyse` runs,
so the figures describe exactly what `briefs build` puts on the site.
"""

from __future__ import annotations

import gzip
import json
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import Any

from generator.analysis.jsonl import analyse_lines, article_from_record

REPO_ROOT = Path(__file__).resolve().parent.parent
# The eval data sits beside the repository; BRIEFS_EVAL_DIR points elsewhere (a git worktree's
# parent folder holds no shared/eval).
DEFAULT_EVAL_DIR = Path(os.environ.get("BRIEFS_EVAL_DIR") or REPO_ROOT.parent / "shared" / "eval")


@dataclass(frozen=True)
class Options:
    """What to run and on how much data."""

    eval_dir: Path = DEFAULT_EVAL_DIR
    limit: int | None = None
    """Documents per quality dataset; None reads them all."""
    bulk: int = 1000
    """Articles of the bulk corpus for the speed benchmarks."""
    rebuild: int = 10_000
    """Articles of the bulk corpus for the rebuild benchmark."""
    cache_dir: Path | None = None
    """Where the rebuild benchmark keeps analyses between runs; None: a temporary folder."""


@dataclass(frozen=True)
class Target:
    """A goal shown beside a figure: what it is, the figure, and whether it is met."""

    name: str
    figure: str
    goal: str
    is_met: bool | None
    """None when there is nothing to judge yet (the system part is not implemented)."""

    @property
    def verdict(self) -> str:
        return {True: "met", False: "not met", None: "n/a"}[self.is_met]


@dataclass
class Section:
    """One benchmark's results: tables for the record, examples for the console only."""

    title: str
    data: str
    tables: list[tuple[list[str], list[list[str]]]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    targets: list[Target] = field(default_factory=list)
    examples: list[str] = field(default_factory=list)
    """Printed, never written: they quote eval data, which stays out of the repository."""
    seconds: float = 0.0


def read_jsonl(path: Path, limit: int | None = None) -> list[dict[str, Any]]:
    """Return the first `limit` records (all when None) of a JSON Lines file, gzipped or not."""
    if not path.is_file():
        raise SystemExit(f"{path}: evaluation file not found; set --eval-dir to the eval folder")
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as lines:
        return [json.loads(line) for line in islice(_non_empty(lines), limit)]


def _non_empty(lines: Iterator[str]) -> Iterator[str]:
    return (line for line in lines if line.strip())


def analyse_records(records: list[dict[str, Any]], source_name: str) -> list[dict[str, Any]]:
    """Analyse `{"id", "text", ...}` records as `briefs analyse` does; one output each, in order."""
    errors: list[str] = []
    lines = [json.dumps(record, ensure_ascii=False) for record in records]
    outputs = [json.loads(line) for line in analyse_lines(lines, source_name, None, errors)]
    if errors:
        raise SystemExit(f"{source_name}: the analysis refused records: {errors[:5]}")
    return outputs


def analysed_text(record: dict[str, Any], source_name: str = "benchmark") -> str:
    """Return the text the analysis parses for a record, so a baseline sees the same text."""
    return article_from_record(record, source_name, 0).body


def markdown_table(headers: list[str], rows: list[list[str]]) -> str:
    """Format a GitHub Markdown table."""
    lines = ["| " + " | ".join(headers) + " |", "|" + "---|" * len(headers)]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


def number(value: float, digits: int = 3) -> str:
    """Format a figure with a fixed number of decimals."""
    return f"{value:.{digits}f}"


def ratio(part: float, whole: float) -> float:
    """Return part / whole, or 0 when whole is 0."""
    return part / whole if whole else 0.0


def f1(precision: float, recall: float) -> float:
    """Return the harmonic mean of precision and recall."""
    return ratio(2 * precision * recall, precision + recall)


def replace_section(path: Path, title: str, section: str) -> None:
    """Put section in place of the file's section of that title (or at its end), then bring the
    file's Targets table up to date with it."""
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    start = text.find(f"\n## {title}\n")
    if start < 0:
        text = text.rstrip("\n") + "\n\n" + section + "\n"
    else:
        end = text.find("\n## ", start + 1)
        rest = text[end:] if end >= 0 else "\n"
        text = text[:start] + "\n" + section + "\n" + rest
    path.write_text(with_current_targets(text), encoding="utf-8")


TARGETS_TITLE = "## Targets"
TARGETS_HEADER = "| target | figure | goal | verdict |"
TABLE_RULE = "|---|---|---|---|"


def with_current_targets(text: str) -> str:
    """The results text whose Targets table holds the targets of the benchmark sections now in
    it, in their order. A benchmark run alone (`--only`) rewrites its own section; the table at
    the top had kept the last full run's rows, old goals and verdicts among them."""
    head, title, rest = text.partition(f"\n{TARGETS_TITLE}\n")
    rows = [
        row
        for section in text.split("\n## ")[1:]
        if _written_by_a_benchmark(section)
        for row in _target_rows(section)
    ]
    if not title or not rows:
        return text
    table = "\n".join([TARGETS_HEADER, TABLE_RULE, *rows])
    after = rest.find("\n## ")
    following = rest[after:] if after >= 0 else "\n"
    return f"{head}{title}\n{table}\n{following}"


def _written_by_a_benchmark(section: str) -> bool:
    """Whether a section is one `render_section` wrote ("title", then "Data: ..."): the tables
    of targets in hand-written sections are a branch's record, not the project's figures."""
    paragraphs = section.split("\n\n", 2)
    return len(paragraphs) > 1 and paragraphs[1].startswith("Data: ")


def _target_rows(section: str) -> list[str]:
    """The rows of the section's tables of targets, in order."""
    rows: list[str] = []
    in_table = False
    for line in section.split("\n"):
        in_table = line == TARGETS_HEADER or (in_table and line.startswith("|"))
        if in_table and line not in (TARGETS_HEADER, TABLE_RULE):
            rows.append(line)
    return rows
