"""Trim a spaCy parse to short clauses: a token in, the clause around it out as the article's words.

Shared by the extractors that quote what happened (timeline, actors' actions, key facts).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from spacy.tokens import Span, Token

from generator.analysis.clause_joins import (
    ATTRIBUTION_WORDS,
    COMMAS,
    QUOTES,
    join_kept_tokens,
    self_and_ancestors,
)
from generator.analysis.grammar import (
    AUXILIARY_DEPS,
    FINITE_TAGS,
    SUBJECT_DEPS,
    TIME_ENTITY_LABELS,
)
from generator.analysis.grammar import CLAUSE_POS as CLAUSE_POS  # shared with its importers
from generator.analysis.lead_ins import story_start
from generator.analysis.lexicon import SAID_FORMS, SPEECH_VERBS
from generator.analysis.lost_subjects import (
    follows_lost_subject,
    is_next_clauses_subject,
    verb_after,
)
from generator.analysis.quote_marks import balance_quote_marks
from generator.analysis.run_ons import run_on_starts
from generator.analysis.token_lists import TokenLists, token_lists
from generator.analysis.verb_pairs import first_of_pair, is_pair, shares_the_passive

NOUN_POS = frozenset({"NOUN", "PROPN", "PRON", "NUM"})
# Modifiers that add a second idea when a comma sets them off: ", marking his first visit ...",
# ", where the leader traveled ...", ", founded on their mutual animosity ...".
COMMA_MODIFIER_DEPS = frozenset({"advcl", "acl", "relcl", "parataxis"})
RELATIVE_DEPS = frozenset({"acl", "relcl"})
# Prepositions that open an absolute construction: ", with Moscow seeking to source weapons".
ABSOLUTE_PREPOSITIONS = frozenset({"with", "without"})
SEPARATOR_DEPS = frozenset({"cc", "punct"})
EDGE_DEPS = frozenset({"cc", "mark"})
# Dropping these would turn a condition into an assertion, so they stay at the start.
KEPT_MARKS = frozenset({"if", "unless", "whether", "lest"})
# Relative adverbs that leave a complete clause behind them: "where the leader traveled ...".
RELATIVE_ADVERB_TAGS = frozenset({"WRB"})
MODAL_WORDS = frozenset(
    {"will", "would", "shall", "should", "can", "could", "may", "might", "must"}
)
PARTICIPLE_TAGS = frozenset({"VBN", "VBG"})
"""A past participle and a gerund, which take their tense from an auxiliary."""
PAST_PARTICIPLE_TAG = "VBN"
MAIN_CLAUSE_DEPS = frozenset({"ROOT", "conj"})
"""A verb heading the sentence or joined to one that does."""
ACTIVE_SUBJECT_DEP = "nsubj"
CLAUSES_KEY = "briefs.clause_tokens"  # each head's clause, in its doc's user_data
DROPPED_ROOT_DEPS = COMMA_MODIFIER_DEPS | {"conj", "prep"}


def clause_text(token: Token, kept: tuple[Token, ...] | None = None) -> str:
    """Return the smallest complete clause around `token`, in the article's own words.

    kept: `clause_tokens(token)` when the caller has it already (it walks the whole subtree).
    """
    parts: list[str] = []
    subject = inherited_subject(token)
    if subject is not None:
        parts.append(join_kept_tokens(clause_tokens(subject)))
    first = first_of_pair(token)
    if first is not None:
        # "hunted and ate a wild goat": the pair's first verb, with its auxiliaries, acts too.
        parts.append(_pair_opening(first, token))
    else:
        parts.extend(_inherited_modals(token))
    parts.append(join_kept_tokens(clause_tokens(token) if kept is None else kept))
    return _capitalise(" ".join(part for part in parts if part))


def clause_of(token: Token) -> Token:
    """Return the verb heading `token`'s clause with a subject, else the noun or sentence root."""
    for candidate in self_and_ancestors(token):
        if _heads_complete_clause(candidate):
            return candidate
        if candidate.dep_ in RELATIVE_DEPS and candidate.head.pos_ in NOUN_POS:
            # A reduced or gapped relative ("documents signed in 1961", "trips Putin has
            # made") is only complete together with the noun it describes.
            return candidate.head
    return token.sent.root


