"""The Targets table of benchmarks/RESULTS.md follows the benchmark sections under it: a benchmark
run alone rewrites its section, and the table at the top must show that section's goals and
verdicts, not the last full run's."""

from __future__ import annotations

from pathlib import Path

from benchmarks.common import replace_section, with_current_targets

TARGETS = "| target | figure | goal | verdict |\n|---|---|---|---|"


def _section(title: str, *rows: str) -> str:
    return "\n\n".join([f"## {title}", "Data: a set. Time: 3 s.", "\n".join([TARGETS, *rows])])


def _results(*sections: str) -> str:
    head = "# Benchmark results\n\n## Targets\n\n" + TARGETS + "\n| old goal | 1 | ≥ 1 | met |\n"
    return head + "\n" + "\n\n".join(sections) + "\n"


def test_a_rewritten_section_replaces_its_rows_at_the_top(tmp_path: Path) -> None:
    results = tmp_path / "RESULTS.md"
    results.write_text(_results(_section("Quotes", "| recall ≥ 0.85 | 0.9 | ≥ 0.85 | met |")))
    replace_section(
        results, "Quotes", _section("Quotes", "| recall ≥ 0.94 | 0.93 | ≥ 0.94 | not met |")
    )
    top = results.read_text().split("## Quotes")[0]
    assert "| recall ≥ 0.94 | 0.93 | ≥ 0.94 | not met |" in top
    assert "0.85" not in top and "old goal" not in top


def test_hand_written_sections_keep_their_targets_to_themselves() -> None:
    by_hand = "## A branch's record\n\nBy hand.\n\n" + TARGETS + "\n| branch goal | 2 | ≥ 2 | met |"
    text = _results(_section("Actors", "| F1 ≥ 0.78 | 0.8 | ≥ 0.78 | met |"), by_hand)
    top = with_current_targets(text).split("## Actors")[0]
    assert "| F1 ≥ 0.78 | 0.8 | ≥ 0.78 | met |" in top
    assert "branch goal" not in top


def test_rows_keep_the_order_of_their_sections() -> None:
    text = _results(
        _section("Key facts", "| facts | 0.18 | ≥ 0.2 | not met |"),
        _section("Actors", "| F1 | 0.8 | ≥ 0.78 | met |"),
    )
    top = with_current_targets(text).split("## Key facts")[0]
    assert top.index("| facts |") < top.index("| F1 |")
    assert with_current_targets(with_current_targets(text)) == with_current_targets(text)
