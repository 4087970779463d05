"""Shared test settings."""

from __future__ import annotations

from hypothesis import HealthCheck, settings

# Property tests run on busy two-core CI machines: judge them by their findings, not their speed.
settings.register_profile(
    "briefs", deadline=None, suppress_health_check=[HealthCheck.too_slow], max_examples=150
)
settings.load_profile("briefs")
