"""The Atom feed: newest dated briefs, deterministic, escaped."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ElementTree

from generator.corpus.feed import render_feed
from generator.models import Article, Brief

ATOM = "{http://www.w3.org/2005/Atom}"


def brief(slug, title, date):
    return Brief(
        article=Article(path=f"{slug}.md", slug=slug, title=title, paragraphs=("x",), date=date),
        at_a_glance=f"{title} happened.",
        why_it_matters=None,
        key_facts=(),
        actors=(),
        timeline=(),
        quotes=(),
        tags=(),
    )


def test_feed_lists_newest_dated_briefs_with_escaped_text():
    briefs = [
        brief("old", "Old <story>", dt.date(2024, 1, 1)),
        brief("new", "New & shiny", dt.date(2024, 6, 19)),
        brief("undated", "Undated", None),
    ]
    xml = render_feed(briefs, "https://example.org/briefs", "Briefs")
    root = ElementTree.fromstring(xml)
    entries = root.findall(f"{ATOM}entry")
    assert [e.find(f"{ATOM}title").text for e in entries] == ["New & shiny", "Old <story>"]
    assert entries[0].find(f"{ATOM}link").get("href") == "https://example.org/briefs/new/"
    assert root.find(f"{ATOM}updated").text == "2024-06-19T00:00:00Z"
    assert render_feed(briefs, "https://example.org/briefs", "Briefs") == xml
