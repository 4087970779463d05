"""Whole builds: bad input is reported by file and loses nothing, output is deterministic."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import generator.analysis.analyse
import generator.analysis.corpus
from generator.build.manifest import manifest_path
from generator.build.memory import AnalysisCache
from generator.build.pipeline import build_briefs
from generator.corpus.actor_pages import ActorPagesMade
from generator.settings import Settings
from generator.site.write import WriteOutcome
from tests.seed_build import PORTS_BRIEF, PROJECT, SEED, SEED_SLUG, seed_and_ports

GOOD_MARKDOWN = """\
---
title: Ports reopen after the storm
date: 2024-06-19
source: Harbour Herald
---
The port of Rotterdam reopened on Tuesday after a two-day closure caused by the storm.

Dutch officials said the backlog of ships would clear within a week.
"""


@pytest.fixture
def project(tmp_path):
    content = tmp_path / "content"
    content.mkdir()
    shutil.copy(SEED, content / SEED.name)
    (content / "ports.md").write_text(GOOD_MARKDOWN, encoding="utf-8")
    return Settings(content, tmp_path / "briefs", PROJECT / "templates")


def tree_bytes(folder: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


def test_builds_every_article_and_the_index(project):
    report = build_briefs(project)
    assert not report.errors
    pages = {name for name, result in report.results.items() if "/" not in name}
    assert pages == {
        f"{SEED_SLUG}.md",
        "ports-reopen-after-the-storm.md",
        "index.md",
        "tags.md",
        "timeline.md",
        "feed.xml",
    }
    # Nobody is in both briefs: every actor is listed in the index, none has a page.
    assert "actors/index.md" in report.results
    assert "actors/vladimir-putin.md" not in report.results
    assert "Vladimir Putin" in (project.briefs_dir / "actors/by-name/v.md").read_text()
    assert all(result.outcome is WriteOutcome.NEW for result in report.results.values())
    index = (project.briefs_dir / "index.md").read_text(encoding="utf-8")
    # Newest first: the dated article before the undated seed.
    assert index.index("ports-reopen-after-the-storm.md") < index.index(f"{SEED_SLUG}.md")
    assert (project.briefs_dir / "tags.md").exists()


def test_bad_articles_are_named_and_the_rest_still_build(project):
    (project.content_dir / "broken.md").write_text("---\ndate: May 1st\n---\nText.\n")
    (project.content_dir / "empty.txt").write_text("")
    (project.content_dir / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00")
    report = build_briefs(project)
    assert report.errors == [
        "broken.md:2: front matter 'date': expected a date like 2024-05-01, got 'May 1st'",
        "empty.txt: the article is empty: there is no text to analyse",
        "image.png: unsupported file type '.png': expected .txt, .md, .markdown, .html or .htm",
    ]
    assert (project.briefs_dir / f"{SEED_SLUG}.md").exists()
    assert (project.briefs_dir / "ports-reopen-after-the-storm.md").exists()


def test_same_slug_twice_is_an_error_naming_both(project):
    (project.content_dir / "zz-copy.md").write_text(GOOD_MARKDOWN, encoding="utf-8")
    report = build_briefs(project)
    assert report.errors == [
        "zz-copy.md: its brief would be briefs/ports-reopen-after-the-storm.md, which ports.md "
        "already makes; give one of them another title or a 'slug' in its front matter"
    ]


def test_two_builds_are_byte_identical(project, tmp_path):
    build_briefs(project)
    first = tree_bytes(project.briefs_dir)
    shutil.rmtree(project.briefs_dir)
    build_briefs(project)
    assert tree_bytes(project.briefs_dir) == first


def test_rebuild_keeps_a_hand_edit(project):
    build_briefs(project)
    brief = project.briefs_dir / "ports-reopen-after-the-storm.md"
    edited = brief.read_text(encoding="utf-8") + "\nAnalyst note: check the tonnage figures.\n"
    brief.write_text(edited, encoding="utf-8")
    report = build_briefs(project)
    assert report.results["ports-reopen-after-the-storm.md"].outcome is WriteOutcome.KEPT_EDITS
    assert brief.read_text(encoding="utf-8") == edited


def test_cli_exit_status_says_something_failed(project):
    (project.content_dir / "empty.txt").write_text("")
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "generator",
            "build",
            "--content",
            str(project.content_dir),
            "--briefs",
            str(project.briefs_dir),
            "--templates",
            str(project.templates_dir),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1
    assert "error: empty.txt: the article is empty: there is no text to analyse" in result.stderr
    assert "pages: " in result.stdout and " new; 2 articles analysed; 1 errors" in result.stdout


def test_parallel_analysis_gives_the_same_briefs(project, tmp_path, monkeypatch):
    build_briefs(project)
    # Batches of one article, so that two processes each get some; and no cache to take from.
    monkeypatch.setattr(generator.analysis.analyse, "PIPE_BATCH_SIZE", 1)
    monkeypatch.setattr(generator.analysis.corpus, "PIPE_BATCH_SIZE", 1)
    parallel = Settings(
        project.content_dir,
        tmp_path / "parallel",
        project.templates_dir,
        processes=2,
        use_cache=False,
    )
    assert build_briefs(parallel).analysed == 2
    assert tree_bytes(parallel.briefs_dir) == tree_bytes(project.briefs_dir)


def test_related_briefs_pinned_or_blocked_in_front_matter_reach_the_links(tmp_path):
    settings = seed_and_ports(tmp_path)
    build_briefs(settings)
    seed = settings.briefs_dir / f"{SEED_SLUG}.md"
    ports_slug = PORTS_BRIEF.removesuffix(".md")
    seed.write_text(
        seed.read_text(encoding="utf-8").replace("---\n", f"---\nrelated_pin: [{ports_slug}]\n", 1),
        encoding="utf-8",
    )
    build_briefs(settings)
    text = seed.read_text(encoding="utf-8")
    assert "pinned by an analyst" in text and f"({ports_slug}.md)" in text
    seed.write_text(
        text.replace("related_pin:", "related_block: [other]\nrelated_pin:", 1), encoding="utf-8"
    )
    assert not build_briefs(settings).errors
    seed.write_text(text.replace("related_pin:", "related_block: {a: 1}\nrelated_pin:", 1))
    errors = build_briefs(settings).errors
    assert errors == [
        f"{seed}:2: front matter 'related_block': expected a list of brief slugs, got {{'a': 1}}"
    ]


def test_a_brief_rewritten_without_front_matter_is_kept(tmp_path):
    settings = seed_and_ports(tmp_path)
    build_briefs(settings)
    seed = settings.briefs_dir / f"{SEED_SLUG}.md"
    seed.write_text("# My own notes on the visit\n", encoding="utf-8")
    report = build_briefs(settings)
    assert not report.errors
    assert seed.read_text(encoding="utf-8") == "# My own notes on the visit\n"


def news(title: str, text: str) -> str:
    return f"---\ntitle: {title}\ndate: 2024-06-19\n---\n{text}\n"


SUMMIT = news(
    "Leaders meet in Berlin",
    "Chancellor Olaf Scholz met President Emmanuel Macron in Berlin on Monday. "
    'Macron said: "Europe must stand together."',
)
TRADE = news(
    "Trade talks resume",
    "Emmanuel Macron and Ursula von der Leyen opened trade talks in Brussels on Tuesday.",
)
GRID = news(
    "Grid upgrade approved",
    "Olaf Scholz approved a grid upgrade. Ursula von der Leyen welcomed the plan.",
)


def test_a_rebuild_in_one_process_writes_what_a_build_from_scratch_writes(tmp_path):
    """`briefs serve` keeps analyses and actor pages from build to build: after an edit its
    briefs folder holds, byte for byte, what a fresh build of the edited content writes."""
    for name in ("served", "fresh"):
        (tmp_path / name).mkdir()
    served, fresh = seed_and_ports(tmp_path / "served"), seed_and_ports(tmp_path / "fresh")
    for settings in (served, fresh):
        for name, text in (("summit", SUMMIT), ("trade", TRADE), ("grid", GRID)):
            (settings.content_dir / f"{name}.md").write_text(text, encoding="utf-8")
    analyses = AnalysisCache()
    made = ActorPagesMade()
    build_briefs(served, analysis_cache=analyses, actor_pages=made)
    assert made.pages  # the actor pages of the first build are kept for the next
    # Scholz leaves the grid story for Christine Lagarde: his page, Lagarde's and those of
    # the grid story's other actors change; the trade story's actors keep theirs.
    edit = GRID.replace("Olaf Scholz", "Christine Lagarde")
    for settings in (served, fresh):
        (settings.content_dir / "grid.md").write_text(edit, encoding="utf-8")
    build_briefs(served, analysis_cache=analyses, actor_pages=made)
    build_briefs(fresh)
    assert tree_bytes(served.briefs_dir) == tree_bytes(fresh.briefs_dir)
    # Served anew on a project built before, the first build plans the actor pages all the
    # same (instead of repeating the last build's answer), so that the first edit need not.
    starting = ActorPagesMade()
    build_briefs(fresh, actor_pages=starting)
    assert starting.pages.keys() == made.pages.keys()
    assert tree_bytes(served.briefs_dir) == tree_bytes(fresh.briefs_dir)


def test_on_written_is_called_once_the_pages_are_in_place_before_the_record(project):
    # `briefs serve` has MkDocs render the pages while the build saves what it keeps.
    record = manifest_path(project)
    assert record is not None
    seen = []

    def look() -> None:
        brief = project.briefs_dir / "ports-reopen-after-the-storm.md"
        seen.append((brief.is_file(), record.exists()))

    build_briefs(project, on_written=look)
    assert seen == [(True, False)]
    # A build with nothing to do answers from its record, and writes nothing to render.
    build_briefs(project, on_written=look)
    assert seen == [(True, False)]
