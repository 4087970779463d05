"""What a test needs from the machine: locally its absence skips the test and says why; in CI
(`CI=true`) it fails the run and says what is missing, so a green CI never hides a skipped check.
"""

from __future__ import annotations

import os
from types import ModuleType

import pytest


def is_ci() -> bool:
    """Whether this run is CI's: CI machines set CI (GitHub Actions and .ci/run's caller: true)."""
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


def missing(what: str) -> None:
    """Stop the current test or module because what is missing: a skip locally, a failure in CI."""
    if is_ci():
        pytest.fail(f"missing in CI: {what}", pytrace=False)
    pytest.skip(f"{what} (in CI this fails)", allow_module_level=True)


def import_or_missing(module: str, install: str) -> ModuleType:
    """Import a module the tests need, or report it missing with how to install it."""
    try:
        return pytest.importorskip(module)
    except pytest.skip.Exception:
        missing(f"Python module {module} is not installed ({install})")
        raise
