"""The words a verb of saying reports: "said that the talks had failed" reports "the talks had
failed". Quotes (`quotes.py`) read a quotation's clause and a reported statement from here.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from generator.analysis.clause_joins import ATTRIBUTION_WORDS
from generator.analysis.clauses import KEPT_MARKS, is_set_off_participle, joins_a_report
from generator.analysis.grammar import AUXILIARY_DEPS, MODAL_TAG, NOMINAL_SUBJECT_DEPS
from generator.analysis.lexicon import SAID_FORMS, SPEECH_IDIOMS, SPEECH_VERBS, TIME_CONJUNCTIONS

REPORTED_CLAUSE_DEPS = frozenset({"ccomp"})
"""The dependency of a clause a verb reports."""


SPEECH_IDIOM_VERBS = frozenset(verb for verb, _ in SPEECH_IDIOMS)
"""The verbs of the idioms of saying: every verb of an article is asked, few need their words
read."""


def is_speech_verb(token: Token, extra: frozenset[str] = frozenset()) -> bool:
    """Tell whether a token is a verb of saying, or one of the `extra` lemmas."""
    if token.lower_ in SAID_FORMS:
        return True
    if token.pos_ not in {"VERB", "AUX"}:
        return False
    lemma = token.lemma_.lower()
    if lemma in SPEECH_IDIOM_VERBS and any(
        (lemma, child.lower_) in SPEECH_IDIOMS for child in token.children
    ):
        return True
    return lemma in SPEECH_VERBS or lemma in extra


CONDITION_AUXILIARIES = frozenset({"had", "should", "were"})
"""Auxiliaries that open a condition when put before the subject without "if": "had he known",
"should it fail", "were she asked"."""

REFUSALS = frozenset({"decline", "deny", "fail", "refuse"})
"""Verbs whose "to say" or "saying" reports that nothing was said: "declined to say when ...",
"denied saying that ...", "failed to say whether ..."."""
NEGATIVE_WORDS = frozenset({"never", "no", "not", "nowhere", "neither", "nor", "n't"})
"""Words that make a phrase put before an inverted verb negative: "Never had he said",
"Not once did she say", "At no point did they claim", "Nor did he say"."""


def says_nothing(verb: Token) -> bool:
    """Whether a verb of saying reports that its subject did not say the clause: "did not say
    when the rover would be ready", "declined to say whether the plant would close", "had he
    said ...?", "were she to say ...". The words after it are the writer's, a question left
    open or a supposition, never the speaker's statement."""
    if any(child.dep_ == "neg" for child in verb.children) or opens_a_condition(verb):
        return True
    if _is_negative_inversion(verb):
        return True
    if asks_a_question(verb) or supposes_speech(verb):
        return True
    if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in REFUSALS:
        return True
    # "were she to say that ...": the supposition is told by the verb the infinitive hangs on.
    is_infinitive = any(c.tag_ == "TO" and c.dep_ == "aux" for c in verb.children)
    return is_infinitive and verb.head.i != verb.i and opens_a_condition(verb.head)


POSSIBILITY_MODALS = frozenset({"might", "could", "may"})
"""Modals that make a verb of saying a possibility: "critics might argue that ..."."""
CONDITIONAL_MODALS = frozenset({"would", "'d"})
"""Modals that make a verb of saying a supposition in a comparison or beside a condition ("as
a lawyer would say", "if asked, she would say"), or a later fact of a past story ("he would
later say"): only the first two report nothing."""
SUPPOSING_MARKS = frozenset({"as", "like", "if", "unless"})


def supposes_speech(verb: Token) -> bool:
    """Whether a verb of saying tells what someone might or would say, not what they said: "As
    any coach would say, ...", "Sceptics could argue that ...". Its words are the writer's."""
    modals = {c.lower_ for c in verb.children if c.tag_ == MODAL_TAG and c.dep_ == "aux"}
    if modals & POSSIBILITY_MODALS:
        return True
    if not modals & CONDITIONAL_MODALS:
        return False
    # The comparison's "as" hangs on the verb; a condition's "if" on a clause of the verb.
    marks = [c for c in verb.children if c.dep_ == "mark"]
    marks += [m for c in verb.children if c.dep_ == "advcl" for m in c.children if m.dep_ == "mark"]
    return any(m.lower_ in SUPPOSING_MARKS for m in marks)


