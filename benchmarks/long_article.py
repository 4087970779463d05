"""Build long articles with a few ordinary ones: eval text in, build time and peak memory out.

python -m benchmarks.long_article [--eval-dir DIR] [--output FILE] [--others N]

Makes, at run time and in a temporary folder (never in the repository), a 1.2-million-character
article and an article just under the 5,000,000-byte limit from the paragraphs of bbc_news (then
cnndm_dev), beside N ordinary cnndm_dev articles, and runs `briefs build` on them in a child
process. Prints the figures and writes them as the "Long articles" section of RESULTS.md.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import yaml

from benchmarks.common import (
    DEFAULT_EVAL_DIR,
    REPO_ROOT,
    markdown_table,
    read_jsonl,
    replace_section,
)
from generator.ingest.article_file import MAX_ARTICLE_BYTES

TITLE = "Long articles"
LONG_CHARS = 1_200_000
PEAK_TARGET_MIB = 1536
RESULTS = REPO_ROOT / "benchmarks" / "RESULTS.md"


def paragraphs(eval_dir: Path) -> Iterator[str]:
    """Every paragraph of bbc_news, then of cnndm_dev, in file order."""
    for record in read_jsonl(eval_dir / "bbc_news.jsonl.gz"):
        yield from (p.strip() for p in record["text"].split("\n\n") if p.strip())
    for record in read_jsonl(eval_dir / "cnndm_dev.jsonl"):
        yield from (p.strip() for p in record["article"].split("\n") if p.strip())


def long_article(title: str, eval_dir: Path, *, chars: int = 0, max_bytes: int = 0) -> str:
    """A Markdown article of the eval paragraphs up to chars characters or max_bytes bytes."""
    head = f"---\n{yaml.safe_dump({'title': title})}---\n"
    body: list[str] = []
    size = len(head.encode()) if max_bytes else 0
    for paragraph in paragraphs(eval_dir):
        length = len((paragraph + "\n\n").encode()) if max_bytes else len(paragraph) + 2
        if (max_bytes and size + length > max_bytes) or (chars and size >= chars):
            break
        body.append(paragraph)
        size += length
    return head + "\n\n".join(body) + "\n"


def make_content(content: Path, eval_dir: Path, others: int) -> dict[str, int]:
    """Write the two long articles and the ordinary ones; return each file's size in bytes."""
    content.mkdir()
    files = {
        "long-1-2-million-characters.md": long_article(
            "A long article of 1.2 million characters", eval_dir, chars=LONG_CHARS
        ),
        "long-5-megabytes.md": long_article(
            "A long article of five megabytes", eval_dir, max_bytes=MAX_ARTICLE_BYTES - 1000
        ),
    }
    for record in read_jsonl(eval_dir / "cnndm_dev.jsonl", others):
        title = record["article"].split(".")[0][:80]
        text = record["article"].replace("\n", "\n\n")
        files[f"cnndm-{record['id'][:12]}.md"] = (
            f"---\n{yaml.safe_dump({'title': title})}---\n{text}\n"
        )
    for name, text in files.items():
        (content / name).write_text(text, encoding="utf-8")
    return {name: len(text.encode()) for name, text in files.items()}


def child(folder: Path) -> None:
    """Build folder/content into folder/briefs and print the figures as one JSON line."""
    from benchmarks.speed import peak_mib
    from generator.build.pipeline import build_briefs
    from generator.settings import Settings

    started = time.perf_counter()
    report = build_briefs(
        Settings(folder / "content", folder / "briefs", REPO_ROOT / "templates", use_cache=False)
    )
    seconds = time.perf_counter() - started
    figures = {
        "seconds": seconds,
        "peak_mib": peak_mib(),
        "errors": report.errors,
        "pages": len(report.results),
    }
    print(json.dumps(figures))


def main() -> None:
    parser = argparse.ArgumentParser(description="Time and measure the build of long articles.")
    parser.add_argument("--eval-dir", type=Path, default=DEFAULT_EVAL_DIR)
    parser.add_argument("--others", type=int, default=5, help="ordinary articles beside them")
    parser.add_argument("--output", type=Path, default=RESULTS, help="results file")
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    arguments = parser.parse_args()
    if arguments.child is not None:
        child(arguments.child)
        return
    with tempfile.TemporaryDirectory(prefix="briefs-long-") as temporary:
        folder = Path(temporary)
        sizes = make_content(folder / "content", arguments.eval_dir.resolve(), arguments.others)
        command = [sys.executable, "-m", "benchmarks.long_article", "--child", str(folder)]
        result = subprocess.run(command, cwd=REPO_ROOT, capture_output=True, text=True)
        if result.returncode != 0:
            raise SystemExit(f"the build failed:\n{result.stderr[-3000:]}")
        figures = json.loads(result.stdout.strip().splitlines()[-1])
        written = sorted(p.name for p in (folder / "briefs").glob("*.md"))
    section = render(sizes, figures, written, arguments.others)
    print(section)
    replace_section(arguments.output, TITLE, section)


def render(
    sizes: dict[str, int], figures: dict[str, object], written: list[str], others: int
) -> str:
    rows = [[name, f"{size:,}"] for name, size in sizes.items() if name.startswith("long-")]
    peak = float(figures["peak_mib"])  # type: ignore[arg-type]
    errors = figures["errors"]
    count = len(errors) if isinstance(errors, list) else 0
    verdict = "met" if peak <= PEAK_TARGET_MIB and not errors else "not met"
    return "\n\n".join(
        [
            f"## {TITLE}",
            "Data: two articles made at run time from the paragraphs of bbc_news.jsonl.gz (then "
            f"cnndm_dev.jsonl), one of {LONG_CHARS:,} characters and one just under the "
            f"{MAX_ARTICLE_BYTES:,}-byte limit, beside {others} cnndm_dev articles, built with "
            "`build_briefs` (no cache) in a child process. Command: "
            "`python -m benchmarks.long_article`.",
            markdown_table(["article", "bytes"], rows),
            markdown_table(
                ["build", "value"],
                [
                    ["seconds", f"{float(figures['seconds']):.0f}"],  # type: ignore[arg-type]
                    ["peak memory (VmHWM), MiB", f"{peak:,.0f}"],
                    ["pages written", str(figures["pages"])],
                    [
                        "briefs of the long articles",
                        ", ".join(n for n in written if n.startswith("a-long")),
                    ],
                    ["errors", str(count)],
                ],
            ),
            markdown_table(
                ["target", "figure", "goal", "verdict"],
                [
                    [
                        "memory: peak of a build with a 5 MB article",
                        f"{peak:,.0f} MiB, {count} errors",
                        f"≤ {PEAK_TARGET_MIB} MiB, both built",
                        verdict,
                    ]
                ],
            ),
        ]
    )


if __name__ == "__main__":
    main()
