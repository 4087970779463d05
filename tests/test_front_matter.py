"""Front matter: one split of a page, one reading of its YAML, one schema of its fields."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from generator.front_matter import (
    FrontMatterError,
    SplitPage,
    join_page,
    read_fields,
    read_front_matter,
    split_page,
)

LINE = st.text(st.characters(exclude_characters="\n\r"), max_size=12).filter(
    lambda line: line.strip() not in ("---", "...")
)
LINES = st.lists(LINE, max_size=5).map(lambda lines: "".join(f"{line}\n" for line in lines))


@given(LINES, st.text(max_size=40))
def test_a_page_splits_into_the_parts_it_was_joined_from(front_matter, body):
    page = split_page(join_page(front_matter, body))
    assert (page.front_matter, page.body, page.is_unclosed) == (front_matter, body, False)
    assert page.body_line == front_matter.count("\n") + 3


@pytest.mark.parametrize(
    ("text", "front_matter", "body", "body_line"),
    [
        ("No front matter.\n", None, "No front matter.\n", 1),
        ("---\ntitle: A\n...\nBody\n", "title: A\n", "Body\n", 4),
        ("--- \r\ntitle: A\r\n---\r\nBody\r\n", "title: A\r\n", "Body\r\n", 4),
        ("---\n---\nBody", "", "Body", 3),
        ("---\ntitle: A\n---", "title: A\n", "", 4),
    ],
)
def test_front_matter_ends_at_a_dashed_line_or_at_the_end_of_the_yaml_document(
    text, front_matter, body, body_line
):
    assert split_page(text) == SplitPage(front_matter, body, body_line)


@pytest.mark.parametrize("text", ["---\ntitle: A\nBody\n", "---"])
def test_front_matter_no_line_closes_leaves_the_page_whole(text):
    page = split_page(text)
    assert (page.front_matter, page.body, page.is_unclosed) == (None, text, True)


@pytest.mark.parametrize(
    ("front_matter", "message", "line"),
    [
        ("title: [unclosed\n", "front matter is not valid YAML: expected ',' or ']', but got "
         "'<stream end>'", 2),
        ("- a\n- b\n", "front matter must be a mapping of keys to values", 2),
    ],
)  # fmt: skip
def test_front_matter_that_is_no_mapping_is_a_problem_on_its_line(front_matter, message, line):
    with pytest.raises(FrontMatterError) as caught:
        read_front_matter(front_matter)
    assert (caught.value.message, caught.value.line) == (message, line)


def test_no_or_empty_front_matter_is_an_empty_mapping():
    assert read_front_matter(None) == read_front_matter("") == read_front_matter("\n") == {}


def test_fields_are_read_in_their_types_and_every_problem_names_its_line():
    meta = {
        "title": 2024,
        "date": "2024-05-01T10:00",
        "tags": ["Russia", "NATO"],
        "related_pin": "ports.md",
        "related_block": {"a": 1},
        "source": True,
        "url": None,
    }
    lines = ["---", *(f"{key}: ..." for key in meta), "---"]
    values, problems = read_fields(meta, list(meta), lines)
    assert values == {
        "title": "2024",
        "date": dt.date(2024, 5, 1),
        "tags": ["Russia", "NATO"],
        "related_pin": ("ports",),
    }
    assert [(problem.message, problem.line) for problem in problems] == [
        ("front matter 'related_block': expected a list of brief slugs, got {'a': 1}", 6),
        ("front matter 'source': expected a text value, got True", 7),
    ]
