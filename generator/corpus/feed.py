"""An Atom feed of the latest briefs: `Brief`s in, feed XML out (written as briefs/feed.xml).

The generator writes it, not a MkDocs plugin, so the site keeps no dependency on MkDocs plugins;
MkDocs copies it to the site as it is. Dates come from the articles, never from the clock, so the
same content gives the same feed.
"""

from __future__ import annotations

import heapq
from collections.abc import Sequence
from xml.sax.saxutils import escape, quoteattr

from generator.models import Brief
from generator.site.render import newest_first

FEED_PAGE = "feed.xml"
MAX_ENTRIES = 20
EPOCH = "1970-01-01T00:00:00Z"


def feed_entries(briefs: Sequence[Brief]) -> list[Brief]:
    """The briefs a feed lists: the newest dated ones (at most MAX_ENTRIES), newest first.

    In the order of `newest_first`, found without sorting every brief.
    """
    dated = [brief for brief in briefs if brief.article.date]
    newest = heapq.nlargest(
        MAX_ENTRIES,
        dated,
        key=lambda b: (b.article.date, b.article.title.casefold(), b.article.slug),
    )
    return newest_first(newest)


def render_feed(briefs: Sequence[Brief], site_url: str | None, site_name: str) -> str:
    """Return the feed of the newest dated briefs (at most MAX_ENTRIES)."""
    base = (site_url or "").rstrip("/") + "/"
    dated = feed_entries(briefs)
    updated = _timestamp(dated[0]) if dated else EPOCH
    entries = "".join(_entry(brief, base) for brief in dated)
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        '<feed xmlns="http://www.w3.org/2005/Atom">\n'
        f"  <title>{escape(site_name)}</title>\n"
        f"  <id>{escape(base + FEED_PAGE)}</id>\n"
        f"  <link href={quoteattr(base)}/>\n"
        f'  <link rel="self" href={quoteattr(base + FEED_PAGE)}/>\n'
        f"  <updated>{updated}</updated>\n"
        f"{entries}"
        "</feed>\n"
    )


def _entry(brief: Brief, base: str) -> str:
    article = brief.article
    link = f"{base}{article.slug}/"
    author = article.author or article.source or "Briefs"
    return (
        "  <entry>\n"
        f"    <title>{escape(article.title)}</title>\n"
        f"    <id>{escape(link)}</id>\n"
        f"    <link href={quoteattr(link)}/>\n"
        f"    <updated>{_timestamp(brief)}</updated>\n"
        f"    <author><name>{escape(author)}</name></author>\n"
        f"    <summary>{escape(brief.at_a_glance)}</summary>\n"
        "  </entry>\n"
    )


def _timestamp(brief: Brief) -> str:
    date = brief.article.date
    return f"{date.isoformat()}T00:00:00Z" if date else EPOCH
