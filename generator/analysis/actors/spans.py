"""Where a name begins and ends: an entity span in, the cleaned name span out (no determiner,
title or possessive; particles and hyphenated parts taken in)."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from generator.analysis.actors.name_ends import across_particles, name_end, with_the_place_it_is_of
from generator.analysis.actors.positions import is_position_before_a_name
from generator.analysis.dictionary import is_plural_noun
from generator.analysis.lexicon import (
    CONTINUED_ORGANISATION_NOUNS,
    HEADLINE_VERBS,
    HONORIFICS,
    LEADING_TITLES,
    LEADING_WORDS,
    NAME_PARTICLES,
    NAME_SUFFIXES,
    NOBLE_TITLES,
    ORGANISATION_NAME_ENDS,
    PERSON_TITLES,
    RANK_TITLES,
)
from generator.analysis.place_names import place_names

TRAILING_TITLES = frozenset({"speaker", "rt", "chairman", "chairwoman", "spokesman"})
"""Titles the model runs on after a body's name, besides the ranks written before a name."""
BODY_NAME_CONNECTIVES = frozenset({"of", "for", "and", "&", "on", "in", "at"})
"""Words that join the parts of bodies' names ("Bank of America", "Council on Foreign
Relations", "Church in Wales", "University of Texas at Austin")."""
FIXTURE_MARKS = frozenset({"v", "v.", "vs", "vs.", "versus"})
"""Words between the two sides of a match."""
RESULT_MARKS = frozenset({"d.", "def."})
"""Between a results line's winner and loser ("Oakdale d. Riverton", defeated); in lower case
only, as "D." is an initial."""


def clean_span(ent: Span) -> Span | None:
    """Drop a leading determiner, abbreviated title ("Sgt.") or courtesy title and a trailing
    possessive, punctuation or title; take in the rest of a name the model cut short
    ("Moon Jae" + "-in", "Yoon Suk" + "Yeol")."""
    start, end = ent.start, with_the_place_it_is_of(ent, name_end(ent))
    doc = ent.doc
    # A name never runs on to the next line ("Major League" over a line break), over the "v"
    # of a fixture ("Durham v Yorkshire"), nor into a bracket it does not close ("France (Group
    # H" of a list line "France (Group H): 10th appearance").
    end = next(
        (t.i for t in doc[start:end] if _ends_a_name(t) or _opens_an_unclosed_bracket(t, end)),
        end,
    )
    end = _before_a_phrase_of_its_own(doc, start, end)
    leading = LEADING_WORDS | LEADING_TITLES
    if ent.label_ == "PERSON":
        leading |= HONORIFICS
    while start < end and (
        doc[start].lower_ in leading
        or doc[start].is_punct
        or (ent.label_ == "PERSON" and _is_rank_before_name(doc[start], end))
        or is_position_before_a_name(doc, start, end)
        or (start + 1 < end and _describes_a_noun_after(doc[start], end))
    ):
        start += 1
    end = _without_trailing_description(doc, start, end)
    start = _after_an_owner(doc, start, end)
    start = _after_a_persons_title(doc, start, end)
    if end - 1 > start and _is_trailing_title(doc[end - 1]):
        end -= 1
    while end > start and (
        doc[end - 1].tag_ == "POS"
        or doc[end - 1].is_punct
        or doc[end - 1].lower_ in HONORIFICS
        # A score or a count the model ran into the name: "Seattle 5", "Nasser Hussain 110".
        or (doc[end - 1].is_digit and end - 1 > start)
        or is_connective(doc[end - 1])
    ):
        end -= 1
    if ent.label_ == "PERSON":
        # "Putin Makes First Visit": a headline's verb ends the name before it.
        end = next((t.i for t in doc[start + 1 : end] if t.lower_ in HEADLINE_VERBS), end)
        if end - start == 1:
            start = _with_initials_or_title(doc, start)
    if end - start == 1 and doc[start].lower_ in NAME_SUFFIXES:
        return None  # "a QC, Christopher Greenwood": a suffix alone names no one.
    if end > start and doc[end - 1].text.endswith("'s"):
        return doc[start:end] if doc[end - 1].text != "'s" else doc[start : end - 1]
    return doc[slice(*across_particles(doc, start, end))] if end > start else None


def _describes_a_noun_after(token: Token, end: int) -> bool:
    """An adjective the model ran into a name that describes a noun after the name: "Recent" of
    "Recent Samsung smart TVs" opening a sentence; "Liberal" of "Liberal Democrats" describes a
    word of the name. The caller keeps a name of one such word ("Northern" of "Northern and
    central California counties", whose head a later pass gives it)."""
    # Capitalised: "non" of "non-Hodgkin's lymphoma" is a prefix of the name, not a word.
    return token.is_title and token.pos_ == "ADJ" and token.dep_ == "amod" and token.head.i >= end


def _with_initials_or_title(doc: Doc, start: int) -> int:
    """Where a one-word name the model found really starts: at the initials before it ("J
    Worsley", "B. Satyanarayana"), the title of nobility that names the person with it
    ("Lord Falconer", "Prince Harry") or the given name it left out ("Brock" of "Brock
    Nelson's second goal")."""
    first = start
    while first > 0 and _is_initial(doc[first - 1]):
        first -= 1
    if first == start and start > 0:
        before = doc[start - 1]
        if before.is_title and before.ent_iob_ == "O" and before.whitespace_ == " ":
            is_noble = before.lower_ in NOBLE_TITLES
            if is_noble or (before.tag_ == "NNP" and place_names().is_given_name(before.text)):
                first -= 1
    return first


