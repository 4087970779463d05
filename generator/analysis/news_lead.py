"""Tell the sentence that says what happened from the scene it is set in: a sentence in,
whether it tells the story's event out.

A news page opens on its event ("The council approved ...", "A man has been jailed ...",
"Police say ..."); a feature, a review or a page's standfirst often opens on background first:
a general truth in the simple present ("The formation of stars is a slow dance"), a hedge
("Hatchbacks may have won the market, but ..."), or what has happened before ("Such fights
have led to lawsuits before."). The lead (`key_facts.lead_sentence`) is the first of the
opening sentences that does not set the scene.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from generator.analysis.dates import WEEKDAYS
from generator.analysis.entity_index import entities_in
from generator.analysis.grammar import AUXILIARY_DEPS, MODAL_TAG, NOMINAL_SUBJECT_DEPS
from generator.analysis.lexicon import EARLIER_TIME_WORDS, MONTHS, SPEECH_VERBS
from generator.analysis.quote_marks import quotations_of
from generator.analysis.tense import FUTURE_AUXILIARIES
from generator.analysis.token_lists import token_lists
from generator.analysis.whole_sentences import predicate_read_as_modifier

VERB_POS = frozenset({"VERB", "AUX"})
PAST_TAG = "VBD"
PARTICIPLE_TAGS = frozenset({"VBN", "VBG"})
ADVERB_DEP = "advmod"
BEFORE_NOW_ADVERBS = EARLIER_TIME_WORDS | {"before"}
"""Adverbs by which a main clause tells what happened before the story ("have led to lawsuits
before"); "before" with an object ("before the vote") is a preposition and times the event."""
RELATIVE_DAYS = frozenset({"yesterday", "tonight"})
PERIOD_WORDS = frozenset({"week", "weekend", "month", "year", "season"})
PERIOD_SHIFTS = frozenset({"this", "last", "next"})
COPULA = "be"
ACTOR_AND_FIGURE_LABELS = frozenset(
    {"PERSON", "ORG", "GPE", "NORP", "FAC", "LOC", "CARDINAL", "MONEY", "PERCENT", "QUANTITY"}
)
"""Entities by which a sentence names who it is about or a figure of the story."""
PRONOUN_POS = "PRON"
PERSONAL_GENDERS = frozenset({"Masc", "Fem"})
FRAMING_DEPS = frozenset({"prep", "advcl", "npadvmod", "advmod"})
"""How a phrase that opens a sentence to set its scene hangs on the main verb."""
INFINITIVE_TAG = "TO"
COORDINATION_DEP = "cc"
LINK_DEPS = frozenset({ADVERB_DEP, "prep"})
"""How an opening phrase hangs on the main verb when it links the sentence to the one before
("Still, ...", "In fact, ...")."""
MAX_LINK_WORDS = 3
HABIT_ADVERBS = frozenset(
    {"normally", "usually", "typically", "traditionally", "generally", "customarily", "habitually"}
)
"""Adverbs by which a main clause tells what is usually so, not what happened."""
FIRST_PERSON_SINGULAR = "i"
SECOND_PERSON = "you"
EXPLETIVE_DEP = "expl"
"""How "there" of "there is" hangs on its verb."""
DAY_WORDS = frozenset(WEEKDAYS) | frozenset(MONTHS) | RELATIVE_DAYS
"""Words by which a date names a day or a month."""


def sets_the_scene(sent: Span) -> bool:
    """Whether an opening sentence sets the scene rather than telling the story: it tells what
    happened before the story ("Such fights have led to lawsuits before."), or it tells no event
    (`tells_an_event`) and names no one and no figure ("The making of cheese is a slow dance",
    "It was the talk of the town"). A lead that names its actor or a figure is news whatever
    its tense ("Up to 100 teachers could be banned", "Jack Lee wants to ..."), and the small
    model's parse of a long lead is too often wrong for its tense alone to decide."""
    root = sent.root
    if root.pos_ in VERB_POS and _told_as_before(root):
        return True
    if _asks(sent) or _tells_a_habit(sent) or in_the_writers_person(sent):
        return True
    if addresses_the_reader(sent):
        return True
    return not tells_an_event(sent) and not _names_an_actor_or_figure(sent)


def continues_a_scene(sent: Span) -> bool:
    """Whether a sentence after a scene-setting one goes on with that scene: it tells no event
    (`tells_an_event`) and opens on a link to the sentence before, a "but" or "and" or a
    short phrase set off by a comma that names nothing ("In fact, Kia still believes in
    hatchbacks ...", "Still, ..."), or its subject is a pronoun that stands for what the
    scene set up ("They are only a side effect ..."). Naming its actor does not make it the
    news here: it states the view the scene set up."""
    return not tells_an_event(sent) and (_opens_on_a_link(sent) or _leans_back(sent))


def _leans_back(sent: Span) -> bool:
    """Whether the main verb's subject is a pronoun that stands for something the sentence
    before set up ("They are only a side effect of ...", after a scene). "He" or "she" (a
    gender in the pronoun's morphology) stands for a person, the story's actor."""
    return any(
        child.dep_ in NOMINAL_SUBJECT_DEPS
        and child.pos_ == PRONOUN_POS
        and not set(child.morph.get("Gender", [])) & PERSONAL_GENDERS
        for child in sent.root.children
    )


def _opens_on_a_link(sent: Span) -> bool:
    """Whether a sentence opens on a conjunction of its main verb, or on a phrase of its main
    verb of at most `MAX_LINK_WORDS` words, set off by a comma, that names no entity."""
    words = [token for token in sent if not token.is_space]
    if not words:
        return False
    first = words[0]
    if first.dep_ == COORDINATION_DEP and first.head.i == sent.root.i:
        return True
    comma = next((i for i, t in enumerate(words[: MAX_LINK_WORDS + 1]) if t.text == ","), None)
    if not comma:
        return False
    phrase = words[:comma]
    return (
        first.head.i == sent.root.i
        and first.dep_ in LINK_DEPS
        and not any(token.ent_type_ or token.like_num for token in phrase)
    )


def tells_an_event(sent: Span) -> bool:
    """Whether a sentence's main clause tells something that happened, happens or will: a past
    tense, a present perfect or progressive, a future, or a verb of saying in the present
    ("Police say ..."), not a hedge ("may have become", "would have trouble"), a general
    present ("is a complex dance"), a state or a habit ("was the talk of the town", "used to
    be simple"); or one a day or a period of the story's names ("on Tuesday", "this week")."""
    # A day or a month names when it happened, whatever the parser made of the verb ("Lee's
    # goal capped a rally Saturday night" parsed with "streak" as its present-tense root).
    return _tells_by_tense(sent.root) or _names_a_day(sent)


def _names_an_actor_or_figure(sent: Span) -> bool:
    """Whether the sentence names an actor or gives a figure outside a phrase it opens on to
    set the scene ("To Jack Lee, goals are not the point", "For Leeds, it is a new dawn"): an
    actor named only there is not what the sentence tells of. The rest of the sentence is read
    whole, whatever its parse: the small model often mistakes a long lead's main verb."""
    framing = _framing_words(sent)
    return any(
        entity.label_ in ACTOR_AND_FIGURE_LABELS and entity.root.i not in framing
        for entity in entities_in(sent)
    )


def _framing_words(sent: Span) -> set[int]:
    """The positions of the phrases on the main verb that open the sentence before its
    subject, each set off by a comma ("To Jack Lee,", "In the eyes of Leeds fans,")."""
    root, doc = sent.root, sent.doc
    framing: set[int] = set()
    for child in root.lefts:
        if child.dep_ not in FRAMING_DEPS:
            continue
        after = child.right_edge.i + 1
        if after < root.i and doc[after].text == ",":
            framing.update(range(child.left_edge.i, after))
    return framing


def _lowercase_words(sent: Span) -> list[str]:
    """A sentence's words in lowercase, read from the doc's lists: most sentences lack the word
    a test below looks for, and then it need not make a `Token` a word to know."""
    return token_lists(sent.doc).lower[sent.start : sent.end]


def _tells_a_habit(sent: Span) -> bool:
    """Whether the main clause tells what is usually so ("Immigration has normally been an
    issue politicians tiptoed around", "Councils traditionally set their budgets in March"):
    an adverb of habit on the main verb or its auxiliary frames what changed, and the news is
    the change the sentences after it tell."""
    if HABIT_ADVERBS.isdisjoint(_lowercase_words(sent)):
        return False
    root = sent.root
    return any(
        token.lower_ in HABIT_ADVERBS
        and token.dep_ == ADVERB_DEP
        and (
            token.head.i == root.i
            or (token.head.dep_ in AUXILIARY_DEPS and token.head.head.i == root.i)
        )
        for token in sent
    )


def in_the_writers_person(sent: Span) -> bool:
    """Whether the writer speaks as "I" outside quotation marks ("I am the one my friends
    ask about phones"): a column's or a guide's own voice, a view without
    a speaker, not the story's event."""
    if FIRST_PERSON_SINGULAR not in _lowercase_words(sent):
        return False
    quotations = quotations_of(sent.doc)
    return any(
        token.lower_ == FIRST_PERSON_SINGULAR
        and token.dep_ in NOMINAL_SUBJECT_DEPS
        and not any(q.start <= token.idx < q.end for q in quotations)
        for token in sent
    )


def addresses_the_reader(sent: Span) -> bool:
    """Whether the writer's main clause has the reader as its subject, "you" outside quotation
    marks ("You have just moved to a new town and want ..."): a feature's or an advert's
    address, which sets up its point rather than telling an event of a story."""
    # The root's children read from the doc's lists: a `Token` a child was most of this test's
    # cost, for a "you" few sentences hold.
    lists = token_lists(sent.doc)
    lower, deps, starts = lists.lower, lists.dep, lists.idx
    subjects = [
        starts[i]
        for i in lists.children[sent.root.i]
        if lower[i] == SECOND_PERSON and deps[i] in NOMINAL_SUBJECT_DEPS
    ]
    if not subjects:
        return False
    quotations = quotations_of(sent.doc)
    return any(not any(q.start <= start < q.end for q in quotations) for start in subjects)


def opens_on_a_hook(sent: Span) -> bool:
    """Whether an opening that tells no event is a hook that draws the reader in rather than
    the page's point: a question, the writer's "I", an address to "you", or "There is ..."
    naming no one and no figure ("There's an odd gap in how small firms hire"). A page whose
    opening is all scene and starts on one is better summed up by its headline."""
    if _asks(sent) or in_the_writers_person(sent) or addresses_the_reader(sent):
        return True
    is_existential = any(child.dep_ == EXPLETIVE_DEP for child in sent.root.children)
    return is_existential and not _names_an_actor_or_figure(sent)


def _asks(sent: Span) -> bool:
    """Whether the writer's sentence asks a question ("Is this the end of the road for
    Ryanair?"): it draws the reader in, and the story's event comes after it."""
    tokens = token_lists(sent.doc)
    last = tokens.last_non_space(sent)
    return last is not None and tokens.text[last] == "?"


def _tells_by_tense(root: Token) -> bool:
    if root.pos_ not in VERB_POS:
        # "Lee's late goal capped a comeback" parsed as a noun that a participle describes:
        # a past form with an object of its own is the predicate.
        return predicate_read_as_modifier(root)
    auxiliaries = [child for child in root.children if child.dep_ in AUXILIARY_DEPS]
    if any(a.tag_ == MODAL_TAG and a.lower_ not in FUTURE_AUXILIARIES for a in auxiliaries):
        return False
    if root.lemma_.lower() == COPULA or _is_habitual(root):
        # "It was the shot heard around the world", "have been all the rage for years",
        # "Gaming used to be simple": a state or a habit, no event, unless a day dates it.
        return False
    return (
        root.tag_ == PAST_TAG
        or any(a.tag_ == PAST_TAG or a.lower_ in FUTURE_AUXILIARIES for a in auxiliaries)
        or (root.tag_ in PARTICIPLE_TAGS and bool(auxiliaries))
        or root.lemma_.lower() in SPEECH_VERBS
    )


def _is_habitual(root: Token) -> bool:
    """Whether the main verb is the past habit "used to" ("Gaming used to be so simple")."""
    return root.lemma_.lower() == "use" and any(
        child.dep_ == "xcomp" and any(c.tag_ == INFINITIVE_TAG for c in child.children)
        for child in root.children
    )


def _names_a_day(sent: Span) -> bool:
    """Whether the sentence names a day or a month ("Saturday night", "on 3 May",
    "yesterday"), which a general truth never does ("today" is any day's). The recogniser
    leaves a weekday out of its time at times ("night" of "Saturday night"), so the words are
    read, not its entities; the modal "May" is no month."""
    words = _lowercase_words(sent)
    if PERIOD_WORDS.isdisjoint(words) and not any(w.rstrip(".") in DAY_WORDS for w in words):
        return False
    return any(
        token.lower_.rstrip(".") in DAY_WORDS
        and token.tag_ != MODAL_TAG
        and (token.is_title or token.lower_ in RELATIVE_DAYS)
        for token in sent
    ) or any(_is_this_period(token) for token in sent)


def _is_this_period(token: Token) -> bool:
    """A period counted from the story's day: "this week", "last month", "next year"."""
    return token.lower_ in PERIOD_WORDS and any(
        child.lower_ in PERIOD_SHIFTS for child in token.children
    )


def _told_as_before(root: Token) -> bool:
    return any(
        child.dep_ == ADVERB_DEP and child.lower_ in BEFORE_NOW_ADVERBS and not list(child.children)
        for child in root.children
    )
