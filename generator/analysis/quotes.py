"""Find quotations and reported statements in a parsed article: spaCy `Doc` in, `Quote`s out.

Each quote carries its words, the clause it sits in, its kind and, when the article names one,
its speaker as the canonical actor name returned by the caller's `speaker_name`.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace

import numpy
from spacy.attrs import LOWER, POS  # type: ignore[import-not-found]  # a Cython module without stubs
from spacy.tokens import Doc, Span, Token

from generator.analysis.clauses import has_subject
from generator.analysis.lexicon import (
    QUOTING_VERBS,
    READER_WORDS,
    SAID_FORMS,
    TITLE_SMALL_WORDS,
)
from generator.analysis.quote_contexts import quote_context
from generator.analysis.quote_marks import QUOTE_MARKS, Quotation, trimmed_text
from generator.analysis.referents import (
    NOUN_MODIFIER_DEPS,
    ParsedArticle,
    SpeakerName,
    name_for_subject,
    name_from_words,
    subject_of,
)
from generator.analysis.reported_clauses import (
    is_speech_verb,
    reported_clause,
    reported_tokens,
    says_nothing,
    supposes_speech,
)
from generator.analysis.reporters_sources import without_reporters_fragments
from generator.analysis.speaker_descriptions import described_speaker, description_of
from generator.analysis.speakers import (
    credited_speaker,
    introduced_speaker,
    is_narrated_speech,
    said_by_name,
)
from generator.analysis.token_lists import span_text, token_lists
from generator.analysis.tree_matcher import has_value
from generator.models import Actor, Quote, QuoteKind

BARE_SAYING = frozenset({"nsubj", "aux", "neg", "punct"})  # "He said, she said" says nothing
MAX_TITLE_WORDS = 6
"""Capitalised quotations up to this length inside a sentence are titles of shows, books or
events, not speech."""
MAX_SCARE_QUOTE_WORDS = 2
"""Unattributed quotations this short are titles or scare quotes, not speech."""
MAX_WRITERS_PHRASE_WORDS = 4
"""The longest noun phrase in marks, credited by no verb, read as the writer's phrase."""
CONTINUATION_PARAGRAPHS = 1
"""How many paragraphs back an unattributed quotation may take the last speaker from."""
DIRECT_LEAD_PUNCTUATION = frozenset({",", ":"})
"""Punctuation before an opening mark that introduces a full quoted sentence."""
TRAILING_STRIP = " \t\n\xa0,;:"
QUOTE_ELISION = " … "
"""Where a quote leaves out the writer's words that cut it in two ("he said")."""
MAX_FRAME_WORDS = 8
"""Most words of an attribution that cuts a quoted sentence in two ("the minister said on
Tuesday")."""
TRANSCRIPT_LABEL = re.compile(r"^([A-Z][A-Z'’.-]+(?: [A-Z][A-Z'’.-]+){0,2}):\s+")
"""A speaker's name in capitals and a colon opening a transcript's line ("WALLACE: Let's ...")."""


@dataclass(frozen=True)
class _Attribution:
    """Someone's words found in the text, before quotes are ordered and speakers carried on."""

    position: int
    """Character offset, for reading order and for finding the previous speaker."""
    quote: Quote | None
    """None for speech whose content is not itself a quote (it still names the last speaker)."""
    speaker: str | None
    """Canonical name of whoever spoke, for quotations that continue this speech."""
    is_attributed: bool
    """Whether the text says who spoke (even if the speaker is no known actor)."""
    is_introduced: bool = False
    """Whether the speaker is only the subject of the narration before the quotation (no
    speech verb, colon or sign-off credits it): a guess `_carry_speakers` may overrule."""
    quotation: Quotation | None = None
    """The marks the quote was read from; None for reported speech."""
    description: str | None = None
    """How the text describes an unnamed speaker, for quotations that continue this speech."""


COMMON_NOUN_TAGS = ("NN", "NNS")
"""Penn tags of a common noun: a quotation just after one names it, just before qualifies it."""


def extract_quotes(
    doc: Doc,
    speaker_name: SpeakerName,
    actors: tuple[Actor, ...] | None = None,
    headline: str = "",
) -> tuple[Quote, ...]:
    """Return the article's direct, partial and reported quotes in reading order.

    `actors` (the article's, from `extract_actors`) name a speaker the lookup misses, by the
    name the article writes; without them only the lookup names speakers.
    """
    article = ParsedArticle(doc, speaker_name, actors, headline)
    quoted = (_quote_from_marks(article, quotation) for quotation in article.quotations)
    found = [item for item in quoted if item is not None]
    found.extend(_speech_found(article))
    found.sort(key=lambda item: item.position)
    quotes = tuple(_carry_speakers(article, _join_interrupted(article, found)))
    return without_reporters_fragments(quotes, actors)


