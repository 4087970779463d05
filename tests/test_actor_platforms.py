"""A platform people post on is no actor; one that acts is the body that runs it
(`actors/platforms.py`). Invented sentences, each checked with the model to label the platform
a place where people post on it."""

from __future__ import annotations

from generator.analysis.actors import extract_actors
from generator.analysis.actors.mentions import UNPLACED


def _actors(english, gazetteer, text):
    return {a.name: a for a in extract_actors(english(text), gazetteer).actors}


def test_a_site_people_post_on_is_no_body(english, gazetteer):
    text = (
        "The ministry posted the notice on Weibo, a popular microblogging site, and one Weibo "
        "commenter said it was late."
    )
    weibo = _actors(english, gazetteer, text)["Weibo"]
    assert weibo.kind != "organisation"
    assert UNPLACED in weibo.evidence


def test_a_site_that_acts_is_the_body_that_runs_it(english, gazetteer):
    text = (
        "The ministry posted the notice on Weibo, a popular microblogging site, but Weibo "
        "removed it within an hour."
    )
    assert _actors(english, gazetteer, text)["Weibo"].kind == "organisation"
