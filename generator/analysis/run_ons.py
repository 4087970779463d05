"""Find where sentences start inside one the model did not split: a spaCy sentence in, the
positions of the sentences run into it out.

Pages run captions, headings and bylines into the sentence next to them ("... rest in peace
Influenced by ..."); key facts, why it matters and the timeline read each part on its own.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from generator.analysis.token_lists import token_lists

# The parts of speech of a capitalised word that starts a new sentence inside a run-on one.
RUN_ON_STARTS = frozenset({"DET", "PRON", "VERB", "AUX"})
RUN_ON_OPENERS = frozenset({"ADP", "SCONJ"})
"""Capitalised prepositions and conjunctions ("In", "When", "After") that open a sentence run
into the one before, unless a name follows ("to For Our Future", "defender Per Mertesacker")."""
OBJECT_HEADS = frozenset({"ADP", "DET", "CCONJ"})
"""Words a noun phrase follows: a capitalised word after them begins a name or title."""
OBJECT_DEPS = frozenset({"dobj", "pobj", "dative", "attr", "appos"})
"""How a noun hangs on the word before it as its object or its name ("released No More", "his
album A Message from the People")."""
# Words after which a capitalised "The" opens a name ("told The Times", "in The Hague").
TAKES_AN_OBJECT = frozenset({"VERB", "AUX", "ADP", "CCONJ"})


def run_on_starts(sentence: Span) -> list[int]:
    """Return where sentences start inside a run-on one: after a lower-case word or a number,
    a word that starts a sentence ("rest in peace Influenced by ...", "or both The author of
    ...", "in 1972 Influenced by ...", "could sell for less In a study ...")."""
    tokens = token_lists(sentence.doc)
    # Read from the lists first: a `Token` only for a capitalised word after a lower-case one.
    return [
        i
        for i in range(sentence.start + 1, sentence.end)
        if tokens.is_title[i]
        and (tokens.is_digit[i - 1] or (tokens.is_alpha[i - 1] and tokens.is_lower[i - 1]))
        and _starts_a_sentence(sentence.doc[i])
    ]


def _starts_a_sentence(token: Token) -> bool:
    """A capitalised determiner, pronoun or verb ("The", "He", "Influenced"), which mid-sentence
    is no name; but not "I", a word of a name the model found, or the "The" of a name after
    a word that takes it as object ("told The Times", "in The Hague"). Names the model misses
    are tagged anything ("sent Kyiv aid", "Putin and To Lam"), so other words do not count."""
    if not token.is_title or token.pos_ not in RUN_ON_STARTS | RUN_ON_OPENERS:
        return False
    if token.ent_type_ or token.lower_ == "i":
        return False
    following = token.nbor() if token.i + 1 < len(token.doc) else None
    if token.pos_ in RUN_ON_OPENERS:
        # After "of" or "the" it is a title's first word ("a version of Where's Wally").
        names = following is not None and following.pos_ == "PROPN"
        return not names and token.nbor(-1).pos_ not in OBJECT_HEADS
    opens_a_name = token.pos_ == "DET" and following is not None and following.pos_ == "PROPN"
    return not (opens_a_name and token.nbor(-1).pos_ in TAKES_AN_OBJECT) and not _opens_the_object(
        token
    )


def _opens_the_object(token: Token) -> bool:
    """A capitalised determiner of the object or the name of the word just before it ("they
    issued No Way Back last spring", "her novel A House by the Sea"): the first word of a
    title, whatever the tagger made of the next; a run-on sentence's determiner opens its
    subject ("in peace This exhibition runs ...")."""
    head = token.head
    return token.dep_ == "det" and head.dep_ in OBJECT_DEPS and head.head.i == token.i - 1
