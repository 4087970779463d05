"""A name the recogniser splits in two is one name again; two names side by side stay two."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The studio has offices in Kentish Town, north London.", "Kentish Town"),
        ("Rates will rise, said an economist with MM Warburg.", "MM Warburg"),
        ("Bids went to the Internet Corporation for Assigned Names and Numbers.",
         "Internet Corporation for Assigned Names and Numbers"),
    ],
)  # fmt: skip
def test_a_name_split_in_two_is_joined(english, text, name):
    assert any(entity.text.endswith(name) for entity in english(text).ents)


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # An owner and what it owns; a caption's name run into the next sentence's.
        ("Profits rose at News Corp's News International.", ["News Corp's", "News International"]),
        ("He was at the White House The White House said.", ["the White House", "The White House"]),
    ],
)  # fmt: skip
def test_names_side_by_side_stay_apart(english, text, names):
    found = [entity.text for entity in english(text).ents]
    assert all(name in found for name in names)