def timed_verb(anchor: Token) -> Token | None:
    """The verb whose time a date gives: the verb nearest above it, or the verb a time clause
    modifies when the date is that clause's subject ("When March rolls around, the fair
    opens": the time passing is no event, the fair's opening is)."""
    verb = next((t for t in (anchor, *anchor.ancestors) if t.pos_ in CLAUSE_POS), None)
    if verb is None or verb.dep_ != "advcl" or anchor.head.i != verb.i:
        return verb
    # Only an active subject: a time cannot undergo anything, and a date read as a passive
    # verb's subject is a preposition's object the parser lost ("held since 2016 were
    # released", "until this year had been getting clobbered").
    if anchor.dep_ != "nsubj" or verb.head.pos_ not in CLAUSE_POS:
        return verb
    return verb.head


def is_main_verb(token: Token, root: Token) -> bool:
    """Whether a word is the sentence's main verb (`root`) or one joined to it."""
    return token.i == root.i or (token.dep_ == "conj" and token.head.i == root.i)


def clause_tokens(token: Token) -> tuple[Token, ...]:
    """Return the tokens of `token`'s subtree that `clause_text` keeps, in text order. Found
    once a head: the roles, the timeline and the quotes ask it of the same verbs, and it walks
    the whole subtree."""
    kept_by_head: dict[int, tuple[Token, ...]] = token.doc.user_data.setdefault(CLAUSES_KEY, {})
    kept = kept_by_head.get(token.i)
    if kept is None:
        kept = kept_by_head[token.i] = _clause_tokens(token)
    return kept


def _clause_tokens(token: Token) -> tuple[Token, ...]:
    tokens, doc = token_lists(token.doc), token.doc
    subtree = tokens.subtree(token.i)  # walked once: the dropped parts are found in it
    dropped = set(_dropped_indices(token, subtree))
    # "Watch the video: CNN's reporter spoke to ...": the line to the reader is no one's act.
    sent = token.sent  # found anew at each reading
    dropped.update(range(sent.start, story_start(sent)))
    # In text order, which a crossing arc takes a subtree out of ("a treaty ... that commits
    # ... if it is attacked" before the "on 19 June" of "signed").
    is_space = tokens.is_space
    kept = [doc[i] for i in sorted(subtree) if i not in dropped and not is_space[i]]
    return tuple(_trim_edges(kept, token))


def lacks_a_subject(tokens: Iterable[Token]) -> bool:
    """Tell whether a main or reported verb among tokens is finite but has no subject: the
    parser hung its subject on a clause that was dropped ("Responding to a call by MV Gibe,
    INS Mysore ..., swung into action"), so the words would read as a fragment."""
    return any(
        token.tag_ in FINITE_TAGS and token.dep_ in ("ROOT", "ccomp") and not has_subject(token)
        for token in tokens
    )


def has_subject(token: Token) -> bool:
    """Tell whether `token` has a subject of its own."""
    return any(child.dep_ in SUBJECT_DEPS for child in token.children)


def inherited_subject(token: Token) -> Token | None:
    """Return the subject a subjectless conjoined verb shares with the verb it is joined to."""
    if has_subject(token) or token.pos_ not in CLAUSE_POS:
        return None
    if token.dep_ == "conj":
        lost = (c for c in token.doc[token.head.i + 1 : token.i] if c.dep_ == "conj")
        subject = next((c for c in lost if verb_after(c) == token.i), None)
        if subject is not None:
            return subject
    current = token
    while current.dep_ == "conj" and current.head.i != current.i:
        current = current.head
        if joins_a_report(token, current):
            current = current.head
        for child in current.children:
            if child.dep_ in SUBJECT_DEPS:
                return child
    return None


def follows_another_verb(subject: Token) -> bool:
    """Tell a subject that directly follows a verb other than its own: the parser took that
    verb's object for the next clause's subject. In "invited Putin to visit North Korea and
    the Russian leader accepted", North Korea is visited and accepts nothing. A subject right
    after its own verb ("said Putin") or after the verb its clause hangs from ("said Russia
    would help") is where it belongs."""
    start = subject.left_edge.i
    if start == 0 or not any(child.dep_ == "conj" for child in subject.children):
        # The slip joins the object to the real subject with "and"; a lone subject after a
        # verb is more often a caption run into the next sentence.
        return False
    before = subject.doc[start - 1]
    verb = subject.head
    return before.pos_ == "VERB" and before.i not in (verb.i, verb.head.i)


