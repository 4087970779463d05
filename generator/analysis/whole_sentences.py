"""Tell the article's whole sentences: a parsed sentence in, whether it is one out.

A whole sentence is prose with a subject and a finite verb, a capital start and a full stop, not
cut short and not a clause hanging on the sentence before; a caption a page ran into the next
sentence is a part of its own (`sentence_parts`). The lead, why it matters, the key facts and the
timeline read the article through these parts.
"""

from __future__ import annotations

import bisect
import re
from itertools import pairwise

from spacy.tokens import Doc, Span, Token

from generator.analysis.datelines import after_dateline
from generator.analysis.grammar import FINITE_TAGS, TIME_ENTITY_LABELS
from generator.analysis.grammar import SUBJECT_DEPS_BUT_CLAUSAL_PASSIVE as SUBJECT_DEPS
from generator.analysis.layout import is_prose
from generator.analysis.quote_marks import (
    CLOSING_MARKS,
    SINGLE_MARKS,
    STRAIGHT_MARKS,
    quotations_of,
)
from generator.analysis.run_ons import run_on_starts
from generator.analysis.token_lists import (
    once_a_span,
    sentences_of,
    span_text,
    text_of,
    token_lists,
)

PARAGRAPH_BREAK = "\n\n"
PARTS_KEY = "briefs.sentence_parts"
"""Where `parts_of` keeps a doc's sentence parts, in its user_data."""
SENTENCE_STARTS_KEY = "briefs.sentence_start_chars"
"""Where `is_listing_entry` keeps where each sentence starts, to find a paragraph's first."""
MIN_WORDS = 6
INTERJECTION_TAG = "UH"
"""The tag of "Yes", "Well", "Oh": a sentence opening on one answers the sentence before."""
OPENING_QUOTES = "\"“‘'"
MAX_CAPTION_CHECKED_WORDS = 45
"""Sentences longer than this are checked for captions run together (`runs_captions_together`)."""
DANGLING_POS = frozenset({"CCONJ", "SCONJ", "ADP", "DET", "AUX", "PART"})
SENTENCE_OPENING_POS = frozenset({"DET", "PRON", "ADP", "SCONJ", "CCONJ", "ADV", "AUX", "VERB"})
"""Words that, capitalised after another word, start a sentence run into the one before."""
SENTENCE_END = re.compile(r"[.!?][\"'”’)]*$")
PARAGRAPH_END = re.compile(r"[ \t]*\n[ \t]*\n|\s*$")
"""What follows a paragraph's last sentence: a blank line, or the end of the text."""
PARAGRAPH_START = re.compile(r"\n[ \t]*\n[ \t]*$")
"""What comes before a paragraph's first sentence: a blank line."""
FURNITURE_WORDS = re.compile(r"\b(click here|subscribe|sign up|follow us|read more)\b", re.I)
NOUN_AND_NAME_POS = frozenset({"NOUN", "PROPN"})
PAST_FORM_TAGS = frozenset({"VBD", "VBN"})
"""A verb's past tense and past participle, which the small model confuses ("capped")."""
ADVERBIAL_NOUN_DEP = "npadvmod"
INFINITIVE_MARKER_TAG = "TO"
QUOTATION_STARTS_KEY = "briefs.quotation_starts"
"""Where `shown_end` keeps where the doc's quotations start, in its user_data."""
MAX_RUN_ON_QUOTE_CHARS = 320
"""The longest a sentence may be shown when it opens a quotation that ends in a later sentence:
to the closing mark, or it is not shown at all (a long speech is the Quotes section's)."""
CLOSING_CHARACTERS = "".join(CLOSING_MARKS | STRAIGHT_MARKS | SINGLE_MARKS)
LABEL_ENDING_POS = frozenset({"VERB", "AUX", "DET", "ADP"})
"""A verb before a colon makes what precedes it a clause, and a determiner or a preposition a
phrase ("The final episode of Star Trek: Voyager"), not a label of names and figures."""


def parts_of(doc: Doc) -> tuple[tuple[Span, bool], ...]:
    """Every sentence's parts (`sentence_parts`) in order, found once per doc: the lead, why it
    matters and the key facts each read them all."""
    parts = doc.user_data.get(PARTS_KEY)
    if not isinstance(parts, tuple):
        parts = doc.user_data[PARTS_KEY] = tuple(
            part for sent in sentences_of(doc) for part in sentence_parts(sent)
        )
    return parts