def _quote_from_marks(article: ParsedArticle, quotation: Quotation) -> _Attribution | None:
    """Build the quote for one quotation, or None for an unattributed scare quote."""
    doc = article.doc
    inner = doc.char_span(quotation.inner_start, quotation.inner_end, alignment_mode="expand")
    outer = doc.char_span(quotation.start, quotation.end, alignment_mode="expand")
    text = article.text[quotation.inner_start : quotation.inner_end].strip(TRAILING_STRIP)
    if inner is None or outer is None or not span_text(inner).strip() or not text:
        return None
    # The parser may end the sentence before on an opening mark ("he said. 'Games ...").
    first = article.sentence_index(inner.start)
    covering = _covering_sentences(article, outer, first)
    kind = _quote_kind(inner, outer, covering)
    if _is_title(inner) and (kind == "partial" or _capitalises_small_words(inner)):
        # A book's name ("In her book, ''Teach Your Dog to Read,''"): nobody speaks in title case.
        return None
    verbs = _attributing_verbs(article, inner, outer, covering)
    if verbs and supposes_speech(verbs[0]):
        return None  # "As a coach would say, “...”": words nobody said
    speaker, is_attributed = credited_speaker(article, verbs, inner, quotation, covering)
    label = TRANSCRIPT_LABEL.match(text)
    if label is not None and kind == "direct":
        text = text[label.end() :]
        speaker, is_attributed = _labelled_speaker(article, quotation, label), True
    is_introduced = False
    if not is_attributed and kind == "direct":
        speaker, is_attributed = introduced_speaker(article, outer, first)
        is_introduced = is_attributed
    if not is_attributed and _word_count(inner) <= MAX_SCARE_QUOTE_WORDS:
        return None
    if not is_attributed and kind == "partial" and _names_the_noun_before(outer):
        # "the slogan “Shop local, it pays.”", "the hashtag “#NotMyPresident”": what the noun is
        # called, which nobody says here.
        return None
    if not is_attributed and not verbs and _is_a_phrase_of_the_writer(inner):
        return None
    if speaker is None and _addresses_the_reader(article, covering):
        # "But you may still ask yourself, “What if I had stayed ...?”": the reader's imagined
        # words, which the writer puts to them; nobody said them.
        return None
    if kind == "partial" and _qualifies_the_noun_after(outer) and not said_by_name(article, verbs):
        # "a new “functions on demand” system", 'maintaining his "tough on China" stance':
        # words that qualify the noun after them, which nobody named says here. Only a verb of
        # saying with a named subject makes them someone's ('Smith called it a "once in a
        # lifetime" opportunity'): no speaker of the paragraph before, no "his" of the noun.
        return None
    described = None
    if speaker is None and is_attributed and not is_introduced and label is None:
        described = described_speaker(article, verbs)
    verb = verbs[0] if verbs else None
    alone = kind == "partial" and is_narrated_speech(article, verb)
    context = quote_context(article.text, outer, covering, verb, kind, alone)
    quote = Quote(text, context, speaker, kind, first, speaker_description=described)
    return _Attribution(
        quotation.start, quote, speaker, is_attributed, is_introduced, quotation, described
    )


def _join_interrupted(article: ParsedArticle, found: list[_Attribution]) -> list[_Attribution]:
    """Join each quoted sentence that the writer's attribution cuts in two ("“We will not
    stop,” he said, “until the law changes.”") into one quote of one speaker."""
    joined: list[_Attribution] = []
    last_quoted: int | None = None
    for item in found:
        if last_quoted is not None and _interrupts(article, joined[last_quoted], item):
            joined[last_quoted] = _joined(article, joined[last_quoted], item)
            continue
        if item.quotation is not None:
            last_quoted = len(joined)
        joined.append(item)
    return joined


