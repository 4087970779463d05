"""The site's name and address come from mkdocs.yml, read in one place for build and serve."""

from __future__ import annotations

import pytest

from generator.errors import BriefError
from generator.settings import Site, read_site


def test_a_missing_configuration_is_a_site_without_an_address(tmp_path):
    assert read_site(tmp_path / "mkdocs.yml") == Site(None, "Briefs")


def test_tags_mkdocs_understands_do_not_hide_the_site_url(tmp_path, monkeypatch):
    config = tmp_path / "mkdocs.yml"
    config.write_text(
        "site_name: Desk\n"
        "site_url: !ENV [DESK_SITE_URL, 'https://example.org/desk/']\n"
        "markdown_extensions:\n"
        "  - pymdownx.emoji:\n"
        "      emoji_index: !!python/name:material.extensions.emoji.twemoji\n",
        encoding="utf-8",
    )
    assert read_site(config) == Site("https://example.org/desk/", "Desk")
    monkeypatch.setenv("DESK_SITE_URL", "https://desk.example.com/")
    assert read_site(config) == Site("https://desk.example.com/", "Desk")


def test_a_configuration_that_is_not_yaml_is_an_error_naming_file_and_line(tmp_path):
    config = tmp_path / "mkdocs.yml"
    config.write_text("site_name: Desk\nnav: [index.md\n", encoding="utf-8")
    with pytest.raises(BriefError) as raised:
        read_site(config)
    assert str(raised.value) == f"{config}:3: not valid YAML"
