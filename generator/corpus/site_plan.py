"""Every brief, related, in; every page of the site out, planned but not yet rendered.

Each page comes with the key of what it is made from (`pages.PlannedPage`), so that a build
renders and writes only the pages whose data changed since the last build.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial

from generator.analysis.registry import Registry
from generator.corpus.actor_pages import collect_actor_pages
from generator.corpus.feed import FEED_PAGE, feed_entries, render_feed
from generator.corpus.pages import PlannedPage, page_key, value_digest
from generator.corpus.timeline_pages import TimelineParts, plan_timeline
from generator.models import Brief
from generator.settings import Settings
from generator.site.render import (
    make_environment,
    render_actor_page,
    render_actors_index,
    render_brief,
    render_index,
    render_tags_page,
)

INDEX_PAGE = "index.md"
ACTORS_FOLDER = "actors"
TAGS_PAGE = "tags.md"


@dataclass(frozen=True)
class PageKeys:
    """What the keys of a build's pages are made from besides the pages' own data."""

    context: str
    """What every page depends on: code, settings, templates (`manifest.render_context`)."""
    analysis_keys: dict[str, str] | None = None
    """Slug -> the key of the brief's analysis, which stands for all of it (None: digest it)."""
    timeline_parts: TimelineParts | None = None
    """What each analysis puts on the corpus timeline, kept from build to build."""


def plan_pages(
    briefs: list[Brief], registry: Registry, settings: Settings, keys: PageKeys
) -> dict[str, PlannedPage]:
    """Every page of the site by its path in briefs/: briefs, listings, actors, timeline, feed.

    An analysis key stands for its brief's analysis in its page's key, which saves a digest of
    every brief; its related reading is digested apart.
    """
    environment = make_environment(settings.templates_dir)
    context, analysis_keys = keys.context, keys.analysis_keys
    pages = {
        f"{brief.article.slug}.md": PlannedPage(
            _brief_key(context, brief, analysis_keys), partial(render_brief, brief, environment)
        )
        for brief in briefs
    }
    # The home page lists every brief: what it shows of each is its key, so most changes to a
    # brief do not render that long page again.
    listed = repr(
        [(b.article.slug, b.article.title, str(b.article.date), b.at_a_glance) for b in briefs]
    )
    pages[INDEX_PAGE] = PlannedPage(
        page_key(context, INDEX_PAGE, listed), partial(render_index, briefs, environment)
    )
    pages[TAGS_PAGE] = PlannedPage(
        page_key(context, TAGS_PAGE), partial(render_tags_page, environment)
    )
    actor_pages = collect_actor_pages(briefs, registry.descriptions)
    actor_keys = [page_key(context, value_digest(actor_page)) for actor_page in actor_pages]
    for actor_page, key in zip(actor_pages, actor_keys, strict=True):
        pages[f"{ACTORS_FOLDER}/{actor_page.id}.md"] = PlannedPage(
            key, partial(render_actor_page, actor_page, environment)
        )
    pages[f"{ACTORS_FOLDER}/index.md"] = PlannedPage(
        page_key(context, ACTORS_FOLDER, *actor_keys),
        partial(render_actors_index, actor_pages, environment),
    )
    pages.update(plan_timeline(briefs, environment, context, analysis_keys, keys.timeline_parts))
    # The feed shows the newest briefs: their keys are its key.
    entries = feed_entries(briefs)
    pages[FEED_PAGE] = PlannedPage(
        page_key(context, FEED_PAGE, *(pages[f"{brief.article.slug}.md"].key for brief in entries)),
        partial(render_feed, entries, settings.site_url, settings.site_name),
    )
    return pages


def _brief_key(context: str, brief: Brief, analysis_keys: dict[str, str] | None) -> str:
    if analysis_keys is None:
        return page_key(context, value_digest(brief))
    # The analysis key determines the brief but for its related reading, which comes later
    # (written out by repr: as unambiguous as JSON, and quicker).
    related = repr([(link.title, link.slug, link.reason) for link in brief.related])
    return page_key(context, analysis_keys[brief.article.slug], related)


def render_pages(briefs: list[Brief], registry: Registry, settings: Settings) -> dict[str, str]:
    """Every page of the site, rendered, by its path in briefs/."""
    planned = plan_pages(briefs, registry, settings, PageKeys(context=""))
    return {name: page.render() for name, page in planned.items()}