def sentence_parts(sent: Span) -> list[tuple[Span, bool]]:
    """Split a sentence where captions run into it (`clauses.run_on_starts`); each part comes
    with whether it is a caption, which has no full stop of its own. A dateline that opens the
    sentence ("(CNN)", "New Delhi, India (CNN) --") is no part of it."""
    starts = [after_dateline(sent), *run_on_starts(sent), sent.end]
    last = len(starts) - 2
    return [
        (sent.doc[start:end], number < last) for number, (start, end) in enumerate(pairwise(starts))
    ]


@once_a_span
def is_complete_sentence(sent: Span, needs_stop: bool = True) -> bool:
    """A sentence of the article's prose (`layout.is_prose`: no sub-heading or link card) with
    a subject and a finite verb, a capital start and (unless it is a caption, `sentence_parts`)
    a full stop. A paragraph of one sentence needs none (`is_a_paragraph`): a scraped page
    drops the stops of its paragraphs, and a line that is no sentence has no finite verb or is
    set aside as a heading (`layout.is_prose`)."""
    if not is_prose(sent):
        return False
    text = span_text(sent).strip()
    tokens = token_lists(sent.doc)
    words = tokens.words(sent)
    if len(words) < MIN_WORDS or text.endswith("?"):
        return False
    if needs_stop and not SENTENCE_END.search(text) and not is_a_paragraph(sent):
        return False
    if not (text[0].isupper() or text[0] in OPENING_QUOTES) or FURNITURE_WORDS.search(text):
        return False
    if tokens.tag[words[0]] in ("VBZ", "VBD", "VBP"):
        # Its subject is in the caption before it: "[The painting] Shows a man in a top hat".
        return False
    if text[0] in OPENING_QUOTES and text[1:2].islower():
        # A quotation that opens in lower case began in the sentence before it.
        return False
    if tokens.tag[words[0]] == INTERJECTION_TAG:
        # "Yes, ...", "Well, ...": an answer to the sentence before, not a fact on its own.
        return False
    if shown_end(sent) is None:
        return False
    last = sent.doc[words[-1]]
    return _has_predicate(sent) and not _ends_mid_phrase(last) and not _only_subordinate(sent)


def is_a_paragraph(sent: Span) -> bool:
    """Whether a sentence is a paragraph of its own: the text's start or a blank line before
    it, a blank line or the text's end after it (`language.paragraph_breaks` starts a sentence
    after every blank line). The last sentence of a longer paragraph without its stop is more
    often captions run into it ("... fourth Rooney looks in pain ...") than a sentence."""
    text = text_of(sent.doc)
    start = (
        sent.start_char
        + len(text[sent.start_char : sent.end_char])
        - len(text[sent.start_char : sent.end_char].lstrip())
    )
    end = sent.start_char + len(text[sent.start_char : sent.end_char].rstrip())
    before = text[max(start - 4, 0) : start]
    opens = start == 0 or PARAGRAPH_START.search(before) is not None or not text[:start].strip()
    return opens and PARAGRAPH_END.match(text, end) is not None


@once_a_span
def shown_end(sent: Span) -> int | None:
    """Where a sentence shown whole ends, as a character offset: at its own end, or at the
    closing mark of a quotation it opens and the parser's sentence leaves open ('Her coach said:
    "Ana served well.' goes on to '... I am proud of her."'). None when it cannot be shown
    whole: it starts inside a quotation opened before it, or it opens one that runs past it
    and is left open (news style reopens it in the next paragraph), ends mid-sentence, or runs
    longer than `MAX_RUN_ON_QUOTE_CHARS`."""
    text = text_of(sent.doc)
    start = (
        sent.start_char
        + len(text[sent.start_char : sent.end_char])
        - len(text[sent.start_char : sent.end_char].lstrip())
    )
    end = len(text[: sent.end_char].rstrip())
    quotations = quotations_of(sent.doc)
    starts = sent.doc.user_data.get(QUOTATION_STARTS_KEY)
    if not isinstance(starts, list):
        starts = sent.doc.user_data[QUOTATION_STARTS_KEY] = [q.start for q in quotations]
    # Quotations do not overlap: only the one open at the start and those opening inside count.
    first = max(bisect.bisect_left(starts, start) - 1, 0)
    for quotation in quotations[first:]:
        if quotation.start >= end:
            break
        if quotation.inner_end <= start:
            continue  # a closing mark the parser put at the sentence's start
        if quotation.inner_start >= end:
            return len(text[: quotation.start].rstrip())  # an opening mark left at its end
        if quotation.start < start:
            return None  # it opens inside someone's words
        closes = text[quotation.end - 1] in CLOSING_CHARACTERS
        if quotation.end <= end:
            if closes:
                continue
            return None  # left open: news style reopens it in the next paragraph
        ends_a_sentence = text[: quotation.inner_end].rstrip()[-1:] in ".!?"
        if not (closes and ends_a_sentence) or quotation.end - start > MAX_RUN_ON_QUOTE_CHARS:
            return None
        return quotation.end
    return end


