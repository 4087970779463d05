"""The analysis cache on disk: a rebuild reuses analyses, and never one made from other input."""

from __future__ import annotations

import dataclasses
import hashlib

import pytest
from hypothesis import given
from hypothesis import strategies as st

import generator.build.cache
import generator.build.pipeline
from generator.analysis.registry import Registry
from generator.build.cache import (
    ANALYSES_FILE,
    FORMER_ANALYSES_FOLDER,
    GENERATOR_FOLDER,
    RECORD_HEADER,
    AnalysisStore,
    PackFile,
    analysis_modules,
)
from generator.build.manifest import MANIFEST_FILE
from generator.build.pipeline import build_briefs
from generator.site.write import WriteOutcome
from tests.seed_build import PORTS, PORTS_BRIEF, SEED_SLUG, seed_and_ports


@pytest.fixture
def project(tmp_path):
    return seed_and_ports(tmp_path)


@pytest.fixture
def parsed(monkeypatch):
    """Slugs of the articles the language model parses, from here on."""
    slugs: list[str] = []
    analyse = generator.build.pipeline.analyse_articles

    def counting(articles, *args):
        articles = list(articles)
        slugs.extend(article.slug for article in articles)
        return analyse(articles, *args)

    monkeypatch.setattr(generator.build.pipeline, "analyse_articles", counting)
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

    monkeypatch.setattr(generator.build.pipeline, "load_model", no_model)
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
    monkeypatch.setattr(generator.build.cache, "analysis_fingerprint", lambda: "another version")
    monkeypatch.setattr(generator.build.cache, "generator_fingerprint", lambda: "another version")
    build_briefs(project)
    assert len(parsed) == 2
    parsed.clear()
    monkeypatch.setattr(generator.build.cache, "library_versions", lambda: "spacy==99")
    build_briefs(project)
    assert len(parsed) == 2


def test_the_analysis_code_is_what_analyse_and_language_import_and_nothing_else():
    names = {path.relative_to(GENERATOR_FOLDER).as_posix() for path in analysis_modules()}
    assert {"analysis/analyse.py", "analysis/language.py", "analysis/actors/extract.py"} <= names
    assert {"models.py", "analysis/registry.py", "analysis/gazetteer.py", "ingest/read.py"} <= names
    assert {"analysis/dates.py", "analysis/__init__.py", "ingest/web_page.py"} <= names
    assert not names & {
        "corpus/relate.py",
        "site/render.py",
        "build/pipeline.py",
        "site/write.py",
        "cli.py",
    }


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


def pack_values(settings):
    """The values in the analyses' pack: (key, pickle) in the order they were written."""
    data = (settings.analysis_cache_dir / ANALYSES_FILE).read_bytes()
    values, start = [], data.index(b"\n") + 1
    while start < len(data):
        _mark, key, length = RECORD_HEADER.unpack_from(data, start)
        start += RECORD_HEADER.size
        values.append((key.hex(), data[start : start + length]))
        start += length
    return values


def test_a_damaged_entry_is_analysed_again(project, parsed):
    build_briefs(project)
    parsed.clear()
    pack = project.analysis_cache_dir / ANALYSES_FILE
    data = pack.read_bytes()
    assert len(pack_values(project)) == 2
    # The first value's pickle spoilt, the second torn off halfway.
    first = data.index(b"\n") + 1 + RECORD_HEADER.size
    pack.write_bytes(data[:first] + b"X" * 40 + data[first + 40 : len(data) - 2000])
    # Without the last build's record the build runs in full and reads the damaged entries.
    (project.analysis_cache_dir / MANIFEST_FILE).unlink()
    before = tree_bytes(project.briefs_dir)
    build_briefs(project)
    assert len(parsed) == 2
    assert tree_bytes(project.briefs_dir) == before
    # The torn value was cut off before the new ones were appended: a rebuild parses nothing.
    parsed.clear()
    rebuild_in_full(project)
    assert parsed == []


def test_entries_of_removed_articles_are_deleted(project):
    build_briefs(project)
    (project.content_dir / "ports.md").unlink()
    build_briefs(project)
    assert len(pack_values(project)) == 1


def key_of(number):
    return hashlib.sha256(str(number).encode()).hexdigest()


