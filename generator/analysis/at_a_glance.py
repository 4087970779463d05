"""Write the at-a-glance line and find why the story matters: parsed `Doc` in, two strings out.

Both are taken from the article's own words: the lead's main clause (who did what, where, when)
and the sentence in which the article says what the event signifies.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from generator.analysis.clauses import clause_text, clause_tokens, lacks_a_subject, runs_on
from generator.analysis.key_facts import is_complete_sentence
from generator.analysis.lexicon import SPEECH_VERBS
from generator.analysis.quote_marks import is_quoted_speech, quotations_of

# Words with which an article says why something matters, strongest first.
SIGNIFICANCE_CUES: tuple[tuple[str, float], ...] = (
    (r"signif(?:y|ies|ied)|underscor(?:e|es|ed)|underlin(?:e|es|ed)", 3.0),
    (r"highlight(?:s|ed)?|significan(?:t|ce)", 2.5),
    (r"(?:is|was|are) (?:seen as|viewed as)", 2.0),
    (r"marks? (?:a|the)|notable|milestone|first time", 2.0),
    (r"(?:is|are) (?:expected|anticipated|likely) to", 1.5),
    (r"raise[sd]? (?:concerns?|fears?|questions?)", 1.5),
    (r"\bmeans?\b|could (?:lead|mean|affect)", 1.0),
)
MIN_CLAUSE_WORDS = 6


def extract_at_a_glance(doc: Doc, headline: str) -> str:
    """Return the lead's main clause as one sentence; the headline when there is no lead.

    The lead is the first complete sentence that is not someone's quoted words: a story that
    opens on a quotation says what happened after it.
    """
    quotations = quotations_of(doc)
    lead = next(
        (
            sent
            for sent in doc.sents
            if is_complete_sentence(sent) and not is_quoted_speech(sent, quotations)
        ),
        None,
    )
    if lead is None:
        return headline
    clause = clause_text(lead.root)
    if len(clause.split()) < MIN_CLAUSE_WORDS or lacks_a_subject(clause_tokens(lead.root)):
        clause = " ".join(lead.text.split()).rstrip(".")
    return f"{clause}."


def extract_why_it_matters(doc: Doc) -> str | None:
    """Return the article's own statement of significance, trimmed to its clause, or None."""
    best: tuple[float, Span, int] | None = None
    for sent in list(doc.sents)[1:]:
        if not is_complete_sentence(sent):
            continue
        for pattern, weight in SIGNIFICANCE_CUES:
            match = re.search(pattern, sent.text, re.IGNORECASE)
            if match and (best is None or weight > best[0]):
                best = (weight, sent, sent.start_char + match.start())
                break
    if best is None:
        return None
    _weight, sent, cue_char = best
    return _clause_around(sent, cue_char)


def _clause_around(sent: Span, cue_char: int) -> str | None:
    """The conjunct of the sentence that holds the cue ('this trip signifies ...'), whole; None
    when the cue is in a statement whose reporting clause is no sentence of its own."""
    cue = next(t for t in sent if t.idx <= cue_char < t.idx + len(t.text) + 1)
    verb = _clause_verb(cue)
    if verb is not None and _is_reported(verb):
        # Someone's statement ("Merkel said that the crisis underlined ..."): alone, the
        # reported clause is a fragment ("That the crisis ...") and loses who said it.
        verb = _clause_verb(verb.head)
        if verb is None or not _stands_alone(verb):
            return None
    clause = _conjunct_text(verb) if verb is not None else ""
    if len(clause.split()) < MIN_CLAUSE_WORDS:
        return " ".join(sent.text.split())
    return f"{clause[0].upper()}{clause[1:]}."


def _is_reported(verb: Token) -> bool:
    """Whether the verb's clause is what someone said or found ("said that ...", "have
    established that ...")."""
    if verb.dep_ != "ccomp" or verb.head.pos_ not in ("VERB", "AUX"):
        return False
    is_marked = any(child.dep_ == "mark" for child in verb.children)
    return is_marked or verb.head.lemma_ in SPEECH_VERBS


def _stands_alone(verb: Token) -> bool:
    """Whether the verb's clause reads as a sentence: not a subordinate one ("Since the
    majority accept that ..."), not over a line break, not captions run together."""
    if any(child.dep_ == "mark" for child in verb.children):
        return False
    subtree = verb.doc[verb.left_edge.i : verb.right_edge.i + 1]
    return "\n" not in subtree.text.strip() and not runs_on(subtree)


def _conjunct_text(verb: Token) -> str:
    """The verb's clause without the clauses coordinated with it ('..., and this trip ...')."""
    dropped = {
        token.i
        for child in verb.children
        if child.dep_ == "cc" or (child.dep_ == "conj" and child.pos_ in ("VERB", "AUX"))
        for token in child.subtree
    }
    kept = [token for token in verb.subtree if token.i not in dropped]
    while kept and (kept[-1].is_punct or kept[-1].is_space or kept[-1].dep_ == "cc"):
        kept.pop()
    while kept and (kept[0].is_punct or kept[0].is_space or kept[0].dep_ == "cc"):
        kept.pop(0)
    return "".join(t.text_with_ws for t in kept).strip()


def _clause_verb(token: Token) -> Token | None:
    for candidate in (token, *token.ancestors):
        if candidate.pos_ in ("VERB", "AUX") and any(
            child.dep_ in ("nsubj", "nsubjpass", "expl") for child in candidate.children
        ):
            return candidate
    return None
