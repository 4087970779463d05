"""Write the at-a-glance line and find why the story matters: parsed `Doc` in, two strings out.

Both are whole sentences of the article: the lead (who did what, where, when), and the sentence
in which the article says what is at stake: what the event signifies, what it will lead to, or
how a principal reacts to it. Someone's view keeps its speaker, as the article words it.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator, Sequence

from spacy.tokens import Doc, Span, Token

from generator.analysis.clauses import is_main_verb
from generator.analysis.connectives import (
    opens_on_a_reply,
    reply_opening,
    sentence_without_connective,
)
from generator.analysis.dates import Reference, normalise_date
from generator.analysis.entity_index import entities_in
from generator.analysis.grammar import NOMINAL_SUBJECT_DEPS, TIME_ENTITY_LABELS
from generator.analysis.key_facts import (
    MAX_FACTS,
    NameOf,
    fact_text,
    lead_sentence,
    speaks_to_the_reader_as_shown,
    subject_pronoun,
)
from generator.analysis.lexicon import EARLIER_TIME_WORDS, SPEECH_VERBS
from generator.analysis.quote_marks import Quotation, is_quoted_speech, quotations_of
from generator.analysis.stakes import CueMatch, StakesCue, load_cues
from generator.analysis.token_lists import span_text
from generator.analysis.whole_sentences import (
    is_complete_sentence,
    parts_of,
    runs_captions_together,
)
from generator.ingest.clean import is_sentence
from generator.models import KeyFact

VERB_CLASSES = frozenset({"VERB", "AUX"})
NEGATION_DEP = "neg"
TOPIC_CLASSES = frozenset({"NOUN", "PROPN"})
"""Words that say what a sentence is about: a stake the writer states shares one with the lead."""


FIRST_PERSON_SINGULAR = "i"
LEANING_DISCOUNT = 0.9
"""Below one: of two stakes stated as strongly, the one that does not answer another goes first."""
CONTRAST_ADVERB = "instead"
"""On the main verb, it sets what the sentence tells against what the one before told."""
TOLD_DEPS = frozenset({"dobj", "dative"})
"""How the one a verb tells to do something hangs on it ("warned people to stay away")."""
OWNER_DEPS = frozenset({"det", "poss"})
"""Words that single out whom a noun means ("the chancellor", "its members")."""
DESCRIBING_CLAUSES = frozenset({"relcl", "acl", "advcl"})
"""Clauses that describe a noun or set the scene of the sentence's statement."""
PAST_TENSE_TAG = "VBD"
ELLIPSES = ("…", "...")
"""How a teaser ends where it was cut."""
WORDS = re.compile(r"\w+")


def extract_at_a_glance(doc: Doc, headline: str, name_of: NameOf | None = None) -> str:
    """Return the lead sentence whole (`key_facts.lead_sentence`); the headline when there is no
    lead. A story that opens on a quotation says what happened after it. The key facts do not
    repeat it, and it is not cut: a shortened lead can drop its point ("to protest against the
    defence treaty"). A lead after a scene whose subject is "he" or "they" names whom, as the
    key facts do ("He [Jane Roe] scored ...")."""
    lead = lead_sentence(doc)
    if lead is None and not headline.strip():
        # No headline to say what a piece in the writer's own voice is: its opening line,
        # rather than a call to the reader ("We hope to see you there!") if it has another.
        quotations = quotations_of(doc)
        lines = [
            part
            for part, caption in parts_of(doc)
            if is_complete_sentence(part, not caption) and not is_quoted_speech(part, quotations)
        ]
        lead = next((line for line in lines if not speaks_to_the_reader_as_shown(line)), None)
        lead = lead or next(iter(lines), None)
    return headline if lead is None else fact_text(lead, name_of)


