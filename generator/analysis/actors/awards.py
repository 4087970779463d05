"""Awards: a name that wins "best sound" or "four awards" does what a film does as much as
what a person does, so winning one is no evidence that the name acts (`things.acts`)."""

from __future__ import annotations

import functools

from spacy.tokens import Token

from generator.analysis.rule_files import casefolded, packaged_data

AWARDS_FILE = "awards.yml"
OBJECT_DEPS = frozenset({"dobj", "attr", "oprd"})


@functools.cache
def _award_words() -> tuple[frozenset[str], frozenset[str], frozenset[str], str]:
    data = packaged_data(AWARDS_FILE)
    words = casefolded(data["award_nouns"]) | casefolded(data["award_names"])
    best = str(data["category_word"]).casefold()
    return casefolded(data["verbs"]), words, casefolded(data["work_awards"]), best


def is_award(noun: Token) -> bool:
    """Whether a verb's object names an award: a category opening with "best" ("best
    original screenplay"), an award's noun ("four awards"), an award's name ("an Oscar") or an
    award named for a kind of work ("the Readers' Film Of The Year")."""
    _, words, work_awards, best = _award_words()
    if noun.lemma_.casefold() in words or noun.lower_ in words:
        return True
    if noun.pos_ == "PROPN" and noun.lower_ in work_awards:
        return True
    return any(child.lower_ == best for child in noun.children if child.i < noun.i)


def wins_an_award(verb: Token) -> bool:
    """Whether a verb of winning has an award as its object ("took best sound", "scooped
    two awards"): what a work wins as much as a person."""
    verbs = _award_words()[0]
    if verb.lemma_.casefold() not in verbs:
        return False
    return any(child.dep_ in OBJECT_DEPS and is_award(child) for child in verb.children)
