"""Listing pages: actor pages where they add something, and no listing of thousands of items."""

from __future__ import annotations

import datetime as dt
import shutil

import pytest
from hypothesis import given
from hypothesis import strategies as st

from generator.build.pipeline import build_briefs
from generator.corpus import listing_pages
from generator.corpus.listing_pages import (
    OTHER_LETTER,
    PAGE_ITEMS,
    by_key,
    has_actor_page,
    letter_of,
    paged,
)
from generator.models import ActorPage, Appearance
from generator.settings import Settings
from generator.site.check import check_briefs
from generator.site.display import date_words
from tests.seed_build import PROJECT

MERKEL_VISIT = """\
---
title: Merkel visits Paris
date: 2019-05-02
---
German Chancellor Angela Merkel met French President Emmanuel Macron in Paris on Thursday.

Merkel said the two countries would work together on climate policy.
"""
MERKEL_BUDGET = """\
---
title: Merkel defends the budget
date: 2019-06-11
---
German Chancellor Angela Merkel defended the federal budget in the Bundestag on Tuesday.

Finance minister Olaf Scholz said the budget was balanced.
"""


def actor(actor_id: str, briefs: int) -> ActorPage:
    appearances = tuple(
        Appearance(f"brief-{n}", f"Brief {n}", dt.date(2024, 1, 1), None, 1) for n in range(briefs)
    )
    return ActorPage(actor_id, actor_id.title(), "person", (), None, (), appearances, ())


@pytest.mark.parametrize(
    ("briefs", "registered", "expected"),
    [(1, set(), False), (2, set(), True), (5, set(), True), (1, {"someone"}, True)],
)
def test_an_actor_has_a_page_when_seen_twice_or_registered(briefs, registered, expected):
    assert has_actor_page(actor("someone", briefs), registered) is expected


@pytest.mark.parametrize(
    ("name", "letter"),
    [
        ("Angela Merkel", "a"),
        ("émile Zola", "e"),
        ("Ángela", "a"),
        ("  'Abdullah", "a"),
        ("10 Downing Street", OTHER_LETTER),
        ("Владимир Путин", OTHER_LETTER),
        ("", OTHER_LETTER),
    ],
)
def test_names_are_listed_under_their_first_letter(name, letter):
    assert letter_of(name) == letter


def test_a_long_letter_is_split_into_numbered_pages():
    pages = paged(list(range(PAGE_ITEMS * 2 + 1)), "actors/by-name", "s", "S")
    assert [(page.name, page.label, page.count) for page, _ in pages] == [
        ("actors/by-name/s.md", "S", PAGE_ITEMS),
        ("actors/by-name/s-2.md", "S (2)", PAGE_ITEMS),
        ("actors/by-name/s-3.md", "S (3)", 1),
    ]


@given(st.lists(st.text(max_size=8), max_size=1200))
def test_paging_lists_every_item_once_and_no_page_is_too_long(names):
    listed = []
    for letter, group in by_key(names, letter_of).items():
        for page, items in paged(group, "tags", letter, letter.upper()):
            assert 0 < page.count == len(items) <= PAGE_ITEMS
            assert all(letter_of(name) == letter for name in items)
            listed.extend(items)
    assert sorted(listed) == sorted(names)


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    root = tmp_path_factory.mktemp("listing")
    content = root / "content"
    content.mkdir()
    (content / "visit.md").write_text(MERKEL_VISIT, encoding="utf-8")
    (content / "budget.md").write_text(MERKEL_BUDGET, encoding="utf-8")
    settings = Settings(content, root / "briefs", PROJECT / "templates")
    report = build_briefs(settings)
    assert not report.errors
    return settings


def test_an_actor_of_two_briefs_has_a_page_and_their_cards_link_it(built):
    briefs = built.briefs_dir
    assert (briefs / "actors" / "angela-merkel.md").is_file()
    for brief in ("merkel-visits-paris.md", "merkel-defends-the-budget.md"):
        assert "**[Angela Merkel](actors/angela-merkel.md)**" in (briefs / brief).read_text()


def test_an_actor_of_one_brief_is_named_in_its_card_and_listed_in_the_index(built):
    briefs = built.briefs_dir
    assert not (briefs / "actors" / "emmanuel-macron.md").exists()
    visit = (briefs / "merkel-visits-paris.md").read_text()
    assert "**Emmanuel Macron** · person" in visit and "actors/emmanuel-macron.md" not in visit
    letter = (briefs / "actors" / "by-name" / "e.md").read_text()
    assert (
        "- Emmanuel Macron · person · in [Merkel visits Paris](../../merkel-visits-paris.md)"
        in letter
    )
    assert (
        "- [Angela Merkel](../angela-merkel.md) · person · 2 briefs"
        in (briefs / "actors" / "by-name" / "a.md").read_text()
    )


def test_the_home_page_links_a_page_per_month(built):
    home = (built.briefs_dir / "index.md").read_text()
    assert f"- [{date_words('2019-06')}](months/2019-06.md) · 1 brief" in home
    assert f"- [{date_words('2019-05')}](months/2019-05.md) · 1 brief" in home
    month = (built.briefs_dir / "months" / "2019-06.md").read_text()
    assert "[Merkel defends the budget](../merkel-defends-the-budget.md)" in month


def test_every_link_of_the_listings_leads_to_a_page(built):
    assert check_briefs(built.briefs_dir, built.content_dir) == []


def test_the_home_page_shows_the_newest_briefs_only(tmp_path, monkeypatch):
    monkeypatch.setattr(listing_pages, "HOME_BRIEFS", 1)
    content = tmp_path / "content"
    content.mkdir()
    (content / "visit.md").write_text(MERKEL_VISIT, encoding="utf-8")
    (content / "budget.md").write_text(MERKEL_BUDGET, encoding="utf-8")
    settings = Settings(content, tmp_path / "briefs", PROJECT / "templates", use_cache=False)
    build_briefs(settings)
    home = (settings.briefs_dir / "index.md").read_text()
    assert "2 briefs; the newest 1 first, the others by month below." in home
    assert "(merkel-defends-the-budget.md)" in home and "(merkel-visits-paris.md)" not in home
    shutil.rmtree(tmp_path / "briefs")
