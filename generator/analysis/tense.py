"""Tell the tense of a date's clause: a token in, whether its verb speaks of the future, the
past, a forecast or the end of a period out.

The timeline marks a date under "will", "is scheduled to", "is expected to", "projecting that"
and the like as expected, and looks ahead when it resolves a weekday of such a clause; so too
for a simple present that a date times, as a timetable is told ("the law takes effect in
January").
"""

from __future__ import annotations

from spacy.tokens import Token

from generator.analysis.clauses import CLAUSE_POS
from generator.analysis.grammar import AUXILIARY_DEPS, NOMINAL_SUBJECT_DEPS, PRESENT_TAGS
from generator.analysis.lexicon import SPEECH_VERBS

# "will travel", "is scheduled to travel", "is expected to sign": the date lies ahead.
FUTURE_AUXILIARIES = frozenset({"will", "shall", "'ll", "wo"})
PAST_FUTURE_AUXILIARIES = frozenset({"would", "'d"})
"""The future of a past moment ("said Britain would leave the bloc on Oct. 31"): a plan or
forecast reported, which happened only if the text says so."""
UNREALISED_MODALS = frozenset({"should", "would", "could", "'d"})
"""Modals whose perfect tells what did not happen ("could have adopted the plan by 2005",
"should have finished in May"); "may have", "might have", "must have" tell a past the writer
is unsure of, which stays."""
EXPECTING_MODALS = frozenset({"should", "may", "might"})
"""Modals that say what is expected of a bare verb ("the weather should ease by Thursday");
with "have" they speak of the past ("should have arrived on Thursday")."""
PAST_TAGS = frozenset({"VBD", "VBN"})
BARE_TAG = "VB"
"""The bare form of a verb: an infinitive, an imperative, a verb after a modal."""
FUTURE_PREDICATES = frozenset(
    {"schedule", "expect", "set", "due", "plan", "slate", "poise", "intend", "go", "hope",
     "aim", "seek", "want", "promise", "pledge", "vow", "threaten", "likely", "unlikely"}
)  # fmt: skip
"""Words whose infinitive is an act ahead of them unless they are past ("hopes to launch the car
in 2027", "is unlikely to agree next month"; not "hoped to reach Denver on June 3")."""
COMMITMENT_VERBS = frozenset(
    {"agree", "decide", "promise", "pledge", "vow", "plan", "arrange", "resolve", "vote",
     "undertake"}
)  # fmt: skip
"""Verbs that commit to an act, whose infinitive lies ahead of the commitment even when it is
told in the past ("agreed to meet again on Friday"): a plan told from a past moment, unlike a
past wish or attempt ("hoped to reach Denver on June 3", "tried to call on Friday")."""
TIME_MODIFIER_DEPS = frozenset({"npadvmod", "tmod", "obl", "attr"})
"""How a bare date hangs on its verb ("opens Friday", "the deadline is Friday"); "on Friday"
hangs through a preposition."""
REPORTED_CLAUSE_DEPS = frozenset({"ccomp", "parataxis", "xcomp"})
"""How what a verb of saying reports hangs on it: a clause, not a noun."""
ACT_TIME_PREPOSITIONS = frozenset({"in", "on", "at", "during"})
"""Prepositions whose date says when an act took place, not what it aims at ("for", "by")."""
CONDITION_MARKS = frozenset({"if", "unless"})
"""Conjunctions of a condition: what a clause they open in the present tells may come, not
what happened ("if it wins the vote in May")."""
PERIOD_ENDS = frozenset({"until", "till"})
"""Prepositions whose date ends a period (`dates.Reference.ends_a_period`)."""
FORECAST_WORDS = frozenset(
    {"project", "forecast", "predict", "expect", "plan", "schedule", "intend", "aim", "estimate",
     "likely", "due"}
)  # fmt: skip
"""Words whose clause is a forecast or a plan ("projecting that prices would rise in 2025",
"likely to stay above target into next year"): a date under them is expected, not past."""


def is_future(token: Token) -> bool:
    """Tell whether the verb governing `token` speaks of the future ("will", "is due to")."""
    verb = _governing_verb(token)
    while verb is not None:
        if any(c.dep_ == "aux" and c.lower_ in FUTURE_AUXILIARIES for c in verb.children):
            return True
        if _expects(verb):
            return True
        if _is_scheduling(verb) or _is_going_to(verb):
            return True
        if verb.dep_ == "conj" and not any(c.dep_ in AUXILIARY_DEPS for c in verb.children):
            verb = verb.head
        elif verb.dep_ == "xcomp":
            governor = verb.head
            if governor.lemma_.lower() in FUTURE_PREDICATES and not _is_past(governor):
                return True
            verb = governor
        else:
            return False
    return False