def _interrupts(article: ParsedArticle, first: _Attribution, second: _Attribution) -> bool:
    """Whether only a short attribution set off by commas stands between two quoted sentences
    of one paragraph: the first ends on a comma and the sentence goes on in the second."""
    marks = first.quotation, second.quotation
    if marks[0] is None or marks[1] is None or first.quote is None or second.quote is None:
        return False
    if first.quote.kind != "direct" or second.quote.kind != "direct":
        # A title or a phrase in the writer's sentence ("sang “A Change Is Gonna Come,” then
        # ...") is no sentence of the speaker's that the frame cut.
        return False
    frame = article.text[marks[0].end : marks[1].start]
    inner = article.text[marks[0].inner_start : marks[0].inner_end].rstrip()
    if not (inner.endswith(",") or frame.lstrip().startswith(",")):
        return False
    frame_words = frame.strip(" ,")
    span = article.doc.char_span(marks[0].end, marks[1].start, alignment_mode="contract")
    return (
        frame.rstrip().endswith(",")
        and "\n" not in frame
        and not any(mark in frame_words for mark in ".!?;:")
        and 0 < len(frame_words.split()) <= MAX_FRAME_WORDS
        and span is not None
        and any(is_speech_verb(token) for token in span)
    )


def _joined(article: ParsedArticle, first: _Attribution, second: _Attribution) -> _Attribution:
    """One quote of the two halves of a quoted sentence, the writer's frame left out."""
    assert first.quote is not None and second.quote is not None and second.quotation is not None
    text = first.quote.text.rstrip(TRAILING_STRIP) + QUOTE_ELISION + second.quote.text
    start = article.sentences[first.quote.sentence_index].start_char
    end = second.quotation.end
    closing = article.doc.char_span(end - 1, end, alignment_mode="expand")
    if closing is not None:
        end = max(end, article.sentences[article.sentence_index(closing.start)].end_char)
    context = article.text[min(start, first.position) : end]
    credited = first if first.is_attributed else second
    speaker, description = credited.speaker, credited.description
    quote = replace(
        first.quote,
        text=text,
        context=context.strip(),
        speaker=speaker,
        speaker_description=description,
    )
    return replace(
        first,
        quote=quote,
        speaker=speaker,
        description=description,
        is_attributed=first.is_attributed or second.is_attributed,
        is_introduced=first.is_introduced and second.is_introduced,
    )


def _qualifies_the_noun_after(outer: Span) -> bool:
    """Whether the quotation comes right before a common noun, as words that qualify it: 'a
    "phase one" trade deal', 'his "tough on China" stance', 'a new “functions on demand”
    system'."""
    # '"doomed," aides said' ends its words with a comma: the noun after it starts the
    # writer's attribution, not part of the phrase.
    words = [token for token in outer if token.text not in QUOTE_MARKS]
    after = outer.end
    return (
        bool(words)
        and not words[-1].is_punct
        # '"systematically looted" millions': a verb's object follows, not a qualified noun.
        and words[-1].pos_ not in {"VERB", "AUX"}
        and after < len(outer.doc)
        and outer.doc[after].tag_ in COMMON_NOUN_TAGS
    )


def _names_the_noun_before(outer: Span) -> bool:
    """Whether the quotation comes right after a common noun, as the thing's name."""
    before = outer.start - 1
    return before >= 0 and outer.doc[before].tag_ in COMMON_NOUN_TAGS


def _is_a_phrase_of_the_writer(inner: Span) -> bool:
    """A short noun phrase in marks that no verb of saying credits: a name the writer's sentence
    uses ('held as part of the "war on terror".'), nobody's words here."""
    root = inner.root
    return (
        _word_count(inner) <= MAX_WRITERS_PHRASE_WORDS
        and root.pos_ in ("NOUN", "PROPN")
        and not inner.start <= root.head.i < inner.end
    )


def _addresses_the_reader(article: ParsedArticle, covering: list[Span]) -> bool:
    """Whether the writer's words around a quotation speak to the reader ("you", "your")."""
    return any(
        token.lower_ in READER_WORDS
        for sentence in covering
        for token in sentence
        if not article.is_quoted(token)
    )


def _labelled_speaker(
    article: ParsedArticle, quotation: Quotation, label: re.Match[str]
) -> str | None:
    """The speaker a transcript's line names before its colon."""
    name = label.group(1)
    start = article.text.index(name, quotation.inner_start)
    span = article.doc.char_span(start, start + len(name), alignment_mode="expand")
    known = article.speaker_name(span) if span is not None else None
    return known or name_from_words(article, name.split())


