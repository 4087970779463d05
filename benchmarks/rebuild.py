"""Rebuild times: a build of N bulk articles, then one with nothing changed, then one changed.

Part of `python -m benchmarks.run` (`--rebuild N`, default 10,000, the size of the targets: a
no-change rebuild within 2 s and a one-change rebuild within 3 s plus that article's analysis).
`python -m benchmarks.rebuild --articles N` runs it alone and also prints where the one-change
rebuild spends its time (the slowest functions of a cProfile). The briefs are built in a
temporary folder as `briefs build` builds them; `--cache-dir` keeps the analyses in a folder of
your choice, so a second run skips the half hour of parsing 10,000 articles (the table says how
many articles the first build parsed).
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import pstats
import secrets
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from benchmarks.common import DEFAULT_EVAL_DIR, REPO_ROOT, Options, Section, Target, read_jsonl
from benchmarks.speed import BULK, MAX_PEAK_MIB, markdown_article, peak_mib
from generator.analysis.gazetteer import load_gazetteer
from generator.analysis.language import load_model
from generator.build.pipeline import build_briefs
from generator.build.report import BuildReport
from generator.settings import Settings

TARGET_ARTICLES = 10_000
MAX_NO_CHANGE_SECONDS = 2.0
MAX_ONE_CHANGE_SECONDS = 3.0
PROFILE_LINES = 12
STAGES = {
    "digest the inputs (content files written since the last build)": (
        "build/manifest.py",
        "inputs_digest",
    ),
    "scan the briefs folder": ("build/manifest.py", "scan_files"),
    "read the analyses kept for the content files": ("build/memory.py", "kept_articles"),
    "read the articles whose files changed": ("ingest/content.py", "read_articles"),
    "load the language model": ("analysis/language.py", "load_model"),
    "load the gazetteer": ("analysis/gazetteer.py", "load_gazetteer"),
    "analyse the changed article": ("analysis/analyse.py", "analyse_articles"),
    "read analysts' pinned and blocked links": ("corpus/reading.py", "read_related_choices"),
    "read the pairs' scores and links the last build kept": ("build/memory.py", "kept_related"),
    "score pairs (the last build's scores, corrected)": ("corpus/pair_scores.py", "score_pairs"),
    "relate (thresholds, links and reasons)": ("corpus/relate.py", "related_reading"),
    "plan pages (a key for each page's data)": ("corpus/site_plan.py", "plan_pages"),
    "render and write the pages whose data changed": ("site/publish.py", "write_pages"),
    "keep scores, links and the record; forget unused analyses": (
        "build/memory.py",
        "remember_build",
    ),
}
"""Stages of a build by the file and function that does each, for the one-change breakdown."""
ANALYSIS_STAGES = ("load the language model", "load the gazetteer", "analyse the changed article")
"""What the target allows on top of its 3 s: that article's analysis."""
EDITS = (
    "\nThe minister said more talks would follow.\n",
    "\nPolice said the company had announced new jobs in the region on Tuesday.\n",
    "\nOfficials expect a decision from the court later this year.\n",
)
"""Sentences added to the first, middle and last article, one one-change rebuild each."""


