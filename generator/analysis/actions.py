"""What an actor does in a story: the finite clauses whose subject (or passive agent) is one of
its names, as the article words them ("said or did" on the actor's card).
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Span, Token

from generator.analysis.asides import WRITER_WORDS
from generator.analysis.clauses import (
    CLAUSE_POS,
    clause_of,
    clause_text,
    clause_tokens,
    follows_another_verb,
    runs_on,
)
from generator.analysis.connectives import without_connective
from generator.analysis.event_subjects import is_quoted
from generator.analysis.grammar import FINITE_TAGS
from generator.analysis.grammar import NOMINAL_SUBJECT_DEPS as SUBJECT_DEPS
from generator.analysis.layout import is_prose
from generator.analysis.lexicon import (
    SPEECH_VERBS,
)
from generator.analysis.quote_marks import DOUBLE_MARKS, quotations_of
from generator.analysis.reported_clauses import supposes_speech
from generator.analysis.token_lists import token_lists
from generator.analysis.whole_sentences import is_listing_entry, runs_captions_together

CONTENT_MARKS = ("that", "whether", "if")
MAX_ACTIONS = 3
MIN_ACTION_WORDS = 3
MAX_SENTENCE_WORDS = 45
"""The longest sentence shown whole as an action (as long as the longest key fact)."""
WHAT_IS_SAID_DEPS = frozenset({"ccomp", "dobj", "xcomp", "parataxis", "prep", "advcl", "conj"})
"""How what a verb of saying says hangs on it: a clause said, an object, a topic ("about")."""
OBJECT_PRONOUNS = frozenset({"it", "them"})
OBJECT_DEPS = frozenset({"dobj", "pobj", "dative"})
LOOKING_AHEAD_DEPS = frozenset({"ccomp", "xcomp", "oprd", "acomp"})
"""What follows an "it" that stands for no earlier noun ("made it clear that ...")."""
NOUN_POS = frozenset({"NOUN", "PROPN"})
VOICES_OF_THE_NAMED = frozenset(
    {
        "administration", "authority", "cabinet", "delegation", "embassy", "government",
        "leadership", "ministry", "office", "official", "regime", "spokesman", "spokesperson",
        "spokeswoman",
    }
)  # fmt: skip
"""Those who speak or act for whoever names them, unnamed themselves: "Beijing officials
admitted", "Cruz's office said", "the Kremlin spokesman said" are the government, the office
holder, the body acting. Not a person's title ("the Labour leader", "Russia's ambassador"):
someone of their own, whom a story names or leaves to its quotes."""
NAMING_DEPS = frozenset({"compound", "poss", "amod", "nmod"})
"""How a name hangs on the noun of those who speak for it: "Beijing officials", "Cruz's office",
"Chinese officials"."""


def actions_of(names: Iterable[Span]) -> tuple[str, ...]:
    """What an actor said or did: clauses in which its names act, as the article words them;
    what those who speak for it did ("Beijing officials admitted ...") after its own acts."""
    own: list[str] = []
    voiced: list[str] = []
    for name in names:
        text, by_a_voice = _action_text(name)
        # A line cut from its sentence shows nothing it could go on from ("Still, ...").
        text = without_connective(text) if text else None
        if text and text not in own + voiced and len(text.split()) >= MIN_ACTION_WORDS:
            (voiced if by_a_voice else own).append(text)
        if len(own) == MAX_ACTIONS:
            break
    return tuple((own + voiced)[:MAX_ACTIONS])


def _tells_acts(sent: Span) -> bool:
    """Whether a sentence is prose that can tell what someone did: a sub-heading or a link card
    names an actor but says nothing it did (`is_prose`); a results listing's entry ("Hawks
    (3-0): Reed 2 goals.") is a tally, not an act."""
    return is_prose(sent) and not is_listing_entry(sent)


def _action_text(span: Span) -> tuple[str | None, bool]:
    """The clause in which this mention is the doer, or None, and whether the doers are those
    who speak for it (`_speaks_for`). Whether its sentence can tell an act (`_tells_acts`) is
    asked last: most mentions are no doer (a place, an object)."""
    name = span.root
    subject = _subject_head(name)
    if subject is None and _speaks_for(name):
        subject = _subject_head(name.head)
        return (_clause(subject.head) if subject and _tells_acts(span.sent) else None), True
    if subject is not None:
        return (_clause(subject.head) if _tells_acts(span.sent) else None), False
    return _done_by_the_name(span), False


def _done_by_the_name(span: Span) -> str | None:
    """The clause of a passive whose agent the name is, or of a relative on the name."""
    name = span.root
    if name.dep_ == "pobj" and name.head.dep_ == "agent":
        return _passive_action(name.head.head, span) if _tells_acts(span.sent) else None
    relative = next(
        (
            c
            for c in name.children
            if c.dep_ == "relcl" and _has_relative_subject(c) and _follows_name(c, span)
        ),
        None,
    )
    if relative is not None and not _is_reported(relative) and _tells_acts(span.sent):
        text = _clause(relative)
        return _named_relative(span, text) if text else None
    return None


