"""Edits while serving end where a whole build of the same content ends, page for page.

`briefs serve` builds the briefs with what it keeps from build to build (analyses, settled
actors, actor pages) and MkDocs rebuilds dirty with what it keeps (the docs folder's files,
tags); here both run in this process, as the server runs them, and the site they leave after
two quick saves, a renamed actor and a deleted article is the site a whole build makes.
"""

from __future__ import annotations

import shutil
import time
from types import SimpleNamespace

from generator.build.memory import AnalysisCache
from generator.build.pipeline import build_briefs
from generator.corpus.actor_pages import ActorPagesMade
from generator.site import mkdocs_plugin
from tests.conftest import tree_bytes
from tests.seed_build import PORTS, PORTS_BRIEF, PROJECT, SEED, SEED_SLUG, seed_and_ports
from tests.strict_site import BUILD_DATE
from tests.test_written_pages import SITEMAPS, served_build

PORTS_PAGE = PORTS_BRIEF.replace(".md", "/index.html")


def test_edits_while_serving_end_as_a_whole_build_of_the_same_content(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", BUILD_DATE)
    indexer = SimpleNamespace(request=lambda pages, content_bytes: None)
    monkeypatch.setattr(mkdocs_plugin, "BackgroundIndexer", lambda site: indexer)
    served = tmp_path / "served"
    served.mkdir()
    settings = seed_and_ports(served)
    shutil.copy(PROJECT / "mkdocs.yml", served / "mkdocs.yml")
    analyses, made = AnalysisCache(), ActorPagesMade()
    ports = settings.content_dir / "ports.md"

    def build_briefs_kept() -> None:
        time.sleep(0.05)  # the pages written after MkDocs' last build, by their times
        build_briefs(settings, analysis_cache=analyses, actor_pages=made)

    build_briefs_kept()
    served_build(served, dirty=True)
    # Two saves in a row: the second lands after the briefs build of the first, before MkDocs
    # has rebuilt; the page shows the second.
    ports.write_text(PORTS + "\nThe harbour master counted forty ships.\n", encoding="utf-8")
    build_briefs_kept()
    ports.write_text(PORTS + "\nThe harbour master counted ninety ships.\n", encoding="utf-8")
    build_briefs_kept()
    served_build(served, dirty=True)
    page = (served / "site" / PORTS_PAGE).read_text(encoding="utf-8")
    assert "ninety" in page
    assert "forty" not in page
    # An actor renamed, then an article deleted: its page is gone from the served site too.
    ports.write_text(PORTS.replace("Rotterdam", "Antwerp"), encoding="utf-8")
    build_briefs_kept()
    served_build(served, dirty=True)
    (settings.content_dir / SEED.name).unlink()
    build_briefs_kept()
    served_build(served, dirty=True)
    assert not (served / "site" / SEED_SLUG).exists()
    # A whole build of the same content, from nothing.
    fresh = tmp_path / "fresh"
    shutil.copytree(settings.content_dir, fresh / "content")
    shutil.copy(PROJECT / "mkdocs.yml", fresh / "mkdocs.yml")
    build_briefs(type(settings)(fresh / "content", fresh / "briefs", PROJECT / "templates"))
    served_build(fresh, dirty=False)
    pages, whole = tree_bytes(served / "site"), tree_bytes(fresh / "site")
    # The sitemaps stay as the server's first build wrote them (a dirty build writes none).
    assert [name for name in pages.keys() ^ whole.keys() if name not in SITEMAPS] == []
    assert [name for name in pages if pages[name] != whole[name] and name not in SITEMAPS] == []
    assert "Antwerp" in pages[PORTS_PAGE].decode()
