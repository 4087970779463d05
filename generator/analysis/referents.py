"""Name whom the text means: a parsed article and a word of it in, the canonical actor name (from
the caller's `speaker_name`) out.

A subject is named by its entity, the name set beside it or its noun phrase; "he", "she" and
"they" stand for the actor named last before them, "it" for the body or country the sentence
before is about. A verb's subject is found through shared subjects and noun-modifying clauses.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Callable, Iterator

from spacy.tokens import Doc, Span, Token

from generator.analysis.antecedents import (
    GROUP_LABELS,
    PERSON_LABELS,
    PLURAL_NOUN_TAGS,
    antecedent,
    subject_of_a_clause_before,
    unless_other_sex,
)
from generator.analysis.clauses import continued_clause, is_set_off_participle, joins_a_report
from generator.analysis.descriptions import (
    described_person,
    is_description_of_a_named_body,
    is_description_of_a_named_person,
    is_description_of_the_principal,
    is_indefinite,
    is_one_of_the_public,
    person_named,
    person_with_title,
    principal_described,
)
from generator.analysis.document_speakers import document_author
from generator.analysis.entity_index import entity_at
from generator.analysis.grammar import ACTIVE_SUBJECT_DEPS as SUBJECT_DEPS
from generator.analysis.home_places import person_before_their_place
from generator.analysis.layout import text_of
from generator.analysis.lexicon import (
    GROUP_PRONOUNS,
    HONORIFICS,
    PERSON_ROLE_WORDS,
    RELATIVE_PRONOUNS,
    SPEAKER_PRONOUNS,
)
from generator.analysis.named_later import name_given_later
from generator.analysis.national_speakers import NOT_NATIONAL, national_speaker
from generator.analysis.quote_marks import QUOTE_MARKS, quotations_of
from generator.analysis.speech_words import BODY_VOICES
from generator.analysis.token_lists import once_a_position, sentences_of
from generator.models import Actor

PASSIVE_DEPS = frozenset({"nsubjpass", "auxpass"})
"""A passive speech verb's subject is the one spoken to or about; the speaker is "by X"."""
# A verb without its own subject shares the subject of the verb it hangs from by these links
# ("stood up and said ...", "went on to say ...", "..., adding that ...", "before asking ...").
SHARED_SUBJECT_DEPS = frozenset({"conj", "xcomp", "advcl", "pcomp", "prep"})
# A speech verb parsed as modifying a noun ("Yuri Ushakov, Putin's aide, mentioned ...", a
# common small-model misparse) or a relative clause ("Kirby, who said ...") speaks for that noun.
NOUN_MODIFIER_DEPS = frozenset({"acl", "relcl"})
NOUN_PHRASE_EXCLUDED_DEPS = frozenset({"appos", "relcl", "acl", "punct", "cc", "conj"})

PARAGRAPH_BREAK = re.compile(r"\n\s*\n")

SpeakerName = Callable[[Span], str | None]
"""The caller's actor lookup: a span in, the canonical name of the actor it names (or None) out."""
NOT_SPEAKER_LABELS = frozenset(
    {"GPE", "LOC", "FAC", "DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"}
)
"""Entity labels of words that name no one who speaks, whatever the parser made them."""
MAX_INITIALISM_LETTERS = 4
"""A name in capitals this short is an initialism ("AP", "NATO"); a longer one is a name
printed in capitals ("WALLACE" in a transcript), written "Wallace"."""


class ParsedArticle:
    """A parsed article with its sentences, paragraphs and quotations looked up once."""

    def __init__(
        self,
        doc: Doc,
        speaker_name: SpeakerName,
        actors: tuple[Actor, ...] | None = None,
        headline: str = "",
    ) -> None:
        self.doc = doc
        self.headline = headline
        """The article's title: whom it names is the story's principal."""
        self.text = text_of(doc)
        self.speaker_name = speaker_name
        self.actors = actors
        """The article's actors, for a name the actor lookup did not tie to its mention; None
        names no speaker beyond the lookup's."""
        self.people = frozenset(a.name for a in actors or () if a.kind == "person")
        """The names of the actors that are people, whatever the model labelled their mentions."""
        self.sentences = list(sentences_of(doc))
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
        return self.is_quoted_at(token.idx)

    def is_quoted_at(self, char_offset: int) -> bool:
        """Tell whether a character lies inside any quotation."""
        before = bisect.bisect_right(self._quotation_starts, char_offset)
        return before > 0 and self._furthest_ends[before - 1] > char_offset


def pronoun_names(
    doc: Doc, speaker_name: SpeakerName, actors: tuple[Actor, ...] | None = None
) -> Callable[[Token], str | None]:
    """Return who a subject pronoun of the doc stands for (`name_for_subject`): key facts name
    it beside a "he" or "they" that opens a fact."""
    article = ParsedArticle(doc, speaker_name, actors)
    return once_a_position(lambda pronoun: name_for_subject(article, pronoun))


