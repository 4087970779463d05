"""Tests for `generator.analysis.reference_points`: a comparison's old value dates no event; each
cue of `data/comparison_cues.yml` is checked on its example and counter-example."""

from __future__ import annotations

import datetime as dt

import pytest
import yaml

from generator.analysis.rule_files import packaged_rules
from generator.analysis.timeline import extract_timeline

CUES = yaml.safe_load(packaged_rules("comparison_cues.yml")[0])
# A Wednesday.
ARTICLE_DATE = dt.date(2024, 6, 19)


def _dated(english, case: dict[str, str]) -> bool:
    events = extract_timeline(english(case["text"]), ARTICLE_DATE)
    return any(event.date_text == case["date"] for event in events)


@pytest.mark.parametrize("cue", CUES, ids=[cue["name"] for cue in CUES])
def test_a_comparisons_reference_point_dates_no_event(english, cue):
    assert not _dated(english, cue["example"])
    assert _dated(english, cue["counter_example"])


def test_the_new_figures_date_stays_when_the_old_one_goes(english):
    events = extract_timeline(
        english("Ticket sales reached 900 in May, against 700 in March."), ARTICLE_DATE
    )
    assert [event.date_text for event in events] == ["May"]


def test_a_date_of_a_figures_new_value_stays(english):
    # The parser gives "from" both figures; the date is the new one's.
    events = extract_timeline(
        english("Parking charges were raised from 12% to 30% in June 2018."), ARTICLE_DATE
    )
    assert [event.date_text for event in events] == ["June 2018"]