def is_future_in_the_past(token: Token) -> bool:
    """Tell whether the verb governing `token` is a plan told from a past moment: "would" with
    a bare verb ("said Britain would leave the bloc on Oct. 31"), not "would have" (a past
    that did not happen)."""
    verb = _governing_verb(token)
    while verb is not None:
        auxiliaries = [c.lower_ for c in verb.children if c.dep_ == "aux"]
        if any(a in PAST_FUTURE_AUXILIARIES for a in auxiliaries):
            return "have" not in auxiliaries
        is_joined = verb.dep_ == "conj" and not any(c.dep_ in AUXILIARY_DEPS for c in verb.children)
        if not (is_joined or verb.dep_ == "xcomp") or verb.head is verb:
            return False
        verb = verb.head
    return False


def commits_to_a_plan(token: Token) -> bool:
    """Whether a date times a bare infinitive that a past verb of commitment governs ("the two
    sides agreed to meet again on Friday", "the board voted to close the plant in June"): the
    plan's date, which may look ahead of the act that made it; not the act's own ("voted on
    Monday to close it")."""
    verb = _governing_verb(token)
    if verb is None:
        return False
    governor = verb.head
    return (
        verb.dep_ == "xcomp"
        and verb.tag_ == BARE_TAG
        and governor.lemma_.lower() in COMMITMENT_VERBS
        and _is_past(governor)
    )


def tells_what_did_not_happen(token: Token) -> bool:
    """Whether the verb governing `token` is a modal perfect of what did not happen ("the
    city could have adopted the plan in 2005"): no event of its date, and nothing expected."""
    verb = _governing_verb(token)
    if verb is None:
        return False
    auxiliaries = {c.lower_ for c in verb.children if c.dep_ == "aux"}
    return "have" in auxiliaries and not auxiliaries.isdisjoint(UNREALISED_MODALS)


def _expects(verb: Token) -> bool:
    """A bare verb of action under a modal of expectation: not a perfect ("should have left"),
    nor "be", whose state may hold now ("may only be a concept today")."""
    auxiliaries = [c.lower_ for c in verb.children if c.dep_ == "aux"]
    is_action = verb.tag_ == BARE_TAG and verb.lemma_ != "be"
    return (
        is_action and "have" not in auxiliaries and any(a in EXPECTING_MODALS for a in auxiliaries)
    )


def speaks_of_the_past(token: Token) -> bool:
    """Tell whether the verb governing `token` is in a past tense ("was", "has put", "left").

    An infinitive has no tense of its own: that of the verb it complements counts ("I hoped
    to reach Denver on June 3")."""
    verb = _governing_verb(token)
    while (
        verb is not None
        and verb.tag_ == BARE_TAG
        and verb.dep_ == "xcomp"
        and verb.head is not verb
    ):
        verb = verb.head
    if verb is None:
        return False
    return verb.tag_ in PAST_TAGS or any(
        child.dep_ in AUXILIARY_DEPS and child.tag_ in PAST_TAGS for child in verb.children
    )


def is_timetable_present(token: Token) -> bool:
    """Tell whether the date `token` times a verb in the simple present, as a timetable does
    ("the show opens on Friday", "the law takes effect in January", "which goes on sale in late
    January"): such a date lies ahead of the article.

    Not a reporting verb ("says Monday"), a verb with an auxiliary ("has opened", "is
    opening"), or a historical present told among past verbs ("walks in on Monday and
    found ...").
    """
    verb = verb_timed_directly(token)
    if verb is None or _reports_speech(verb):
        return False
    if verb.tag_ not in PRESENT_TAGS and not _opens_a_labelled_line(verb):
        return False
    if any(child.dep_ in AUXILIARY_DEPS for child in verb.children):
        return False
    return not any(conjunct.tag_ in PAST_TAGS for conjunct in verb.conjuncts)


def _opens_a_labelled_line(verb: Token) -> bool:
    """A bare verb right after a label's colon, as a fixtures or schedule line writes its
    subject ("Lakers: Visit the Thunder on Friday", "Next up: Play the Bears on Sunday"): a
    timetable's present."""
    return (
        verb.tag_ == BARE_TAG
        and verb.i > 0
        and verb.doc[verb.i - 1].text == ":"
        and not any(
            c.dep_ in AUXILIARY_DEPS or c.dep_ in NOMINAL_SUBJECT_DEPS for c in verb.children
        )
    )


