"""Find the lines of a parsed article that are not prose: a spaCy `Doc` in, `Layout` out.

Wire copy opens with a dateline (`datelines`: "LONDON 1996-08-30", "KYIV, Ukraine (Reuters) -")
and may hold lines set in capitals (headlines, table headers) or headlines in title case. The
model was trained on ordinary sentences and misreads them all: it labels "BUCHAREST" as
nothing, "CRICKET - LEICESTERSHIRE TAKE" as a company and "Double Standard Clinton" as a person.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from generator.analysis.datelines import dateline_of
from generator.analysis.grammar import FINITE_TAGS, PRICE_LABEL, SUBJECT_DEPS
from generator.analysis.lexicon import TITLE_SMALL_WORDS
from generator.analysis.token_lists import span_text, token_lists
from generator.analysis.token_lists import text_of as text_of  # its home was here

LAYOUT_KEY = "briefs.layout"
LIST_LINES_KEY = "briefs.list_lines"
"""Where `layout_of` keeps a doc's layout, in its user_data."""
LINE_END = re.compile(r"[.!?…:][\"'”’)\]]*(?=\s|$)")
"""Where a sentence ends in a line: a stop, perhaps inside closing quotation marks or brackets,
or a colon that leads into a list or a quotation ("The fair opens on Friday. These are the
stands to see first:" is a paragraph of prose)."""
MAX_SIGNATURE_WORDS = 3
"""What may follow a paragraph's last full stop and still leave it prose: an agency's or a
writer's signature ("... into the US. PTI", "...” ― Sonya Herridge", "(c) tPC")."""
MAX_HEADING_WORDS = 40
"""The longest line read as a sub-heading or a link card when it does not end as a sentence
ends. Sub-headings and cards run to about 30 words ("Mayor's aides questioned: The
inquiry is closed. Auditors might ..."); a longer line with a full stop inside is prose whose
last sentence lost its stop (a scraped page's last paragraph: "... has promised a reward to
whoever helps bring the stolen statue back to the museum")."""
MAX_DATELINE_PARAGRAPH = 3
MAX_OPENING_LINES = 4
"""The most lines without a final stop a body may open on and still have them read as its
first sentences (`opening_sentences`): a standfirst and a few summary bullets."""
MIN_OPENING_SENTENCE_WORDS = 8
"""The fewest words of an opening line read as a sentence: fewer are a label or a kicker."""
"""A dateline comes first, after at most a headline and a byline."""
MIN_CAPITALS_LINE_WORDS = 2
MIN_TITLE_CASE_LINE_WORDS = 4
"""Fewer capitalised words may be a name alone ("Kim Jong Un"), not a headline."""
RESULTS_LINE = re.compile(r"^\W*\d|\d[-:.]\d|,.*,|\d+\)|\(\w+\)|\w \d+ [A-Z].* \d+\W*$")
"""A line of a results table or a list of names: "2. Tomas Reed (Canada) 20.31",
"Kent 91 and 203 (J. Marlow 5-40)", "Ana Pike, Leo Marsh, Ivo Kray",
"Eastfield 2 Northbury 1"."""
CLAIM_LABELS = frozenset({"claim", "the claim", "claim reviewed", "what was claimed"})
"""How fact-check pages label the claim they examine (`claims_under_review`)."""
MIN_LIST_LINES = 3
"""The fewest lines of items, one after another, that make a list: a product's specs
("Optical heart sensor", "Swim proof"), a box's contents, a row of features. Two such lines in
a row are a sub-heading and a caption as often."""
MIN_LOWER_CASE_SHARE = 0.6
"""The share of a list's words in lower case that makes it a list of things, not of names: a
product's specs run to two thirds and more; an awards list ("Best actor - Ann Lee for Harbor at
the Lyric"), a row of fixtures or a wire service's credits to half or less."""
MAX_ITEM_SENTENCE_TOKENS = 16
"""The longest sentence, between two items, that is an item too ("Cables are not included.");
a paragraph of prose between two sub-headings is longer."""
TITLE_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
"""A word of a headline, with its apostrophe: "Stadia's", "Isn't"."""


