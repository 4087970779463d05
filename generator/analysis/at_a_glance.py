"""Write the at-a-glance line and find why the story matters: parsed `Doc` in, two strings out.

Both are whole sentences of the article: the lead (who did what, where, when), and the sentence
in which the article says what is at stake: what the event signifies, what it will lead to, or
how a principal reacts to it. Someone's view keeps its speaker, as the article words it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from generator.analysis.grammar import NOMINAL_SUBJECT_DEPS
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

VERB_CLASSES = frozenset({"VERB", "AUX"})
NEGATION_DEP = "neg"
TOPIC_CLASSES = frozenset({"NOUN", "PROPN"})
"""Words that say what a sentence is about: a stake the writer states shares one with the lead."""


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
    is_reported: bool = False
    """The cue counts only in what someone is reported to say: a forecast a principal makes
    ("Lagarde said inflation was likely to stay above target") is the stakes as they see them;
    the writer's own ("South Korea is expected to take a leading role") is a plan."""
    is_kept_when_denied: bool = False
    """A denied consequence is news too ("the hitch will not put the crew at risk"); a denied
    significance is a caveat ("the data does not reflect the nation as a whole")."""
    counts_in_quotation: bool = False
    """The cue counts inside a speaker's quotation: what they call historic or a first is
    their view of the stakes; "if you will lead us in Happy Birthday" is no consequence."""
    word_classes: frozenset[str] = frozenset()
    """When set, the cue's first word must be of one of these parts of speech: "signals" and
    "highlights" are stakes as verbs, not as nouns ("electrical signals that can be read")."""


