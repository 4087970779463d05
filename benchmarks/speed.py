"""Speed and size: bulk CNN/DailyMail articles in; throughput, peak memory, site build figures out.

The analysis and raw spaCy are timed in a fresh child process (`python -m benchmarks.speed
--measure FILE --count N`), so its peak memory is theirs, not the earlier benchmarks'.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from benchmarks.common import REPO_ROOT, Options, Section, Target, number, read_jsonl
from generator.analysis.analyse import PIPE_BATCH_SIZE
from generator.analysis.gazetteer import load_gazetteer
from generator.analysis.jsonl import analyse_lines, article_from_record
from generator.analysis.language import load_model, load_plain_model
from generator.analysis.registry import Registry
from generator.build.memory import AnalysisCache
from generator.build.pipeline import build_briefs
from generator.corpus.relate import relate_briefs
from generator.corpus.site_plan import render_pages
from generator.models import Brief
from generator.settings import Settings

BULK = "cnndm_bulk_lowercased.jsonl.gz"
CASED = "bbc_news.jsonl.gz"
"""Real cased news, where the target is measured: the lowercased bulk set hides the cost of
names, which the model finds and the actor pass then reads."""
SMALL_SITE = 100
MKDOCS_REPEATS = 3
TITLE_WORDS = 10
PARAGRAPH_CHARS = 600
MAX_OVERHEAD_PERCENT = 15.0
MAX_PEAK_MIB = 1.5 * 1024
LISTING_PAGES = ("index.md", "tags.md")
REPLICATED_SIZES = (1_000, 5_000)
MAX_SIZE_GROWTH = 1.05


def run(options: Options) -> Section:
    """Measure analysis speed and memory, then MkDocs builds of briefs against plain pages."""
    started = time.perf_counter()
    path = options.eval_dir / BULK
    analysis = measure_in_child(path, options.bulk)
    cased = measure_in_child(options.eval_dir / CASED, options.bulk)
    sizes = sorted({min(SMALL_SITE, options.bulk), options.bulk})
    sites = {size: measure_sites(read_jsonl(path, size)) for size in sizes}
    analysed = sites[sizes[-1]]["analysed"]
    replicated = {size: measure_replicated_site(analysed, size) for size in REPLICATED_SIZES}
    per_brief = {size: site_bytes / size / 1024 for size, site_bytes in replicated.items()}
    smallest, largest_size = REPLICATED_SIZES[0], REPLICATED_SIZES[-1]
    size_growth = per_brief[largest_size] / per_brief[smallest]
    overhead = 100 * (analysis["analysis_seconds"] / analysis["pipe_seconds"] - 1)
    cased_overhead = 100 * (cased["analysis_seconds"] / cased["pipe_seconds"] - 1)
    largest = sites[sizes[-1]]
    notes = [
        f"Throughput: one fresh process loads the model, runs one batch ({PIPE_BATCH_SIZE} "
        "articles) of each untimed, then times both batch by batch, alternating which goes "
        "first; nlp.pipe (the model as `spacy.load` gives it, without the project's "
        "components) gets the text the analysis parses, with the same batch size. The "
        "analysis's own pipeline applies the model's attribute rules as a table "
        "(`attribute_table.py`: the same attributes, token for token, at a third of the "
        "cost of spaCy's ruler) and asks the model's lemmatizer once per (word, part of "
        "speech, morphology) with its dictionary as sets (`lemma_table.py`: the same lemmas).",
        "Peak memory: peak resident set of that process (model loaded, then both runs); the "
        "analysis parses the same batches as nlp.pipe and more, so the peak is the analysis "
        "run's. Read from VmHWM: Linux hands a parent's ru_maxrss down to its children.",
        "Site: `build_briefs` (what `briefs build` runs) over the articles as Markdown with front "
        "matter, then `python -m mkdocs build` with the project's mkdocs.yml; the plain site has "
        "the same index and tags pages and, for every other page (briefs, actor pages, "
        "timeline), a page of article text with the same path and byte length. MkDocs times "
        f"are the fastest of {MKDOCS_REPEATS} alternating builds.",
    ]
    if len(sizes) > 1:
        small = sites[sizes[0]]
        added = largest["briefs"] - small["briefs"]
        marginal = (largest["site_bytes"] - small["site_bytes"]) / max(added, 1) / 1024
        notes.append(
            f"Marginal site size per brief from {small['briefs']} to {largest['briefs']} briefs: "
            f"{marginal:,.1f} KiB."
        )
        pages_added = max(largest["pages"] - small["pages"], 1)
        briefs_ms = 1000 * (largest["mkdocs_seconds"] - small["mkdocs_seconds"]) / pages_added
        plain_ms = 1000 * (largest["plain_seconds"] - small["plain_seconds"]) / pages_added
        marginal_ratio = f"{briefs_ms / plain_ms:.2f}×" if plain_ms > 0 else "n/a"
        notes.append(
            f"Marginal mkdocs time per page from {small['pages']} to {largest['pages']} pages: "
            f"{briefs_ms:.2f} ms for briefs, {plain_ms:.2f} ms for plain pages "
            f"({marginal_ratio}). The ratio of whole builds rises towards this one "
            "as the corpus grows, since both builds share a fixed cost (theme assets, plugins)."
        )
    notes.append(
        "The mkdocs-build-versus-plain-pages ratio is shown, no longer a target (issue 22 "
        "retired it: a brief has more markup than prose); benchmarks/site_scale.py holds the "
        "site's targets at 10,000 articles."
    )
    notes.append(
        f"Site size at {' and '.join(f'{size:,}' for size in REPLICATED_SIZES)} briefs: the "
        f"{len(analysed)} analysed briefs of the largest site, then copies of them under new "
        "slugs (a copy keeps its original's related links), rendered with `render_pages`, so "
        "the home page, tags, timeline and feed list every copy; one `mkdocs build` each."
    )
    refused = sorted({error for figures in sites.values() for error in figures["refused"]})
    if refused:
        notes.append(
            f"`build_briefs` refused {len(refused)} of the articles (their briefs are left out "
            "of both sites): " + "; ".join(f"`{error}`" for error in refused)
        )
    return Section(
        title="Speed and size",
        data=(
            f"{CASED}: first {options.bulk} articles (cased BBC News), for the analysis's "
            f"speed; {BULK}: first {options.bulk} articles (lowercased, PTB-tokenised)"
        ),
        tables=[
            (
                ["analysis", "seconds", "articles/s", "overhead"],
                [
                    _speed_row(f"spaCy nlp.pipe (baseline), {CASED}", cased, "pipe", ""),
                    _speed_row(
                        f"Briefs analysis (analyse_lines), {CASED}",
                        cased,
                        "analysis",
                        f"{cased_overhead:+.1f} %",
                    ),
                    _speed_row(f"spaCy nlp.pipe (baseline), {BULK}", analysis, "pipe", ""),
                    _speed_row(
                        f"Briefs analysis (analyse_lines), {BULK}",
                        analysis,
                        "analysis",
                        f"{overhead:+.1f} %",
                    ),
                ],
            ),
            (
                ["peak memory (VmHWM)", "MiB"],
                [
                    ["model and gazetteer loaded", number(analysis["model_mib"], 0)],
                    ["after the runs", number(analysis["peak_mib"], 0)],
                ],
            ),
            (
                [
                    "briefs",
                    "pages",
                    "build_briefs s",
                    "mkdocs briefs s",
                    "mkdocs plain s",
                    "ratio",
                    "site KiB per brief",
                    "plain site KiB per brief",
                ],
                [_site_row(size, figures) for size, figures in sites.items()],
            ),
            (
                ["briefs (replicated)", "site MiB", "site KiB per brief"],
                [
                    [f"{size:,}", number(replicated[size] / 1024**2, 1), number(per_brief[size], 1)]
                    for size in REPLICATED_SIZES
                ],
            ),
        ],
        notes=notes,
        targets=[
            Target(
                "speed: analysis overhead over nlp.pipe on cased news ≤ 15 %",
                f"{cased_overhead:+.1f} % ({overhead:+.1f} % on the lowercased bulk set)",
                "≤ 15 %",
                cased_overhead <= MAX_OVERHEAD_PERCENT,
            ),
            Target(
                f"size: site KiB per brief at {largest_size:,} briefs "
                f"≤ {MAX_SIZE_GROWTH}× at {smallest:,}",
                f"{number(per_brief[largest_size], 1)} vs {number(per_brief[smallest], 1)} KiB",
                f"≤ {number(per_brief[smallest] * MAX_SIZE_GROWTH, 1)} KiB",
                size_growth <= MAX_SIZE_GROWTH,
            ),
            Target(
                "speed: peak memory of the analysis ≤ 1.5 GB",
                f"{number(analysis['peak_mib'], 0)} MiB",
                f"≤ {number(MAX_PEAK_MIB, 0)} MiB",
                analysis["peak_mib"] <= MAX_PEAK_MIB,
            ),
        ],
        seconds=time.perf_counter() - started,
    )


def _speed_row(name: str, figures: dict[str, Any], mode: str, overhead: str) -> list[str]:
    seconds = figures[f"{mode}_seconds"]
    return [name, number(seconds, 1), number(figures["count"] / seconds, 2), overhead]


def _site_row(size: int, figures: dict[str, Any]) -> list[str]:
    built = figures["briefs"]
    return [
        f"{built} of {size}",
        str(figures["pages"]),
        number(figures["build_seconds"], 1),
        number(figures["mkdocs_seconds"], 2),
        number(figures["plain_seconds"], 2),
        f"{number(figures['mkdocs_seconds'] / figures['plain_seconds'], 2)}×",
        f"{figures['site_bytes'] / built / 1024:,.1f}",
        f"{figures['plain_bytes'] / built / 1024:,.1f}",
    ]


def measure_in_child(path: Path, count: int) -> dict[str, Any]:
    """Run `measure` in a fresh interpreter and return its figures."""
    command = [sys.executable, "-m", "benchmarks.speed", "--measure", str(path)]
    result = subprocess.run(
        [*command, "--count", str(count)], cwd=REPO_ROOT, capture_output=True, text=True
    )
    if result.returncode != 0:
        raise SystemExit(f"analysis timing failed:\n{result.stderr[-2000:]}")
    figures: dict[str, Any] = json.loads(result.stdout.strip().splitlines()[-1])
    return figures


def measure(path: Path, count: int) -> dict[str, Any]:
    """Time `analyse_lines` and raw `nlp.pipe` batch by batch, alternating which goes first.

    Alternating batches spreads any load from other processes over both figures evenly.
    """
    articles = read_jsonl(path, count)
    lines = [json.dumps({"id": a["id"], "text": a.get("article", a.get("text"))}) for a in articles]
    texts = [article_from_record(json.loads(line), path.name, 0).body for line in lines]
    # The baseline is the model as spaCy loads it; the analysis runs its own pipeline
    # (`load_model`: the project's components, the attribute rules as a table) and the rest.
    plain = load_plain_model()
    load_model()
    load_gazetteer()
    model_mib = peak_mib()
    errors: list[str] = []
    seconds = {"analysis": 0.0, "pipe": 0.0}

    def timed(mode: str, part: slice) -> float:
        started = time.perf_counter()
        if mode == "analysis":
            outputs: Iterable[object] = analyse_lines(lines[part], path.name, None, errors)
        else:
            outputs = plain.pipe(texts[part], batch_size=PIPE_BATCH_SIZE)
        for _ in outputs:
            pass
        return time.perf_counter() - started

    # One batch of each first, so first-call costs and growing the heap stay out of the timing.
    timed("analysis", slice(0, PIPE_BATCH_SIZE))
    timed("pipe", slice(0, PIPE_BATCH_SIZE))
    for number_, start in enumerate(range(0, len(lines), PIPE_BATCH_SIZE)):
        part = slice(start, start + PIPE_BATCH_SIZE)
        for mode in ("pipe", "analysis") if number_ % 2 == 0 else ("analysis", "pipe"):
            seconds[mode] += timed(mode, part)
    return {
        "count": len(lines),
        "errors": len(errors),
        "analysis_seconds": seconds["analysis"],
        "pipe_seconds": seconds["pipe"],
        "model_mib": model_mib,
        "peak_mib": peak_mib(),
    }


def peak_mib() -> float:
    """Return this process's peak resident set size in MiB.

    Linux carries ru_maxrss over from the parent through fork and exec, so a child spawned by
    the benchmark run would report the run's own peak; VmHWM is the child's alone.
    """
    status = Path("/proc/self/status")
    if status.is_file():
        for line in status.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def measure_sites(articles: list[dict[str, Any]]) -> dict[str, Any]:
    """Build briefs of the articles and their site, then a site of plain pages of equal size."""
    with tempfile.TemporaryDirectory(prefix="briefs-bench-") as temporary:
        root = Path(temporary)
        content, briefs = root / "content", root / "briefs"
        content.mkdir()
        for number_, article in enumerate(articles):
            (content / f"{number_:05d}.md").write_text(markdown_article(article, number_))
        settings = Settings(content, briefs, REPO_ROOT / "templates")
        analysis_cache = AnalysisCache()
        started = time.perf_counter()
        report = build_briefs(settings, analysis_cache=analysis_cache)
        build_seconds = time.perf_counter() - started
        # An article the build refuses costs only its own brief, as in `briefs build`.
        refused = report.errors
        if len(refused) == len(articles):
            raise SystemExit(f"briefs build refused every article: {refused[:5]}")
        plain = root / "plain"
        pages = write_plain_pages(briefs, plain / "briefs", [a["article"] for a in articles])
        briefs_runs, plain_runs = [], []
        for _ in range(MKDOCS_REPEATS):
            briefs_runs.append(mkdocs_build(root))
            plain_runs.append(mkdocs_build(plain))
        mkdocs_seconds, site_bytes = min(briefs_runs)
        plain_seconds, plain_bytes = min(plain_runs)
    return {
        "briefs": len(articles) - len(refused),
        # What `build_briefs` wrote, related as it related them (no pins in a fresh corpus).
        "analysed": relate_briefs(list(analysis_cache.briefs.values()), settings.relate),
        "pages": pages,
        "refused": refused,
        "build_seconds": build_seconds,
        "mkdocs_seconds": mkdocs_seconds,
        "site_bytes": site_bytes,
        "plain_seconds": plain_seconds,
        "plain_bytes": plain_bytes,
    }


def replicate_briefs(briefs: list[Brief], count: int) -> list[Brief]:
    """Return count briefs: the given ones, then copies of them under new slugs, round by round.

    A copy keeps its original's related links, so every link still names a page of the site.
    """
    copies = []
    for number_ in range(count):
        brief = briefs[number_ % len(briefs)]
        round_ = number_ // len(briefs)
        if round_:
            article = dataclasses.replace(brief.article, slug=f"{brief.article.slug}-copy-{round_}")
            brief = dataclasses.replace(brief, article=article)
        copies.append(brief)
    return copies


def measure_replicated_site(briefs: list[Brief], count: int) -> int:
    """Return the bytes of the site of count briefs replicated from briefs, every page rendered."""
    with tempfile.TemporaryDirectory(prefix="briefs-bench-") as temporary:
        root = Path(temporary)
        settings = Settings(root / "content", root / "briefs", REPO_ROOT / "templates")
        pages = render_pages(replicate_briefs(briefs, count), Registry(), settings)
        for name, text in pages.items():
            page = settings.briefs_dir / name
            page.parent.mkdir(parents=True, exist_ok=True)
            page.write_text(text, encoding="utf-8")
        _, site_bytes = mkdocs_build(root)
    return site_bytes


def markdown_article(article: dict[str, Any], number_: int) -> str:
    """Return an article as Markdown with front matter (JSON strings are valid YAML)."""
    title = " ".join(article["article"].split()[:TITLE_WORDS])
    date = dt.date(2015, 1, 1) + dt.timedelta(days=number_ % 365)
    return (
        f"---\ntitle: {json.dumps(title)}\ndate: {date.isoformat()}\n"
        f"slug: {json.dumps(article['id'])}\n---\n\n{article['article']}\n"
    )


def write_plain_pages(briefs: Path, folder: Path, texts: list[str]) -> int:
    """Mirror every page of the briefs site as article text of the same byte length.

    The index and tags pages are copied as they are, so the navigation is the same; return the
    number of pages.
    """
    pages = sorted(
        page.relative_to(briefs)
        for page in briefs.rglob("*.md")
        if not any(part.startswith(".") for part in page.relative_to(briefs).parts)
    )
    for index, page in enumerate(pages):
        target = folder / page
        target.parent.mkdir(parents=True, exist_ok=True)
        if page.as_posix() in LISTING_PAGES:
            shutil.copy(briefs / page, target)
            continue
        size = (briefs / page).stat().st_size
        text = texts[index % len(texts)]
        chunks = [text[i : i + PARAGRAPH_CHARS] for i in range(0, len(text), PARAGRAPH_CHARS)]
        body = f"# Page {index}\n\n" + "\n\n".join(chunks) + "\n\n"
        data = (body * (size // len(body.encode()) + 1)).encode()[: size - 1]
        data = data.decode("utf-8", "ignore").encode()
        target.write_bytes(data + b" " * (size - 1 - len(data)) + b"\n")
    return len(pages)


def mkdocs_build(root: Path) -> tuple[float, int]:
    """Build the site of root/briefs with the project's mkdocs.yml; return seconds and bytes."""
    shutil.copy(REPO_ROOT / "mkdocs.yml", root / "mkdocs.yml")
    site = root / "site"
    command = [sys.executable, "-m", "mkdocs", "build", "--quiet", "--site-dir", str(site)]
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    started = time.perf_counter()
    result = subprocess.run(command, cwd=root, env=environment, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    if result.returncode != 0:
        raise SystemExit(f"mkdocs build in {root} failed:\n{result.stderr[-2000:]}")
    return seconds, sum(p.stat().st_size for p in site.rglob("*") if p.is_file())


def main() -> None:
    """Child entry point: print the analysis timing of one bulk file as a JSON line."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--measure", type=Path, required=True)
    parser.add_argument("--count", type=int, required=True)
    arguments = parser.parse_args()
    print(json.dumps(measure(arguments.measure, arguments.count)))


if __name__ == "__main__":
    main()
