"""Analysis on a Dask cluster beside analysis on one machine: throughput of cased news articles.

`python -m benchmarks.cluster --articles N` analyses the first N articles of bbc_news with
`--jobs 1` and `--jobs 2` (spaCy's processes on this machine), then on a `LocalCluster` of 1 and
of 2 worker processes (`--dask`), in the same run, and writes its section into
`benchmarks/RESULTS.md` (between its own markers, so other sections stay as they are). Each run
is timed with the model loaded (here and on the workers). The scheduler's overhead
per article is what a 1-worker run takes beyond its worker's own time on the tasks.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from benchmarks.common import DEFAULT_EVAL_DIR, REPO_ROOT, Section, read_jsonl
from benchmarks.run import render_section
from generator.analysis.cluster import loaded_model
from generator.analysis.corpus import analyse_missing
from generator.analysis.jsonl import article_from_record
from generator.analysis.language import load_model
from generator.analysis.registry import Registry
from generator.models import Article
from generator.settings import Settings

DATA = "bbc_news.jsonl.gz"
RESULTS = REPO_ROOT / "benchmarks" / "RESULTS.md"
START, END = "<!-- cluster benchmark -->", "<!-- end of cluster benchmark -->"


def articles_of(eval_dir: Path, count: int) -> list[Article]:
    records = read_jsonl(eval_dir / DATA, count)
    return [article_from_record(record, DATA, line) for line, record in enumerate(records, 1)]


def local_seconds(articles: list[Article], processes: int) -> float:
    """Seconds to analyse the articles here with this many processes (`--jobs`)."""
    settings = Settings(processes=processes)
    started = time.perf_counter()
    for _ in analyse_missing(articles, Registry(), settings):
        pass
    return time.perf_counter() - started


def cluster_seconds(articles: list[Article], workers: int) -> tuple[float, float]:
    """Seconds to analyse the articles on a new local cluster of this many worker processes,
    and the seconds its workers spent on the tasks (`--dask`)."""
    from distributed import Client, LocalCluster

    with LocalCluster(
        n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None
    ) as cluster:
        settings = Settings(dask_address=cluster.scheduler_address)
        with Client(cluster.scheduler_address) as client:
            client.run(
                loaded_model, None, Registry()
            )  # each worker loads the model, as a build's did
            client.get_task_stream(start=time.time())  # starts recording
            started = time.perf_counter()
            for _ in analyse_missing(articles, Registry(), settings):
                pass
            seconds = time.perf_counter() - started
            stream = client.get_task_stream(start=time.time() - seconds - 1)
    busy = sum(
        part["stop"] - part["start"]
        for task in stream
        for part in task["startstops"]
        if part["action"] == "compute"
    )
    return seconds, busy


def run(eval_dir: Path, count: int) -> Section:
    started = time.perf_counter()
    articles = articles_of(eval_dir, count)
    load_model(None)
    rows, overhead = [], 0.0
    for name, processes in (("--jobs 1", 1), ("--jobs 2", 2)):
        seconds = local_seconds(articles, processes)
        rows.append([name, f"{seconds:.1f}", f"{count / seconds:.2f}"])
    for workers in (1, 2):
        seconds, busy = cluster_seconds(articles, workers)
        rows.append([f"--dask, {workers} worker{'s' * (workers > 1)}", f"{seconds:.1f}"])
        rows[-1].append(f"{count / seconds:.2f}")
        if workers == 1:
            overhead = (seconds - busy) / count
    return Section(
        title="Analysis on a Dask cluster",
        data=f"{DATA}: first {count} articles (cased BBC News)",
        tables=[(["analysis", "seconds", "articles per second"], rows)],
        notes=[
            f"Scheduler overhead: {overhead * 1000:.1f} ms per article (a 1-worker run's time "
            "beyond its worker's own time on the tasks: sending batches of 32 articles and "
            "their briefs, scheduling).",
            "Steady state: this process and the cluster's workers have loaded the model before "
            "the timing (a worker keeps it for every batch); `--jobs 2` starts its processes, "
            "which load it, as a build's do. The clusters are `LocalCluster`s of worker "
            "processes with one thread each, on the same two cores as the local runs.",
        ],
        seconds=time.perf_counter() - started,
    )


def write_section(section: Section, command: str) -> None:
    """Put the section into RESULTS.md between its markers, in place of an earlier one."""
    text = RESULTS.read_text(encoding="utf-8")
    block = f"{START}\n{render_section(section)}\n\n- Command: `{command}`.\n{END}"
    if START in text:
        before, _, rest = text.partition(START)
        text = before + block + rest.partition(END)[2]
    else:
        text = text.rstrip("\n") + "\n\n" + block + "\n"
    RESULTS.write_text(text, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=1000, help="articles (default 1000)")
    parser.add_argument("--eval-dir", type=Path, default=DEFAULT_EVAL_DIR)
    arguments = parser.parse_args()
    section = run(arguments.eval_dir, arguments.articles)
    print(render_section(section))
    write_section(section, f"python -m benchmarks.cluster --articles {arguments.articles}")


if __name__ == "__main__":
    main()
