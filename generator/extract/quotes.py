"""Find quotations and reported statements in a parsed article: spaCy `Doc` in, `Quote`s out.

Each quote carries its words, the clause it sits in, its kind and, when the article names one,
its speaker as the canonical actor name returned by the caller's `speaker_name`.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span, Token

from generator.models import Quote, QuoteKind

SPEECH_VERBS = frozenset(
    {
        "acknowledge", "add", "admit", "allege", "announce", "answer", "argue", "ask", "assert",
        "boast", "caution", "claim", "comment", "complain", "concede", "conclude", "confirm",
        "contend", "counter", "declare", "deny", "emphasise", "emphasize", "explain", "insist",
        "joke", "maintain", "mention", "note", "predict", "proclaim", "promise", "recall",
        "reiterate", "remark", "reply", "report", "respond", "say", "shout", "state", "stress",
        "suggest", "tell", "testify", "tweet", "urge", "vow", "warn", "write",
    }
)  # fmt: skip
"""Verbs that introduce what someone said, quoted or reported."""

QUOTING_VERBS = frozenset(
    {
        "accuse", "blast", "brand", "call", "chant", "cite", "condemn", "continue", "criticise",
        "criticize", "demand", "denounce", "describe", "dismiss", "dub", "label", "laud", "mock",
        "pledge", "praise", "quip", "read", "scold", "sing", "slam", "term",
    }
)  # fmt: skip
"""Verbs that credit a quotation to their subject ("called it "a disaster"") but do not report
a clause the way speech verbs do."""

SPEECH_NOUNS = frozenset(
    {
        "accusation", "admission", "allegation", "announcement", "answer", "argument",
        "assertion", "claim", "comment", "complaint", "declaration", "denial", "description",
        "explanation", "letter", "message", "missive", "pledge", "plea", "post", "prediction",
        "promise", "question", "remark", "reply", "response", "speech", "statement",
        "suggestion", "testimony", "tweet", "vow", "warning", "word",
    }
)  # fmt: skip
"""Nouns whose possessor is the speaker of a quotation inside them ("Trump's claim that ...")."""

SAID_FORMS = frozenset({"said", "says", "told", "tells", "wrote", "writes", "added", "adds"})
"""Speech verb forms the tagger mislabels in inverted attributions ("Said Ellis: ...")."""

OPENING_MARKS = frozenset("“„")
CLOSING_MARKS = frozenset("”")
STRAIGHT_MARKS = frozenset({'"', "''"})
"""Marks that look the same at both ends; two apostrophes are an old typesetting double quote."""
QUOTE_MARKS = OPENING_MARKS | CLOSING_MARKS | STRAIGHT_MARKS
QUOTE_MARK = re.compile("''|[\"“”„]")
OPEN_FLANK = frozenset("([{—–―-/")
"""Characters that may come right before an opening mark, as a space would."""
CLOSE_FLANK = frozenset(".,;:!?)]}—–―-…")
"""Characters that may come right after a closing mark, as a space would."""
SIGN_OFF_DASHES = frozenset("―—–")
"""A dash after a closing mark introduces the speaker's name ("...” ― Jane Doe")."""

PERSON_PRONOUNS = frozenset({"he", "she", "his", "her"})
GROUP_PRONOUNS = frozenset({"they", "their"})
PERSON_LABELS = frozenset({"PERSON"})
GROUP_LABELS = frozenset({"ORG", "GPE", "NORP"})

SUBJECT_DEPS = frozenset({"nsubj"})
PASSIVE_DEPS = frozenset({"nsubjpass", "auxpass"})
"""A passive speech verb's subject is the one spoken to or about; the speaker is "by X"."""
REPORTED_CLAUSE_DEPS = frozenset({"ccomp"})
# A verb without its own subject shares the subject of the verb it hangs from by these links
# ("stood up and said ...", "went on to say ...", "..., adding that ...", "before asking ...").
SHARED_SUBJECT_DEPS = frozenset({"conj", "xcomp", "advcl", "pcomp", "prep"})
# A speech verb parsed as modifying a noun ("Yuri Ushakov, Putin's aide, mentioned ...", a
# common small-model misparse) or a relative clause ("Kirby, who said ...") speaks for that noun.
NOUN_MODIFIER_DEPS = frozenset({"acl", "relcl"})
RELATIVE_PRONOUNS = frozenset({"who", "that", "which"})
NOUN_PHRASE_EXCLUDED_DEPS = frozenset({"appos", "relcl", "acl", "punct", "cc", "conj"})

