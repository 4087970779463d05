"""The corpus timeline's pages: every year, then each year's events, or a busy year's months.

A page's key is what it shows: for each brief, a digest of the events it puts in each month,
kept from build to build in the build record. An article that gains or loses a date renders
again only the page of that date's year (or month) and the list of years that counts them; one
page of every event of a large corpus would be rendered again for any new date, and be too long
to read.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import partial

from jinja2 import Environment

from generator.corpus.actor_pages import event_period, period_events, timeline_events
from generator.corpus.pages import PlannedPage, page_key, value_digest
from generator.models import Brief, CorpusEvent, TimelineYear
from generator.site.render import (
    Neighbours,
    page_name,
    render_timeline,
    render_timeline_month,
    render_timeline_months,
    render_timeline_year,
)

TIMELINE_PAGE = "timeline.md"
TIMELINE_FOLDER = "timeline"
MONTH_PAGES_FROM = 400
"""A year with more events than this gets a page a month: no page grows too long to read."""


@dataclass
class TimelineParts:
    """What each brief puts in each period of the corpus timeline, by the key of its analysis.

    A part is the number of the brief's events in a month ("2015-06", or "2015" for those dated
    to the year only) and their digest. An analysis always puts the same events there, so parts
    are kept from build to build (in the build record) rather than taken again of every brief.
    """

    known: dict[str, dict[str, str]] = field(default_factory=dict)
    """Analysis key -> period -> part, as the last build recorded them."""
    used: dict[str, dict[str, str]] = field(default_factory=dict)
    """The same, for this build's briefs."""

    def of(self, brief: Brief, analysis_keys: dict[str, str] | None) -> dict[str, str]:
        if analysis_keys is None:
            return brief_parts(brief)
        key = analysis_keys[brief.article.slug]
        parts = self.known.get(key)
        if parts is None:
            parts = brief_parts(brief)
        self.used[key] = parts
        return parts


def brief_parts(brief: Brief) -> dict[str, str]:
    """What the brief puts in each period of the corpus timeline: "count digest"."""
    periods: dict[str, list[CorpusEvent]] = {}
    for event in timeline_events(brief):
        periods.setdefault(event_period(event), []).append(event)
    return {
        period: f"{len(events)} {value_digest(events)}"
        for period, events in sorted(periods.items())
    }


def plan_timeline(
    briefs: list[Brief],
    environment: Environment,
    context: str,
    analysis_keys: dict[str, str] | None = None,
    timeline_parts: TimelineParts | None = None,
    month_pages_from: int = MONTH_PAGES_FROM,
) -> dict[str, PlannedPage]:
    """Every page of the corpus timeline by its path in briefs/, not yet rendered."""
    parts = timeline_parts if timeline_parts is not None else TimelineParts()
    by_period = _parts_by_period(briefs, parts, analysis_keys)
    periods_of: dict[str, list[str]] = {}
    for period in sorted(by_period):
        periods_of.setdefault(period[:4], []).append(period)
    counts = {period: sum(_count(part) for _, part in found) for period, found in by_period.items()}
    years = list(periods_of)
    pages: dict[str, PlannedPage] = {}
    listed = []
    for number, year in enumerate(years):
        year_periods, neighbours = periods_of[year], _neighbours(years, number)
        # Only the briefs with events in a period are read to render its page.
        found = sorted({index for period in year_periods for index, _ in by_period[period]})
        listed.append(TimelineYear(year, sum(counts[p] for p in year_periods), len(found)))
        if listed[-1].events <= month_pages_from:
            year_parts = [part for period in year_periods for _, part in by_period[period]]
            pages[f"{TIMELINE_FOLDER}/{year}.md"] = PlannedPage(
                page_key(context, TIMELINE_FOLDER, year, repr(neighbours), *year_parts),
                partial(
                    _render_year, [briefs[i] for i in found], year_periods, neighbours, environment
                ),
            )
            continue
        months = [(period, counts[period]) for period in year_periods]
        pages[f"{TIMELINE_FOLDER}/{year}.md"] = PlannedPage(
            page_key(context, TIMELINE_FOLDER, year, repr(neighbours), repr(months)),
            partial(render_timeline_months, year, months, neighbours, environment),
        )
        for position, period in enumerate(year_periods):
            around = _neighbours(year_periods, position)
            in_period = [briefs[index] for index, _ in by_period[period]]
            period_parts = [part for _, part in by_period[period]]
            pages[f"{TIMELINE_FOLDER}/{page_name(period)}.md"] = PlannedPage(
                page_key(context, TIMELINE_FOLDER, period, repr(around), *period_parts),
                partial(_render_month, in_period, period, around, environment),
            )
    pages[TIMELINE_PAGE] = PlannedPage(
        page_key(context, TIMELINE_PAGE, repr(listed)),
        partial(render_timeline, listed, environment),
    )
    return pages


def _parts_by_period(
    briefs: list[Brief], parts: TimelineParts, analysis_keys: dict[str, str] | None
) -> dict[str, list[tuple[int, str]]]:
    """For each period of the timeline, (the brief's place in briefs, its part) of each brief
    with events then."""
    by_period: dict[str, list[tuple[int, str]]] = {}
    for index, brief in enumerate(briefs):
        for period, part in parts.of(brief, analysis_keys).items():
            by_period.setdefault(period, []).append((index, part))
    return by_period


def _count(part: str) -> int:
    return int(part.partition(" ")[0])


def _neighbours(items: list[str], position: int) -> Neighbours:
    return (
        items[position - 1] if position > 0 else None,
        items[position + 1] if position + 1 < len(items) else None,
    )


def _render_year(
    briefs: list[Brief], periods: list[str], neighbours: Neighbours, environment: Environment
) -> str:
    events = period_events(briefs, set(periods))
    return render_timeline_year(periods[0][:4], events, neighbours, environment)


def _render_month(
    briefs: list[Brief], period: str, neighbours: Neighbours, environment: Environment
) -> str:
    return render_timeline_month(period, period_events(briefs, {period}), neighbours, environment)
