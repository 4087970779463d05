"""Actors against CoNLL-2003 names: conll2003_dev documents in, micro P/R/F1 per document set.

Per document, the unique person / organisation / location names are compared with the actors
(through their name or any alias) and with raw spaCy entities of the same text and model.
"""

from __future__ import annotations

import re
import time
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from benchmarks.common import (
    Options,
    Section,
    Target,
    analyse_records,
    analysed_text,
    f1,
    number,
    ratio,
    read_jsonl,
)
from generator.analysis.analyse import PIPE_BATCH_SIZE
from generator.analysis.language import load_model

DATASET = "conll2003_dev.jsonl"
SCORED = ("PER", "ORG", "LOC")
KIND_CLASS = {"person": "PER", "organisation": "ORG", "country": "LOC", "place": "LOC"}
LABEL_CLASS = {"PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC"}
TARGET_GAIN_POINTS = 5.0
TARGET_TYPED_F1 = 0.78
ATTACH_LEFT = re.compile(r" ('s|'S|n't|'m|'re|'ve|'ll|'d|[.,;:!?%)\]])(?= |$)")
ATTACH_RIGHT = re.compile(r"(^| )([(\[$]) ")
QUOTED = re.compile(r'" ([^"]*?) "')
PUNCTUATION = re.compile(r"[^\w\s]+")

Prediction = tuple[str, frozenset[str]]
"""A predicted class and the normalised names it answers to."""


@dataclass
class Counts:
    """Micro counts: predictions right, predictions scored, gold names found, gold names."""

    correct: int = 0
    predicted: int = 0
    found: int = 0
    gold: int = 0
    misses: Counter[str] = field(default_factory=Counter)
    spurious: Counter[str] = field(default_factory=Counter)

    def row(self, name: str) -> list[str]:
        precision, recall = ratio(self.correct, self.predicted), ratio(self.found, self.gold)
        return [name, number(precision), number(recall), number(f1(precision, recall))]

    @property
    def f1(self) -> float:
        return f1(ratio(self.correct, self.predicted), ratio(self.found, self.gold))


def run(options: Options) -> Section:
    """Score the actors and raw spaCy entities against the gold names."""
    started = time.perf_counter()
    documents = read_jsonl(options.eval_dir / DATASET, options.limit)
    records = [{"id": d["id"], "text": detokenise(d["text"])} for d in documents]
    outputs = analyse_records(records, DATASET)
    texts = [analysed_text(record, DATASET) for record in records]
    docs = load_model().pipe(texts, batch_size=PIPE_BATCH_SIZE)
    counts = {key: Counts() for key in ("system typed", "system", "spacy typed", "spacy")}
    by_class = {(who, cls): Counts() for who in ("system", "spacy") for cls in SCORED}
    for document, output, doc in zip(documents, outputs, docs, strict=True):
        gold, misc = gold_names(document["tokens"], document["tags"])
        system = system_predictions(output["actors"])
        baseline = {
            (LABEL_CLASS[e.label_], frozenset({key}))
            for e in doc.ents
            if e.label_ in LABEL_CLASS and (key := name_key(e.text))
        }
        for is_typed in (True, False):
            suffix = " typed" if is_typed else ""
            score(counts["system" + suffix], system, gold, misc, is_typed=is_typed)
            score(counts["spacy" + suffix], sorted(baseline), gold, misc, is_typed=is_typed)
        for cls in SCORED:
            only = {(c, k) for c, k in gold if c == cls}
            for who, predictions in (("system", system), ("spacy", sorted(baseline))):
                mine = [p for p in predictions if p[0] == cls]
                score(by_class[(who, cls)], mine, only, misc, is_typed=True)
    typed_gain = 100 * (counts["system typed"].f1 - counts["spacy typed"].f1)
    organisation_gain = 100 * (by_class[("system", "ORG")].f1 - by_class[("spacy", "ORG")].f1)
    headers = ["system", "precision", "recall", "F1"]
    return Section(
        title="Actors",
        data=f"{DATASET}: {len(documents)} documents, "
        f"{sum(len(gold_names(d['tokens'], d['tags'])[0]) for d in documents)} unique gold names",
        tables=[
            (
                ["typed (class must match)", *headers[1:]],
                [
                    counts["system typed"].row("Briefs actors"),
                    counts["spacy typed"].row("spaCy doc.ents"),
                ],
            ),
            (
                ["F1 by class", *SCORED],
                [
                    ["Briefs actors", *(number(by_class[("system", c)].f1) for c in SCORED)],
                    ["spaCy doc.ents", *(number(by_class[("spacy", c)].f1) for c in SCORED)],
                ],
            ),
            (
                ["untyped", *headers[1:]],
                [counts["system"].row("Briefs actors"), counts["spacy"].row("spaCy doc.ents")],
            ),
        ],
        notes=[
            "Micro figures over per-document sets of unique names (casefolded, punctuation, a "
            "leading 'the' and a trailing 's dropped). Precision counts predictions, recall counts "
            "gold names; an actor matches through its name or any alias. Predictions naming a "
            "MISC entity are not scored; actors of kind 'group' are skipped.",
            "F1 by class: predictions of the class against gold names of the class, as conlleval "
            "scores a class (a name of the wrong class counts against both).",
            "Text: tokens lightly detokenised ('s, n't, punctuation, quotes), same for both rows.",
        ],
        targets=[
            Target(
                "actors: typed F1 ≥ spaCy + 5 points",
                f"{number(counts['system typed'].f1)} ({typed_gain:+.1f} points)",
                f"≥ {number(counts['spacy typed'].f1 + TARGET_GAIN_POINTS / 100)}",
                typed_gain >= TARGET_GAIN_POINTS,
            ),
            Target(
                "actors: typed F1 ≥ 0.78 (issue #20)",
                number(counts["system typed"].f1),
                f"≥ {number(TARGET_TYPED_F1)}",
                counts["system typed"].f1 >= TARGET_TYPED_F1,
            ),
            Target(
                "actors: organisation F1 above spaCy's",
                f"{number(by_class[('system', 'ORG')].f1)} ({organisation_gain:+.1f} points)",
                f"> {number(by_class[('spacy', 'ORG')].f1)}",
                organisation_gain > 0,
            ),
        ],
        examples=_examples(counts["system typed"]),
        seconds=time.perf_counter() - started,
    )


