"""The record of the last build, so that a build with nothing to do does nothing.

A build reads the content and templates folders, the settings, the language model and the
generator's own code, and it writes the briefs folder. After a build the record keeps a digest of
what it read, a digest of the sizes and times of what it left, and for each page what it was
made from and what a rebuild would then say about it. When the next build finds both digests
unchanged, its result is already known: no page would change, so it reports that answer instead
of analysing, relating and rendering every article again. Any change to an article, a template,
a setting, the model, the code or any file in the briefs folder (a hand edit, a deleted page)
means a full build, but even then a page made from exactly what it was made from last time, whose
files nobody touched since, is neither rendered nor written again.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from generator.analysis.language import model_identity
from generator.build import fingerprint
from generator.build.files import FileDigests, FoundFile, walk_files
from generator.build.report import BuildReport
from generator.settings import GENERATED_FOLDER, Settings
from generator.site.write import TEMPORARY_SUFFIX, WriteOutcome, WriteResult, write_atomically

MANIFEST_FORMAT = "briefs-build-manifest 6"
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
a conflict is not settled: the next build renders and writes it again.
"""


@dataclass(frozen=True)
class PageState:
    """One page as the last build left it."""

    key: str
    """Digest of what the page was made from (`page_key`)."""
    outcome: WriteOutcome | None
    """What a rebuild would do to it, or None after a merge or conflict."""
    files: str
    """Size and modification time of the page and of its generated base."""


@dataclass(frozen=True)
class BuildRecord:
    """What the last build read and left, and what a rebuild would report."""

    inputs: str
    """Digest of everything the build read."""
    outputs: str
    """Digest of the path, size and modification time of every file in the briefs folder."""
    articles: int
    pages: dict[str, PageState]
    """Page file name -> its state."""
    orphans: tuple[str, ...]
    errors: tuple[str, ...]
    """The articles the build refused and why: the same files give the same errors."""
    timeline: dict[str, dict[str, str]]
    """What each analysis puts in each period of the corpus timeline
    (`timeline_pages.TimelineParts`)."""
    context: str
    """The `render_context` the build ran in: other code may put an analysis's events in
    other periods, so the timeline parts hold only for the same context."""

    def outcomes(self) -> dict[str, WriteOutcome] | None:
        """What a rebuild would do to each page, or None when some page is not settled."""
        outcomes = {name: page.outcome for name, page in self.pages.items()}
        if any(outcome is None for outcome in outcomes.values()):
            return None
        return {name: outcome for name, outcome in outcomes.items() if outcome is not None}


def manifest_path(settings: Settings) -> Path | None:
    """Where the record lives: beside the analysis cache, and nowhere when caching is off."""
    return settings.analysis_cache_dir / MANIFEST_FILE if settings.use_cache else None


def inputs_digest(
    settings: Settings,
    digests: FileDigests | None = None,
    content: list[FoundFile] | None = None,
    context: str | None = None,
) -> str | None:
    """Digest of the settings, model, generator code, and every content and template file.

    Takes content files' digests from digests where it kept them, and the content folder's
    files as listed (`walk_files`) and the render context (`render_context`) when given. None
    when a file cannot be read: the build then runs in full and reports the problem.
    """
    try:
        files = content if content is not None else walk_files(settings.content_dir, False)
        context = context if context is not None else render_context(settings)
        return _inputs_digest(settings, digests or FileDigests(None), files, context)
    except OSError:
        return None


def _inputs_digest(
    settings: Settings, digests: FileDigests, content: list[FoundFile], context: str
) -> str:
    digest = hashlib.sha256()
    digest.update(context.encode() + b"\0")
    digest.update(model_identity(settings.model_name).encode() + b"\0")
    for file in content:
        digest.update(file.name.encode() + b"\0" + digests.digest(file))
    return digest.hexdigest()


def render_context(settings: Settings) -> str:
    """Digest of what every page depends on besides its own data: code, settings, templates."""
    digest = hashlib.sha256()
    # Where articles are analysed changes how fast a build runs, never what it writes.
    identity = repr(dataclasses.replace(settings, processes=1, dask_address=None))
    for part in (
        MANIFEST_FORMAT,
        fingerprint.generator_fingerprint(),
        fingerprint.library_versions(),
    ):
        digest.update(part.encode() + b"\0")
    digest.update(identity.encode() + b"\0")
    _digest_folder(digest, settings.templates_dir)
    return digest.hexdigest()


def _digest_folder(digest: hashlib._Hash, folder: Path) -> None:
    for file in walk_files(folder, hidden=False):
        digest.update(file.name.encode() + b"\0" + hashlib.sha256(file.path.read_bytes()).digest())


FileStates = dict[str, str]
"""Every file in the briefs folder by its path there: its size and modification time."""


def scan_files(briefs_dir: Path) -> FileStates:
    """The size and modification time of every file in the briefs folder, hidden ones too.

    Sizes and times are enough here: the build wrote these files itself, and any later edit or
    deletion changes them. Every rebuild of `briefs serve` looks at each file of the folder
    (an analyst may edit any page meanwhile), so the walk makes no object it does not need.
    """
    states: FileStates = {}
    waiting = [(str(briefs_dir), "")] if briefs_dir.is_dir() else []
    while waiting:
        current, prefix = waiting.pop()
        with os.scandir(current) as entries:
            for entry in entries:
                if entry.is_dir(follow_symlinks=False):
                    waiting.append((entry.path, f"{prefix}{entry.name}/"))
                elif entry.is_file() and not _is_interrupted_write(entry.name):
                    status = entry.stat()
                    states[prefix + entry.name] = f"{status.st_size}:{status.st_mtime_ns}"
    return states


