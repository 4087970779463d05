"""The model's lemmatizer applied once per kind of token: a tagged `Doc` in, the same `Doc` with
the lemmas spaCy's rule lemmatizer gives.

spaCy's `Lemmatizer` makes a Python `Token` of every word and, for each word it has not cached,
tries its rules' forms against the dictionary of known base forms, which its lookups hold as
lists (57,000 nouns): a scan of the list per form, near a tenth of the whole parse on news
text. A lemma depends on the word, its part of speech and its morphology and nothing else, and
an article repeats a few hundred of those: `LemmaTable` reads them as the doc's columns, asks
the model's own lemmatizer once per triple it has not seen (so the lemma is the lemmatizer's,
rules, exceptions and all), with its dictionary as sets (the same membership, found at once),
and writes the lemmas back as a column. Tokens whose lemma an earlier component set (the
attribute rules' exceptions) keep it, as in spaCy.
"""

from __future__ import annotations

from typing import Any

import numpy
from spacy.attrs import LEMMA, MORPH, ORTH, POS  # type: ignore[import-not-found]
from spacy.language import Language
from spacy.lookups import Lookups
from spacy.pipeline import Lemmatizer
from spacy.tokens import Doc

KEYED_BY = [ORTH, POS, MORPH, LEMMA]
"""The columns read: the three a lemma depends on, then the lemma already set (0: none)."""
BASE_FORMS = "lemma_index"
"""The lookups table of known base forms by part of speech; the lemmatizer only asks whether
a form is in it."""


class LemmaTable:
    """A spaCy rule lemmatizer asked once per (word, part of speech, morphology) of a process."""

    def __init__(self) -> None:
        self.lemmatizer: Lemmatizer | None = None
        """The model's lemmatizer (`tabulate_lemmas` gives it)."""
        self.known: dict[tuple[int, int, int], int] = {}
        """Lemma (string hash) of each (word, part of speech, morphology) asked so far."""

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        columns = doc.to_array(KEYED_BY)
        lemmas = numpy.ascontiguousarray(columns[:, 3])
        unset = numpy.flatnonzero(lemmas == 0)
        if not len(unset):
            return doc
        assert self.lemmatizer is not None, "tabulate_lemmas gives the table its lemmatizer"
        lemmatize, strings, known = self.lemmatizer.lemmatize, doc.vocab.strings, self.known
        for i, key in zip(unset.tolist(), map(tuple, columns[unset, :3].tolist()), strict=True):
            lemma = known.get(key)
            if lemma is None:
                lemma = known[key] = strings.add(lemmatize(doc[i])[0])
            lemmas[i] = lemma
        from_array: Any = doc.from_array  # spaCy's stub wants its own array type
        from_array([LEMMA], lemmas.reshape(-1, 1))
        return doc


def tabulate_lemmas(nlp: Language) -> None:
    """Have the model's rule lemmatizer asked once per kind of token, where it has one (a
    lookup or other lemmatizer is left as it is)."""
    if "lemmatizer" not in nlp.pipe_names:
        return
    lemmatizer = nlp.get_pipe("lemmatizer")
    if not isinstance(lemmatizer, Lemmatizer) or lemmatizer.mode != "rule" or lemmatizer.overwrite:
        return
    table = nlp.replace_pipe("lemmatizer", "lemma_table")
    assert isinstance(table, LemmaTable)
    # The lemmatizer left the pipeline: its lookups are its own to change.
    lemmatizer.lookups = _with_base_forms_as_sets(lemmatizer.lookups)
    table.lemmatizer = lemmatizer


def _with_base_forms_as_sets(lookups: Lookups) -> Lookups:
    """The same lookups with each part of speech's base forms as a set (`form in index` is
    all the lemmatizer does with them)."""
    copied = Lookups()
    for name in lookups.tables:
        table = lookups.get_table(name)
        if name == BASE_FORMS:
            copied.add_table(name, {pos: frozenset(forms) for pos, forms in table.items()})
        else:
            copied.set_table(name, table)
    return copied


@Language.factory("lemma_table")
def make_lemma_table(nlp: Language, name: str) -> LemmaTable:
    return LemmaTable()