def detokenise(text: str) -> str:
    """Undo the CoNLL spacing lightly, line by line: `Japan 's` -> `Japan's`, `( a )` -> `(a)`."""
    lines = []
    for line in text.split("\n"):
        line = QUOTED.sub(r'"\1"', line)
        line = ATTACH_RIGHT.sub(r"\1\2", line)
        lines.append(ATTACH_LEFT.sub(r"\1", line))
    return "\n".join(lines)


def name_key(name: str) -> str:
    """Normalise a name for comparison; an empty key means nothing is left to compare."""
    key = name.casefold().replace("’", "'").strip()
    key = re.sub(r"'s?$", "", key).strip()
    key = re.sub(r"^the\s+", "", key)
    return " ".join(PUNCTUATION.sub("", key).split())


def gold_names(tokens: list[str], tags: list[str]) -> tuple[set[tuple[str, str]], set[str]]:
    """Return the document's unique (class, name key) pairs and its MISC name keys."""
    spans: list[tuple[str, list[str]]] = []
    for token, tag in zip(tokens, tags, strict=True):
        if tag.startswith("B-") or (
            tag.startswith("I-") and (not spans or spans[-1][0] != tag[2:])
        ):
            spans.append((tag[2:], [token]))
        elif tag.startswith("I-"):
            spans[-1][1].append(token)
        else:
            spans.append(("O", []))
    gold = {
        (cls, key) for cls, words in spans if cls in SCORED and (key := name_key(" ".join(words)))
    }
    misc = {key for cls, words in spans if cls == "MISC" and (key := name_key(" ".join(words)))}
    return gold, misc


def system_predictions(actors: list[dict[str, Any]]) -> list[Prediction]:
    """Map actors to (class, names): kind to class, name and aliases to keys; groups skipped."""
    merged: dict[tuple[str, str], set[str]] = {}
    for actor in actors:
        cls = KIND_CLASS.get(actor["kind"])
        key = name_key(actor["name"])
        if cls is None or not key:
            continue
        keys = merged.setdefault((cls, key), {key})
        keys.update(k for alias in actor["aliases"] if (k := name_key(alias)))
    return [(cls, frozenset(keys)) for (cls, _), keys in merged.items()]


def score(
    counts: Counts,
    predictions: list[Prediction],
    gold: set[tuple[str, str]],
    misc: set[str],
    *,
    is_typed: bool,
) -> None:
    """Add one document's matches to the micro counts."""
    found: set[tuple[str, str]] = set()
    for cls, keys in predictions:
        hits = {(c, k) for c, k in gold if k in keys and (c == cls or not is_typed)}
        if hits:
            counts.correct += 1
            found |= hits
        elif keys & misc:
            continue
        else:
            counts.spurious[f"{min(keys, key=len)} ({cls})"] += 1
        counts.predicted += 1
    counts.found += len(found)
    counts.gold += len(gold)
    for cls, key in gold - found:
        counts.misses[f"{key} ({cls})"] += 1


def _examples(counts: Counts) -> list[str]:
    """The system's most frequent spurious actors and missed names (typed)."""
    spurious = ", ".join(f"{name} ×{n}" for name, n in counts.spurious.most_common(40))
    missed = ", ".join(f"{name} ×{n}" for name, n in counts.misses.most_common(40))
    return [f"most frequent spurious actors: {spurious}", f"most frequent missed names: {missed}"]
