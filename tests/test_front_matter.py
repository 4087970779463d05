"""Front matter is read exactly as YAML reads it: whatever PyYAML writes comes back equal."""

from __future__ import annotations

import datetime as dt
import textwrap

import yaml
from hypothesis import given
from hypothesis import strategies as st

from generator.errors import ContentError
from generator.ingest.read import read_article, split_front_matter

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
    try:
        article = read_article(folder / name, folder)
    except ContentError as error:
        assert str(error).startswith(f"{name}")
    else:
        assert article.paragraphs


@given(st.text(max_size=400), st.sampled_from(["x.md", "x.txt", "x.html"]))
def test_any_text_is_read_or_refused_with_an_error_naming_it(tmp_path_factory, text, name):
    folder = tmp_path_factory.mktemp("any")
    (folder / name).write_text(text, encoding="utf-8", errors="surrogatepass")
    try:
        article = read_article(folder / name, folder)
    except ContentError as error:
        assert str(error).startswith(f"{name}")
    else:
        assert article.paragraphs
