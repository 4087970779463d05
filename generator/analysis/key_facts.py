"""Choose the key facts of a parsed article: spaCy `Doc` in, ranked `KeyFact` sentences out.

A key fact is a whole sentence of the article, never a fragment or a trimming; a photo caption
that a page ran into the next sentence counts as a sentence of its own. The lead sentence is the
brief's at-a-glance line (`lead_sentence`), so the key facts are the sentences after it that
matter most. Sentences are scored by position (news puts the most important first), centrality
(shared vocabulary with the whole article and its headline) and information (actors, numbers,
dates), then picked best first while skipping near-duplicates. A fact must stand alone: one
whose subject is "he", "she" or "they" names who in brackets, and one whose subject is another
pronoun ("It raised its ties ...") or whose words are mostly a quotation gives way.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import islice

from spacy.attrs import IS_ALPHA, IS_STOP, LEMMA, POS  # type: ignore[import-not-found]  # a Cython module without stubs
from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc, Span, Token

from generator.analysis.asides import opens_on_a_call, sells_to_the_reader, shouts
from generator.analysis.back_references import refers_back, subject_named_before
from generator.analysis.connectives import (
    opens_on_a_connective,
    opens_on_a_reply,
    sentence_without_connective,
)
from generator.analysis.entity_index import entities_in
from generator.analysis.extraposition import is_expletive_it
from generator.analysis.grammar import SUBJECT_DEPS_BUT_CLAUSAL_PASSIVE as SUBJECT_DEPS
from generator.analysis.layout import is_listed
from generator.analysis.lexicon import SPEECH_VERBS
from generator.analysis.news_lead import (
    continues_a_scene,
    in_the_writers_person,
    opens_on_a_hook,
    sets_the_scene,
)
from generator.analysis.no_news import says_no_news
from generator.analysis.page_terms import states_page_terms
from generator.analysis.quote_marks import (
    Quotation,
    inside_quotations,
    is_quoted_speech,
    quotations_of,
)
from generator.analysis.token_lists import once_a_doc, once_a_span, span_text, text_of, token_lists
from generator.analysis.tree_matcher import column_of, has_value
from generator.analysis.whole_sentences import (
    SENTENCE_END,
    is_complete_sentence,
    is_listing_entry,
    parts_of,
    runs_captions_together,
    shown_end,
)
from generator.models import KeyFact

NameOf = Callable[[Token], str | None]
"""Who a pronoun stands for (`referents.name_for_subject`), or None when the text does not say."""

CONTENT_POS = frozenset({"NOUN", "PROPN", "VERB", "ADJ", "NUM"})
"""The parts of speech of the words whose lemmas say what a sentence is about."""
CONTENT_LEMMAS_KEY = "briefs.content_lemmas"
MIN_FACTS = 3
MAX_FACTS = 5
SHARE_OF_SENTENCES = 0.4
MAX_WORDS = 70
"""A longer sentence is too long to take in as one fact."""
NEAR_DUPLICATE_JACCARD = 0.5
NEAR_DUPLICATE_CONTAINMENT = 0.8
CONTEXT_PRONOUNS = frozenset({"he", "she", "it", "they", "we", "i", "you", "this", "these", "both"})
NAMED_PRONOUNS = frozenset({"he", "she", "they"})
"""Subject pronouns a fact keeps, with the name they stand for in brackets."""
MAX_QUOTED_SHARE = 0.5
"""A sentence whose words are more than this share quotation is someone's statement: Quotes."""
POSITION_DECAY = 0.5
WEIGHT_POSITION = 2.0
WEIGHT_CENTRALITY = 0.4
WEIGHT_HEADLINE = 0.4
WEIGHT_INFORMATION = 0.3
WEIGHT_ATTRIBUTED = 0.5
"""Bonus for a statement a named person makes: what officials say is news."""
LEAD_FACTS = 3
"""How many facts are chosen by position and content alone, before attribution counts."""
CONTEXT_PENALTY = 0.6
LEAD_WINDOW = 4
"""The opening sentences among which the lead is the first that does not set the scene: a page's
standfirst (two sentences) and a scene-setting line may come before it."""
INFORMATIVE_ENTITIES = frozenset({"PERSON", "ORG", "GPE", "NORP", "DATE", "MONEY", "PERCENT"})


