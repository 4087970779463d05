"""Planned pages in, files in briefs/ out: each page rendered and written, merged with hand edits.

A page whose data did not change since the last build, and whose file nobody touched, is neither
rendered nor written. With `--check` nothing is written: the results say what a build would do.
Pages that nothing makes any more are removed, unless someone edited them.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from generator.corpus.pages import PlannedPage
from generator.settings import GENERATED_FOLDER, Settings
from generator.site.write import (
    TEMPORARY_SUFFIX,
    WriteOutcome,
    WriteResult,
    plan_brief,
    write_batch,
    write_brief,
)


def write_pages(
    pages: dict[str, PlannedPage],
    reusable: dict[str, WriteOutcome],
    settings: Settings,
    *,
    check: bool,
    force: bool,
) -> dict[str, WriteResult]:
    """Render and write every page but the reusable ones (with check, write nothing).

    Temporary files a killed build left behind go first (the pages themselves are intact). The
    pages are written as one batch (`write.WriteBatch`): in place, and on the disk, when this
    returns.
    """
    if not check:
        remove_interrupted_writes(settings, pages)
    results = {}
    with write_batch() as batch:
        for name, planned in pages.items():
            if name in reusable:
                results[name] = WriteResult(reusable[name])
                continue
            page, base = settings.briefs_dir / name, settings.generated_dir / name
            text = planned.render()
            if check:
                results[name] = plan_brief(page, base, text)[0]
            else:
                results[name] = write_brief(page, base, text, force=force, batch=batch)
    return results


def hand_edited(results: dict[str, WriteResult], orphans: list[str]) -> list[str]:
    """Pages that differ from their generated text: the only ones that can hold a "Regenerated
    text" block (`check.awaiting_review`). Takes what a build did to each page, and the pages
    kept for their hand edits though their article is gone."""
    edited = (WriteOutcome.KEPT_EDITS, WriteOutcome.MERGED, WriteOutcome.CONFLICT)
    names = [name for name, result in results.items() if result.outcome in edited]
    return sorted(names + orphans)


def remove_orphans(
    settings: Settings, current: set[str], files: dict[str, str], *, check: bool
) -> tuple[list[str], list[str]]:
    """Remove generated pages nothing makes any more, unless someone edited them.

    Takes the files the briefs folder held before this build wrote any (`manifest.scan_files`).
    While a brief whose article is gone is kept for its hand edits, the actor pages it links to
    are kept too, so the site still builds. Returns the pages removed (with check: that would be)
    and those kept for their hand edits.
    """
    removed: list[str] = []
    kept: list[str] = []
    prefix = f"{GENERATED_FOLDER}/"
    names = [
        name.removeprefix(prefix)
        for name in sorted(files)
        if name.startswith(prefix) and name.endswith(".md")
    ]
    for name in sorted(names, key=lambda name: "/" in name):  # briefs first
        if name in current or ("/" in name and kept):
            continue
        page, base = settings.briefs_dir / name, settings.generated_dir / name
        if page.exists() and page.read_bytes() != base.read_bytes():
            kept.append(name)
            continue
        removed.append(name)
        if not check:
            page.unlink(missing_ok=True)
            base.unlink()
    return removed, kept


def remove_interrupted_writes(settings: Settings, pages: Iterable[str]) -> None:
    """Delete temporary files a killed build left behind (the pages themselves are intact) in
    the folders of these pages and of their bases: a batch stages files in all of them."""
    # The folders by name first: a path object for each of 13,000 pages took seconds.
    subfolders = {name.rpartition("/")[0] for name in pages}
    roots = (settings.briefs_dir, settings.generated_dir)
    for folder in (root / subfolder for root in roots for subfolder in sorted(subfolders)):
        if folder.is_dir():
            with os.scandir(folder) as entries:
                for entry in entries:
                    if entry.name.startswith(".") and entry.name.endswith(TEMPORARY_SUFFIX):
                        Path(entry.path).unlink()
