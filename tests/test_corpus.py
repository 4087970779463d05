"""Corpus-wide views: actor pages and the timeline."""

from __future__ import annotations

import dataclasses
import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from generator.corpus.actor_pages import (
    ActorPagesMade,
    brief_cast,
    collect_actor_pages,
    period_events,
)
from generator.corpus.pages import value_digest
from generator.models import Actor, Article, Brief, TimelineEvent


def brief(slug, date, actors, events=()):
    return Brief(
        article=Article(
            path=f"{slug}.md", slug=slug, title=slug.title(), paragraphs=("x",), date=date
        ),
        at_a_glance="",
        why_it_matters=None,
        key_facts=(),
        actors=tuple(
            Actor(
                id=name.lower().replace(" ", "-"),
                name=name,
                kind=kind,
                role=role,
                aliases=aliases,
                mentions=2,
            )
            for name, kind, role, aliases in actors
        ),
        timeline=tuple(events),
        quotes=(),
        tags=(),
    )


PUTIN = ("Vladimir Putin", "person", "President of Russia", ("Putin",))
KIM = ("Kim Jong Un", "person", "leader of North Korea", ("Kim",))
CORPUS = [
    brief(
        "treaty",
        dt.date(2024, 6, 19),
        [PUTIN, KIM],
        [
            TimelineEvent("19 June 2024", "2024-06-19", "day", "They signed.", 0),
            TimelineEvent("Monday", "Monday", "relative", "He spoke.", 1),
        ],
    ),
    brief(
        "summit",
        dt.date(2023, 9, 13),
        [KIM, (*PUTIN[:2], "Russian leader", ())],
        [TimelineEvent("2000", "2000", "year", "Earlier visit.", 0)],
    ),
    brief("undated", None, [PUTIN]),
]


def test_actor_page_gathers_every_brief():
    pages = {page.id: page for page in collect_actor_pages(CORPUS)}
    putin = pages["vladimir-putin"]
    assert [a.slug for a in putin.appearances] == ["treaty", "summit", "undated"]
    assert [(r.role, len(r.briefs)) for r in putin.roles] == [
        ("President of Russia", 2),
        ("Russian leader", 1),
    ]
    assert putin.aliases == ("Putin",)
    assert [(c.name, c.shared_briefs) for c in putin.companions] == [("Kim Jong Un", 2)]


def test_an_actor_page_takes_the_kind_most_briefs_and_then_mentions_give():
    def nasa(slug, kind, mentions):
        found = brief(slug, None, [("NASA", kind, None, ())])
        actor = dataclasses.replace(found.actors[0], mentions=mentions)
        return dataclasses.replace(found, actors=(actor,))

    tied = [nasa("water", "organisation", 6), nasa("probe", "person", 1)]
    assert collect_actor_pages(tied)[0].kind == "organisation"
    outvoted = [*tied, nasa("moon", "person", 1)]
    assert collect_actor_pages(outvoted)[0].kind == "person"


MERKEL = ("Angela Merkel", "person", "Chancellor of Germany", ())


def test_a_rebuild_takes_again_the_actor_pages_whose_briefs_say_the_same():
    made = ActorPagesMade()
    corpus = [*CORPUS, brief("bundestag", dt.date(2021, 1, 5), [MERKEL])]
    before = {page.id: page for page in collect_actor_pages(corpus, {}, made)}
    # Kim is now also in the undated brief: Putin's and Kim's pages change, Merkel's does not.
    changed = [*corpus[:2], brief("undated", None, [PUTIN, KIM]), corpus[3]]
    after = {page.id: page for page in collect_actor_pages(changed, {}, made)}
    assert list(after.values()) == collect_actor_pages(changed)
    assert after["angela-merkel"] is before["angela-merkel"]
    assert after["kim-jong-un"] is not before["kim-jong-un"]
    assert [a.slug for a in after["kim-jong-un"].appearances] == ["treaty", "summit", "undated"]
    assert after["vladimir-putin"].companions[0].shared_briefs == 3
    assert made.digest(after["vladimir-putin"]) == value_digest(after["vladimir-putin"])