@dataclass(frozen=True)
class ScoredSentence:
    """A candidate sentence with its score and content words."""

    index: int
    text: str
    score: float
    lemmas: frozenset[str]
    is_attributed: bool
    """A named person says it (`_is_attributed`)."""
    is_linked: bool = False
    """It opens on a connective ("But", "However, ") or on what the sentence before told ("The
    move ...", `back_references`): it goes on from that sentence."""


def extract_key_facts(
    doc: Doc, headline: str, name_of: NameOf | None = None
) -> tuple[KeyFact, ...]:
    """Return 3-5 key facts (fewer for a short article), most important first, after the lead."""
    sentences = [sentence for sentence, _ in parts_of(doc)]
    quotations = quotations_of(doc)
    complete = usable_sentences(doc)
    # The lead is the at-a-glance line (a page may print it twice), which need not be the first
    # sentence: what comes before it sets the scene or is a heading (`lead_sentence`), no fact.
    # A fact that cannot stand alone gives way.
    opening = lead_sentence(doc)
    lead_index = _index_of(opening, sentences)
    lead = frozenset(content_lemmas(opening)) if opening is not None else frozenset()
    candidates = [
        i
        for i in complete
        if i > lead_index
        and not (lead and is_near_duplicate(frozenset(content_lemmas(sentences[i])), lead))
        and len(span_text(sentences[i]).split()) <= MAX_WORDS
        and not runs_captions_together(sentences[i])
        and not is_listing_entry(sentences[i])
        and not _is_mostly_quoted(sentences[i], quotations)
        and not in_the_writers_person(sentences[i])
        and _subject_is_clear(sentences[i], name_of)
    ]
    if not candidates:
        return ()
    scored = score_sentences(sentences, candidates, doc, headline, name_of)
    wanted = min(
        len(scored), max(MIN_FACTS, min(MAX_FACTS, round(len(sentences) * SHARE_OF_SENTENCES)))
    )
    chosen: list[ScoredSentence] = []
    # The lead facts carry the story (news is written most important first); after them, what
    # named people say counts as news too.
    _choose(chosen, scored, min(LEAD_FACTS, wanted), lambda s: s.score, lead_index)
    _choose(
        chosen,
        scored,
        wanted,
        lambda s: s.score + WEIGHT_ATTRIBUTED * s.is_attributed,
        lead_index,
    )
    return tuple(
        KeyFact(text=s.text, sentence_index=s.index) for s in order_after_what_they_follow(chosen)
    )


def order_after_what_they_follow(chosen: list[ScoredSentence]) -> list[ScoredSentence]:
    """The facts most important first, each linked one ("But the players were furious.") moved
    right after the fact it goes on from, or first when it goes on from the lead (`_choose`
    shows it only after one of them): read after another fact, its "But" answers the wrong
    sentence."""
    ordered = [fact for fact in chosen if not fact.is_linked]
    for fact in sorted((f for f in chosen if f.is_linked), key=lambda f: f.index):
        before = next((i for i, kept in enumerate(ordered) if kept.index == fact.index - 1), -1)
        ordered.insert(before + 1, fact)
    return ordered


def _index_of(lead: Span | None, sentences: list[Span]) -> int:
    """The lead's index among the doc's sentences and captions (`parts_of`); -1 without one."""
    starts = [sentence.start for sentence in sentences]
    return starts.index(lead.start) if lead is not None and lead.start in starts else -1


def usable_sentences(doc: Doc) -> list[int]:
    """The indexes, in `whole_sentences.parts_of(doc)`, of the sentences a brief may show: whole
    sentences and captions without their datelines, not someone's quoted words, not a call to
    the reader, not a line of a list (`layout.is_listed`: a spec box's small print), not a line
    that says someone said nothing (`no_news.says_no_news`)."""
    quotations = quotations_of(doc)
    return [
        i
        for i, (sentence, is_caption) in enumerate(parts_of(doc))
        if is_complete_sentence(sentence, needs_stop=not is_caption)
        and not is_quoted_speech(sentence, quotations)
        and not speaks_to_the_reader_as_shown(sentence)
        and not is_listed(sentence)
        and not says_no_news(sentence)
    ]