def runs_captions_together(sent: Span) -> bool:
    """Whether a long sentence is captions a page ran together: a word
    that starts sentences or a caption's label, capitalised after another word ("... the top
    corner The 32-year-old ...", "... on Wednesday Cuffed: Pero Antic ..."), or a name after
    a lower-case noun that starts a clause's subject ("... the river derby Northbury
    keeper Ian Cole was ...").

    Only long sentences are asked: in a short one "the goal Defoe scored" is a clause inside a
    sentence, and a capitalised "In" may be part of a title.
    """
    if len(span_text(sent).split()) <= MAX_CAPTION_CHECKED_WORDS:
        return False
    return any(
        _starts_a_sentence_inside(before, token) or _starts_a_subject_inside(before, token)
        for before, token in pairwise(sent)
    )


def _starts_a_sentence_inside(before: Token, token: Token) -> bool:
    """A capitalised word that opens sentences ("The", "He", "In"), or a caption's label
    ("Cuffed:"), right after a word."""
    if not (token.is_title and (before.is_alpha or before.is_digit)):
        return False
    is_label = token.i + 1 < len(token.doc) and token.nbor().text == ":"
    opens = token.pos_ in SENTENCE_OPENING_POS and not token.ent_type_ and token.lower_ != "i"
    return is_label or opens


def _starts_a_subject_inside(before: Token, token: Token) -> bool:
    if not (token.is_title and token.pos_ == "PROPN" and before.is_lower):
        return False
    if before.pos_ not in ("NOUN", "ADJ", "NUM", "ADV"):
        return False
    head = token
    while head.dep_ in ("compound", "poss", "amod") and head.head.i > head.i:
        head = head.head
    verb = head.head
    return head.dep_ in SUBJECT_DEPS and verb.i > head.i and verb.dep_ != "relcl"


def _has_predicate(sent: Span) -> bool:
    """A subject with a finite verb; or a verb heading the sentence with its subject (the small
    model tags some past tenses as participles: "The port reopened" as VBN)."""
    tokens = token_lists(sent.doc)
    has_finite_verb = not FINITE_TAGS.isdisjoint(tokens.tag[sent.start : sent.end])
    has_subject = not SUBJECT_DEPS.isdisjoint(tokens.dep[sent.start : sent.end])
    root = sent.root
    # An infinitive has no tense to predicate with: "Follow @Desk on Twitter to keep up ..."
    # parsed as "[Follow @Desk] to keep up" is a call to the reader, no subject's act.
    verb_with_subject = (
        root.pos_ in ("VERB", "AUX")
        and any(child.dep_ in SUBJECT_DEPS for child in root.children)
        and not any(child.tag_ == INFINITIVE_MARKER_TAG for child in root.children)
    )
    return (
        (has_finite_verb and has_subject)
        or verb_with_subject
        or predicate_read_as_modifier(root)
        or _subject_read_as_modifier(root)
    )


def _subject_read_as_modifier(root: Token) -> bool:
    """Whether the parser made a sentence's subject a bare noun phrase hanging on its verb:
    "Senator for the north, Ann Lee, on Monday tabled a motion." gives "Senator" as an
    adverbial noun and the verb no subject. A finite main verb with no subject whose first
    word opens a noun phrase that is no time ("Last week ...") has its subject there."""
    if root.tag_ not in FINITE_TAGS or any(c.dep_ in SUBJECT_DEPS for c in root.children):
        return False
    opening = next((c for c in root.lefts if not c.is_punct), None)
    return (
        opening is not None
        and opening.dep_ == ADVERBIAL_NOUN_DEP
        and opening.pos_ in NOUN_AND_NAME_POS
        and opening.left_edge.i == root.sent.start
        and opening.ent_type_ not in TIME_ENTITY_LABELS
    )