def _clause(verb: Token) -> str | None:
    """The clause `verb` heads (`clause_text`), unless it is captions run together."""
    kept = clause_tokens(verb)
    if kept and _runs_together(verb.doc[kept[0].i : kept[-1].i + 1]):
        return None
    if _says_nothing(verb, kept) or (kept and _tells_no_act(verb, kept[0])):
        return None
    if _objects_something_unnamed(verb, kept) or (kept and _names_a_thing(verb, kept[0])):
        return None
    return clause_text(verb, kept)


def _names_a_thing(verb: Token, first: Token) -> bool:
    """Whether the clause is a free relative opened by its own object ("what the firm ships
    in the box", of "smaller than what the firm ships in the box"): it names the thing done,
    a noun of another clause, and read alone it is a heading's fragment, not an act. "When
    the firm shipped it" and "which the firm ships" (a relative on a noun) tell acts."""
    return first.tag_ == "WP" and first.head.i == verb.i and first.dep_ in OBJECT_DEPS


def _objects_something_unnamed(verb: Token, kept: tuple[Token, ...]) -> bool:
    """Whether the clause acts on "it" or "them" that an earlier sentence names ("He then swung
    it at the keeper", "it" the bat of the sentence before): alone on a card the line cannot say
    what; the actor's next act takes its place. Not an "it" that looks ahead ("made it clear
    that ..."), nor one whose noun the sentence gives before it."""
    for token in kept:
        if token.lower_ not in OBJECT_PRONOUNS or token.dep_ not in OBJECT_DEPS:
            continue
        subject = {t.i for c in verb.children if c.dep_ in SUBJECT_DEPS for t in c.subtree}
        looks_ahead = any(c.dep_ in LOOKING_AHEAD_DEPS for c in token.head.children)
        named_before = any(
            t.pos_ in NOUN_POS and t.i not in subject for t in token.sent if t.i < token.i
        )
        if not (looks_ahead or named_before):
            return True
    return False


def _tells_no_act(verb: Token, first: Token) -> bool:
    """Whether the clause tells nobody's act: its sentence asks in the writer's voice ("Is it
    the future, or will the service fall flat?"), or the clause opens inside a quotation whose
    mark lies before it, so the line would start mid-quote (the words are a quote's)."""
    quotations = quotations_of(verb.doc)
    tokens = token_lists(verb.doc)
    last = tokens.last_non_space(verb.sent)
    if last is not None and tokens.text[last] == "?":
        mark = tokens.idx[last]
        if not any(q.start <= mark < q.end for q in quotations):
            return True
    return any(q.start < first.idx < q.end for q in quotations)


def _says_nothing(verb: Token, kept: tuple[Token, ...]) -> bool:
    """Whether a verb of saying keeps none of what was said: the quotation is its own sentence
    or was left out, and the line would be the attribution alone ("said Derek Scissors, a China
    scholar ..."). The words are the quote's, under Quotes with their speaker."""
    if verb.lemma_.lower() not in SPEECH_VERBS:
        return False
    if supposes_speech(verb):
        return True  # "As a coach would say, ...": nothing said, nothing done
    kept_indices = {token.i for token in kept}
    said = [t for c in verb.children if c.dep_ in WHAT_IS_SAID_DEPS for t in c.subtree]
    if any(t.text in DOUBLE_MARKS and t.i not in kept_indices for t in said):
        # "X failed, which was “odd,” wrote Lee": the line cut the quotation out of what was
        # said; the words are the quote's, whole under Quotes.
        return True
    # The line may keep part of what was said without its head ("Trump said, “When people
    # come back ... you can handle it"); the parser may hang a quotation's verb as "punct".
    return not any(
        t.i in kept_indices
        for child in verb.children
        if child.dep_ in WHAT_IS_SAID_DEPS or (child.dep_ == "punct" and not child.is_punct)
        for t in child.subtree
    )


def _runs_together(span: Span) -> bool:
    """Whether the words are a page's pieces run together: a sentence start inside them
    (`runs_on`), or captions a long run holds (`whole_sentences.runs_captions_together`)."""
    return runs_on(span) or runs_captions_together(span)


def _subject_head(token: Token) -> Token | None:
    """The subject token the mention stands in, also within 'The US, South Korea, and ...' and
    beside a title ("Rio Grande do Sul's governor, Eduardo Leite, said ...")."""
    while token.dep_ == "conj":
        token = token.head
    if token.dep_ == "appos" and token.head.dep_ in SUBJECT_DEPS:
        token = token.head
    verb = token.head
    # A relative clause ("the trips Putin has made") tells about its noun, not the actor.
    if token.dep_ not in SUBJECT_DEPS or verb.dep_ == "relcl" or _is_reported(verb):
        return None
    if follows_another_verb(token) or _is_addressed(token):
        return None
    return token if _is_finite_clause(verb) else None


