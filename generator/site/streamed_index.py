"""The search index written while MkDocs renders the site, not after it.

`mkdocs build` renders its pages one after the other on one core; Pagefind, run on the finished
site, then parsed them all again (at 10,000 briefs, a third of the build's wall time, on a
machine whose second core sat idle while MkDocs rendered). Here each searchable page is handed
to a Pagefind service (Pagefind's Python API, the same binary) as soon as the plugin has its
HTML, so Pagefind parses on the other core while MkDocs renders the next pages, and the build
ends with the index's last part being written.

Parts are as in `generator.site.search`: a part takes pages until their content reaches the
budget, is written and freed, and the next part starts; so Pagefind holds at most one part's
pages, about 550 MiB at the default budget. The parts are pages in the order MkDocs wrote them.
"""

from __future__ import annotations

import asyncio
import queue
import threading
from pathlib import Path

from pagefind.index import IndexConfig, PagefindIndex

from generator.errors import BriefError
from generator.site.search import (
    CONTENT_BYTES_PER_INDEX,
    EXCLUDED_SELECTORS,
    PAGEFIND_FOLDER,
    finish_index,
    part_folder,
)

DONE = None
"""Put on the queue after the last page: write the last part and stop."""


class StreamedIndexer:
    """Index pages as they are handed over, in a thread of its own, in parts of a content budget."""

    def __init__(self, site_dir: Path, budget: int = CONTENT_BYTES_PER_INDEX) -> None:
        self.site_dir = site_dir
        self.budget = budget
        self.parts_written = 0
        self.pages_indexed = 0
        self._pages: queue.Queue[tuple[str, str, int] | None] = queue.Queue()
        self._failure: BaseException | None = None
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def add(self, path: str, html: str, content_bytes: int) -> None:
        """Index a page of the site (its path in the site, its HTML, the bytes of its content)."""
        self._pages.put((path, html, content_bytes))

    def finish(self) -> None:
        """Write the last part and the list of parts; raise BriefError saying why not."""
        self._pages.put(DONE)
        self._thread.join()
        if self._failure is not None:
            raise BriefError(f"pagefind: indexing {self.site_dir} failed: {self._failure}")
        finish_index(self.site_dir / PAGEFIND_FOLDER, max(self.parts_written, 1))

    def _run(self) -> None:
        try:
            asyncio.run(self._index_all())
        except BaseException as error:  # reported by finish(), in the build's thread
            self._failure = error
            while self._pages.get() is not DONE:  # let the build hand over its pages
                pass

    async def _index_all(self) -> None:
        index: PagefindIndex | None = None
        part_bytes = 0
        while (page := await asyncio.to_thread(self._pages.get)) is not DONE:
            path, html, content_bytes = page
            if index is not None and part_bytes + content_bytes > self.budget:
                await self._write(index)
                index, part_bytes = None, 0
            if index is None:
                index = await PagefindIndex(self._config()).__aenter__()
            await index.add_html_file(content=html, source_path=path)
            part_bytes += content_bytes
            self.pages_indexed += 1
        if index is not None:
            await self._write(index)

    async def _write(self, index: PagefindIndex) -> None:
        """Write a part where its number puts it, then free Pagefind's memory of it."""
        output = part_folder(self.site_dir / PAGEFIND_FOLDER, self.parts_written)
        try:
            await index.write_files(output_path=str(output))
        finally:
            await index.__aexit__(RuntimeError, None, None)  # closes without writing again
        self.parts_written += 1

    def _config(self) -> IndexConfig:
        return {
            "exclude_selectors": list(EXCLUDED_SELECTORS),
            "force_language": "en",
            "verbose": False,
        }
