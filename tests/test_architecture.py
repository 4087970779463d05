"""The house a newcomer reads: stage folders in a story's order, no cycles, no long modules."""

from __future__ import annotations

import ast
import dataclasses
import sys
from pathlib import Path

from generator.build.fingerprint import GENERATOR_FOLDER
from generator.build.pipeline import build_briefs
from tests.seed_build import seed_and_ports

MAX_MODULE_LINES = 500
MAX_ACTORS_MODULE_LINES = 400
"""Issue #20: the actors package keeps one concern a file, none over 400 lines."""
ACTORS_PACKAGE = "generator.analysis.actors."
STAGES = ["ingest", "analysis", "corpus", "site"]
"""The stage folders a build goes through, in its order (`build` runs the story)."""
MEMORY = "build/memory.py"
"""What a build asks between its steps ("what can I reuse?") and tells at the end."""


def modules() -> dict[str, Path]:
    """Every module of the generator by its dotted name."""
    found = {}
    for path in sorted(GENERATOR_FOLDER.rglob("*.py")):
        parts = path.relative_to(GENERATOR_FOLDER.parent).with_suffix("").parts
        found[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    return found


def imported(path: Path, names: set[str]) -> set[str]:
    """The generator modules a module imports when it runs (not those for type checking)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            node.body = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            for alias in node.names:
                submodule = f"{node.module}.{alias.name}"
                found.add(submodule if submodule in names else node.module)
        elif isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
    return found & names


def test_no_module_is_longer_than_a_newcomer_reads_at_once():
    lengths = {name: len(path.read_text().splitlines()) for name, path in modules().items()}
    assert {name: n for name, n in lengths.items() if n > MAX_MODULE_LINES} == {}
    actors = {name: n for name, n in lengths.items() if name.startswith(ACTORS_PACKAGE)}
    assert actors, "the actors package moved: say where in ACTORS_PACKAGE"
    assert {name: n for name, n in actors.items() if n > MAX_ACTORS_MODULE_LINES} == {}


def test_no_module_imports_one_that_imports_it_back():
    names = modules()
    graph = {name: imported(path, set(names)) - {name} for name, path in names.items()}
    done: set[str] = set()

    def visit(name: str, path: list[str]) -> None:
        assert name not in path, " -> ".join([*path[path.index(name) :], name])
        if name not in done:
            for other in sorted(graph[name]):
                visit(other, [*path, name])
            done.add(name)

    for name in sorted(graph):
        visit(name, [])


def test_a_build_enters_each_stage_folder_once_in_order(tmp_path):
    """Follow `build_briefs` call by call: the folders of what it calls, its memory aside."""
    settings = dataclasses.replace(seed_and_ports(tmp_path), use_cache=False)
    entered: list[str] = []
    story = build_briefs.__code__

    def trace(frame, event, argument):
        caller = frame.f_back
        if event == "call" and caller is not None and caller.f_code is story:
            module = Path(frame.f_code.co_filename)
            if module.is_relative_to(GENERATOR_FOLDER):
                entered.append(module.relative_to(GENERATOR_FOLDER).as_posix())

    sys.setprofile(trace)
    try:
        report = build_briefs(settings)
    finally:
        sys.setprofile(None)
    assert not report.errors
    folders = [name.split("/")[0] for name in entered if name != MEMORY]
    walk = [
        folder for number, folder in enumerate(folders) if folders[number - 1 : number] != [folder]
    ]
    assert walk == STAGES
    assert entered[0] == entered[-1] == MEMORY
