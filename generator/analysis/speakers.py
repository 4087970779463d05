"""Find who the text credits with some words: a parsed article and a quotation or speech verb in
it in, the speaker's canonical actor name (from the caller's `speaker_name`) out.

The speaker is a speech verb's subject, the owner of "X's claim", a dashed sign-off, the source
of "according to X", or the subject of the sentence that leads into a quotation; "he", "she" and
"they" stand for the actor named last before them.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Callable, Iterator

from spacy.tokens import Doc, Span, Token

from generator.analysis.clauses import joins_a_report
from generator.analysis.entity_index import entities_starting, entity_at
from generator.analysis.layout import text_of
from generator.analysis.lexicon import (
    GROUP_PRONOUNS,
    RELATIVE_PRONOUNS,
    SPEAKER_PRONOUNS,
    SPEECH_NOUNS,
)
from generator.analysis.quote_marks import Quotation, quotations_of

SIGN_OFF_DASHES = frozenset("―—–")
"""A dash after a closing mark introduces the speaker's name ("...” ― Jane Doe")."""
PERSON_LABELS = frozenset({"PERSON"})
GROUP_LABELS = frozenset({"ORG", "GPE", "NORP"})

SUBJECT_DEPS = frozenset({"nsubj"})
PASSIVE_DEPS = frozenset({"nsubjpass", "auxpass"})
"""A passive speech verb's subject is the one spoken to or about; the speaker is "by X"."""
# A verb without its own subject shares the subject of the verb it hangs from by these links
# ("stood up and said ...", "went on to say ...", "..., adding that ...", "before asking ...").
SHARED_SUBJECT_DEPS = frozenset({"conj", "xcomp", "advcl", "pcomp", "prep"})
# A speech verb parsed as modifying a noun ("Yuri Ushakov, Putin's aide, mentioned ...", a
# common small-model misparse) or a relative clause ("Kirby, who said ...") speaks for that noun.
NOUN_MODIFIER_DEPS = frozenset({"acl", "relcl"})
NOUN_PHRASE_EXCLUDED_DEPS = frozenset({"appos", "relcl", "acl", "punct", "cc", "conj"})

PRONOUN_LOOKBACK_SENTENCES = 4
"""How many sentences before a pronoun to search for the actor it stands for."""

PARAGRAPH_BREAK = re.compile(r"\n\s*\n")

SpeakerName = Callable[[Span], str | None]
"""The caller's actor lookup: a span in, the canonical name of the actor it names (or None) out."""


class ParsedArticle:
    """A parsed article with its sentences, paragraphs and quotations looked up once."""

    def __init__(self, doc: Doc, speaker_name: SpeakerName) -> None:
        self.doc = doc
        self.text = text_of(doc)
        self.speaker_name = speaker_name
        self.sentences = list(doc.sents)
        self.sentence_starts = [sentence.start for sentence in self.sentences]
        self.paragraph_starts = [0] + [m.end() for m in PARAGRAPH_BREAK.finditer(self.text)]
        self.quotations = quotations_of(doc)
        # Quotations by where they start, with the furthest end reached so far: whether a
        # token is quoted is then one binary search, not a scan of every quotation.
        spans = sorted((q.start, q.end) for q in self.quotations)
        self._quotation_starts = [start for start, _end in spans]
        self._furthest_ends = list(itertools.accumulate((end for _start, end in spans), max))

    def sentence_index(self, token_index: int) -> int:
        """Return the index of the sentence holding a token."""
        return bisect.bisect_right(self.sentence_starts, token_index) - 1

    def paragraph_index(self, char_offset: int) -> int:
        """Return the index of the paragraph holding a character."""
        return bisect.bisect_right(self.paragraph_starts, char_offset) - 1

    def is_quoted(self, token: Token) -> bool:
        """Tell whether a token lies inside any quotation."""
        before = bisect.bisect_right(self._quotation_starts, token.idx)
        return before > 0 and self._furthest_ends[before - 1] > token.idx


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
        subject = subject_of(article, verb)
        if subject is None:
            continue
        is_attributed = True
        name = name_for_subject(article, subject)
        if name is not None:
            return name, True
    sign_off = _sign_off(article, quotation)
    if sign_off is not None:
        return article.speaker_name(sign_off), True
    for sentence in covering:
        source = _according_to(article, sentence)
        if source is not None:
            return name_for_subject(article, source), True
    return None, is_attributed


