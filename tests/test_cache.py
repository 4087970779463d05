"""The analysis cache on disk: a rebuild reuses analyses, and never one made from other input."""

from __future__ import annotations

import dataclasses
import hashlib
import inspect
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from contextlib import closing

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

import generator.analysis.corpus
import generator.build.fingerprint
import generator.build.memory
import generator.build.pipeline
import generator.build.store
import generator.corpus.pair_scores
import generator.ingest.content
from generator.analysis.registry import Registry
from generator.build.fingerprint import GENERATOR_FOLDER, analysis_modules
from generator.build.manifest import MANIFEST_FILE
from generator.build.memory import AnalysisCache, BuildMemory
from generator.build.pipeline import build_briefs
from generator.build.store import (
    FEW_KEYS,
    STORE_FILE,
    STORE_FORMAT,
    KeptAnalysis,
    Store,
    registry_digest,
)
from generator.corpus.actor_pages import ActorPagesMade
from generator.corpus.pair_scores import PairScores, score_pairs
from generator.settings import Settings, read_site
from generator.site.write import WriteOutcome
from tests import conftest
from tests.seed_build import PORTS, PORTS_BRIEF, PROJECT, SEED, SEED_SLUG, seed_and_ports
from tests.test_pair_scores import SETTINGS as SCORE_SETTINGS
from tests.test_pair_scores import canonical
from tests.test_relate import CORPUS, make_brief


@pytest.fixture
def project(tmp_path):
    return seed_and_ports(tmp_path)


@pytest.fixture
def parsed(monkeypatch):
    """Slugs of the articles the language model parses, from here on."""
    slugs: list[str] = []
    analyse = generator.analysis.corpus.analyse_articles

    def counting(articles, *args):
        articles = list(articles)
        slugs.extend(article.slug for article in articles)
        return analyse(articles, *args)

    monkeypatch.setattr(generator.analysis.corpus, "analyse_articles", counting)
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

    monkeypatch.setattr(generator.analysis.corpus, "load_model", no_model)
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
    monkeypatch.setattr(
        generator.build.fingerprint, "analysis_fingerprint", lambda: "another version"
    )
    monkeypatch.setattr(
        generator.build.fingerprint, "generator_fingerprint", lambda: "another version"
    )
    build_briefs(project)
    assert len(parsed) == 2
    parsed.clear()
    monkeypatch.setattr(generator.build.fingerprint, "library_versions", lambda: "spacy==99")
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


def stored_keys(settings):
    """The keys of the analyses in the store."""
    with closing(sqlite3.connect(settings.analysis_cache_dir / STORE_FILE)) as connection:
        return [key for (key,) in connection.execute("SELECT key FROM analyses ORDER BY key")]


def test_a_damaged_entry_is_analysed_again(project, parsed):
    build_briefs(project)
    parsed.clear()
    assert len(stored_keys(project)) == 2
    path = project.analysis_cache_dir / STORE_FILE
    with closing(sqlite3.connect(path)) as connection, connection:
        connection.execute("UPDATE analyses SET brief = substr(brief, 1, 100)")
    # Without the last build's record the build runs in full and reads the damaged entries.
    (project.analysis_cache_dir / MANIFEST_FILE).unlink()
    before = tree_bytes(project.briefs_dir)
    build_briefs(project)
    assert len(parsed) == 2
    assert tree_bytes(project.briefs_dir) == before
    # The new analyses replaced the damaged ones: a rebuild parses nothing.
    parsed.clear()
    rebuild_in_full(project)
    assert parsed == []


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: b"not a database at all\n" * 100,
        lambda data: data[:100] + b"\xff" * 200 + data[300:],
        lambda data: data[: len(data) // 2],
        lambda data: b"",
    ],
    ids=["not a database", "a damaged header", "cut in half", "empty"],
)
def test_a_damaged_store_is_started_anew(project, parsed, damage):
    build_briefs(project)
    path = project.analysis_cache_dir / STORE_FILE
    path.write_bytes(damage(path.read_bytes()))
    parsed.clear()
    before = tree_bytes(project.briefs_dir)
    rebuild_in_full(project)
    assert sorted(parsed) == sorted([SEED_SLUG, PORTS_BRIEF.removesuffix(".md")])
    assert tree_bytes(project.briefs_dir) == before
    parsed.clear()
    rebuild_in_full(project)
    assert parsed == []


