"""The same content gives byte-identical briefs and site, whichever process builds them.

Each build runs in a process of its own with another PYTHONHASHSEED, so that anything that
depends on the order of a set or on `hash()` of a string shows up as a difference.
"""

from __future__ import annotations

from tests.conftest import build_sample_in_a_process, finished, tree_bytes
from tests.strict_site import build_strict_site

OTHER_SEED = "2024"


def test_builds_in_processes_with_other_hash_seeds_are_byte_identical(sample_build, tmp_path):
    finished(build_sample_in_a_process(tmp_path, OTHER_SEED))
    assert tree_bytes(tmp_path / "briefs") == tree_bytes(sample_build / "briefs")
    site = build_strict_site(tmp_path, environment={"PYTHONHASHSEED": OTHER_SEED})
    sample_site = build_strict_site(sample_build, environment={"PYTHONHASHSEED": "0"})
    assert tree_bytes(site) == tree_bytes(sample_site)
