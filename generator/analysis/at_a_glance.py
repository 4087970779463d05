"""Write the at-a-glance line and find why the story matters: parsed `Doc` in, two strings out.

Both are whole sentences of the article: the lead (who did what, where, when), and the sentence
in which the article says what is at stake: what the event signifies, what it will lead to, or
how a principal reacts to it. Someone's view keeps its speaker, as the article words it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from generator.analysis.key_facts import (
    NameOf,
    fact_text,
    is_complete_sentence,
    lead_sentence,
    runs_captions_together,
    sentence_parts,
    subject_pronoun,
)
from generator.analysis.quote_marks import Quotation, is_quoted_speech, quotations_of


@dataclass(frozen=True)
class StakesCue:
    """A way an article says why something matters, with how strongly it says it."""

    name: str
    pattern: str
    """Matched case-insensitively against a sentence's text, outside quotation marks."""
    weight: float
    example: str
    """A sentence the cue finds (tested)."""
    is_main_verb: bool = False
    """The cue is a verb that counts only as the sentence's own ("X warned ..."), not inside a
    clause about something else ("leaflets that criticise ...", "added he did warn her")."""


# Strongest first; a sentence takes its strongest cue, and the strongest sentence wins (the
# earliest of equals).
STAKES_CUES = (
    StakesCue(
        "significance",
        r"\b(?:signif(?:y|ies|ied)|underscor(?:e|es|ed)|underlin(?:e|es|ed)|highlight(?:s|ed)?"
        r"|reflect(?:s|ed)?|marks (?:a|an|the)|marked (?:a|an|the)|turning point)\b",
        3.0,
        "His decision to drop the bill the following day marked a sharp reversal.",
    ),
    StakesCue(
        "significance named",
        r"\b(?:significance|milestone|landmark|historic|unprecedented"
        r"|(?:is|was|are|were|be) (?:also |highly |particularly )?significant)\b",
        2.8,
        "For Kim Jong Un, who has hosted no other leader since 2019, this visit is significant.",
    ),
    StakesCue(
        "first or most since",
        r"\b(?:for the first time|first [\w-]+ since|(?:most|least|biggest|largest|worst"
        r"|highest|lowest|strongest|deadliest) (?:[\w-]+ ){1,6}?(?:since|ever)\b)",
        2.5,
        "The pledge is the most far-reaching commitment between them since the Cold War.",
    ),
    StakesCue(
        "consequence",
        r"\b(?:would|could|will|may|might) (?:leave|lead|mean|force|put|hit|cost|threaten"
        r"|hold back|hurt|damage|undermine|violate|breach|replace|end|change|transform"
        r"|reshape|strengthen|weaken)\b|\bmeans? that\b"
        r"|\b(?:raising|raised|raises) (?:concerns?|fears?|questions?)\b"
        r"|\b(?:clearing|paving|clears|paves) the way\b|\bat risk\b",
        2.0,
        "Ruto warned that withdrawing the bill would leave a large gap in the budget.",
    ),
    StakesCue(
        "reaction",
        r"\b(?:warn(?:s|ed)?|condemn(?:s|ed)?|criticis(?:e|es|ed)|criticiz(?:e|es|ed)"
        r"|denounc(?:e|es|ed)|welcom(?:e|es|ed)|express(?:es|ed)? (?:concern|regret|alarm))\b",
        1.5,
        "The United States, South Korea and Japan condemned it as a breach of UN resolutions.",
        is_main_verb=True,
    ),
    StakesCue(
        "expectation",
        r"\b(?:is|are|was|were) (?:expected|likely) to\b",
        1.0,
        "South Korea is expected to take a leading role in coordinating the reports.",
    ),
)
_COMPILED_CUES = tuple((re.compile(cue.pattern, re.IGNORECASE), cue) for cue in STAKES_CUES)


def extract_at_a_glance(doc: Doc, headline: str) -> str:
    """Return the lead sentence whole (`key_facts.lead_sentence`); the headline when there is no
    lead. A story that opens on a quotation says what happened after it. The key facts do not
    repeat it, and it is not cut: a shortened lead can drop its point ("to protest against the
    defence treaty")."""
    lead = lead_sentence(doc)
    return headline if lead is None else fact_text(lead)


def extract_why_it_matters(doc: Doc, name_of: NameOf | None = None) -> str | None:
    """Return the sentence after the lead that says most strongly what is at stake, or None
    when the article says nothing of it. A subject "he" or "they" is named in brackets as in
    the key facts; a sentence whose subject the text leaves unnamed, or captions run together,
    give way."""
    lead = lead_sentence(doc)
    quotations = quotations_of(doc)
    best: tuple[float, Span] | None = None
    for sent in doc.sents:
        for part, is_caption in sentence_parts(sent):
            if lead is not None and part.start <= lead.start:
                continue
            if not is_complete_sentence(part, needs_stop=not is_caption):
                continue
            if is_quoted_speech(part, quotations) or runs_captions_together(part):
                continue
            if not _names_its_subject(part, name_of):
                continue
            weight = stakes_weight(part, quotations)
            if weight and (best is None or weight > best[0]):
                best = (weight, part)
    return None if best is None else fact_text(best[1], name_of)


def stakes_weight(sent: Span, quotations: Sequence[Quotation] = ()) -> float:
    """The weight of the strongest cue a sentence holds (`STAKES_CUES`), 0 for none."""
    for pattern, cue in _COMPILED_CUES:
        for match in pattern.finditer(sent.text):
            start = sent.start_char + match.start()
            if any(q.start <= start < q.end for q in quotations):
                continue
            if cue.is_main_verb and not _is_main_verb(sent, start):
                continue
            return cue.weight
    return 0.0


def _is_main_verb(sent: Span, char: int) -> bool:
    """Whether the word at a character is the sentence's main verb or one joined to it."""
    token = next((t for t in sent if t.idx <= char < t.idx + len(t.text)), None)
    if token is None:
        return False
    return token.i == sent.root.i or (token.dep_ == "conj" and token.head.i == sent.root.i)


def _names_its_subject(sent: Span, name_of: NameOf | None) -> bool:
    pronoun = subject_pronoun(sent)
    if pronoun is None:
        return True
    return (
        name_of is not None and pronoun.lower_ in ("he", "she", "they") and bool(name_of(pronoun))
    )
