"""A page's own terms as data: every entry of `data/page_terms.yml` finds its example and not its
counter-example, the file is checked on load, and a sentence of terms is no key fact."""

from __future__ import annotations

import pytest

from generator.analysis.key_facts import calls_out
from generator.analysis.language import load_model
from generator.analysis.page_terms import load_page_terms, parse_page_terms
from generator.errors import BriefError

TERMS = load_page_terms(load_model().vocab)


def _sentence(english, text):
    return next(iter(english(text).sents))


@pytest.mark.parametrize("term", TERMS.terms, ids=lambda term: term.name)
def test_entry_finds_its_example(english, term):
    assert term.name in TERMS.found_in(_sentence(english, term.example))


@pytest.mark.parametrize("term", TERMS.terms, ids=lambda term: term.name)
def test_entry_leaves_its_counter_example(english, term):
    assert term.name not in TERMS.found_in(_sentence(english, term.counter_example))


@pytest.mark.parametrize(
    ("text", "is_terms"),
    [
        ("When readers shop through the links below, we may receive a small commission.", True),
        ("Offers may not be available to all shoppers in every country.", True),
        # Someone's words are their news, and a dated offer is an offer's news.
        ("The retailer said prices may change at any time as costs rise.", False),
        ("Quantities may be limited until Monday, when a new shipment arrives.", False),
        # A pointer at the page's chart points at it whatever year the chart covers.
        ("The following chart breaks down the 2019 harvest by county.", True),
        ("The chart the ministry published in 2019 broke the harvest down by county.", False),
    ],
)
def test_page_terms_are_no_fact(english, text, is_terms):
    assert calls_out(_sentence(english, text)) is is_terms


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("name: x", "terms.yml: expected a list of terms like '- name: ...'"),
        ("- name: x\n  why: w", "terms.yml:1: missing 'token_patterns'"),
        (
            "- {name: x, why: w, token_patterns: [{LOWER: a}], example: a, counter_example: b}",
            "terms.yml:1: 'token_patterns': expected a list of Matcher patterns",
        ),
        (
            "- {name: x, why: w, token_patterns: [[{LOWER: a}]], example: a,"
            " counter_example: b, weight: 1}",
            "terms.yml:1: unknown field 'weight'",
        ),
    ],
)
def test_a_bad_terms_file_is_reported_by_line(text, message):
    with pytest.raises(BriefError) as error:
        parse_page_terms(text, "terms.yml")
    assert message in str(error.value)
