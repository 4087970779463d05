"""The connectives file: each entry finds its example and leaves its counter-example; a fact
or a page body that opens on one goes on from the sentence before it."""

from __future__ import annotations

import pytest

from generator.analysis.connectives import (
    connectives,
    opens_on_a_connective,
    opens_on_a_reply,
    parse_connectives,
    without_connective,
)
from generator.errors import BriefError
from generator.ingest.standfirst import page_summaries, with_standfirst


@pytest.mark.parametrize("entry", connectives(), ids=lambda entry: entry.name)
def test_entry_finds_its_example(entry):
    assert opens_on_a_connective(entry.example)


@pytest.mark.parametrize("entry", connectives(), ids=lambda entry: entry.name)
def test_entry_leaves_its_counter_example(entry):
    assert not opens_on_a_connective(entry.counter_example)


@pytest.mark.parametrize("entry", connectives(), ids=lambda entry: entry.name)
def test_only_an_entry_that_replies_makes_its_example_a_reply(entry):
    assert opens_on_a_reply(entry.example) == entry.replies


@pytest.mark.parametrize(
    ("clause", "alone"),
    [
        (
            "Meanwhile drivers' groups called the fines unfair.",
            "Drivers' groups called the fines unfair.",
        ),
        ("Meanwhile, the depot stayed shut.", "The depot stayed shut."),
        # Counter-examples: openers that may begin a phrase keep it without a comma.
        ("Yet another train was cancelled.", "Yet another train was cancelled."),
        ("In addition to the fare, a fee applies.", "In addition to the fare, a fee applies."),
    ],
)
def test_an_adverb_of_the_clause_leaves_it_without_a_comma(clause, alone):
    assert without_connective(clause) == alone


def test_adverbs_must_be_openers_of_their_entry():
    text = (
        "- name: x\n  why: y\n  openers: [Meanwhile]\n  adverbs: [Moreover]\n"
        "  example: Meanwhile, a.\n  counter_example: b.\n"
    )
    with pytest.raises(BriefError) as caught:
        parse_connectives(text, "c.yml")
    assert "adverbs" in str(caught.value)


def test_a_word_that_only_starts_like_a_connective_is_none():
    assert not opens_on_a_connective("Andrea Bell opened the new bridge on Friday.")


def test_a_bad_connectives_file_is_reported_by_line():
    with pytest.raises(BriefError) as caught:
        parse_connectives("- name: x\n  openers: But\n", "c.yml")
    assert str(caught.value).splitlines() == [
        "c.yml:1: missing 'why'",
        "c.yml:1: missing 'example'",
        "c.yml:1: missing 'counter_example'",
    ]


STANDFIRST = "Two ferries collided in the harbour of Port Ellis on Sunday, leaving four injured."
STANDFIRST_PAGE = f"""<html><head><meta name="description" content="{STANDFIRST}">
</head><body><h1>Ferries collide</h1><div class="summary">{STANDFIRST}</div>
<p>In addition to the four injured, a crew member is missing.</p></body></html>"""


def test_a_body_that_goes_on_from_its_standfirst_keeps_it_first():
    body = ("In addition to the four injured, a crew member is missing.",)
    assert with_standfirst(body, page_summaries(STANDFIRST_PAGE)) == (STANDFIRST, *body)


def test_a_body_that_stands_alone_keeps_only_itself():
    body = ("A crew member is missing after two ferries collided on Sunday.",)
    assert with_standfirst(body, page_summaries(STANDFIRST_PAGE)) == body


def test_a_description_the_page_does_not_show_is_not_the_article():
    hidden = STANDFIRST_PAGE.replace('<div class="summary">', "<!--").replace("</div>", "-->")
    body = ("In addition to the four injured, a crew member is missing.",)
    assert with_standfirst(body, page_summaries(hidden)) == body
