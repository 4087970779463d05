"""How an article describes a speaker it does not name: the subject of a speech verb in, the
words a reader can place them by ("a doctor on the scene", "a police spokesman", "residents")
out, or None when the subject is a pronoun, a name or a thing.

A definite back reference ("the doctor said") is described as the article first introduced the
same noun ("A doctor on the scene told reporters ..."): that is where it says who they are.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Token

from generator.analysis.antecedents import unnamed_person_before
from generator.analysis.document_speakers import introduction_of, is_document, refers_back
from generator.analysis.entity_index import entity_at
from generator.analysis.lexicon import NOT_ROLE_WORDS, PRONOUN_SEXES, QUOTING_VERBS
from generator.analysis.national_speakers import nationality_of
from generator.analysis.referents import ParsedArticle, name_for_subject, subject_of
from generator.analysis.reported_clauses import is_speech_verb
from generator.analysis.roles import is_person_noun
from generator.analysis.speakers import is_wished_speech
from generator.analysis.speech_words import BODY_VOICES
from generator.analysis.token_lists import token_lists

PLAIN_PERSON_NOUNS = frozenset({"man", "woman", "person", "people", "boy", "girl", "child"})
"""Person nouns that say nothing more of someone than that they are one (`roles.NOT_ROLE_WORDS`
keeps them from the roles of actors), yet place an unnamed speaker: "a woman who lives nearby"."""
INTRODUCING_DETERMINERS = frozenset({"a", "an", "one", "another"})
"""Determiners by which a text introduces someone new: "a doctor", "one resident"."""
REFERRING_DETERMINERS = frozenset({"the", "this", "that"})
"""Determiners by which a text refers back to someone it has introduced: "the doctor"."""
CUT_DEPS = frozenset({"relcl", "appos", "acl", "advcl", "punct", "prep"})
"""Parts of a subject's phrase a description leaves out: a clause or aside about the person
("a woman, who asked not to be named,"). A prepositional phrase is kept on the noun itself
only (`KEPT_PREPOSITIONS`)."""
KEPT_PREPOSITIONS = frozenset({"on", "at", "in", "from", "for", "with", "of"})
"""Prepositions whose phrase places the person ("a doctor on the scene", "a spokesman for
the police", "residents of the town")."""
THINGS_AS_ENDINGS = tuple(NOT_ROLE_WORDS - PLAIN_PERSON_NOUNS)
"""Things whose name a compound ends with, agent noun's ending and all: "newsletter"."""
SETTING_OFF_MARKS = frozenset({",", "(", ")", "-", "–", "—", ";", ":"})
"""Marks that set an aside off before a noun: the description starts after them."""
MAX_DESCRIPTION_WORDS = 8
"""Longest description shown: a longer phrase is cut to the noun and the words before it."""


def described_speaker(article: ParsedArticle, verbs: Iterable[Token]) -> str | None:
    """The description of the unnamed person who says a quotation: the subject of the first
    speech verb that has one, when it is a common noun for a person."""
    for verb in verbs:
        if is_wished_speech(verb):
            continue
        subject = subject_of(article, verb)
        if subject is not None:
            # An infinitive tells what someone may say, not what they said: "gives the chair
            # authority to call a “special meeting”".
            is_infinitive = any(c.tag_ == "TO" and c.dep_ == "aux" for c in verb.children)
            return None if is_infinitive else description_of(article, subject)
    return None


def description_of(article: ParsedArticle, subject: Token) -> str | None:
    """The words that describe a subject the text does not name, when it is a person noun in
    lower case (a capitalised word no list knows is more often a name); None for a pronoun,
    a name or a thing, and for "his lawyer", whose "his" would need a name of its own. "He"
    or "she" continuing such a person ("A spokesman for the council defended the plan. He
    said: ...") is described as that person is."""
    if subject.lower_ in PRONOUN_SEXES:
        person = unnamed_person_before(article, subject)
        return None if person is None else description_of(article, person)
    if nationality_of(subject) is not None:
        return _phrase(subject)  # "said the American", whom the text does not tell
    if subject.pos_ != "NOUN" or not subject.is_lower or article.is_quoted(subject):
        return None
    if is_document(subject):
        # A document whose author the text does not give stays the source as the text names
        # it ("a ministry statement"; "the report" as introduced: "a report on jobs").
        introduced = introduction_of(article, subject) if refers_back(subject) else None
        return _phrase(introduced or subject)
    word = subject.lemma_.lower() if subject.tag_ == "NNS" else subject.lower_
    is_a_thing = word.endswith(THINGS_AS_ENDINGS) and word not in PLAIN_PERSON_NOUNS
    if not (is_person_noun(word) or word in PLAIN_PERSON_NOUNS) or is_a_thing:
        return None
    if any(child.dep_ == "poss" and child.pos_ == "PRON" for child in subject.children):
        return None
    introduced = _introduction(article, subject) if _refers_back(subject) else None
    phrase = _phrase(introduced or subject)
    body = None if introduced else _body_just_named(article, subject)
    return phrase if body is None else f"{phrase} for {body}"


def _body_just_named(article: ParsedArticle, voice: Token) -> str | None:
    """The body a spokesperson speaks for when the writer's sentence before has it say
    something ("Campaign group Clean Roads said ... “...,” said a spokesman."): the spokesman
    is that body's. A spokesperson whose phrase names a body or a person ("a police
    spokesman", "his spokeswoman") is described as written, and a person saying the sentence
    before ties the spokesperson to no one."""
    if voice.lower_ not in BODY_VOICES or any(
        c.dep_ in ("compound", "poss", "prep", "amod") for c in voice.children
    ):
        return None
    index = article.sentence_index(voice.i) - 1
    while index >= 0 and article.is_quoted(article.sentences[index].root):
        index -= 1  # the quotation's own sentences
    verb = article.sentences[index].root if index >= 0 else None
    if verb is None or article.is_quoted(verb) or not is_speech_verb(verb, QUOTING_VERBS):
        return None
    subject = subject_of(article, verb) or _passive_agent(verb)
    if subject is None:
        return None
    bodies = [actor for actor in article.actors or () if actor.kind != "person"]
    name = name_for_subject(article, subject)
    if name is None:
        # A place speaks for the body there ("described as ... by Downing Street"): it is
        # named as written, which no speaker's name is.
        written = entity_at(subject)
        name = next(
            (
                a.name
                for a in bodies
                if written is not None and written.text in (a.name, *a.aliases)
            ),
            None,
        )
    return name if name in {actor.name for actor in bodies} else None


def _passive_agent(verb: Token) -> Token | None:
    """Who a passive verb of saying names with "by" ("The plan was described as “...” by
    Downing Street."), when the parser hung the phrase on the words before it: the proper
    noun after the first "by" of the verb's clause."""
    if not any(child.dep_ == "auxpass" for child in verb.children):
        return None
    for token in verb.subtree:
        if token.i > verb.i and token.lower_ == "by":
            names = [c for c in token.children if c.dep_ == "pobj" and c.pos_ == "PROPN"]
            return names[0] if names else None
    return None


def _refers_back(noun: Token) -> bool:
    return any(child.lower_ in REFERRING_DETERMINERS for child in noun.children if child.i < noun.i)


def _introduction(article: ParsedArticle, noun: Token) -> Token | None:
    """The first mention of the same person noun before, where the text introduces it ("A
    doctor on the scene told ..."), outside any quotation."""
    tokens, lemma = token_lists(noun.doc), noun.lemma_
    # The columns first: a `Token` only for an earlier noun of the same lemma.
    for i in range(noun.i):
        if tokens.lemma[i] != lemma or tokens.pos[i] != "NOUN":
            continue
        token = noun.doc[i]
        if article.is_quoted(token):
            continue
        if any(c.lower_ in INTRODUCING_DETERMINERS for c in token.children if c.i < token.i):
            return token
    return None


def _phrase(noun: Token) -> str:
    """The noun with the words before it and a phrase that places it, in the text's words."""
    start = noun.left_edge.i
    end = noun.i + 1
    for child in noun.rights:
        if child.dep_ == "prep" and child.lower_ in KEPT_PREPOSITIONS and child.i == end:
            end = _phrase_end(child)
            break
        if child.dep_ in CUT_DEPS:
            break
        if child.i == end and child.dep_ in {"conj", "cc", "amod", "compound", "nummod"}:
            end = child.right_edge.i + 1
    left = noun.doc[start : noun.i + 1]
    # Quotation marks around a title stay: "the “Pose” actor".
    cut = [
        t
        for t in left[:-1]
        if (t.text in SETTING_OFF_MARKS or t.dep_ in CUT_DEPS - {"punct"}) and not _joins_a_name(t)
    ]
    if cut:
        start = cut[-1].i + 1
    if end - start > MAX_DESCRIPTION_WORDS:
        end = noun.i + 1
    words = noun.doc[start:end].text
    first = noun.doc[start]
    return words if first.pos_ == "PROPN" else words[:1].lower() + words[1:]


def _joins_a_name(mark: Token) -> bool:
    """Whether a comma or a preposition joins the words of one name between capitalised words
    ("a Ministry for Roads, Rail and Ports spokeswoman"): no aside starts after it."""
    doc = mark.doc
    if not (mark.text == "," or mark.dep_ == "prep") or mark.i == 0 or mark.i + 1 >= len(doc):
        return False
    return doc[mark.i - 1].text[:1].isupper() and doc[mark.i + 1].text[:1].isupper()


def _phrase_end(preposition: Token) -> int:
    """Where a prepositional phrase ends, before any clause or aside about its object."""
    end = preposition.i + 1
    for token in preposition.subtree:
        if token.i < end:
            continue
        if token.dep_ in CUT_DEPS - {"prep"} or token.is_punct:
            break
        end = token.i + 1
    return end