def _speech_owner(article: ParsedArticle, inner: Span) -> Token | None:
    """Return X in "X's claim that ...", when the quotation sits inside such a speech noun."""
    for ancestor in inner.root.ancestors:
        if ancestor.lemma_.lower() in SPEECH_NOUNS and not article.is_quoted(ancestor):
            owners = [child for child in ancestor.children if child.dep_ == "poss"]
            return owners[0] if owners else None
    return None


def subject_of(article: ParsedArticle, verb: Token) -> Token | None:
    """Return the subject of a verb, following shared subjects and noun-modifying clauses."""
    current = verb
    while True:
        if any(child.dep_ in PASSIVE_DEPS for child in current.children) or _is_participle(current):
            return _agent_of(current)
        subjects = [child for child in current.children if child.dep_ in SUBJECT_DEPS]
        if subjects:
            # The parser sometimes makes part of the quotation a second subject of "said".
            unquoted = [subject for subject in subjects if not article.is_quoted(subject)]
            if not unquoted:
                return None
            if unquoted[0].lower_ in RELATIVE_PRONOUNS and current.dep_ == "relcl":
                return current.head
            return unquoted[0]
        if current.dep_ in NOUN_MODIFIER_DEPS and current.head.pos_ in {"PROPN", "NOUN"}:
            return current.head
        if current.dep_ not in SHARED_SUBJECT_DEPS or current.head is current:
            return None
        is_conjoined = current.dep_ == "conj"
        current = current.head
        if is_conjoined and joins_a_report(verb, current):
            current = current.head


def _is_participle(verb: Token) -> bool:
    """Tell a passive participle without an auxiliary: in "Asked by reporters whether ...,
    Putin answered", the reporters ask and Putin is the one asked."""
    if verb.tag_ != "VBN" or any(child.dep_ in ("aux", "auxpass") for child in verb.children):
        return False
    return verb.dep_ == "advcl" or any(child.dep_ == "agent" for child in verb.children)


def _agent_of(verb: Token) -> Token | None:
    """Return X in a passive "written by X", if given."""
    for child in verb.children:
        if child.dep_ == "agent":
            objects = [grandchild for grandchild in child.children if grandchild.dep_ == "pobj"]
            return objects[0] if objects else None
    return None


def introduced_speaker(article: ParsedArticle, outer: Span, first: int) -> tuple[str | None, bool]:
    """Return the speaker a quotation takes from the words that lead into it.

    A sentence ending in a colon introduces the quotation after it; otherwise a quotation that
    opens a sentence usually belongs to the actor the paragraph's previous sentence is about.
    """
    sentence = article.sentences[first]
    before = [t for t in article.doc[sentence.start : outer.start] if not t.is_space]
    if before and before[-1].text == ":":
        return _lead_speaker(article, sentence)
    if before or first == 0:
        return None, False
    previous = article.sentences[first - 1]
    if previous.text.rstrip().endswith(":"):
        return _lead_speaker(article, previous)
    if article.paragraph_index(previous.start_char) != article.paragraph_index(outer.start_char):
        return None, False
    name, _ = _lead_speaker(article, previous)
    return name, name is not None


def _lead_speaker(article: ParsedArticle, sentence: Span) -> tuple[str | None, bool]:
    """Return the actor a sentence is about (its main subject), and whether it has one."""
    subject = subject_of(article, sentence.root)
    if subject is None:
        return None, False
    return name_for_subject(article, subject), True


def _sign_off(article: ParsedArticle, quotation: Quotation) -> Span | None:
    """Return the name signed after a quotation with a dash, up to the end of its line."""
    text = article.text
    position = quotation.end
    while position < len(text) and text[position] in " \xa0\t":
        position += 1
    if position >= len(text) or text[position] not in SIGN_OFF_DASHES:
        return None
    line_end = text.find("\n", position)
    line_end = len(text) if line_end < 0 else line_end
    name = text[position + 1 : line_end].strip(" \xa0\t.")
    if not name:
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