@dataclass(frozen=True)
class Layout:
    """Where the non-prose lines of an article are."""

    dateline_place: Span | None
    """The place of the dateline ("KHASAVYURT" in "KHASAVYURT, Russia 1996-08-31")."""
    capitals_lines: tuple[Span, ...]
    """Lines written all in capitals, where the model's entities cannot be trusted."""
    title_case_lines: tuple[Span, ...]
    """Headlines in title case, where the model runs words into names ("Double Standard
    Clinton And Trump Face")."""
    not_prose: tuple[Span, ...] = ()
    """Lines, or a line's unfinished tail, that do not end as a sentence ends: a page's
    sub-headings ("Prisons plagued by understaffing"), link cards ("Internal memo: Federal
    prison guards falsified records ...") and table rows. Their names are mentions, but none of
    their text is a fact, an actor's line or an event (`is_prose`)."""

    @property
    def set_aside_lines(self) -> tuple[Span, ...]:
        """The lines whose entities are not the model's to give: capitals and title case."""
        return self.capitals_lines + self.title_case_lines

    def is_in_dateline(self, span: Span) -> bool:
        """Return whether a span overlaps the dateline place."""
        place = self.dateline_place
        return place is not None and span.start < place.end and place.start < span.end

    def is_set_aside(self, span: Span) -> bool:
        """Return whether a span overlaps the dateline place or a line of capitals."""
        place = (self.dateline_place,) if self.dateline_place is not None else ()
        return any(
            span.start < other.end and other.start < span.end
            for other in (*place, *self.set_aside_lines)
        )

    def is_prose(self, span: Span) -> bool:
        """Return whether a span lies in the article's prose, outside every line that does
        not end as a sentence ends (`not_prose`)."""
        starts = [line.start for line in self.not_prose]
        before = bisect_right(starts, span.start) - 1
        nearby = self.not_prose[max(before, 0) : bisect_right(starts, span.end)]
        return not any(span.start < line.end and line.start < span.end for line in nearby)


def layout_of(doc: Doc) -> Layout:
    """The doc's layout, read once: every extractor asks it (`read_layout`)."""
    layout = doc.user_data.get(LAYOUT_KEY)
    if not isinstance(layout, Layout):
        layout = doc.user_data[LAYOUT_KEY] = read_layout(doc)
    return layout


def is_prose(span: Span) -> bool:
    """Return whether a span lies in the article's prose (`Layout.is_prose`)."""
    return layout_of(span.doc).is_prose(span)


def read_layout(doc: Doc) -> Layout:
    """Return the dateline places, the lines in capitals or title case, and the lines that
    are not prose of a parsed body."""
    lines = _lines(doc)
    # A span's text is joined from its tokens at each reading: each line's, once.
    with_text = [(line, span_text(line)) for line in lines]
    opening = {line.start for line in opening_sentences(with_text)}
    datelines = (dateline_of(line) for line in lines[:MAX_DATELINE_PARAGRAPH])
    places = [dateline.place for dateline in datelines if dateline and dateline.place]
    return Layout(
        dateline_place=next(iter(places), None),
        capitals_lines=tuple(line for line, text in with_text if is_capitals_line(text)),
        title_case_lines=tuple(line for line, text in with_text if is_title_case_line(text)),
        not_prose=tuple(
            sorted(
                (
                    *(
                        tail
                        for line in lines
                        if (tail := unfinished_part(line)) is not None and tail.start not in opening
                    ),
                    *claims_under_review(lines),
                ),
                key=lambda span: span.start,
            )
        ),
    )


