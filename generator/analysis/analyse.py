"""Analyse articles: `Article` in, `Brief` out (everything but corpus-wide related reading).

`briefs build` and `briefs analyse` both go through `analyse_articles`, so the JSON that
benchmarks read is exactly what the site shows.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import replace

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.language import Language
from spacy.tokens import Doc

from generator.analysis.actors import extract_actors
from generator.analysis.at_a_glance import extract_at_a_glance, extract_why_it_matters
from generator.analysis.gazetteer import Gazetteer
from generator.analysis.key_facts import content_lemmas, extract_key_facts
from generator.analysis.one_place import keep_to_two_places
from generator.analysis.quotes import extract_quotes
from generator.analysis.referents import pronoun_names
from generator.analysis.registry import Registry
from generator.analysis.timeline import extract_timeline
from generator.models import Article, Brief

PIPE_BATCH_SIZE = 32


def analyse_articles(
    articles: Iterable[Article],
    nlp: Language,
    gazetteer: Gazetteer,
    registry: Registry | None = None,
    processes: int = 1,
) -> Iterator[Brief]:
    """Parse the articles in batches and yield one brief each, in input order.

    The registry's names must already be in the pipeline (`registry.install_registry`).
    With several processes spaCy parses batches in parallel; the order stays the same.
    """
    pairs = ((article.body, article) for article in articles)
    parsed = nlp.pipe(pairs, as_tuples=True, batch_size=PIPE_BATCH_SIZE, n_process=processes)
    for doc, article in parsed:
        yield brief_from_doc(article, doc, gazetteer, registry)


def brief_from_doc(
    article: Article, doc: Doc, gazetteer: Gazetteer, registry: Registry | None = None
) -> Brief:
    """Run every extractor over one parsed article."""
    actors = extract_actors(
        doc,
        gazetteer,
        headline=article.title,
        tag_line=article.tag_line,
        registry=registry,
        tags=article.tags,
    )
    name_of = pronoun_names(doc, actors.speaker_name, actors.actors)
    brief = Brief(
        article=article,
        at_a_glance=extract_at_a_glance(doc, article.title),
        why_it_matters=extract_why_it_matters(doc, name_of),
        key_facts=extract_key_facts(doc, article.title, name_of),
        actors=actors.actors,
        timeline=extract_timeline(doc, article.date, name_of),
        quotes=extract_quotes(doc, actors.speaker_name, actors.actors),
        tags=_tags(article, actors.tags),
        cited_sources=actors.sources,
        terms=" ".join(relating_terms(article.title, doc)),
        words=" ".join(
            (
                *re.findall(r"\w+", article.title.lower()),
                *(t.lower_ for t in doc if t.is_alpha or t.like_num),
            )
        ),
        proper_nouns=" ".join(t.lower_ for t in doc if t.pos_ == "PROPN"),
    )
    shown = keep_to_two_places(brief, doc)
    return replace(shown, quotes_found=brief.quotes)


def relating_terms(title: str, doc: Doc) -> tuple[str, ...]:
    """Lemmas that say what the story is about: the headline's words count twice."""
    headline = [
        word for word in re.findall(r"[a-z][a-z-]+", title.lower()) if word not in STOP_WORDS
    ]
    body = [lemma for sent in doc.sents for lemma in content_lemmas(sent)]
    return (*headline, *headline, *body)


def _tags(article: Article, actor_tags: tuple[str, ...]) -> tuple[str, ...]:
    """Front matter tags as the analyst wrote them, then the main actors."""
    return tuple(dict.fromkeys((*article.tags, *actor_tags)))