def _is_initial(token: Token) -> bool:
    """A capital letter alone before a name, its full stop optional ("J Worsley", "G."); a
    bare "A" or "I" is a word."""
    text = token.text
    is_letter = len(text.rstrip(".")) == 1 and text[:1].isupper() and text[:1].isalpha()
    return (
        is_letter
        and (text.endswith(".") or text not in ("A", "I"))
        and token.ent_iob_ == "O"
        and token.whitespace_ == " "
    )


def _before_a_phrase_of_its_own(doc: Doc, start: int, end: int) -> int:
    """Where a name ends before a preposition or conjunction the parser hangs outside it: "the
    switch of Thibaut Courtois to Sevilla" holds two names, the "to" a phrase of "switch".

    A name's own "of", "for" or "and" hangs inside it ("Bank of America", "Society for the
    Protection of Birds", "Customs and Border Protection"), or where the parser hangs it
    outside, joins a body's name all the same ("Manchester High School for Girls");
    the name's particles ("von der") are its own words."""
    for token in doc[start + 1 : end - 1]:
        is_a_names_own = token.lower_ in BODY_NAME_CONNECTIVES
        if is_connective(token) and not is_a_names_own and not start <= token.head.i < end:
            return token.i
    return end


def _without_trailing_description(doc: Doc, start: int, end: int) -> int:
    """Where a name ends before lowercase nouns that describe it ("Interfax news agency",
    "Qeshm island"): only when every word after its last capitalised one is such a noun."""
    last_capital = next(
        (i for i in range(end - 1, start - 1, -1) if doc[i].text[:1].isupper()), None
    )
    if last_capital is None or last_capital == end - 1:
        return end
    tail = doc[last_capital + 1 : end]
    # "the Obama administration" is a body of its own (CONTINUED_ORGANISATION_NOUNS).
    if any(token.lower_ in CONTINUED_ORGANISATION_NOUNS for token in tail):
        return end
    if all(token.is_lower and token.pos_ == "NOUN" for token in tail):
        return last_capital + 1
    return end


def _after_an_owner(doc: Doc, start: int, end: int) -> int:
    """Where a name starts after an owner the model ran into it ("Elon Musk’s SpaceX" is
    SpaceX; the owner is named on his own). A plural common noun before the "'s" is no owner
    but a word of the name ("People's Daily", "the Workers' Party")."""
    owner_end = next((t.i for t in doc[start : end - 1] if t.tag_ == "POS"), None)
    word = doc[start]
    is_plural = word.tag_ in ("NNS", "NNPS") or is_plural_noun(word.text)
    return start if owner_end is None or (owner_end == start + 1 and is_plural) else owner_end + 1


def _after_a_persons_title(doc: Doc, start: int, end: int) -> int:
    """Where a body's name starts after the title of its head the model ran into it: "Founder
    of Ceres Robotics Inc." is Ceres Robotics Inc.; only where a body's word ends the rest
    ("Minister of Defence" stays whole)."""
    is_title_of = (
        end - start > 2
        and doc[start].is_title
        and doc[start].lower_ in PERSON_TITLES
        and doc[start + 1].lower_ == "of"
    )
    if is_title_of and doc[end - 1].lower_ in ORGANISATION_NAME_ENDS:
        return start + 2
    return start


def _is_trailing_title(token: Token) -> bool:
    """A title the model ran on after a body's name ("House of Representatives Speaker"); a
    rank may end a body's name ("Office of the Inspector General")."""
    return token.is_title and token.lower_.rstrip(".") in TRAILING_TITLES


def _opens_an_unclosed_bracket(token: Token, end: int) -> bool:
    """ "(" or "[" (not a quote mark: "Farmers' Union") with no closing bracket before `end`."""
    after = token.doc[token.i + 1 : end]
    is_open = token.is_bracket and token.is_left_punct
    return is_open and not any(t.is_bracket and t.is_right_punct for t in after)


def is_connective(token: Token) -> bool:
    """A lowercase conjunction or preposition the model ran on after a name ("the Sabres and",
    "Thibaut Courtois to"): no name ends on one; a name's own particles ("von der" of "Ursula
    von der", taken on to "Leyen" below) may."""
    return token.is_lower and token.tag_ in ("CC", "IN", "TO") and token.text not in NAME_PARTICLES


def name_text(span: Span) -> str:
    """The name a span writes, without the full stop of the sentence it ends: "Path A" of
    "into Path A." and "Group D" of "to win Group D. The day": the tokenizer keeps the stop
    on a capital letter it reads as an initial, but no name ends on an initial."""
    last = span[-1]
    text = span.text
    is_initial = len(last.text) == 2 and last.text[0].isupper() and last.text.endswith(".")
    if len(span) > 1 and is_initial and _ends_its_sentence(last):
        return text[:-1]
    return text


def _ends_its_sentence(token: Token) -> bool:
    doc = token.doc
    after = doc[token.i + 1] if token.i + 1 < len(doc) else None
    return token.is_sent_end or after is None or (after.is_space and "\n" in after.text)


def _ends_a_name(token: Token) -> bool:
    is_a_mark = token.lower_ in FIXTURE_MARKS or token.text in RESULT_MARKS
    return (token.is_space and "\n" in token.text) or is_a_mark


def _is_rank_before_name(token: Token, end: int) -> bool:
    """'Trooper' in 'Trooper William Hakim': a capitalised rank with a name after it."""
    return token.is_title and token.lower_ in RANK_TITLES and token.i + 1 < end