TITLE_SMALL_WORDS = frozenset(
    {"a", "an", "and", "at", "by", "for", "in", "of", "on", "or", "the", "to", "with"}
)
"""Words a title may leave in lower case ("Face the Nation", "Contract with America")."""
MAX_TITLE_WORDS = 6
"""Capitalised quotations up to this length inside a sentence are titles of shows, books or
events, not speech."""
MAX_SCARE_QUOTE_WORDS = 2
"""Unattributed quotations this short are titles or scare quotes, not speech."""
PRONOUN_LOOKBACK_SENTENCES = 4
"""How many sentences before a pronoun to search for the actor it stands for."""
CONTINUATION_PARAGRAPHS = 1
"""How many paragraphs back an unattributed quotation may take the last speaker from."""
DIRECT_LEAD_PUNCTUATION = frozenset({",", ":"})
"""Punctuation before an opening mark that introduces a full quoted sentence."""
TRAILING_STRIP = " \t\n\xa0,;:"

PARAGRAPH_BREAK = re.compile(r"\n\s*\n")

SpeakerName = Callable[[Span], str | None]


@dataclass(frozen=True)
class Quotation:
    """Character offsets of one quotation, marks included."""

    start: int
    end: int
    inner_start: int
    inner_end: int


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


class _Article:
    """A parsed article with its sentences, paragraphs and quotations looked up once."""

    def __init__(self, doc: Doc, speaker_name: SpeakerName) -> None:
        self.doc = doc
        self.speaker_name = speaker_name
        self.sentences = list(doc.sents)
        self.sentence_starts = [sentence.start for sentence in self.sentences]
        self.paragraph_starts = [0] + [m.end() for m in PARAGRAPH_BREAK.finditer(doc.text)]
        self.quotations = find_quotations(doc.text)

    def sentence_index(self, token_index: int) -> int:
        """Return the index of the sentence holding a token."""
        return bisect.bisect_right(self.sentence_starts, token_index) - 1

    def paragraph_index(self, char_offset: int) -> int:
        """Return the index of the paragraph holding a character."""
        return bisect.bisect_right(self.paragraph_starts, char_offset) - 1

    def is_quoted(self, token: Token) -> bool:
        """Tell whether a token lies inside any quotation."""
        return any(q.start <= token.idx < q.end for q in self.quotations)


def extract_quotes(doc: Doc, speaker_name: SpeakerName) -> tuple[Quote, ...]:
    """Return the article's direct, partial and reported quotes in reading order."""
    article = _Article(doc, speaker_name)
    quoted = (_quote_from_marks(article, quotation) for quotation in article.quotations)
    found = [item for item in quoted if item is not None]
    found.extend(_speech_found(article))
    found.sort(key=lambda item: item.position)
    return tuple(_carry_speakers(article, found))


def find_quotations(text: str) -> list[Quotation]:
    """Return the outermost double-quoted stretches of `text`, paired within each line."""
    # A quote never runs across a line break: one continued in the next paragraph reopens there.
    quotations: list[Quotation] = []
    start = 0
    for line in text.split("\n"):
        quotations.extend(_pair_marks(text, start, start + len(line)))
        start += len(line) + 1
    return quotations


def _pair_marks(text: str, start: int, end: int) -> Iterator[Quotation]:
    """Pair the quotation marks of one line; an unclosed quote runs to the line end."""
    depth = 0
    opened = start
    for mark in QUOTE_MARK.finditer(text, start, end):
        if _is_opening(text, mark, start, end, depth > 0):
            # A quote inside a quote is part of the speaker's words, not a quote of its own.
            opened = mark.start() if depth == 0 else opened
            depth += 1
        elif depth > 0:
            depth -= 1
            if depth == 0:
                yield Quotation(opened, mark.end(), _inner_start(text, opened), mark.start())
    # News style leaves a quote open when it continues into the next paragraph.
    if depth > 0 and text[_inner_start(text, opened) : end].strip():
        yield Quotation(opened, end, _inner_start(text, opened), end)


def _inner_start(text: str, opened: int) -> int:
    """Return where the words start after the opening mark at `opened`."""
    return opened + 2 if text.startswith("''", opened) else opened + 1


