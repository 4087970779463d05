"""The corpus timeline's pages: every year, then each year's events, or a busy year's months.

A page's key is what it shows: for each brief, a digest of the events it puts in each month,
kept from build to build in the build record. An article that gains or loses a date renders
again only the page of that date's year (or month) and the list of years that counts them; one
page of every event of a large corpus would be rendered again for any new date, and be too long
to read.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial

from jinja2 import Environment

from generator.corpus import event_period, timeline_events, timeline_periods
from generator.manifest import PlannedPage, page_key, value_digest
from generator.models import Brief, CorpusEvent, TimelineYear
from generator.render import (
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
    by_period: dict[str, list[str]] = {}
    briefs_in: Counter[str] = Counter()
    for brief in briefs:
        periods = parts.of(brief, analysis_keys)
        for period, part in periods.items():
            by_period.setdefault(period, []).append(part)
        briefs_in.update({period[:4] for period in periods})
    periods_of: dict[str, list[str]] = {}
    for period in sorted(by_period):
        periods_of.setdefault(period[:4], []).append(period)
    years = list(periods_of)
    counts = {period: sum(_count(part) for part in by_period[period]) for period in by_period}
    events = _EventsByPeriod(briefs)
    pages: dict[str, PlannedPage] = {}
    for number, year in enumerate(years):
        year_periods, neighbours = periods_of[year], _neighbours(years, number)
        year_parts = [part for period in year_periods for part in by_period[period]]
        if sum(counts[period] for period in year_periods) <= month_pages_from:
            pages[f"{TIMELINE_FOLDER}/{year}.md"] = PlannedPage(
                page_key(context, TIMELINE_FOLDER, year, repr(neighbours), *year_parts),
                partial(_render_year, events, year, neighbours, environment),
            )
            continue
        months = [(period, counts[period]) for period in year_periods]
        pages[f"{TIMELINE_FOLDER}/{year}.md"] = PlannedPage(
            page_key(context, TIMELINE_FOLDER, year, repr(neighbours), repr(months)),
            partial(render_timeline_months, year, months, neighbours, environment),
        )
        for position, period in enumerate(year_periods):
            around = _neighbours(year_periods, position)
            pages[f"{TIMELINE_FOLDER}/{page_name(period)}.md"] = PlannedPage(
                page_key(context, TIMELINE_FOLDER, period, repr(around), *by_period[period]),
                partial(_render_month, events, period, around, environment),
            )
    listed = [
        TimelineYear(year, sum(counts[period] for period in periods_of[year]), briefs_in[year])
        for year in years
    ]
    pages[TIMELINE_PAGE] = PlannedPage(
        page_key(context, TIMELINE_PAGE, repr(listed)),
        partial(render_timeline, listed, environment),
    )
    return pages


def _count(part: str) -> int:
    return int(part.partition(" ")[0])


def _neighbours(items: list[str], position: int) -> Neighbours:
    return (
        items[position - 1] if position > 0 else None,
        items[position + 1] if position + 1 < len(items) else None,
    )


@dataclass
class _EventsByPeriod:
    """The corpus timeline's events by period, found once for all the pages rendered."""

    briefs: list[Brief]
    periods: dict[str, Callable[[], list[CorpusEvent]]] | None = None

    def of(self, *periods: str) -> list[CorpusEvent]:
        if self.periods is None:
            self.periods = timeline_periods(self.briefs)
        found = self.periods
        return [event for period in periods if period in found for event in found[period]()]

    def of_year(self, year: str) -> list[CorpusEvent]:
        if self.periods is None:
            self.periods = timeline_periods(self.briefs)
        return self.of(*(period for period in self.periods if period[:4] == year))


def _render_year(
    events: _EventsByPeriod, year: str, neighbours: Neighbours, environment: Environment
) -> str:
    return render_timeline_year(year, events.of_year(year), neighbours, environment)


def _render_month(
    events: _EventsByPeriod, period: str, neighbours: Neighbours, environment: Environment
) -> str:
    return render_timeline_month(period, events.of(period), neighbours, environment)