def _is_interrupted_write(base: str) -> bool:
    """A temporary file a killed build left behind: the build that finds it removes it."""
    return base.startswith(".") and base.endswith(TEMPORARY_SUFFIX)


def outputs_digest(files: FileStates) -> str:
    """Digest of every file's path, size and modification time in the briefs folder."""
    digest = hashlib.sha256()
    for name in sorted(files):
        digest.update(f"{name}\0{files[name]}\n".encode())
    return digest.hexdigest()


def file_state(files: FileStates, name: str) -> str:
    """Size and modification time of a page and of its generated base ("-" for a missing one)."""
    return f"{files.get(name, '-')} {files.get(f'{GENERATED_FOLDER}/{name}', '-')}"


def reusable_pages(
    record: BuildRecord | None, files: FileStates, keys: dict[str, str]
) -> dict[str, WriteOutcome]:
    """Pages made from the same data as last time and untouched since: what a build would do.

    Such a page would be rendered to the text its base already holds, so its outcome is the one
    the record settled on, and rendering and writing it can be skipped.
    """
    if record is None:
        return {}
    reusable = {}
    for name, key in keys.items():
        page = record.pages.get(name)
        if page is None or page.key != key or page.outcome is None:
            continue
        if page.files == file_state(files, name):
            reusable[name] = page.outcome
    return reusable


def files_after(files: FileStates, briefs_dir: Path, touched: Iterable[str]) -> FileStates:
    """The briefs folder's files once the pages touched (and their bases) were written or removed.

    Faster than scanning the folder again. Were some other file to change meanwhile, the next
    build would find the folder changed and look at each page again, which is safe.
    """
    after = dict(files)
    for name in touched:
        for stored in (name, f"{GENERATED_FOLDER}/{name}"):
            try:
                status = (briefs_dir / stored).stat()
            except FileNotFoundError:
                after.pop(stored, None)
                continue
            after[stored] = f"{status.st_size}:{status.st_mtime_ns}"
    return after


def generated_pages(record: BuildRecord | None, files: FileStates) -> set[str]:
    """Pages that hold exactly their generated text, as the record says and nobody touched since."""
    if record is None:
        return set()
    return {
        name
        for name, page in record.pages.items()
        if page.outcome is WriteOutcome.UNCHANGED and page.files == file_state(files, name)
    }


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
            pages={name: _page_state(*state) for name, state in data["pages"].items()},
            orphans=tuple(data["orphans"]),
            errors=tuple(data["errors"]),
            timeline={
                str(key): {str(year): str(part) for year, part in parts.items()}
                for key, parts in data["timeline"].items()
            },
            context=str(data["context"]),
        )
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None


def _page_state(key: str, outcome: str | None, files: str) -> PageState:
    return PageState(str(key), None if outcome is None else WriteOutcome(outcome), str(files))


def save_record(path: Path, record: BuildRecord) -> None:
    # In no order: json.dumps sorts the keys.
    pages = {
        name: [page.key, page.outcome.value if page.outcome else None, page.files]
        for name, page in record.pages.items()
    }
    data = {
        "format": MANIFEST_FORMAT,
        "inputs": record.inputs,
        "outputs": record.outputs,
        "articles": record.articles,
        "pages": pages,
        "orphans": list(record.orphans),
        "errors": list(record.errors),
        "timeline": record.timeline,
        "context": record.context,
    }
    # On one line: JSON's fast encoder writes no indentation, and nobody reads this file.
    write_atomically(path, json.dumps(data, sort_keys=True) + "\n")


def unchanged_since(record: BuildRecord | None, inputs: str, files: FileStates) -> bool:
    """Whether nothing the recorded build read or wrote has changed, and every page settled."""
    if record is None or record.inputs != inputs or record.outcomes() is None:
        return False
    return record.outputs == outputs_digest(files)


def remember_build(
    path: Path,
    inputs: str,
    build: BuildReport,
    keys: dict[str, str],
    timeline: dict[str, dict[str, str]],
    files: FileStates,
    context: str,
) -> BuildRecord:
    """Record a finished build: its digests, and each page's key, settled outcome and files.

    Takes the files of the briefs folder as the build found them, and their states after it
    wrote or removed pages and bases (`files_after`).
    """
    pages = {
        name: PageState(keys[name], SETTLED.get(result.outcome), file_state(files, name))
        for name, result in build.results.items()
    }
    outputs = outputs_digest(files)
    orphans, errors = tuple(build.orphans), tuple(build.errors)
    record = BuildRecord(inputs, outputs, build.articles, pages, orphans, errors, timeline, context)
    save_record(path, record)
    return record


def replayed(record: BuildRecord) -> BuildReport:
    """The report of a build with nothing to do: what the last build's record says it would do."""
    outcomes = record.outcomes() or {}
    results = {name: WriteResult(outcome) for name, outcome in outcomes.items()}
    return BuildReport(
        results, orphans=list(record.orphans), errors=list(record.errors), articles=record.articles
    )
