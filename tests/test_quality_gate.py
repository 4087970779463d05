"""Quality floors on small slices of the dev data: they may rise, but never fall silently.

Each floor sits a little under what the analysis scores on the slice today; raise it when the
analysis improves (run this file with `-s` to see the figures). The full figures, beside their
baselines, come from `python -m benchmarks.run` (benchmarks/RESULTS.md).
"""

from __future__ import annotations

import pytest

from benchmarks import actors, key_facts, quotes, related
from benchmarks.common import DEFAULT_EVAL_DIR, Options, Section
from tests.prerequisites import missing

if not DEFAULT_EVAL_DIR.is_dir():
    missing(f"the evaluation data {DEFAULT_EVAL_DIR} (../shared/eval beside the repository)")

FLOORS = {
    # (benchmark, documents, table row, column): floor
    ("key_facts", 40, "Briefs at a glance + key facts, first 3", "ROUGE-2 F1"): 0.13,
    ("actors", 60, "Briefs actors", "F1"): 0.76,
    ("quotes", 12, "Briefs quotes", "direct recall"): 0.90,
    ("quotes", 12, "Briefs quotes", "named-speaker accuracy"): 0.75,
    ("related", 160, "Briefs related reading", "P@3"): 0.95,
}
MODULES = {"key_facts": key_facts, "actors": actors, "quotes": quotes, "related": related}


@pytest.fixture(scope="module")
def sections():
    cache: dict[tuple[str, int], Section] = {}

    def section(name: str, documents: int) -> Section:
        if (name, documents) not in cache:
            cache[(name, documents)] = MODULES[name].run(Options(limit=documents))
        return cache[(name, documents)]

    return section


def figure(section: Section, row_name: str, column: str) -> float:
    """The number in a results table (the first table that has the row and the column)."""
    for headers, rows in section.tables:
        for row in rows:
            if row[0] == row_name and column in headers:
                return float(row[headers.index(column)].split()[0])
    raise KeyError(f"{section.title}: no {row_name!r} / {column!r}")


@pytest.mark.parametrize(("benchmark", "documents", "row", "column"), sorted(FLOORS))
def test_floor(sections, benchmark, documents, row, column):
    value = figure(sections(benchmark, documents), row, column)
    print(f"{benchmark} {row} {column}: {value:.3f}")
    assert value >= FLOORS[(benchmark, documents, row, column)]
