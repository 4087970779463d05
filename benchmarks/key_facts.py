"""Key facts against the journalists' highlights: cnndm_dev stories in, ROUGE F1 table out.

Baselines are Lead-3 and TextRank (Mihalcea & Tarau 2004) over spaCy's sentence split of the
same text with the same model.
"""

from __future__ import annotations

import math
import re
import time

import numpy as np
from rouge_score import rouge_scorer
from spacy.tokens import Doc

from benchmarks.common import (
    Options,
    Section,
    Target,
    analyse_records,
    analysed_text,
    number,
    read_jsonl,
)
from generator.analysis.analyse import PIPE_BATCH_SIZE
from generator.analysis.key_facts import fact_text, usable_sentences
from generator.analysis.language import load_model
from generator.analysis.whole_sentences import parts_of

DATASET = "cnndm_dev.jsonl"
METRICS = ("rouge1", "rouge2", "rougeL")
TOP_SENTENCES = 3
DAMPING = 0.85
MAX_ITERATIONS = 200
TOLERANCE = 1e-8
WORD = re.compile(r"\w+")
TARGET_MARGIN = 0.01
"""How far above Lead-3 the brief's first three sentences should score (issue #21)."""


def run(options: Options) -> Section:
    """Score the key facts and both baselines against the highlights."""
    started = time.perf_counter()
    stories = read_jsonl(options.eval_dir / DATASET, options.limit)
    records = [{"id": story["id"], "text": story["article"]} for story in stories]
    outputs = analyse_records(records, DATASET)
    facts = [output["key_facts"] for output in outputs]
    # What a reader takes in first: the at-a-glance line (the lead, whole), then the key facts,
    # which do not repeat it.
    openings = [[output["at_a_glance"], *output["key_facts"]] for output in outputs]
    # The page itself puts "why it matters", when there is one, between the two.
    pages = [
        [output["at_a_glance"], *filter(None, [output["why_it_matters"]]), *output["key_facts"]]
        for output in outputs
    ]
    texts = [analysed_text(record, DATASET) for record in records]
    docs = list(load_model().pipe(texts, batch_size=PIPE_BATCH_SIZE))
    sentences = [[s.text.strip() for s in doc.sents if s.text.strip()] for doc in docs]
    usable = [_usable_sentences(doc) for doc in docs]
    words = [_sentence_words(text) for text in sentences]
    references = ["\n".join(story["highlights"]) for story in stories]
    systems = {
        "Briefs at a glance + key facts, first 3": [o[:TOP_SENTENCES] for o in openings],
        "Briefs page opening (at a glance, why it matters, key facts), first 3": [
            p[:TOP_SENTENCES] for p in pages
        ],
        "Briefs key facts, first 3": [f[:TOP_SENTENCES] for f in facts],
        "Briefs key facts, all": facts,
        "Lead-3": [s[:TOP_SENTENCES] for s in sentences],
        "Lead-3 of the sentences a brief may show": [u[:TOP_SENTENCES] for u in usable],
        "TextRank top 3": [
            [s[i] for i in textrank(w)[:TOP_SENTENCES]]
            for s, w in zip(sentences, words, strict=True)
        ],
    }
    scores = {name: mean_rouge(picked, references) for name, picked in systems.items()}
    rows = [
        [name, *(number(scores[name][m]) for m in METRICS), number(_mean_len(picked), 1)]
        for name, picked in systems.items()
    ]
    system_r2 = scores["Briefs at a glance + key facts, first 3"]["rouge2"]
    lead_r2 = scores["Lead-3"]["rouge2"]
    return Section(
        title="Key facts",
        data=f"{DATASET}: {len(stories)} stories, reference = highlights joined by newlines",
        tables=[(["system", "ROUGE-1 F1", "ROUGE-2 F1", "ROUGE-L F1", "sentences"], rows)],
        notes=[
            "rouge_score 0.1.2, use_stemmer=True; mean of per-story F1.",
            "A brief opens with its at-a-glance line, the lead sentence whole, and its key facts "
            "follow without repeating it: 'at a glance + key facts, first 3' is the brief's "
            "first three sentences, set against Lead-3. Every one is a whole sentence or caption "
            "of the article (a subject 'he', 'she' or 'they' with the name it stands for in "
            "brackets); Lead-3 takes captions run into the next sentence, and datelines such "
            "as '(CNN)', as they come.",
            "'Lead-3 of the sentences a brief may show' is the first three of the sentences "
            "the key facts choose from: whole sentences and captions without datelines, no "
            "quoted speech, no call to the reader (key_facts.usable_sentences).",
            "The page puts 'why it matters', when the article says it, between the at-a-glance "
            "line and the key facts, and a key fact does not repeat it: 'page opening' is what "
            "a reader of the page takes in first.",
        ],
        targets=[
            Target(
                "key facts: brief's first 3 sentences ROUGE-2 ≥ Lead-3 + 0.01",
                number(system_r2),
                f"≥ {number(lead_r2 + TARGET_MARGIN)}",
                system_r2 >= lead_r2 + TARGET_MARGIN,
            )
        ],
        examples=_examples(stories, systems),
        seconds=time.perf_counter() - started,
    )