# Strongest first; a sentence takes its strongest cue, and the strongest sentence wins (the
# earliest of equals).
STAKES_CUES = (
    StakesCue(
        "significance",
        r"\b(?:signif(?:y|ies|ied)|underscor(?:e|es|ed)|underlin(?:e|es|ed)|highlight(?:s|ed)?"
        r"|reflect(?:s|ed)?|marks (?:a|an|the)|marked (?:a|an|the)"
        r"|signal(?:s|led|ed)? (?:a|an|the|that))\b",
        3.0,
        "His decision to drop the bill the following day marked a sharp reversal.",
        word_classes=VERB_CLASSES,
        counts_in_quotation=True,
    ),
    StakesCue(
        "significance named",
        r"\b(?:significance|importance|milestone|landmark|historic|unprecedented|turning point"
        r"|(?:is|was|are|were) (?:also |particularly )?notable"
        r"|(?:is|was|are|were|be) (?:also |highly |particularly )?significant"
        r"|(?:a|an) (?:[\w-]+ )?(?:blow|setback|boost|victory|defeat) (?:to|for))\b",
        2.8,
        "The ruling is a blow to the government's plans for the port.",
        counts_in_quotation=True,
    ),
    StakesCue(
        "first or most since",
        r"\b(?:for the first time|first [\w-]+ since"
        r"|first (?:[\w-]+ ){1,3}?(?:ever|in (?:[\w'’-]+ ){0,3}history)"
        r"|(?:most|least|biggest|largest|worst"
        r"|highest|lowest|strongest|deadliest|expensive|successful) (?:[\w-]+ ){1,6}?(?:since|ever"
        r"|in history|of all time|on record)\b)",
        2.5,
        "The pledge is the most far-reaching commitment between them since the Cold War.",
        counts_in_quotation=True,
    ),
    StakesCue(
        "consequence",
        r"\b(?:would|could|can|may|might) cost\b"
        r"|\b(?:would|could|can|will|may|might) (?:leave|lead|mean|force|hit|threaten"
        r"|hold back|hurt|damage|undermine|violate|breach|replace|end|change|transform"
        r"|reshape|strengthen|weaken|hamper|affect|jeopardi[sz]e)\b|\bmeans? that\b"
        r"|\b(?:raising|raised|raises|sparking|sparked|sparks|prompting|prompted|prompts"
        r"|fuell?ing|fuell?ed|fuels|triggering|triggered|triggers) (?:[\w-]+ )?(?:concerns?"
        r"|fears?|questions?|calls|protests|outrage|criticism|backlash)\b"
        r"|\b(?:clear|clearing|clears|cleared|pave|paving|paves|paved) the way\b|\bat risk\b"
        r"|\b(?:threaten(?:s|ed)?|jeopardi[sz](?:e|es|ed)) (?:the|a|an|its|their|his|her)\b"
        r"|\bresult(?:s|ed)? in\b|\bas a result\b(?! of)",
        2.0,
        "Ruto warned that withdrawing the bill would leave a large gap in the budget.",
        is_kept_when_denied=True,
    ),
    StakesCue(
        "importance",
        r"\b(?:is|was|are|were|be|been) (?:[\w-]+ )?(?:crucial|vital|critical|essential"
        r"|important) (?:for|to (?:the|a|an|its|their|his|her|our))\b",
        2.0,
        "The order is crucial for the manufacturer, whose sales have been hit by two crashes.",
        word_classes=VERB_CLASSES,
    ),
    StakesCue(
        "reaction",
        r"\b(?:warn(?:s|ed)?|condemn(?:s|ed)?|criticis(?:e|es|ed)|criticiz(?:e|es|ed)"
        r"|denounc(?:e|es|ed)|welcom(?:e|es|ed)|express(?:es|ed)? (?:concern|regret|alarm)"
        r"|hail(?:s|ed)?|prais(?:e|es|ed)|slam(?:s|med)?|blast(?:s|ed)?|vow(?:s|ed)?"
        r"|urg(?:e|es|ed)|call(?:s|ed)? on)\b",
        1.5,
        "The United States, South Korea and Japan condemned it as a breach of UN resolutions.",
        is_main_verb=True,
    ),
    StakesCue(
        "concern",
        r"\b(?:is|are|was|were) (?:not |deeply |increasingly |more |less )?(?:concerned"
        r"|worried|alarmed) (?:about|by|over|that)\b",
        1.5,
        "Kirby said the administration was worried about the deepening relationship.",
    ),
    StakesCue(
        "expectation reported",
        r"\b(?:is|are|was|were) (?:expected|likely|unlikely) to\b",
        1.0,
        "Lagarde said inflation was likely to stay above target well into next year.",
        is_reported=True,
    ),
)
DESCRIBING_CLAUSES = frozenset({"relcl", "acl", "advcl"})
"""Clauses that describe a noun or set the scene of the sentence's statement."""
_COMPILED_CUES = tuple((re.compile(cue.pattern, re.IGNORECASE), cue) for cue in STAKES_CUES)
_ANY_CUE = re.compile("|".join(f"(?:{cue.pattern})" for cue in STAKES_CUES), re.IGNORECASE)
"""Finds a text where one of the cues does: one scan tells the many sentences without any."""


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
    lead_topics = None if lead is None else _topic_words(lead)
    best: tuple[float, Span] | None = None
    for sent in doc.sents:
        for part, is_caption in sentence_parts(sent):
            if lead is not None and part.start <= lead.start:
                continue
            # A sentence without a cue weighs nothing: spare it the checks of its form.
            if not _ANY_CUE.search(part.text):
                continue
            if not is_complete_sentence(part, needs_stop=not is_caption):
                continue
            if is_quoted_speech(part, quotations) or runs_captions_together(part):
                continue
            if not _names_its_subject(part, name_of, quotations):
                continue
            weight = stakes_weight(part, quotations, lead_topics)
            if weight and (best is None or weight > best[0]):
                best = (weight, part)
    return None if best is None else fact_text(best[1], name_of)


def stakes_weight(
    sent: Span, quotations: Sequence[Quotation] = (), lead_topics: frozenset[str] | None = None
) -> float:
    """The weight of the strongest cue a sentence holds (`STAKES_CUES`), 0 for none.

    With `lead_topics` (`_topic_words` of the lead), a stake in the writer's own voice counts
    only when the sentence shares a topic word with the lead: "There was a setback for Jade
    Johnson" in a report of Gardener's win is a side detail. Someone's reported view or
    reaction ("Merkel said the crisis underlined ...") is the story's by being reported."""
    is_on_topic = (
        lead_topics is None or bool(_topic_words(sent) & lead_topics) or _refers_back(sent)
    )
    text = sent.text  # spaCy joins a span's tokens anew at each reading
    for pattern, cue in _COMPILED_CUES:
        for match in pattern.finditer(text):
            start = sent.start_char + match.start()
            quotation = next((q for q in quotations if q.start <= start < q.end), None)
            if quotation is not None and not (
                cue.counts_in_quotation and _is_whole_in(quotation, sent)
            ):
                continue
            token = _token_at(sent, start)
            end = sent.start_char + match.end()
            if token is None or not _states_a_stake(sent, token, cue, end):
                continue
            is_someones_view = quotation is not None or cue.is_main_verb or _is_reported(token)
            if not (is_on_topic or is_someones_view):
                continue
            return cue.weight
    return 0.0


