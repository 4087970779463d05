"""Analyse articles: `Article` in, `Brief` out (everything but corpus-wide related reading).

`briefs build` and `briefs analyse` both go through `analyse_articles`, so the JSON that
benchmarks read is exactly what the site shows.
"""

from __future__ import annotations

import functools
import gc
import itertools
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from functools import partial
from typing import Any

import numpy
from spacy.attrs import IS_ALPHA, IS_STOP, LIKE_NUM, LOWER, POS  # type: ignore[import-not-found]  # a Cython module without stubs
from spacy.lang.en.stop_words import STOP_WORDS
from spacy.language import Language
from spacy.tokens import Doc

from generator.analysis.actors import extract_actors
from generator.analysis.actors.extract import hold_actor_knowledge
from generator.analysis.at_a_glance import (
    extract_at_a_glance,
    extract_why_it_matters,
    glance_deck,
    with_lead_first,
)
from generator.analysis.back_references import load_back_references
from generator.analysis.connectives import connectives
from generator.analysis.gazetteer import Gazetteer
from generator.analysis.key_facts import content_lemmas, extract_key_facts
from generator.analysis.one_place import keep_to_two_places
from generator.analysis.page_terms import load_page_terms
from generator.analysis.place_names import place_names
from generator.analysis.quoted_bodies import with_quoted_bodies
from generator.analysis.quotes import extract_quotes
from generator.analysis.reference_points import date_moving_verbs
from generator.analysis.referents import pronoun_names
from generator.analysis.registry import Registry
from generator.analysis.stakes import load_cues
from generator.analysis.timeline import extract_timeline
from generator.analysis.token_lists import sentences_of
from generator.analysis.tree_matcher import column_of, has_value
from generator.analysis.verdicts import load_verdict_cues, verdict_opening
from generator.ingest.language import is_english, language_name, stop_words, undeclared_language
from generator.models import Article, Brief

PIPE_BATCH_SIZE = 32
MAX_PART_CHARS = 20_000
"""The most text the model parses at once. spaCy refuses a text over `nlp.max_length` (1,000,000
characters) and the parser's memory grows with the text of a whole batch (32 texts), so a longer
article is parsed in parts of whole paragraphs and the parts joined into one doc. Few news
articles are this long, and the model reads no further than a sentence's neighbours anyway."""

LONG_ARTICLE_BATCH_SIZE = 4
"""Parts of a long article parsed at once: 80,000 characters, like a batch of short articles."""
NO_VECTORS = numpy.zeros((0, 0), dtype="float32")
PartOf = tuple[Article, int, int]
"""(article, the part's number, how many parts the article has)."""


def analyse_articles(
    articles: Iterable[Article],
    nlp: Language,
    gazetteer: Gazetteer,
    registry: Registry | None = None,
    processes: int = 1,
    errors: list[str] | None = None,
) -> Iterator[Brief]:
    """Parse the articles in batches and yield one brief each, in input order.

    The registry's names must already be in the pipeline (`registry.install_registry`).
    With several processes spaCy parses batches in parallel; the order stays the same. An
    article whose analysis fails gets no brief and an error in errors (raised when errors is
    None); the others are analysed all the same.
    """
    _hold_knowledge(nlp)
    pending = list(articles)
    done = 0
    try:
        for doc, article in _parsed(pending, nlp, processes):
            done += 1
            brief = _brief_or_error(article, partial(_given, doc), gazetteer, registry, errors)
            if brief is not None:
                yield brief
    except Exception:  # the model failed on some text of this batch: find which, one by one
        if errors is None:
            raise
        for article in pending[done:]:
            parse = partial(parse_article, article, nlp)
            brief = _brief_or_error(article, parse, gazetteer, registry, errors)
            if brief is not None:
                yield brief


@functools.cache
def _hold_knowledge(nlp: Language) -> None:
    """Load what every brief reads (the place names, the actor pass's data, the stakes cues, the
    text stages' connectives, reference points, back references, page terms and verdict
    cues), then leave all that the process holds so far out of the garbage collector's full
    collections.

    The model and this knowledge are some 200,000 Python objects that live as long as the
    process, and CPython's full collection walks them all each time enough new objects have
    lived a while, which the extraction's many small ones do: 4.4 s of 30 s of analysis of 96
    BBC articles went to collections, 0.3 s after `gc.freeze`, Python's own means of keeping
    objects loaded at start-up out of them (once a process and model)."""
    place_names()
    hold_actor_knowledge(nlp.vocab)
    load_cues(nlp.vocab)
    connectives()
    date_moving_verbs()  # reads the reference points' cues
    load_back_references(nlp.vocab)
    load_page_terms(nlp.vocab)
    load_verdict_cues(nlp.vocab)
    gc.freeze()


