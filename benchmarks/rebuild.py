"""Rebuild times: a build of N bulk articles, then one with nothing changed, then one changed.

`python -m benchmarks.rebuild --articles 300` prints the three times and where the one-change
rebuild spends them (the slowest functions of a cProfile), so the targets of a 2 s no-change and a
3 s one-change rebuild at 10,000 articles can be followed as the build gets faster. The briefs
are built in a temporary folder with the analysis cache beside its content, as `briefs build` does;
`--cache-dir` keeps the analyses in a folder of your choice instead, so that a second run at
10,000 articles skips the half hour of parsing (the first build's time then says so).
"""

from __future__ import annotations

import argparse
import cProfile
import io
import pstats
import tempfile
import time
from pathlib import Path

from benchmarks.common import DEFAULT_EVAL_DIR, REPO_ROOT, read_jsonl
from benchmarks.speed import BULK, markdown_article
from generator.pipeline import BuildReport, build_briefs
from generator.settings import Settings

PROFILE_LINES = 12


def timed_build(settings: Settings) -> tuple[float, BuildReport]:
    started = time.perf_counter()
    report = build_briefs(settings)
    return time.perf_counter() - started, report


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=300, help="bulk articles (default 300)")
    parser.add_argument("--jobs", type=int, default=1, help="processes for the first build")
    parser.add_argument("--eval-dir", type=Path, default=DEFAULT_EVAL_DIR)
    parser.add_argument("--cache-dir", type=Path, help="keep analyses here between runs")
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="briefs-rebuild-") as temporary:
        content = Path(temporary) / "content"
        content.mkdir()
        articles = read_jsonl(arguments.eval_dir / BULK, arguments.articles)
        for number, article in enumerate(articles):
            (content / f"{number:05d}.md").write_text(markdown_article(article, number))
        settings = Settings(
            content,
            Path(temporary) / "briefs",
            REPO_ROOT / "templates",
            processes=arguments.jobs,
            cache_dir=arguments.cache_dir,
        )
        first, report = timed_build(settings)
        print(f"first build: {first:.1f} s ({report.summary()})")
        unchanged, report = timed_build(settings)
        print(f"nothing changed: {unchanged:.2f} s ({report.summary()})")
        changed = content / "00000.md"
        changed.write_text(changed.read_text() + "\nThe minister said more talks would follow.\n")
        profile = cProfile.Profile()
        profile.enable()
        one, report = timed_build(settings)
        profile.disable()
        print(f"one article changed: {one:.2f} s ({report.summary()})")
    listing = io.StringIO()
    stats = pstats.Stats(profile, stream=listing).sort_stats("cumulative")
    stats.print_stats("generator", PROFILE_LINES)
    print("\nwhere the one-change rebuild spends its time (profiled, so slower):")
    print(listing.getvalue().strip())


if __name__ == "__main__":
    main()
