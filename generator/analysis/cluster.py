"""Analysis on a Dask cluster: articles in, one brief each out, as the cluster's workers make them.

Analysing an article is a pure map from article to brief, so a large archive can be analysed on
an existing `dask.distributed` cluster (`--dask ADDRESS`). Batches of articles travel as data
(their text and fields: workers need no access to `content/`), and each worker process loads the
language model once and keeps it for every batch it gets. Relating, rendering and writing stay on
the machine that runs the build.

A batch whose task fails is tried again (`BATCH_RETRIES`), and the scheduler gives the batches of
a worker that is lost to the others: a worker costs its batch a retry, not the build. An article
whose analysis fails is reported as on one machine: it gets no brief and an error naming it, in
the order of the articles, and the others are analysed all the same.

Only `briefs build --dask` and `briefs analyse --dask` import this module, so nothing of Dask is
imported otherwise (Dask is an extra: `pip install 'briefs[dask]'`).
"""

from __future__ import annotations

import functools
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from spacy.language import Language

from generator.analysis.analyse import PIPE_BATCH_SIZE, analyse_articles
from generator.analysis.gazetteer import load_gazetteer
from generator.analysis.language import load_model
from generator.analysis.registry import Registry, install_registry
from generator.errors import BriefError
from generator.models import Article, Brief

BATCH_SIZE = PIPE_BATCH_SIZE
"""Articles sent to a worker at once: the batch spaCy parses them in."""
BATCH_RETRIES = 2
"""How often a batch whose task failed is tried again before the build fails."""
CONNECT_SECONDS = 30
"""How long to wait for the scheduler at the address given."""


def analyse_on_cluster(
    articles: Sequence[Article],
    registry: Registry | None,
    model_name: str | None,
    address: str,
    errors: list[str] | None = None,
) -> Iterator[tuple[int, Brief]]:
    """Analyse the articles on the Dask cluster at address; yield each brief as it comes back,
    with the article's place in articles (briefs come in the order their batches finish).

    An article whose analysis fails gets no brief and an error in errors, added once every
    batch is back (raised when errors is None), as `analyse_articles` does.
    """
    try:
        from distributed import Client, as_completed
    except ImportError:
        raise BriefError(
            "--dask needs Dask's distributed scheduler: pip install 'briefs[dask]'"
        ) from None
    try:
        client = Client(address, timeout=CONNECT_SECONDS, set_as_default=False)  # type: ignore[no-untyped-call]
    except OSError as error:
        raise BriefError(f"--dask {address}: no Dask scheduler answers there ({error})") from None
    with client:
        starts = range(0, len(articles), BATCH_SIZE)
        futures = {
            client.submit(
                analyse_batch,
                list(articles[start : start + BATCH_SIZE]),
                registry,
                model_name,
                errors is not None,
                retries=BATCH_RETRIES,
                pure=False,
            ): start
            for start in starts
        }
        failures: dict[int, list[str]] = {}
        for finished in as_completed(futures, loop=client.loop):  # type: ignore[no-untyped-call]
            start = futures[finished]
            analysed = finished.result()
            for offset, brief in analysed.briefs:
                yield start + offset, brief
            failures[start] = analysed.errors
            finished.release()
        if errors is not None:
            errors += [error for start in sorted(failures) for error in failures[start]]


@dataclass(frozen=True)
class AnalysedBatch:
    """What a worker sends back for a batch: each brief with its article's place in the batch,
    and the errors of the articles that have none."""

    briefs: list[tuple[int, Brief]]
    errors: list[str]


def analyse_batch(
    articles: list[Article], registry: Registry | None, model_name: str | None, is_reporting: bool
) -> AnalysedBatch:
    """Analyse a batch of articles on a worker, with the model it loaded for the first batch.

    With is_reporting, an article whose analysis fails is an error in the batch's answer, as
    `analyse_articles` reports it; otherwise its failure fails the task.
    """
    errors: list[str] | None = [] if is_reporting else None
    nlp, gazetteer = loaded_model(model_name, registry), load_gazetteer()
    placed: list[tuple[int, Brief]] = []
    numbers = iter(range(len(articles)))
    for brief in analyse_articles(articles, nlp, gazetteer, registry, errors=errors):
        # Briefs come in the articles' order, without those whose analysis failed; a brief
        # holds its article itself (ids in a JSON Lines file need not be unique).
        placed.append((next(n for n in numbers if articles[n] is brief.article), brief))
    return AnalysedBatch(placed, errors or [])


@functools.lru_cache(maxsize=1)
def loaded_model(model_name: str | None, registry: Registry | None) -> Language:
    """The worker's pipeline with the registry's names in it (if any): made once per model and
    registry."""
    nlp = load_model(model_name)
    if registry is not None:
        install_registry(nlp, registry)
    return nlp
