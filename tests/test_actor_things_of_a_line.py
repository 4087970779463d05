"""Things known by how a page writes them: another model of a line a rule found to be a thing
("MacBook Air" where "the 16-inch MacBook" is one), a thing named in the plural, the names
listed with a thing, a thing that "has" what it holds, and a name a standard's acronym opens
("LTE Unlocked Tablets" beside "LTE networks"); a body that acts stays a body."""

from __future__ import annotations

import pytest

from generator.analysis.actors.extract import extract_actors


def _actors(english, gazetteer, text: str) -> dict[str, str]:
    return {actor.name: actor.kind for actor in extract_actors(english(text), gazetteer).actors}


@pytest.mark.parametrize(
    ("text", "thing"),
    [
        # another model of a thing's line, whatever the parse makes it do
        (
            "Her 16-inch MacBook froze twice. MacBook Air has since replaced it on her desk.",
            "MacBook Air",
        ),
        # a thing named in the plural
        (
            "Even a 16-inch MacBook runs hot. Apple sold MacBooks to students at a discount, "
            "and MacBooks sold out.",
            "MacBooks",
        ),
        # listed with a thing
        (
            "The dock is built for charging an iPhone, Pixel Watch, and Galaxy Buds at once.",
            "Pixel Watch",
        ),
        # one more of a make, which "has" what it holds
        (
            "Dad wants another Apple Watch, so we ordered one. Apple Watch had a dim screen then.",
            "Apple Watch",
        ),
    ],
)
def test_a_thing_is_no_actor(english, gazetteer, text, thing):
    assert thing not in _actors(english, gazetteer, text)


def test_a_name_a_standards_acronym_opens_is_a_thing(english, gazetteer):
    text = "LTE Unlocked Tablets only work with LTE networks such as Verizon."
    actors = _actors(english, gazetteer, text)
    assert "LTE Unlocked" not in actors
    assert actors["Verizon"] == "organisation"


@pytest.mark.parametrize(
    ("text", "body"),
    [
        # a channel named after its body, which acts
        ("BBC One showed the final live, and BBC programmes drew large audiences.", "BBC One"),
        # a body named after a thing's line, which speaks
        ("I play on an Xbox at home. Xbox Studios said it would hire more staff.", "Xbox Studios"),
    ],
)
def test_a_body_named_after_a_body_or_a_thing_stays_a_body(english, gazetteer, text, body):
    assert _actors(english, gazetteer, text).get(body) == "organisation"
