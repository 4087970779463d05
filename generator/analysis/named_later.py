"""A speaker the text describes first and names later: "“...,” a spokesman said." and, further
on, "The spokesman, Carl Webb, added ..." or "spokesman Carl Webb said ...". The description
and the name are one person only where the text equates them: the same noun, taken up with
"the" (or as a bare title) and a name set beside it, before any other one of that kind is
introduced ("another spokesman"). Otherwise the description stands.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from generator.analysis.descriptions import is_indefinite
from generator.analysis.entity_index import entity_at
from generator.analysis.roles import is_person_noun

if TYPE_CHECKING:
    from generator.analysis.referents import ParsedArticle

MAX_SENTENCES_AHEAD = 4
"""How far on the text may name someone it described: further, "the spokesman" may be another."""
TAKING_UP_DETERMINERS = frozenset({"the", "that", "this"})


def name_given_later(article: ParsedArticle, noun: Token) -> str | None:
    """The name the text gives later to the person an indefinite noun introduces ("a
    spokesman"), or None."""
    if noun.pos_ != "NOUN" or not noun.is_lower or not is_indefinite(noun):
        return None
    if not is_person_noun(noun.lower_):
        return None
    last = article.sentence_index(noun.i) + MAX_SENTENCES_AHEAD
    end = article.sentences[min(last, len(article.sentences) - 1)].end
    doc = noun.doc
    for i in range(noun.i + 1, end):
        token = doc[i]
        if token.lemma_ != noun.lemma_ or token.pos_ != "NOUN" or article.is_quoted(token):
            continue
        if is_indefinite(token):
            return None  # "another spokesman": a second one; which is which is not said
        name = _name_beside(article, token)
        if name is not None:
            return name
    return None


def _name_beside(article: ParsedArticle, noun: Token) -> str | None:
    """The person's name a definite noun or a bare title is set beside: "The spokesman, Carl
    Webb,", "spokesman Carl Webb", "Carl Webb, the spokesman"."""
    determiners = [c.lower_ for c in noun.children if c.dep_ == "det"]
    if determiners and determiners[0] not in TAKING_UP_DETERMINERS:
        return None
    if determiners:
        names = [c for c in noun.children if c.dep_ == "appos"]
        if noun.dep_ == "appos":
            names.append(noun.head)
    else:
        names = [noun.head] if noun.dep_ == "compound" else []
    for name in names:
        # The model may take a name beside a title for a body's ("spokeswoman Ina Vale"): the
        # article's people tell.
        entity = entity_at(name)
        speaker = None if entity is None else article.speaker_name(entity)
        if speaker is not None and speaker in article.people:
            return speaker
    return None