def opens_a_condition(verb: Token) -> bool:
    """Whether a verb heads a condition told by inversion, without "if": in "the fine would have
    been higher had she denied it", "had she denied it" is "if she had denied it", and "were
    she to deny it" is "if she denied it". Its subject says nothing, and the clause the parser
    may hang on it as its object is the writer's own main clause. A question ("Had she denied
    it?") and a negative inversion ("never had she said") are no condition."""
    inverted = _inverted_word(verb)
    if inverted is None or inverted.lower_ not in CONDITION_AUXILIARIES:
        return False
    doc = verb.doc
    before = doc[inverted.i - 1] if inverted.i > inverted.sent.start else None
    if before is not None and before.head.i == verb.i and not before.is_punct:
        # A word of the verb's own clause before the auxiliary inverts it: "never had he said".
        return False
    return not _ends_on_a_question_mark(inverted)


def asks_a_question(verb: Token) -> bool:
    """Whether a verb heads a question ("Had the minister said that the talks failed?", "Why
    did she say it would close?"): its auxiliary comes before its subject and the question mark
    ends its sentence. It asks whether or why someone said something; it reports nothing. A
    statement read out as a question ("She said it would close?") is not inverted."""
    inverted = _inverted_word(verb)
    return inverted is not None and _ends_on_a_question_mark(inverted)


def _inverted_word(verb: Token) -> Token | None:
    """The auxiliary of a verb put just before its subject ("had she said", "did she say"), or
    the verb itself when it is that word ("were she to say": "were" heads "to say"); None when
    the subject comes first or the verb has none."""
    subject = next((c for c in verb.children if c.dep_ in NOMINAL_SUBJECT_DEPS), None)
    if subject is None or subject.left_edge.i == 0:
        return None
    word = verb.doc[subject.left_edge.i - 1]
    is_own_auxiliary = word.dep_ in AUXILIARY_DEPS and word.head.i == verb.i
    return word if is_own_auxiliary or word.i == verb.i else None


def _is_negative_inversion(verb: Token) -> bool:
    """Whether a verb's auxiliary comes before its subject after a negative phrase of its own
    clause: "Not once did she say ...", "At no point did he claim ...". The parser hangs the
    negation on the phrase ("once", "point"), not on the verb, so it is read from the words
    before the auxiliary; a question is `asks_a_question`'s."""
    inverted = _inverted_word(verb)
    if inverted is None or inverted.i == verb.i:
        return False
    fronted = [t for t in verb.doc[verb.sent.start : inverted.i] if _is_in_clause_of(t, verb)]
    return any(t.lower_ in NEGATIVE_WORDS for t in fronted)


def _is_in_clause_of(token: Token, verb: Token) -> bool:
    """Whether a word hangs from the verb through words before the verb (its own clause)."""
    while token.i != verb.i:
        if token.head.i == token.i or token.head.i > verb.i:
            return False
        token = token.head
    return True


def _ends_on_a_question_mark(token: Token) -> bool:
    last = next((t for t in reversed(token.sent) if not t.is_space), None)
    return last is not None and last.text == "?"


def reported_clause(verb: Token) -> Span | None:
    """Return the clause a speech verb reports, without a leading "that"."""
    tokens = _on_past_a_point(reported_tokens(verb))
    # "asked whether Russia would help" reports a question and "said if the talks fail, ..." a
    # condition: their "whether" and "if" stay, or either would read as a statement.
    while tokens and (_is_statement_mark(tokens[0]) or tokens[0].is_punct):
        tokens.pop(0)
    if not tokens:
        return None
    # A semicolon after the verb ends the reported words; what follows is the writer's next
    # statement. So does a speech verb joined on without a subject: "noted that wage growth
    # remained strong and said ..." is a second statement, whatever the parser joined; and
    # the writer's clause of time after a comma: "..., a day after protesters stormed ...".
    # A clause that ends the report ends it where its own words start: "..., but has admitted
    # ..." ends before "has", or the report would end on an auxiliary of the next statement.
    ends = [
        t.left_edge.i if t.dep_ in ("advcl", "conj") else t.i
        for t in tokens
        if (t.text == ";" and t.i > verb.i) or _ends_a_report(t, verb)
    ]
    start, end = tokens[0].i, min(ends) if ends else tokens[-1].i + 1
    end = _before_a_closing_source(verb.doc, start, end)
    while end - 1 > start and _is_dangling(verb.doc[end - 1], end):
        end -= 1
    return verb.doc[start:end] if end > start else None