def glance_deck(deck: str | None, body: str) -> str | None:
    """The page's deck (`Article.standfirst`) when the brief shows it as its at-a-glance line: a
    whole sentence (a sub-headline without its stop reads as a label) that the article's text
    does not hold (a scraped page's standfirst opens its body, where the lead is read)."""
    if deck is None or not is_sentence(deck) or deck.endswith(ELLIPSES):
        return None
    return None if _comparable(deck) in _comparable(body) else deck


def with_lead_first(
    doc: Doc, key_facts: tuple[KeyFact, ...], name_of: NameOf | None = None
) -> tuple[KeyFact, ...]:
    """The key facts of a brief whose at-a-glance line is the page's deck: the lead, which the
    facts leave to the at-a-glance line, comes first (the deck sums the story up; the lead
    tells what happened)."""
    lead = lead_sentence(doc)
    if lead is None:
        return key_facts
    index = next(i for i, (part, _) in enumerate(parts_of(doc)) if part.start == lead.start)
    return (KeyFact(text=fact_text(lead, name_of), sentence_index=index), *key_facts)[:MAX_FACTS]


def _comparable(text: str) -> str:
    return " ".join(WORDS.findall(text.casefold()))


def extract_why_it_matters(
    doc: Doc, name_of: NameOf | None = None, article_date: dt.date | None = None
) -> str | None:
    """Return the sentence after the lead that says most strongly what is at stake, or None
    when the article says nothing of it. A subject "he" or "they" is named in brackets as in
    the key facts; a sentence whose subject the text leaves unnamed, or captions run together,
    give way."""
    lead = lead_sentence(doc)
    quotations = quotations_of(doc)
    lead_topics = None if lead is None else _topic_words(lead) | _subject_named(lead, name_of)
    matches = load_cues(doc.vocab).matches(doc)
    best: tuple[float, Span] | None = None
    for part, is_caption in parts_of(doc):
        if lead is not None and part.start <= lead.start:
            continue
        # A sentence without a cue weighs nothing: spare it the checks of its form.
        in_part = _matches_in(part, matches)
        if not in_part:
            continue
        if not is_complete_sentence(part, needs_stop=not is_caption):
            continue
        if is_quoted_speech(part, quotations) or runs_captions_together(part):
            continue
        if speaks_to_the_reader_as_shown(part) or _tells_history(part, article_date):
            continue
        if _answers_the_sentence_before(part, in_part):
            continue
        if not _names_its_subject(part, name_of, quotations):
            continue
        reply = reply_opening(span_text(part))
        if reply is not None and not reply.contrasts:
            # "Of course, the tax could ...": it grants the sentence before, which it needs.
            continue
        weight = stakes_weight(part, quotations, lead_topics, in_part)
        if reply is not None:
            # The writer's "But the row put the issue in the public eye" leans on the sentence
            # before: a stake stated as strongly on its own goes first.
            weight *= LEANING_DISCOUNT
        if weight and (best is None or weight > best[0]):
            best = (weight, part)
    # "Meanwhile, the cuts could ...": the stake says the same without its link to the
    # sentence before, which the page does not show beside it.
    return (
        None if best is None else sentence_without_connective(best[1], fact_text(best[1], name_of))
    )


def stakes_weight(
    sent: Span,
    quotations: Sequence[Quotation] = (),
    lead_topics: frozenset[str] | None = None,
    matches: Sequence[CueMatch] | None = None,
) -> float:
    """The weight of the strongest cue a sentence states its stake with, 0 for none."""
    cue = next(stakes_cues_of(sent, quotations, lead_topics, matches), None)
    return 0.0 if cue is None else cue.weight


