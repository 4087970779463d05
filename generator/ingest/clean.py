"""Small text cleaners and the reader of scraped pages: raw text in, headline, byline and body out.

Scraped pages mix the article with page furniture (author images, bylines, "New Update", the
headline repeated, "Also Read" links, a line of tags). These functions tell the two apart.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass

from generator.analysis.lexicon import MONTHS

# Lines that are page furniture wherever they appear (matched case-insensitively, whole line).
FURNITURE_PATTERNS = (
    r"author[- ]image",
    r"new update",
    r"updated?",
    r"advertisement",
    r"(?:\d+\s+)?comments?",
    r"(share|share this|share on \w+|follow us.*|subscribe.*|read more|listen to this article)",
    r"(image|photo|file photo)( credit)?s?:.*",
    r"\d+\s+min(ute)?s?\s+read",
    r"(?:we|this (?:web)?site) uses? cookies\b.*",
)
FURNITURE_LINE = re.compile(rf"^(?:{'|'.join(FURNITURE_PATTERNS)})$", re.IGNORECASE)
# A notice about the page itself, not the story: its terms of use ("This copy is for your
# personal, non-commercial use only. To order presentation-ready copies ..."), its copyright
# ("© 2019 Dow Jones & Company, Inc. All rights reserved."), a plea to share it ("Like this
# story? Share it with a friend!"), the commission the publisher earns on what the reader
# buys through it, or the page's own address on a line of its own. The page
# is named as "this copy / article / story / ..." and its use in the words a publisher's
# terms use; a story about copyright names its subject, not "this copy".
_THIS_PAGE = r"\bthis (?:copy|article|story|page|content|material|post|web ?site|site)\b"
_ITS_USE = (
    r"(?:personal(?:,| and)? non-?commercial|non-?commercial|reprints?\b|presentation-ready"
    r"|redistribut|republish|reproduc|all rights reserved|share it\b|share this\b"
    r"|(?:a )?(?:share|cut) of (?:the|any) sales?\b|\b(?:earn|receive|get|make)s? (?:a )?commission"
    r"|\baffiliate links?\b)"
)
# A call to follow the publisher elsewhere: a sentence that opens on the reader's verb and
# names a channel ("Sign up for our briefing to get it in your inbox", "Follow the desk at
# https://...", "Reach the writer on Twitter"); or a label and addresses alone ("More
# cricket: https://... and https://...").
_READER_CALL = (
    r"(?:^|[.!?]\s+)(?:follow|subscribe|sign up|click|tap|reach|download|get)\b[^.!?]{0,160}?"
    r"(?:https?://|@\w|\b(?:twitter|facebook|instagram|newsletters?|inbox|app)\b)"
    r"|^[^.!?:]{1,40}:\s*https?://\S+(?:\s+(?:and|&)\s+https?://\S+)*$"
)
PAGE_NOTICE = re.compile(
    rf"{_THIS_PAGE}.{{0,160}}?{_ITS_USE}|{_ITS_USE}.{{0,160}}?{_THIS_PAGE}"
    # A copyright line: a sign and a year, or the word and a sign ("Copyright ⓒ Site.co.kr.
    # Reproduction prohibited", in the page's language after it).
    r"|^(?:[©ⓒ]|copyright|\(c\))\s*[©ⓒ]?\s*\d{4}\b.{0,160}$|^copyright\s*(?:[©ⓒ]|\(c\)).{0,160}$"
    r"|\ball rights reserved\b"
    r"|^(?:https?://|www\.)\S+$"
    # The writer's contact line: "Amy Kuperinsky may be reached at akuperinsky@example.com."
    r"|\b(?:reached|contacted|contact|e-?mail|write to)\b.{0,60}?[\w.+-]+@[\w-]+\.\w"
    rf"|{_READER_CALL}",
    re.IGNORECASE,
)
MAX_NOTICE_WORDS = 60
"""A notice is a short paragraph; a longer one that names "this article" and "reprints" is
the story's own text."""
ALSO_READ_LINE = re.compile(r"^(?:also read|read also|read more|see also)\s*[:\-–—]\s*(.+)$", re.I)
BYLINE_PREFIX = re.compile(r"^(?:by|written by|posted by)\s+", re.IGNORECASE)
SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*$|[\"”’]$")
SENTENCE_INSIDE = re.compile(r"[.!?][\"'”’)\]]*\s+\S")
# A sentence that ends and the next one's capital: "... he said. The", "... on Monday. It",
# not the abbreviations a headline may hold ("U.S. Open", "Mr. Smith", "Gov. Cuomo").
SENTENCE_FOLLOWS = re.compile(r"\b(?:[a-z]{2,}|[A-Z][a-z]{3,}|\d+)[.!?][\"'”’)\]]*\s+[\"“‘]?[A-Z]")
# A wire or outlet tag glued to the first word, as CNN prints it: "(CNN)Two officers ...".
# It opens the paragraph, after at most a dateline of capitalised words ("New Delhi, India
# (CNN)", "LONDON, England (Reuters)").
GLUED_WIRE_TAG = re.compile(
    r"^((?:[A-Z][\w.'-]*(?:,? [A-Z][\w.'-]*)* )?\([A-Z][\w.&]*(?: [A-Z][\w.&]*)*\))(?=[\w\"“‘'])"
)
# Page furniture that scrapers glue into the text around it ("... election. Scroll down for
# video Mark Ellis, pictured ...", where "video" then reads as Ellis's title).
GLUED_FURNITURE = re.compile(r"\bscroll down for (?:the )?videos?\b[.:]?\s*", re.IGNORECASE)
# Pointers to a photo the text no longer has: "Owen Tarrant (pictured), said ...", "Lucy
# (right) and Sam". Left in, they end up in key facts and quotes that have no picture.
PHOTO_POINTER = re.compile(
    r" ?\((?:pictured(?: [a-z ]+)?|(?:far |second |second from |third from )?(?:left|right)"
    r"|left and right|centre(?: front| back)?|center|above|below|middle|inset|top|bottom"
    r"|(?:file|stock) (?:picture|photo|image)|first photo|picture posed by models?)\)",
    re.IGNORECASE,
)
# The staff credit that closes a report ("CNN's Ana Ruiz and Tom Pell contributed to this
# report."): its names are the newsroom's, not actors in the story.
CONTRIBUTOR_CREDIT = re.compile(
    r"(?:^|(?<=[.!?\"”'’])\s+)(?:[^.!?\"”]|(?<=\b[A-Z])\.)*\bcontribut(?:ed|ing) "
    r"(?:reporting|(?:to )?(?:this|the) (?:report|story|article))(?: (?:from|in) [^.!?\"”]*)?"
    r"[.!?]?$"
)
# A wire service's credit line ("(Reporting by Nora Fisk; Additional reporting by
# Paul Adair; Editing by Jo Brandt.)", or the credits joined by commas: "Reporting by Nora
# Fisk, with reporting by Paul Adair, editing by Jo Brandt", or a label's: "Contributing: Nora
# Fisk, The Daily Star"): newsroom staff, not actors.
_NAME = r"[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*)*"
_NAMES = rf"{_NAME}(?:(?:,\s*|\s+and\s+){_NAME})*"
_CREDIT = (
    r"(?:(?:(?:[Ww]ith|[Aa]dditional) )*(?:[Rr]eporting|[Ww]riting|[Ee]diting|[Rr]esearch)"
    rf"(?: and \w+)? by {_NAMES}(?: in {_NAME})?"
    # A newspaper's label form: "Contributing: Dana Reyes, USA TODAY".
    rf"|(?:[Cc]ontributing|[Cc]ontributors?)(?: (?:reporters?|writers?))?: {_NAMES}"
    # The outlet a page credits its story to: "Source: Al Jazeera and news agencies".
    rf"|(?:[Ss]ources?|SOURCES?): {_NAMES}(?: and (?:news )?agencies)?)"
)
WIRE_CREDIT_LINE = re.compile(rf"^\(?{_CREDIT}(?:[;,]\s*{_CREDIT})*\.?\)?\.?$")

