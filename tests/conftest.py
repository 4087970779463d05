"""Shared test settings."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, settings
from spacy.language import Language

from generator.analysis.gazetteer import Gazetteer, load_gazetteer
from generator.analysis.language import load_model

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
