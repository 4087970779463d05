"""Find who the text credits with some words: a parsed article and a quotation or speech verb in
it in, the speaker's canonical actor name out.

The speaker is a speech verb's subject, the owner of "X's claim", a dashed sign-off, the source
of "according to X", or the subject of the sentence that leads into a quotation; naming them
(pronouns included) is `referents`'.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from generator.analysis.antecedents import PERSON_LABELS, antecedent
from generator.analysis.grammar import ACTIVE_SUBJECT_DEPS as SUBJECT_DEPS
from generator.analysis.grammar import NOMINAL_SUBJECT_DEPS
from generator.analysis.home_places import signature_after
from generator.analysis.lexicon import SPEAKER_PRONOUNS, SPEECH_NOUNS
from generator.analysis.quote_marks import Quotation
from generator.analysis.referents import (
    ParsedArticle,
    name_for_subject,
    name_from_words,
    subject_of,
)
from generator.analysis.speech_words import WISH_VERBS
from generator.analysis.vocatives import addresses_the_candidate, calls_by_name

NARRATED_CLAUSE_DEPS = frozenset({"pcomp", "pobj", "relcl"})
"""A speech verb's place in a sentence about something else ("left after what she called")."""
SIGN_OFF_DASHES = frozenset("―—–")
"""A dash after a closing mark introduces the speaker's name ("...” ― Jane Doe")."""
WISHED_PATH_DEPS = frozenset({"pcomp", "prep", "xcomp", "advcl", "conj"})
"""Links by which a speech verb borrows the subject of the clause it hangs from ("by calling",
"to say")."""
MAX_SIGN_OFF_WORDS = 6
"""Most words of a sign-off on a line of its own: a longer dashed line is a list's item."""


def said_by_name(article: ParsedArticle, verbs: list[Token]) -> bool:
    """Whether one of the verbs has a subject of its own that the article names ("Smith called
    it"; not the subject a gerund borrows from the clause above it)."""
    subjects = (c for verb in verbs for c in verb.children if c.dep_ in SUBJECT_DEPS)
    return any(
        not article.is_quoted(s) and name_for_subject(article, s) is not None for s in subjects
    )


def is_narrated_speech(article: ParsedArticle, verb: Token | None) -> bool:
    """Whether a named speaker's verb sits in a phrase of the writer's sentence about something
    else ("the singer left in what host Sam Reyes described as the “toughest call”"): the
    quote is the speaker's words alone. A verb without a named subject of its own ("accused
    of being a “cheat” by a troll who ...") leaves the writer's sentence to tell whose."""
    return verb is not None and verb.dep_ in NARRATED_CLAUSE_DEPS and said_by_name(article, [verb])


def is_wished_speech(verb: Token) -> bool:
    """Whether a speech verb tells what someone wants or expects another to say: it sits in an
    infinitive clause with a subject of its own ("the party expects the anchor to insert himself
    ... by calling out ...", "wants her to say") under a verb of wanting (`WISH_VERBS`); not
    one that shares its subject ("went on to call it ..."), nor one that tells what was said
    ("allowed him to claim that ...")."""
    current = verb
    while not any(child.dep_ in NOMINAL_SUBJECT_DEPS for child in current.children):
        if current.dep_ not in WISHED_PATH_DEPS or current.head is current:
            return False
        current = current.head
    is_infinitive = any(child.tag_ == "TO" and child.dep_ == "aux" for child in current.children)
    return is_infinitive and current.head.lemma_.lower() in WISH_VERBS


def _is_said_by_someone_unnamed(verb: Token) -> bool:
    """Whether a speech verb's own subject is a person the text describes but does not name:
    "a critic who accused ...", "the man, who later left, claimed ..." ("who" tells a person).
    Not a subject the verb borrows ("his boss knew ... and described him as"), nor a thing
    ("polls suggest that “...”", whose words are the writer's source's)."""
    subjects = [child for child in verb.children if child.dep_ in SUBJECT_DEPS]
    if not subjects:
        return False
    subject = subjects[0]
    if subject.lower_ == "who":
        return True
    return subject.pos_ == "NOUN" and any(
        clause.dep_ == "relcl" and any(word.lower_ == "who" for word in clause.children)
        for clause in subject.children
    )


def credited_speaker(
    article: ParsedArticle,
    verbs: list[Token],
    inner: Span,
    quotation: Quotation,
    covering: list[Span],
) -> tuple[str | None, bool]:
    """Return who the text credits with a quotation, and whether it credits anyone at all."""
    owner = _speech_owner(article, inner)
    if owner is not None:
        return name_for_subject(article, owner), True
    is_attributed = False
    for verb in verbs:
        if is_wished_speech(verb):
            # "expects the anchor to call out his “lies”": what the one who expects it says,
            # not words the anchor said; a speech verb further up may credit them.
            continue
        subject = subject_of(article, verb)
        if subject is None:
            continue
        is_attributed = True
        name = name_for_subject(article, subject)
        if name is not None and addresses_the_candidate(inner, subject, name):
            # "'Mom, ...,' she said": the one the words call is who hears them. A "she" who
            # calls someone by name is the next woman the text names, if any.
            return _next_candidate(article, subject, inner, name), True
        if name is not None:
            return name, True
        if _is_said_by_someone_unnamed(verb):
            # "calling out a critic who accused her of being a “fraud”": the critic's words,
            # whom the text does not name; not those of whoever called the critic out.
            return None, True
    sign_off = _sign_off(article, quotation)
    if sign_off is not None:
        # A reviewer or reader the page signs ("– Ali***") is no actor: the page's name stands.
        named = article.speaker_name(sign_off) or name_from_words(article, sign_off.text.split())
        return named, True
    for sentence in covering:
        source = _according_to(article, sentence)
        if source is not None:
            return name_for_subject(article, source), True
    return None, is_attributed