@once_a_doc
def lead_sentence(doc: Doc) -> Span | None:
    """The at-a-glance line, which the key facts do not repeat: the first complete sentence
    that is not someone's quoted words or a listing's entry (`whole_sentences.is_listing_entry`),
    without its dateline, or, when it sets the scene and one of the next opening sentences
    tells the story (`news_lead.sets_the_scene`, `news_lead.continues_a_scene`), that one."""
    quotations = quotations_of(doc)
    candidates = (
        part
        for part, is_caption in parts_of(doc)
        if is_complete_sentence(part, needs_stop=not is_caption)
        and not is_quoted_speech(part, quotations)
        and not speaks_to_the_reader_as_shown(part)
        and not is_listing_entry(part)
        and not is_listed(part)
        and not says_no_news(part)
    )
    # Only the first few are read: the tests above are asked of no sentence after them.
    opening = list(islice(candidates, LEAD_WINDOW))
    # After a scene, someone's words framed by "she wrote" tell their view, not the event; a
    # first sentence that reports a speech ("The mayor, opening the hall, said ...") is news.
    is_scene = [sets_the_scene(part) for part in opening]
    # A scene goes on in the sentence that links to it and tells no event: "In fact, ...".
    for number in range(1, len(opening)):
        is_scene[number] = is_scene[number] or (
            is_scene[number - 1] and continues_a_scene(opening[number])
        )
    events = (
        part
        for number, part in enumerate(opening)
        if not is_scene[number] and not (number and _is_mostly_quoted(part, quotations))
    )
    # A column, a guide or a feature that opens on a hook (the writer's "I", a question, "you",
    # "There's ...") and tells no event has no lead: its headline says what it is better.
    fallback = opening[0] if opening and not opens_on_a_hook(opening[0]) else None
    return next(events, fallback)


@once_a_span
def calls_out(sent: Span) -> bool:
    """A page's pitch or call to its reader, which no news fact is: an exclamation in the
    writer's own voice ("Book your tickets today!", "some of the best deals we've ever seen are
    already available now!"), a seller's copy (`asides.sells_to_the_reader`), a word it
    stresses in capitals (`asides.shouts`) or the page's own terms (`page_terms`: "we may earn
    a commission", "prices are subject to change"). Someone's exclaimed words end on their
    closing mark, and count."""
    tokens = token_lists(sent.doc)
    last = tokens.last_non_space(sent)
    if last is None:
        return False
    quotations = quotations_of(sent.doc)
    return (
        tokens.text[last] == "!"
        or sells_to_the_reader(sent, quotations)
        or shouts(sent, quotations)
        or states_page_terms(sent, quotations)
    )


def speaks_to_the_reader_as_shown(sent: Span) -> bool:
    """Whether a sentence shown whole (a fact, the lead) would speak to the reader: it calls
    out (`calls_out`) or opens on a line to the reader ("Watch the video: ...",
    `asides.opens_on_a_call`). The timeline shows the clause after such a line, and keeps it."""
    return calls_out(sent) or opens_on_a_call(sent, quotations_of(sent.doc))


def _is_mostly_quoted(sent: Span, quotations: Sequence[Quotation]) -> bool:
    """Whether most of a sentence's words are in quotation marks ("'The people have spoken,'
    he said."): it is shown under Quotes, with its speaker."""
    words = token_lists(sent.doc).words(sent)
    inside = inside_quotations(sent.doc, quotations)
    quoted = [i for i in words if inside[i]]
    return bool(words) and len(quoted) > MAX_QUOTED_SHARE * len(words)


def _subject_is_clear(sent: Span, name_of: NameOf | None) -> bool:
    """A sentence whose subject is no pronoun, or one whose name the text gives (`NameOf`)."""
    pronoun = subject_pronoun(sent)
    if pronoun is None:
        return True
    return pronoun.lower_ in NAMED_PRONOUNS and name_of is not None and bool(name_of(pronoun))


def subject_pronoun(sent: Span) -> Token | None:
    """The pronoun that is the subject of a sentence's main verb, or opens it as a subject. An
    expletive "it" ("It is understood that ...", `extraposition`) stands for nothing before."""
    # By position: every sentence scored asks, and a `Token` a word costs more than the test.
    tokens, doc, root = token_lists(sent.doc), sent.doc, sent.root.i
    is_punct = tokens.is_punct
    first = next((i for i in range(sent.start, sent.end) if not is_punct[i]), root)
    for i in (*tokens.children[root], first):
        if (
            tokens.dep[i] in SUBJECT_DEPS
            and tokens.lower[i] in CONTEXT_PRONOUNS
            and not is_expletive_it(doc[i])
        ):
            return doc[i]
    return None