def parse_article(article: Article, nlp: Language) -> Doc:
    """Parse one article's body, in parts when it is long, a few parts at a time."""
    parts = nlp.pipe(_parts([article], nlp), as_tuples=True, batch_size=LONG_ARTICLE_BATCH_SIZE)
    return next(_joined(parts))[0]


def _given(doc: Doc) -> Doc:
    return doc


def _brief_or_error(
    article: Article,
    parse: Callable[[], Doc],
    gazetteer: Gazetteer,
    registry: Registry | None,
    errors: list[str] | None,
) -> Brief | None:
    try:
        return brief_from_doc(article, parse(), gazetteer, registry)
    except Exception as error:
        if errors is None:
            raise
        # A bug of ours or the model's, on this article only: say which, and go on.
        errors.append(
            f"{article.path}: the analysis failed ({type(error).__name__}: {error}); "
            "the other articles are built; please report this article"
        )
        return None


def _parsed(
    articles: list[Article], nlp: Language, processes: int
) -> Iterator[tuple[Doc, Article]]:
    """Parse every article, each long one in parts, and yield one doc per article.

    Articles are parsed in batches, but a long article's parts in small batches of their own:
    the parser's memory grows with the text of a batch, and 32 parts would be 640,000
    characters at once (2.3 GB for the 5 MB article of benchmarks/long_article.py).
    """
    max_chars = _max_part_chars(nlp)
    for is_long, run in itertools.groupby(articles, key=lambda a: _is_long(a, max_chars)):
        if is_long:
            yield from ((parse_article(article, nlp), article) for article in run)
        else:
            parts = _parts(list(run), nlp)
            docs = nlp.pipe(parts, as_tuples=True, batch_size=PIPE_BATCH_SIZE, n_process=processes)
            yield from _joined(docs)