def runs_on(sentence: Span) -> bool:
    """Tell a "sentence" that is captions or headings run together, which the model did not
    split (`run_on_starts`)."""
    return bool(run_on_starts(sentence))


def joins_a_report(verb: Token, head: Token) -> bool:
    """Tell whether a speech verb the parser joined to `head`, a reported clause that reports
    nothing itself, belongs with the verb that reports it: in "Lagarde noted that wage growth
    remained strong and said ...", Lagarde said, not wage growth ("told the ambassador ... and
    urged Russia" stays one report)."""
    return _says(verb) and head.dep_ == "ccomp" and not _says(head)


def is_set_off_participle(verb: Token) -> bool:
    """A participle set off by a comma with no subject, conjunction or preposition of its own
    (", arguing that ...", ", adding ..."): it shares the subject of the clause it follows."""
    if verb.tag_ != "VBG" or verb.dep_ != "advcl" or has_subject(verb):
        return False
    if any(child.dep_ == "mark" for child in verb.children):
        return False
    start = verb.left_edge.i
    return start > 0 and verb.doc[start - 1].text == ","


def continued_clause(verb: Token, is_quoted: Callable[[Token], bool]) -> Token:
    """The head whose subject `verb` shares: its parse head, but for a set-off participle
    (", going on to say ...", ", adding ...") the parser hung on a verb inside the quotation
    after it, the unquoted verb of the clause right before its comma ("“...,” Lee said, going
    on to say that ... “...”": Lee goes on, not the quotation's "they")."""
    head = verb.head
    if not is_set_off_participle(verb) or not is_quoted(head):
        return head
    before = verb.doc[verb.left_edge.i - 2]
    continued = (t for t in (before, *before.ancestors) if t.pos_ in CLAUSE_POS and t.i < verb.i)
    return next((t for t in continued if not is_quoted(t)), head)


def _says(verb: Token) -> bool:
    return verb.lemma_.lower() in SPEECH_VERBS or verb.lower_ in SAID_FORMS


def _inherited_modals(token: Token) -> list[str]:
    """Return the modal a bare conjoined verb shares ("will travel ... and [will] meet"), or
    the auxiliaries a bare conjoined participle shares with its head's ("was convicted and
    [was] sentenced", "has met ... and [has] agreed"): without them the clause has no tense
    and reads as a headline ("Webb sentenced to life")."""
    if token.dep_ != "conj" or _has_auxiliary(token) or inherited_subject(token) is None:
        return []
    head = token.head
    if token.tag_ == "VB":
        return [c.text for c in head.children if c.dep_ == "aux" and c.lower_ in MODAL_WORDS]
    if (token.tag_ in PARTICIPLE_TAGS and head.tag_ == token.tag_) or shares_the_passive(token):
        return [c.text for c in head.children if c.dep_ in AUXILIARY_DEPS and c.i < head.i]
    return []


def _pair_opening(first: Token, second: Token) -> str:
    """The words of a verb pair up to its second verb: "had hunted and"."""
    auxiliaries = [c.i for c in first.children if c.dep_ in AUXILIARY_DEPS and c.i < first.i]
    return first.doc[min([first.i, *auxiliaries]) : second.i].text


def _has_auxiliary(token: Token) -> bool:
    return any(child.dep_ in {"aux", "auxpass"} for child in token.children)


def _heads_complete_clause(token: Token) -> bool:
    if token.pos_ not in CLAUSE_POS:
        return False
    if not has_subject(token):
        # "[Putin] will travel ... and meet leaders on Friday": the subject is shared.
        subject = inherited_subject(token)
        if subject is None:
            return False
        # A subject the parser joined to an object ("beat forecasts and the oversupply ...
        # sent prices lower") hangs on a noun: the clause is as complete as the verb's head.
        return _heads_complete_clause(
            subject.head if subject.head.pos_ in CLAUSE_POS else token.head
        )
    if not _is_finite(token):
        return False
    if token.dep_ != "relcl":
        return True
    # "where the leader traveled ..." stands alone; "who has not hosted ..." and
    # "Putin has made" (object gapped) do not.
    return any(child.tag_ in RELATIVE_ADVERB_TAGS for child in token.children)