def _reports_speech(verb: Token) -> bool:
    """A verb of saying reports what was said ("says on Monday that sales fell"); with a thing
    as its object and no clause it names a scheduled act ("reports earnings Wednesday",
    "announces its results on Tuesday")."""
    if verb.lemma_.lower() not in SPEECH_VERBS:
        return False
    deps = {child.dep_ for child in verb.children}
    return not ("dobj" in deps and not deps & REPORTED_CLAUSE_DEPS)


def verb_timed_directly(token: Token) -> Token | None:
    """The verb a date modifies directly ("opens [on] Friday"), not through a noun ("the talks
    on Friday")."""
    head = token.head
    if token.dep_ == "pobj" and head.dep_ == "prep":
        head = head.head
    elif token.dep_ not in TIME_MODIFIER_DEPS:
        return None
    return head if head.pos_ in CLAUSE_POS else None


def _governing_verb(token: Token) -> Token | None:
    return next((t for t in (token, *token.ancestors) if t.pos_ in CLAUSE_POS), None)


def ends_a_period(token: Token) -> bool:
    """Tell whether a date ends a period: the object of "until" or "till"."""
    return token.dep_ == "pobj" and token.head.lower_ in PERIOD_ENDS


def is_forecast(anchor: Token) -> bool:
    """A date in a forecast or plan: in a clause that "project", "likely" or the like governs
    (`FORECAST_WORDS`)."""
    timed = verb_timed_directly(anchor)
    timed_at = -1 if timed is None else timed.i
    return any(
        word.lemma_.lower() in FORECAST_WORDS
        and not (word.i == timed_at and _times_the_act(anchor))
        for word in (anchor, *anchor.ancestors)
    )


def _times_the_act(anchor: Token) -> bool:
    """A date on a past forecast verb itself, bare or after "in" or "on", says when the forecast
    was made ("projected in May that ...", "estimated last year that ..."); "for" or "by" give
    its target ("was planned for 2020")."""
    preposition = anchor.head if anchor.dep_ == "pobj" else None
    verb = preposition.head if preposition is not None else anchor.head
    # A participle on a noun describes it ("the election expected this year"): no act of the
    # past, and its date is the forecast's target.
    describes = verb.dep_ == "acl" and verb.tag_ == "VBN"
    is_past = (verb.tag_ in PAST_TAGS or _is_past(verb)) and not describes
    return is_past and (preposition is None or preposition.lower_ in ACT_TIME_PREPOSITIONS)


def is_a_condition(anchor: Token) -> bool:
    """Whether the date lies in a present-tense condition ("If the club wins on Saturday, it
    goes up", "unless the board objects by May"): what may come, expected at most; a past
    condition ("if he left in May, no one saw him") and a reported "whether" ("asked if she
    had left on Monday", a clause object, no adverbial) are not."""
    for verb in (anchor, *anchor.ancestors):
        if verb.dep_ != "advcl":
            continue
        marks = [c for c in verb.children if c.dep_ == "mark"]
        if any(mark.lower_ in CONDITION_MARKS for mark in marks):
            return verb.tag_ in PRESENT_TAGS or any(
                c.dep_ in AUXILIARY_DEPS and c.tag_ in PRESENT_TAGS for c in verb.children
            )
    return False


def _is_scheduling(verb: Token) -> bool:
    """Tell "is scheduled for Thursday" and "is set for May" from "was planned for May"."""
    is_passive = any(c.dep_ == "auxpass" for c in verb.children)
    return is_passive and verb.lemma_.lower() in FUTURE_PREDICATES and not _is_past(verb)


def _is_going_to(verb: Token) -> bool:
    """Tell "[Black Friday 2019] is going to bring discounts" from "is going to the shops": "going"
    with an infinitive is the future its subject's date lies in."""
    return (
        verb.lemma_.lower() == "go"
        and verb.tag_ == "VBG"
        and any(c.dep_ == "aux" and c.tag_ in PRESENT_TAGS for c in verb.children)
        and any(
            c.dep_ == "xcomp" and any(a.lower_ == "to" for a in c.children) for c in verb.children
        )
    )


def _is_past(token: Token) -> bool:
    if token.tag_ == "VBD" or (token.dep_ == "acomp" and token.head.tag_ == "VBD"):
        return True
    return any(c.dep_ in AUXILIARY_DEPS and c.tag_ == "VBD" for c in token.children)
