"""Analysis on a Dask cluster: articles in, one brief each out, as the cluster's workers make them.

Analysing an article is a pure map from article to brief, so a large archive can be analysed on
an existing `dask.distributed` cluster (`--dask ADDRESS`). Batches of articles travel as data
(their text and fields: workers need no access to `content/`), and each worker process loads the
language model once and keeps it for every batch it gets. Relating, rendering and writing stay on
the machine that runs the build.

A batch whose task fails is tried again (`BATCH_RETRIES`), and the scheduler gives the batches of
a worker that is lost to the others: a worker costs its batch a retry, not the build. An article
whose analysis fails everywhere fails the build as it would on one machine, with its error.

Only `briefs build --dask` and `briefs analyse --dask` import this module, so nothing of Dask is
imported otherwise (Dask is an extra: `pip install 'briefs[dask]'`).
"""

from __future__ import annotations

import functools
from collections.abc import Iterator, Sequence

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
    articles: Sequence[Article], registry: Registry, model_name: str | None, address: str
) -> Iterator[tuple[int, Brief]]:
    """Analyse the articles on the Dask cluster at address; yield each brief as it comes back,
    with the article's place in articles (briefs come in the order their batches finish)."""
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
                retries=BATCH_RETRIES,
                pure=False,
            ): start
            for start in starts
        }
        for finished in as_completed(futures, loop=client.loop):  # type: ignore[no-untyped-call]
            start = futures[finished]
            for offset, brief in enumerate(finished.result()):
                yield start + offset, brief
            finished.release()


def analyse_batch(
    articles: list[Article], registry: Registry, model_name: str | None
) -> list[Brief]:
    """Analyse a batch of articles on a worker, with the model it loaded for the first batch."""
    return list(
        analyse_articles(articles, loaded_model(model_name, registry), load_gazetteer(), registry)
    )


@functools.lru_cache(maxsize=1)
def loaded_model(model_name: str | None, registry: Registry) -> Language:
    """The worker's pipeline with the registry's names in it: made once per model and registry."""
    nlp = load_model(model_name)
    install_registry(nlp, registry)
    return nlp
