"""Where a name begins and ends: an entity span in, the cleaned name span out (no determiner,
title or possessive; particles and hyphenated parts taken in)."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from generator.analysis.abbreviated_titles import LEADING_TITLES
from generator.analysis.actors.name_ends import (
    across_particles,
    name_end,
    with_both_places_it_is_of,
    with_the_place_it_is_of,
)
from generator.analysis.actors.positions import is_position_before_a_name
from generator.analysis.dates import DAY_WORD_OFFSETS, WEEKDAYS
from generator.analysis.dictionary import is_dictionary_word, is_plural_noun
from generator.analysis.lexicon import (
    CONTINUED_ORGANISATION_NOUNS,
    HEADLINE_VERBS,
    HONORIFICS,
    LEADING_WORDS,
    MONTHS,
    NAME_PARTICLES,
    NOBLE_TITLES,
    ORGANISATION_NAME_ENDS,
    PERSON_TITLES,
    RANK_TITLES,
)
from generator.analysis.place_names import place_names
from generator.analysis.post_nominals import NAME_SUFFIXES, is_post_nominal
from generator.analysis.roles import is_a_title_no_one_bears
from generator.analysis.token_lists import TokenLists, token_lists

TRAILING_TITLES = frozenset({"speaker", "rt", "chairman", "chairwoman", "spokesman"})
"""Titles the model runs on after a body's name, besides the ranks written before a name."""
BODY_NAME_CONNECTIVES = frozenset({"of", "for", "and", "&", "on", "in", "at"})
"""Words that join the parts of bodies' names ("Bank of America", "Council on Foreign
Relations", "Church in Wales", "University of Texas at Austin")."""
FIXTURE_MARKS = frozenset({"v", "v.", "vs", "vs.", "versus"})
"""Words between the two sides of a match."""
LEADING = LEADING_WORDS | LEADING_TITLES
"""Words a name never opens on: determiners and abbreviated titles ("the", "Sgt.")."""
LEADING_BEFORE_A_PERSON = LEADING | HONORIFICS
"""Those and courtesy titles, before a person's name ("Mr", "Dr")."""
RESULT_MARKS = frozenset({"d.", "def."})
"""Between a results line's winner and loser ("Oakdale d. Riverton", defeated); in lower case
only, as "D." is an initial."""


def clean_span(ent: Span) -> Span | None:
    """Drop a leading determiner, abbreviated title ("Sgt.") or courtesy title and a trailing
    possessive, punctuation or title; take in the rest of a name the model cut short
    ("Moon Jae" + "-in", "Yoon Suk" + "Yeol")."""
    start, end = ent.start, with_the_place_it_is_of(ent, name_end(ent))
    end = with_both_places_it_is_of(ent, end)
    doc = ent.doc
    # The doc's token lists, not a `Token` a word: every entity of every doc is cleaned.
    tokens = token_lists(doc)
    lower = tokens.lower
    is_person = ent.label_ == "PERSON"
    end = _first_break(tokens, start, end)
    end = _before_a_phrase_of_its_own(tokens, start, end)
    leading = LEADING_BEFORE_A_PERSON if is_person else LEADING
    while start < end and (
        lower[start] in leading
        or tokens.is_punct[start]
        or (is_person and _is_rank_before_name(tokens, start, end))
        # "MEP Nigel Farage": the letters as a title before the name, no part of it.
        or (is_person and end - start > 1 and is_post_nominal(tokens.text[start]))
        or (is_person and _is_a_date_before_a_name(tokens, start, end))
        or is_position_before_a_name(doc, start, end)
        or (start + 1 < end and _describes_a_noun_after(tokens, start, end))
    ):
        start += 1
    end = _without_trailing_description(tokens, start, end)
    if _ends_on_a_date(tokens, start, end):
        end -= 2  # "Commons on Thursday": when the name acted, no word of it
    start = _after_an_owner(tokens, start, end)
    start = _after_a_persons_title(tokens, start, end)
    if end - 1 > start and _is_trailing_title(tokens, end - 1):
        end -= 1
    while end > start and (
        tokens.tag[end - 1] == "POS"
        or tokens.is_punct[end - 1]
        or lower[end - 1] in HONORIFICS
        # A score or a count the model ran into the name: "Seattle 5", "Nasser Hussain 110".
        or (tokens.is_digit[end - 1] and end - 1 > start and not _numbers_a_name(tokens, end - 1))
        or _is_connective_at(tokens, end - 1)
    ):
        end -= 1
    if is_person:
        # "Putin Makes First Visit": a headline's verb ends the name before it.
        end = next((i for i in _between(tokens, start + 1, end) if lower[i] in HEADLINE_VERBS), end)
        if end - start == 1:
            start = _with_initials_or_title(doc, start)
    while end - start > 1 and is_post_nominal(tokens.text[end - 1]):
        end -= 1  # "Ann Lowe MP", "Tom Barr QC": letters after the name, no part of it
    if end - start == 1 and lower[start] in NAME_SUFFIXES:
        return None  # "a QC, Christopher Greenwood": a suffix alone names no one.
    if end > start and tokens.text[end - 1].endswith("'s"):
        return doc[start:end] if doc[end - 1].text != "'s" else doc[start : end - 1]
    return doc[slice(*across_particles(doc, start, end))] if end > start else None


