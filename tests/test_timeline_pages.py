"""The corpus timeline's pages: years, a busy year's months, and what renders them again."""

from __future__ import annotations

import datetime as dt

from generator.corpus.timeline_pages import TimelineParts, plan_timeline
from generator.models import Article, Brief, TimelineEvent
from generator.site.display import date_words
from generator.site.render import make_environment
from tests.seed_build import PROJECT

ENVIRONMENT = make_environment(PROJECT / "templates")


def dated(slug, *values):
    article = Article(f"{slug}.md", slug, slug.title(), ("Text.",), date=dt.date(2024, 7, 1))
    events = tuple(
        TimelineEvent(value, value, "day" if len(value) > 7 else "month", f"Event {value}.", i)
        for i, value in enumerate(values)
    )
    return Brief(article, "", None, (), (), events, (), ())


CORPUS = [dated("talks", "2023-05", "2024-06-01", "2024-07-02"), dated("vote", "2024-06-09")]


def plan(briefs, month_pages_from=400, parts=None, keys=None):
    return plan_timeline(briefs, ENVIRONMENT, "context", keys, parts, month_pages_from)


def test_each_year_has_a_page_and_the_first_page_counts_them():
    pages = plan(CORPUS)
    assert sorted(pages) == ["timeline.md", "timeline/2023.md", "timeline/2024.md"]
    first = pages["timeline.md"].render()
    assert "[2023](timeline/2023.md) · 1 event from 1 brief" in first
    assert "[2024](timeline/2024.md) · 3 events from 2 briefs" in first
    year = pages["timeline/2024.md"].render()
    assert [line for line in year.splitlines() if line.startswith("## ")] == [
        f"## {date_words('2024-06')}",
        f"## {date_words('2024-07')}",
    ]
    assert "[← 2023](2023.md) · [All years](../timeline.md)" in year


def test_a_busy_year_has_a_page_a_month():
    pages = plan(CORPUS, month_pages_from=2)
    assert sorted(pages) == [
        "timeline.md",
        "timeline/2023.md",
        "timeline/2024-06.md",
        "timeline/2024-07.md",
        "timeline/2024.md",
    ]
    year = pages["timeline/2024.md"].render()
    assert f"- [{date_words('2024-06')}](2024-06.md) · 2 events" in year and "## " not in year
    june = pages["timeline/2024-06.md"].render()
    assert june.count("\n- **") == 2 and "Event 2024-07-02" not in june
    assert f"[2024](2024.md) · [{date_words('2024-07')} →](2024-07.md)" in june


def test_a_new_date_changes_only_its_own_pages_keys():
    keys = {"talks": "a", "vote": "b"}
    before = plan(CORPUS, 2, TimelineParts(), keys)
    moved = [CORPUS[0], dated("vote", "2024-06-09", "2024-06-30")]
    after = plan(moved, 2, TimelineParts(), {"talks": "a", "vote": "c"})
    changed = sorted(name for name in after if after[name].key != before[name].key)
    assert changed == ["timeline.md", "timeline/2024-06.md", "timeline/2024.md"]


def test_parts_kept_from_the_last_build_stand_for_the_briefs():
    parts = TimelineParts()
    first = plan(CORPUS, parts=parts, keys={"talks": "a", "vote": "b"})
    # The record's parts are used as they are: the briefs' events are not read again.
    kept = TimelineParts(known=parts.used)
    empty = [dated("talks"), dated("vote")]
    again = plan(empty, parts=kept, keys={"talks": "a", "vote": "b"})
    assert {name: page.key for name, page in again.items()} == {
        name: page.key for name, page in first.items()
    }