def _states_a_stake(sent: Span, token: Token, cue: StakesCue, end_char: int) -> bool:
    """Whether the words a cue matched (from `token` to `end_char`) state the sentence's own
    stake, as the cue asks."""
    if _describes_something_else(token):
        return False
    if not cue.is_kept_when_denied and _is_denied(token, end_char):
        return False
    if cue.word_classes and token.pos_ not in cue.word_classes:
        return False
    if cue.is_main_verb and not _is_main_verb(sent, token):
        return False
    return not cue.is_reported or _is_reported(token)


def _is_whole_in(quotation: Quotation, sent: Span) -> bool:
    """Whether a quotation opens and closes inside the sentence, which then gives its speaker
    ("'This is a historic day,' the mayor said."): a principal's words on the stakes. A
    quotation opened in an earlier sentence would show as a fragment with a stray mark."""
    return sent.start_char <= quotation.start and quotation.end <= sent.end_char


def _is_reported(token: Token) -> bool:
    """Whether a word sits in what someone is said to say ("Lagarde said inflation was ...")."""
    return any(t.dep_ == "ccomp" for t in (token, *token.ancestors))


def _is_denied(token: Token, end_char: int) -> bool:
    """Whether the cue's verb is denied ("the data does not reflect the nation as a whole"). A
    cue whose pattern takes the negation in ("is not concerned about") counts it as a stake."""
    verb = token if token.pos_ in VERB_CLASSES else token.head
    return any(
        child.dep_ == NEGATION_DEP and not token.idx <= child.idx < end_char
        for child in verb.children
    )


def _refers_back(sent: Span) -> bool:
    """Whether the sentence's subject is a definite common noun, which names what the story
    told before it ("The decision signifies ...", "This move could ...")."""
    return any(
        t.dep_ in NOMINAL_SUBJECT_DEPS
        and t.pos_ == "NOUN"
        and any(_is_definite(child) for child in t.children if child.dep_ == "det")
        for t in sent
    )


def _is_definite(determiner: Token) -> bool:
    """Whether a determiner is "the" or a demonstrative, as spaCy's morphology marks them."""
    morph = determiner.morph
    return "Def" in morph.get("Definite", []) or "Dem" in morph.get("PronType", [])


def _topic_words(span: Span) -> frozenset[str]:
    """The lemmas of a span's nouns and proper nouns, lowercased."""
    return frozenset(t.lemma_.lower() for t in span if t.pos_ in TOPIC_CLASSES and not t.is_stop)


def _token_at(sent: Span, char: int) -> Token | None:
    return next((t for t in sent if t.idx <= char < t.idx + len(t.text)), None)


def _describes_something_else(token: Token) -> bool:
    """Whether a word sits in a clause that describes a noun or sets the scene ("the company,
    which is expected to lay off thousands, confirmed ..."; "leaflets that criticise ..."): the
    stakes it states are not the sentence's."""
    return any(t.dep_ in DESCRIBING_CLAUSES for t in (token, *token.ancestors))


def _is_main_verb(sent: Span, token: Token) -> bool:
    """Whether a word is the sentence's main verb or one joined to it."""
    return token.i == sent.root.i or (token.dep_ == "conj" and token.head.i == sent.root.i)


def _names_its_subject(sent: Span, name_of: NameOf | None, quotations: Sequence[Quotation]) -> bool:
    """Whether a reader knows who the sentence is about: its subject is no pronoun, one the
    text names, or one in a speaker's own words ("'This is a historic day,' the mayor said")."""
    pronoun = subject_pronoun(sent)
    if pronoun is None or any(q.start <= pronoun.idx < q.end for q in quotations):
        return True
    return (
        name_of is not None and pronoun.lower_ in ("he", "she", "they") and bool(name_of(pronoun))
    )
