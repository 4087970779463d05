"""The command line: quiet, verbose, check, and a summary people can act on."""

from __future__ import annotations

import shutil

import pytest
from click.testing import CliRunner

from generator.cli import main
from tests.seed_build import PROJECT, SEED, SEED_SLUG


@pytest.fixture
def project(tmp_path, monkeypatch):
    (tmp_path / "content").mkdir()
    shutil.copy(SEED, tmp_path / "content" / SEED.name)
    shutil.copytree(PROJECT / "templates", tmp_path / "templates")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run(*arguments):
    return CliRunner().invoke(main, list(arguments))


def test_summary_then_quiet_then_verbose(project):
    first = run("build")
    assert first.exit_code == 0
    assert first.stdout.splitlines()[-1].endswith("new; 1 article analysed; 0 errors")
    assert run("build", "--quiet").stdout == ""
    verbose = run("build", "--verbose").stdout
    assert f"unchanged: briefs/{SEED_SLUG}.md" in verbose
    assert "0 articles analysed, 1 unchanged from the cache; 0 errors" in verbose


def test_feed_takes_the_site_address_from_mkdocs_yml(project):
    (project / "mkdocs.yml").write_text("site_name: Desk\nsite_url: https://example.org/desk/\n")
    run("build")
    feed = (project / "briefs" / "feed.xml").read_text(encoding="utf-8")
    assert "<title>Desk</title>" in feed and "https://example.org/desk/" in feed


def test_check_reports_problems_and_exit_status(project):
    run("build")
    assert run("check").exit_code == 0
    brief = project / "briefs" / f"{SEED_SLUG}.md"
    brief.write_text(brief.read_text(encoding="utf-8") + "\n[gone](nowhere.md)\n", "utf-8")
    result = run("check")
    assert result.exit_code == 1
    assert f"error: briefs/{SEED_SLUG}.md:" in result.stderr
    assert "broken link to nowhere.md" in result.stderr


def test_no_cache_keeps_nothing_and_check_with_force_is_refused(project):
    assert run("build", "--no-cache").exit_code == 0
    assert not (project / ".briefs-cache").exists()
    refused = run("build", "--check", "--force")
    assert refused.exit_code == 1
    assert refused.stderr == "error: --check and --force cannot be used together\n"


def test_a_problem_that_stops_a_command_is_one_error_line(project):
    (project / "content" / "actors.yml").write_text("- name: [unclosed\n", encoding="utf-8")
    result = run("build")
    assert result.exit_code == 1
    assert result.stderr.startswith("error: content/actors.yml:")
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.output
