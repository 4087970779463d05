"""No-news lines as data: every entry of `data/no_news_lines.yml` finds its example and not its
counter-example, the file is checked on load, and a line that says someone said nothing is
neither the lead nor a key fact, while the figures beside it are."""

from __future__ import annotations

import pytest

from generator.analysis.key_facts import extract_key_facts, lead_sentence
from generator.analysis.language import load_model
from generator.analysis.no_news import load_no_news_lines, parse_no_news_lines, says_no_news
from generator.errors import BriefError

LINES = load_no_news_lines(load_model().vocab)


def _sentence(english, text):
    return next(iter(english(text).sents))


@pytest.mark.parametrize("entry", LINES.entries, ids=lambda entry: entry.name)
def test_entry_finds_its_example(english, entry):
    assert entry.name in LINES.found_in(_sentence(english, entry.example))


@pytest.mark.parametrize("entry", LINES.entries, ids=lambda entry: entry.name)
def test_entry_leaves_its_counter_example(english, entry):
    assert entry.name not in LINES.found_in(_sentence(english, entry.counter_example))


def test_a_no_comment_line_in_a_clause_on_a_noun_leaves_the_sentence_a_fact(english):
    sentence = _sentence(
        english, "Officials, who declined to comment, said the mill would shed 250 jobs."
    )
    assert not says_no_news(sentence)


def test_a_no_comment_line_gives_its_place_among_the_key_facts_to_a_figure(english):
    doc = english(
        "The paper said on Monday it would cut 1,200 jobs across its regional offices.\n\n"
        "A spokesman for the printers' union declined to comment.\n\n"
        "The owner, Harbor Media, lost $310 million last year on falling advertising sales.\n\n"
        "Its rival, the Daily Courier, cut 400 jobs in March after a bank loan of $90 million."
    )
    facts = [fact.text for fact in extract_key_facts(doc, "Paper to cut 1,200 jobs")]
    assert not any("declined to comment" in fact for fact in facts)
    assert any("$310 million" in fact for fact in facts)


def test_a_story_that_opens_on_no_comment_leads_with_its_news(english):
    doc = english(
        "The ferry company could not be reached for comment on Friday.\n\n"
        "Its two island routes will close in June after the council ended a subsidy of "
        "£2 million a year."
    )
    lead = lead_sentence(doc)
    assert lead is not None and "£2 million" in lead.text


def test_a_bad_no_news_file_is_reported_by_line():
    entry = "- name: x\n  why: y\n  example: a\n  counter_example: b\n"
    with pytest.raises(BriefError, match=r"no_news\.yml:1: missing 'token_patterns'"):
        parse_no_news_lines(entry, "no_news.yml")