MIN_PARAGRAPH_WORDS = 5
MAX_BYLINE_WORDS = 6

_MONTH = r"(?P<month>[A-Za-z]{3,9})\.?"
DATE_FORMATS = (
    re.compile(r"(?P<year>\d{4})-(?P<mnum>\d{1,2})-(?P<day>\d{1,2})"),
    re.compile(rf"(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+{_MONTH},?\s+(?P<year>\d{{4}})"),
    re.compile(rf"{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>\d{{4}})"),
)


# What a time stamp line holds besides its date ("updated 6:15 p.m. EST, Wed May 6, 2015",
# "Last Updated: Friday, 14 October 2011, 09:50 GMT").
CLOCK_TIME = re.compile(r"\b\d{1,2}(?:[:.]\s?\d{2})?\s*(?:[ap]\.?\s?m\b\.?)?", re.IGNORECASE)
STAMP_WORDS = frozenset(
    {
        "last", "updated", "update", "posted", "published", "modified", "on", "at",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "mon",
        "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun", "gmt", "bst", "utc",
        "est", "edt", "cst", "cdt", "mst", "mdt", "pst", "pdt", "et", "pt", "cet", "cest", "ist",
        "aest", "aedt",
    }
)  # fmt: skip


@dataclass(frozen=True)
class ScrapedPage:
    """What a scraped plain-text page holds once its furniture is set aside."""

    headline: str | None
    """None when the page opens with its body (`_opens_with_prose`)."""
    standfirst: str | None
    byline: str | None
    date: dt.date | None
    paragraphs: tuple[str, ...]
    also_read: tuple[str, ...]
    tag_line: str | None


