"""Refresh the golden seed brief: `make golden` (then read the diff before committing it)."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from tests.seed_build import GOLDEN_BRIEF, build_seed


def main() -> None:
    with tempfile.TemporaryDirectory() as scratch:
        report, brief = build_seed(Path(scratch))
        if report.has_errors:
            raise SystemExit("\n".join(report.errors))
        GOLDEN_BRIEF.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(brief, GOLDEN_BRIEF)
    print(f"refreshed {GOLDEN_BRIEF.relative_to(Path.cwd())}")


if __name__ == "__main__":
    main()
