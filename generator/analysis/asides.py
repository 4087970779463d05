"""Tell the writer's asides to the reader from the story: a date's token or a sentence in,
whether it is the writer speaking to the reader out.

A blog or a guide tells its reader what the text will do ("Today, we're going to look at ways
to ... so you're able to ...", "Today, I'm going to build on ... by showing you ...") or what to
do ("On Sunday, set your clocks back an hour"). The date times the writing or the reader's step,
not an event of the story, so the timeline leaves it out. A shopping page sells to its reader
("Save $31 if you buy the bundle", "the price has dropped to the lowest we've seen"): no fact,
stake or lead of a story.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence

from spacy.tokens import Doc, Span, Token

from generator.analysis.clauses import (
    CLAUSE_POS,
    has_subject,
    inherited_subject,
    is_main_verb,
    timed_verb,
)
from generator.analysis.datelines import after_dateline
from generator.analysis.dictionary import is_dictionary_word
from generator.analysis.entity_index import entities_in
from generator.analysis.grammar import (
    AUXILIARY_DEPS,
    MODAL_TAG,
    NOMINAL_SUBJECT_DEPS,
    NOUN_CLAUSE_DEPS,
    PRICE_LABEL,
)
from generator.analysis.lead_ins import IMPERATIVE_TAG, story_start
from generator.analysis.lexicon import READER_WORDS, SPEECH_VERBS, WRITER_SELF_WORDS
from generator.analysis.quote_marks import Quotation
from generator.analysis.tense import speaks_of_the_past, verb_timed_directly
from generator.analysis.token_lists import TokenLists, token_lists

WRITER_WORDS = frozenset({"i", "we"})
"""Subjects by which the writer speaks as the one writing."""
WRITER_ALONE = "i"

PROGRESSIVE_TAG = "VBG"
PERSONAL_PRONOUN_TAGS = frozenset({"PRP", "PRP$"})
"""Tags of "I" and "my" as pronouns, not the Roman numeral of "World War I"."""
HAVE_FORMS = frozenset({"have", "has", "had", "'ve"})
PRICE_NOUNS = frozenset({"price", "discount", "bargain"})
"""Nouns by which a shopping page speaks of a price without writing one ("the lowest price we
have seen"); a written price is the model's MONEY. Not "deal", "sale" or "saving", which news
uses of agreements, companies and accounts ("we signed a deal", "the sale of the unit")."""

STRESSED_KEY = "briefs.stressed_words"
"""Where `_stressed_words` keeps a doc's stressed words' positions, in its user_data."""
PRICE_NOUNS_KEY = "briefs.price_nouns"
"""Where `_price_nouns` keeps a doc's price nouns' positions, in its user_data."""

SHOUTED_POS = frozenset({"ADV", "AUX", "VERB", "PART", "ADP", "DET", "PRON", "ADJ", "CCONJ"})
"""Parts of speech of a word in capitals that is stressed, not an acronym (a noun or name)."""


def speaks_to_the_reader(anchor: Token, quotations: Sequence[Quotation]) -> bool:
    """Whether the date's clause is the writer's own act (a subject "I" outside quotations, in
    any tense), the writer's present or future told to the reader (a subject "we" outside
    quotations, the reader addressed as "you" in the sentence), the
    reader's own step (a subject "you"), or an instruction to the reader (an imperative main
    verb). The clause of a date that is a time clause's subject is the one it times
    (`clauses.timed_verb`)."""
    verb = timed_verb(anchor)
    if verb is None or _is_quoted(verb, quotations):
        return False
    if _is_imperative(verb):
        return True
    subject = _subject_of(verb)
    if subject is not None and subject.lower_ in READER_WORDS:
        # The reader's own step: "When March rolls around, you should give it a try".
        return True
    if subject is None or subject.lower_ not in WRITER_WORDS:
        return _under_writers_act(verb, quotations)
    if verb_timed_directly(anchor) is None:
        # The date is a thing's, not the writer's act's: "We rated the app one of the best
        # apps of 2019" ranks the year's apps; "We launched the app on Monday" stays an event.
        return True
    if _is_lasting_state(verb):
        # "I've been thinking about this all year": the writer's own state, no act of the story.
        return True
    if subject.lower_ == WRITER_ALONE:
        # "I'm approaching my picks a bit differently this year", "Last year I tested ...": the
        # writer's own present, plan or past, no act of the story; "we" may be a company's
        # voice ("we launch on Monday", "we launched the app on Monday").
        return True
    if speaks_of_the_past(anchor):
        return False
    return any(t.lower_ in READER_WORDS and not _is_quoted(t, quotations) for t in anchor.sent)


def tells_of_the_writer(anchor: Token, quotations: Sequence[Quotation]) -> bool:
    """Whether the writer speaks of themself in the date's sentence, outside quotations ("is
    one of my top picks this year", "A year back I had no such stand, and the tablet
    kept a cable of its own by my desk", "Before May, I would have said ..."): a review's
    or a guide's commentary. The writer who tells what another did leaves the act the story's
    ("I think the council made a mistake in May": the writer's verb governs the date's
    clause, and no "would" makes it what the writer only might say)."""
    sent, tokens = anchor.sent, token_lists(anchor.doc)
    # The columns first: most dated sentences have no writer's word, and need no clause.
    writers = [
        i
        for i in range(sent.start, sent.end)
        if tokens.lower[i] in WRITER_SELF_WORDS
        and tokens.tag[i] in PERSONAL_PRONOUN_TAGS
        and not _is_quoted_at(tokens.idx[i], quotations)
    ]
    if not writers:
        return False
    verb = timed_verb(anchor)
    above = set() if verb is None else {t.i for t in verb.ancestors}
    return any(not _tells_what_another_did(anchor.doc[i], above) for i in writers)


def _tells_what_another_did(writer: Token, above: set[int]) -> bool:
    """Whether the writer's word is the subject of a verb that governs the date's clause
    (`above`: the clause's verb's ancestors) and asserts it: no modal ("would have said")."""
    head = writer.head
    is_subject = writer.dep_ in NOMINAL_SUBJECT_DEPS and head.i in above
    return is_subject and not any(child.tag_ == MODAL_TAG for child in head.children)


def opens_on_a_call(sent: Span, quotations: Sequence[Quotation]) -> bool:
    """Whether the sentence opens on an instruction to the reader that a colon ends ("Watch
    the video: ...", `lead_ins.story_start`), outside quotations."""
    return story_start(sent) > sent.start and not _is_quoted(sent[0], quotations)


def sells_to_the_reader(sent: Span, quotations: Sequence[Quotation]) -> bool:
    """Whether a sentence is a seller's copy in the writer's own voice: an instruction to the
    reader ("Save $31 if you take the bundle", "Get it at the store for $20"), or a price told
    to the reader or from the writer's own shopping ("you can pick one up for $99", "the price
    fell to $139, the lowest we have seen"). A price in a news sentence speaks of neither
    ("The firm paid $5m for the site"); in someone's quoted words it is theirs."""
    root = sent.root
    if _is_quoted(root, quotations):
        return False
    if _is_imperative(root):
        return True
    if root.lemma_.lower() in SPEECH_VERBS:
        # "We cut the price to $5, the owner said": the speaker's "we", not the writer's.
        return False
    return any(
        not _is_quoted(price, quotations) and _shops_in_person(price, root)
        for price in _prices_in(sent)
    )


def shouts(sent: Span, quotations: Sequence[Quotation]) -> bool:
    """Whether the writer stresses a word by capitals among words in lower case, as product
    copy does ("They WILL NOT WORK with other carriers", "compatible ONLY with"): a word that
    is no name, acronym or number ("NASA", "GSM", "UK" stay). Someone's quoted words are
    theirs to stress."""
    stressed = _stressed_words(sent.doc)
    within = stressed[bisect_left(stressed, sent.start) : bisect_left(stressed, sent.end)]
    if not within:
        return False
    # A dateline in capitals ("NEW DELHI:") opens the sentence and stresses nothing.
    start = after_dateline(sent)
    tokens = token_lists(sent.doc)
    has_lower = any(tokens.is_lower[i] for i in range(start, sent.end))
    return has_lower and any(
        i >= start and not _is_quoted_at(tokens.idx[i], quotations) for i in within
    )


def _stressed_words(doc: Doc) -> list[int]:
    """Positions of the doc's stressed words (`_is_stressed_word`), in order, found once a doc:
    every sentence is asked whether it shouts, and most docs have no such word."""
    found = doc.user_data.get(STRESSED_KEY)
    if not isinstance(found, list):
        tokens = token_lists(doc)
        is_upper = tokens.is_upper
        found = doc.user_data[STRESSED_KEY] = [
            i for i in range(len(doc)) if is_upper[i] and _is_stressed_word(tokens, i)
        ]
    return found


def _is_stressed_word(tokens: TokenLists, i: int) -> bool:
    """A word in capitals that the dictionary knows in lower case, used as no noun or name:
    "ONLY", "NOT", "WORK"; not "ISBN", "MEB" or a ticker ("US10YT"). Read by position: every
    word of every sentence is asked."""
    return (
        tokens.is_upper[i]
        and tokens.is_alpha[i]
        and len(tokens.text[i]) > 1
        and tokens.pos[i] in SHOUTED_POS
        and not tokens.ent_type[i]
        and (tokens.is_stop[i] or is_dictionary_word(tokens.lower[i]))
    )


def _shops_in_person(price: Token, root: Token) -> bool:
    """Whether the reader or the writer is the subject of the price's own main clause ("you
    can pick one up for $99") or of a clause on the price ("the lowest price we have seen").
    A reader in another clause is a figure of speech ("Once you divide the total by 52, the
    value is $44m a week"), and one a third party lets do something is in its fact ("the
    banks let you go $50 into the red")."""
    verb = next((t for t in price.ancestors if t.pos_ in CLAUSE_POS), None)
    clauses = [verb] if verb is not None and is_main_verb(verb, root) else []
    clauses += [child for child in price.children if child.dep_ in NOUN_CLAUSE_DEPS]
    voices = READER_WORDS | WRITER_WORDS
    return any(
        child.dep_ in NOMINAL_SUBJECT_DEPS and child.lower_ in voices
        for clause in clauses
        for child in clause.children
    )


def _prices_in(sent: Span) -> list[Token]:
    """The first word of each price a sentence writes (the model's MONEY) or names ("the
    lowest price", `lexicon.PRICE_NOUNS`)."""
    written = [entity[0] for entity in entities_in(sent) if entity.label_ == PRICE_LABEL]
    nouns = _price_nouns(sent.doc)
    within = nouns[bisect_left(nouns, sent.start) : bisect_left(nouns, sent.end)]
    return written + [sent.doc[i] for i in within]


def _price_nouns(doc: Doc) -> list[int]:
    """Positions of the doc's nouns that name a price (`PRICE_NOUNS`), in order, found once a
    doc: every sentence shown whole is asked whether it sells, and few name a price."""
    found = doc.user_data.get(PRICE_NOUNS_KEY)
    if not isinstance(found, list):
        tokens = token_lists(doc)
        pos, lemma = tokens.pos, tokens.lemma
        found = doc.user_data[PRICE_NOUNS_KEY] = [
            i for i in range(len(doc)) if pos[i] == "NOUN" and lemma[i].lower() in PRICE_NOUNS
        ]
    return found


def _under_writers_act(verb: Token, quotations: Sequence[Quotation]) -> bool:
    """Whether the date's clause is part of what the writer did ("We decided to use the
    estimate the county used in calculating a haul in May"): the writer's own choices and
    methods are no event of the story, and the clause above is all the event could show. A
    clause the writer reports ("We reported that the plant closed in May") is the story's."""
    below = verb
    for above in verb.ancestors:
        if above.pos_ not in CLAUSE_POS:
            continue
        if below.dep_ == "ccomp":
            return False
        subject = _subject_of(above)
        if subject is not None and subject.lower_ in WRITER_WORDS:
            return not _is_quoted(subject, quotations)
        below = above
    return False


def _is_lasting_state(verb: Token) -> bool:
    """Whether a perfect tells a state that still holds: a progressive ("have been thinking")
    or "be" ("have been here since May"); "we have launched" tells an act."""
    auxiliaries = [c for c in verb.children if c.dep_ in AUXILIARY_DEPS]
    # The model gives a curly "’ve" no lemma "have".
    is_perfect = any(a.lower_.replace("’", "'") in HAVE_FORMS for a in auxiliaries)
    is_lasting = verb.lemma_ == "be" or (
        verb.tag_ == PROGRESSIVE_TAG and any(a.lower_ == "been" for a in auxiliaries)
    )
    return is_perfect and is_lasting


def _subject_of(verb: Token) -> Token | None:
    """The verb's subject, or that of the verb it is joined to or completes ("going to talk")."""
    while True:
        subject = next((c for c in verb.children if c.dep_ in NOMINAL_SUBJECT_DEPS), None)
        if subject is not None:
            return subject
        if verb.dep_ == "conj":
            return inherited_subject(verb)
        if verb.dep_ != "xcomp" or verb.head is verb:
            return None
        verb = verb.head


def _is_imperative(verb: Token) -> bool:
    """A main verb in the base form with neither subject nor auxiliary: "set your clocks"."""
    return (
        verb.dep_ == "ROOT"
        and verb.tag_ == IMPERATIVE_TAG
        and not has_subject(verb)
        and not any(c.dep_ in AUXILIARY_DEPS for c in verb.children)
    )


def _is_quoted(token: Token, quotations: Sequence[Quotation]) -> bool:
    return _is_quoted_at(token.idx, quotations)


def _is_quoted_at(idx: int, quotations: Sequence[Quotation]) -> bool:
    """Whether the character at idx is inside one of the quotations."""
    return any(q.start <= idx < q.end for q in quotations)
