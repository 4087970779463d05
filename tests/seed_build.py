"""Build the seed article's brief in a scratch folder: shared by the golden test and its refresh."""

from __future__ import annotations

import shutil
from pathlib import Path

from generator.build.pipeline import build_briefs
from generator.build.report import BuildReport
from generator.settings import Settings

PROJECT = Path(__file__).resolve().parent.parent
SEED = PROJECT / "seeds" / "000_bc6acdc5faa14e28.txt"
SEED_SLUG = "putin-makes-first-visit-to-north-korea-in-24-years"
GOLDEN_BRIEF = PROJECT / "tests" / "golden" / f"{SEED_SLUG}.md"
PORTS = """\
---
title: Ports reopen after the storm
date: 2024-06-19
---
The port of Rotterdam reopened on Tuesday after a two-day closure caused by the storm.

Dutch officials said the backlog of ships would clear within a week.
"""
PORTS_BRIEF = "ports-reopen-after-the-storm.md"


def build_seed(workdir: Path) -> tuple[BuildReport, Path]:
    """Build the seed alone into workdir/briefs and return the report and the brief's path."""
    content = workdir / "content"
    content.mkdir(parents=True, exist_ok=True)
    shutil.copy(SEED, content / SEED.name)
    settings = Settings(content, workdir / "briefs", PROJECT / "templates")
    return build_briefs(settings), settings.briefs_dir / f"{SEED_SLUG}.md"


def seed_and_ports(workdir: Path, templates: Path = PROJECT / "templates") -> Settings:
    """Settings of a two-article project in workdir: the seed and a short Markdown article."""
    content = workdir / "content"
    content.mkdir()
    shutil.copy(SEED, content / SEED.name)
    (content / "ports.md").write_text(PORTS, encoding="utf-8")
    return Settings(content, workdir / "briefs", templates)