def predicate_read_as_modifier(root: Token) -> bool:
    """Whether the parser made a sentence's subject its root and its verb a participle that
    describes it: "Dana Kerr's late penalty in the final sealed an unlikely win." A past
    form with a direct object of its own is the predicate, since a participle that describes
    a noun is passive and takes none ("goods touted by Trump in October")."""
    return root.pos_ in NOUN_AND_NAME_POS and any(
        child.dep_ == "acl"
        and child.tag_ in PAST_FORM_TAGS
        and any(grandchild.dep_ == "dobj" for grandchild in child.children)
        for child in root.children
    )


def _only_subordinate(sent: Span) -> bool:
    """A clause that hangs on a sentence before it: "But that her party wants chaos."

    Only "that" and "whether" are taken: "Because Russia is a member, its vote was enough"
    opens with a subordinate clause too, and the small model often parses it as the root.
    """
    tokens = token_lists(sent.doc)
    words = tokens.words(sent)
    opening = words[1:2] if words and tokens.dep[words[0]] == "cc" else words[:1]
    return any(
        tokens.lower[i] in ("that", "whether") and tokens.head[i] == sent.root.i for i in opening
    )


def _ends_mid_phrase(last: Token) -> bool:
    """A sentence cut short ends on a word (its last, `last`) that needs more after it ("...
    and !"), or a list's lead-in does, on a preposition without its object ("... seven classic
    rock tracks, including") or on a colon."""
    if last.i + 1 < len(last.doc) and last.nbor().text == ":":
        return True
    is_bare_preposition = last.dep_ == "prep" and all(c.is_space for c in last.children)
    return last.pos_ in DANGLING_POS or last.lower_ in ("the", "a", "an") or is_bare_preposition


@once_a_span
def is_listing_entry(sent: Span) -> bool:
    """Whether a sentence belongs to an entry of a listing: it opens on a label with a figure,
    or the paragraph it sits in does ("Hawks 4, Owls 2: Reed scored twice ... Ames made 30
    saves as the Hawks won."). The entry is one item of a roundup of other games or events,
    not the story's fact."""
    if _opens_on_a_label(sent):
        return True
    opening = _paragraph_opening(sent)
    return opening is not None and _opens_on_a_label(opening)


def _paragraph_opening(sent: Span) -> Span | None:
    """The first sentence of the paragraph a sentence sits in, when that is another one and a
    paragraph break sets it apart."""
    doc = sent.doc
    # The break's blank lines end the sentence before it: the paragraph starts after them.
    paragraph_break = text_of(doc).rfind(PARAGRAPH_BREAK, 0, sent.start_char)
    if paragraph_break < 0:
        # A text without breaks before the sentence tells no paragraph of it.
        return None
    paragraph_start = paragraph_break + len(PARAGRAPH_BREAK)
    sentences = sentences_of(doc)
    starts = doc.user_data.get(SENTENCE_STARTS_KEY)
    if not isinstance(starts, list):
        starts = doc.user_data[SENTENCE_STARTS_KEY] = [s.start_char for s in sentences]
    opening = sentences[bisect.bisect_left(starts, paragraph_start)]
    return None if opening.start >= sent.start else opening


def _opens_on_a_label(sent: Span) -> bool:
    """Whether a sentence opens on a label with a figure: a result or a record before a colon
    ("Hawks 4, Owls 2: Reed scored twice ...", "Summary: 4-2A: ...", "Eastfield (NR): ...").
    A title's colon ("Dune Saga: The Return opened ...", "The 98th episode of Star Trek: ...")
    labels nothing with a figure, and a colon after a verb ends a clause ("The catch was
    speed: ...")."""
    label: list[Token] = []
    for token in sent:
        if token.pos_ in LABEL_ENDING_POS:
            return False
        # The tokenizer keeps a bracket's close with its colon: "(2-0-1):".
        if token.is_punct and token.text.endswith(":") and not _in_brackets(token, sent):
            # A bracketed record ends the label: "(3-0):", or "(NR):" for a side not ranked.
            has_record = token.text.startswith(")")
            if has_record or any(w.like_num or any(c.isdigit() for c in w.text) for w in label):
                return True
            label = []
            continue
        label.append(token)
    return False


def _in_brackets(token: Token, sent: Span) -> bool:
    """Whether a token sits inside brackets opened earlier in its sentence ("(ticker: HD)")."""
    before = sent.doc[sent.start : token.i].text + token.text
    return before.count("(") > before.count(")")
