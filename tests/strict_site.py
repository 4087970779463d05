"""The strict MkDocs build of generated briefs, as `make site` runs it: one helper for the tests."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from tests.seed_build import PROJECT

BUILD_DATE = "1718755200"
"""SOURCE_DATE_EPOCH of every test site: sitemaps carry the build date (`make site` takes the
last commit's), so the same briefs give the same site."""


def build_strict_site(
    workdir: Path, site_name: str = "site", environment: dict[str, str] | None = None
) -> Path:
    """Build workdir/briefs into workdir/<site_name> with the project's mkdocs.yml, strictly.

    Fails the test with MkDocs' own messages when the build does not pass; returns the site.
    Environment variables given are set for the build.
    """
    shutil.copy(PROJECT / "mkdocs.yml", workdir / "mkdocs.yml")
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", site_name],
        cwd=workdir,
        env={
            **os.environ,
            "SOURCE_DATE_EPOCH": BUILD_DATE,
            "NO_MKDOCS_2_WARNING": "1",
            **(environment or {}),
        },
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return workdir / site_name
