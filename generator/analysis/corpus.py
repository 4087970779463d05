"""Every article of a build in, a brief for each out: articles analysed before are taken as they
were, the others parsed in batches (in parallel processes if asked) and kept as each is made."""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import Protocol

from generator.analysis.analyse import PIPE_BATCH_SIZE, analyse_articles
from generator.analysis.gazetteer import load_gazetteer
from generator.analysis.language import load_model
from generator.analysis.registry import Registry, install_registry
from generator.models import Article, Brief

Progress = Callable[[int, int], None]
"""Told (articles analysed so far, articles to analyse) as a build goes."""


class KnownAnalyses(Protocol):
    """Analyses made before, and where new ones are kept (`BuildMemory.analyses`)."""

    def analysis(self, article: Article) -> Brief | None:
        """The article's analysis made before with this model, registry and code, if any."""

    def remember(self, brief: Brief) -> None:
        """Keep a new analysis, as soon as it is made."""


def analyse_corpus(
    articles: list[Article],
    registry: Registry,
    model_name: str | None,
    processes: int = 1,
    known: KnownAnalyses | None = None,
    progress: Progress | None = None,
) -> list[Brief]:
    """Analyse every article with the registry's names ahead of the statistical model.

    Articles analysed before are not parsed again, and the language model is loaded only when
    some article needs parsing. processes: how many parse at once (0: one per core).
    """
    found = [known.analysis(article) if known else None for article in articles]
    missing = [article for article, brief in zip(articles, found, strict=True) if brief is None]
    analysed: dict[str, Brief] = {}
    if missing:
        nlp = load_model(model_name)
        install_registry(nlp, registry)
        # A process parses whole batches: more processes than batches only cost their start.
        batches = -(-len(missing) // PIPE_BATCH_SIZE)
        processes = min(processes or os.cpu_count() or 1, batches)
        briefs = analyse_articles(missing, nlp, load_gazetteer(), registry, processes)
        for done, brief in enumerate(briefs, 1):
            analysed[brief.article.path] = brief
            if known is not None:
                known.remember(brief)
            if progress is not None:
                progress(done, len(missing))
    return [
        brief if brief is not None else analysed[article.path]
        for article, brief in zip(articles, found, strict=True)
    ]