def normalise_whitespace(text: str) -> str:
    """Collapse runs of spaces and tabs, and strip the ends."""
    return re.sub(r"[ \t\u00a0]+", " ", text).strip()


def remove_control_characters(text: str) -> str:
    """Drop control and format characters other than newlines and tabs (zero-width, bidi...)."""
    # Each distinct character is looked up once: an article has thousands of characters but
    # rarely more than a hundred different ones.
    unwanted = {
        ord(char): None
        for char in set(text)
        if char not in "\n\t" and unicodedata.category(char) in ("Cc", "Cf", "Cs", "Co")
    }
    return text.translate(unwanted) if unwanted else text


def normalise_newlines(text: str) -> str:
    """Return text with every line ending (Windows, old Mac) as a plain newline."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def one_line(text: str) -> str:
    """Return text on one tidy line: no control characters, single spaces, no ends."""
    return " ".join(remove_control_characters(text).split())


def clean_text(text: str) -> str:
    """Return text with uniform newlines, no control characters and tidy spaces on each line.

    A wire tag glued to the next word gets its space ("(CNN) Two"), or the two read as one
    name ("CNN)Two Transportation Security Administration"); "Scroll down for video", a
    photo's "(pictured)" or "(left)", the staff credit closing a paragraph and a wire
    service's line of credits go.
    """
    text = remove_control_characters(normalise_newlines(text))
    lines = (
        normalise_whitespace(
            CONTRIBUTOR_CREDIT.sub("", PHOTO_POINTER.sub("", GLUED_FURNITURE.sub("", line)))
        )
        for line in text.split("\n")
    )
    return "\n".join(
        "" if WIRE_CREDIT_LINE.match(line) else GLUED_WIRE_TAG.sub(r"\1 ", line) for line in lines
    )


def parse_date(text: str) -> dt.date | None:
    """Return the calendar date written in text ("June 19, 2024", "19 Jun 2024"), if any."""
    for pattern in DATE_FORMATS:
        match = pattern.search(text)
        if not match:
            continue
        fields = match.groupdict()
        month = int(fields["mnum"]) if fields.get("mnum") else MONTHS.get(fields["month"].lower())
        if month is None:
            continue
        try:
            return dt.date(int(fields["year"]), month, int(fields["day"]))
        except ValueError:
            continue
    return None


def time_stamp_date(line: str) -> dt.date | None:
    """The date of a line that is only a time stamp: a date, a clock time, a weekday, a time
    zone, "updated" or "posted". A headline with a date in it ("Election called for March 3,
    2009") is no time stamp."""
    date = parse_date(line)
    if date is None:
        return None
    rest = line
    for pattern in DATE_FORMATS:
        rest = pattern.sub(" ", rest)
    words = re.findall(r"[a-z]+", CLOCK_TIME.sub(" ", rest).casefold())
    return date if all(word in STAMP_WORDS for word in words) else None


def is_sentence(line: str) -> bool:
    """Tell a body sentence from a label: it ends like a sentence and has a few words."""
    return bool(SENTENCE_END.search(line)) and len(line.split()) >= MIN_PARAGRAPH_WORDS


def has_sentence(paragraph: str) -> bool:
    """Tell a paragraph of prose from a label: a sentence ends in it or at its end.

    A written paragraph may close on a colon ("Watch the video:") and still be body text.
    """
    if len(paragraph.split()) < MIN_PARAGRAPH_WORDS:
        return False
    return bool(SENTENCE_END.search(paragraph) or SENTENCE_INSIDE.search(paragraph))


def without_title(paragraphs: list[str], title: str) -> list[str]:
    """The paragraphs without a first one that only repeats the headline, as feeds often print
    it above the story; a key fact or an at-a-glance line that is the title says nothing new."""
    if len(paragraphs) > 1 and title and same_text(paragraphs[0], title):
        return paragraphs[1:]
    return paragraphs


def is_page_notice(line: str) -> bool:
    """Whether a paragraph is a notice about the page, not the story (`PAGE_NOTICE`)."""
    return len(line.split()) <= MAX_NOTICE_WORDS and PAGE_NOTICE.search(line) is not None


def same_text(first: str, second: str) -> bool:
    """Compare two lines ignoring case, spacing and punctuation."""
    return _comparable(first) == _comparable(second)


def _comparable(text: str) -> str:
    return re.sub(r"\W+", " ", text.casefold()).strip()


def looks_like_byline(line: str) -> bool:
    """Return True for a short name-like line ("Pratidin Bureau", "By Jane Doe")."""
    words = BYLINE_PREFIX.sub("", line).split()
    if not 1 <= len(words) <= MAX_BYLINE_WORDS or any(char.isdigit() for char in line):
        return False
    return all(word[0].isupper() for word in words if word[0].isalpha())


def read_scraped_page(text: str) -> ScrapedPage:
    """Split a cleaned, non-empty scraped page into headline, furniture and body.

    The headline is the first line, after any time stamp above it, which dates the page.
    """
    lines = [line for line in text.split("\n") if line]
    date: dt.date | None = None
    while len(lines) > 1 and (stamped := time_stamp_date(lines[0])) is not None:
        date, lines = date or stamped, lines[1:]
    opens_with_prose = _opens_with_prose(lines)
    headline, rest = (None, lines[1:]) if opens_with_prose else (lines[0], lines[1:])
    # A standfirst stands under a headline; a page without one starts with its body.
    standfirst, rest = (None, rest) if opens_with_prose else _standfirst(rest)
    tag_line, rest = _tag_line(rest)
    byline: str | None = None
    paragraphs: list[str] = [lines[0]] if opens_with_prose else []
    also_read: list[str] = []
    for line in rest:
        also = ALSO_READ_LINE.match(line)
        if also:
            also_read.append(also.group(1).strip())
        elif (
            is_sentence(line)
            and not (headline and same_text(line, headline))
            and not is_page_notice(line)
        ):
            paragraphs.append(line)
        elif not paragraphs and date is None and (found := parse_date(line)):
            date = found
        elif not paragraphs and byline is None and _is_byline_candidate(line, headline or ""):
            byline = BYLINE_PREFIX.sub("", line)
    return ScrapedPage(
        headline=headline,
        standfirst=standfirst,
        byline=byline,
        date=date,
        paragraphs=_with_standfirst(paragraphs, standfirst),
        also_read=tuple(also_read),
        tag_line=tag_line,
    )


def _opens_with_prose(lines: list[str]) -> bool:
    """Whether the page starts with its body, not a headline: the text is one line, or its
    first line holds sentences one after another (a pasted article without its headline)."""
    first = lines[0]
    if len(lines) == 1:
        return has_sentence(first)  # an excerpt may stop mid-sentence
    return is_sentence(first) and bool(SENTENCE_FOLLOWS.search(first))


def _tag_line(lines: list[str]) -> tuple[str | None, list[str]]:
    """Take the last line when it is a label after the body: the page's list of tags."""
    if not lines or not any(is_sentence(line) for line in lines):
        return None, lines
    last = lines[-1]
    if is_sentence(last) or FURNITURE_LINE.match(last) or ALSO_READ_LINE.match(last):
        return None, lines
    return last, lines[:-1]


def _standfirst(lines: list[str]) -> tuple[str | None, list[str]]:
    """Take the sentence right under the headline when furniture follows it (a dek)."""
    if len(lines) >= 2 and is_sentence(lines[0]) and not is_sentence(lines[1]):
        return lines[0], lines[1:]
    return None, lines


def _with_standfirst(paragraphs: list[str], standfirst: str | None) -> tuple[str, ...]:
    """Analyse the standfirst too, unless the body repeats it."""
    if standfirst is None or any(_comparable(standfirst) in _comparable(p) for p in paragraphs):
        return tuple(paragraphs)
    return (standfirst, *paragraphs)


def _is_byline_candidate(line: str, headline: str) -> bool:
    return (
        not FURNITURE_LINE.match(line) and not same_text(line, headline) and looks_like_byline(line)
    )
