"""Digests of the generator's own code and of the libraries it runs on.

Every analysis kept between builds, and every page the last build wrote, was made by some version
of the code: these digests say which, so that nothing made by other code is ever reused.
"""

from __future__ import annotations

import ast
import functools
import hashlib
import importlib.metadata
from collections.abc import Iterable
from pathlib import Path

GENERATOR_FOLDER = Path(__file__).parent.parent
ANALYSIS_ROOTS = ("analysis/analyse.py", "analysis/language.py", "ingest/read.py")
"""The modules that read and analyse an article and load the model; what they import is analysis
code too."""
DATA_FOLDER = GENERATOR_FOLDER / "analysis" / "data"
LIBRARIES = (
    "spacy",
    "trafilatura",
    "markdown",
    "pyyaml",
    "jinja2",
    "numpy",
    "scipy",
    "py3langid",
    "babel",
)
"""Libraries whose version can change what is read, analysed, related or written."""


@functools.cache
def library_versions() -> str:
    """The installed version of every library in LIBRARIES: part of every key, as the code is."""
    return ", ".join(f"{name}=={_version(name)}" for name in LIBRARIES)


def _version(name: str) -> str:
    try:
        return importlib.metadata.version(name)
    except importlib.metadata.PackageNotFoundError:
        return "not installed"


@functools.cache
def generator_fingerprint() -> str:
    """Digest of the generator's source and data files: any change to the code is a new key."""
    return _digest(path for path in GENERATOR_FOLDER.rglob("*") if path.is_file())


@functools.cache
def analysis_fingerprint() -> str:
    """Digest of the code and data an analysis runs: change any of it and every key changes.

    Code that only relates, renders or writes briefs is left out, so changing it does not throw
    away the analyses of a large corpus.
    """
    return _digest([*analysis_modules(), *(p for p in DATA_FOLDER.rglob("*") if p.is_file())])


def analysis_modules() -> list[Path]:
    """The analysis modules and every generator module they import, directly or not."""
    modules = set()
    waiting = [GENERATOR_FOLDER / root for root in ANALYSIS_ROOTS]
    while waiting:
        module = waiting.pop()
        if module not in modules:
            modules.add(module)
            waiting.extend(_imported_generator_modules(module))
    return sorted(modules)


def _imported_generator_modules(module: Path) -> list[Path]:
    """The files of the generator modules and packages a module imports, wherever it does."""
    names = []
    for node in ast.walk(ast.parse(module.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            names += [node.module, *(f"{node.module}.{alias.name}" for alias in node.names)]
        elif isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
    parts = {
        tuple(name.split(".")[:end]) for name in names for end in range(1, name.count(".") + 2)
    }
    top = GENERATOR_FOLDER.parent
    files = [top.joinpath(*p[:-1], f"{p[-1]}.py") for p in parts if p[0] == "generator"]
    files += [top.joinpath(*p, "__init__.py") for p in parts if p[0] == "generator"]
    return [path for path in files if path.is_file()]


def _digest(paths: Iterable[Path]) -> str:
    digest = hashlib.sha256()
    for path in sorted(set(paths)):
        if "__pycache__" not in path.parts:
            digest.update(path.relative_to(GENERATOR_FOLDER).as_posix().encode())
            digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()
