"""Say what happened on a date: the token a date entity hangs from in, the event's words out.

The event is the clause that holds the date, in the article's words, or its sentence when the
clause is too thin to stand alone. A date that belongs to a noun dates that noun's clause, not
the sentence: inside a relative clause it dates what that clause says of its noun ("a cup
where it reached the final in 2018": "It reached the final in 2018"); as a noun's
possessive ("next year's tournament") or inside a participle describing a noun ("goods touted by
Trump in October") it dates no clause of the article, and the sentence's main event happened at
another time.
A subject "it", "he" or "they" is named in brackets, or the event gives way (`event_subjects`).
"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from generator.analysis.clauses import (
    CLAUSE_POS,
    NOUN_POS,
    RELATIVE_ADVERB_TAGS,
    clause_of,
    clause_text,
    clause_tokens,
    has_subject,
    inherited_subject,
    timed_verb,
)
from generator.analysis.datelines import after_dateline
from generator.analysis.dates import Reference, normalise_date
from generator.analysis.entity_index import entities_in, entity_at
from generator.analysis.event_cuts import cuts_reported_content
from generator.analysis.grammar import (
    FINITE_TAGS,
    NOUN_CLAUSE_DEPS,
    PRESENT_TAGS,
    TIME_ENTITY_LABELS,
)
from generator.analysis.grammar import NOMINAL_SUBJECT_DEPS as SUBJECT_DEPS
from generator.analysis.layout import text_of
from generator.analysis.lost_subjects import cuts_the_subjects_phrase
from generator.analysis.nominal_dates import (
    dates_an_example,
    dates_only_its_noun,
    is_time_beside,
    without_dated_nouns,
)
from generator.analysis.quote_marks import Quotation
from generator.analysis.run_ons import run_on_starts
from generator.analysis.subordinate_events import (
    fronted_from_subordinate,
    is_a_condition_clause,
    leans_back,
    starts_the_state,
)
from generator.analysis.whole_sentences import runs_captions_together

DATE_LABELS = TIME_ENTITY_LABELS
QUOTATION_PART_WORDS = 40
"""Most words of a quotation's part outside the event's sentence that the event takes in."""
QUOTE_MARK_NOT_INCH = re.compile(r'(?<!\d)"')
LINKING_TAGS = frozenset({"WDT", "WP", "WP$"})
"""Relative words ("which", "who", "whose"): a clause opening with one mid-sentence hangs on
the words before it."""
LINKING_WORDS = frozenset({"that"})
""""that" opens a relative or reported clause mid-sentence, whatever tag the parser gives it
("the lander that the company unveiled in May", "given that growth was set to fall")."""
PARTICIPLE_TAGS = frozenset({"VBN"})
"""A past participle describing a noun, an event done to it before: "goods touted by Trump".
A present one ("gunmen wearing uniforms", "the witness testifying Tuesday") tells what the noun
was doing in the sentence's own event, and the parser hangs the sentence's dates on it."""
NOUN_MODIFIER_DEPS = frozenset({"poss", "compound", "nmod", "amod", "nummod"})
"""A date that modifies a noun ("next year's tournament", "the 2016 election"): it dates the
noun. Not a time phrase after it ("shutting off power Wednesday", "Kim's trip last
September"): the parser hangs the verb's time on the noun before it too often to tell."""
"""A present-tense verb: what its subject does now, whenever the subject's date was."""
PLACING_PREPOSITIONS = frozenset({"in", "at", "during", "on", "amid"})
"""Prepositions that set a clause inside what their object names ("In a statement released on
Friday, police said", "will play in next year's tournament"): the object's date is the clause's."""
RELATIVE_SUBJECTS = frozenset({"who", "which", "that"})
"""Relative pronouns that stand for the noun as the relative clause's subject."""
LOST_CLAUSE_DEPS = frozenset({"advcl", "conj", "parataxis"})
"""How a tensed verb the clause drops hangs on it (`_cuts_a_lost_subject`)."""
CLOSING_QUOTE_TAG = "''"
"""The Penn tag of a closing quotation mark."""
APOSTROPHES = frozenset({"'", "’"})
SENTENCE_STOPS = (".", "!", "?")
CLOSING_PUNCTUATION = "\"'”’)"


def with_whole_quotations(
    event: str, sentence: Span, quotations: tuple[Quotation, ...]
) -> str | None:
    """The event with the quotation its sentence was cut inside made whole, or None.

    The sentence splitter ends a sentence at a full stop inside a quotation: one part opens
    after an opening mark it does not show ('Wider than just the small accord" came in
    March, said ...'), the other ends before the closing one ('said that the union "will have
    to accept terms that we set.'). The event takes in the quotation's part beyond its
    sentence, in the article's words, when the event reaches that edge of the sentence and the
    part is short; an event whose double marks still do not pair gives way.
    """
    text = text_of(sentence.doc)
    words = " ".join(sentence.text.split()).split(" ")
    event_words = event.split(" ")
    for quotation in quotations:
        if quotation.start < sentence.start_char < quotation.end and _same_word(
            event_words[0], words[0]
        ):
            before = text[quotation.start : sentence.start_char]
            if _runs_captions_together(sentence, quotation.start, sentence.end_char):
                return None
            if len(before.split()) <= QUOTATION_PART_WORDS:
                event = " ".join(before.split()) + " " + words[0] + event[len(event_words[0]) :]
        end = sentence[-1].idx + len(sentence[-1])
        if quotation.start < end < quotation.end and _same_word(event_words[-1], words[-1]):
            after = text[end : quotation.end]
            if _runs_captions_together(sentence, sentence.start_char, quotation.end):
                return None
            if len(after.split()) <= QUOTATION_PART_WORDS:
                event = event.rstrip(".") + ("." if words[-1].endswith(".") else "")
                event = event + (" " if after[:1].isspace() else "") + " ".join(after.split())
    return event if _pairs_double_marks(event) else None


def _runs_captions_together(sentence: Span, start_char: int, end_char: int) -> bool:
    """Whether the sentence with the quotation it was cut inside runs a page's captions
    together (a caption set inside a quoted paragraph)."""
    span = sentence.doc.char_span(start_char, end_char, alignment_mode="expand")
    return span is not None and runs_captions_together(span)


def _same_word(event_word: str, sentence_word: str) -> bool:
    """Whether an event's edge word is the sentence's, though the event capitalised it or put
    a full stop after it."""
    return event_word.rstrip(".").lower() == sentence_word.rstrip(".").lower()


def _pairs_double_marks(event: str) -> bool:
    """Whether the event's double quotation marks pair up; a straight mark after a digit is
    an inch sign ('a 70" TV'), no quotation mark."""
    straight = len(QUOTE_MARK_NOT_INCH.findall(event))
    return straight % 2 == 0 and event.count("“") == event.count("”")


def event_text(anchor: Token) -> str | None:
    """Return the clause that holds the date, or its sentence when the clause is too thin; None
    when the words it would show are a page's captions run together."""
    noun = _noun_dated(anchor)
    if (noun is not None and not _dates_its_clause(noun, anchor)) or dates_an_example(anchor):
        return None
    if _hangs_on_relative_word(anchor):
        return None
    verb = _first_verb(anchor)
    if verb is not None and _is_relative_clause(verb):
        return _relative_clause_of(verb)
    head = fronted_from_subordinate(anchor, clause_of(timed_verb(anchor) or anchor))
    if head.pos_ in NOUN_POS and head.i != anchor.i:
        # A date of a phrase on a noun ("that seen in September", "trips Putin has made since
        # 2022") in a clause dated otherwise: a noun phrase is no event, and the clause happened
        # at its own date. A noun whose date dates its clause ("In a statement released on
        # Friday, police said ...") keeps the clause.
        outer = clause_of(head)
        if (
            noun is None
            and _is_clause(outer)
            and _dated_elsewhere(clause_tokens(outer), head, anchor)
        ):
            return None
        return _sentence_text(_sentence_of(anchor))
    if not _is_clause(head):
        return _sentence_text(_sentence_of(anchor))
    if _date_read_as_subject(head):
        # The date itself belongs to a preposition of a clause the parse lost ("since 2016"):
        # it dates nothing told; the clause's other dates date the sentence.
        is_the_subject = anchor.head.i == head.i and anchor.dep_ in SUBJECT_DEPS
        return None if is_the_subject else _sentence_text(_sentence_of(anchor))
    # A reported claim keeps its speaker: "Kirby said the US would respond on Friday".
    while head.dep_ == "ccomp" and _is_clause(clause_of(head.head)):
        head = clause_of(head.head)
    tokens = clause_tokens(head)
    if dates_only_its_noun(anchor, head, tokens):
        return None
    tokens = without_dated_nouns(anchor, head, tokens)
    if any(t.i == anchor.i for t in tokens) and (not leans_back(head) or starts_the_state(head)):
        part = _sentence_of(anchor)
        # The parser took in a caption run into the sentence, or the clause hangs on the words
        # before it ("that the company unveiled in May"): the sentence's part is the event.
        if (
            tokens[0].i < part.start
            or tokens[-1].i >= part.end
            or _opens_linked(tokens[0], part)
            or _cuts_a_lost_subject(head, tokens)
            or cuts_reported_content(head, tokens)
            or cuts_the_subjects_phrase(head, tokens[0])
            or not _is_tensed(head)
            or is_a_condition_clause(head)
        ):
            return _sentence_text(part)
        if runs_captions_together(anchor.doc[tokens[0].i : tokens[-1].i + 1]):
            return None
        text = clause_text(head, tokens)
        # The parser hung a bracket's words on another clause ("one is a console exclusive
        # (Glint), and ..."): the clause would end inside the brackets; its part does not.
        return _with_stop(text) if _pairs_brackets(text) else _sentence_text(part)
    if not any(t.i == anchor.i for t in tokens) and _has_a_date_of_its_own(head, tokens):
        # The date is in a phrase set off from a clause with a date of its own ("took effect
        # in July, ..., followed by more tariffs in August"): the sentence is that date's
        # entry, and the phrase cannot stand alone without a subject.
        return None
    return _sentence_text(_sentence_of(anchor))


def _is_tensed(verb: Token) -> bool:
    """Whether the clause has a tense, its own or that of the verbs it is joined to ("will
    travel ... and meet"); not "to establish" that the parser joined to a noun, whose words
    would read "Artemis to establish ..."."""
    while not _is_finite(verb):
        if verb.dep_ != "conj" or verb.head.pos_ not in CLAUSE_POS:
            return False
        verb = verb.head
    return True


def _cuts_a_lost_subject(head: Token, tokens: tuple[Token, ...]) -> bool:
    """Whether the clause's cut goes through a tensed verb whose subject the parser lost, so
    its words would be no whole clause: it leaves out such a verb of its own ("After X quit
    the firm in May, Northwind, its biggest backer, pledged ...": "Northwind" joined to
    "May", "pledged" made a clause of "quit", and the cut keeps the subordinate clause
    alone), or keeps one joined to a word that is no verb ("Since 1989,
    ..., and witnessed the beginning of ..., Beijing has ...": "witnessed" joined to
    "Since")."""
    kept = {t.i for t in tokens}
    dropped = (c for c in head.children if c.i not in kept and c.dep_ in LOST_CLAUSE_DEPS)
    joined_to_no_verb = (
        t for t in tokens if t.dep_ == "conj" and t.head.pos_ not in CLAUSE_POS and t.i != head.i
    )
    return any(
        verb.tag_ in FINITE_TAGS and not has_subject(verb) and inherited_subject(verb) is None
        for verb in (*dropped, *joined_to_no_verb)
    )


def _date_read_as_subject(verb: Token) -> bool:
    """Whether the parser made a preposition's date the subject of a clause it opens: "held
    ... since 2016 were released Tuesday" read as "since [2016 were released Tuesday]". The
    clause's words would open on the date ("2016 were released ..."): the sentence is told."""
    return any(
        child.dep_ in SUBJECT_DEPS
        and child.ent_type_ in DATE_LABELS
        and child.left_edge.i > 0
        and child.doc[child.left_edge.i - 1].dep_ == "mark"
        and child.doc[child.left_edge.i - 1].head.i == verb.i
        for child in verb.children
    )


def _hangs_on_relative_word(anchor: Token) -> bool:
    """Whether the date hangs on a relative word below any verb: the parser broke the relative
    clause it is in ("Kate Henshaw, who in 2008, won the award, has taken to ...": "in 2008"
    on "who", "won" made the sentence's verb), so no clause of the parse is the event's and
    its words would be a fragment."""
    for token in anchor.ancestors:
        if token.pos_ in CLAUSE_POS:
            return False
        if token.tag_ in LINKING_TAGS:
            return True
    return False


def _opens_linked(first: Token, part: Span) -> bool:
    """Whether a clause's first word ties it to the words before it in its sentence: a relative
    word or "that" anywhere but at the sentence's start ("That relationship began ...")."""
    is_link = first.tag_ in LINKING_TAGS or first.lower_ in LINKING_WORDS
    return is_link and first.i != part.start


def _is_relative_clause(verb: Token) -> bool:
    """Whether the verb heads a finite relative clause on a noun, opened by a relative word or
    right after the noun ("the trips Putin has made"); not a quotation's "..., Maley said"
    or a "goal ... to lift the Islanders" that the parser took for one."""
    if verb.dep_ not in NOUN_CLAUSE_DEPS or verb.head.pos_ not in ("NOUN", "PROPN"):
        return False
    if not _is_finite(verb):
        return False
    if any(t.tag_ == CLOSING_QUOTE_TAG for t in verb.doc[verb.head.i : verb.i]):
        return False  # '"This is a stock that ...," Maley said': an attribution, no relative
    opener = verb.doc[verb.left_edge.i]
    is_linked = opener.tag_ in LINKING_TAGS | RELATIVE_ADVERB_TAGS or opener.lower_ == "that"
    if verb.dep_ != "relcl":
        # A finite "acl" is a relative clause only when a relative word opens it as one of
        # the verb's own words; "that" as a mark opens a cleft's clause ("It is for that
        # reason that NASA on Monday enlisted ..."), which states the sentence's event.
        return is_linked and opener.head.i == verb.i and opener.dep_ != "mark"
    before = verb.doc[verb.left_edge.i - 1] if verb.left_edge.i > 0 else None
    return is_linked or (before is not None and not before.is_punct)


def _is_finite(verb: Token) -> bool:
    return verb.tag_ in FINITE_TAGS or any(
        child.dep_ in ("aux", "auxpass") and child.tag_ in FINITE_TAGS for child in verb.children
    )


def _first_verb(anchor: Token) -> Token | None:
    """The verb nearest above the date: the one whose clause holds it."""
    return next((t for t in (anchor, *anchor.ancestors) if t.pos_ in CLAUSE_POS), None)


def _noun_dated(anchor: Token) -> Token | None:
    """The noun a date belongs to rather than a clause: the noun it is the possessive or modifier
    of ("next year's tournament", "Putin's early Wednesday morning arrival"), or the noun a
    participle that holds it describes ("goods touted by Trump in October"); None when the
    date sits in a clause of its own."""
    if anchor.dep_ in NOUN_MODIFIER_DEPS and anchor.head.pos_ in NOUN_POS:
        return anchor.head
    verb = _first_verb(anchor)
    if verb is None or verb.dep_ != "acl" or verb.tag_ not in PARTICIPLE_TAGS:
        return None
    noun = verb.head
    # A noun sentence root with an "acl" verb is a misparsed main clause ("Yuri Ushakov,
    # Putin's aide, mentioned ..."): the verb is the predicate and its date the sentence's.
    if noun.pos_ not in ("NOUN", "PROPN") or noun.dep_ == "ROOT" or has_subject(verb):
        return None
    return noun


def _dates_its_clause(noun: Token, anchor: Token) -> bool:
    """Whether a noun's date dates the clause the noun is in too: the clause happens inside what
    the noun names ("In a statement released on Friday, police said ..."), or the noun acts in a
    past or future clause ("Sunday's attack killed 20 people"); not a present clause ("the
    sanctions adopted in 2006 remain") nor an object ("sealed Peru's place at next year's
    final"), nor a clause dated otherwise ("The ban imposed in 1986 was suspended in
    April")."""
    while noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.pos_ in NOUN_POS:
        # A noun's "of" phrase is part of it: "In the dying minutes of last month's match".
        noun = noun.head.head
    verb = noun.head.head if noun.dep_ == "pobj" else noun.head
    if verb.pos_ not in CLAUSE_POS or _dated_elsewhere(clause_tokens(verb), noun, anchor):
        return False
    if noun.dep_ == "pobj":  # not "in the wake of next Friday's strike" (`is_time_beside`)
        return noun.head.lower_ in PLACING_PREPOSITIONS and not is_time_beside(noun)
    return noun.dep_ in SUBJECT_DEPS and verb.tag_ not in PRESENT_TAGS


def _relative_clause_of(verb: Token) -> str | None:
    """The event of a date inside a relative clause on a noun, said of that noun or by the
    clause's own subject; None when the clause is gapped ("the lander that the company unveiled
    in May" says what was unveiled only through the words before it).

    "He met President To Lam, who took office in May 2024, ..." dates "President To Lam took
    office in May 2024", not the meeting; "a cup where it reached the final in 2018"
    dates "It reached the final in 2018", its "it" named by the caller or the event gone.
    """
    pronoun = next(
        (c for c in verb.children if c.dep_ in SUBJECT_DEPS and c.lower_ in RELATIVE_SUBJECTS),
        None,
    )
    if pronoun is None:
        is_complete = has_subject(verb) and any(
            child.tag_ in RELATIVE_ADVERB_TAGS for child in verb.children
        )
        return _with_stop(clause_text(verb)) if is_complete else None
    noun = verb.head
    words = [t for t in clause_tokens(verb) if t.i != pronoun.i]
    if not words or _is_ambiguous_head(noun, pronoun) or _disagrees(noun, verb):
        return None
    if noun.pos_ == "PROPN":
        entity = entity_at(noun)
        first = min(
            noun.left_edge.i + (noun.left_edge.dep_ == "det"), entity.start if entity else noun.i
        )
        start = _written_start(noun, first)
    else:
        start = noun.left_edge.i
    if start > noun.i or not _pairs_brackets(noun.doc[start : noun.i + 1].text):
        # The parser's phrase opens inside brackets: "3,800 metre) high volcano".
        return None
    clause = noun.doc[words[0].i : words[-1].i + 1].text
    phrase = noun.doc[start : noun.i + 1].text
    # A contracted verb joins its noun as written: "weather that’s lasted" -> "weather’s lasted".
    space = "" if clause[:1] in APOSTROPHES else " "
    return f"{phrase[:1].upper()}{phrase[1:]}{space}{clause}".rstrip(" ,;") + "."


def _pairs_brackets(text: str) -> bool:
    return text.count("(") == text.count(")")


def _is_ambiguous_head(noun: Token, pronoun: Token) -> bool:
    """Whether a phrase on the noun stands between it and its relative pronoun, so the clause
    may be said of that phrase's noun instead: "the dismissal of Marlowe – who had himself
    dismissed Okafor" is said of Marlowe, whatever the parser hung it on."""
    return any(child.dep_ == "prep" and noun.i < child.i < pronoun.i for child in noun.children)


def _disagrees(noun: Token, verb: Token) -> bool:
    """Whether the relative clause's verb disagrees in number with the noun the parser gave it
    ("a stretch of Elm and Birch valleys that was flooded"): the clause is said of
    another noun."""
    finite = [verb, *(c for c in verb.children if c.dep_ in ("aux", "auxpass"))]
    verb_numbers = {n for t in finite if t.tag_ in FINITE_TAGS for n in t.morph.get("Number", [])}
    noun_numbers = set(noun.morph.get("Number", []))
    return bool(verb_numbers and noun_numbers) and verb_numbers.isdisjoint(noun_numbers)


def _written_start(name: Token, start: int) -> int:
    """Where a name starts as the article writes it: the capitalised words right before the
    parser's name are part of it ("President To Lam", whose "To" the model takes for a
    preposition); a sentence's first word only when it is a name itself."""
    first = name.sent.start
    while start > first:
        before = name.doc[start - 1]
        if not (before.is_alpha and before.is_title) or (
            before.i == first and before.pos_ != "PROPN"
        ):
            break
        start -= 1
    return start


def _dated_elsewhere(tokens: tuple[Token, ...], phrase: Token, anchor: Token) -> bool:
    """Whether the tokens hold a calendar date outside the phrase and outside the anchor's own
    list of dates ("in 1961, 2000 and 2001"); a span of time ("in less than a week") is none."""
    inside = range(phrase.left_edge.i, phrase.right_edge.i + 1)
    kept = {t.i for t in tokens}
    return any(
        entity.label_ in DATE_LABELS
        and entity.start in kept
        and entity.start not in inside
        and not listed_with(anchor, entity[0])
        and normalise_date(entity.text, Reference(None, is_future=False))
        for entity in entities_in(anchor.sent)
    )


def _has_a_date_of_its_own(head: Token, tokens: tuple[Token, ...]) -> bool:
    """Whether the clause's kept words hold a calendar date that times its verb, not a noun
    ("the donors of the 2012 election" dates the election)."""
    kept = {t.i for t in tokens}
    return any(
        entity.label_ in DATE_LABELS
        and entity.start in kept
        and entity.root.dep_ not in NOUN_MODIFIER_DEPS
        and timed_verb(entity.root) == head
        and normalise_date(entity.text, Reference(None, is_future=False))
        for entity in entities_in(head.sent)
    )


def listed_with(anchor: Token, other: Token) -> bool:
    """Whether only dates, commas and 'and' or 'or' stand between the two tokens."""
    low, high = sorted((anchor.i, other.i))
    between = anchor.doc[low + 1 : high]
    return all(t.ent_type_ in DATE_LABELS or t.lower_ in (",", "and", "or") for t in between)


def _is_clause(head: Token) -> bool:
    if head.pos_ not in CLAUSE_POS:
        return False
    return has_subject(head) or inherited_subject(head) is not None


def _sentence_of(anchor: Token) -> Span:
    """The anchor's sentence after its dateline ("NEW DELHI: ..."), or its part of one that
    captions ran into (`run_on_starts`) when that part is a clause ("At around 3.30pm on March
    17" is none)."""
    sentence = anchor.sent
    opening = after_dateline(sentence)
    if opening > anchor.i:  # the date is the dateline's own ("LONDON 1996-08-30")
        opening = sentence.start
    starts = [opening, *run_on_starts(sentence), sentence.end]
    start = max(start for start in starts[:-1] if start <= anchor.i)
    end = min(end for end in starts[1:] if end > anchor.i)
    part = anchor.doc[start:end]
    return part if any(_is_clause(token) for token in part) else anchor.doc[opening : sentence.end]


def _sentence_text(sentence: Span) -> str | None:
    if runs_captions_together(sentence):
        return None
    return _with_stop(" ".join(sentence.text.split()))


def _with_stop(text: str) -> str:
    """The text ending as a sentence ends: a full stop added unless one is there already,
    inside closing marks or as an abbreviation's ("near Boulder, Colo.", "from £1.2m.")."""
    return text if text.rstrip(CLOSING_PUNCTUATION).endswith(SENTENCE_STOPS) else text + "."
