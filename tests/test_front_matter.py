"""Front matter: one split of a page, one reading of its YAML, one schema of its fields; an
article's front matter is read exactly as YAML reads it: whatever PyYAML writes comes back equal."""

from __future__ import annotations

import datetime as dt
import textwrap

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from generator.errors import ContentError
from generator.front_matter import (
    FrontMatterError,
    SplitPage,
    join_page,
    read_fields,
    read_front_matter,
    split_page,
)
from generator.ingest.read import read_article, split_front_matter

LINE = st.text(st.characters(exclude_characters="\n\r"), max_size=12).filter(
    lambda line: line.rstrip() not in ("---", "...")
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


BODY = "The council approved the budget on Tuesday after a long debate.\n"
TEXT_KEYS = ("title", "source", "url", "author", "slug", "language")

front_matter = st.fixed_dictionaries(
    {},
    optional={
        **{key: st.text() for key in TEXT_KEYS},
        "date": st.dates(),
        "tags": st.lists(st.text(), max_size=4),
    },
)


@given(front_matter)
def test_whatever_safe_dump_writes_reads_back_equal(meta):
    text = f"---\n{yaml.safe_dump(meta)}---\n{BODY}"
    assert split_front_matter(text, "x.md")[0] == meta


@given(st.text(min_size=81).filter(lambda title: title.strip()))
def test_a_long_title_dumped_on_two_lines_gives_the_article(title):
    # safe_dump folds a long plain scalar onto a second, indented line.
    text = f"---\n{yaml.safe_dump({'title': title, 'date': dt.date(2024, 5, 1)})}---\n{BODY}"
    meta, body, _line = split_front_matter(text, "x.md")
    assert meta["title"] == title
    assert body == BODY


def test_a_folded_title_of_a_real_dump_builds(tmp_path):
    title = (
        "Regional councils agree a shared budget for the coastal railway after two years of "
        "talks with the ministry"
    )
    dumped = yaml.safe_dump({"title": title, "source": "City Gazette"})
    assert len(dumped.splitlines()) == 3  # the title takes two lines
    path = tmp_path / "x.md"
    path.write_text(f"---\n{dumped}---\n{BODY}", encoding="utf-8")
    article = read_article(path, tmp_path)
    assert (article.title, article.source) == (title, "City Gazette")


def test_hand_written_nested_lists_and_multi_line_strings(tmp_path):
    path = tmp_path / "x.md"
    path.write_text(
        textwrap.dedent(
            """\
            ---
            title: >
              Council passes
              the budget
            author: |
              Ann Lee
            tags:
              - City Council
              - Budget
            extra:
              reviewers:
                - [Ann, Bo]
                - name: Cy
                  notes: |
                    first line
                      indented line
            ---
            """
        )
        + BODY,
        encoding="utf-8",
    )
    article = read_article(path, tmp_path)
    assert article.title == "Council passes the budget"
    assert article.author == "Ann Lee"
    assert article.tags == ("City Council", "Budget")
    assert article.paragraphs == (BODY.strip(),)


@given(st.binary(max_size=400), st.sampled_from(["x.md", "x.txt", "x.html"]))
def test_any_file_is_read_or_refused_with_an_error_naming_it(tmp_path_factory, data, name):
    folder = tmp_path_factory.mktemp("any")
    (folder / name).write_bytes(data)
    assert_read_or_refused_naming_it(folder, name)


@given(st.text(max_size=400), st.sampled_from(["x.md", "x.txt", "x.html"]))
def test_any_text_is_read_or_refused_with_an_error_naming_it(tmp_path_factory, text, name):
    folder = tmp_path_factory.mktemp("any")
    (folder / name).write_text(text, encoding="utf-8", errors="surrogatepass")
    assert_read_or_refused_naming_it(folder, name)


def assert_read_or_refused_naming_it(folder, name):
    """The file gives an article with text, or an error that starts with its name."""
    try:
        article = read_article(folder / name, folder)
    except ContentError as error:
        assert str(error).startswith(f"{name}")
    else:
        assert article.paragraphs
