"""Dirty rebuilds under `briefs serve`: MkDocs is handed the pages written before as files."""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from types import SimpleNamespace

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.structure.files import File, Files, InclusionLevel

from generator.site import mkdocs_plugin
from generator.site.written_pages import WrittenPage, nav_paths, with_written_pages
from tests.conftest import tree_bytes
from tests.seed_build import PROJECT
from tests.strict_site import BUILD_DATE

SERVE_URL = "http://127.0.0.1:8000/briefs/"
EDITED = "kenya-s-ruto-withdraws-finance-bill-after-deadly-protests.md"
SITEMAPS = {"sitemap.xml", "sitemap.xml.gz"}


def page_file(docs: Path, site: Path, name: str) -> File:
    return File(name, str(docs), str(site), use_directory_urls=True)


def test_a_page_written_after_its_markdown_is_handed_over_as_written(tmp_path):
    docs, site = tmp_path / "docs", tmp_path / "site"
    for name in ("index.md", "old.md", "new.md", "unbuilt.md"):
        (docs / name).parent.mkdir(parents=True, exist_ok=True)
        (docs / name).write_text("# A page\n", encoding="utf-8")
    for name, seconds in (("index", 10), ("old", 10), ("new", -10)):
        html = site / ("index.html" if name == "index" else f"{name}/index.html")
        html.parent.mkdir(parents=True, exist_ok=True)
        html.write_text("<html></html>", encoding="utf-8")
        written = (docs / f"{name}.md").stat().st_mtime + seconds
        os.utime(html, (written, written))
    files = Files(
        [page_file(docs, site, n) for n in ("index.md", "old.md", "new.md", "unbuilt.md")]
    )
    handed = {file.src_uri: file for file in with_written_pages(files, {"index.md"})}
    # Only the page written after its Markdown changed is handed over; a page of the nav stays a
    # page, however old; the others are built as MkDocs would build them.
    assert [name for name, file in handed.items() if isinstance(file, WrittenPage)] == ["old.md"]
    assert [f.src_uri for f in Files(handed.values()).documentation_pages()] == [
        "index.md",
        "new.md",
        "unbuilt.md",
    ]
    # A link to it resolves to the same address, and MkDocs copies nothing over it.
    assert handed["old.md"].url == "old/"
    assert handed["old.md"].dest_uri == "old/index.html"
    handed["old.md"].copy_file(dirty=True)
    assert (site / "old" / "index.html").read_text(encoding="utf-8") == "<html></html>"


def test_an_excluded_file_stays_as_it_is_and_a_written_page_keeps_its_addresses(tmp_path):
    docs, site = tmp_path / "docs", tmp_path / "site"
    for name in ("old.md", ".hidden/old.md"):
        (docs / name).parent.mkdir(parents=True, exist_ok=True)
        (docs / name).write_text("# A page\n", encoding="utf-8")
    html = site / "old" / "index.html"
    html.parent.mkdir(parents=True)
    html.write_text("<html></html>", encoding="utf-8")
    (site / ".hidden" / "old").mkdir(parents=True)
    (site / ".hidden" / "old" / "index.html").write_text("<html></html>", encoding="utf-8")
    page = page_file(docs, site, "old.md")
    hidden = File(".hidden/old.md", str(docs), str(site), True, inclusion=InclusionLevel.EXCLUDED)
    handed = {file.src_uri: file for file in with_written_pages(Files([page, hidden]), set())}
    # A file MkDocs leaves out of the site (such as the generated bases) is not looked at.
    assert handed[".hidden/old.md"] is hidden
    written = handed["old.md"]
    assert isinstance(written, WrittenPage)
    assert (written.url, written.dest_uri, written.abs_dest_path, written.abs_src_path) == (
        page.url,
        page.dest_uri,
        page.abs_dest_path,
        page.abs_src_path,
    )
    assert written.inclusion == page.inclusion


def test_nav_paths_are_read_at_any_depth():
    nav = ["index.md", {"Actors": "actors/index.md"}, {"More": [{"Tags": "tags.md"}, "x.md"]}]
    assert nav_paths(nav) == {"index.md", "actors/index.md", "tags.md", "x.md"}
    assert nav_paths(None) == set()