def _is_opening(text: str, mark: re.Match[str], start: int, end: int, is_open: bool) -> bool:
    """Tell an opening mark from a closing one by what flanks it, else by its shape."""
    before = text[mark.start() - 1] if mark.start() > start else " "
    after = text[mark.end()] if mark.end() < end else " "
    is_left_open = before.isspace() or before in OPEN_FLANK
    is_right_open = after.isspace() or after in CLOSE_FLANK
    # Flanking beats glyph shape: writers and converters often type the wrong curly mark.
    if is_left_open != is_right_open:
        return is_left_open
    return mark.group() in OPENING_MARKS or (mark.group() in STRAIGHT_MARKS and not is_open)


def _quote_from_marks(article: _Article, quotation: Quotation) -> _Attribution | None:
    """Build the quote for one quotation, or None for an unattributed scare quote."""
    doc = article.doc
    inner = doc.char_span(quotation.inner_start, quotation.inner_end, alignment_mode="expand")
    outer = doc.char_span(quotation.start, quotation.end, alignment_mode="expand")
    text = doc.text[quotation.inner_start : quotation.inner_end].strip(TRAILING_STRIP)
    if inner is None or outer is None or not inner.text.strip() or not text:
        return None
    first = article.sentence_index(outer.start)
    covering = _covering_sentences(article, outer, first)
    kind = _quote_kind(inner, outer, covering)
    if kind == "partial" and _is_title(inner):
        return None
    verbs = _attributing_verbs(article, inner, outer, covering)
    speaker, is_attributed = _speaker(article, verbs, inner, quotation, covering)
    if not is_attributed and kind == "direct":
        speaker, is_attributed = _introducer(article, outer, first)
    if not is_attributed and _word_count(inner) <= MAX_SCARE_QUOTE_WORDS:
        return None
    verb = verbs[0] if verbs else None
    context = _quote_context(doc, outer, covering, verb, kind)
    quote = Quote(text=text, context=context, speaker=speaker, kind=kind, sentence_index=first)
    return _Attribution(quotation.start, quote, speaker, is_attributed)


def _covering_sentences(article: _Article, outer: Span, first: int) -> list[Span]:
    """Return the sentences a quotation touches, plus a short tail that attributes it.

    The parser often ends a sentence at a quoted "?" or "!", splitting off `Vitter demanded.`.
    """
    last = article.sentence_index(outer.end - 1)
    sentences = article.sentences[first : last + 1]
    rest = [t for t in article.doc[outer.end : sentences[-1].end] if not t.is_space]
    if all(t.is_punct for t in rest) and last + 1 < len(article.sentences):
        following = article.sentences[last + 1]
        is_same_paragraph = article.paragraph_index(
            following.start_char
        ) == article.paragraph_index(outer.start_char)
        if is_same_paragraph and following[0].text not in QUOTE_MARKS:
            sentences.append(following)
    return sentences


def _is_title(inner: Span) -> bool:
    """Tell whether a quotation is a capitalised title ("Face the Nation") rather than words."""
    words = [t for t in inner if t.is_alpha]
    if not words or len(words) > MAX_TITLE_WORDS or not words[0].is_title:
        return False
    return all(w.text[0].isupper() or w.lower_ in TITLE_SMALL_WORDS for w in words)


def _word_count(span: Span) -> int:
    """Count the word tokens of a span, ignoring punctuation."""
    return sum(1 for token in span if not token.is_punct and not token.is_space)


def _attributing_verbs(
    article: _Article, inner: Span, outer: Span, covering: list[Span]
) -> list[Token]:
    """Return the verbs that may credit a quotation, the most likely first."""
    governing = [
        ancestor
        for ancestor in inner.root.ancestors
        if _is_speech_verb(ancestor, QUOTING_VERBS) and not article.is_quoted(ancestor)
    ]
    if governing:
        return governing
    # Parses often leave the quote dangling; take the closest speech verb outside any quote.
    nearby = [
        token
        for sentence in covering
        for token in sentence
        if _is_speech_verb(token, QUOTING_VERBS) and not article.is_quoted(token)
    ]
    return sorted(nearby, key=lambda token: _distance(token, outer))[:1]


def _is_speech_verb(token: Token, extra: frozenset[str] = frozenset()) -> bool:
    """Tell whether a token is a verb of saying, or one of the `extra` lemmas."""
    if token.lower_ in SAID_FORMS:
        return True
    if token.pos_ not in {"VERB", "AUX"}:
        return False
    lemma = token.lemma_.lower()
    return lemma in SPEECH_VERBS or lemma in extra


