"""`briefs analyse`: JSON Lines in, one analysis line out per article, errors by line."""

from __future__ import annotations

import json

from click.testing import CliRunner

from generator.cli import main
from tests.seed_build import SEED

RECORD = {
    "id": "ports-1",
    "title": "Ports reopen",
    "date": "2024-06-19",
    "text": "The port of Rotterdam reopened on Tuesday after a two-day closure.\n"
    "Dutch officials said the backlog of ships would clear within a week.",
}


def run(tmp_path, lines):
    path = tmp_path / "in.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return CliRunner().invoke(main, ["analyse", str(path)])


def test_one_line_per_article_with_every_section(tmp_path):
    seed_text = SEED.read_text(encoding="utf-8")
    result = run(tmp_path, [json.dumps(RECORD), json.dumps({"id": "seed", "text": seed_text})])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["id"] for r in records] == ["ports-1", "seed"]
    assert set(records[0]) >= {"key_facts", "actors", "timeline", "quotes", "related"}
    actor = records[0]["actors"][0]
    assert set(actor) >= {"name", "kind", "role", "aliases", "mentions"}
    assert records[0]["timeline"][0]["value"] == "2024-06-18"  # Tuesday before the 19th


def test_bad_lines_are_reported_and_the_rest_analysed(tmp_path):
    result = run(tmp_path, ["{not json", json.dumps({"id": 3}), json.dumps(RECORD)])
    assert result.exit_code == 1
    assert "in.jsonl:1: not valid JSON" in result.stderr
    assert "in.jsonl:2: missing required field 'text'" in result.stderr
    assert len(result.stdout.splitlines()) == 1


def test_a_first_paragraph_that_repeats_the_title_is_not_the_story(tmp_path):
    title = "Port Workers Face Long Delays After The Rotterdam Closure"
    repeated = {**RECORD, "title": title, "text": f"{title}.\n\n{RECORD['text']}"}
    result = run(tmp_path, [json.dumps(repeated)])
    (record,) = [json.loads(line) for line in result.stdout.splitlines()]
    assert record["at_a_glance"].startswith("The port of Rotterdam reopened")
    assert all("Delays" not in fact for fact in record["key_facts"])
