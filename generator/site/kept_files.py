"""The files of the docs folder, kept by a server from one dirty rebuild to the next.

MkDocs' `get_files` makes a `File` for every file of the docs folder on every build and matches
each against the exclusion patterns: at 4,000 articles, 25,000 files and half a second of CPU
for an edit that writes a dozen of them. Listing the folders costs a tenth of that. So the
folders are still listed each build (a file added or removed by anyone is seen), but a file
listed before is handed over as a copy of the `File` made for it then, and only a new path is
made and matched anew. Where the settings that decide a file's addresses or inclusion change,
everything is made anew.

The walk is MkDocs 1.6.1's own (`mkdocs.commands.build.get_files`): the same order, the same
README-beside-index rule; `tests/test_kept_files.py` holds the two side by side. The theme's
files the build adds to them are kept too (`generator.site.kept_theme`).
"""

from __future__ import annotations

import contextlib
import logging
import os
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files, InclusionLevel, _file_sort_key, set_exclusions

from generator.site.kept_theme import FilesWithKeptTheme, KeptTheme

log = logging.getLogger("mkdocs.structure.files")

SETTINGS = (
    "docs_dir",
    "site_dir",
    "use_directory_urls",
    "exclude_docs",
    "draft_docs",
    "not_in_nav",
)
"""The settings a `File`'s addresses and inclusion are made of."""


class KeptFiles:
    """`get_files` with memory: what it made for each path last time, and under which settings."""

    def __init__(self) -> None:
        self.settings: tuple[Any, ...] | None = None
        self.states: dict[str, dict[str, Any]] = {}
        """By path in the docs folder, the state of the `File` made for it, before any build
        touched it."""
        self.made = 0
        """How many `File`s the last call made anew (the others were copies)."""
        self.gone: list[File] = []
        """The files the call before last found that the last one did not (a deleted article's
        brief)."""
        self.folders: dict[str, tuple[list[str], list[str]]] = {}
        """By folder, its file names as the system listed them and its paths in MkDocs' order:
        a folder listed as before is not sorted again."""
        self.theme = KeptTheme()
        """The theme's files, added to the files each call returns."""

    def get_files(self, config: MkDocsConfig) -> Files:
        """Walk the docs folder and return its files, as `get_files` does."""
        settings = tuple(config[name] for name in SETTINGS)
        if settings != self.settings:
            self.settings, self.states, self.folders = settings, {}, {}
        kept, self.states = self.states, {}
        files: list[File] = []
        conflicting: list[tuple[File, File]] = []
        new: dict[str, File] = {}
        docs_dir = config["docs_dir"]
        for source_dir, dirnames, filenames in os.walk(docs_dir, followlinks=True):
            relative_dir = os.path.relpath(source_dir, docs_dir)
            dirnames.sort()
            by_destination: dict[str, File] = {}
            for path in self._in_order(relative_dir, filenames):
                state = kept.get(path)
                if state is None:
                    file = new[path] = File(
                        path, docs_dir, config["site_dir"], config["use_directory_urls"]
                    )
                else:
                    file = _file_of(state)
                    self.states[path] = state
                first = by_destination.setdefault(file.dest_uri, file)
                if first is not file:
                    conflicting.append((first, file))
                files.append(file)
        set_exclusions(new.values(), config)
        self.made = len(new)
        self.gone = [_file_of(state) for path, state in kept.items() if path not in self.states]
        # Kept as made, before the build sets a page or anything else on the file.
        self.states.update((path, dict(file.__dict__)) for path, file in new.items())
        for first, second in conflicting:
            _drop_conflicting(files, first, second)
        return FilesWithKeptTheme(files, self.theme)

    def _in_order(self, folder: str, filenames: list[str]) -> list[str]:
        """The paths of a folder's files in MkDocs' order: `index` or `README` first."""
        listed = self.folders.get(folder)
        if listed is None or listed[0] != filenames:
            ordered = sorted(filenames, key=_file_sort_key)
            paths = [os.path.join(folder, name) for name in ordered]  # noqa: PTH118  # as MkDocs
            listed = self.folders[folder] = (filenames, paths)
        return listed[1]


def remove_gone_pages(gone: list[File], files: Files) -> None:
    """Remove from the site what the files gone since the last build put there: a dirty build
    writes only what is new, and a deleted article's page would be served on as it was."""
    written = {file.dest_uri for file in files}
    for file in gone:
        if file.dest_uri not in written:
            destination = Path(file.abs_dest_path)
            destination.unlink(missing_ok=True)
            with contextlib.suppress(OSError):  # its folder, if nothing else is in it
                destination.parent.rmdir()


def _file_of(state: dict[str, Any]) -> File:
    file = File.__new__(File)
    file.__dict__.update(state)
    return file


def _is_included(file: File) -> bool:
    """MkDocs' `InclusionLevel.is_included`, which it leaves untyped."""
    return bool(file.inclusion.value > InclusionLevel.DRAFT.value)


def _drop_conflicting(files: list[File], first: File, second: File) -> None:
    """A README.md beside an index.md of the same folder: MkDocs keeps one, as here."""
    if _is_included(second):
        if _is_included(first):
            log.warning(
                f"Excluding '{first.src_uri}' from the site because it conflicts with "
                f"'{second.src_uri}'."
            )
        dropped = first
    else:
        dropped = second
    if dropped in files:  # a file is equal to itself only
        files.remove(dropped)