def test_a_store_of_another_format_is_started_anew(tmp_path, monkeypatch):
    store = Store.open(tmp_path)
    store.keep_analysis(key_of(1), KeptAnalysis("r", BRIEF))
    store.close()
    monkeypatch.setattr(generator.build.store, "STORE_FORMAT", STORE_FORMAT + 1)
    assert Store.open(tmp_path).analyses() == {}


def test_entries_of_removed_articles_are_deleted(project):
    build_briefs(project)
    (project.content_dir / "ports.md").unlink()
    build_briefs(project)
    assert len(stored_keys(project)) == 1


def key_of(number):
    return hashlib.sha256(str(number).encode()).digest()


BRIEF = make_brief("one", "a few words")


def test_space_of_forgotten_analyses_is_given_back(tmp_path):
    store = Store.open(tmp_path)
    large = dataclasses.replace(BRIEF, words="word " * 200_000)
    for number in range(10):
        store.keep_analysis(key_of(number), KeptAnalysis("r", large))
    size = (tmp_path / STORE_FILE).stat().st_size
    assert store.keep_only_analyses([key_of(0)]) == 9
    assert (tmp_path / STORE_FILE).stat().st_size < size / 5
    assert list(store.analyses()) == [key_of(0)]


STORE_OPERATIONS = st.lists(
    st.one_of(
        st.tuples(st.just("keep"), st.integers(0, 5), st.text(max_size=5)),
        st.tuples(st.just("keep only"), st.frozensets(st.integers(0, 5))),
        st.tuples(st.just("next build"), st.booleans()),
    ),
    max_size=25,
)
"""Keeping an analysis under one of six keys, keeping only some keys, and opening the store
again for a new build (read only, or not)."""


@given(STORE_OPERATIONS)
def test_a_store_gives_each_key_its_last_value(tmp_path_factory, operations):
    folder = tmp_path_factory.mktemp("store")
    store, expected = Store.open(folder), {}
    for operation in operations:
        if operation[0] == "keep":
            _, number, words = operation
            brief = KeptAnalysis("r", dataclasses.replace(BRIEF, words=words))
            if store.is_writable:
                store.keep_analysis(key_of(number), brief)
                expected[key_of(number)] = brief
            else:
                with pytest.raises(ValueError, match="the store was opened read only"):
                    store.keep_analysis(key_of(number), brief)
        elif operation[0] == "keep only" and store.is_writable:
            wanted = [key_of(number) for number in operation[1]]
            assert store.keep_only_analyses(wanted) == len(set(expected) - set(wanted))
            expected = {key: brief for key, brief in expected.items() if key in wanted}
        elif operation[0] == "next build":
            store.close()
            store = Store.open(folder, is_writable=operation[1])
        assert store.analyses() == expected
        some = {key_of(0), key_of(1)}
        assert store.analyses(some) == {k: b for k, b in expected.items() if k in some}
        # More keys than are looked up one by one: the table is read in one pass.
        many = some | {key_of(number) for number in range(FEW_KEYS + 1)}
        assert store.analyses(many) == expected
    store.close()


def test_kept_values_answer_only_for_this_code_and_kind(tmp_path, monkeypatch):
    store = Store.open(tmp_path)
    assert store.kept("scores", list) is None
    store.keep({"scores": [1, 2, 3], "links": {"a": 1}})
    assert store.kept("scores", list) == [1, 2, 3] and store.kept("links", dict) == {"a": 1}
    assert store.kept("scores", dict) is None
    # Arrays are kept beside the pickle; a long one in many parts.
    arrays = [np.arange(1000), np.zeros(3, bool), np.array([], np.int64)]
    store.keep({"scores": arrays})
    monkeypatch.setattr(generator.build.store, "PART_BYTES", 7)
    store.keep({"links": arrays})
    for name in ("scores", "links"):
        kept = Store.open(tmp_path, is_writable=False).kept(name, list)
        assert [array.tolist() for array in kept] == [array.tolist() for array in arrays]
        assert [array.dtype for array in kept] == [array.dtype for array in arrays]
    monkeypatch.setattr(generator.build.fingerprint, "generator_fingerprint", lambda: "other")
    assert store.kept("scores", list) is None


