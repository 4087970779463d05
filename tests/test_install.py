"""A plain `pip install .` gives a working `briefs`: everything it imports is declared.

CI also installs the project into a fresh virtual environment with the pip that Python ships and
runs `briefs --help` there (.ci/run); these tests find the cause of such a failure in seconds.
"""

from __future__ import annotations

import ast
import importlib.metadata as metadata
import sys
import tomllib

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from tests.seed_build import PROJECT


def declared() -> set[str]:
    """The distributions pyproject.toml installs with the project, by canonical name, with
    those an extra it names brings ("pagefind[bin]" brings pagefind_bin)."""
    project = tomllib.loads((PROJECT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    names: set[str] = set()
    for line in project["dependencies"]:
        requirement = Requirement(line)
        names.add(canonicalize_name(requirement.name))
        for extra in requirement.extras:
            names |= {
                canonicalize_name(Requirement(needed).name)
                for needed in metadata.requires(requirement.name) or []
                if Requirement(needed).marker
                and Requirement(needed).marker.evaluate({"extra": canonicalize_name(extra)})
            }
    return names


def imported_modules(at_top_level: bool = False) -> set[str]:
    """Top-level modules the generator imports, leaving out the standard library and itself;
    with at_top_level, only those imported when a module loads (not inside a function)."""
    names: set[str] = set()
    for path in (PROJECT / "generator").rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in tree.body if at_top_level else ast.walk(tree):
            if isinstance(node, ast.Import):
                names.update(alias.name.split(".")[0] for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names.add(node.module.split(".")[0])
    return {name for name in names if name not in sys.stdlib_module_names} - {"generator"}


def optional_extras() -> set[str]:
    """The distributions of the project's optional extras for users (`briefs[dask]`), by
    canonical name; the test and benchmark extras are for developers."""
    project = tomllib.loads((PROJECT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    return {
        canonicalize_name(Requirement(line).name)
        for extra, lines in project["optional-dependencies"].items()
        if extra not in {"test", "bench"}
        for line in lines
    }


def distributions_of(module: str) -> set[str]:
    return {canonicalize_name(d) for d in metadata.packages_distributions().get(module, [])}


def test_every_imported_module_is_declared():
    installed_with_briefs = declared() | optional_extras()
    undeclared = {
        module: sorted(distributions_of(module))
        for module in imported_modules()
        if not distributions_of(module) & installed_with_briefs
    }
    assert undeclared == {}


def test_an_optional_extra_is_imported_only_when_its_feature_runs():
    # A plain `pip install` has no extras: a module that loads one at import time breaks `briefs`.
    loaded_at_import = {
        module
        for module in imported_modules(at_top_level=True)
        if distributions_of(module) & optional_extras() - declared()
    }
    assert loaded_at_import == set()


def requirement_closure() -> list[tuple[str, Requirement]]:
    """(who requires it, requirement) for every requirement of the declared distributions, down
    through the distributions they pull in (markers evaluated for this Python)."""
    seen: set[str] = set()
    found: list[tuple[str, Requirement]] = []
    queue = sorted(declared())
    while queue:
        name = queue.pop()
        if name in seen:
            continue
        seen.add(name)
        for line in metadata.requires(name) or []:
            requirement = Requirement(line)
            if requirement.marker and not requirement.marker.evaluate({"extra": ""}):
                continue
            found.append((name, requirement))
            queue.append(canonicalize_name(requirement.name))
    return found


def test_extras_that_older_pip_cannot_find_are_declared_directly():
    # pip before 23.3 compares extra names as written: justext asks for lxml[html_clean], lxml 6
    # provides "html-clean", so the Python 3.11 venv's pip 23.2.1 installs lxml without
    # lxml_html_clean and trafilatura fails on import.
    missing = []
    for who, requirement in requirement_closure():
        provided = metadata.metadata(requirement.name).get_all("Provides-Extra") or []
        for extra in requirement.extras:
            if extra in provided:
                continue
            needed = {
                canonicalize_name(Requirement(line).name)
                for line in metadata.requires(requirement.name) or []
                if Requirement(line).marker
                and Requirement(line).marker.evaluate({"extra": canonicalize_name(extra)})
            }
            missing += [f"{who} needs {name} ({requirement})" for name in needed - declared()]
    assert missing == []