def stakes_cues_of(
    sent: Span,
    quotations: Sequence[Quotation] = (),
    lead_topics: frozenset[str] | None = None,
    matches: Sequence[CueMatch] | None = None,
) -> Iterator[StakesCue]:
    """The cues (`data/stakes_cues.yml`) by which a sentence states its stake, strongest first.

    With `lead_topics` (`_topic_words` of the lead), a stake in the writer's own voice counts
    only when the sentence shares a topic word with the lead: "There was a setback for Jade
    Johnson" in a report of Gardener's win is a side detail. Someone's reported view or
    reaction ("Merkel said the crisis underlined ...") is the story's by being reported."""
    if matches is None:
        matches = _matches_in(sent, load_cues(sent.doc.vocab).matches(sent.doc))
    is_on_topic = (
        lead_topics is None or bool(_topic_words(sent) & lead_topics) or _refers_back(sent)
    )
    for match in matches:
        cue, token = match.cue, match.span[0]
        quotation = next((q for q in quotations if q.start <= token.idx < q.end), None)
        if quotation is not None and not (
            cue.counts_in_quotation
            and _is_whole_in(quotation, sent)
            and not _tells_own_experience(match.span)
        ):
            continue
        if not _states_a_stake(sent, match):
            continue
        is_someones_view = quotation is not None or cue.main_verb or _is_reported(token)
        if is_on_topic or is_someones_view:
            yield cue


def _tells_history(sent: Span, article_date: dt.date | None = None) -> bool:
    """Whether a sentence tells what happened before the story, at a time its main clause
    says lay earlier ("Last year the firm also released ...", "Ruritania missed a bond payment
    four years ago, its first ...") or dates in a year before the article's ("defaulted on
    its debt in December 2001"): background, not what the story's event means or leads to. A
    past time in a clause on a noun ("whose drubbing last year marked ...") dates that clause
    only."""
    root = sent.root
    is_past = root.tag_ == PAST_TENSE_TAG or any(
        child.dep_ == "aux" and child.tag_ == PAST_TENSE_TAG for child in root.children
    )
    if not is_past:
        return False
    times = [entity for entity in entities_in(sent) if entity.label_ in TIME_ENTITY_LABELS]
    earlier = [token for entity in times for token in entity if token.lower_ in EARLIER_TIME_WORDS]
    earlier += [entity.root for entity in times if _is_an_earlier_year(entity, article_date)]
    earlier += [child for child in root.children if child.lower_ in EARLIER_TIME_WORDS]
    return any(_in_main_clause(token, root) for token in earlier)


def _is_an_earlier_year(entity: Span, article_date: dt.date | None) -> bool:
    """Whether a date names a year before the article's ("in December 2001" in a 2004 story)."""
    if article_date is None:
        return False
    dates = normalise_date(entity.text, Reference(article_date, is_future=False))
    return any(
        date.value[:4].isdigit() and int(date.value[:4]) < article_date.year for date in dates
    )


def _in_main_clause(token: Token, root: Token) -> bool:
    """Whether a word hangs on the sentence's main verb outside any clause of its own."""
    for ancestor in (token, *token.ancestors):
        if ancestor.i == root.i:
            return True
        if ancestor.dep_ in DESCRIBING_CLAUSES or ancestor.dep_ == "ccomp":
            return False
    return False


def _matches_in(part: Span, matches: Sequence[CueMatch]) -> list[CueMatch]:
    return [m for m in matches if part.start <= m.span.start and m.span.end <= part.end]


def _states_a_stake(sent: Span, match: CueMatch) -> bool:
    """Whether the words a cue matched state the sentence's own stake, as the cue asks; its
    first word is the one the checks read."""
    cue, token = match.cue, match.span[0]
    if _describes_something_else(token):
        return False
    if not cue.kept_when_denied and _is_denied(token, match.span):
        return False
    if cue.main_verb and not is_main_verb(token, sent.root):
        return False
    if _advises(token):
        return False
    return not cue.reported or _is_reported(token)


def _answers_the_sentence_before(sent: Span, matches: Sequence[CueMatch]) -> bool:
    """Whether someone's words or reaction answer the sentence before ("But the minister said
    the cuts would ...", "Mr Blair instead hailed ..."): a reply to what is at stake is no
    statement of the stakes. The writer's own "But the row put the issue in the public eye"
    states them."""
    root = sent.root
    if any(child.lower_ == CONTRAST_ADVERB for child in root.children):
        return True
    is_someones = root.lemma_.lower() in SPEECH_VERBS or any(
        match.cue.main_verb and match.span[0].i == root.i for match in matches
    )
    return is_someones and opens_on_a_reply(span_text(sent))