def subject_of(article: ParsedArticle, verb: Token) -> Token | None:
    """Return the subject of a verb, following shared subjects and noun-modifying clauses."""
    current = verb
    while True:
        if any(child.dep_ in PASSIVE_DEPS for child in current.children) or _is_participle(current):
            return _agent_of(current)
        subjects = [child for child in current.children if child.dep_ in SUBJECT_DEPS]
        if subjects:
            # The parser sometimes makes part of the quotation a second subject of "said".
            # A dash the tagger took for a noun is no subject ("made public ― Trump boasted").
            unquoted = [
                subject
                for subject in subjects
                if not article.is_quoted(subject) and any(c.isalnum() for c in subject.text)
            ]
            if not unquoted:
                return None
            if unquoted[0].lower_ in RELATIVE_PRONOUNS and current.dep_ == "relcl":
                return current.head
            # Two subjects before the verb are one name the parser split ("CPUC President
            # Marybel Batjer said"): its head is the one next to the verb.
            before = [subject for subject in unquoted if subject.i < current.i]
            return before[-1] if len(before) > 1 else unquoted[0]
        if current.dep_ in NOUN_MODIFIER_DEPS and current.head.pos_ in {"PROPN", "NOUN"}:
            return current.head
        if current.dep_ == "compound" and current.head.pos_ == "PROPN":
            # "Said Ellis: ..." parsed as a name "Said Ellis".
            return current.head
        named_before = _name_right_before(current)
        if named_before is not None:
            return named_before
        if current.dep_ not in SHARED_SUBJECT_DEPS or current.head is current:
            return None
        # "said Russia had acted ..., arguing that ...": the one who said argues, not Russia.
        is_joined = current.dep_ == "conj" or is_set_off_participle(current)
        current = continued_clause(current, article.is_quoted)
        if is_joined and joins_a_report(verb, current):
            current = current.head


def _name_right_before(verb: Token) -> Token | None:
    """Return the person's name a subjectless verb follows directly: in "footage of Hillary
    Clinton asking, ..." she asks, and in "“...,” police Chief Dana Roe said" Roe says,
    whatever the parser hung the verb on (a place it took for a verb, "Tulsa police ...")."""
    if not verb.tag_.startswith("VB") or verb.i == 0:
        return None
    before = verb.doc[verb.i - 1]
    return before if before.pos_ == "PROPN" and before.ent_type_ == "PERSON" else None


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


def name_for_subject(article: ParsedArticle, subject: Token) -> str | None:
    """Return the actor name for a subject noun, resolving he, she and they; subjects joined by
    "and" are named together ("Mr. Grassley and Mr. Leahy say" is both of them)."""
    pronoun = subject.lower_
    if pronoun in SPEAKER_PRONOUNS:
        return antecedent(article, subject, PERSON_LABELS)
    if pronoun in GROUP_PRONOUNS:
        return antecedent(article, subject, GROUP_LABELS)
    if pronoun in ("it", "its"):
        return _previous_topic(article, subject)
    name = _one_name(article, subject)
    if name is None:
        return None
    others = (_one_name(article, other) for other in _conjoined_names(subject))
    return joined_names([name, *(other for other in others if other is not None)])


def _previous_topic(article: ParsedArticle, pronoun: Token, kind: str | None = None) -> str | None:
    """What "it" stands for: the body or country the sentence before is about ("Hanoi has
    balanced its relations ... It raised its ties ..."), when that sentence names one as its
    subject; a person is no "it", and a thing the text does not name is none. "The company"
    stands for the organisation (`kind`) the sentence before is about: not one named in
    passing ("..., according to the agency") nor before another subject. An earlier clause of
    its own sentence comes first (`subject_of_a_clause_before`)."""
    subject = subject_of_a_clause_before(article, pronoun)
    index = article.sentence_index(pronoun.i)
    if subject is None and (index == 0 or _asks(article.sentences[index - 1])):
        # "What tariffs has the US imposed? It started with ...": the answer's "it" is what
        # the question asks about, not its subject.
        return None
    subject = subject or subject_of(article, article.sentences[index - 1].root)
    if subject is None or subject.pos_ == "PRON" or _is_plural(subject):
        # "U.S. consumers may buy less ... It started with ...": "it" is no plural subject,
        # whatever name qualifies it.
        return None
    name = _one_name(article, subject)
    if kind is not None:
        kept = {actor.name for actor in article.actors or () if actor.kind == kind}
        return name if name in kept else None
    people = {actor.name for actor in article.actors or () if actor.kind == "person"}
    return None if name in people else name


def _is_plural(subject: Token) -> bool:
    """Whether a subject is a plural common noun or subjects joined by "and"."""
    return subject.tag_ in PLURAL_NOUN_TAGS or any(c.dep_ == "conj" for c in subject.children)


def _asks(sentence: Span) -> bool:
    """Whether a sentence is a question: it ends on a question mark, perhaps inside quotes."""
    return sentence.text.rstrip().rstrip("".join(QUOTE_MARKS) + ")").endswith("?")