def run(options: Options) -> Section:
    """Time the three builds of options.rebuild articles and break the one-change build down.

    The builds run in a fresh child process, so that its peak memory is theirs alone.
    """
    started = time.perf_counter()
    figures = measure_in_child(options)
    times, stages, peak = figures["seconds"], figures["stages"], figures["peak_mib"]
    count = figures["articles"]
    at_target = count >= TARGET_ARTICLES
    no_change = times["nothing changed"]
    one_change = statistics.median(t for name, t in times.items() if name.startswith("one"))
    one_change_rest = one_change - sum(stages[stage] for stage in ANALYSIS_STAGES)
    return Section(
        title="Rebuilds",
        data=f"{BULK}: first {options.rebuild} articles as Markdown with front matter",
        tables=[
            (
                ["build", "seconds", "articles parsed", "pages written"],
                [
                    [name, f"{times[name]:.2f}", str(figures["parsed"][name]), written]
                    for name, written in figures["written"].items()
                ],
            ),
            (
                ["one-change rebuild, by stage", "seconds (profiled)"],
                [[stage, f"{seconds:.2f}"] for stage, seconds in stages.items()],
            ),
        ],
        notes=[
            "Each one-change rebuild adds a sentence to one article (the first, the middle, "
            "the last); the target takes their median. The stages come from a cProfile of one "
            "more such rebuild, so they run slower than the timed ones; the target's figure "
            "takes the profiled loading of the model and gazetteer and the analysis off the "
            "timed median.",
            "A no-change rebuild answers from the last build's record (digests of every file "
            "read and written). A one-change rebuild reads only the changed file, takes every "
            "other article with its analysis from the cache by the file's name and digest, and "
            "parses only the changed one. Related reading corrects the pair scores the last "
            "build kept: only the briefs with a feature whose rarity moved to another step are "
            "scored again, in exact integer arithmetic, so the scores equal a full scoring; "
            "links whose ranking and briefs did not move are kept. Only pages whose data "
            "changed are rendered and written.",
            f"Peak memory (VmHWM) of the child process that ran the builds: {peak:,.0f} MiB; "
            "the first build parses in worker processes too, each with its own model.",
        ],
        targets=[
            Target(
                f"rebuild: nothing changed ≤ 2 s at {TARGET_ARTICLES:,} articles",
                f"{no_change:.2f} s at {count:,}",
                "≤ 2 s",
                no_change <= MAX_NO_CHANGE_SECONDS if at_target else None,
            ),
            Target(
                f"rebuild: one article changed ≤ its analysis + 3 s at {TARGET_ARTICLES:,}",
                f"{one_change_rest:.2f} s + analysis at {count:,} (median of 3 edits)",
                "≤ 3 s",
                one_change_rest <= MAX_ONE_CHANGE_SECONDS if at_target else None,
            ),
            Target(
                f"memory: peak of the builds of {TARGET_ARTICLES:,} articles ≤ 1.5 GB",
                f"{peak:,.0f} MiB at {count:,}",
                "≤ 1536 MiB",
                peak <= MAX_PEAK_MIB if at_target else None,
            ),
        ],
        seconds=time.perf_counter() - started,
    )


def measure_in_child(options: Options) -> dict[str, Any]:
    """Run `python -m benchmarks.rebuild --json` and return the figures it prints."""
    command = [
        sys.executable,
        "-m",
        "benchmarks.rebuild",
        "--json",
        "--articles",
        str(options.rebuild),
        "--eval-dir",
        str(options.eval_dir),
    ]
    if options.cache_dir is not None:
        command += ["--cache-dir", str(options.cache_dir)]
    result = subprocess.run(command, cwd=REPO_ROOT, capture_output=True, text=True)
    if result.returncode != 0:
        raise SystemExit(f"the rebuild benchmark failed:\n{result.stderr[-2000:]}")
    figures: dict[str, Any] = json.loads(result.stdout.strip().splitlines()[-1])
    return figures


def figures_of(
    times: dict[str, float], reports: dict[str, BuildReport], profile: cProfile.Profile
) -> dict[str, Any]:
    """The figures of the three builds, as the child process prints them."""
    names = list(times)
    return {
        "articles": reports["first"].articles,
        "seconds": times,
        "parsed": {
            name: report.analysed for name, report in zip(names, reports.values(), strict=True)
        },
        "written": {
            name: _written(report) for name, report in zip(names, reports.values(), strict=True)
        },
        "stages": stage_seconds(profile),
        "peak_mib": peak_mib(),
    }


