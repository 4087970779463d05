"""The record of the last build, so that a build with nothing to do does nothing.

A build reads the content and templates folders, the settings, the language model and the
generator's own code, and it writes the briefs folder. After a build the record keeps a digest of
what it read, a digest of the sizes and times of what it left, and what a rebuild would then say
about each page. When the next build finds both digests unchanged, its result is already known:
no page would change, so it reports that answer instead of analysing, relating and rendering
every article again. Any change to an article, a template, a setting, the model, the code or any
file in the briefs folder (a hand edit, a deleted page) means a full build.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from generator import cache
from generator.language import model_identity
from generator.settings import Settings
from generator.write import WriteOutcome, WriteResult, write_atomically

MANIFEST_FORMAT = "briefs-build-manifest 1"
"""Bump when the record's contents or meaning change."""
MANIFEST_FILE = "last-build.json"

SETTLED = {
    WriteOutcome.NEW: WriteOutcome.UNCHANGED,
    WriteOutcome.UPDATED: WriteOutcome.UNCHANGED,
    WriteOutcome.UNCHANGED: WriteOutcome.UNCHANGED,
    WriteOutcome.KEPT_EDITS: WriteOutcome.KEPT_EDITS,
}
"""What a rebuild says of a page, by what this build did to it (when the inputs stay the same).

A written page equals its generated base, so it comes out unchanged; a page whose hand edits were
kept is kept again. A merge writes text the record cannot foresee, so a build that merged or met
a conflict leaves no record and the next build runs in full.
"""


@dataclass(frozen=True)
class BuildRecord:
    """What the last build read and left, and what a rebuild would report."""

    inputs: str
    """Digest of everything the build read."""
    outputs: str
    """Digest of the path, size and modification time of every file in the briefs folder."""
    articles: int
    outcomes: dict[str, WriteOutcome]
    """Page file name -> what a rebuild would do to it."""
    orphans: tuple[str, ...]
    errors: tuple[str, ...]
    """The articles the build refused and why: the same files give the same errors."""


def manifest_path(settings: Settings) -> Path | None:
    """Where the record lives: beside the analysis cache, and nowhere when caching is off."""
    return settings.analysis_cache_dir / MANIFEST_FILE if settings.use_cache else None


def inputs_digest(settings: Settings) -> str | None:
    """Digest of the settings, model, generator code, and every content and template file.

    None when a file cannot be read: the build then runs in full and reports the problem.
    """
    try:
        return _inputs_digest(settings)
    except OSError:
        return None


def _inputs_digest(settings: Settings) -> str:
    digest = hashlib.sha256()
    # The number of processes changes how fast a build runs, never what it writes.
    identity = repr(dataclasses.replace(settings, processes=1))
    for part in (
        MANIFEST_FORMAT,
        cache.generator_fingerprint(),
        cache.library_versions(),
        model_identity(settings.model_name),
    ):
        digest.update(part.encode() + b"\0")
    digest.update(identity.encode() + b"\0")
    for folder in (settings.content_dir, settings.templates_dir):
        for path in _files(folder, visible_only=True):
            digest.update(path.relative_to(folder).as_posix().encode() + b"\0")
            digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def outputs_digest(briefs_dir: Path) -> str:
    """Digest of every file's path, size and modification time in the briefs folder.

    Sizes and times are enough here: the build wrote these files itself, and any later edit or
    deletion changes them.
    """
    digest = hashlib.sha256()
    for path in _files(briefs_dir, visible_only=False):
        status = path.stat()
        name = path.relative_to(briefs_dir).as_posix()
        digest.update(f"{name}\0{status.st_size}\0{status.st_mtime_ns}\n".encode())
    return digest.hexdigest()


def _files(folder: Path, visible_only: bool) -> list[Path]:
    """Every file under folder, in a stable order; visible_only skips hidden files and folders."""
    if not folder.is_dir():
        return []
    return sorted(
        path
        for path in folder.rglob("*")
        if path.is_file()
        and not (visible_only and any(p.startswith(".") for p in path.relative_to(folder).parts))
    )


def settled_outcomes(results: dict[str, WriteResult]) -> dict[str, WriteOutcome] | None:
    """What a rebuild would do to each page, or None when a merge makes that unknowable."""
    if any(result.outcome not in SETTLED for result in results.values()):
        return None
    return {name: SETTLED[result.outcome] for name, result in results.items()}


def load_record(path: Path) -> BuildRecord | None:
    """The record at path, or None when there is none or it cannot be read."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("format") != MANIFEST_FORMAT:
            return None
        return BuildRecord(
            inputs=data["inputs"],
            outputs=data["outputs"],
            articles=int(data["articles"]),
            outcomes={name: WriteOutcome(value) for name, value in data["outcomes"].items()},
            orphans=tuple(data["orphans"]),
            errors=tuple(data["errors"]),
        )
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None


def save_record(path: Path, record: BuildRecord) -> None:
    data = {
        "format": MANIFEST_FORMAT,
        "inputs": record.inputs,
        "outputs": record.outputs,
        "articles": record.articles,
        "outcomes": {name: outcome.value for name, outcome in sorted(record.outcomes.items())},
        "orphans": list(record.orphans),
        "errors": list(record.errors),
    }
    write_atomically(path, json.dumps(data, indent=0, sort_keys=True) + "\n")


def current_record(path: Path, inputs: str, briefs_dir: Path) -> BuildRecord | None:
    """The last build's record if nothing it read or wrote has changed since, else None."""
    record = load_record(path)
    if record is None or record.inputs != inputs:
        return None
    return record if record.outputs == outputs_digest(briefs_dir) else None


class FinishedBuild(Protocol):
    """What a build reports (`pipeline.BuildReport`), as far as its record needs it."""

    results: dict[str, WriteResult]
    orphans: list[str]
    errors: list[str]
    articles: int


def remember_build(path: Path, inputs: str, briefs_dir: Path, build: FinishedBuild) -> None:
    """Record a finished build, unless a merge makes what a rebuild would say unknowable."""
    outcomes = settled_outcomes(build.results)
    if outcomes is None:
        path.unlink(missing_ok=True)
        return
    outputs = outputs_digest(briefs_dir)
    orphans, errors = tuple(build.orphans), tuple(build.errors)
    save_record(path, BuildRecord(inputs, outputs, build.articles, outcomes, orphans, errors))