def _distance(token: Token, span: Span) -> int:
    """Return how many tokens separate a token from a span."""
    if token.i < span.start:
        return span.start - token.i
    return max(0, token.i - span.end + 1)


def _speaker(
    article: _Article,
    verbs: list[Token],
    inner: Span,
    quotation: Quotation,
    covering: list[Span],
) -> tuple[str | None, bool]:
    """Return who the text credits with a quotation, and whether it credits anyone at all."""
    owner = _speech_owner(article, inner)
    if owner is not None:
        return _name_for_subject(article, owner), True
    is_attributed = False
    for verb in verbs:
        subject = _subject_of(article, verb)
        if subject is None:
            continue
        is_attributed = True
        name = _name_for_subject(article, subject)
        if name is not None:
            return name, True
    sign_off = _sign_off(article, quotation)
    if sign_off is not None:
        return article.speaker_name(sign_off), True
    for sentence in covering:
        source = _according_to(article, sentence)
        if source is not None:
            return _name_for_subject(article, source), True
    return None, is_attributed


def _speech_owner(article: _Article, inner: Span) -> Token | None:
    """Return X in "X's claim that ...", when the quotation sits inside such a speech noun."""
    for ancestor in inner.root.ancestors:
        if ancestor.lemma_.lower() in SPEECH_NOUNS and not article.is_quoted(ancestor):
            owners = [child for child in ancestor.children if child.dep_ == "poss"]
            return owners[0] if owners else None
    return None


def _subject_of(article: _Article, verb: Token) -> Token | None:
    """Return the subject of a verb, following shared subjects and noun-modifying clauses."""
    current = verb
    while True:
        if any(child.dep_ in PASSIVE_DEPS for child in current.children):
            return _agent_of(current)
        subjects = [child for child in current.children if child.dep_ in SUBJECT_DEPS]
        if subjects:
            # The parser sometimes makes part of the quotation a second subject of "said".
            unquoted = [subject for subject in subjects if not article.is_quoted(subject)]
            if not unquoted:
                return None
            if unquoted[0].lower_ in RELATIVE_PRONOUNS and current.dep_ == "relcl":
                return current.head
            return unquoted[0]
        if current.dep_ in NOUN_MODIFIER_DEPS and current.head.pos_ in {"PROPN", "NOUN"}:
            return current.head
        if current.dep_ not in SHARED_SUBJECT_DEPS or current.head is current:
            return None
        current = current.head


def _agent_of(verb: Token) -> Token | None:
    """Return X in a passive "written by X", if given."""
    for child in verb.children:
        if child.dep_ == "agent":
            objects = [grandchild for grandchild in child.children if grandchild.dep_ == "pobj"]
            return objects[0] if objects else None
    return None


def _introducer(article: _Article, outer: Span, first: int) -> tuple[str | None, bool]:
    """Return the speaker a quotation takes from the words that lead into it.

    A sentence ending in a colon introduces the quotation after it; otherwise a quotation that
    opens a sentence usually belongs to the actor the paragraph's previous sentence is about.
    """
    sentence = article.sentences[first]
    before = [t for t in article.doc[sentence.start : outer.start] if not t.is_space]
    if before and before[-1].text == ":":
        return _lead_speaker(article, sentence)
    if before or first == 0:
        return None, False
    previous = article.sentences[first - 1]
    if previous.text.rstrip().endswith(":"):
        return _lead_speaker(article, previous)
    if article.paragraph_index(previous.start_char) != article.paragraph_index(outer.start_char):
        return None, False
    name, _ = _lead_speaker(article, previous)
    return name, name is not None


def _lead_speaker(article: _Article, sentence: Span) -> tuple[str | None, bool]:
    """Return the actor a sentence is about (its main subject), and whether it has one."""
    subject = _subject_of(article, sentence.root)
    if subject is None:
        return None, False
    return _name_for_subject(article, subject), True


def _sign_off(article: _Article, quotation: Quotation) -> Span | None:
    """Return the name signed after a quotation with a dash, up to the end of its line."""
    text = article.doc.text
    position = quotation.end
    while position < len(text) and text[position] in " \xa0\t":
        position += 1
    if position >= len(text) or text[position] not in SIGN_OFF_DASHES:
        return None
    line_end = text.find("\n", position)
    line_end = len(text) if line_end < 0 else line_end
    name = text[position + 1 : line_end].strip(" \xa0\t.")
    if not name:
        return None
    name_start = text.index(name, position + 1)
    return article.doc.char_span(name_start, name_start + len(name), alignment_mode="expand")


