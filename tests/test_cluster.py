"""Analysis on a Dask cluster gives the briefs a local run gives, and survives a lost worker."""

from __future__ import annotations

import dataclasses
import json
import os
import signal
import subprocess
import sys

import pytest
from click.testing import CliRunner

import generator.analysis.cluster
from generator.build.pipeline import build_briefs
from generator.cli import main
from generator.ingest.content import read_articles
from generator.settings import Settings, read_site
from tests.conftest import tree_bytes
from tests.failing_analysis import fail_analysis_of
from tests.seed_build import PROJECT

if os.environ.get("CI"):
    import distributed  # CI installs the test extra, which brings Dask: these tests must run
else:
    distributed = pytest.importorskip(
        "distributed", reason="Dask is not installed (pip install -e '.[test]' brings it)"
    )


@pytest.fixture(scope="module")
def cluster():
    """A local cluster of two worker processes, one thread each."""
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    ) as local:
        yield local


def test_without_the_flag_nothing_of_dask_is_imported():
    imported = subprocess.run(
        [sys.executable, "-c", "import sys, generator.cli; print(sorted(sys.modules))"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "'dask" not in imported and "'distributed" not in imported


def test_analyse_on_a_cluster_writes_the_lines_a_local_run_writes(cluster, tmp_path):
    articles = read_articles(PROJECT / "content", [])
    records = [
        {"id": a.path, "title": a.title, "text": "\n\n".join(a.paragraphs)} for a in articles
    ]
    jsonl = tmp_path / "articles.jsonl"
    jsonl.write_text("".join(json.dumps(record) + "\n" for record in records), encoding="utf-8")
    local = CliRunner().invoke(main, ["analyse", str(jsonl)])
    remote = CliRunner().invoke(main, ["analyse", str(jsonl), "--dask", cluster.scheduler_address])
    assert (remote.exit_code, remote.stderr) == (0, "")
    assert remote.stdout == local.stdout and len(remote.stdout.splitlines()) == len(records)


def test_build_on_a_cluster_writes_the_briefs_a_local_build_writes(cluster, sample_build, tmp_path):
    folders = ["--content", str(PROJECT / "content"), "--briefs", str(tmp_path / "briefs")]
    folders += ["--templates", str(PROJECT / "templates"), "--cache-dir", str(tmp_path / "c")]
    result = CliRunner().invoke(
        main,
        ["build", *folders, "--config-file", str(PROJECT / "mkdocs.yml")],
        env={"BRIEFS_DASK": cluster.scheduler_address},
    )
    assert result.exit_code == 0, result.output
    assert "articles analysed; 0 errors" in result.stdout and "from the cache" not in result.stdout
    assert tree_bytes(tmp_path / "briefs") == tree_bytes(sample_build / "briefs")


def test_a_worker_killed_mid_run_loses_no_article(cluster, sample_build, tmp_path, monkeypatch):
    monkeypatch.setattr(generator.analysis.cluster, "BATCH_SIZE", 1)
    site = read_site(PROJECT / "mkdocs.yml")
    settings = Settings(
        PROJECT / "content",
        tmp_path / "briefs",
        PROJECT / "templates",
        site_url=site.site_url,
        site_name=site.site_name,
        cache_dir=tmp_path / "cache",
        dask_address=cluster.scheduler_address,
    )
    with distributed.Client(cluster.scheduler_address) as client:
        workers = client.run(os.getpid)
    killed = []

    def kill_a_worker(done: int, total: int) -> None:
        if not killed:
            killed.append(next(iter(workers.values())))
            os.kill(killed[0], signal.SIGKILL)

    report = build_briefs(settings, progress=kill_a_worker)
    assert killed and not report.errors and report.analysed == report.articles > 1
    assert tree_bytes(settings.briefs_dir) == tree_bytes(sample_build / "briefs")
    # The next build on one machine takes every analysis the cluster made.
    local = dataclasses.replace(settings, dask_address=None)
    assert build_briefs(local).analysed == 0


def sample_articles(count):
    articles = read_articles(PROJECT / "content", [])[:count]
    # Two articles of one id, as a JSON Lines file may hold: each keeps its own place.
    return [*articles, dataclasses.replace(articles[0])]


def test_a_batch_reports_an_article_whose_analysis_fails_as_a_local_run_does(monkeypatch):
    articles = sample_articles(3)
    fail_analysis_of(articles[1].slug, monkeypatch)
    batch = generator.analysis.cluster.analyse_batch(articles, None, None, is_reporting=True)
    assert [place for place, _ in batch.briefs] == [0, 2, 3]
    assert [brief.article for _, brief in batch.briefs] == [articles[0], articles[2], articles[3]]
    assert batch.errors == [
        f"{articles[1].path}: the analysis failed (IndexError: list index out of range); the "
        "other articles are built; please report this article"
    ]


def test_a_batch_not_asked_to_report_fails_its_task(monkeypatch):
    articles = sample_articles(2)
    fail_analysis_of(articles[0].slug, monkeypatch)
    with pytest.raises(IndexError, match="list index out of range"):
        generator.analysis.cluster.analyse_batch(articles, None, None, is_reporting=False)