def served_build(workdir: Path, *, dirty: bool) -> None:
    """One build as `mkdocs serve` runs it (`--dirty` or not), in this process. MkDocs keeps
    the plugin objects from one configuration loaded to the next, as a server does."""
    config = load_config(str(workdir / "mkdocs.yml"), site_dir=str(workdir / "site"))
    config.site_url = SERVE_URL
    config.plugins.on_startup(command="serve", dirty=dirty)
    build(config, serve_url=SERVE_URL, dirty=dirty)


def noted(text: str) -> str:
    return text + "\nAn analyst's note.\n"


def tagged(text: str) -> str:
    """A tag another brief has, added: the tags page that lists it is not rebuilt by the
    briefs build (its Markdown names the same tags) but must now list this brief too."""
    return noted(text.replace("tags:\n", "tags:\n- Kim Jong Un\n", 1))


def untagged(text: str) -> str:
    """A tag dropped: this brief leaves the tags page that listed it."""
    return noted(text.replace("- Kenya National Commission on Human Rights\n", "", 1))


def retitled(text: str) -> str:
    """A new title, the tags as they were: the tags pages that list the brief show it."""
    return noted(text.replace("title: Kenya's Ruto", "title: Kenya's President Ruto", 1))


@pytest.mark.parametrize("edit", [noted, tagged, untagged, retitled])
def test_a_dirty_rebuild_of_a_served_site_writes_what_a_full_build_writes(
    tmp_path, monkeypatch, edit
):
    """The sample site: after an edit, a served dirty rebuild hands MkDocs the changed brief,
    the pages of the nav and the tags pages that list it, and writes, byte for byte, what MkDocs'
    own dirty rebuild writes, and what a full build writes (tags.json, tag links, listings)."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", BUILD_DATE)
    indexer = SimpleNamespace(request=lambda pages, content_bytes: None)
    monkeypatch.setattr(mkdocs_plugin, "BackgroundIndexer", lambda site: indexer)
    handed: list[list[str]] = []

    def recorded(files: Files, paths: set[str]) -> Files:
        result = with_written_pages(files, paths)
        handed.append([file.src_uri for file in result.documentation_pages()])
        return result

    served, own, fresh = tmp_path / "served", tmp_path / "own", tmp_path / "fresh"
    for workdir in (served, own, fresh):
        shutil.copytree(PROJECT / "briefs", workdir / "briefs")
        shutil.copy(PROJECT / "mkdocs.yml", workdir / "mkdocs.yml")
    for workdir, handing in ((served, recorded), (own, lambda files, paths: files)):
        monkeypatch.setattr(mkdocs_plugin, "with_written_pages", handing)
        served_build(workdir, dirty=True)
        brief = workdir / "briefs" / EDITED
        brief.write_text(edit(brief.read_text(encoding="utf-8")), "utf-8")
        later = (workdir / "site").stat().st_mtime + 5
        os.utime(brief, (later, later))
        served_build(workdir, dirty=True)
    config = load_config(str(served / "mkdocs.yml"))
    nav = {path for path in nav_paths(config.nav) if (served / "briefs" / path).is_file()}
    assert len(handed) == 1  # the first build builds every page
    assert sorted(handed[0]) == sorted({*nav, EDITED})
    pages = tree_bytes(served / "site")
    assert "An analyst's note." in pages[EDITED.replace(".md", "/index.html")].decode()
    assert pages == tree_bytes(own / "site")
    # Beside a full build of the edited briefs: the same files, byte for byte.
    fresh_brief = fresh / "briefs" / EDITED
    fresh_brief.write_text((served / "briefs" / EDITED).read_text(encoding="utf-8"), "utf-8")
    served_build(fresh, dirty=False)
    fresh_pages = tree_bytes(fresh / "site")
    assert pages.keys() == fresh_pages.keys()
    assert [name for name in pages if pages[name] != fresh_pages[name]] == []
    # What a reader sees: the tags page lists the brief under the tags it has, and only those.
    tags_page = pages["tags/k/index.html"].decode()
    assert ("kenya-s-ruto-withdraws" in listed(tags_page, "kim-jong-un")) is (edit is tagged)
    commission = listed(tags_page, "kenya-national-commission-on-human-rights")
    assert ("kenya-s-ruto-withdraws" in commission) is (edit is not untagged)


def listed(tags_page: str, tag: str) -> str:
    """The list of pages under one tag of a built tags page (minified HTML)."""
    heading = tags_page.find(f"<h2 id=tag:{tag}>")
    if heading < 0:
        return ""  # no page has the tag any more
    return tags_page[heading : tags_page.index("</ul>", heading)]