def _covering_sentences(article: ParsedArticle, outer: Span, first: int) -> list[Span]:
    """Return the sentences a quotation touches, plus a short tail that attributes it.

    The parser often ends a sentence at a quoted "?" or "!", splitting off `Vitter demanded.`;
    quoted words that end in a full stop end their sentence, and the next is the writer's; so
    does a full stop after the closing mark (the writer's phrase: 'part of the "war on terror".').
    """
    last = article.sentence_index(outer.end - 1)
    sentences = article.sentences[first : last + 1]
    tokens = token_lists(article.doc)
    rest = [i for i in range(outer.end, sentences[-1].end) if not tokens.is_space[i]]
    words = [i for i in range(outer.start, outer.end) if tokens.text[i] not in QUOTE_MARKS]
    ends_its_sentence = (bool(words) and tokens.text[words[-1]] == ".") or any(
        tokens.text[i] == "." for i in rest
    )
    if (
        all(tokens.is_punct[i] for i in rest)
        and not ends_its_sentence
        and last + 1 < len(article.sentences)
    ):
        following = article.sentences[last + 1]
        is_same_paragraph = article.paragraph_index(
            following.start_char
        ) == article.paragraph_index(outer.start_char)
        if is_same_paragraph and tokens.text[following.start] not in QUOTE_MARKS:
            sentences.append(following)
    return sentences


def _is_title(inner: Span) -> bool:
    """Tell whether a quotation is a capitalised title ("Face the Nation") rather than words."""
    words = [t for t in inner if t.is_alpha]
    # A title may be set in capitals: “DWTS”, “NCIS”.
    if not words or len(words) > MAX_TITLE_WORDS or not words[0].text[0].isupper():
        return False
    return all(w.text[0].isupper() or w.lower_ in TITLE_SMALL_WORDS for w in words)


def _capitalises_small_words(inner: Span) -> bool:
    """A word such as "Your", "The" or "Is" capitalised after the first: "Make Your Kid a
    Millionaire", not "Donald Trump" or "Yes"."""
    words = [t for t in inner if t.is_alpha]
    return any(w.is_stop and w.text[0].isupper() for w in words[1:])


def _word_count(span: Span) -> int:
    """Count the word tokens of a span, ignoring punctuation."""
    return len(token_lists(span.doc).words(span))


def _attributing_verbs(
    article: ParsedArticle, inner: Span, outer: Span, covering: list[Span]
) -> list[Token]:
    """Return the verbs that may credit a quotation, the most likely first."""
    governing = [
        ancestor
        for ancestor in inner.root.ancestors
        if is_speech_verb(ancestor, QUOTING_VERBS) and not article.is_quoted(ancestor)
    ]
    if governing:
        return governing
    if _qualifies_the_noun_after(outer):
        # Not dangling: the quoted words are part of a noun phrase of the writer's sentence,
        # and a speech verb elsewhere in it ("... allow leaders to claim an easy victory")
        # says nothing of who said them.
        return []
    # Parses often leave the quote dangling; take the closest speech verb outside any quote.
    # A participle that describes a noun ("the little deal announced in October") reports
    # nothing: the verb of saying is the clause's own.
    nearby = [
        token
        for sentence in covering
        for token in sentence
        if is_speech_verb(token, QUOTING_VERBS)
        and not article.is_quoted(token)
        and token.dep_ != "acl"
    ]
    return sorted(nearby, key=lambda token: _distance(token, outer))[:1]


def _distance(token: Token, span: Span) -> int:
    """Return how many tokens separate a token from a span."""
    if token.i < span.start:
        return span.start - token.i
    return max(0, token.i - span.end + 1)


def _quote_kind(inner: Span, outer: Span, covering: list[Span]) -> QuoteKind:
    """Tell a quoted sentence (direct) from a fragment inside the writer's sentence (partial).

    A quotation that opens in the middle of the writer's sentence on a small letter ('said
    that China "is going to ... I like. If they don't, ..."') completes that sentence, however
    many of the speaker's sentences follow: partial, shown with the words it completes.
    """
    before = [t for t in outer.doc[covering[0].start : outer.start] if not t.is_space]
    opens_mid_sentence = bool(before) and not before[-1].is_punct and inner.text[:1].islower()
    if len(covering) > 1 and inner.end > covering[1].start and not opens_mid_sentence:
        return "direct"
    if all(t.is_punct for t in before):
        return "direct"
    return "direct" if before[-1].text in DIRECT_LEAD_PUNCTUATION else "partial"


