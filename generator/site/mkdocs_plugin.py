"""The MkDocs plugin `briefs`: Material's search box answered by Pagefind, and lean pages.

Thin on purpose: what to index and how lives in `generator.site.search`, how a page is
minified in `generator.site.lean_html`; both run and are tested without MkDocs.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from jinja2 import Environment
from mkdocs.commands import build as mkdocs_build
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority
from mkdocs.structure.files import File, Files, get_files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.theme import Theme
from mkdocs.utils import get_relative_url
from watchdog.observers.api import BaseObserver

from generator.errors import BriefError
from generator.site.forked import Helper, HelperError, can_fork
from generator.site.icon_sprite import SPRITE_PATH, sprite, symbols_of, with_icons_shared
from generator.site.kept_bytecode import MKDOCS_GET_ENV, KeptBytecode, theme_envs_with
from generator.site.kept_files import KeptFiles, remove_gone_pages
from generator.site.kept_tags import KeptTags, tags_plugins, with_pages_read
from generator.site.lean_html import minified
from generator.site.search import (
    SEARCHABLE_KEY,
    THEME_FOLDER,
    WORKER,
    BackgroundIndexer,
    index_site,
    is_searchable,
    material_worker,
)
from generator.site.second_core import (
    EMPTY_TEMPLATE,
    HELPER_SHARE,
    MIN_PAGES,
    Rendered,
    last_share,
    log_again,
    markdown_digest,
    markdown_helper,
    render_as_before,
    render_nothing,
    template_helper,
)
from generator.site.shared_scripts import with_scripts_shared
from generator.site.signal_file import watch_signal
from generator.site.written_pages import nav_paths, with_written_pages

MATERIAL_SEARCH = "material/search"
SIGNAL_FOLDER_VARIABLE = "BRIEFS_SERVE_SIGNALS"
"""Set by `briefs serve`: the folder to watch instead of the docs folder, where it writes a file
once a build has written all its pages."""
DIRTY_BUILD_NOTICE = "A 'dirty' build is being performed"
SITEMAPS = ("sitemap.xml",)
"""Theme templates that list every page of the site (MkDocs also writes sitemap.xml.gz)."""


def without_dirty_build_notice(record: logging.LogRecord) -> bool:
    """Drop MkDocs' warning that a build is dirty (a logging filter)."""
    return not record.getMessage().startswith(DIRTY_BUILD_NOTICE)


class BriefsConfig(Config):  # type: ignore[no-untyped-call]  # MkDocs leaves it untyped
    """The plugin takes no options."""


