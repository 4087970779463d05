"""One-article rebuilds as `briefs serve` runs them: one process, analyses and actor pages kept.

`python -m benchmarks.serve_rebuild PROJECT --edits 2` builds the project (a folder with
`content/`, `templates/` and `mkdocs.yml`, such as the `serve` folder `benchmarks/site_scale.py
--serve-only --cache-dir DIR` leaves in DIR/site-scale), then adds a first sentence to one
article after another and rebuilds after each, printing the CPU seconds of every build and the
slowest functions of the last. `--no-kept-pages` leaves the actor pages out of what the process
keeps, as before `ActorPagesMade`. The edits are written into PROJECT's articles: use a copy.
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import resource
from pathlib import Path

from generator.build.memory import AnalysisCache
from generator.build.pipeline import build_briefs
from generator.corpus.actor_pages import ActorPagesMade
from generator.settings import Settings, read_site

PROFILE_LINES = 25


def cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("project", type=Path)
    parser.add_argument("--edits", type=int, default=2)
    parser.add_argument("--no-kept-pages", action="store_true")
    arguments = parser.parse_args()
    os.chdir(arguments.project)
    site = read_site(Path("mkdocs.yml"))
    settings = Settings(site_url=site.site_url, site_name=site.site_name)
    analyses = AnalysisCache()
    made = None if arguments.no_kept_pages else ActorPagesMade()
    started = cpu_seconds()
    report = build_briefs(settings, analysis_cache=analyses, actor_pages=made)
    print(f"first build: {cpu_seconds() - started:.2f} s CPU; {report.summary()}")
    articles = sorted(settings.content_dir.glob("*.md"))
    profile = cProfile.Profile()
    for number in range(arguments.edits):
        article = articles[len(articles) // 3 + number]
        front, _, body = article.read_text(encoding="utf-8").partition("\n---\n\n")
        # A name of its own each run: a sentence added twice would leave the brief as it was.
        token = f"Benchvale{os.getpid()}x{number}"
        edited = f"{front}\n---\n\nThe council of {token} met on Monday. {body}"
        article.write_text(edited, encoding="utf-8")
        profile = cProfile.Profile()
        started = cpu_seconds()
        profile.enable()
        report = build_briefs(settings, analysis_cache=analyses, actor_pages=made)
        profile.disable()
        # The profiler's own cost is in these seconds: compare runs of this script only.
        print(f"{article.name}: {cpu_seconds() - started:.2f} s CPU; {report.summary()}")
    pstats.Stats(profile).sort_stats("cumulative").print_stats(PROFILE_LINES)


if __name__ == "__main__":
    main()