def _is_finite(token: Token) -> bool:
    """Tell a tensed verb from "Moscow seeking ..." in an absolute construction, or from "the
    nominee to be taken ..." after "called for": its auxiliary "be" has no tense either."""
    if token.tag_ in FINITE_TAGS or _is_past_tagged_participle(token):
        return True
    return any(c.dep_ in {"aux", "auxpass"} and c.tag_ in FINITE_TAGS for c in token.children)


def _is_past_tagged_participle(token: Token) -> bool:
    """Whether a main or joined verb tagged as a past participle is a simple past the tagger
    mistook ("and the list expanded in May"): a participle with an active subject of its own
    and no auxiliary can only be one."""
    return (
        token.tag_ == PAST_PARTICIPLE_TAG
        and token.dep_ in MAIN_CLAUSE_DEPS
        and any(c.dep_ == ACTIVE_SUBJECT_DEP for c in token.children)
        and not _has_auxiliary(token)
    )


def _dropped_indices(head: Token, subtree: list[int]) -> Iterator[int]:
    """Yield the positions of whole subtrees (and their separators) that the clause leaves out
    of the head's (`subtree`: its positions)."""
    tokens, doc = token_lists(head.doc), head.doc
    for i in subtree:
        if i == head.i or not _may_be_dropped(tokens, i) or not _is_dropped_root(doc[i], head):
            continue
        yield from tokens.subtree(i)
        yield from _separators(doc[i], head)


def _may_be_dropped(tokens: TokenLists, i: int) -> bool:
    """`_is_dropped_root`'s first tests, by position: a conjunct, modifier, preposition or
    attribution word; no other word is dropped."""
    dep = tokens.dep[i]
    return dep in DROPPED_ROOT_DEPS or tokens.lower[i] in ATTRIBUTION_WORDS


def _is_dropped_root(token: Token, head: Token) -> bool:
    if token.dep_ == "conj":
        # Only the clause's own coordinated clauses; "said that A and B" keeps both parts. A
        # clause whose subject the parser took from the object before it stays too, or the
        # object would go with it.
        if is_next_clauses_subject(token, head):
            return True
        if token.head.i == head.i and is_pair(head, token):
            return False  # "cooked and served dinner": the object is the pair's
        is_own_clause = token.head.i == head.i and token.pos_ in CLAUSE_POS
        return is_own_clause and not any(
            child.dep_ in SUBJECT_DEPS and follows_another_verb(child) for child in token.children
        )
    if token.lower_ in ATTRIBUTION_WORDS or follows_lost_subject(token, head):
        return True
    # Only a modifier or a preposition is dropped set off: asked first, the commas seldom.
    if token.dep_ not in COMMA_MODIFIER_DEPS and token.dep_ != "prep":
        return False
    if not _is_set_off(token):
        return False
    if token.dep_ in COMMA_MODIFIER_DEPS:
        # A noun sentence root with an "acl" verb is a misparsed main clause
        # ("Yuri Ushakov, Putin's aide, mentioned ..."): the verb is the predicate.
        is_predicate = token.dep_ == "acl" and token.head.dep_ == "ROOT"
        return not is_predicate and not _holds_missing_subject(token)
    return token.dep_ == "prep" and _opens_absolute(token)


def _holds_missing_subject(token: Token) -> bool:
    """Tell a set-off phrase before a tensed verb that has no subject of its own: the phrase
    holds the subject the parser missed, so dropping it would leave the verb without one. A
    gerund subject read as an adverbial clause ("that lifting the old quotas, along
    with ..., needs wider reforms"), or a subject hung on an opening clause ("Answering
    a signal from a trawler, the coastguard cutter ..., set out at once")."""
    verb = token.head
    return (
        token.i < verb.i
        and verb.pos_ in CLAUSE_POS
        and _is_finite(verb)
        and not has_subject(verb)
        and inherited_subject(verb) is None
    )


def _opens_absolute(token: Token) -> bool:
    if token.lower_ not in ABSOLUTE_PREPOSITIONS:
        return False
    return any(child.pos_ in CLAUSE_POS and has_subject(child) for child in token.children)


def _is_set_off(token: Token) -> bool:
    """Tell whether a comma separates `token`'s subtree from what it modifies."""
    tokens = token_lists(token.doc)
    if token.i < tokens.head[token.i]:
        right = token.right_edge.i
        return right + 1 < len(tokens.text) and tokens.text[right + 1] in COMMAS
    left = token.left_edge.i
    return left > 0 and tokens.text[left - 1] in COMMAS


