"""Related reading against story clusters: clusters_dev documents in, ranking quality out.

Same cluster = same story (relevant); same topic, other cluster = a similar but different story
(a hard negative). The baseline ranks by TF-IDF cosine over title and text.
"""

from __future__ import annotations

import math
import re
import time
from collections import Counter
from typing import Any

import numpy as np

from benchmarks.common import Options, Section, Target, analyse_records, number, read_jsonl
from generator.ingest.article_file import make_slug

DATASET = "clusters_dev.jsonl"
TOP = 3
WORD = re.compile(r"\w+")


def run(options: Options) -> Section:
    """Rank every other document for each one, by the system (when present) and by TF-IDF."""
    started = time.perf_counter()
    documents = read_jsonl(options.eval_dir / DATASET, options.limit)
    records = [{"id": d["id"], "title": d["title"], "text": d["text"]} for d in documents]
    outputs = analyse_records(records, DATASET)
    system = system_rankings(outputs, documents)
    baseline = tfidf_rankings([f"{d['title']}\n{d['text']}" for d in documents])
    queries = [i for i, d in enumerate(documents) if _cluster_size(documents, d["cluster"]) > 1]
    base = evaluate(baseline, documents, queries)
    headers = ["system", f"P@{TOP}", "MRR", f"hard negatives in top {TOP}", "links per document"]
    rows = [_row("TF-IDF cosine (sublinear tf)", base, "all")]
    if system is None:
        rows.insert(0, ["Briefs related reading", "not yet implemented", "", "", "0"])
        targets = [
            Target(
                "related: P@3 ≥ TF-IDF and fewer hard negatives",
                "not yet implemented",
                f"P@3 ≥ {number(base['p'])}, hard negatives < {number(base['hard'])}",
                None,
            )
        ]
    else:
        ours = evaluate(system, documents, queries)
        links = sum(len(ranking) for ranking in system) / max(len(system), 1)
        rows.insert(0, _row("Briefs related reading", ours, number(links, 1)))
        targets = [
            Target(
                "related: P@3 ≥ TF-IDF and fewer hard negatives",
                f"P@3 {number(ours['p'])}, hard negatives {number(ours['hard'])}",
                f"P@3 ≥ {number(base['p'])}, hard negatives < {number(base['hard'])}",
                ours["p"] >= base["p"] and ours["hard"] < base["hard"],
            )
        ]
    clusters = len({d["cluster"] for d in documents})
    topics = len({d["topic"] for d in documents})
    return Section(
        title="Related reading",
        data=f"{DATASET}: {len(documents)} documents, {clusters} clusters, {topics} topics; "
        f"{len(queries)} queries (documents whose cluster has another member)",
        tables=[(headers, rows)],
        notes=[
            "The system row reads the `related` ids of `briefs analyse` in their order (entries "
            "that name no document are dropped; fewer than 3 links count as misses); it says "
            "'not yet implemented' while every list is empty. Only title and text are used.",
            "MRR: reciprocal rank of the first same-cluster document (0 when none is listed).",
            "Hard negatives: share of the top 3 from the same topic but another cluster.",
        ],
        targets=targets,
        seconds=time.perf_counter() - started,
    )


def system_rankings(
    outputs: list[dict[str, Any]], documents: list[dict[str, Any]]
) -> list[list[int]] | None:
    """Map each output's `related` entries (slugs, ids or titles) to document indexes."""
    if not any(output.get("related") for output in outputs):
        return None
    index: dict[str, int] = {}
    for i, document in enumerate(documents):
        for key in (
            document["id"],
            make_slug(document["id"], fallback="article"),
            document["title"],
        ):
            index.setdefault(key, i)
    return [
        [index[entry] for entry in output.get("related") or [] if entry in index]
        for output in outputs
    ]


def tfidf_rankings(texts: list[str]) -> list[list[int]]:
    """Rank the other documents of each by cosine of sublinear-tf, smoothed-idf vectors."""
    counts = [Counter(WORD.findall(text.lower())) for text in texts]
    vocabulary = {word: i for i, word in enumerate(sorted(set().union(*counts)))}
    matrix = np.zeros((len(texts), len(vocabulary)))
    for row, words in enumerate(counts):
        for word, count in words.items():
            matrix[row, vocabulary[word]] = 1 + math.log(count)
    document_frequency = (matrix > 0).sum(axis=0)
    matrix *= np.log((1 + len(texts)) / (1 + document_frequency)) + 1
    matrix /= np.maximum(np.linalg.norm(matrix, axis=1, keepdims=True), 1e-12)
    similarity = matrix @ matrix.T
    np.fill_diagonal(similarity, -np.inf)
    return [
        [int(j) for j in np.argsort(-row, kind="stable") if j != i]
        for i, row in enumerate(similarity)
    ]


def evaluate(
    rankings: list[list[int]], documents: list[dict[str, Any]], queries: list[int]
) -> dict[str, float]:
    """Return mean precision@3, MRR and hard-negative share over the queries."""
    precision = reciprocal = hard = 0.0
    for query in queries:
        cluster, topic = documents[query]["cluster"], documents[query]["topic"]
        ranked = [j for j in rankings[query] if j != query]
        top = ranked[:TOP]
        precision += sum(documents[j]["cluster"] == cluster for j in top) / TOP
        hard += (
            sum(documents[j]["topic"] == topic and documents[j]["cluster"] != cluster for j in top)
            / TOP
        )
        rank = next((r for r, j in enumerate(ranked, 1) if documents[j]["cluster"] == cluster), 0)
        reciprocal += 1 / rank if rank else 0.0
    count = max(len(queries), 1)
    return {"p": precision / count, "mrr": reciprocal / count, "hard": hard / count}


def _row(name: str, figures: dict[str, float], links: str) -> list[str]:
    return [name, number(figures["p"]), number(figures["mrr"]), number(figures["hard"]), links]


def _cluster_size(documents: list[dict[str, Any]], cluster: str) -> int:
    return sum(d["cluster"] == cluster for d in documents)