def test_what_is_written_of_a_brief_is_taken_again_only_for_the_same_objects():
    made = ActorPagesMade()
    summit = brief("summit", dt.date(2024, 1, 2), [PUTIN])
    assert made.write_once(summit, brief_cast) == brief_cast(summit)
    # Related reading replaces the brief, not its article nor its actors: written once.
    relinked = dataclasses.replace(summit, related=())
    made.written[("summit", "brief_cast")] = (summit.article, summit.actors, "taken again")
    assert made.write_once(relinked, brief_cast) == "taken again"
    # The same actors, read again (equal, another object): written anew.
    reread = brief("summit", dt.date(2024, 1, 2), [PUTIN])
    assert made.write_once(reread, brief_cast) == brief_cast(summit)
    edited = brief("summit", dt.date(2024, 1, 2), [PUTIN, KIM])
    assert made.write_once(edited, brief_cast) == brief_cast(edited) != brief_cast(summit)


NAMES = ("Vladimir Putin", "Kim Jong Un", "Angela Merkel", "NASA", "Mark Carney")
CASTS = st.lists(
    st.lists(st.sampled_from(NAMES), max_size=4, unique=True).map(
        lambda names: [(name, "person", None, ()) for name in names]
    ),
    min_size=1,
    max_size=5,
)


@given(st.lists(CASTS, min_size=1, max_size=4), st.sampled_from([None, "Registered."]))
def test_actor_pages_taken_again_are_those_a_build_from_scratch_makes(builds, description):
    made = ActorPagesMade()
    descriptions = {"nasa": description} if description else {}
    for casts in builds:
        corpus = [brief(f"b{n}", dt.date(2024, 1, 1 + n), cast) for n, cast in enumerate(casts)]
        pages = collect_actor_pages(corpus, descriptions, made)
        assert pages == collect_actor_pages(corpus, descriptions)
        assert [made.digest(page) for page in pages] == [value_digest(page) for page in pages]


def test_timeline_is_dated_events_oldest_first():
    events = period_events(CORPUS, {"2000", "2024-06"})
    assert [(e.event.value, e.slug) for e in events] == [
        ("2000", "summit"),
        ("2024-06-19", "treaty"),
    ]


def test_the_events_of_a_period_are_those_of_a_month_or_dated_to_the_year_only():
    busy = brief(
        "talks",
        dt.date(2024, 7, 1),
        [],
        [
            TimelineEvent("June 2024", "2024-06", "month", "Talks began.", 0),
            TimelineEvent("2024", "2024", "year", "A year of talks.", 1),
        ],
    )
    corpus = [*CORPUS, busy]
    assert [e.event.value for e in period_events(corpus, {"2024-06"})] == ["2024-06", "2024-06-19"]
    assert [e.event.value for e in period_events(corpus, {"2024", "2000"})] == ["2000", "2024"]


def test_a_sentence_with_a_date_within_another_is_listed_once_under_the_narrower():
    said = "In January 2024 he said the missiles were fired on 2 January 2024."
    ministry = brief(
        "missiles",
        dt.date(2024, 2, 1),
        [],
        [
            TimelineEvent("January 2024", "2024-01", "month", said, 0),
            TimelineEvent("2 January 2024", "2024-01-02", "day", said, 0),
            TimelineEvent("2024", "2024", "year", "Another sentence.", 1),
        ],
    )
    events = period_events([ministry], {"2024", "2024-01"})
    assert [(e.event.value, e.event.event) for e in events] == [
        ("2024", "Another sentence."),
        ("2024-01-02", said),
    ]


@given(
    st.lists(st.lists(st.tuples(st.integers(0, 5), CASTS), max_size=3), min_size=1, max_size=5),
    st.sampled_from([None, "Registered."]),
)
def test_actor_pages_after_edits_are_those_a_build_from_scratch_makes(edits, description):
    """As `briefs serve` sees them: a brief edited is a new object, the others are the same
    objects as in the last build; briefs come and go. Only the actors of the edited briefs are
    looked at again, and the pages are those a build from scratch makes."""
    made = ActorPagesMade()
    descriptions = {"nasa": description} if description else {}
    corpus: dict[int, Brief] = {0: brief("b0", dt.date(2024, 1, 1), [PUTIN, KIM])}
    for edit in [[], *edits]:
        for number, casts in edit:
            cast = casts[0]
            if cast:
                corpus[number] = brief(f"b{number}", dt.date(2024, 1, 1 + number), cast)
            else:
                corpus.pop(number, None)  # an empty cast: the article is gone
        briefs = [corpus[number] for number in sorted(corpus)]
        pages = collect_actor_pages(briefs, descriptions, made)
        assert pages == collect_actor_pages(briefs, descriptions)
        assert [made.digest(page) for page in pages] == [value_digest(page) for page in pages]