def test_scores_kept_in_the_store_are_corrected_like_fresh_ones(tmp_path, monkeypatch):
    monkeypatch.setattr(generator.corpus.pair_scores, "MOST_AFFECTED", 1.0)
    store = Store.open(tmp_path)
    store.keep({"scores": score_pairs(CORPUS, SCORE_SETTINGS)})
    kept = store.kept("scores", PairScores)
    changed = [*CORPUS]
    changed[1] = dataclasses.replace(CORPUS[1], words=CORPUS[1].words + " kim pyongyang")
    corrected = score_pairs(changed, SCORE_SETTINGS, kept)
    assert corrected.moved[1] and not corrected.moved.all()
    assert canonical(corrected) == canonical(score_pairs(changed, SCORE_SETTINGS))


def test_files_of_older_versions_are_deleted(project):
    for name in ("analyses.pack", "pair-scores.pickle"):
        project.analysis_cache_dir.mkdir(parents=True, exist_ok=True)
        (project.analysis_cache_dir / name).write_bytes(b"old")
    former = project.analysis_cache_dir / "analyses" / "ab"
    former.mkdir(parents=True)
    (former / "ab12.pickle").write_bytes(b"an analysis")
    build_briefs(project)
    assert sorted(p.name for p in project.analysis_cache_dir.iterdir()) == sorted(
        [STORE_FILE, MANIFEST_FILE, "file-digests.json"]
    )


def kept_analyses(settings):
    """The kept analyses a build of settings would take, by article file name."""
    with BuildMemory.open(settings, is_reusing=True, is_keeping=False) as memory:
        memory.kept_articles()
        return {name: kept.brief for name, kept in memory.kept.items()}


def test_an_entry_answers_only_for_its_own_article_file(project, monkeypatch):
    build_briefs(project)
    kept = kept_analyses(project)
    assert sorted(kept) == [SEED.name, "ports.md"]
    assert kept[SEED.name].article.slug == SEED_SLUG
    # Another model: no entry answers.
    monkeypatch.setattr(generator.build.memory, "model_identity", lambda name: "model==2")
    assert kept_analyses(project) == {}
    monkeypatch.undo()
    # Other bytes: the file's entry does not answer.
    ports = project.content_dir / "ports.md"
    ports.write_text(PORTS.replace("within a week", "within ten days"), encoding="utf-8")
    assert sorted(kept_analyses(project)) == [SEED.name]
    # Even with the seed's entry copied under the other file's key, it does not answer for it.
    with BuildMemory.open(project, is_reusing=True, is_keeping=True) as memory:
        memory.kept_articles()
        seed_analysis = KeptAnalysis(registry_digest(Registry()), kept[SEED.name])
        memory.store.keep_analysis(memory.file_keys["ports.md"], seed_analysis)
    assert sorted(kept_analyses(project)) == [SEED.name]


@pytest.fixture
def read(monkeypatch):
    """Names of the article files parsed, from here on."""
    names: list[str] = []
    parse = generator.ingest.content.read_article

    def counting(path, content_dir):
        names.append(path.name)
        return parse(path, content_dir)

    monkeypatch.setattr(generator.ingest.content, "read_article", counting)
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


def test_check_stores_no_analyses_and_a_damaged_store_is_parsed_again(project, read):
    build_briefs(project, check=True)
    assert not (project.analysis_cache_dir / STORE_FILE).exists()
    build_briefs(project)
    store = project.analysis_cache_dir / STORE_FILE
    store.write_bytes(store.read_bytes().replace(b"SQLite", b"sqlite", 1))
    read.clear()
    before = tree_bytes(project.briefs_dir)
    rebuild_in_full(project)
    assert sorted(read) == ["000_bc6acdc5faa14e28.txt", "ports.md"]
    assert tree_bytes(project.briefs_dir) == before


def kept_words(brief, number, round_):
    return dataclasses.replace(brief, words=f"{number} {round_} " * (1 + number * 500))


KEEPING = f"""
import dataclasses, datetime as dt, hashlib, sys
from pathlib import Path
from generator.build.store import KeptAnalysis, Store
from generator.models import Actor, Article, Brief
{inspect.getsource(make_brief)}
{inspect.getsource(key_of)}
{inspect.getsource(kept_words)}
BRIEF = make_brief("one", "a few words")
store = Store.open(Path(sys.argv[1]))
for round in range(1_000_000):
    for number in range(10):
        store.keep_analysis(key_of(number), KeptAnalysis("r", kept_words(BRIEF, number, round)))
        print(round, number, flush=True)
    store.keep({{"scores": [round] * 200_000, "links": [round] * 100}})
    store.keep_only_analyses(key_of(number) for number in range(round % 10))
"""
"""A build that keeps analyses and values in the store, and forgets some, without end."""


