"""Tests for `generator.analysis.extraposition`: a subject "it" that names nothing (the clause
after the verb is what the sentence tells) told from one that stands for something before."""

from __future__ import annotations

import pytest

from generator.analysis.extraposition import is_expletive_it


def _its(english, text: str) -> list[bool]:
    return [is_expletive_it(token) for token in english(text) if token.lower_ == "it"]


@pytest.mark.parametrize(
    "text",
    [
        "It is understood a regulator is examining cases against former staff.",
        "It has been reported that the mayor will stand down.",
        "It is thought he died in the fire.",
        "It remains unclear whether the talks will resume.",
        "It is likely that the council will approve the plan next week.",
        "It's hard to believe that the old tune is forty years old.",
        "It is easy to see why the plan failed.",
        "One of the men she married was sent back to his country in 2006, it has been revealed.",
    ],
)
def test_an_it_before_an_extraposed_clause_names_nothing(english, text):
    assert _its(english, text) == [True]


@pytest.mark.parametrize(
    "text",
    [
        # An infinitive with no clause of its own: "it" is what will open.
        "It is expected to open next year.",
        # The clause hangs on the predicate ("so heavy that"), not the verb.
        "It was so heavy that three men could not lift the crate.",
        # The clause tells which sign: "it" is what the sentence before told.
        "It is a sign that the economy is slowing.",
        # Active, no predicate: "it" does the saying.
        "It said that profits would fall this year.",
        "It is a stern rebuke from a coach whose side has lost six games.",
        "It is ready to launch next month.",
    ],
)
def test_an_it_that_stands_for_something_before_is_no_expletive(english, text):
    assert _its(english, text) == [False]
