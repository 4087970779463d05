"""The title written before a name, whole: "Russian President" of "Russian President Vladimir
Putin", "Former envoy to Chile" of "Former envoy to Chile Ann Lowe", "Union leader" of "Union
leader Sir Tom Barr". `roles` reads a role from it, as
from the apposition after the name (`appositions`).
"""

from __future__ import annotations

import functools

from spacy.tokens import Doc, Span, Token

from generator.analysis.entity_index import entity_at
from generator.analysis.lexicon import (
    HONORIFICS,
    OFFICE_TITLES,
    PERSON_ROLE_WORDS,
    RANK_TITLES,
)
from generator.analysis.rule_files import casefolded, packaged_data

HYPHEN = "-"
STYLES_OF_ADDRESS_FILE = "styles_of_address.yml"
HELD_IN = ("of", "for")
"""Prepositions inside a title before a name: "Secretary of State", "Minister for Trade"."""


def title_before(name: Span) -> tuple[Span, Token] | None:
    """'Russian President' in 'Russian President Vladimir Putin', with its head 'President'."""
    with_a_complement = _title_with_a_complement(name)
    if with_a_complement is not None:
        return with_a_complement
    root, doc = name.root, name.doc
    lefts = [child for child in root.lefts if child.i < name.start and child.dep_ != "det"]
    if not lefts:
        return _title_the_parser_broke(name)
    start = min(child.left_edge.i for child in lefts)
    end = _before_the_styles(doc, start, name.start)
    if end <= start:
        return None
    return _title_from(name, start, _head_of_the_title(doc[end - 1], start), end)


def _title_the_parser_broke(name: Span) -> tuple[Span, Token] | None:
    """A title right before a name that the parser read as a clause of its own: in "research
    team head Ann Lowe says", "head" is tagged a verb with "research team" its subject, and
    the name hangs on nothing before it. Read from the words instead: a title-lexicon word
    right before the name with the lower-case nouns and adjectives before it ("research team",
    "former spin") and a body's name; at least one of them, so that a verb alone ("they coach
    Ann Lowe") is no title."""
    doc = name.doc
    last = name.start - 1
    if last < 1 or not doc[last].is_lower or not is_a_lexicon_title(doc[last].lower_):
        return None
    start = last
    while start > 0 and doc[start - 1].is_lower and doc[start - 1].pos_ in ("NOUN", "ADJ"):
        start -= 1
    # The body's name that opens it ("Acme head Ann Lowe"), unless the title word is a verb in
    # a tense, the name its subject ("Rivals coach Ann Lowe").
    is_inflected = doc[last].tag_ in ("VBP", "VBZ", "VBD")
    nouns_start = start
    while (
        not is_inflected and start > 0 and doc[start - 1].tag_ == "NNP" and doc[start - 1].is_title
    ):
        start -= 1
    if nouns_start > start > 0 and doc[start - 1].pos_ == "DET":
        start = nouns_start  # a work's name cut ("Touching the Void director"), no body's
    if not any(token.pos_ == "NOUN" or token.tag_ == "NNP" for token in doc[start:last]):
        return None
    return doc[start : name.start], doc[last]


def is_a_lexicon_title(word: str) -> bool:
    """Whether a lower-case word is a title the lexicon knows: "head", "chancellor"."""
    return word in PERSON_ROLE_WORDS or word in OFFICE_TITLES or word in RANK_TITLES


def _before_the_styles(doc: Doc, start: int, end: int) -> int:
    """Where a title before a name ends: before the styles of address that stand between them
    (`data/styles_of_address.yml`: "Sir" of "Union leader Sir Tom Barr", "the Hon." of "Deputy
    Speaker the Hon. Ann Lowe"), which say how the person is addressed, not what they are."""
    styles = styles_of_address()
    name_start = end
    while end > start and doc[end - 1].lower_ in styles:
        end -= 1
    if start < end < name_start and doc[end - 1].lower_ == "the":
        end -= 1
    return end


def _head_of_the_title(last: Token, start: int) -> Token:
    """The head of a title whose last word is its complement's: "Secretary" of "Secretary of
    State", the parser hanging "of State" on it; the last word itself otherwise."""
    head = last
    while (
        head.dep_ == "pobj"
        and head.head.dep_ == "prep"
        and head.head.lower_ in HELD_IN
        and start <= head.head.head.i < head.i
    ):
        head = head.head.head
    return head


@functools.cache
def styles_of_address() -> frozenset[str]:
    """The words of `data/styles_of_address.yml`, casefolded."""
    return casefolded(packaged_data(STYLES_OF_ADDRESS_FILE))


def _title_with_a_complement(name: Span) -> tuple[Span, Token] | None:
    """'Former U.S. ambassador to Ukraine' before 'Marie Yovanovitch', with its head
    'ambassador': the parser reads the name as the object of the title's preposition, the
    complement's name ("Ukraine", "the United Nations", "Trade") run into it. Only where the
    words between are capitalised and hold no title of their own: in "the wife of Prime
    Minister Ann Lee" the role is the Prime Minister's, not the wife's, and "a worker for Mrs.
    Lee" is another's."""
    root, doc = name.root, name.doc
    if root.dep_ == "pobj":  # "ambassador [to [Ukraine Marie Yovanovitch]]"
        title = root.head.head
    elif root.dep_ == "appos" and doc[name.start - 1].text != ",":
        title = root.head  # "ambassador [to Japan] [Claire Dubois]": no comma sets it off
    else:
        return None
    preposition = doc[title.i + 1] if title.i + 1 < name.start else title
    if preposition.dep_ != "prep" or preposition.head != title:
        return None
    if title.pos_ not in ("NOUN", "PROPN"):
        return None
    between = [t for t in doc[preposition.i + 1 : name.start] if t.dep_ != "det"]
    if not between or not all(_is_a_complements_word(t) for t in between):
        return None
    return _title_from(name, title.left_edge.i, title)