def name_for_subject(article: ParsedArticle, subject: Token) -> str | None:
    """Return the actor name for a subject noun, resolving he, she and they."""
    pronoun = subject.lower_
    if pronoun in SPEAKER_PRONOUNS:
        return _antecedent(article, subject, PERSON_LABELS)
    if pronoun in GROUP_PRONOUNS:
        return _antecedent(article, subject, GROUP_LABELS)
    for candidate in _subject_spans(article.doc, subject):
        name = article.speaker_name(candidate)
        if name is not None:
            return name
    return None


def _subject_spans(doc: Doc, subject: Token) -> Iterator[Span]:
    """Yield spans that may name a subject: its entity, the names set beside it, its noun
    phrase, then the appositions' noun phrases.

    A name in apposition comes before the noun phrase, whose possessor owns a title but does not
    speak: in "Rio Grande do Sul's governor, Eduardo Leite, said" the governor speaks.
    """
    if subject.ent_type_:
        yield _entity_of(doc, subject)
    appositions = [child for child in subject.children if child.dep_ == "appos"]
    for child in appositions:
        if child.ent_type_:
            yield _entity_of(doc, child)
    yield _noun_phrase(doc, subject)
    for child in appositions:
        yield _noun_phrase(doc, child)


def _entity_of(doc: Doc, token: Token) -> Span:
    """Return the named entity a token belongs to."""
    return entity_at(token) or doc[token.i : token.i + 1]


def _noun_phrase(doc: Doc, head: Token) -> Span:
    """Return a noun and its modifiers, without appositions, clauses or trailing commas."""
    kept = [head] + [
        token
        for child in head.children
        if child.dep_ not in NOUN_PHRASE_EXCLUDED_DEPS
        for token in child.subtree
    ]
    return doc[min(t.i for t in kept) : max(t.i for t in kept) + 1]


def _antecedent(article: ParsedArticle, pronoun: Token, labels: frozenset[str]) -> str | None:
    """Return the actor a pronoun stands for: the latest one named a few sentences before.

    Actors named as subjects are preferred, as a pronoun usually continues the topic; for
    "they", a plural noun subject that names no actor ("the member countries") ends the search
    with no name.
    """
    index = article.sentence_index(pronoun.i)
    window_start = article.sentence_starts[max(0, index - PRONOUN_LOOKBACK_SENTENCES)]
    # Only the window's names and subjects, not the whole article's for every pronoun.
    window = pronoun.doc[window_start : pronoun.i]
    candidates = [
        *(
            e
            for e in entities_starting(article.doc, window.start, window.end)
            if e.label_ in labels
        ),
        *(_plural_subjects(window) if pronoun.lower_ in GROUP_PRONOUNS else ()),
    ]
    fallback: str | None = None
    for candidate in sorted(candidates, key=lambda span: span.start, reverse=True):
        # Names inside quotations are what the speaker talks about, rarely the speaker.
        if not window_start <= candidate.start < pronoun.i or article.is_quoted(candidate[0]):
            continue
        if not candidate.label_:
            # The unnamed plural subject ("Twenty-seven states ... They argue") is who "they"
            # are, not a name after it that is no subject ("the U.S. Court of Appeals").
            return None
        name = article.speaker_name(candidate)
        if name is not None and _names_a_subject(candidate.root):
            return name
        fallback = fallback or name
    return fallback


def _names_a_subject(token: Token) -> bool:
    """A subject, or a name set beside one ("South Korea's defence minister, Shin Won-sik,")."""
    return token.dep_ in SUBJECT_DEPS or (token.dep_ == "appos" and token.head.dep_ in SUBJECT_DEPS)


def _plural_subjects(span: Span) -> Iterator[Span]:
    """Yield plural common nouns that are subjects, as spans without an entity label."""
    for token in span:
        if token.tag_ == "NNS" and token.dep_ in SUBJECT_DEPS and not token.ent_type_:
            yield token.doc[token.i : token.i + 1]
