"""Who speaks through a document: "the statement said", "said the report", "the letter added".

The author is the one the text says issued the document, where it introduces it ("The ministry
issued a statement", "In a statement, the club said ...", "a report published by the fund",
"an open letter from its chief executive"): in the same paragraph, or the sentence just before.
Otherwise the document stays the source, described as the text names it ("a ministry
statement"), and never the nearest name.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from generator.analysis.grammar import ACTIVE_SUBJECT_DEPS
from generator.analysis.speech_words import DOCUMENT_NOUNS, ISSUING_VERBS

if TYPE_CHECKING:
    from generator.analysis.referents import ParsedArticle

MADE_BY_PREPOSITIONS = frozenset({"by", "from"})
"""Prepositions that name a document's author after it: "a letter from", "a report by"."""
CONTAINING_PREPOSITIONS = frozenset({"in", "through", "via"})
"""Prepositions by which a verb's subject says something in a document: "In a statement, X said"."""
REFERRING_DETERMINERS = frozenset({"the", "this", "that"})
PASSIVE_AGENT_DEP = "agent"


def is_document(token: Token) -> bool:
    """Whether a word is a document that can "say" something: "statement", "report"."""
    return token.pos_ in ("NOUN", "PROPN") and token.lemma_.lower() in DOCUMENT_NOUNS


def document_author(article: ParsedArticle, document: Token) -> Token | None:
    """The word that names who wrote a document the text makes a speaker: on the document's own
    phrase ("the ministry's statement", "a letter from Lee"), else where a definite document
    ("the statement") was introduced. None when the text does not say."""
    if not is_document(document):
        return None
    author = _author_of_mention(document)
    if author is not None or not refers_back(document):
        return author
    introduction = introduction_of(article, document)
    return None if introduction is None else _author_of_mention(introduction)


def _author_of_mention(mention: Token) -> Token | None:
    """Who a mention of a document says made it: its possessor, the object of "from"/"by", the
    agent of a verb that issues it ("published by"), the subject of that verb ("issued a
    statement"; not "obtained the emails") or of the verb said in it ("In a statement, the club
    said")."""
    owner = next((c for c in mention.children if c.dep_ == "poss"), None)
    if owner is not None and owner.pos_ != "PRON":
        return owner
    for child in mention.children:
        if child.dep_ == "prep" and child.lower_ in MADE_BY_PREPOSITIONS:
            return _object_of(child)
        if child.dep_ == "acl" and child.lemma_.lower() in ISSUING_VERBS:
            agent = next((c for c in child.children if c.dep_ == PASSIVE_AGENT_DEP), None)
            if agent is not None:
                return _object_of(agent)
    # "its statement": the "its" is the subject of the clause ("the club said in its statement").
    head, issuer = mention.head, None
    if mention.dep_ == "dobj" and head.lemma_.lower() in ISSUING_VERBS:
        issuer = _subject(head)
    elif mention.dep_ == "pobj" and head.lower_ in CONTAINING_PREPOSITIONS:
        issuer = _subject(head.head) if head.head.pos_ in ("VERB", "AUX") else None
    return issuer or owner


def _object_of(preposition: Token) -> Token | None:
    return next((c for c in preposition.children if c.dep_ == "pobj"), None)


def _subject(verb: Token) -> Token | None:
    subject = next((c for c in verb.children if c.dep_ in ACTIVE_SUBJECT_DEPS), None)
    return None if subject is None or is_document(subject) else subject


def refers_back(noun: Token) -> bool:
    return any(c.lower_ in REFERRING_DETERMINERS for c in noun.children if c.i < noun.i)


def introduction_of(article: ParsedArticle, document: Token) -> Token | None:
    """The last mention of the same document before, outside quotations, in the same paragraph
    or the sentence just before: further back, the text may mean another document."""
    lemma = document.lemma_.lower()
    index = article.sentence_index(document.i)
    paragraph = article.paragraph_index(document.idx)
    earliest = article.sentences[index - 1].start if index > 0 else 0
    for i in range(document.i - 1, -1, -1):
        token = document.doc[i]
        if i < earliest and article.paragraph_index(token.idx) != paragraph:
            return None
        if token.lemma_.lower() == lemma and not article.is_quoted(token):
            return token
    return None