def measure(
    eval_dir: Path, count: int, cache_dir: Path | None
) -> tuple[dict[str, float], dict[str, BuildReport], cProfile.Profile]:
    """Build count bulk articles three times: first, with nothing changed, with one changed."""
    times: dict[str, float] = {}
    reports: dict[str, BuildReport] = {}
    profile = cProfile.Profile()
    with tempfile.TemporaryDirectory(prefix="briefs-rebuild-") as temporary:
        content = Path(temporary) / "content"
        content.mkdir()
        for number, article in enumerate(read_jsonl(eval_dir / BULK, count)):
            (content / f"{number:05d}.md").write_text(markdown_article(article, number))
        briefs = Path(temporary) / "briefs"
        # The first build parses on every core: its time is not one of the targets.
        settings = Settings(
            content, briefs, REPO_ROOT / "templates", processes=0, cache_dir=cache_dir
        )
        times["first build"], reports["first"] = timed_build(settings)
        times["nothing changed"], reports["unchanged"] = timed_build(settings)
        # The target leaves out loading the model and gazetteer: a first build that parsed
        # articles loaded them already, one that found every analysis kept did not.
        load_model(None)
        load_gazetteer()
        # Each edit adds words to another article, so it moves the rarity of some features; a
        # mark of this run makes it new, so that an analysis kept by an earlier run (with
        # --cache-dir) never answers for it.
        run = secrets.token_hex(4)
        edits = [(number * (count - 1) // 2, sentence) for number, sentence in enumerate(EDITS)]
        for number, (article, sentence) in enumerate(edits, 1):
            changed = content / f"{article:05d}.md"
            changed.write_text(f"{changed.read_text()}{sentence}(Run {run}.)\n")
            name = f"one article changed ({number} of {len(edits)})"
            times[name], reports[name] = timed_build(settings)
        changed = content / f"{count // 3:05d}.md"
        changed.write_text(f"{changed.read_text()}{EDITS[0]}(Run {run}.)\n")
        profile.enable()
        build_briefs(settings)
        profile.disable()
    return times, reports, profile


def timed_build(settings: Settings) -> tuple[float, BuildReport]:
    started = time.perf_counter()
    report = build_briefs(settings)
    return time.perf_counter() - started, report


def stage_seconds(profile: cProfile.Profile) -> dict[str, float]:
    """Cumulative seconds of each stage's function in a profile of one build."""
    seconds = dict.fromkeys(STAGES, 0.0)
    for (path, _line, function), figures in pstats.Stats(profile).stats.items():  # type: ignore[attr-defined]
        for stage, (file, name) in STAGES.items():
            if function == name and path.endswith(f"generator/{file}"):
                seconds[stage] += figures[3]  # cumulative time
    return seconds


def _written(report: BuildReport) -> str:
    changed = len(report.results) - sum(
        1 for result in report.results.values() if result.outcome.value == "unchanged"
    )
    return f"{changed} of {len(report.results)}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=300, help="bulk articles (default 300)")
    parser.add_argument("--eval-dir", type=Path, default=DEFAULT_EVAL_DIR)
    parser.add_argument("--cache-dir", type=Path, help="keep analyses here between runs")
    parser.add_argument("--json", action="store_true", help="print the figures as one JSON line")
    arguments = parser.parse_args()
    times, reports, profile = measure(arguments.eval_dir, arguments.articles, arguments.cache_dir)
    if arguments.json:
        print(json.dumps(figures_of(times, reports, profile)))
        return
    for (name, seconds), report in zip(times.items(), reports.values(), strict=True):
        print(f"{name}: {seconds:.2f} s ({report.summary()})")
    print(f"peak memory: {peak_mib():,.0f} MiB")
    listing = io.StringIO()
    stats = pstats.Stats(profile, stream=listing).sort_stats("cumulative")
    stats.print_stats("generator", PROFILE_LINES)
    print("\nwhere a one-change rebuild spends its time (profiled, so slower):")
    print(listing.getvalue().strip())


if __name__ == "__main__":
    main()