class BriefsPlugin(BasePlugin[BriefsConfig]):  # type: ignore[no-untyped-call]
    """Index the built site with Pagefind and point Material's search box at it."""

    def __init__(self) -> None:
        self.is_serving = False
        self.is_dirty = False
        self.material_worker: str | None = None
        self.indexer: BackgroundIndexer | None = None
        self.bytecode = KeptBytecode()
        self.is_searchable_page: dict[str, bool] = {}
        """By address in the site, whether each page written is searchable; kept from build to
        build of one server, since a dirty build writes only the pages that changed."""
        self.content_bytes: dict[str, int] = {}
        """By address in the site, the bytes of each page's content: what Pagefind holds."""
        self.kept_tags: dict[str, KeptTags] = {}
        """What each tags plugin knew after the last build of this server, by its name."""
        self.pages_read: set[str] = set()
        """The addresses of the pages this build reads."""
        self.icons: dict[str, str] = {}
        """The theme's icons the pages of this build use, as symbols of the sprite, by id."""
        self.scripts: dict[str, str] = {}
        """The theme's inline scripts the pages of this build use, by their file in the site."""
        self.is_building = False
        self.nav: Navigation | None = None
        self.markdown_helper: Helper | None = None
        """The process rendering the Markdown of the last share of the pages, if any."""
        self.template_helper: Helper | None = None
        """The process building and writing the last share of the pages, if any."""
        self.rendered: dict[str, tuple[Rendered, str]] = {}
        """By source path, what the Markdown helper rendered and the Markdown it rendered."""
        self.kept_files = KeptFiles()
        """The docs folder's files as the last build of this server found them."""
        self.signal_observer: BaseObserver | None = None
        """What tells this server that `briefs serve` has written a build, if the system can."""

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.is_serving = command == "serve"
        # A whole build shares its pages with a helper; `serve` rebuilds a few pages at a time.
        self.is_building = command in ("build", "gh-deploy") and not dirty
        self.is_dirty = dirty
        if dirty:
            # `briefs serve` rebuilds dirty on purpose; the warning MkDocs gives each time would
            # stop a strict build, and strict mode still catches every other problem.
            logging.getLogger("mkdocs.commands.build").addFilter(without_dirty_build_notice)
        if self.is_serving and dirty:
            # A rebuild makes a file only for a path it has not seen (the same files as MkDocs'
            # walk: `generator.site.kept_files`), not for each of the site's 25,000 files.
            mkdocs_build.get_files = self.kept_files.get_files  # type: ignore[attr-defined]
            # Every Jinja environment of a rebuild compiles a template once per server.
            Theme.get_env = theme_envs_with(self.bytecode)  # type: ignore[method-assign, assignment]

    def on_shutdown(self) -> None:
        # MkDocs' own walk again, for any later build of this process.
        mkdocs_build.get_files = get_files  # type: ignore[attr-defined]
        Theme.get_env = MKDOCS_GET_ENV  # type: ignore[method-assign]
        if self.signal_observer is not None:
            self.signal_observer.stop()

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        if MATERIAL_SEARCH not in config.plugins:
            raise PluginError(
                f"{config.config_file_path}: plugins: the briefs plugin answers Material's "
                "search box: list 'search' before 'briefs'"
            )
        # After the site's own custom_dir, if any, so that it can still override these files.
        position = 1 if config.theme.custom_dir else 0
        config.theme.dirs.insert(position, str(THEME_FOLDER))
        self.material_worker = material_worker(config.theme.dirs)
        if self.material_worker is None:
            raise PluginError(
                "briefs plugin: Material's search worker (assets/javascripts/workers/"
                "search.*.min.js) is not in the theme; is the theme 'material'?"
            )
        self.pages_read = set()
        self.icons = {}
        self.scripts = {}
        if self._is_rebuilding_dirty(config):
            # The pages not written again use the icons of the sprite written before.
            self.icons = symbols_of(_text_or_nothing(Path(config.site_dir) / SPRITE_PATH))
            # The pages written before are not pages of this build (`on_files`): the sitemaps
            # of the first build, which lists them all, stay.
            config.theme.static_templates.difference_update(SITEMAPS)
        return config

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        if not self._is_rebuilding_dirty(config):
            return files
        remove_gone_pages(self.kept_files.gone, files)
        files = with_written_pages(files, nav_paths(config.nav))
        # A tags page lists pages it does not read: read it again when one of them changed.
        relisted = set[str]()
        for name, plugin in tags_plugins(config).items():
            relisted |= self.kept_tags.get(name, KeptTags()).pages_to_relist(plugin, files)
        return with_pages_read(files, relisted)

    def _is_rebuilding_dirty(self, config: MkDocsConfig) -> bool:
        """Whether this is a dirty rebuild of a served site (`mkdocs serve --dirty`)."""
        sitemap = Path(config.site_dir) / SITEMAPS[0]
        return self.is_serving and self.is_dirty and sitemap.is_file()

    @event_priority(150)  # before the tags plugin fills in its listings (priority 100)
    def _on_env_before_tags(
        self, env: Environment, *, config: MkDocsConfig, files: Files
    ) -> Environment:
        if self.is_serving:
            for name, plugin in tags_plugins(config).items():
                kept = self.kept_tags.get(name, KeptTags())
                kept.hand_over_mappings(plugin, files, self.pages_read)
        return env

    def _on_env(self, env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
        env.globals["pagefind"] = {"material_worker": self.material_worker, "worker": WORKER}
        env.bytecode_cache = self.bytecode
        if self.is_serving:
            for name, plugin in tags_plugins(config).items():
                kept = self.kept_tags.setdefault(name, KeptTags())
                kept.hand_over_listings(plugin, files, self.pages_read)
                kept.remember(plugin)
        if self.markdown_helper is not None:
            try:
                log_again(self.markdown_helper.finish())
            except HelperError as error:
                raise PluginError(f"briefs plugin: rendering Markdown beside: {error}") from error
            self.markdown_helper = None
            self._start_template_helper(env, config, files)
        return env

    def _start_template_helper(self, env: Environment, config: MkDocsConfig, files: Files) -> None:
        """Fork a helper that builds the last share of the pages; they are not built here."""
        pages = [file.page for file in files.documentation_pages() if file.page is not None]
        doc_files = files.documentation_pages()

        nav = self.nav
        assert nav is not None  # on_nav comes first

        def build(page: Page) -> None:
            # A build (not `serve`) has no excluded pages among those it builds.
            mkdocs_build._build_page(page, config, doc_files, nav, env, excluded=False)

        def noted() -> tuple[dict[str, bool], dict[str, int], dict[str, str], dict[str, str]]:
            return self.is_searchable_page, self.content_bytes, self.icons, self.scripts

        shared = last_share(pages, lambda page: len(page.content or ""), HELPER_SHARE)
        self.template_helper = template_helper(shared, build, noted)
        for page in shared:
            # Built and written by the helper: here the page's template is one of nothing.
            page.meta["template"] = EMPTY_TEMPLATE
        logging.getLogger("mkdocs.commands.build").addFilter(self._without_skipped_notice)

    def _without_skipped_notice(self, record: logging.LogRecord) -> bool:
        """Drop MkDocs' notice that a page built by the helper was not written here."""
        helper = self.template_helper
        message = record.getMessage()
        return not (
            helper is not None
            and message.startswith("Page skipped: '")
            and message.split("'")[1] in helper.src_uris
        )

    on_env = CombinedEvent(_on_env_before_tags, _on_env)

    @event_priority(-100)  # after every other plugin's: the pages' Markdown is all read
    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
        self.nav = nav
        self.markdown_helper = self.template_helper = None
        self.rendered = {}
        pages = files.documentation_pages()
        if not self.is_building or len(pages) < MIN_PAGES or not can_fork():
            return nav

        def render(file: File) -> Page:
            if file.page is None:  # a page out of the nav, as MkDocs' build makes it
                Page(None, file, config)
            assert file.page is not None
            mkdocs_build._populate_page(file.page, config, files)
            return file.page

        source_bytes = lambda file: Path(file.abs_src_path).stat().st_size  # noqa: E731
        shared = last_share(pages, source_bytes, HELPER_SHARE)
        self.markdown_helper = markdown_helper(shared, render)
        return nav

    @event_priority(-100)  # after every other plugin's (tags: -50): the Markdown to render
    def on_page_markdown(
        self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        self.pages_read.add(page.url)
        # Pagefind indexes the page, Material's own index never does: it keeps only settings.
        page.meta[SEARCHABLE_KEY] = is_searchable(page.meta)
        search: Any = page.meta.get("search")
        page.meta["search"] = {**(search if isinstance(search, dict) else {}), "exclude": True}
        rendered = self._helper_rendered(page)
        if rendered is not None and rendered.digest == markdown_digest(markdown):
            # Rendered by the helper: MkDocs converts nothing here (not even an empty text,
            # which costs a Markdown object a page), the HTML comes in `on_page_content`.
            self.rendered[page.file.src_uri] = (rendered, markdown)
            render_nothing(page)
            return ""
        return markdown

    def _helper_rendered(self, page: Page) -> Rendered | None:
        helper = self.markdown_helper
        if helper is None or page.file.src_uri not in helper.src_uris:
            return None
        try:
            result: Rendered | None = helper.result(page.file.src_uri)
        except HelperError as error:
            raise PluginError(f"briefs plugin: rendering Markdown beside: {error}") from error
        return result

    @event_priority(100)  # before every other plugin's: they see the page's HTML
    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        if page.file.src_uri not in self.rendered:
            return html
        rendered, markdown = self.rendered.pop(page.file.src_uri)
        page.markdown = markdown
        render_as_before(page)
        return rendered.give_to(page, files)

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        helper = self.template_helper
        if helper is not None and page.file.src_uri in helper.src_uris:
            return ""  # the helper writes it
        self.is_searchable_page[page.file.dest_uri] = bool(page.meta.get(SEARCHABLE_KEY))
        self.content_bytes[page.file.dest_uri] = len(page.content or "")
        sprite_url = get_relative_url(SPRITE_PATH, page.url)
        output = with_icons_shared(output, page.content, sprite_url, self.icons)
        output = with_scripts_shared(
            output, page.content, lambda path: get_relative_url(path, page.url), self.scripts
        )
        return minified(output)

    def on_serve(
        self, server: LiveReloadServer, *, config: MkDocsConfig, builder: Callable[..., Any]
    ) -> LiveReloadServer:
        signals = os.environ.get(SIGNAL_FOLDER_VARIABLE)
        if signals:
            # Under `briefs serve`, rebuild when it says a build is written, not on each write:
            # at once where the system tells of the signal's write, else at MkDocs' next poll.
            server.unwatch(config.docs_dir)
            self.signal_observer = watch_signal(signals, lambda: _want_rebuild(server))
            if self.signal_observer is None:
                server.watch(signals)
            # The signal is written once, when all pages are: no burst of writes to wait out.
            server.build_delay = 0.0
        return server

    def _take_template_helpers_notes(self) -> None:
        """Wait for the helper building pages; take what the plugin noted about its pages."""
        helper, self.template_helper = self.template_helper, None
        if helper is None:
            return
        try:
            (searchable, content_bytes, icons, scripts), records = helper.finish()
        except HelperError as error:
            raise PluginError(f"briefs plugin: building pages beside: {error}") from error
        log_again(records)
        self.is_searchable_page.update(searchable)
        self.content_bytes.update(content_bytes)
        self.icons.update(icons)
        self.scripts.update(scripts)

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        site_dir = Path(config.site_dir)
        self._take_template_helpers_notes()
        (site_dir / SPRITE_PATH).parent.mkdir(parents=True, exist_ok=True)
        (site_dir / SPRITE_PATH).write_text(sprite(self.icons), encoding="utf-8")
        # A dirty rebuild adds the scripts of its pages; those of the pages before stay.
        for path, code in self.scripts.items():
            (site_dir / path).parent.mkdir(parents=True, exist_ok=True)
            (site_dir / path).write_text(code, encoding="utf-8")
        pages = sorted(
            uri for uri, is_searchable in self.is_searchable_page.items() if is_searchable
        )
        if self.is_serving:
            # The browser reloads as soon as the pages are written; the index follows.
            if self.indexer is None:
                self.indexer = BackgroundIndexer(site_dir)
            self.indexer.request(pages, self.content_bytes)
            return
        try:
            index_site(site_dir, pages, content_bytes=self.content_bytes)
        except BriefError as error:
            raise PluginError(str(error)) from error


def _want_rebuild(server: LiveReloadServer) -> None:
    """Have MkDocs' server rebuild, as its own watch does on a change (MkDocs 1.6.1's
    `LiveReloadServer.watch`)."""
    with server._rebuild_cond:
        server._want_rebuild = True
        server._rebuild_cond.notify_all()


def _text_or_nothing(path: Path) -> str:
    """A file's text, or nothing where there is no file."""
    return path.read_text(encoding="utf-8") if path.is_file() else ""
