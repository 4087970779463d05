"""Shared test settings."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings
from spacy.language import Language

from generator.analysis.gazetteer import Gazetteer, load_gazetteer
from generator.analysis.language import load_model
from tests.seed_build import PROJECT
from tests.site_server import build_site_from_folder

# Property tests run on busy two-core CI machines: judge them by their findings, not their speed.
settings.register_profile(
    "briefs", deadline=None, suppress_health_check=[HealthCheck.too_slow], max_examples=150
)
settings.load_profile("briefs")


@pytest.fixture(scope="session")
def english() -> Language:
    """The project's spaCy pipeline, loaded once."""
    return load_model()


@pytest.fixture(scope="session")
def gazetteer() -> Gazetteer:
    return load_gazetteer()


def build_sample_in_a_process(workdir: Path, hash_seed: str) -> subprocess.Popen[str]:
    """Start `briefs build` of the sample corpus (content/) into workdir/briefs, uncached, in a
    process of its own with this PYTHONHASHSEED; the caller waits for it."""
    project = Path(__file__).resolve().parent.parent
    shutil.copytree(project / "content", workdir / "content")
    command = [sys.executable, "-m", "generator", "build", "--quiet", "--no-cache"]
    command += ["--content", str(workdir / "content"), "--briefs", str(workdir / "briefs")]
    command += ["--templates", str(project / "templates")]
    command += ["--config-file", str(project / "mkdocs.yml")]
    environment = {**os.environ, "PYTHONHASHSEED": hash_seed}
    return subprocess.Popen(
        command, cwd=workdir, env=environment, stderr=subprocess.PIPE, text=True
    )


def finished(build: subprocess.Popen[str]) -> None:
    """Wait for a build started by `build_sample_in_a_process`; fail with its errors."""
    _, errors = build.communicate()
    assert build.returncode == 0, errors


def tree_bytes(folder: Path) -> dict[str, bytes]:
    """Every file under folder, hidden ones too, by its path there."""
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


@pytest.fixture(scope="session")
def sample_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder where the sample corpus was built from scratch, in a process of its own."""
    workdir = tmp_path_factory.mktemp("sample")
    finished(build_sample_in_a_process(workdir, "0"))
    return workdir


@pytest.fixture(scope="session")
def sample_site(tmp_path_factory) -> Path:
    """The project's own content/ built once for every test that looks at the site: the workdir
    with content/, briefs/ and site/."""
    workdir = tmp_path_factory.mktemp("sample")
    build_site_from_folder(workdir, PROJECT / "content")
    return workdir