def opening_sentences(with_text: list[tuple[Span, str]]) -> list[Span]:
    """The lines a body opens on, before its first line that ends as a sentence ends, that are
    sentences whose page dropped their stop (a scraped standfirst or summary bullet: "The club
    has paid the fee to the league this morning"), not headings: written in sentence case, with
    a subject and a finite verb, and with the articles and auxiliaries a headline leaves out
    (`_is_written_out`). A sub-heading or a card further down stays out (`unfinished_part`)."""
    found = []
    for line, text in with_text[:MAX_OPENING_LINES]:
        if unfinished_part(line) is not line:
            break
        if (
            len(text.split()) >= MIN_OPENING_SENTENCE_WORDS
            and text[:1].isupper()
            and not is_title_case_line(text)
            and not is_capitals_line(text)
            and _is_written_out(line)
        ):
            found.append(line)
    return found


def _is_written_out(line: Span) -> bool:
    """Whether a line is a clause written out as prose writes it: a subject under a finite verb
    and an article or an auxiliary, which headlinese drops ("Club pays record fee for keeper"
    against "The club has paid a record fee for the keeper")."""
    has_clause = any(
        token.dep_ in SUBJECT_DEPS
        and (
            token.head.tag_ in FINITE_TAGS
            or any(child.tag_ in FINITE_TAGS for child in token.head.children)
        )
        for token in line
    )
    return has_clause and any(
        token.pos_ == "AUX" or "Art" in token.morph.get("PronType", []) for token in line
    )


def claims_under_review(lines: list[Span]) -> list[Span]:
    """The lines a fact-check page sets under its "Claim" label: what it examines, which the
    page may rate false, is no fact of the story (its finding, "the claim is unsubstantiated",
    is). The label on a line of its own governs the line after it; "Claim: ..." its own."""
    claims = []
    for line, after in zip(lines, [*lines[1:], None], strict=True):
        text = span_text(line)
        label, _, rest = text.partition(":")
        if _is_claim_label(text) and after is not None:
            claims.append(after)
        elif rest.strip() and _is_claim_label(label):
            claims.append(line)
    return claims


def _is_claim_label(text: str) -> bool:
    return " ".join(text.lower().strip(" :").split()) in CLAIM_LABELS


def unfinished_part(line: Span) -> Span | None:
    """The part of a line that does not end as a sentence ends, or None when it does.

    A short line without a final stop is a heading or a card, whole; a long one with a full
    stop inside is prose (`MAX_HEADING_WORDS`). A signature after the last full stop ("...
    into the US. PTI") is set aside alone.
    """
    text = span_text(line).rstrip()
    ends = [found.end() for found in LINE_END.finditer(text)]
    last_end = ends[-1] if ends else 0
    tail_words = len(text[last_end:].split())
    if tail_words == 0:
        return None
    if ends and tail_words <= MAX_SIGNATURE_WORDS:
        return line.char_span(last_end, len(text), alignment_mode="expand")
    if not ends or len(text.split()) <= MAX_HEADING_WORDS:
        return line
    return None


def is_capitals_line(text: str) -> bool:
    """A line with a few words and no lowercase letter: 'CRICKET - KENT TAKE OVER AT TOP.'"""
    words = re.findall(r"[^\W\d_]+", text)
    return len(words) >= MIN_CAPITALS_LINE_WORDS and not any(c.islower() for c in text)


def is_title_case_line(text: str) -> bool:
    """A headline in title case: every word but the small ones capitalised, and some lower
    case ('Mayor Kept Budget Gap From Council, Former City Treasurer Says.')."""
    # "Stadia's" and "Isn't" are one word each, not "Stadia" and a small "s". Word by word:
    # a line of prose shows a word in lower case within its first few (most lines are prose).
    words = 0
    for found in TITLE_WORD.finditer(text):
        word = found.group()
        if word.lower() in TITLE_SMALL_WORDS:
            continue
        if not word[0].isupper():
            return False
        words += 1
    return (
        words >= MIN_TITLE_CASE_LINE_WORDS
        and any(character.islower() for character in text)
        and not RESULTS_LINE.search(text)
    )