def _separators(token: Token, head: Token) -> Iterator[int]:
    """Yield the commas and conjunctions that only served to attach the dropped `token`."""
    doc = token.doc
    if token.i < token.head.i:
        position = token.right_edge.i + 1
        if position < len(doc) and doc[position].text in COMMAS:
            yield position
        return
    position = token.left_edge.i - 1
    while position > head.left_edge.i and _is_separator(doc[position]):
        yield position
        position -= 1


def _is_separator(token: Token) -> bool:
    return token.is_space or (token.dep_ in SEPARATOR_DEPS and token.text not in QUOTES)


def _trim_edges(tokens: list[Token], head: Token) -> list[Token]:
    start, end = _after_subordinator(tokens, head), len(tokens)
    while start < end and _is_leading_filler(tokens[start], head):
        start += 1
    while end > start and _is_trailing_filler(tokens[end - 1]):
        if _closes_a_bracket(tokens[start : end - 1], tokens[end - 1]):
            # "a four-game point streak (3-0-1)": the bracket the clause opened is its own.
            break
        end -= 1
    kept = balance_quote_marks(tokens[start:end])
    if len(kept) > 1 and kept[-1].text in QUOTES and _is_trailing_filler(kept[-2]):
        # Final punctuation inside a closing quote is the caller's to add.
        del kept[-2]
    return kept


BRACKET_PAIRS = {")": "(", "]": "["}


def _closes_a_bracket(before: list[Token], token: Token) -> bool:
    """Whether token closes a bracket that the tokens before it open and leave open."""
    opening = BRACKET_PAIRS.get(token.text)
    if opening is None:
        return False
    texts = [t.text for t in before]
    return texts.count(opening) > texts.count(token.text)


def _after_subordinator(tokens: list[Token], head: Token) -> int:
    """Return where a subordinate clause starts after its conjunction and whatever measures
    it: "[a day after] North Korea blew up ...", "[shortly before] the vote"."""
    mark = subordinator_of(head)
    if mark is None or mark.i > head.i or mark.lower_ in KEPT_MARKS:
        return 0
    return sum(1 for token in tokens if token.i <= mark.i)


def subordinator_of(verb: Token) -> Token | None:
    """The conjunction that makes the verb's clause subordinate: its "mark", or a preposition
    before it with no object of its own, which the parser gives "After" in "After Smith quit
    the firm in March, Acme agreed ..."."""
    tokens, doc = token_lists(verb.doc), verb.doc
    dep = tokens.dep  # by position: every clause shown asks, and most have neither child
    return next(
        (
            doc[child]
            for child in tokens.children[verb.i]
            if dep[child] == "mark"
            or (dep[child] == "prep" and _opens_on_subject(doc[child], verb))
        ),
        None,
    )


def _opens_on_subject(preposition: Token, verb: Token) -> bool:
    """Whether a preposition with no object of its own comes right before the verb's subject:
    a conjunction ("After [Smith quit ...]"), not "on" whose "Monday" the parser hung on the
    verb ("on Monday Mr Smith named ...")."""
    following = preposition.i + 1
    return (
        preposition.i < verb.i
        and not any(preposition.children)
        # "on Monday Mr Smith", "On 15 September Kim", whatever the parser made of the day:
        # a time or a number is the preposition's object.
        and not any(
            t.ent_type_ in TIME_ENTITY_LABELS or t.like_num
            for t in preposition.doc[following : verb.i]
        )
        and any(
            child.dep_ in SUBJECT_DEPS and child.left_edge.i == following for child in verb.children
        )
    )


def _is_leading_filler(token: Token, head: Token) -> bool:
    if token.i == head.i:
        return False
    if token.is_punct:
        return token.text not in QUOTES
    if token.dep_ == "mark":
        return token.lower_ not in KEPT_MARKS
    if token.dep_ in EDGE_DEPS:
        return True
    # "where the leader traveled ...", "when the Commission proposed the law ...".
    is_subordinate = head.dep_ in ("relcl", "advcl")
    return token.head.i == head.i and token.tag_ in RELATIVE_ADVERB_TAGS and is_subordinate


def _is_trailing_filler(token: Token) -> bool:
    return token.is_space or token.dep_ == "cc" or (token.is_punct and token.text not in QUOTES)


def _capitalise(text: str) -> str:
    return text[:1].upper() + text[1:] if text[:1].islower() else text