def _is_a_complements_word(token: Token) -> bool:
    """A capitalised word of a title's complement ("Ukraine", "U.S."), no title itself."""
    word = token.lower_.rstrip(".")
    is_a_title = is_a_lexicon_title(word)
    # A courtesy title names the person: "a campaign worker for Mrs. Clinton" is someone else.
    is_a_style = word in HONORIFICS or token.lower_ in styles_of_address()
    return token.text[:1].isupper() and not is_a_title and not is_a_style


def _title_from(
    name: Span, start: int, head: Token, end: int | None = None
) -> tuple[Span, Token] | None:
    """The title before a name from its first word, whole (`_whole_title_start`), with the
    body the parser cut from it, without a determiner and never over a line break; it ends at
    end, where styles of address stand between it and the name."""
    doc = name.doc
    end = name.start if end is None else end
    start = _with_the_body_before(doc, _whole_title_start(doc, start))
    while start < name.start and doc[start].dep_ in ("det", "punct"):
        start += 1
    # A title never reaches back over a line break (the line above is a headline or caption)
    # nor over a dash or a colon: "the sector's newcomers - Acme founder Jane Roe's ...".
    breaks = [token.i for token in doc[start:end] if _breaks_a_title(token)]
    if breaks:
        start = breaks[-1] + 1
    if start >= end or head.i < start:
        return None
    return doc[_title_start(doc, start, end) : end], head


def _breaks_a_title(token: Token) -> bool:
    """A line break, a colon, a dash (a hyphen with spaces round it, not "vice-premier") or a
    full stop after a number, ending a run-on sentence ("in the 1500m. Olympic champion ...")."""
    if "\n" in token.text or token.text in (":", "—", "–"):
        return True
    before = token.doc[token.i - 1] if token.i > 0 else None
    if token.text.endswith(".") and (
        any(char.isdigit() for char in token.text) or (before is not None and before.like_num)
    ):
        return True
    return (
        token.text == "-"
        and bool(token.whitespace_)
        and before is not None
        and bool(before.whitespace_)
    )


OBJECT_DEPS = frozenset({"dobj", "dative", "pobj", "conj", "appos"})


def _with_the_body_before(doc: Doc, start: int) -> int:
    """Where a title starts that the parser cut from its body ("CPUC President Marybel Batjer"
    read with "CPUC" as a subject of its own): a body's name right before the title is the
    title's, unless the parser makes it the object of a word before it ("told CNN President
    ...", "with NBC News anchor ...") or a name listed with another."""
    if start == 0 or not doc[start].is_title or doc[start - 1].whitespace_ != " ":
        return start
    body = entity_at(doc[start - 1])
    if body is None or body.label_ != "ORG" or body.end != start:
        return start
    return start if body.root.dep_ in OBJECT_DEPS else body.start


def _whole_title_start(doc: Doc, start: int) -> int:
    """Where the title before a name starts as a whole noun phrase about that person.

    The parser cuts a hyphenated title at its hyphen ("Chinese vice-premier" read as "vice"
    of the sentence and "-premier" of the name): the words glued to it by a hyphen are the
    title's, and so is a nationality right before it. The nouns the parser hangs on the
    hyphenated word's first part are the title's too ("election co-ordinator", read with "co"
    the object of the sentence and "election" its modifier).
    """
    glued = start
    while (
        start > 0
        and not doc[start - 1].whitespace_
        and HYPHEN in (doc[start - 1].text, doc[start].text)
    ):
        start -= 1
    while (
        0 < start < glued
        and doc[start - 1].is_lower
        and doc[start - 1].pos_ == "NOUN"
        and doc[start - 1].dep_ in ("compound", "nmod")
        and start <= doc[start - 1].head.i <= glued
    ):
        start -= 1
    while start > 0 and doc[start - 1].ent_type_ == "NORP" and doc[start - 1].pos_ == "ADJ":
        start -= 1
    return start


def _title_start(doc: Doc, start: int, end: int) -> int:
    """Where a title really starts when the words before it are another sentence's, run in
    by a page that lost a caption's full stop: after the nouns after "a" ("bagging a brace
    Barcelona midfielder Andreas Iniesta"), or at the owner ("Devastation in Nepal India's
    Prime Minister"). The words before an owner are the owner's ("Prime Minister Tony Blair's
    wife")."""
    if start > 0 and doc[start - 1].lower_ in ("a", "an"):
        # The object's nouns ("brace", "hat-trick") up to the capitalised title.
        first = start
        while first < end and (
            (doc[first].pos_ == "NOUN" and doc[first].is_lower) or doc[first].text == "-"
        ):
            first += 1
        if start < first < end - 1 and doc[first].is_title:
            start = first
    owners = [t.i - 1 for t in doc[start + 1 : end] if t.tag_ == "POS"]
    if owners:
        # Only a named owner, and not one a title word takes ("oil workers' union boss" and
        # "Assistant State's Attorney" stay whole).
        owner = doc[owners[-1]]
        entity = entity_at(owner)
        before = doc[entity.start - 1].lower_ if entity is not None and entity.start > 0 else ""
        if entity is not None and before not in PERSON_ROLE_WORDS:
            start = max(start, entity.start)
    return start