def _speaks_for(name: Token) -> bool:
    """Whether the name is of those who speak or act for it, the subject ("Beijing officials
    said", "Nadia Cruz's office said"): their act is the named one's. Not where the one who
    speaks is named ("the ministry's spokesman, Ana Ruiz, said" is hers), nor a title between
    ("Bolivia's public defender's office" is the defender's, not the country's)."""
    noun = name.head
    return (
        name.dep_ in NAMING_DEPS
        and noun.dep_ in SUBJECT_DEPS
        and noun.lemma_.lower() in VOICES_OF_THE_NAMED
        and not any(child.dep_ == "appos" for child in noun.children)
        # "Bolivia's public defender's office": the parser may hang both owners on "office".
        and not any(token.pos_ == "NOUN" for token in name.doc[name.i + 1 : noun.i])
    )


def _is_addressed(subject: Token) -> bool:
    """Whether a name the parser made a subject is the person spoken to: set off by a comma
    before the verb's own subject ("Pamela, why are we talking about leadership?")."""
    after = subject.right_edge.i + 1
    if after >= len(subject.doc) or subject.doc[after].text != ",":
        return False
    return any(child.dep_ in SUBJECT_DEPS and child.i > after for child in subject.head.children)


def _is_reported(verb: Token) -> bool:
    """A clause inside someone else's statement or concern ("observers fear that Moscow ...")."""
    return any(
        t.dep_ == "ccomp" or any(c.dep_ == "mark" and c.lower_ in CONTENT_MARKS for c in t.children)
        for t in (verb, *verb.ancestors)
        if t.i != t.head.i
    )


def _passive_action(verb: Token, name: Span) -> str | None:
    """The clause around a passive whose agent is the actor.

    A reduced relative ("an invitation extended by ... Kim Jong Un") is only a noun phrase, so
    the clause that holds its noun is shown: "The visit follows an invitation extended by ...
    Kim Jong Un in September 2023". When that clause leaves the relative out as an aside, the
    whole sentence is shown, or the actor would not be in it.
    """
    if verb.dep_ != "acl":
        return _clause(verb)
    holder = clause_of(verb.head)
    if holder.pos_ not in CLAUSE_POS or _is_reported(holder) or _is_the_writers(holder):
        return None
    if name.root in clause_tokens(holder):
        return _clause(holder)
    sentence = name.sent
    words = sentence.text.strip().rstrip(" .;:")
    if len(words.split()) > MAX_SENTENCE_WORDS or _runs_together(sentence):
        return None
    return words[:1].upper() + words[1:]


def _is_the_writers(verb: Token) -> bool:
    """Whether the clause tells the writer's own act ("we used figures compiled by the
    agency"): what the writer did with a body's work is no act of the body. Inside a
    quotation, "we" is the speaker's."""
    return any(
        child.dep_ in SUBJECT_DEPS and child.lower_ in WRITER_WORDS and not is_quoted(child)
        for child in verb.children
    )


def _follows_name(relative: Token, name: Span) -> bool:
    """Whether a relative clause is about the name: no other name it could be about comes
    between them. The parser also hangs on a name a clause that is about a name after it
    ("Berdymukhamedov, the successor of Saparmurat Niyazov, who ruled ..."), but not one of
    another kind ("Dana Pike of Channel 9, who will host ...")."""
    between = name.doc[name.end : relative.left_edge.i]
    if relative.left_edge.lower_ in ("who", "whom"):
        # "who" is about a person: a body or a place between is no rival.
        return all(token.ent_type_ != "PERSON" for token in between)
    return all(not token.ent_type_ for token in between)


def _has_relative_subject(verb: Token) -> bool:
    return any(c.dep_ in SUBJECT_DEPS and c.tag_ in ("WP", "WDT") for c in verb.children)


def _named_relative(name: Span, text: str) -> str:
    """'The US Federal Reserve has kept ...' for "the US Federal Reserve, which has kept ..."."""
    words = text.split(" ", 1)
    if len(words) < 2:
        return text
    before = name.doc[name.start - 1] if name.start > 0 else None
    article = "the " if before is not None and before.lower_ == "the" else ""
    named = f"{article}{name.text} {words[1]}"
    return named[:1].upper() + named[1:]


def _is_finite_clause(verb: Token) -> bool:
    """A verb with tense ("arrived", "is scheduled"), not a bare participle ("Moscow seeking")."""
    return verb.tag_ in FINITE_TAGS or any(
        child.dep_ in ("aux", "auxpass") and child.tag_ in FINITE_TAGS for child in verb.children
    )
