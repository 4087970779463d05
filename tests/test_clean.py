"""Scraped pages: furniture is told apart from the body."""

from __future__ import annotations

import datetime as dt
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from generator.ingest.clean import (
    clean_text,
    is_sentence,
    looks_like_byline,
    parse_date,
    read_scraped_page,
    remove_control_characters,
)
from generator.ingest.read import read_plain_text_article

SEED = Path(__file__).parent.parent / "seeds" / "000_bc6acdc5faa14e28.txt"


@pytest.fixture(scope="module")
def seed_page():
    return read_scraped_page(clean_text(SEED.read_text(encoding="utf-8")))


def test_seed_headline_byline_and_tag_line(seed_page):
    assert seed_page.headline == "Putin Makes First Visit To North Korea In 24 Years"
    assert seed_page.byline == "Pratidin Bureau"
    assert seed_page.tag_line == "Vladimir Putin Kim Jong Un"
    assert seed_page.also_read == (
        "North Korea Launches 600 Trash-Filled Balloons Towards South Korea",
    )


def test_seed_standfirst_is_kept_once(seed_page):
    assert seed_page.standfirst is not None
    assert seed_page.standfirst.startswith("The visit follows an invitation")
    assert sum("The visit follows an invitation" in p for p in seed_page.paragraphs) == 1


def test_seed_body_has_no_furniture(seed_page):
    body = "\n".join(seed_page.paragraphs)
    for furniture in ("author-image", "Pratidin Bureau", "New Update", "Also Read", "Makes First"):
        assert furniture not in body
    assert seed_page.paragraphs[0].startswith("Russian President Vladimir Putin arrived")
    assert seed_page.paragraphs[-1].startswith("Putin's visit reciprocates")


def test_dated_page_with_by_prefix_and_no_tags():
    page = read_scraped_page(
        clean_text(
            "Ports Reopen After Storm\n\nBy Jane Doe\nPublished: June 19, 2024\n\n"
            "The port of Rotterdam reopened on Tuesday after a two-day closure.\n"
            "Shipping firms said the backlog would clear within a week.\n"
        )
    )
    assert page.byline == "Jane Doe"
    assert page.date == dt.date(2024, 6, 19)
    assert page.tag_line is None
    assert len(page.paragraphs) == 2


@pytest.mark.parametrize(
    ("stamp", "date"),
    [
        ("updated 6:15 p.m. EST, Wed May 6, 2015", dt.date(2015, 5, 6)),
        ("Last Updated: Friday, 14 October 2011, 09:50 GMT", dt.date(2011, 10, 14)),
        ("Updated: November 11, 2011 20:09 IST", dt.date(2011, 11, 11)),
        ("May 2, 2013, 1:12 PM", dt.date(2013, 5, 2)),
        ("Published 19 Jun 2024", dt.date(2024, 6, 19)),
    ],
)
def test_a_time_stamp_above_the_headline_dates_the_page(stamp, date):
    page = read_scraped_page(
        clean_text(
            f"{stamp}\n\nMayor scraps predecessor's parking rule\n\n"
            "Mayor Lena Ortiz on Tuesday scrapped a late-night regulation.\n"
        )
    )
    assert page.headline == "Mayor scraps predecessor's parking rule"
    assert page.date == date
    assert page.paragraphs == ("Mayor Lena Ortiz on Tuesday scrapped a late-night regulation.",)


def test_a_headline_with_a_date_in_it_stays_the_headline():
    page = read_scraped_page(
        clean_text(
            "Election called for March 3, 2009\n\nThe president called an early election "
            "on Friday, two years before it was due.\n"
        )
    )
    assert page.headline == "Election called for March 3, 2009"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("June 19, 2024", dt.date(2024, 6, 19)),
        ("19 Jun 2024, 10:32 am", dt.date(2024, 6, 19)),
        ("Updated: 2024-06-19T10:00", dt.date(2024, 6, 19)),
        ("Sept. 3, 2023", dt.date(2023, 9, 3)),
        ("31 February 2024", None),
        ("New Update", None),
    ],
)
def test_parse_date(text, expected):
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("The visit follows an invitation extended in 2023.", True),
        ('He said it was "not a concern."', True),
        ("Short one.", False),
        ("Vladimir Putin Kim Jong Un", False),
    ],
)
def test_is_sentence(line, expected):
    assert is_sentence(line) is expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Pratidin Bureau", True),
        ("By Jane Doe", True),
        ("New in 2024", False),
        ("lower case", False),
    ],
)
def test_looks_like_byline(line, expected):
    assert looks_like_byline(line) is expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("(CNN)Two officers were suspended.", "(CNN) Two officers were suspended."),
        ("LONDON, England (Reuters)Shares fell.", "LONDON, England (Reuters) Shares fell."),
        ("(CNN) -- Two officers were suspended.", "(CNN) -- Two officers were suspended."),
        ("Lima, Peru (CNN)As the river rose", "Lima, Peru (CNN) As the river rose"),
        ("The agency (TSA)said nothing.", "The agency (TSA)said nothing."),
        ("(a)first item", "(a)first item"),
    ],
)
def test_a_wire_tag_glued_to_the_first_word_gets_its_space(line, expected):
    assert clean_text(line) == expected