def list_lines(doc: Doc) -> list[Span]:
    """The lines of a list or of a product's heading, where a page names things, not actors.

    A list is a run of at least `MIN_LIST_LINES` items (`_is_an_item`: a product's specs, a
    box's contents, a footer's headlines); a short sentence between two items is one of them
    ("Cables are not included." among a phone's specs). A product's heading is a line without
    a clause that writes a price ("Wireless Earbuds in Red for $39.99")."""
    lines = _lines(doc)
    listed: list[Span] = []
    for run in _runs_of_items(lines, _items_with_their_short_sentences(lines)):
        is_a_list = len(run) >= MIN_LIST_LINES and _is_written_in_words(run)
        listed += run if is_a_list else [line for line in run if _has_a_price(line)]
    return listed


def is_listed(sent: Span) -> bool:
    """Whether a sentence stands among a list's lines (`list_lines`), a line of the list before
    and after it: a box's small print ("Cables are not included." among a phone's specs) is no
    sentence of the story. A list's last line may be the story's first sentence, which the
    parser read without a subject."""
    spans = sent.doc.user_data.get(LIST_LINES_KEY)
    if not isinstance(spans, list):
        # Read once a doc: the lead and every candidate fact ask it.
        spans = sent.doc.user_data[LIST_LINES_KEY] = _inner_list_lines(sent.doc)
    return any(start <= sent.start < end for start, end in spans)


def _inner_list_lines(doc: Doc) -> list[tuple[int, int]]:
    """The token spans of the list lines with a line of the same list right before and after."""
    lines = list_lines(doc)
    is_space = token_lists(doc).is_space

    def adjacent(first: Span, second: Span) -> bool:
        return all(is_space[i] for i in range(first.end, second.start))

    return [
        (line.start, line.end)
        for before, line, after in zip(lines, lines[1:], lines[2:], strict=False)
        if adjacent(before, line) and adjacent(line, after)
    ]


def _is_written_in_words(run: list[Span]) -> bool:
    """Whether a run of items is written mostly in the language's lower-case words, as specs
    and contents are ("Optical heart sensor"): a team sheet, a cast, a fixture list or a
    programme of venues is names ("G Okafor; T Brennan, J Lutz (capt)")."""
    words = [token for line in run for token in line if token.is_alpha]
    lower = sum(token.is_lower for token in words)
    return lower >= MIN_LOWER_CASE_SHARE * len(words)


def _items_with_their_short_sentences(lines: list[Span]) -> list[bool]:
    """Whether each line is an item, a short sentence between two items counted as one."""
    items = [_is_an_item(line) for line in lines]
    return [
        is_item
        or (
            0 < i < len(lines) - 1
            and items[i - 1]
            and items[i + 1]
            and len(lines[i]) <= MAX_ITEM_SENTENCE_TOKENS
        )
        for i, is_item in enumerate(items)
    ]


def _runs_of_items(lines: list[Span], items: list[bool]) -> list[list[Span]]:
    runs: list[list[Span]] = [[]]
    for line, is_item in zip(lines, items, strict=True):
        if is_item:
            runs[-1].append(line)
        elif runs[-1]:
            runs.append([])
    return runs


def _is_an_item(line: Span) -> bool:
    """A line without a clause of its own (no subject: a noun phrase, "Comes with a case",
    "Swim proof") or that does not end as a sentence ends (a spec that reads as a clause,
    "Adaptive EQ tunes music to your ear"; a label and its items, "In the box: a cable")."""
    unfinished = unfinished_part(line)
    return (unfinished is not None and unfinished.start == line.start) or not _has_a_subject(line)


def _has_a_subject(line: Span) -> bool:
    return any(token.dep_ in SUBJECT_DEPS for token in line)


def _has_a_price(line: Span) -> bool:
    return not _has_a_subject(line) and any(token.ent_type_ == PRICE_LABEL for token in line)


def _lines(doc: Doc) -> list[Span]:
    """Split the body at line breaks; a line holds no break and at least one token."""
    lines: list[Span] = []
    start = 0
    tokens = token_lists(doc)
    for i, is_space in enumerate(tokens.is_space):
        if is_space and "\n" in tokens.text[i]:
            if i > start:
                lines.append(doc[start:i])
            start = i + 1
    if start < len(doc):
        lines.append(doc[start:])
    return lines