def _usable_sentences(doc: Doc) -> list[str]:
    """The text of each sentence a brief may show, in the article's order."""
    parts = parts_of(doc)
    return [fact_text(parts[i][0]) for i in usable_sentences(doc)]


def mean_rouge(predictions: list[list[str]], references: list[str]) -> dict[str, float]:
    """Return the mean F1 of each ROUGE metric, a prediction's sentences joined by newlines."""
    scorer = rouge_scorer.RougeScorer(list(METRICS), use_stemmer=True)
    totals = dict.fromkeys(METRICS, 0.0)
    for picked, reference in zip(predictions, references, strict=True):
        scores = scorer.score(reference, "\n".join(picked))
        for metric in METRICS:
            totals[metric] += scores[metric].fmeasure
    return {metric: total / max(len(references), 1) for metric, total in totals.items()}


def textrank(sentence_words: list[list[str]]) -> list[int]:
    """Return sentence indexes by TextRank score, best first (ties keep article order).

    Edge weight: shared words over log |S_i| + log |S_j|; weighted PageRank by power iteration.
    """
    count = len(sentence_words)
    if count == 0:
        return []
    sets = [set(words) for words in sentence_words]
    weights = np.zeros((count, count))
    for i in range(count):
        for j in range(i + 1, count):
            norm = math.log(len(sentence_words[i]) or 1) + math.log(len(sentence_words[j]) or 1)
            if norm > 0:
                weights[i, j] = weights[j, i] = len(sets[i] & sets[j]) / norm
    out_weight = weights.sum(axis=1)
    transition = np.divide(
        weights, out_weight[:, None], out=np.zeros_like(weights), where=out_weight[:, None] > 0
    )
    scores = np.ones(count)
    for _ in range(MAX_ITERATIONS):
        updated = (1 - DAMPING) + DAMPING * transition.T @ scores
        if np.abs(updated - scores).sum() < TOLERANCE:
            scores = updated
            break
        scores = updated
    return sorted(range(count), key=lambda i: (-scores[i], i))


def _sentence_words(sentences: list[str]) -> list[list[str]]:
    """Lowercased words of each sentence (a regex split keeps this independent of spaCy)."""
    return [WORD.findall(sentence.lower()) for sentence in sentences]


def _mean_len(picked: list[list[str]]) -> float:
    return sum(len(p) for p in picked) / max(len(picked), 1)


def _examples(stories: list[dict[str, object]], systems: dict[str, list[list[str]]]) -> list[str]:
    """The first stories' picks beside Lead-3, to eyeball what the ranking prefers."""
    lines = []
    for index in range(min(3, len(stories))):
        lines.append(f"{stories[index]['id']}:")
        for name in ("Briefs at a glance + key facts, first 3", "Lead-3"):
            lines += [f"  [{name}] {sentence[:160]}" for sentence in systems[name][index]]
    return lines