def test_scroll_down_for_video_glued_into_the_text_goes():
    line = "A second vote was ruled out. Scroll down for video Gordon Brown, pictured, warned."
    assert clean_text(line) == "A second vote was ruled out. Gordon Brown, pictured, warned."


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Her lawyer Ryan Grant (pictured), said so.", "Her lawyer Ryan Grant, said so."),
        ("Donna (right) and Peter (Left) left court.", "Donna and Peter left court."),
        ("The manager (second from left) smiled.", "The manager smiled."),
        ("The view (pictured this week) is fine.", "The view is fine."),
        ("The fee (home) and the tax (sic) stay.", "The fee (home) and the tax (sic) stay."),
    ],
)
def test_a_pointer_to_a_photo_goes(line, expected):
    assert clean_text(line) == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (
            'The boys are improving. "We are hopeful." CNN\'s Sara Ganim, Eliott C. McLaughlin '
            "and Laura Ly contributed to this report.",
            'The boys are improving. "We are hopeful."',
        ),
        ("He left. Jane Doe contributed reporting from Paris.", "He left."),
        (
            "The band contributed to this report's findings, he said.",
            "The band contributed to this report's findings, he said.",
        ),
        # A wire service's credits, a line of their own.
        (
            "(Reporting by Nora Fisk; Additional reporting by Paul Adair; Editing by Jo Brandt.)",
            "",
        ),
        ("Reporting by Jane Doe in Paris; Writing by John Roe; Editing by Mark Heinrich", ""),
        (
            "(Reporting by Ann Holt, Ben Price in Lagos, with reporting by Cy Dunn and Di Moss, "
            "editing by Ed Fenn.)",
            "",
        ),
        (
            "Reporting by the newspaper showed the deal was signed in May.",
            "Reporting by the newspaper showed the deal was signed in May.",
        ),
        # A newspaper's credits under a label; a sentence after "Contributing:" stays.
        ("Contributing: Dana Reyes, The Daily Star", ""),
        ("Contributors: Dana Reyes and Luis Ortiz, Harbour Times", ""),
        (
            "Contributing: rising costs hit the farms in May.",
            "Contributing: rising costs hit the farms in May.",
        ),
    ],
)
def test_the_staff_credit_closing_a_report_goes(line, expected):
    assert clean_text(line) == expected


def test_clean_text_drops_control_characters_and_crlf():
    assert clean_text("a\u200bb\r\nc\x07d  e") == "ab\ncd e"


@given(st.text())
def test_remove_control_characters_keeps_every_other_character_in_order(text):
    def wanted(char):
        return char in "\n\t" or unicodedata.category(char) not in ("Cc", "Cf", "Cs", "Co")

    assert remove_control_characters(text) == "".join(filter(wanted, text))


LEAD = "The council approved the budget on Monday. It cuts spending by a tenth over two years."
NEXT = "Opposition members said the cuts would close three libraries in the city."
OPEN, VOTE = "Tiger wins the U.S. Open in Tulsa", "Council approves a leaner budget."


@pytest.mark.parametrize(
    ("text", "headline", "paragraphs"),
    [
        # A pasted article without its headline: the first line is body, not a title...
        (f"{LEAD}\n\n{NEXT}\n", None, (LEAD, NEXT)),
        # ... and so is a text of one line, even one an excerpt stops mid-sentence.
        (f"{LEAD} Critics said it goes too far\n", None, (f"{LEAD} Critics said it goes too far",)),
        # Counter-examples: a headline keeps its place, abbreviations and all.
        (f"{OPEN}\n\n{LEAD}\n\n{NEXT}\n", OPEN, (LEAD, NEXT)),
        (f"{VOTE}\n\n{LEAD}\n", VOTE, (LEAD,)),
    ],
)  # fmt: skip
def test_a_page_that_opens_with_its_body_has_no_headline(text, headline, paragraphs):
    page = read_scraped_page(clean_text(text))
    assert (page.headline, page.paragraphs) == (headline, paragraphs)


def test_a_plain_text_article_without_headline_is_named_by_its_file():
    article = read_plain_text_article(f"{LEAD}\n", "budget-vote.txt", "budget-vote")
    assert (article.title, article.slug, article.paragraphs) == (
        "budget vote",
        "budget-vote",
        (LEAD,),
    )
