"""People named again by a description of their age: "The teenager ...", "The 34-year-old ..."
opening a sentence stands for the one person the sentence before names, as news names a person
and then describes them. Their mention there gives the person what they did in that sentence.
"""

from __future__ import annotations

from itertools import pairwise

from spacy.tokens import Doc, Span

from generator.analysis.actors.mentions import Cluster, Mention
from generator.analysis.token_lists import sentences_of, token_lists

AGE_NOUNS = frozenset(
    {"teenager", "teen", "youngster", "schoolboy", "schoolgirl", "toddler", "pensioner"}
)
"""Nouns that describe a person by their age alone: the article has told who, just before."""
AGE_WORDS = ("-", "year", "-", "old")
"""The words after the number of an age written as one adjective ("34-year-old")."""
EVIDENCE = "a description of age opening the sentence after the one person it names"


def people_by_their_descriptions(doc: Doc, clusters: list[Cluster]) -> None:
    """Add to a person the description of their age that opens the sentence after the one
    that names them and no other person ("Lena Ortiz won the title. The teenager beat ..."):
    where that sentence names two people or none, who is described is not certain."""
    people = [c for c in clusters if c.kind == "person"]
    if not people:
        return
    lower = token_lists(doc).lower
    sentences = sentences_of(doc)
    for before, sentence in pairwise(sentences):
        description = _age_description(sentence, lower)
        if description is None:
            continue
        named = {id(c): c for c in people for m in c.mentions if _within(m.span, before)}
        if len(named) == 1:
            person = next(iter(named.values()))
            person.mentions.append(Mention(description, "person", person.name, evidence=EVIDENCE))


def _age_description(sentence: Span, lower: list[str]) -> Span | None:
    """ "The teenager" or "The 34-year-old" opening the sentence, or None."""
    start = sentence.start
    if sentence.end - start < 3 or lower[start] != "the":
        return None
    if lower[start + 1] in AGE_NOUNS:
        return sentence.doc[start : start + 2]
    end = start + 2 + len(AGE_WORDS)
    if lower[start + 1].isdigit() and tuple(lower[start + 2 : end]) == AGE_WORDS:
        return sentence.doc[start:end]
    return None


def _within(span: Span, sentence: Span) -> bool:
    return sentence.start <= span.start and span.end <= sentence.end