def _max_part_chars(nlp: Language) -> int:
    return min(MAX_PART_CHARS, nlp.max_length // 2)


def _is_long(article: Article, max_chars: int) -> bool:
    return is_english(article.language) and len(article.body) > max_chars


def _parts(articles: Iterable[Article], nlp: Language) -> Iterator[tuple[str, PartOf]]:
    max_chars = _max_part_chars(nlp)
    for article in articles:
        # The English model's guesses about another language are no analysis: nothing to parse.
        texts = split_text(article.body, max_chars) if is_english(article.language) else [""]
        for number, text in enumerate(texts):
            yield text, (article, number, len(texts))


def _joined(parts: Iterable[tuple[Doc, PartOf]]) -> Iterator[tuple[Doc, Article]]:
    """Join the parsed parts of each article into one doc, whose text is the article's body."""
    docs: list[Doc] = []
    for doc, (article, number, count) in parts:
        if count > 1:
            # The per-token vectors are used by no extractor, and a long article's would take
            # 400 bytes a token while its parts wait to be joined.
            doc.tensor = NO_VECTORS
        docs.append(doc)
        if number == count - 1:
            # The parts end on their own whitespace, so no space is added between them.
            joined = docs[0] if count == 1 else _from_docs(docs)
            docs = []
            yield joined, article


def _from_docs(docs: list[Doc]) -> Doc:
    # spaCy's stub lacks the `exclude` argument that Doc.from_docs has had since 3.3.
    from_docs: Any = Doc.from_docs
    joined: Doc = from_docs(docs, ensure_whitespace=False, exclude=["tensor"])
    return joined


def split_text(text: str, max_chars: int) -> list[str]:
    """Cut text into consecutive pieces of at most max_chars that join back into it.

    A piece ends after a paragraph break where it can, else after a sentence's end, else after
    any space; only a run of max_chars without a space is cut where it stands.
    """
    pieces: list[str] = []
    start = 0
    while len(text) - start > max_chars:
        window = text[start : start + max_chars]
        end = _last_break(window) or max_chars
        pieces.append(text[start : start + end])
        start += end
    pieces.append(text[start:])
    return pieces


def _last_break(window: str) -> int:
    """Where to cut the window: after its last paragraph break, sentence end or space (0: none)."""
    for pattern in PART_BREAKS:
        end = max((found.end() for found in pattern.finditer(window)), default=0)
        if end > 0:
            return end
    return 0


PART_BREAKS = (re.compile(r"\n\s*\n\s*"), re.compile(r"[.!?][\"'”’)\]]*\s+"), re.compile(r"\s+"))
"""Where a long text is cut into parts, best first: paragraph breaks, sentence ends, spaces."""


def brief_from_doc(
    article: Article, doc: Doc, gazetteer: Gazetteer, registry: Registry | None = None
) -> Brief:
    """Run every extractor over one parsed article (one in English: see `english_only_brief`)."""
    language = article.language or undeclared_language(article.body, _english_stop_share(doc))
    if not is_english(language):
        return english_only_brief(replace(article, language=language))
    actors = extract_actors(
        doc,
        gazetteer,
        headline=article.title,
        tag_line=article.tag_line,
        registry=registry,
        tags=article.tags,
        publisher=article.source,
    )
    name_of = pronoun_names(doc, actors.speaker_name, actors.actors)
    quotes = extract_quotes(doc, actors.speaker_name, actors.actors, article.title)
    # A fact check opens on its verdict, other pages on their deck, where they have one; the
    # lead then opens the key facts.
    verdict = verdict_opening(article.verdict, article.source, doc, name_of)
    opening = verdict.text if verdict else glance_deck(article.standfirst, article.body)
    key_facts = extract_key_facts(doc, article.title, name_of)
    if verdict is not None:
        key_facts = tuple(f for f in key_facts if f.sentence_index != verdict.part_index)
    brief = Brief(
        article=article,
        at_a_glance=opening or extract_at_a_glance(doc, article.title, name_of),
        why_it_matters=extract_why_it_matters(doc, name_of, article.date),
        key_facts=key_facts if opening is None else with_lead_first(doc, key_facts, name_of),
        actors=with_quoted_bodies(actors.actors, quotes, actors.sources, doc),
        timeline=extract_timeline(doc, article.date, name_of),
        quotes=quotes,
        tags=_tags(article, actors.tags),
        cited_sources=actors.sources,
        terms=" ".join(relating_terms(article.title, doc)),
        words=" ".join((*re.findall(r"\w+", article.title.lower()), *_lower_words(doc))),
        proper_nouns=" ".join(_lower_words(doc, POS, "PROPN")),
    )
    shown = keep_to_two_places(brief, doc)
    return replace(shown, quotes_found=brief.quotes)


STOP_SHARE_TOKENS = 500
"""The words the English stop-word share is taken from: a share is steady long before this."""


def _lower_words(doc: Doc, attr: int | None = None, value: str = "") -> list[str]:
    """The lowercase form of each word or number of the doc, or of each token whose attribute
    has the value; read from the doc's columns (a `Token` a token costs more)."""
    if attr is None:
        wanted = (column_of(doc, IS_ALPHA) == 1) | (column_of(doc, LIKE_NUM) == 1)
    else:
        wanted = has_value(doc, attr, (value,))
    return [doc.vocab.strings[word] for word in column_of(doc, LOWER)[wanted].tolist()]


def _english_stop_share(doc: Doc) -> float:
    flags = doc.to_array([IS_ALPHA, IS_STOP])[:STOP_SHARE_TOKENS] if len(doc) else None
    if flags is None or not flags[:, 0].any():
        return 1.0
    return float(flags[flags[:, 0] == 1][:, 1].mean())


def english_only_brief(article: Article) -> Brief:
    """The brief of an article in another language: its title, source, date and link, and a
    plain word that the analysis covers English only, rather than the English model's guesses
    (actors, quotes and facts made up from words it cannot read)."""
    name = language_name(article.language or "")
    # The Source section links the original only when the article gives its address.
    where = "the original, linked under Source" if article.url else "the article itself"
    return Brief(
        article=article,
        at_a_glance=(
            f"This article is in {name}. The analysis covers English only, so this brief has "
            f"no key facts, actors, timeline or quotes: read {where}."
        ),
        why_it_matters=None,
        key_facts=(),
        actors=(),
        timeline=(),
        quotes=(),
        tags=article.tags,
        # Related reading can still match words with other articles in the same language,
        # but not the words every article of that language has (`stop_words`).
        words=" ".join(_content_words(f"{article.title}\n{article.body}", article.language)),
    )


def _content_words(text: str, language: str | None) -> list[str]:
    """The words of a text in another language but its stop words, lower-cased."""
    common = stop_words(language or "")
    return [word for word in re.findall(r"\w+", text.lower()) if word not in common]


def relating_terms(title: str, doc: Doc) -> tuple[str, ...]:
    """Lemmas that say what the story is about: the headline's words count twice."""
    headline = [
        word for word in re.findall(r"[a-z][a-z-]+", title.lower()) if word not in STOP_WORDS
    ]
    body = [lemma for sent in sentences_of(doc) for lemma in content_lemmas(sent)]
    return (*headline, *headline, *body)


def _tags(article: Article, actor_tags: tuple[str, ...]) -> tuple[str, ...]:
    """Front matter tags as the analyst wrote them, then the main actors."""
    return tuple(dict.fromkeys((*article.tags, *actor_tags)))
