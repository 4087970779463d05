"""What a dirty MkDocs rebuild under `briefs serve` need not look at: the pages written before.

MkDocs' dirty build renders only the pages whose Markdown is newer than their HTML, but it still
makes a page object for every Markdown file (its address, edit link and date) and looks at every
file's times twice: most of a rebuild that renders a dozen pages out of 13,000. A page whose HTML
is newer than its Markdown is handed to MkDocs as the file it already wrote: a link to it resolves
to the same address, and MkDocs neither makes its page nor writes it again.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from typing import TypeVar

from mkdocs.structure.files import File, Files, InclusionLevel

AnyFile = TypeVar("AnyFile", bound=File)


class WrittenPage(File):
    """A Markdown file whose page the last build wrote, and that has not changed since."""

    def is_documentation_page(self) -> bool:
        return False

    def is_static_page(self) -> bool:
        return False

    def is_media_file(self) -> bool:
        return False

    def copy_file(self, dirty: bool = False) -> None:
        """Copy nothing: the page is in the site as the last build wrote it."""


def with_written_pages(files: Files, nav_paths: set[str]) -> Files:
    """The files of a build, each page written before and unchanged since as a `WrittenPage`.

    Pages of the nav stay pages: the nav of every page is made of them. Files MkDocs leaves out
    of the site (the generated bases, half the files) are not looked at.
    """
    return Files(
        _as_written(file)
        if file.is_documentation_page()
        and file.inclusion is not InclusionLevel.EXCLUDED
        and file.src_uri not in nav_paths
        and _is_written(file)
        else file
        for file in files
    )


def nav_paths(nav: object) -> set[str]:
    """The Markdown paths a `nav` setting names, at any depth."""
    return set(_strings(nav))


def _strings(value: object) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        yield from _strings(list(value.values()))
    elif isinstance(value, Iterable):
        for item in value:
            yield from _strings(item)


def _is_written(file: File) -> bool:
    """Whether the file's page is in the site and newer than the file: MkDocs' own test of a
    dirty build (`File.is_modified`), with one look at each file."""
    if file.generated_by is not None or file.src_dir is None:
        return False
    try:
        # os.stat of joined strings, not Path.stat nor the file's normalised absolute paths,
        # which it would keep: either doubles the cost for each of 13,000 files.
        written = os.stat(os.path.join(file.dest_dir, file.dest_uri))  # noqa: PTH116, PTH118
        changed = os.stat(os.path.join(file.src_dir, file.src_uri))  # noqa: PTH116, PTH118
    except OSError:
        return False
    return written.st_mtime >= changed.st_mtime


def _as_written(file: File) -> WrittenPage:
    return same_file_as(file, WrittenPage)


def same_file_as(file: File, kind: type[AnyFile]) -> AnyFile:
    """The same file of the build (source, destination, inclusion) as another kind of File.

    A copy of its state, not a File made anew: making one works out its paths again, which for
    every page of a site of 13,000 took most of a dirty rebuild's look at its files.
    """
    copy = kind.__new__(kind)
    # Its destination is worked out while it is still a page: a kind that is no page would
    # take its source path for it.
    copy.__dict__.update(file.__dict__, dest_uri=file.dest_uri)
    return copy