def _on_past_a_point(tokens: list[Token]) -> list[Token]:
    """The reported words, with the rest of their sentence when they stop at a full stop inside
    it ("hopes to put a version of the ID. SPACE VIZZION on sale in 2022"): the parser took the
    point of an abbreviation it does not know for a sentence's end and hung the words after it on
    the speech verb, but the sentence goes on (the pipeline keeps it whole) and so does the
    report, which would otherwise end on "the ID"."""
    if not tokens:
        return tokens
    doc, point = tokens[-1].doc, tokens[-1].i + 1
    end = tokens[-1].sent.end
    while end > point and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    if point + 1 >= end or doc[point].text != ".":
        return tokens
    return [*tokens, *doc[point:end]]


def _before_a_closing_source(doc: Doc, start: int, end: int) -> int:
    """Where a report ends when an "according to X" set off by a comma closes it: the writer
    names a source for the report there ("said it had traced everyone, according to a
    reporter of the paper"); the speaker did not say it."""
    for i in range(start + 1, end):
        is_set_off = doc[i].lower_ in ATTRIBUTION_WORDS and doc[i - 1].text == ","
        if is_set_off and doc[i].right_edge.i >= end - 1:
            return i - 1
    return end


def _is_dangling(token: Token, end: int) -> bool:
    """A last word that leads into what the report left out: a conjunction ("... and"), or an
    auxiliary or comma of a verb after the end ("... not dead, but has")."""
    return token.dep_ == "cc" or (token.dep_ in ("aux", "auxpass", "punct") and token.head.i >= end)


def reported_tokens(verb: Token) -> list[Token]:
    """The tokens of the clause a verb reports: its clausal complement, or what follows its
    "that" where the parser made "that" an object ("told the ambassador that any ...")."""
    clauses = [child for child in verb.children if child.dep_ in REPORTED_CLAUSE_DEPS]
    if clauses:
        # The parser may hang a neighbouring clause on the verb too; "said that X" beats "X, said".
        after = [clause for clause in clauses if clause.i > verb.i]
        marked = [clause for clause in after if any(c.dep_ == "mark" for c in clause.children)]
        chosen = (marked or after or clauses[-1:])[0]
        return sorted(chosen.subtree, key=lambda t: t.i)
    that = next(
        (c for c in verb.children if c.lower_ == "that" and c.dep_ == "dobj" and c.i > verb.i),
        None,
    )
    if that is None:
        return []
    # The verb's own second predicate ("..., and urged Russia to stop ...") is no part of it.
    own = {t.i for c in verb.children if c.dep_ in ("conj", "cc") for t in c.subtree}
    return [t for t in verb.subtree if t.i > that.i and t.i not in own]


def _ends_a_report(token: Token, verb: Token) -> bool:
    """A clause inside the reported words that is no part of them (`reported_clause`)."""
    if token.dep_ == "conj":
        return _is_joined_speech(token)
    if token.dep_ != "advcl" or token.i < verb.i:
        return False
    if is_set_off_participle(token):
        return is_speech_verb(token)
    start = token.left_edge.i
    is_set_off = start > 0 and token.doc[start - 1].text == ","
    marks = [child.lower_ for child in token.children if child.dep_ == "mark"]
    return is_set_off and any(mark in TIME_CONJUNCTIONS for mark in marks)


def _is_statement_mark(token: Token) -> bool:
    return token.dep_ == "mark" and token.lower_ not in KEPT_MARKS


def _is_joined_speech(token: Token) -> bool:
    """A speech verb with no subject of its own that the parser joined inside the report
    (`clauses.joins_a_report`): the reporter's second statement, not part of the first."""
    return joins_a_report(token, token.head) and not any(
        c.dep_ in ("nsubj", "nsubjpass") for c in token.children
    )
