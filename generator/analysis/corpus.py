"""Every article of a build in, a brief for each out: articles analysed before are taken as they
were, the others parsed in batches (in parallel processes if asked) and kept as each is made."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from typing import Protocol

from generator.analysis.analyse import PIPE_BATCH_SIZE, analyse_articles
from generator.analysis.gazetteer import load_gazetteer
from generator.analysis.language import load_model
from generator.analysis.registry import Registry, install_registry
from generator.models import Article, Brief

Progress = Callable[[int, int], None]
"""Told (articles analysed so far, articles to analyse) as a build goes."""


class AnalysisSettings(Protocol):
    """Where and how articles are parsed (`settings.Settings` has these)."""

    @property
    def model_name(self) -> str | None:
        """spaCy pipeline to load; None picks the first installed default model."""

    @property
    def processes(self) -> int:
        """Processes that parse articles at once here (0: one per core)."""

    @property
    def dask_address(self) -> str | None:
        """A Dask scheduler to analyse on instead (`analysis.cluster`)."""


class KnownAnalyses(Protocol):
    """Analyses made before, and where new ones are kept (`BuildMemory.analyses`)."""

    def analysis(self, article: Article) -> Brief | None:
        """The article's analysis made before with this model, registry and code, if any."""

    def remember(self, brief: Brief) -> None:
        """Keep a new analysis, as soon as it is made."""


def analyse_corpus(
    articles: list[Article],
    registry: Registry,
    settings: AnalysisSettings,
    known: KnownAnalyses | None = None,
    progress: Progress | None = None,
    errors: list[str] | None = None,
) -> list[Brief]:
    """Analyse every article with the registry's names ahead of the statistical model.

    Articles analysed before are not parsed again, and the language model is loaded only when
    some article needs parsing; new analyses are kept as each is made. An article whose analysis
    fails has no brief in the list and an error in errors, when given (else the failure is
    raised).
    """
    found = [known.analysis(article) if known else None for article in articles]
    missing = [article for article, brief in zip(articles, found, strict=True) if brief is None]
    analysed: dict[str, Brief] = {}
    if missing:
        for done, brief in enumerate(analyse_missing(missing, registry, settings, errors), 1):
            analysed[brief.article.path] = brief
            if known is not None:
                known.remember(brief)
            if progress is not None:
                progress(done, len(missing))
    return [
        brief if brief is not None else analysed[article.path]
        for article, brief in zip(articles, found, strict=True)
        if brief is not None or article.path in analysed
    ]


def analyse_missing(
    articles: list[Article],
    registry: Registry,
    settings: AnalysisSettings,
    errors: list[str] | None = None,
) -> Iterator[Brief]:
    """Parse and analyse articles here (in processes, if asked) or on a Dask cluster."""
    model = settings.model_name
    if settings.dask_address:
        from generator.analysis.cluster import analyse_on_cluster  # Dask only when asked for

        address = settings.dask_address
        placed = analyse_on_cluster(articles, registry, model, address, errors)
        return (brief for _, brief in placed)
    nlp = load_model(model)
    install_registry(nlp, registry)
    # A process parses whole batches: more processes than batches only cost their start.
    batches = -(-len(articles) // PIPE_BATCH_SIZE)
    processes = min(settings.processes or os.cpu_count() or 1, batches)
    return analyse_articles(articles, nlp, load_gazetteer(), registry, processes, errors)