def test_a_pack_is_written_anew_only_once_a_quarter_is_unwanted(tmp_path):
    pack = PackFile(tmp_path / ANALYSES_FILE)
    for number in range(10):
        pack.save(key_of(number), number)
    everything = [key_of(number) for number in range(10)]
    for number in range(3):
        pack.save(key_of(number), -number)  # 13 values, 3 superseded
    assert pack.keep_only(everything) == 0
    size = pack.path.stat().st_size
    pack.save(key_of(3), -3)  # 14 values, 4 superseded: more than a quarter
    assert pack.keep_only(everything) == 4
    assert pack.path.stat().st_size < size
    again = PackFile(pack.path)
    assert [again.load(key_of(number)) for number in range(5)] == [0, -1, -2, -3, 4]
    assert again.keep_only(everything[:7]) == 3
    assert PackFile(pack.path).load(key_of(8)) is None


PACK_OPERATIONS = st.lists(
    st.one_of(
        st.tuples(st.just("save"), st.integers(0, 5), st.integers()),
        st.tuples(st.just("keep only"), st.frozensets(st.integers(0, 5))),
        st.tuples(st.just("next build"), st.booleans()),
    ),
    max_size=25,
)
"""Saves of a value under one of six keys, keeping only some keys, and a new build's pack
(after a build killed while appending, or not)."""


@given(PACK_OPERATIONS)
def test_a_pack_gives_a_key_only_its_own_values(tmp_path_factory, operations):
    """A key's value is its last one; a torn append may lose values saved before it, or leave
    an earlier value of theirs, never another key's.

    (In the cache a key is the digest of all an analysis depends on: all its values are equal.)
    """
    path = tmp_path_factory.mktemp("pack") / ANALYSES_FILE
    pack, saved, last = PackFile(path), {}, {}
    for operation in operations:
        if operation[0] == "save":
            _, number, value = operation
            pack.save(key_of(number), value)
            saved.setdefault(number, []).append(value)
            last[number] = value  # kept, and saved since the last torn append
        elif operation[0] == "keep only":
            pack.keep_only(key_of(number) for number in operation[1])
            last = {number: value for number, value in last.items() if number in operation[1]}
        else:
            if operation[1] and path.exists():
                last = {}
                with path.open("r+b") as pack_file:
                    pack_file.truncate(path.stat().st_size - 3)
            pack = PackFile(path)
        for number in range(6):
            loaded = PackFile(path).load(key_of(number))
            assert loaded is None or loaded in saved[number]
            if number in last:
                assert loaded == pack.load(key_of(number)) == last[number]


def test_analyses_kept_one_file_each_by_an_older_version_are_deleted(project):
    former = project.analysis_cache_dir / FORMER_ANALYSES_FOLDER / "ab"
    former.mkdir(parents=True)
    (former / "ab12.pickle").write_bytes(b"an analysis")
    build_briefs(project)
    assert not (project.analysis_cache_dir / FORMER_ANALYSES_FOLDER).exists()


def test_an_entry_answers_only_for_its_own_article_file(project):
    build_briefs(project)
    articles = generator.build.pipeline.read_articles(project.content_dir, [])
    seed = next(article for article in articles if article.slug == SEED_SLUG)
    seed_bytes = (project.content_dir / seed.path).read_bytes()
    digest = hashlib.sha256(seed_bytes).digest()
    store = AnalysisStore.open(project.analysis_cache_dir, "model==1", Registry())
    assert store.read(seed.path, digest, lambda: seed) is seed  # nothing stored: parsed
    brief = generator.build.pipeline.analyse_corpus([seed], project, Registry())[0]
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
    edited.entries.save(edited.key(ports), brief)
    copied = AnalysisStore.open(project.analysis_cache_dir, "model==1", Registry())
    assert copied.load(copied.read("ports.md", ports_digest, lambda: seed)) is None


@pytest.fixture
def read(monkeypatch):
    """Names of the article files parsed, from here on."""
    names: list[str] = []
    parse = generator.build.pipeline.read_article

    def counting(path, content_dir):
        names.append(path.name)
        return parse(path, content_dir)

    monkeypatch.setattr(generator.build.pipeline, "read_article", counting)
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
    assert not (project.analysis_cache_dir / ANALYSES_FILE).exists()
    build_briefs(project)
    pack = project.analysis_cache_dir / ANALYSES_FILE
    pack.write_bytes(pack.read_bytes().replace(b"\n", b"\r", 1))
    read.clear()
    before = tree_bytes(project.briefs_dir)
    rebuild_in_full(project)
    assert sorted(read) == ["000_bc6acdc5faa14e28.txt", "ports.md"]
    assert tree_bytes(project.briefs_dir) == before
