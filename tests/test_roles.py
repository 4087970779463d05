"""What an actor said or did (`roles.actions_of`): clauses in which the actor is the doer."""

from __future__ import annotations

import pytest

from generator.analysis.roles import actions_of


def _actions(english, text: str, name: str) -> tuple[str, ...]:
    doc = english(text)
    start = text.index(name)
    return actions_of([doc.char_span(start, start + len(name))])


def test_the_person_spoken_to_is_not_the_speaker(english):
    text = (
        "Here’s why stepping into an online leadership role is crucial\n\n"
        "“Pamela, why are we talking about leadership?”\n\n"
        "I’ve been thinking about leadership a lot this year."
    )
    assert _actions(english, text, "Pamela") == ()


@pytest.mark.parametrize(
    ("text", "name", "action"),
    [
        (
            "Pamela, the chief executive, said the firm would grow.",
            "Pamela",
            "Pamela, the chief executive, said the firm would grow",
        ),
        (
            "Boris Johnson, who leads the party, said he would resign.",
            "Boris Johnson",
            "Boris Johnson said he would resign",
        ),
    ],
    ids=["apposition", "relative clause"],
)
def test_a_name_set_off_by_commas_before_its_verb_is_still_its_doer(english, text, name, action):
    assert _actions(english, text, name) == (action,)
