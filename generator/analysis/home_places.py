"""A person named with the place they write or speak from: a reader's comment signed "Ashley,
Swindon" on a line of its own, or a writer answering "Ashley, Swindon" in the text. The person
speaks; the place after the comma only says where they are, and is never the speaker.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

from generator.analysis.entity_index import entity_at
from generator.analysis.place_names import place_names

if TYPE_CHECKING:
    from generator.analysis.referents import ParsedArticle

PLACE_LABELS = frozenset({"GPE", "LOC"})
"""Entity labels of a place, when the article's actors do not tell."""
MAX_SIGNATURE_WORDS = 6
"""Most words of a signature line ("Mary Ann Jones, Newcastle upon Tyne")."""


def person_before_their_place(article: ParsedArticle, token: Token) -> str | None:
    """The person a place stands for when it is set off by a comma right after their name
    ("I disagree with Ashley, Swindon, saying ...": the parser may make the place the subject
    of "saying"); None for any other word, and for a place after a place ("Leeds, Yorkshire")."""
    place = entity_at(token) or token.doc[token.i : token.i + 1]
    doc = token.doc
    if place.start < 2 or doc[place.start - 1].text != "," or not _is_a_place(article, place):
        return None
    name = entity_at(doc[place.start - 2])
    if name is None or not _is_a_person(article, name):
        return None
    return article.speaker_name(name) or name.text


def signature_after(article: ParsedArticle, position: int) -> Span | None:
    """The name of a signature line "Name, Place" right after a quotation ending at `position`
    (on the next line): the person who signs; None when the line is anything else (a sentence,
    a dateline "LONDON, Monday", a place and its region)."""
    text = article.text
    line_start = position
    while line_start < len(text) and text[line_start] in " \t\xa0":
        line_start += 1
    if line_start >= len(text) or text[line_start] != "\n":
        return None
    line_start = len(text) - len(text[line_start:].lstrip())
    line_end = text.find("\n", line_start)
    line = text[line_start : line_end if line_end >= 0 else len(text)].rstrip()
    name_text, comma, place_text = line.partition(",")
    words = line.replace(",", " ").split()
    if not comma or "," in place_text or len(words) > MAX_SIGNATURE_WORDS:
        return None
    if not all(word[:1].isupper() for word in words):
        return None
    doc = article.doc
    place_start = line_start + len(name_text) + 1 + (len(place_text) - len(place_text.lstrip()))
    place = doc.char_span(place_start, line_start + len(line), alignment_mode="expand")
    name = doc.char_span(line_start, line_start + len(name_text), alignment_mode="expand")
    if place is None or name is None or not _is_a_place(article, place):
        return None
    return None if _is_a_place(article, name) else name


def _is_a_place(article: ParsedArticle, span: Span) -> bool:
    """Whether a span names a place: one GeoNames or ISO 3166-2 knows (the model may call a
    town a people or a body: "Swindon"), a place among the article's actors, or a place label."""
    if place_names().place_source(span.text) is not None:
        return True
    if all(token.ent_type_ in PLACE_LABELS for token in span):
        return True
    places = {actor.name for actor in article.actors or () if actor.kind == "place"}
    return article.speaker_name(span) in places


def _is_a_person(article: ParsedArticle, span: Span) -> bool:
    """Whether a name before a place is a person's: the model's label, a person among the
    article's actors, or a given name the census knows ("Martin", which the model may call a
    body when it stands alone)."""
    if span.label_ == "PERSON" or article.speaker_name(span) in article.people:
        return True
    return place_names().is_given_name(span[0].text) and span[0].text[1:].islower()
