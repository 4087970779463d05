"""Score the HTML import beside plain trafilatura: saved pages in, shingle precision/recall out.

python -m benchmarks.web_import [--eval-dir DIR] [--output FILE] [--front-matter]

The metric is the article-extraction benchmark's own (web_dev/SOURCES.md): the text is cut into
words (`\\w+`, case kept), each page's 4-word shingles are compared as multisets with the
article body a person marked, precision and recall are averaged over the pages, and F1 is
taken from the averages. Plain trafilatura is `trafilatura.extract` with its default options,
the same version, in the same run. Pages our import refuses count as empty. Writes the
"HTML import" section of RESULTS.md; with --front-matter, prints every page's front matter as
`briefs add` would write it (console only: it quotes the pages).
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import statistics
import time
from collections import Counter
from pathlib import Path

import trafilatura

from benchmarks.common import DEFAULT_EVAL_DIR, REPO_ROOT, markdown_table, replace_section
from generator.errors import ContentError
from generator.ingest.add import article_markdown
from generator.ingest.web_page import decode_html, read_html_article

TITLE = "HTML import"
SHINGLE_WORDS = 4
WORSE_BY = 0.05
RESULTS = REPO_ROOT / "benchmarks" / "RESULTS.md"
WORD = re.compile(r"\w+")

Counts = tuple[float, float, float]
"""(true positives, false positives, false negatives) of one page, as shares of their sum."""


def shingle_counts(true: str, predicted: str) -> Counts:
    """Compare two texts' 4-word shingles as multisets; normalise so every page weighs the same."""
    expected, found = _shingles(true), _shingles(predicted)
    tp = sum((expected & found).values())
    fp = sum((found - expected).values())
    fn = sum((expected - found).values())
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def _shingles(text: str) -> Counter[tuple[str, ...]]:
    words = WORD.findall(text)
    count = max(1, len(words) - SHINGLE_WORDS + 1)
    return Counter(tuple(words[i : i + SHINGLE_WORDS]) for i in range(count) if words[i:])


def precision(counts: Counts) -> float:
    tp, fp, fn = counts
    if fp == fn == 0:
        return 1.0
    return tp / (tp + fp) if tp + fp else 0.0


def recall(counts: Counts) -> float:
    tp, fp, fn = counts
    if fp == fn == 0:
        return 1.0
    return tp / (tp + fn) if tp + fn else 0.0


def scores(pages: list[Counts]) -> tuple[float, float, float]:
    """Mean precision (pages with a prediction), mean recall (pages with a truth), and F1."""
    p = statistics.mean(precision(c) for c in pages if c[0] + c[1] > 0)
    r = statistics.mean(recall(c) for c in pages if c[0] + c[2] > 0)
    return p, r, 2 * p * r / (p + r)


def main() -> None:
    parser = argparse.ArgumentParser(description="Score the HTML import beside trafilatura.")
    parser.add_argument("--eval-dir", type=Path, default=DEFAULT_EVAL_DIR)
    parser.add_argument("--output", type=Path, default=RESULTS, help="results file")
    parser.add_argument("--front-matter", action="store_true", help="print every front matter")
    arguments = parser.parse_args()
    folder = arguments.eval_dir.resolve() / "web_dev"
    truth = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
    ours: dict[str, Counts] = {}
    plain: dict[str, Counts] = {}
    refused: list[str] = []
    started = time.perf_counter()
    for page_id, expected in sorted(truth.items()):
        data = gzip.decompress((folder / "html" / f"{page_id}.html.gz").read_bytes())
        body = expected["articleBody"]
        try:
            article = read_html_article(decode_html(data, page_id), page_id, "page")
            text = article.body
            if arguments.front_matter:
                print(f"# {page_id[:12]} {expected['url']}")
                print(article_markdown(article).split("\n---\n")[0] + "\n---\n")
        except ContentError as error:
            refused.append(f"{page_id[:12]}: {error.detail}")
            text = ""
        ours[page_id] = shingle_counts(body, text)
        # trafilatura decodes the bytes itself, as a user of it would let it.
        plain[page_id] = shingle_counts(body, trafilatura.extract(data) or "")
    seconds = time.perf_counter() - started
    section = render(ours, plain, refused, seconds)
    print(section)
    replace_section(arguments.output, TITLE, section)


def render(
    ours: dict[str, Counts], plain: dict[str, Counts], refused: list[str], seconds: float
) -> str:
    mine, theirs = scores(list(ours.values())), scores(list(plain.values()))
    worse = [
        f"{page[:12]}: F1 {_f1(ours[page]):.3f} vs {_f1(plain[page]):.3f}"
        for page in sorted(ours)
        if _f1(plain[page]) - _f1(ours[page]) > WORSE_BY
    ]
    rows = [
        ["Briefs import (`read_html_article`, the body as analysed)", *map(_number, mine)],
        [
            f"trafilatura {trafilatura.__version__} `extract`, default options",
            *map(_number, theirs),
        ],
    ]
    is_met = mine[2] >= theirs[2] and not refused
    return "\n\n".join(
        [
            f"## {TITLE}",
            f"Data: web_dev: {len(ours)} saved pages with the article body a person marked. "
            f"Time: {seconds:.0f} s. Command: `python -m benchmarks.web_import`.",
            markdown_table(["system", "precision", "recall", "F1"], rows),
            "- Metric: the article-extraction benchmark's: 4-word shingles of `\\w+` words as "
            "multisets, per-page precision and recall (normalised), averaged; F1 of the means.",
            f"- Pages refused: {len(refused)}" + "".join(f"\n  - {line}" for line in refused),
            f"- Pages where the import's F1 is lower than trafilatura's by more than {WORSE_BY}: "
            f"{len(worse)}" + "".join(f"\n  - {line}" for line in worse),
            markdown_table(
                ["target", "figure", "goal", "verdict"],
                [
                    [
                        "HTML import: F1 ≥ plain trafilatura, no page refused",
                        f"{mine[2]:.3f} vs {theirs[2]:.3f}, {len(refused)} refused",
                        f"≥ {theirs[2]:.3f}, 0 refused",
                        "met" if is_met else "not met",
                    ]
                ],
            ),
        ]
    )


def _f1(counts: Counts) -> float:
    p, r = precision(counts), recall(counts)
    return 2 * p * r / (p + r) if p + r else 0.0


def _number(value: float) -> str:
    return f"{value:.3f}"


if __name__ == "__main__":
    main()
