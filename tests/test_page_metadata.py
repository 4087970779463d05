"""A page's title, byline and site name, tidied by what the page says about itself."""

from __future__ import annotations

import pytest

from generator.ingest.page_metadata import (
    PageFacts,
    headline,
    people,
    publisher,
    read_page_facts,
)

HARBOUR = PageFacts(
    site_names=("Harbour Gazette",),
    sections=("Opinion",),
    domain="harbourgazette.co.uk",
    subdomains=(),
)


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Ferries resume - Harbour Gazette", "Ferries resume"),
        ("Ferries resume | HarbourGazette.co.uk", "Ferries resume"),
        ("Opinion | Why the ferries matter", "Why the ferries matter"),
        ("Harbour Gazette: Ferries resume at dawn", "Ferries resume at dawn"),
        ("Why the ferries matter | Ann Lee", "Why the ferries matter"),
        ("Ferries resume - and fares fall - Harbour Gazette", "Ferries resume - and fares fall"),
        ("Review: Ferry Tale - a quiet film", "Review: Ferry Tale - a quiet film"),
        ("Harbour Gazette", "Harbour Gazette"),
    ],
)
def test_the_title_loses_the_site_section_and_author_names_at_its_ends(title, expected):
    assert headline(title, HARBOUR, "Ann Lee") == expected


@pytest.mark.parametrize(
    ("byline", "expected"),
    [
        ("Tom Krisher; Ap Auto Writer", "Tom Krisher"),
        ("Phil Helsel is a reporter for the paper", "Phil Helsel"),
        ("Mike Wuerthele; Malcolm Owen Monday; November", "Mike Wuerthele; Malcolm Owen"),
        ("DANICA KIRKA; JILL LAWLESS Associated Press", "Danica Kirka; Jill Lawless"),
        ("By Ann Lee and Bo Chen, Staff Writers", "Ann Lee; Bo Chen"),
        ("Reuters", None),
        ("admin", None),
        ("Kevin-R", None),
        ("The Associated Press", None),
        ("Harbour Gazette Staff", None),
        ("Marcus De Guzman", "Marcus De Guzman"),
    ],
)
def test_the_author_keeps_only_the_names_of_people(byline, expected):
    assert people(byline, HARBOUR) == expected


def test_json_ld_authors_that_are_people_decide_who_wrote_it():
    facts = PageFacts(("Wired",), (), "wired.com", (), credited=("Molly Wood",))
    assert people("Condé Nast; Molly Wood", facts) == "Molly Wood"
    site_credit = PageFacts(("Snopes",), (), "snopes.com", (), credited=("Snopes",))
    assert people("Dan Evon", site_credit) == "Dan Evon"


@pytest.mark.parametrize(
    ("site_name", "facts", "expected"),
    [
        ("Harbour Gazette", HARBOUR, "Harbour Gazette"),
        ("Copyright 2014", PageFacts((), (), "harbour.example"), "harbour.example"),
        ("Hosted", PageFacts(("Hosted",), (), "wire.example", ("hosted",)), "wire.example"),
        (
            "Raceway | F1 | Indy | Rally",
            PageFacts((), (), "raceway.example"),
            "Raceway",
        ),
        (None, PageFacts(("@harbour",), (), "harbour.example"), "harbour"),
        (None, PageFacts((), (), None), None),
    ],
)
def test_the_source_is_the_publisher(site_name, facts, expected):
    assert publisher(site_name, facts) == expected


def test_page_facts_are_read_from_meta_tags_and_json_ld():
    page = """<html><head>
    <meta property="og:site_name" content="Harbour Gazette">
    <meta property="article:section" content="Opinion">
    <script type="application/ld+json">{"@graph": [{"@type": "NewsArticle",
      "publisher": {"@type": "Organization", "name": "Gazette Media"},
      "author": [{"@type": "Person", "name": "Ann Lee"}]}]}</script>
    </head><body><p>Text.</p></body></html>"""
    facts = read_page_facts(page, "https://news.harbourgazette.co.uk/a/b")
    assert facts == PageFacts(
        site_names=("Harbour Gazette", "Gazette Media"),
        sections=("Opinion",),
        domain="harbourgazette.co.uk",
        subdomains=("news",),
        credited=("Ann Lee",),
    )
