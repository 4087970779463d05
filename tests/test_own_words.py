"""The project is written in its own words: no run of eight words in its code, comments, rule
examples, tests, templates, sample content or README is shared with the evaluation texts
(../shared/eval), whose articles belong to their publishers and are read for measuring only.

Official names of real bodies are names, not sentences: those listed in
tests/fixtures/official_names.yml (each with why) are excused, and only the name itself.
The lowercased, tokenised CNN/DM bulk set is left out: it is large (11,490 stories, slow to
hash), and the cased CNN/DM dev stories it shares its source with are read.
"""

from __future__ import annotations

import gzip
import json
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from benchmarks.common import DEFAULT_EVAL_DIR
from tests.prerequisites import missing

RUN = 8
"""Words in a run that counts as copied: long enough that two writers don't meet by chance."""
PROJECT = Path(__file__).resolve().parent.parent
WRITTEN_HERE = ("generator", "tests", "templates", "content")
ALSO_WRITTEN_HERE = ("README.md", "benchmarks/*.py")
OFFICIAL_NAMES = PROJECT / "tests" / "fixtures" / "official_names.yml"
BULK = "cnndm_bulk_lowercased"
WORD = re.compile(r"[a-z0-9]+")
"""A word: "isn't" and "isn’t" are both "isn" "t", so the apostrophe's form hides no copy."""


def lowered(text: str) -> str:
    """The text in lower case, a line break written in code (backslash n) as a space."""
    return text.lower().replace("\\n", "  ")


def words_of(text: str) -> list[str]:
    return WORD.findall(lowered(text))


def runs_of(words: list[str]) -> Iterator[tuple[int, str]]:
    """Each run of RUN words, by the index of its first word."""
    for start in range(len(words) - RUN + 1):
        yield start, " ".join(words[start : start + RUN])


def strings_in(record: Any) -> Iterator[str]:
    """Every string of a JSON record (article, title, highlights, attributed spans...)."""
    if isinstance(record, str):
        yield record
    elif isinstance(record, dict):
        for value in record.values():
            yield from strings_in(value)
    elif isinstance(record, list):
        if record and all(isinstance(item, str) for item in record):
            yield " ".join(record)  # CoNLL's tokens, highlights: one text
        for item in record:
            if not isinstance(item, str):
                yield from strings_in(item)


def eval_texts(folder: Path) -> Iterator[str]:
    for path in sorted(folder.glob("*.jsonl*")):
        if BULK in path.name:
            continue
        opener = gzip.open if path.suffix == ".gz" else open
        with opener(path, "rt", encoding="utf-8") as lines:
            for line in lines:
                if line.strip():
                    yield from strings_in(json.loads(line))
    ground_truth = folder / "web_dev" / "ground-truth.json"
    if ground_truth.is_file():
        yield from strings_in(json.loads(ground_truth.read_text(encoding="utf-8")))


@pytest.fixture(scope="module")
def eval_runs() -> frozenset[str]:
    if not DEFAULT_EVAL_DIR.is_dir():
        missing(f"the evaluation data {DEFAULT_EVAL_DIR} (../shared/eval beside the project)")
    runs = {run for text in eval_texts(DEFAULT_EVAL_DIR) for _, run in runs_of(words_of(text))}
    if not runs:
        missing(f"evaluation texts in {DEFAULT_EVAL_DIR}")
    return frozenset(runs)


def official_names() -> list[list[str]]:
    entries = yaml.safe_load(OFFICIAL_NAMES.read_text(encoding="utf-8"))
    return [words_of(entry["name"]) for entry in entries]


def project_files() -> Iterator[Path]:
    for folder in WRITTEN_HERE:
        yield from (path for path in sorted((PROJECT / folder).rglob("*")) if path.is_file())
    for pattern in ALSO_WRITTEN_HERE:
        yield from sorted(PROJECT.glob(pattern))


def text_of(path: Path) -> str | None:
    try:
        return path.read_text(encoding="utf-8")
    except (UnicodeDecodeError, OSError):
        return None  # an image, a font: no words


def outside_names(words: list[str], names: Iterable[list[str]]) -> list[bool]:
    """For each word, whether it lies outside every official name: runs may not cross a name."""
    free = [True] * len(words)
    for name in names:
        for start in range(len(words) - len(name) + 1):
            if words[start : start + len(name)] == name:
                free[start : start + len(name)] = [False] * len(name)
    return free


def copied_runs(
    text: str, eval_runs: frozenset[str], names: list[list[str]]
) -> list[tuple[int, str]]:
    """The copied runs of a text, overlapping ones joined: (line, words) each."""
    text = lowered(text)
    matches = list(WORD.finditer(text))
    words = [match.group() for match in matches]
    free = outside_names(words, names)
    copied = [False] * len(words)
    for start, run in runs_of(words):
        if all(free[start : start + RUN]) and run in eval_runs:
            copied[start : start + RUN] = [True] * RUN
    found, start = [], None
    for index, is_copied in enumerate([*copied, False]):
        if is_copied and start is None:
            start = index
        elif not is_copied and start is not None:
            line = text.count("\n", 0, matches[start].start()) + 1
            found.append((line, " ".join(words[start:index])))
            start = None
    return found


def test_no_eight_words_in_a_row_come_from_the_evaluation_texts(eval_runs):
    names = official_names()
    copies = [
        f"{path.relative_to(PROJECT)}:{line}: {run}"
        for path in project_files()
        if (text := text_of(path)) is not None
        for line, run in copied_runs(text, eval_runs, names)
    ]
    assert not copies, "runs shared with ../shared/eval; write them in your own words:\n" + (
        "\n".join(copies)
    )


def test_a_copied_run_is_found_with_its_line_and_a_name_alone_is_excused():
    source = "one two three four five six seven eight nine"
    eval_runs = frozenset(run for _, run in runs_of(words_of(source)))
    text = "header\nsaid: One two three four five six seven eight, in full\n"
    assert copied_runs(text, eval_runs, []) == [(2, "one two three four five six seven eight")]
    assert copied_runs(text, eval_runs, [words_of("Six Seven Eight")]) == []
    assert copied_runs("one two three four five six seven", eval_runs, []) == []


def test_every_official_name_says_why_it_is_excused():
    entries = yaml.safe_load(OFFICIAL_NAMES.read_text(encoding="utf-8"))
    assert entries
    for entry in entries:
        assert set(entry) == {"name", "why"}
        assert len(words_of(entry["name"])) >= 2 and entry["why"].strip()