def _tells_own_experience(matched: Span) -> bool:
    """Whether a speaker's cue words tell what happened to the speaker ("this is the first
    time I have won a prize"): the subject "I" in the clause the cue's words head is a personal
    line at a ceremony, not the stakes of the story. A view the speaker states of the
    event ("I think this marks a turning point") holds the "I" outside that clause."""
    return any(
        token.dep_ in NOMINAL_SUBJECT_DEPS and token.lower_ == FIRST_PERSON_SINGULAR
        for word in matched
        for child in word.children
        if child.dep_ in DESCRIBING_CLAUSES
        for token in child.subtree
    )


def _advises(token: Token) -> bool:
    """Whether a cue's verb tells people at large what to do, a bare noun ("Officials have warned
    people to stay away", "urged residents to"): advice to the public, not what the event
    means. A party told to act, named or singled out ("urged Iran to return to the talks",
    "urged the chancellor to admit ..."), is a principal's reaction, and counts."""
    if token.pos_ not in VERB_CLASSES:
        return False
    told = [c for c in token.children if c.dep_ in TOLD_DEPS]
    told += [g for c in token.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
    return any(c.dep_ == "xcomp" for c in token.children) and any(
        t.pos_ == "NOUN" and not t.ent_type_ and not any(c.dep_ in OWNER_DEPS for c in t.children)
        for t in told
    )


def _is_whole_in(quotation: Quotation, sent: Span) -> bool:
    """Whether a quotation opens and closes inside the sentence, which then gives its speaker
    ("'This is a historic day,' the mayor said."): a principal's words on the stakes. A
    quotation opened in an earlier sentence would show as a fragment with a stray mark."""
    return sent.start_char <= quotation.start and quotation.end <= sent.end_char


def _is_reported(token: Token) -> bool:
    """Whether a word sits in what someone is said to say ("Lagarde said inflation was ...")."""
    return any(t.dep_ == "ccomp" for t in (token, *token.ancestors))


def _is_denied(token: Token, matched: Span) -> bool:
    """Whether the cue's verb is denied ("the poll does not speak for every region"). A
    cue whose pattern takes the negation in ("is not concerned about") counts it as a stake."""
    verb = token if token.pos_ in VERB_CLASSES else token.head
    return any(
        child.dep_ == NEGATION_DEP and not matched.start <= child.i < matched.end
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


def _subject_named(sent: Span, name_of: NameOf | None) -> frozenset[str]:
    """The words of the name a subject "he" or "they" stands for, lowercased: a lead after a
    scene may name its actor by a pronoun ("He [Jo Lin] refuses ...")."""
    pronoun = subject_pronoun(sent)
    name = None if pronoun is None or name_of is None else name_of(pronoun)
    return frozenset(name.lower().split()) if name else frozenset()


def _describes_something_else(token: Token) -> bool:
    """Whether a word sits in a clause that describes a noun or sets the scene ("the firm,
    which plans to cut hundreds of jobs, said ..."; "leaflets that criticise ..."): the
    stakes it states are not the sentence's."""
    return any(t.dep_ in DESCRIBING_CLAUSES for t in (token, *token.ancestors))


def _names_its_subject(sent: Span, name_of: NameOf | None, quotations: Sequence[Quotation]) -> bool:
    """Whether a reader knows who the sentence is about: its subject is no pronoun, one the
    text names, or one in a speaker's own words ("'This is a historic day,' the mayor said")."""
    pronoun = subject_pronoun(sent)
    if pronoun is None or any(q.start <= pronoun.idx < q.end for q in quotations):
        return True
    return (
        name_of is not None and pronoun.lower_ in ("he", "she", "they") and bool(name_of(pronoun))
    )
