"""Planned pages in, files in briefs/ out: each page rendered and written, merged with hand edits.

A page whose data did not change since the last build, and whose file nobody touched, is neither
rendered nor written. With `--check` nothing is written: the results say what a build would do.
Pages that nothing makes any more are removed, unless someone edited them.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from multiprocessing.connection import Connection
from pathlib import Path

from generator.corpus.pages import PlannedPage
from generator.errors import BriefError
from generator.settings import GENERATED_FOLDER, Settings
from generator.site.forked import Helper, HelperError, SharedBatches, can_fork, is_only_thread
from generator.site.write import (
    TEMPORARY_SUFFIX,
    WriteBatch,
    WriteOutcome,
    WriteResult,
    plan_brief,
    write_batch,
    write_brief,
)

MIN_PAGES_FOR_HELPER = 200
"""Fewer pages to write than this are written in one process: a fork costs more than it saves
(`briefs serve`'s rebuild of an edited article writes a handful)."""
PAGES_PER_BATCH = 32
"""Pages a process takes from the shared counter at a time: small enough that the two end
within a batch of each other, large enough that the counter's lock is rarely waited for."""


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
    returns. Many pages are rendered and staged on two cores (`forked`): a helper process takes
    batches of them from the same counter as this one, so neither waits while pages are left.
    """
    if not check:
        remove_interrupted_writes(settings, pages)
    results = {name: WriteResult(outcome) for name, outcome in reusable.items() if name in pages}
    to_write = [name for name in pages if name not in reusable]

    def write_one(name: str, batch: WriteBatch) -> WriteResult:
        page, base = settings.briefs_dir / name, settings.generated_dir / name
        text = pages[name].render()
        if check:
            return plan_brief(page, base, text)[0]
        return write_brief(page, base, text, force=force, batch=batch)

    with write_batch() as batch:
        if len(to_write) >= MIN_PAGES_FOR_HELPER and can_fork() and is_only_thread():
            results |= written_on_two_cores(to_write, write_one, batch)
        else:
            results |= {name: write_one(name, batch) for name in to_write}
    return {name: results[name] for name in pages}


def written_on_two_cores(
    names: list[str], write_one: Callable[[str, WriteBatch], WriteResult], batch: WriteBatch
) -> dict[str, WriteResult]:
    """Write the pages here and in a helper process, batch by batch from one counter.

    The helper stages its files as this process does (a temporary file beside each page) and
    sends each page's result with its staged files, which join this process's batch: the pages
    are put in place together, or dropped together if either process fails.
    """
    batches = SharedBatches(len(names), PAGES_PER_BATCH)

    def work(sending: Connection) -> None:
        own = WriteBatch()
        try:
            while (taken := batches.take()) is not None:
                for name in (names[position] for position in taken):
                    result = write_one(name, own)
                    sending.send(("page", name, (result, own.staged)))
                    own.staged = []
        except BaseException:
            own.discard()
            raise
        sending.send(("done", "", None))

    helper = Helper(work, [])
    results: dict[str, WriteResult] = {}
    try:
        while (taken := batches.take()) is not None:
            for name in (names[position] for position in taken):
                results[name] = write_one(name, batch)
        helper.finish()
    except HelperError as error:
        # The helper's own staged files were dropped when it failed; those it sent are below.
        raise BriefError(f"writing pages beside this process: {error}") from error
    except BaseException:
        # Failed here: the helper stops; files it staged and did not send are temporary files
        # that the next build removes (`remove_interrupted_writes`).
        helper.process.terminate()
        raise
    finally:
        # What the helper staged and sent joins the batch, to be put in place or dropped.
        for name, (result, staged) in helper.taken().items():
            results.setdefault(name, result)
            batch.staged.extend(staged)
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
