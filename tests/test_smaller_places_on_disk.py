"""GeoNames' smaller towns are read once and kept on disk (speed8): a later process reads the
kept list, which is the list GeoNames gives, and a kept list of other sources is not read
(it is removed when the new one is kept)."""

from __future__ import annotations

import json

import pytest

from generator.analysis import place_names


@pytest.fixture
def cache_home(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    place_names._smaller_places.cache_clear()
    yield tmp_path / "briefs"
    place_names._smaller_places.cache_clear()


def test_the_list_is_kept_once_made_and_read_back(cache_home):
    made = place_names._smaller_places()
    kept = list(cache_home.glob("smaller-places-*.json"))
    assert len(kept) == 1
    assert json.loads(kept[0].read_text(encoding="utf-8")) == made
    assert made == place_names._read_smaller_places()
    # A later process reads the file: what it holds is what it answers.
    kept[0].write_text(json.dumps({"Nowhere Town": "a kept list"}), encoding="utf-8")
    place_names._smaller_places.cache_clear()
    assert place_names.smaller_place_source("Nowhere Town") == "a kept list"


def test_a_list_made_from_other_sources_is_not_read(cache_home):
    cache_home.mkdir(parents=True)
    stale = cache_home / place_names.SMALLER_PLACES_FILE.format(key="0" * 16)
    stale.write_text(json.dumps({"Nowhere Town": "an old list"}), encoding="utf-8")
    assert place_names.smaller_place_source("Nowhere Town") is None
    assert place_names.smaller_place_source("Bombay") == "GeoNames, another name of Mumbai"
    # The old list is never read again, so it goes when the new one is kept.
    assert [p.name for p in cache_home.glob("smaller-places-*.json")] == [
        place_names.SMALLER_PLACES_FILE.format(key=place_names._smaller_places_key())
    ]


def test_an_unwritable_cache_folder_leaves_the_list_read_from_geonames(tmp_path, monkeypatch):
    blocker = tmp_path / "a file, not a folder"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    place_names._smaller_places.cache_clear()
    try:
        assert place_names.smaller_place_source("Bombay") == "GeoNames, another name of Mumbai"
    finally:
        place_names._smaller_places.cache_clear()