def _speech_found(article: ParsedArticle) -> Iterator[_Attribution]:
    """Yield each speech verb with a subject outside quotations, with its reported clause."""
    doc = article.doc
    # Most tokens are neither a said form nor a verb, which `is_speech_verb` needs.
    said_or_verb = has_value(doc, LOWER, SAID_FORMS) | has_value(doc, POS, ("VERB", "AUX"))
    for position in numpy.flatnonzero(said_or_verb).tolist():
        verb = doc[position]
        if not is_speech_verb(verb) or article.is_quoted(verb):
            continue
        subject = subject_of(article, verb)
        if subject is None:
            continue
        speaker = name_for_subject(article, subject)
        clause = reported_clause(verb)
        quote = _reported_quote(article, verb, clause, speaker)
        # A clause reported before its verb ("..., Ushakov said") is read from its start.
        position = min(verb.idx, clause.start_char) if clause is not None else verb.idx
        described = description_of(article, subject) if speaker is None else None
        yield _Attribution(position, quote, speaker, is_attributed=True, description=described)


def _reported_quote(
    article: ParsedArticle, verb: Token, clause: Span | None, speaker: str | None
) -> Quote | None:
    """Return the reported statement a named speaker makes with a speech verb, if any."""
    # A clause holding a quotation is already reported as that quotation.
    if speaker is None or clause is None or _overlaps_quotation(article, clause):
        return None
    if says_nothing(verb):
        return None
    root = clause.root
    if is_speech_verb(root) and has_subject(root) and reported_tokens(root):
        # "Kim told the ambassador that ..., the ministry said": Kim's words, reported by
        # the ministry, are quoted once, as Kim's.
        return None
    if is_speech_verb(root) and all(c.is_space or c.dep_ in BARE_SAYING for c in root.children):
        return None
    index = article.sentence_index(verb.i)
    context = trimmed_text(_clause_of(verb, article.sentences[index]))
    return Quote(trimmed_text(clause), context, speaker, "reported", index)


def _overlaps_quotation(article: ParsedArticle, span: Span) -> bool:
    """Tell whether any quotation mark falls within a span."""
    return any(q.start < span.end_char and span.start_char < q.end for q in article.quotations)


def _clause_of(verb: Token, sentence: Span) -> Span:
    """Return the clause headed by a speech verb, or the whole sentence for a main verb."""
    if verb.dep_ == "ROOT" or verb.dep_ in NOUN_MODIFIER_DEPS:
        return sentence
    tokens = list(verb.subtree)
    return sentence.doc[tokens[0].i : tokens[-1].i + 1]


def _carry_speakers(article: ParsedArticle, found: Iterable[_Attribution]) -> Iterator[Quote]:
    """Yield the quotes in order, giving an unattributed quotation the previous speaker.

    News writing credits a run of quoted paragraphs once, so a quotation with no speech verb
    of its own continues the last attribution when that is in the same or previous paragraph.
    """
    found = list(found)
    last_paragraph, last_speaker, last_description = -CONTINUATION_PARAGRAPHS - 1, None, None
    for index, item in enumerate(found):
        quote, speaker, description = item.quote, item.speaker, item.description
        paragraph = article.paragraph_index(item.position)
        is_continuation = paragraph - last_paragraph <= CONTINUATION_PARAGRAPHS
        is_overruled = item.is_introduced and _run_names_its_speaker(found, index)
        if (
            quote is not None
            and quote.kind == "direct"
            and (not item.is_attributed or is_overruled)
        ):
            speaker = last_speaker if is_continuation else None
            description = last_description if is_continuation else None
            quote = replace(quote, speaker=speaker, speaker_description=description)
        if item.is_attributed or speaker is not None:
            last_paragraph, last_speaker, last_description = paragraph, speaker, description
        if quote is not None:
            yield quote


def _run_names_its_speaker(found: list[_Attribution], first: int) -> bool:
    """Whether a run of quotations credited to the subject of the narration before them names
    that subject in the third person ("Ewan Reid is a fine player"): the narration
    was about them, and the run continues whoever spoke before ("And Wales winger Ewan
    Reid seems sure to be picked ... "I learned a lot from 2015 ..."")."""
    speaker = found[first].speaker
    if speaker is None:
        return False
    surname = re.compile(rf"\b{re.escape(speaker.split()[-1])}\b")
    run = [found[first]]
    run.extend(itertools.takewhile(lambda item: not item.is_attributed, found[first + 1 :]))
    return any(item.quote is not None and surname.search(item.quote.text) for item in run)