def _between(tokens: TokenLists, start: int, end: int) -> range:
    """The positions `doc[start:end]` holds (a negative end counts from the doc's end)."""
    return range(len(tokens.lower))[start:end]


def _first_break(tokens: TokenLists, start: int, end: int) -> int:
    """Where a name must end at the latest: a name never runs on to the next line ("Major
    League" over a line break), over the "v" of a fixture ("Durham v Yorkshire"), nor into a
    bracket it does not close ("France (Group H" of a list line "France (Group H): 10th
    appearance")."""
    return next(
        (
            i
            for i in _between(tokens, start, end)
            if _ends_a_name(tokens, i) or _opens_an_unclosed_bracket(tokens, i, end)
        ),
        end,
    )


def _describes_a_noun_after(tokens: TokenLists, i: int, end: int) -> bool:
    """An adjective the model ran into a name that describes a noun after the name: "Recent" of
    "Recent Samsung smart TVs" opening a sentence; "Liberal" of "Liberal Democrats" describes a
    word of the name. The caller keeps a name of one such word ("Northern" of "Northern and
    central California counties", whose head a later pass gives it)."""
    # Capitalised: "non" of "non-Hodgkin's lymphoma" is a prefix of the name, not a word.
    return (
        tokens.is_title[i]
        and tokens.pos[i] == "ADJ"
        and tokens.dep[i] == "amod"
        and tokens.head[i] >= end
    )


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


def _before_a_phrase_of_its_own(tokens: TokenLists, start: int, end: int) -> int:
    """Where a name ends before a preposition or conjunction the parser hangs outside it: "the
    switch of Thibaut Courtois to Sevilla" holds two names, the "to" a phrase of "switch".

    A name's own "of", "for" or "and" hangs inside it ("Bank of America", "Society for the
    Protection of Birds", "Customs and Border Protection"), or where the parser hangs it
    outside, joins a body's name all the same ("Manchester High School for Girls");
    the name's particles ("von der") are its own words."""
    for i in _between(tokens, start + 1, end - 1):
        is_a_names_own = tokens.lower[i] in BODY_NAME_CONNECTIVES
        if (
            _is_connective_at(tokens, i)
            and not is_a_names_own
            and not start <= tokens.head[i] < end
        ):
            return i
    return end


def _without_trailing_description(tokens: TokenLists, start: int, end: int) -> int:
    """Where a name ends before lowercase nouns that describe it ("Interfax news agency",
    "Qeshm island"): only when every word after its last capitalised one is such a noun."""
    text, lower = tokens.text, tokens.lower
    last_capital = next((i for i in range(end - 1, start - 1, -1) if text[i][:1].isupper()), None)
    if last_capital is None or last_capital == end - 1:
        return end
    tail = _between(tokens, last_capital + 1, end)
    # "the Obama administration" is a body of its own (CONTINUED_ORGANISATION_NOUNS).
    if any(lower[i] in CONTINUED_ORGANISATION_NOUNS for i in tail):
        return end
    if all(tokens.is_lower[i] and tokens.pos[i] == "NOUN" for i in tail):
        return last_capital + 1
    return end


def _after_an_owner(tokens: TokenLists, start: int, end: int) -> int:
    """Where a name starts after an owner the model ran into it ("Elon Musk’s SpaceX" is
    SpaceX; the owner is named on his own). A plural common noun before the "'s" is no owner
    but a word of the name ("People's Daily", "the Workers' Party")."""
    tag = tokens.tag
    owner_end = next((i for i in _between(tokens, start, end - 1) if tag[i] == "POS"), None)
    if owner_end is None:
        return start
    is_plural = tag[start] in ("NNS", "NNPS") or is_plural_noun(tokens.text[start])
    return start if owner_end == start + 1 and is_plural else owner_end + 1


def _after_a_persons_title(tokens: TokenLists, start: int, end: int) -> int:
    """Where a body's name starts after the title of its head the model ran into it: "Founder
    of Ceres Robotics Inc." is Ceres Robotics Inc.; only where a body's word ends the rest
    ("Minister of Defence" stays whole)."""
    lower = tokens.lower
    is_title_of = (
        end - start > 2
        and tokens.is_title[start]
        and lower[start] in PERSON_TITLES
        and lower[start + 1] == "of"
    )
    if is_title_of and lower[end - 1] in ORGANISATION_NAME_ENDS:
        return start + 2
    return start


