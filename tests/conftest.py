"""Shared test settings."""

from __future__ import annotations

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


@pytest.fixture(scope="session")
def sample_site(tmp_path_factory) -> Path:
    """The project's own content/ built once for every test that looks at the site: the workdir
    with content/, briefs/ and site/."""
    workdir = tmp_path_factory.mktemp("sample")
    build_site_from_folder(workdir, PROJECT / "content")
    return workdir