def _according_to(article: _Article, sentence: Span) -> Token | None:
    """Return the noun of an "according to X" phrase outside the quotes, if any."""
    for token in sentence:
        if token.lower_ != "according" or article.is_quoted(token):
            continue
        for preposition in token.children:
            if preposition.lower_ == "to":
                objects = [child for child in preposition.children if child.dep_ == "pobj"]
                if objects:
                    return objects[0]
    return None


def _name_for_subject(article: _Article, subject: Token) -> str | None:
    """Return the actor name for a subject noun, resolving he, she and they."""
    pronoun = subject.lower_
    if pronoun in PERSON_PRONOUNS:
        return _antecedent(article, subject, PERSON_LABELS)
    if pronoun in GROUP_PRONOUNS:
        return _antecedent(article, subject, GROUP_LABELS)
    for candidate in _subject_spans(article.doc, subject):
        name = article.speaker_name(candidate)
        if name is not None:
            return name
    return None


def _subject_spans(doc: Doc, subject: Token) -> Iterator[Span]:
    """Yield spans that may name a subject: its entity, its noun phrase, then appositions."""
    if subject.ent_type_:
        yield _entity_of(doc, subject)
    yield _noun_phrase(doc, subject)
    for child in subject.children:
        if child.dep_ == "appos":
            if child.ent_type_:
                yield _entity_of(doc, child)
            yield _noun_phrase(doc, child)


def _entity_of(doc: Doc, token: Token) -> Span:
    """Return the named entity a token belongs to."""
    for entity in doc.ents:
        if entity.start <= token.i < entity.end:
            return entity
    return doc[token.i : token.i + 1]


def _noun_phrase(doc: Doc, head: Token) -> Span:
    """Return a noun and its modifiers, without appositions, clauses or trailing commas."""
    kept = [head] + [
        token
        for child in head.children
        if child.dep_ not in NOUN_PHRASE_EXCLUDED_DEPS
        for token in child.subtree
    ]
    return doc[min(t.i for t in kept) : max(t.i for t in kept) + 1]


def _antecedent(article: _Article, pronoun: Token, labels: frozenset[str]) -> str | None:
    """Return the actor a pronoun stands for: the latest one named a few sentences before.

    Actors named as subjects are preferred, as a pronoun usually continues the topic; for
    "they", a plural noun subject that names no actor ("the member countries") ends the search.
    """
    index = article.sentence_index(pronoun.i)
    window_start = article.sentence_starts[max(0, index - PRONOUN_LOOKBACK_SENTENCES)]
    candidates = [
        *(entity for entity in article.doc.ents if entity.label_ in labels),
        *(_plural_subjects(article.doc) if pronoun.lower_ in GROUP_PRONOUNS else ()),
    ]
    fallback: str | None = None
    for candidate in sorted(candidates, key=lambda span: span.start, reverse=True):
        # Names inside quotations are what the speaker talks about, rarely the speaker.
        if not window_start <= candidate.start < pronoun.i or article.is_quoted(candidate[0]):
            continue
        if not candidate.label_:
            return fallback
        name = article.speaker_name(candidate)
        if name is not None and candidate.root.dep_ in SUBJECT_DEPS:
            return name
        fallback = fallback or name
    return fallback


def _plural_subjects(doc: Doc) -> Iterator[Span]:
    """Yield plural common nouns that are subjects, as spans without an entity label."""
    for token in doc:
        if token.tag_ == "NNS" and token.dep_ in SUBJECT_DEPS and not token.ent_type_:
            yield doc[token.i : token.i + 1]


def _quote_kind(inner: Span, outer: Span, covering: list[Span]) -> QuoteKind:
    """Tell a quoted sentence (direct) from a fragment inside the writer's sentence (partial)."""
    if len(covering) > 1 and inner.end > covering[1].start:
        return "direct"
    before = [t for t in outer.doc[covering[0].start : outer.start] if not t.is_space]
    if all(t.is_punct for t in before):
        return "direct"
    return "direct" if before[-1].text in DIRECT_LEAD_PUNCTUATION else "partial"


def _quote_context(
    doc: Doc, outer: Span, covering: list[Span], verb: Token | None, kind: QuoteKind
) -> str:
    """Return the sentences around a quotation, or the reported clause around a fragment."""
    if kind == "partial" and verb is not None:
        clause = _reported_clause(verb)
        if clause is not None and clause.start <= outer.start and outer.end <= clause.end:
            return _trimmed_text(clause)
    return doc.text[covering[0].start_char : covering[-1].end_char].strip()