def test_a_store_killed_at_any_moment_keeps_whole_values(tmp_path):
    for kill in range(12):
        with subprocess.Popen(
            [sys.executable, "-c", KEEPING, str(tmp_path)],
            cwd=PROJECT,
            stdout=subprocess.PIPE,
            text=True,
        ) as keeping:
            assert keeping.stdout is not None
            # Killed once it said it kept 1 to 122 analyses (it may have gone further).
            for _ in range(1 + kill * 11):
                last = keeping.stdout.readline().split()
            keeping.send_signal(signal.SIGKILL)
        with closing(sqlite3.connect(tmp_path / STORE_FILE)) as connection:
            assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        store = Store.open(tmp_path)
        analyses = store.analyses()
        # Each key holds one of its own values, whole; the last one reported, or a later one,
        # unless a later build forgot that key.
        rounds = {}
        for key, kept in analyses.items():
            brief = kept.brief
            number, round_ = map(int, brief.words.split()[:2])
            assert key == key_of(number) and brief == kept_words(BRIEF, number, round_)
            rounds[number] = round_
        round_, number = map(int, last)
        assert rounds.get(number, round_) >= round_
        scores, links = store.kept("scores", list), store.kept("links", list)
        assert scores is None or scores == [scores[0]] * 200_000
        assert (scores is None) == (links is None)
        assert scores is None or links == [scores[0]] * 100
        store.close()


def analyses_kept(store_file):
    """How many analyses a store holds, read while a build may be writing it (0 before it is)."""
    try:
        with closing(sqlite3.connect(f"{store_file.as_uri()}?mode=ro", uri=True)) as connection:
            return connection.execute("SELECT count(*) FROM analyses").fetchone()[0]
    except sqlite3.Error:
        return 0


def test_a_build_killed_while_it_keeps_analyses_leaves_the_next_build_right(tmp_path, sample_build):
    shutil.copytree(PROJECT / "content", tmp_path / "content")
    settings = Settings(
        tmp_path / "content", tmp_path / "briefs", PROJECT / "templates", processes=1
    )
    site = read_site(PROJECT / "mkdocs.yml")
    settings = dataclasses.replace(settings, site_url=site.site_url, site_name=site.site_name)
    command = [sys.executable, "-m", "generator", "build", "--quiet"]
    command += ["--content", str(settings.content_dir), "--briefs", str(settings.briefs_dir)]
    command += ["--templates", str(settings.templates_dir)]
    command += ["--config-file", str(PROJECT / "mkdocs.yml")]
    store_file = settings.analysis_cache_dir / STORE_FILE
    with subprocess.Popen(command, cwd=tmp_path) as build:
        while analyses_kept(store_file) < 3:
            assert build.poll() is None, "the build ended before it could be killed"
            time.sleep(0.02)
        build.send_signal(signal.SIGKILL)
    report = build_briefs(settings)
    assert not report.errors
    assert 0 < report.analysed < report.articles - 2
    assert conftest.tree_bytes(settings.briefs_dir) == conftest.tree_bytes(sample_build / "briefs")


def test_a_process_that_builds_again_reads_from_the_store_only_what_changed(project, monkeypatch):
    """`briefs serve` holds the analyses it read: after an edit, the store is asked for the
    analysis of the edited article alone, and the briefs are those of a build from scratch."""
    asked: list[set[bytes] | None] = []
    analyses = Store.analyses

    def recorded(store: Store, keys: set[bytes] | None = None) -> dict[bytes, KeptAnalysis]:
        asked.append(None if keys is None else set(keys))
        return analyses(store, keys)

    build_briefs(project)  # an earlier session left its analyses in the store
    monkeypatch.setattr(Store, "analyses", recorded)
    held, made = AnalysisCache(), ActorPagesMade()
    build_briefs(project, analysis_cache=held, actor_pages=made)
    assert [len(keys or ()) for keys in asked] == [2]
    assert held.kept.keys() == asked[0]
    article = project.content_dir / "ports.md"
    article.write_text(PORTS + "\nThe harbour master thanked the crews.\n", encoding="utf-8")
    build_briefs(project, analysis_cache=held, actor_pages=made)
    assert len(asked) == 2
    assert asked[1] is not None
    assert len(asked[1]) == 1 and not asked[1] & asked[0]
    assert len(held.kept) == 2 and asked[1] <= held.kept.keys()
    served = tree_bytes(project.briefs_dir)
    build_briefs(project, force=True)
    assert tree_bytes(project.briefs_dir) == served