def _choose(
    chosen: list[ScoredSentence],
    scored: list[ScoredSentence],
    wanted: int,
    score: Callable[[ScoredSentence], float],
    lead_index: int,
) -> None:
    """Add the best-scoring sentences that say something new until `wanted` are chosen. A
    sentence that opens on a link to the one before ("But ...", "That figure ...") stands only
    after that one, the lead or a fact chosen before it; otherwise the next takes its place."""
    for candidate in sorted(scored, key=lambda s: (-score(s), s.index)):
        if len(chosen) >= wanted:
            return
        if candidate in chosen:
            continue
        shown_before = {lead_index, *(kept.index for kept in chosen)}
        if candidate.is_linked and candidate.index - 1 not in shown_before:
            continue
        if not any(is_near_duplicate(candidate.lemmas, kept.lemmas) for kept in chosen):
            chosen.append(candidate)


def score_sentences(
    sentences: list[Span],
    candidates: list[int],
    doc: Doc,
    headline: str,
    name_of: NameOf | None = None,
) -> list[ScoredSentence]:
    """Score each candidate sentence; higher is more important."""
    document_lemmas = Counter(lemma for sent in sentences for lemma in content_lemmas(sent))
    # Once, not per sentence: the document's words grow with its length.
    document_norm = _norm(document_lemmas)
    headline_lemmas = {w for w in re.findall(r"\w+", headline.lower()) if w not in STOP_WORDS}
    scored = []
    for rank, index in enumerate(candidates):
        sent = sentences[index]
        lemmas = content_lemmas(sent)
        score = (
            WEIGHT_POSITION / (1 + POSITION_DECAY * rank)
            + WEIGHT_CENTRALITY * _cosine(Counter(lemmas), document_lemmas, document_norm)
            + WEIGHT_HEADLINE * _headline_share(sent, headline_lemmas)
            + WEIGHT_INFORMATION * math.log1p(_information(sent))
        )
        if _needs_context(sent):
            score *= CONTEXT_PENALTY
        text, is_linked = _standing_text(sent, name_of)
        scored.append(
            ScoredSentence(index, text, score, frozenset(lemmas), _is_attributed(sent), is_linked)
        )
    return scored


def content_lemmas(sent: Span) -> list[str]:
    """Lowercase lemmas of the words that carry meaning (no stop words, punctuation, numbers)."""
    by_token = _content_lemma_of_each_token(sent.doc)[sent.start : sent.end]
    return [lemma for lemma in by_token if lemma is not None]


def _content_lemma_of_each_token(doc: Doc) -> tuple[str | None, ...]:
    """Each token's content lemma, None for a word that carries no meaning; read once per doc,
    as the key facts, their scores and related reading each read every sentence's."""
    lemmas = doc.user_data.get(CONTENT_LEMMAS_KEY)
    if not isinstance(lemmas, tuple):
        is_content = (
            (column_of(doc, IS_ALPHA) == 1)
            & (column_of(doc, IS_STOP) == 0)
            & has_value(doc, POS, CONTENT_POS)
        )
        strings = doc.vocab.strings
        lemmas = doc.user_data[CONTENT_LEMMAS_KEY] = tuple(
            strings[lemma].lower() if content else None
            for lemma, content in zip(
                column_of(doc, LEMMA).tolist(), is_content.tolist(), strict=True
            )
        )
    return lemmas


def fact_text(sent: Span, name_of: NameOf | None = None) -> str:
    """The sentence as the article has it, with the name its subject pronoun stands for in
    brackets ("He [William Ruto] called for ...")."""
    pronoun = subject_pronoun(sent)
    name = name_of(pronoun) if pronoun is not None and name_of is not None else None
    whole = _shown_text(sent)
    end = 0 if pronoun is None else pronoun.idx + len(pronoun.text) - sent.start_char
    if pronoun is None or not name or name in whole[:end]:
        # "When Jo Lin moved in, she thought ...": the sentence names her before the pronoun.
        text = whole
    else:
        text = f"{whole[:end]} [{name}]{whole[end:]}"
    text = " ".join(text.split())
    if not SENTENCE_END.search(text):
        # A caption, which the article prints without a full stop.
        text = f"{text.rstrip(' ,;:')}."
    return text


