"""What Material's tags plugin knew of the pages a served dirty rebuild does not read again.

The tags plugin learns a page's tags, and the listings a page holds, when it reads the page. A
dirty rebuild under `briefs serve` reads only the pages that changed, so on its own the plugin
would list on a rebuilt tags page only the briefs read in that build, show a rebuilt brief's
tags as plain text (no listing it knows of lists them) and write a partial tags.json. The briefs
plugin keeps what the tags plugin knew after each build and hands it over for the pages not
read again; a page whose listing shows the tags of a page read again (or gone) is read again.
With that, a served rebuild writes what a full build writes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from types import SimpleNamespace
from weakref import WeakKeyDictionary

from material.plugins.tags.plugin import TagsPlugin
from material.plugins.tags.structure.listing import Listing
from material.plugins.tags.structure.mapping import Mapping
from material.plugins.tags.structure.mapping.manager import MappingManager
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.utils import is_markdown_file
from mkdocs.utils.meta import get_data

from generator.site.written_pages import same_file_as


class PageToRead(File):
    """A page MkDocs reads and renders again in a dirty build, though its Markdown is older
    than its HTML: what it lists changed elsewhere."""

    def is_modified(self) -> bool:
        return True


@dataclass
class KeptTags:
    """One tags plugin's mappings and listings after the last build, by page address."""

    mappings: dict[str, Mapping] = field(default_factory=dict)
    listings: dict[str, set[Listing]] = field(default_factory=dict)

    def pages_to_relist(self, plugin: TagsPlugin, files: Files) -> set[str]:
        """The addresses of the kept listings that show the tags (before or after) of a page
        this build reads, or of a page gone since."""
        alive = page_addresses(files)
        changed = [self.mappings[url] for url in self.mappings.keys() - alive.keys()]
        for file in files.documentation_pages():
            if file.is_modified() and plugin.filter(file):
                before, (after, title) = self.mappings.get(file.url), mapping_of(plugin, file)
                if not is_listed_alike(before, after, title):
                    changed += [mapping for mapping in (before, after) if mapping]
        return {
            url
            for url, listings in self.listings.items()
            if any(any(listing & mapping) for listing in listings for mapping in changed)
        }

    def hand_over_mappings(self, plugin: TagsPlugin, files: Files, read: set[str]) -> None:
        """Give the plugin the kept tags of the pages it did not read, in the order of the
        pages, as a full build reads them (its tags.json lists them in that order)."""
        alive = page_addresses(files)
        kept = {url: m for url, m in self.mappings.items() if url in alive and url not in read}
        merged = kept | plugin.mappings.data
        plugin.mappings.data = dict(sorted(merged.items(), key=lambda item: alive[item[0]]))

    def hand_over_listings(self, plugin: TagsPlugin, files: Files, read: set[str]) -> None:
        """Give the plugin the kept listings of the pages it did not read, so that the tags of
        a page it renders link to them, as in a full build."""
        alive = page_addresses(files)
        for url, listings in self.listings.items():
            if url in alive and url not in read:
                plugin.listings.data.update(listings)

    def remember(self, plugin: TagsPlugin) -> None:
        """Keep what the plugin knows after a build, for the next one."""
        self.mappings = dict(plugin.mappings.data)
        self.listings = {}
        for listing in plugin.listings.data:
            self.listings.setdefault(listing.page.url, set()).add(listing)


def tags_plugins(config: MkDocsConfig) -> dict[str, TagsPlugin]:
    """Every instance of Material's tags plugin in the site's configuration, by its name."""
    return {
        name: plugin for name, plugin in config.plugins.items() if isinstance(plugin, TagsPlugin)
    }


ADDRESSES: WeakKeyDictionary[Files, tuple[int, dict[str, int]]] = WeakKeyDictionary()
"""The page addresses of a build's files, by the files and their count: a dirty rebuild asks
for them three times (each tags plugin's pages to read again, its mappings, its listings), and
each time took a tenth of a second at 4,000 articles."""


def page_addresses(files: Files) -> dict[str, int]:
    """The address of every Markdown page of the site among the files, read or not, with its
    position. Files left out of the site (the generated bases, half the files) have none."""
    known = ADDRESSES.get(files)
    if known is not None and known[0] == len(files):
        return known[1]
    addresses = {
        file.url: position
        for position, file in enumerate(files)
        if is_markdown_file(file.src_uri) and file.inclusion is not InclusionLevel.EXCLUDED
    }
    ADDRESSES[files] = (len(files), addresses)
    return addresses


def mapping_of(plugin: TagsPlugin, file: File) -> tuple[Mapping | None, str | None]:
    """The tags of a page as the plugin will read them from its front matter, if it has any,
    and the title its front matter gives it, if any."""
    _, meta = get_data(file.content_string)
    page = SimpleNamespace(url=file.url, meta=meta, file=file)
    # A stand-in for the page: what the plugin reads of one when it collects its tags.
    mapping: Mapping | None = MappingManager(plugin.config).add(page, "")
    title = meta.get("title")
    return mapping, title if isinstance(title, str) else None


def is_listed_alike(before: Mapping | None, after: Mapping | None, title: str | None) -> bool:
    """Whether a page read again shows in listings as before: the same tags, the same title.

    Most edits change neither (a new first sentence, a fact, a quote), and a listing that
    shows every brief of a tag is long to render again.
    """
    if before is None or after is None:
        return before is after
    names = sorted(str(tag) for tag in before.tags) == sorted(str(tag) for tag in after.tags)
    return names and title is not None and before.item.title == title


def with_pages_read(files: Files, urls: set[str]) -> Files:
    """The files of a build, the pages at these addresses read again whatever their times."""
    if not urls:
        return files
    return Files(
        same_file_as(file, PageToRead)
        if file.url in urls and is_markdown_file(file.src_uri)
        else file
        for file in files
    )
