"""The theme's static files, listed once by a server and listed again only when a folder changes.

Every MkDocs build asks Jinja for every file of every theme folder (`Files.add_files_from_theme`)
and matches each name against a dozen patterns: Material ships thousands of icons, so at 4,000
articles that was a quarter of a dirty rebuild that renders a dozen pages, for a list that does
not change while an analyst edits articles. A folder's modification time changes whenever a file
or folder in it is added, removed or renamed, so the list holds while every folder of the theme
has the time it had when the list was made; the folders are looked at (one `stat` each), not
listed. Which theme file a docs file overrides is still decided each build, as MkDocs does.
"""

from __future__ import annotations

import os
from typing import Any

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

Folders = dict[str, int]
"""Modification time (ns) of every folder under the theme's folders, by path."""
MISSING = -1
"""The time of a theme folder that is not there."""


class KeptTheme:
    """The theme files a build adds, kept from build to build while no folder of the theme
    changes and the settings they depend on stay the same."""

    def __init__(self) -> None:
        self.key: tuple[Any, ...] | None = None
        self.folders: Folders = {}
        self.found: list[tuple[str, str]] = []
        """Each theme file's path and the theme folder it comes from, in MkDocs' order."""
        self.listings = 0
        """How many times the theme's folders were listed (a test reads it)."""

    def add_files_from_theme(
        self, files: Files, env: jinja2.Environment, config: MkDocsConfig
    ) -> None:
        """Add the theme's static files to files, as `Files.add_files_from_theme` does."""
        key = (tuple(config.theme.dirs), tuple(config.theme.static_templates))
        if key != self.key or _changed(self.folders):
            self.key = key
            self.folders = _folders(config.theme.dirs)
            self.found = _theme_files(env, config)
            self.listings += 1
        for path, theme_dir in self.found:
            # Theme files do not override docs files.
            if files.get_file_from_path(path) is None:
                files.append(File(path, theme_dir, config.site_dir, config.use_directory_urls))


class FilesWithKeptTheme(Files):
    """A build's files whose theme files come from a `KeptTheme`."""

    def __init__(self, files: list[File], theme: KeptTheme) -> None:
        super().__init__(files)
        self.theme = theme

    def add_files_from_theme(self, env: jinja2.Environment, config: MkDocsConfig) -> None:
        self.theme.add_files_from_theme(self, env, config)


def _theme_files(env: jinja2.Environment, config: MkDocsConfig) -> list[tuple[str, str]]:
    """MkDocs' own listing of the theme's files, with no docs file to override any."""
    listed = Files([])
    listed.add_files_from_theme(env, config)
    return [(file.src_uri, file.src_dir) for file in listed if file.src_dir is not None]


def _folders(theme_dirs: list[str]) -> Folders:
    """Every folder under the theme's folders (as Jinja walks them), with its time."""
    folders: Folders = {}
    for theme_dir in theme_dirs:
        folders[theme_dir] = MISSING  # a folder made later is a change
        for folder, _, _ in os.walk(theme_dir, followlinks=True):
            folders[folder] = os.stat(folder).st_mtime_ns  # noqa: PTH116  # 100s of folders
    return folders


def _changed(folders: Folders) -> bool:
    """Whether a file or folder was added, removed or renamed in any of the folders."""
    for folder, time in folders.items():
        try:
            if os.stat(folder).st_mtime_ns != time:  # noqa: PTH116
                return True
        except OSError:
            if time != MISSING:
                return True
    return False