def _shown_text(sent: Span) -> str:
    """A sentence's text to where it is shown to (`whole_sentences.shown_end`): a quotation it
    opens is shown to its closing mark."""
    end = shown_end(sent)
    if end is None or end == len(text_of(sent.doc)[: sent.end_char].rstrip()):
        return span_text(sent)
    return text_of(sent.doc)[sent.start_char : end]


def _standing_text(sent: Span, name_of: NameOf | None) -> tuple[str, bool]:
    """A fact's text, and whether it goes on from the sentence before (`ScoredSentence.is_linked`).
    A connective that only links ("And ...", "Meanwhile, ...") goes, as in the why-it-matters
    line: the fact says the same alone. One that answers the sentence before ("But ...",
    "However, ...") stays, and the fact needs that sentence; so does one that opens a phrase
    ("In addition to the fee, ...")."""
    text = fact_text(sent, name_of)
    whole = span_text(sent)
    if not opens_on_a_connective(whole):
        return text, refers_back(sent) or subject_named_before(sent)
    if opens_on_a_reply(whole):
        return text, True
    alone = sentence_without_connective(sent, text)
    if alone == text or opens_on_a_connective(alone):
        # "And indeed, ...": a second link after the first still goes on from the sentence before.
        return text, True
    # What follows the link may itself lean on the sentence before ("Also, others could ...",
    # "And they [unnamed] ..."): then the fact stays as the article has it, after that sentence.
    rest = sent.doc[_first_after(sent, len(text) - len(alone)) : sent.end]
    pronoun = subject_pronoun(sent)
    is_named = pronoun is not None and name_of is not None and bool(name_of(pronoun))
    if refers_back(rest) or (_needs_context(rest) and not is_named):
        return text, True
    return alone, False


def _first_after(sent: Span, chars: int) -> int:
    """The index of the first token at or past `chars` characters into a sentence."""
    start = sent.start_char + chars
    return next((t.i for t in sent if t.idx >= start), sent.end)


def _needs_context(sent: Span) -> bool:
    """A sentence opening on a bare pronoun ("They said ...") leans on the one before it."""
    first = next((t for t in sent if not t.is_punct), None)
    return (
        first is not None
        and first.lower_ in CONTEXT_PRONOUNS
        and first.dep_ in SUBJECT_DEPS
        and not is_expletive_it(first)
    )


def _is_attributed(sent: Span) -> bool:
    """A named person before a speech verb ("Ushakov emphasized that ...")."""
    tokens = token_lists(sent.doc)
    verbs = [
        i
        for i in range(sent.start, sent.end)
        if tokens.pos[i] == "VERB" and tokens.lemma[i] in SPEECH_VERBS
    ]
    people = [ent.start for ent in entities_in(sent) if ent.label_ == "PERSON"]
    return bool(verbs and people and min(people) < max(verbs))


def _information(sent: Span) -> int:
    like_num = token_lists(sent.doc).like_num[sent.start : sent.end]
    return sum(1 for ent in entities_in(sent) if ent.label_ in INFORMATIVE_ENTITIES) + sum(like_num)


def _headline_share(sent: Span, headline_lemmas: set[str]) -> float:
    if not headline_lemmas:
        return 0.0
    tokens = token_lists(sent.doc)
    words = set(tokens.lower[sent.start : sent.end]) | {
        lemma.lower() for lemma in tokens.lemma[sent.start : sent.end]
    }
    return len(words & headline_lemmas) / len(headline_lemmas)


def _cosine(first: Counter[str], second: Counter[str], second_norm: float) -> float:
    dot = sum(count * second[word] for word, count in first.items())
    norms = _norm(first) * second_norm
    return dot / norms if norms else 0.0


def _norm(counts: Counter[str]) -> float:
    return math.sqrt(sum(c * c for c in counts.values()))


def is_near_duplicate(first: frozenset[str], second: frozenset[str]) -> bool:
    """Two sentences say the same when they share most words, or one sits inside the other."""
    shared = len(first & second)
    smaller = min(len(first), len(second))
    if not smaller:
        return True
    jaccard = shared / len(first | second)
    return jaccard >= NEAR_DUPLICATE_JACCARD or shared / smaller >= NEAR_DUPLICATE_CONTAINMENT