def _next_candidate(article: ParsedArticle, pronoun: Token, inner: Span, called: str) -> str | None:
    """Whom "he" or "she" stands for when the name first found is the one the quotation calls
    by name ("'We did it, Dana,' she said"): the next candidate; none after a family term."""
    if pronoun.lower_ not in SPEAKER_PRONOUNS or not calls_by_name(inner, called):
        return None
    return antecedent(article, pronoun, PERSON_LABELS, skipped=frozenset({called}))


def _speech_owner(article: ParsedArticle, inner: Span) -> Token | None:
    """Return X in "X's claim that ...", when the quotation sits inside such a speech noun."""
    for ancestor in inner.root.ancestors:
        if ancestor.lemma_.lower() in SPEECH_NOUNS and not article.is_quoted(ancestor):
            owners = [child for child in ancestor.children if child.dep_ == "poss"]
            return owners[0] if owners else None
    return None


def introduced_speaker(article: ParsedArticle, outer: Span, first: int) -> tuple[str | None, bool]:
    """Return the speaker a quotation takes from the words that lead into it.

    A sentence ending in a colon introduces the quotation after it; otherwise a quotation that
    opens a sentence usually belongs to the actor the paragraph's previous sentence is about.
    """
    sentence = article.sentences[first]
    before = [t for t in article.doc[sentence.start : outer.start] if not t.is_space]
    if before and before[-1].text == ":":
        return _colon_speaker(article, before[-1], sentence)
    if before or first == 0:
        return None, False
    previous = article.sentences[first - 1]
    ending = [t for t in previous if not t.is_space]
    if ending and ending[-1].text == ":":
        return _colon_speaker(article, ending[-1], previous)
    if article.paragraph_index(previous.start_char) != article.paragraph_index(outer.start_char):
        return None, False
    name, _ = _lead_speaker(article, previous)
    return name, name is not None


def _colon_speaker(article: ParsedArticle, colon: Token, sentence: Span) -> tuple[str | None, bool]:
    """Return the speaker a colon introduces: the subject of the clause the colon ends. Most
    often that is the sentence's ("Smith, who chairs it, said on Monday: ..."); a relative clause
    ends in it when the words are what a thing holds ("... onmeth.com, the website, which
    contains the following statement: ..."), and the thing is their source, not the sentence's
    subject."""
    # The words right before the colon belong to the clause it ends; the colon itself the parser
    # may hang on any verb of the sentence.
    last = colon.doc[colon.i - 1]
    clause = next((t for t in (last, *last.ancestors) if t.pos_ in {"VERB", "AUX"}), None)
    if clause is None or clause.i > colon.i or clause.dep_ != "relcl":
        return _lead_speaker(article, sentence)
    source = subject_of(article, clause)
    if source is None:
        return None, False
    return name_for_subject(article, source), True


def _lead_speaker(article: ParsedArticle, sentence: Span) -> tuple[str | None, bool]:
    """Return the actor a sentence is about (its main subject), and whether it has one."""
    subject = subject_of(article, sentence.root)
    if subject is None:
        return None, False
    return name_for_subject(article, subject), True


def _sign_off(article: ParsedArticle, quotation: Quotation) -> Span | None:
    """Return the name signed after a quotation with a dash, up to the end of its line: on the
    quotation's line, or on a short line of its own right after it (a review's "– Man**")."""
    text = article.text
    position = quotation.end
    while position < len(text) and text[position].isspace():
        position += 1
    if position >= len(text) or text[position] not in SIGN_OFF_DASHES:
        # A reader's comment signed "Ashley, Swindon" on the line after it.
        return signature_after(article, quotation.end)
    line_end = text.find("\n", position)
    line_end = len(text) if line_end < 0 else line_end
    name = text[position + 1 : line_end].strip(" \xa0\t.")
    is_own_line = "\n" in text[quotation.end : position]
    if not name or (is_own_line and len(name.split()) > MAX_SIGN_OFF_WORDS):
        return None
    name_start = text.index(name, position + 1)
    return article.doc.char_span(name_start, name_start + len(name), alignment_mode="expand")


def _according_to(article: ParsedArticle, sentence: Span) -> Token | None:
    """Return the noun of an "according to X" phrase outside the quotes, if any."""
    for token in sentence:
        if token.lower_ != "according" or article.is_quoted(token):
            continue
        for preposition in token.children:
            if preposition.lower_ == "to":
                objects = [child for child in preposition.children if child.dep_ == "pobj"]
                if objects:
                    return objects[0]
    return None
