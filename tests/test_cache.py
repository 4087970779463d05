"""The analysis cache on disk: a rebuild reuses analyses, and never one made from other input."""

from __future__ import annotations

import dataclasses
import hashlib
import shutil

import pytest

import generator.cache
import generator.pipeline
from generator.cache import (
    ANALYSES_FOLDER,
    GENERATOR_FOLDER,
    AnalysisStore,
    analysis_modules,
)
from generator.manifest import MANIFEST_FILE
from generator.pipeline import build_briefs
from generator.registry import Registry
from generator.write import WriteOutcome
from tests.seed_build import PORTS, PORTS_BRIEF, SEED_SLUG, seed_and_ports


@pytest.fixture
def project(tmp_path):
    return seed_and_ports(tmp_path)


@pytest.fixture
def parsed(monkeypatch):
    """Slugs of the articles the language model parses, from here on."""
    slugs: list[str] = []
    analyse = generator.pipeline.analyse_articles

    def counting(articles, *args):
        articles = list(articles)
        slugs.extend(article.slug for article in articles)
        return analyse(articles, *args)

    monkeypatch.setattr(generator.pipeline, "analyse_articles", counting)
    return slugs


def tree_bytes(folder):
    return {p: p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_a_rebuild_parses_nothing_and_writes_the_same_briefs(project, parsed, monkeypatch):
    build_briefs(project)
    assert sorted(parsed) == sorted([SEED_SLUG, PORTS_BRIEF.removesuffix(".md")])
    before = tree_bytes(project.briefs_dir)
    parsed.clear()

    def no_model(*args):
        raise AssertionError("the model is loaded although every analysis is cached")

    monkeypatch.setattr(generator.pipeline, "load_model", no_model)
    report = build_briefs(project)
    assert parsed == [] and report.analysed == 0 and report.articles == 2
    assert "2 unchanged from the cache" in report.summary()
    assert {r.outcome for r in report.results.values()} == {WriteOutcome.UNCHANGED}
    assert tree_bytes(project.briefs_dir) == before


def test_a_changed_article_alone_is_parsed_again(project, parsed):
    build_briefs(project)
    parsed.clear()
    ports = project.content_dir / "ports.md"
    ports.write_text(PORTS.replace("within a week", "within ten days"), encoding="utf-8")
    report = build_briefs(project)
    assert parsed == [PORTS_BRIEF.removesuffix(".md")]
    assert report.results[PORTS_BRIEF].outcome is WriteOutcome.UPDATED
    assert "ten days" in (project.briefs_dir / PORTS_BRIEF).read_text(encoding="utf-8")


def test_front_matter_is_part_of_the_key(project, parsed):
    build_briefs(project)
    parsed.clear()
    ports = project.content_dir / "ports.md"
    ports.write_text(PORTS.replace("2024-06-19", "2024-06-20"), encoding="utf-8")
    build_briefs(project)
    # The date resolves "Tuesday": a cached analysis with the old date would be stale.
    assert parsed == [PORTS_BRIEF.removesuffix(".md")]


def test_a_changed_registry_or_generator_invalidates_every_analysis(project, parsed, monkeypatch):
    build_briefs(project)
    parsed.clear()
    registry = "- name: Port of Rotterdam\n  kind: organisation\n"
    (project.content_dir / "actors.yml").write_text(registry, encoding="utf-8")
    build_briefs(project)
    assert len(parsed) == 2
    parsed.clear()
    # Analysis code is generator code too: both digests change.
    monkeypatch.setattr(generator.cache, "analysis_fingerprint", lambda: "another version")
    monkeypatch.setattr(generator.cache, "generator_fingerprint", lambda: "another version")
    build_briefs(project)
    assert len(parsed) == 2
    parsed.clear()
    monkeypatch.setattr(generator.cache, "library_versions", lambda: "spacy==99")
    build_briefs(project)
    assert len(parsed) == 2


def test_the_analysis_code_is_what_analyse_and_language_import_and_nothing_else():
    names = {path.relative_to(GENERATOR_FOLDER).as_posix() for path in analysis_modules()}
    assert {"analyse.py", "language.py", "extract/actors.py", "extract/dates.py"} <= names
    assert {"models.py", "registry.py", "gazetteer.py", "extract/__init__.py"} <= names
    assert not names & {"relate.py", "render.py", "pipeline.py", "write.py", "cli.py"}


def test_force_and_no_cache_parse_everything(project, parsed):
    build_briefs(project)
    parsed.clear()
    build_briefs(project, force=True)
    assert len(parsed) == 2
    parsed.clear()
    build_briefs(dataclasses.replace(project, use_cache=False))
    assert len(parsed) == 2


def test_check_reads_the_cache_but_writes_nothing(project, parsed):
    build_briefs(project, check=True)
    assert not project.analysis_cache_dir.exists()
    build_briefs(project)
    parsed.clear()
    assert not build_briefs(project, check=True).stale()
    assert parsed == []


def test_a_damaged_entry_is_analysed_again(project, parsed):
    build_briefs(project)
    parsed.clear()
    entries = sorted((project.analysis_cache_dir / ANALYSES_FOLDER).rglob("*.pickle"))
    assert len(entries) == 2
    entries[0].write_bytes(b"not a pickle")
    entries[1].write_bytes(entries[1].read_bytes()[:40])
    # Without the last build's record the build runs in full and reads the damaged entries.
    (project.analysis_cache_dir / MANIFEST_FILE).unlink()
    before = tree_bytes(project.briefs_dir)
    build_briefs(project)
    assert len(parsed) == 2
    assert tree_bytes(project.briefs_dir) == before


def test_entries_of_removed_articles_are_deleted(project):
    build_briefs(project)
    (project.content_dir / "ports.md").unlink()
    build_briefs(project)
    assert len(list((project.analysis_cache_dir / ANALYSES_FOLDER).rglob("*.pickle"))) == 1


def test_an_entry_answers_only_for_its_own_article_file(project):
    build_briefs(project)
    articles = generator.pipeline.read_articles(project.content_dir, [])
    seed = next(article for article in articles if article.slug == SEED_SLUG)
    seed_bytes = (project.content_dir / seed.path).read_bytes()
    digest = hashlib.sha256(seed_bytes).digest()
    store = AnalysisStore.open(project.analysis_cache_dir, "model==1", Registry())
    assert store.read(seed.path, digest, lambda: seed) is seed  # nothing stored: parsed
    brief = generator.pipeline.analyse_corpus([seed], project, Registry())[0]
    store.save(brief)

    def parse_fails():
        raise AssertionError("a stored article was parsed again")

    again = AnalysisStore.open(project.analysis_cache_dir, "model==1", Registry())
    assert again.read(seed.path, digest, parse_fails) == seed
    assert again.load(seed) == brief
    # Another model, other bytes, or another file name: the entry does not answer.
    other_model = AnalysisStore.open(project.analysis_cache_dir, "model==2", Registry())
    assert other_model.read(seed.path, digest, lambda: seed) is seed
    assert other_model.load(seed) is None
    edited = AnalysisStore.open(project.analysis_cache_dir, "model==1", Registry())
    edited.read(seed.path, hashlib.sha256(seed_bytes + b"!").digest(), lambda: seed)
    assert edited.load(seed) is None
    # Even with the entry copied under another file's key, it does not answer for that file.
    ports_digest = hashlib.sha256((project.content_dir / "ports.md").read_bytes()).digest()
    ports = edited.read("ports.md", ports_digest, lambda: seed)
    target = edited.entries.path(edited.key(ports))
    target.parent.mkdir(exist_ok=True)
    shutil.copy(again.entries.path(again.key(seed)), target)
    copied = AnalysisStore.open(project.analysis_cache_dir, "model==1", Registry())
    assert copied.load(copied.read("ports.md", ports_digest, lambda: seed)) is None


@pytest.fixture
def read(monkeypatch):
    """Names of the article files parsed, from here on."""
    names: list[str] = []
    parse = generator.pipeline.read_article

    def counting(path, content_dir):
        names.append(path.name)
        return parse(path, content_dir)

    monkeypatch.setattr(generator.pipeline, "read_article", counting)
    return names


def rebuild_in_full(settings):
    """Build without the last build's record, which would skip reading altogether."""
    (settings.analysis_cache_dir / MANIFEST_FILE).unlink(missing_ok=True)
    return build_briefs(settings)


def test_a_rebuild_parses_only_the_article_files_that_changed(project, read):
    build_briefs(project)
    assert sorted(read) == ["000_bc6acdc5faa14e28.txt", "ports.md"]
    read.clear()
    first = tree_bytes(project.briefs_dir)
    rebuild_in_full(project)
    assert read == [] and tree_bytes(project.briefs_dir) == first
    ports = project.content_dir / "ports.md"
    ports.write_text(PORTS.replace("within a week", "within ten days"), encoding="utf-8")
    rebuild_in_full(project)
    assert read == ["ports.md"]
    assert "within ten days" in (project.briefs_dir / PORTS_BRIEF).read_text(encoding="utf-8")


def test_force_parses_everything(project, read):
    build_briefs(project)
    read.clear()
    build_briefs(project, force=True)
    assert sorted(read) == ["000_bc6acdc5faa14e28.txt", "ports.md"]


def test_check_stores_no_analyses_and_a_damaged_entry_is_parsed_again(project, read):
    build_briefs(project, check=True)
    assert not list((project.analysis_cache_dir / ANALYSES_FOLDER).rglob("*.pickle"))
    build_briefs(project)
    for entry in (project.analysis_cache_dir / ANALYSES_FOLDER).rglob("*.pickle"):
        entry.write_bytes(b"not a pickle")
    read.clear()
    before = tree_bytes(project.briefs_dir)
    rebuild_in_full(project)
    assert sorted(read) == ["000_bc6acdc5faa14e28.txt", "ports.md"]
    assert tree_bytes(project.briefs_dir) == before