def joined_names(names: list[str]) -> str:
    """ "A", "A and B", "A, B and C", each name once."""
    unique = list(dict.fromkeys(names))
    return unique[0] if len(unique) == 1 else f"{', '.join(unique[:-1])} and {unique[-1]}"


def _conjoined_names(subject: Token) -> Iterator[Token]:
    """Yield the proper nouns joined to a subject by "and" ("Mr. King and Mr. Schultz")."""
    for child in subject.children:
        if child.dep_ == "conj" and child.pos_ == "PROPN":
            yield child
            yield from _conjoined_names(child)


def _one_name(article: ParsedArticle, subject: Token) -> str | None:
    # A person's own name beats the body or country the model took it into: "CPUC President
    # Marybel Batjer said" is Batjer speaking, not the commission.
    person = person_named(article, subject) or person_with_title(article, subject)
    person = person or person_before_their_place(article, subject)
    if person is not None:
        return unless_other_sex(subject.doc[subject.i : subject.i + 1], person)
    national = national_speaker(article, subject)  # "said the American"
    if is_one_of_the_public(subject) or national != NOT_NATIONAL:
        return None if national == NOT_NATIONAL else national
    for candidate in _subject_spans(article.doc, subject):
        name = article.speaker_name(candidate)
        if name is not None:
            return unless_other_sex(candidate, name)
    named = name_given_later(article, subject)
    if named is not None:
        # "a spokesman said ..." and "The spokesman, Carl Webb, added ...": one person.
        return named
    body = _body_spoken_for(article, subject)
    if body is not None:
        return body
    author = document_author(article, subject)
    if author is not None:
        # "The ministry issued a statement. “...,” the statement said.": the ministry speaks.
        return name_for_subject(article, author)
    if is_description_of_a_named_person(subject):
        return described_person(article, subject)
    if is_description_of_the_principal(subject):
        return principal_described(article, subject)
    if is_description_of_a_named_body(subject):
        return _previous_topic(article, subject, "organisation")
    if subject.pos_ == "PROPN" and subject.lower_ in PERSON_ROLE_WORDS:
        # A role the model took for a name: "Senator from Texas says" stands for the senator
        # the story is about; "as one neo-bank CEO told me" for someone it does not name.
        return None if is_indefinite(subject) else described_person(article, subject)
    return name_as_written(article, subject)


def _body_spoken_for(article: ParsedArticle, subject: Token) -> str | None:
    """The body a spokesperson or a statement speaks for, named beside them: "a WeWork
    spokesperson said", "a spokeswoman for Harwick Capital said" are the company speaking. A
    place names no body ("a US spokesman": `name_as_written`), and a spokesperson named
    ("spokeswoman Jane Roe") is a person (`person_named`)."""
    if subject.pos_ != "NOUN" or subject.lower_ not in BODY_VOICES:
        return None
    names = [c for c in subject.children if c.dep_ == "compound" and c.i < subject.i]
    names += [
        pobj
        for c in subject.children
        if c.dep_ == "prep" and c.lower_ in ("for", "of") and c.i > subject.i
        for pobj in c.children
        if pobj.dep_ == "pobj"
    ]
    for token in names:
        name = article.speaker_name(_entity_of(article.doc, token)) or name_as_written(
            article, token
        )
        if name is not None:
            return name
    return None


def name_as_written(article: ParsedArticle, token: Token) -> str | None:
    """Return the name a proper noun gives when the actor lookup ties it to no actor.

    The model may have typed the mention as something else ("Trump accused Holt" as a work of
    art), or the speaker is no actor of the story (a company's statement, a website): the name
    is the actor whose name ends in the same word, else the name as the article writes it.
    """
    if token.pos_ != "PROPN" or token.ent_type_ in NOT_SPEAKER_LABELS:
        return None
    words = [
        t
        for t in token.subtree
        if t.i <= token.i and t.pos_ == "PROPN" and t.lower_ not in HONORIFICS
    ]
    words = [t for t in words if all(w.pos_ == "PROPN" for w in token.doc[t.i : token.i + 1])]
    return name_from_words(article, [t.text for t in words]) if words else None


def name_from_words(article: ParsedArticle, words: list[str]) -> str | None:
    """The actor whose name ends in the same word as these words, else the words as a name;
    None for a place, which says nothing."""
    if article.actors is None:
        return None
    last = words[-1].casefold()
    known = [
        actor
        for actor in article.actors
        if any(name.split()[-1].casefold() == last for name in (actor.name, *actor.aliases))
    ]
    if any(actor.kind == "place" for actor in known):
        return None
    people = [actor for actor in known if actor.kind == "person"]
    if people or known:
        return (people or known)[0].name
    return " ".join(_as_name(word) for word in words)


def _as_name(word: str) -> str:
    """A word of a name as a name is written: "WALLACE" is Wallace, "NATO" stays."""
    is_shouted = word.isupper() and len(word) > MAX_INITIALISM_LETTERS
    return word.capitalize() if is_shouted else word


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
