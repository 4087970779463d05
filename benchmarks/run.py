"""Run every benchmark: options in, figures printed and `benchmarks/RESULTS.md` written.

python -m benchmarks.run [--only NAME] [--limit N] [--bulk N] [--rebuild N] [--cache-dir DIR]
                         [--eval-dir DIR]
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import subprocess
import time
from collections.abc import Callable
from pathlib import Path

import mkdocs
import spacy

from benchmarks import (
    actors,
    brief_pages,
    corpus_scan,
    hand_edits,
    key_facts,
    quotes,
    quotes_web,
    rebuild,
    related,
    site_scale,
    speed,
)
from benchmarks.common import (
    DEFAULT_EVAL_DIR,
    REPO_ROOT,
    Options,
    Section,
    markdown_table,
    replace_section,
)
from generator.analysis.language import load_model

BENCHMARKS: dict[str, Callable[[Options], Section]] = {
    "key_facts": key_facts.run,
    "actors": actors.run,
    "brief_pages": brief_pages.run,
    "corpus_scan": corpus_scan.run,
    "related": related.run,
    "quotes": quotes.run,
    "quotes_web": quotes_web.run,
    "speed": speed.run,
    "rebuild": rebuild.run,
    "hand_edits": hand_edits.run_options,
    "site_scale": site_scale.run,
}
DEFAULT_OUTPUT = REPO_ROOT / "benchmarks" / "RESULTS.md"


def main() -> None:
    """Parse the options, run the chosen benchmarks, print and write the results."""
    parser = argparse.ArgumentParser(description="Run the briefs benchmarks.")
    parser.add_argument("--only", choices=sorted(BENCHMARKS), help="run one benchmark")
    parser.add_argument("--limit", type=int, help="documents per quality dataset (default: all)")
    parser.add_argument(
        "--bulk", type=int, default=1000, help="articles for speed (default 1000, the target's)"
    )
    parser.add_argument(
        "--rebuild", type=int, default=10_000, help="articles for rebuilds (default 10000)"
    )
    parser.add_argument("--cache-dir", type=Path, help="keep the rebuilds' analyses here")
    parser.add_argument("--eval-dir", type=Path, default=DEFAULT_EVAL_DIR, help="eval data folder")
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT, help="results file")
    arguments = parser.parse_args()
    options = Options(
        arguments.eval_dir.resolve(),
        arguments.limit,
        arguments.bulk,
        arguments.rebuild,
        arguments.cache_dir,
    )
    names = [arguments.only] if arguments.only else list(BENCHMARKS)
    load_at_start = "{:.2f} {:.2f} {:.2f}".format(*os.getloadavg())
    started = time.perf_counter()
    load_model()  # loaded once, outside every benchmark's timing
    sections = []
    for name in names:
        print(f"running {name} ...", flush=True)
        section = BENCHMARKS[name](options)
        print(render_section(section) + "\n", flush=True)
        if section.examples:
            print("Examples (console only; eval text stays out of the repository):")
            print("\n".join(f"  {line}" for line in section.examples) + "\n", flush=True)
        sections.append(section)
    total_seconds = time.perf_counter() - started
    if arguments.only and arguments.output.exists():
        # One benchmark replaces its own section; the others' figures, and the sections
        # written by hand or by other scripts, stay.
        replace_section(arguments.output, sections[0].title, render_section(sections[0]))
    else:
        report = render_report(sections, arguments, total_seconds, load_at_start)
        arguments.output.write_text(report, encoding="utf-8")
    print(render_targets(sections))
    print(f"\nTotal {total_seconds / 60:.1f} min; written to {arguments.output}")


def render_section(section: Section) -> str:
    """Return a section as Markdown: heading, data, tables, notes and its targets."""
    parts = [f"## {section.title}", f"Data: {section.data}. Time: {section.seconds:.0f} s."]
    parts += [markdown_table(headers, rows) for headers, rows in section.tables]
    parts += [f"- {note}" for note in section.notes]
    if section.targets:
        parts.append(render_targets([section]))
    return "\n\n".join(parts)


def render_targets(sections: list[Section]) -> str:
    """Return every target of the run in one table."""
    rows = [[t.name, t.figure, t.goal, t.verdict] for section in sections for t in section.targets]
    return markdown_table(["target", "figure", "goal", "verdict"], rows)


def render_report(
    sections: list[Section], arguments: argparse.Namespace, seconds: float, load: str
) -> str:
    """Return RESULTS.md: how it was made, the machine, the targets, then each section."""
    limits = f"--limit {arguments.limit} " if arguments.limit else ""
    only = f"--only {arguments.only} " if arguments.only else ""
    sizes = f"--bulk {arguments.bulk} --rebuild {arguments.rebuild}"
    command = f"python -m benchmarks.run {only}{limits}{sizes}".strip()
    header = [
        "# Benchmark results",
        "Written by `python -m benchmarks.run`; do not edit by hand. Each figure is measured "
        "beside its baseline in the same run.",
        markdown_table(["run", "value"], [[key, value] for key, value in machine().items()])
        + f"\n| load average at start | {load} |"
        + f"\n| command | `{command}` |\n| total time | {seconds / 60:.1f} min |",
        "## Targets",
        render_targets(sections),
    ]
    return "\n\n".join(header + [render_section(s) for s in sections]) + "\n"


def machine() -> dict[str, str]:
    """Describe the machine, software and commit of this run."""
    nlp = load_model()
    model = f"{nlp.meta['lang']}_{nlp.meta['name']} {nlp.meta['version']}"
    return {
        "date": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "git commit": _git_commit(),
        "CPU": f"{_cpu_model()}, {os.cpu_count()} cores",
        "RAM": f"{_ram_gib():.1f} GiB",
        "Python": platform.python_version(),
        "spaCy": f"{spacy.__version__}, model {model}",
        "MkDocs": mkdocs.__version__,
    }


def _git_commit() -> str:
    def git(*args: str) -> str:
        result = subprocess.run(["git", *args], cwd=REPO_ROOT, capture_output=True, text=True)
        return result.stdout.strip()

    commit = git("rev-parse", "--short", "HEAD") or "unknown"
    return f"{commit} (with uncommitted changes)" if git("status", "--porcelain") else commit


def _cpu_model() -> str:
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            return line.split(":", 1)[1].strip()
    return platform.processor() or "unknown"


def _ram_gib() -> float:
    for line in Path("/proc/meminfo").read_text().splitlines():
        if line.startswith("MemTotal:"):
            return int(line.split()[1]) / 1024 / 1024
    return 0.0


if __name__ == "__main__":
    main()