def _is_trailing_title(tokens: TokenLists, i: int) -> bool:
    """A title the model ran on after a body's name ("House of Representatives Speaker"); a
    rank may end a body's name ("Office of the Inspector General")."""
    return tokens.is_title[i] and tokens.lower[i].rstrip(".") in TRAILING_TITLES


def _opens_an_unclosed_bracket(tokens: TokenLists, i: int, end: int) -> bool:
    """ "(" or "[" (not a quote mark: "Farmers' Union") with no closing bracket before `end`."""
    is_bracket = tokens.is_bracket
    if not (is_bracket[i] and tokens.is_left_punct[i]):
        return False
    is_right = tokens.is_right_punct
    return not any(is_bracket[j] and is_right[j] for j in _between(tokens, i + 1, end))


def is_connective(token: Token) -> bool:
    """A lowercase conjunction or preposition the model ran on after a name ("the Sabres and",
    "Thibaut Courtois to"): no name ends on one; a name's own particles ("von der" of "Ursula
    von der", taken on to "Leyen" below) may."""
    return _is_connective_at(token_lists(token.doc), token.i)


def _is_connective_at(tokens: TokenLists, i: int) -> bool:
    """`is_connective` of the token at position i."""
    return (
        tokens.is_lower[i]
        and tokens.tag[i] in ("CC", "IN", "TO")
        and tokens.text[i] not in NAME_PARTICLES
    )


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


def _ends_a_name(tokens: TokenLists, i: int) -> bool:
    text = tokens.text[i]
    is_a_mark = tokens.lower[i] in FIXTURE_MARKS or text in RESULT_MARKS
    return (tokens.is_space[i] and "\n" in text) or is_a_mark


def _is_rank_before_name(tokens: TokenLists, i: int, end: int) -> bool:
    """'Trooper' in 'Trooper William Hakim': a capitalised rank with a name after it; or a
    title by its form with a full name after it ("Coroner Mark Ellison", see
    `is_a_title_no_one_bears`)."""
    if not tokens.is_title[i] or i + 1 >= end:
        return False
    return tokens.lower[i] in RANK_TITLES or (
        end - i >= 3 and is_a_title_no_one_bears(tokens.text[i])
    )


DATE_WORDS = frozenset(WEEKDAYS) | frozenset(MONTHS) | frozenset(DAY_WORD_OFFSETS)


def _is_a_date_before_a_name(tokens: TokenLists, i: int, end: int) -> bool:
    """'Tuesday' in 'on Tuesday Mr Hale said', which the model read as one name: a word that
    dates, which the census gives no one as a given name, before a courtesy title or a given
    name. A date
    word that is a name ("June Carter", "May Clarke") or one before a surname alone
    ("Tuesday Weld") stays."""
    if i + 1 >= end or tokens.lower[i] not in DATE_WORDS:
        return False
    names = place_names()
    after = tokens.text[i + 1]
    return not names.is_given_name(tokens.text[i]) and (
        tokens.lower[i + 1] in HONORIFICS or names.is_given_name(after)
    )


def _ends_on_a_date(tokens: TokenLists, start: int, end: int) -> bool:
    """Whether the span ends on a preposition and a word that dates ("the Commons on Thursday",
    "the board in March"), which the model ran into the name; "Black September", "Bank of
    May" (no preposition before, or one of the name's own: "of") stay."""
    if end - start < 3 or tokens.lower[end - 1] not in DATE_WORDS:
        return False
    before = end - 2
    return _is_connective_at(tokens, before) and tokens.lower[before] not in ("of", "for")


def _numbers_a_name(tokens: TokenLists, i: int) -> bool:
    """Whether a year-like number is the name's own ("Transport 2000", "Vision 2030", "Euro
    2004"): four digits after a capitalised dictionary word; a score or count ends a
    person's or a town's name ("Seattle 5", "Nasser Hussain 110"), which is no word; a year
    written on into a date ("Calif 1996-08-30", a dateline's) is the date's."""
    before, after = i - 1, i + 1
    goes_on = after < len(tokens.text) and tokens.idx[i] + len(tokens.text[i]) == tokens.idx[after]
    return (
        before >= 0
        and not goes_on
        and len(tokens.text[i]) == 4
        and tokens.is_title[before]
        and is_dictionary_word(tokens.lower[before])
    )


def is_a_names_number(token: Token) -> bool:
    """`_numbers_a_name` of a token: "2000" of "Transport 2000"."""
    return token.is_digit and _numbers_a_name(token_lists(token.doc), token.i)
