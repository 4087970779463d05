"""A site build shares its pages with a helper process and gives the same site as one process."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort

from generator.site import mkdocs_plugin, second_core
from tests.strict_site import BUILD_DATE

PAGE_COUNT = second_core.MIN_PAGES + 8
CONFIG = """\
site_name: Two cores
docs_dir: docs
theme:
  name: material
plugins:
  - search
  - tags
  - briefs
markdown_extensions:
  - admonition
  - attr_list
  - md_in_html
  - toc:
      permalink: true
"""


def test_the_helper_takes_the_last_share_of_the_weight():
    assert second_core.last_share([5, 1, 1, 1, 2], lambda size: size, 0.5) == [1, 1, 1, 2]
    assert second_core.last_share([1, 1, 8], lambda size: size, 0.5) == []
    assert second_core.last_share([], lambda size: size, 0.5) == []


def write_site(folder: Path, broken_link_in: int | None = None) -> Path:
    """A site of invented pages that link to each other, with headings, lists and a card."""
    docs = folder / "docs"
    docs.mkdir(parents=True)
    (folder / "mkdocs.yml").write_text(CONFIG, encoding="utf-8")
    (docs / "index.md").write_text("# Home\n\n[First](page-0.md)\n", encoding="utf-8")
    for number in range(PAGE_COUNT):
        after = f"page-{(number + 1) % PAGE_COUNT}.md"
        link = "missing-page.md" if number == broken_link_in else after
        text = (
            f"---\ntags:\n  - kind {number % 3}\n---\n\n# Harbour report {number}\n\n"
            f"The ferry from Lanmoor left **{number} minutes** late, said the [next]({link}).\n\n"
            f"## Crew\n\n- Deckhand {number}\n- Pilot of the *Gull*\n\n"
            '!!! note "Seen"\n    Weather held all day.\n\n'
            f'<div class="card" markdown>\n\n[Back](index.md) · page {number}\n\n</div>\n'
        )
        (docs / f"page-{number}.md").write_text(text, encoding="utf-8")
    return folder


def build_site(folder: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Build the site in this process (so the test sees the plugin), strictly."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", BUILD_DATE)
    config = load_config(str(folder / "mkdocs.yml"), site_dir=str(folder / "site"), strict=True)
    config.plugins.on_startup(command="build", dirty=False)
    build(config)
    return folder / "site"


def files_of(site: Path) -> dict[str, bytes]:
    return {
        path.relative_to(site).as_posix(): path.read_bytes()
        for path in sorted(site.rglob("*"))
        if path.is_file() and not path.name.endswith(".gz")
    }


def counted_helpers(monkeypatch: pytest.MonkeyPatch) -> list[list[str]]:
    """The pages each helper started was given (Markdown first, then templates)."""
    counts: list[list[str]] = []
    for name in ("markdown_helper", "template_helper"):
        started = getattr(mkdocs_plugin, name)

        def counting(pages, *rest, started=started):  # type: ignore[no-untyped-def]
            counts.append([getattr(page, "file", page).src_uri for page in pages])
            return started(pages, *rest)

        monkeypatch.setattr(mkdocs_plugin, name, counting)
    return counts


def test_a_site_built_with_a_helper_is_the_site_built_in_one_process(tmp_path, monkeypatch):
    helpers = counted_helpers(monkeypatch)
    shared = files_of(build_site(write_site(tmp_path / "shared"), monkeypatch))
    assert len(helpers) == 2 and all(len(pages) > PAGE_COUNT // 4 for pages in helpers), helpers
    monkeypatch.setattr(mkdocs_plugin, "can_fork", lambda: False)
    alone = files_of(build_site(write_site(tmp_path / "alone"), monkeypatch))
    assert len(helpers) == 2  # no helper the second time
    assert shared.keys() == alone.keys()
    assert [uri for uri in shared if shared[uri] != alone[uri]] == []


def test_a_warning_in_a_page_the_helper_renders_fails_a_strict_build(tmp_path, monkeypatch, caplog):
    helpers = counted_helpers(monkeypatch)
    with caplog.at_level(logging.WARNING), pytest.raises(Abort):
        build_site(write_site(tmp_path, broken_link_in=PAGE_COUNT - 1), monkeypatch)
    assert f"page-{PAGE_COUNT - 1}.md" in helpers[0], "the helper did not render the page"
    assert "missing-page.md" in caplog.text


def test_a_helper_that_fails_fails_the_build(tmp_path, monkeypatch, caplog):
    def failing(page: object) -> None:
        raise ValueError("the helper's page could not be built")

    started = mkdocs_plugin.template_helper
    monkeypatch.setattr(
        mkdocs_plugin, "template_helper", lambda pages, build, noted: started(pages, failing, noted)
    )
    with pytest.raises(Abort):
        build_site(write_site(tmp_path), monkeypatch)
    assert "building pages beside: ValueError: the helper's page could not be built" in caplog.text
