"""Every brief, related, in; every page of the site out, planned but not yet rendered.

Each page comes with the key of what it is made from (`pages.PlannedPage`), so that a build
renders and writes only the pages whose data changed since the last build.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial

from generator.analysis.registry import Registry
from generator.corpus.actor_pages import ActorPagesMade, collect_actor_pages
from generator.corpus.feed import FEED_PAGE, feed_entries, render_feed
from generator.corpus.listing_pages import (
    has_actor_page,
    plan_actors_index,
    plan_home,
    plan_tags,
)
from generator.corpus.pages import PlannedPage, page_key, value_digest
from generator.corpus.timeline_pages import TimelineParts, plan_timeline
from generator.models import ActorPage, Brief
from generator.settings import Settings
from generator.site.render import (
    make_environment,
    newest_first,
    render_actor_page,
    render_brief,
)

ACTORS_FOLDER = "actors"


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
    briefs: list[Brief],
    registry: Registry,
    settings: Settings,
    keys: PageKeys,
    made: ActorPagesMade | None = None,
) -> dict[str, PlannedPage]:
    """Every page of the site by its path in briefs/: briefs, listings, actors, timeline, feed.

    An analysis key stands for its brief's analysis in its page's key, which saves a digest of
    every brief; its related reading is digested apart. With made (`briefs serve`), the actor
    pages an earlier build made from the same briefs are taken again, digests and all.
    """
    environment = make_environment(settings.templates_dir, settings.show_evidence)
    context, analysis_keys = keys.context, keys.analysis_keys
    # Actors seen in one brief only have no page: their brief's card says all there is.
    actor_pages = collect_actor_pages(briefs, registry.descriptions, made)
    actor_digest = made.digest if made is not None else value_digest
    registered = {actor.id for actor in registry.actors}
    with_pages = frozenset(page.id for page in actor_pages if has_actor_page(page, registered))
    pages = {
        f"{brief.article.slug}.md": PlannedPage(
            _brief_key(context, brief, analysis_keys, with_pages, made),
            partial(render_brief, brief, environment, with_pages),
        )
        for brief in briefs
    }
    pages.update(plan_home(newest_first(briefs), environment, context))
    pages.update(plan_tags(briefs, environment, context))
    for actor_page in actor_pages:
        if actor_page.id in with_pages:
            pages[f"{ACTORS_FOLDER}/{actor_page.id}.md"] = PlannedPage(
                page_key(context, actor_digest(actor_page), *_linked(actor_page, with_pages)),
                partial(render_actor_page, actor_page, with_pages, environment),
            )
    pages.update(plan_actors_index(actor_pages, with_pages, environment, context, made))
    pages.update(plan_timeline(briefs, environment, context, analysis_keys, keys.timeline_parts))
    # The feed shows the newest briefs: their keys are its key.
    entries = feed_entries(briefs)
    pages[FEED_PAGE] = PlannedPage(
        page_key(context, FEED_PAGE, *(pages[f"{brief.article.slug}.md"].key for brief in entries)),
        partial(render_feed, entries, settings.site_url, settings.site_name),
    )
    return pages


def _brief_key(
    context: str,
    brief: Brief,
    analysis_keys: dict[str, str] | None,
    with_pages: frozenset[str],
    made: ActorPagesMade | None,
) -> str:
    linked = _linked(brief, with_pages)
    if analysis_keys is None:
        return page_key(context, value_digest(brief), *linked)
    analysis_key = analysis_keys[brief.article.slug]
    if made is None:
        return _analysed_brief_key(context, brief, analysis_key, linked, made)
    parts = (context, analysis_key, brief.related, brief.tags, tuple(linked))
    make = partial(_analysed_brief_key, context, brief, analysis_key, linked, made)
    return made.key_once(f"{brief.article.slug}.md", (brief.actors,), parts, make)


def _analysed_brief_key(
    context: str,
    brief: Brief,
    analysis_key: str,
    linked: list[str],
    made: ActorPagesMade | None,
) -> str:
    # The analysis key determines the brief but for its related reading and what the corpus
    # settles of its actors, which come later (written out by repr: as unambiguous as JSON, and
    # quicker), and for which of its actors have a page to link to.
    related = repr([(link.title, link.slug, link.reason) for link in brief.related])
    actors = made.write_once(brief, _actors_written) if made else _actors_written(brief)
    return page_key(context, analysis_key, related, actors, repr(brief.tags), *linked)


def _actors_written(brief: Brief) -> str:
    """What a brief's page shows of its actors, written out for the page's key."""
    return repr([(a.id, a.name, a.kind, a.aliases, a.evidence) for a in brief.actors])


def _linked(item: Brief | ActorPage, with_pages: frozenset[str]) -> list[str]:
    """The actors a brief or an actor page names that have a page: its links depend on them."""
    if isinstance(item, Brief):
        ids = [actor.id for actor in item.actors]
    else:
        ids = [companion.id for companion in item.companions]
    return [actor_id for actor_id in ids if actor_id in with_pages]


def render_pages(briefs: list[Brief], registry: Registry, settings: Settings) -> dict[str, str]:
    """Every page of the site, rendered, by its path in briefs/."""
    planned = plan_pages(briefs, registry, settings, PageKeys(context=""))
    return {name: page.render() for name, page in planned.items()}