def _reported_clause(verb: Token) -> Span | None:
    """Return the clause a speech verb reports, without a leading "that"."""
    clauses = [child for child in verb.children if child.dep_ in REPORTED_CLAUSE_DEPS]
    if not clauses:
        return None
    # The parser may hang a neighbouring clause on the verb too; "said that X" beats "X, said".
    after = [clause for clause in clauses if clause.i > verb.i]
    marked = [clause for clause in after if any(c.dep_ == "mark" for c in clause.children)]
    chosen = (marked or after or clauses[-1:])[0]
    tokens = list(chosen.subtree)
    while tokens and (tokens[0].dep_ == "mark" or tokens[0].is_punct):
        tokens.pop(0)
    if not tokens:
        return None
    # A semicolon ends the reported words; what follows is the writer's next statement.
    ends = [t.i for t in tokens if t.text == ";" and t.i > chosen.i]
    return verb.doc[tokens[0].i : ends[0] if ends else tokens[-1].i + 1]


def _trimmed_text(span: Span) -> str:
    """Return a span's text without punctuation at either end, keeping closing quote marks."""
    tokens = list(span)
    while tokens and tokens[-1].is_punct and tokens[-1].text not in QUOTE_MARKS:
        tokens.pop()
    while tokens and tokens[0].is_punct and tokens[0].text not in QUOTE_MARKS:
        tokens.pop(0)
    if not tokens:
        return ""
    return span.doc.text[tokens[0].idx : tokens[-1].idx + len(tokens[-1].text)]


def _speech_found(article: _Article) -> Iterator[_Attribution]:
    """Yield each speech verb with a subject outside quotations, with its reported clause."""
    for verb in article.doc:
        if not _is_speech_verb(verb) or article.is_quoted(verb):
            continue
        subject = _subject_of(article, verb)
        if subject is None:
            continue
        speaker = _name_for_subject(article, subject)
        clause = _reported_clause(verb)
        quote = _reported_quote(article, verb, clause, speaker)
        # A clause reported before its verb ("..., Ushakov said") is read from its start.
        position = min(verb.idx, clause.start_char) if clause is not None else verb.idx
        yield _Attribution(position, quote, speaker, is_attributed=True)


def _reported_quote(
    article: _Article, verb: Token, clause: Span | None, speaker: str | None
) -> Quote | None:
    """Return the reported statement a named speaker makes with a speech verb, if any."""
    # A clause holding a quotation is already reported as that quotation.
    if speaker is None or clause is None or _overlaps_quotation(article, clause):
        return None
    index = article.sentence_index(verb.i)
    context = _trimmed_text(_clause_of(verb, article.sentences[index]))
    return Quote(_trimmed_text(clause), context, speaker, "reported", index)


def _overlaps_quotation(article: _Article, span: Span) -> bool:
    """Tell whether any quotation mark falls within a span."""
    return any(q.start < span.end_char and span.start_char < q.end for q in article.quotations)


def _clause_of(verb: Token, sentence: Span) -> Span:
    """Return the clause headed by a speech verb, or the whole sentence for a main verb."""
    if verb.dep_ == "ROOT" or verb.dep_ in NOUN_MODIFIER_DEPS:
        return sentence
    tokens = list(verb.subtree)
    return sentence.doc[tokens[0].i : tokens[-1].i + 1]


def _carry_speakers(article: _Article, found: Iterable[_Attribution]) -> Iterator[Quote]:
    """Yield the quotes in order, giving an unattributed quotation the previous speaker.

    News writing credits a run of quoted paragraphs once, so a quotation with no speech verb
    of its own continues the last attribution when that is in the same or previous paragraph.
    """
    last_paragraph, last_speaker = -CONTINUATION_PARAGRAPHS - 1, None
    for item in found:
        quote, speaker = item.quote, item.speaker
        paragraph = article.paragraph_index(item.position)
        is_continuation = paragraph - last_paragraph <= CONTINUATION_PARAGRAPHS
        if quote is not None and not item.is_attributed and quote.kind == "direct":
            speaker = last_speaker if is_continuation else None
            quote = replace(quote, speaker=speaker)
        if item.is_attributed or speaker is not None:
            last_paragraph, last_speaker = paragraph, speaker
        if quote is not None:
            yield quote
