"""A sentence's lead-in addressed to the reader: a sentence in, where its story starts out.

A video or a gallery page puts a line to the reader before its story ("Watch the video: ...",
"Read more: ..."), and the sentence splitter leaves it joined to what follows. The lead-in is
no fact, event or act of anyone in the story; what follows the colon is the story's.
"""

from __future__ import annotations

import bisect

import numpy
from spacy.attrs import ORTH  # type: ignore[import-not-found]
from spacy.tokens import Doc, Span, Token

from generator.analysis.grammar import AUXILIARY_DEPS, NOMINAL_SUBJECT_DEPS
from generator.analysis.tree_matcher import column_of

LEAD_IN_MARK = ":"
COLONS_KEY = "briefs.colons"  # the doc's colons' positions, in its user_data
IMPERATIVE_TAG = "VB"


def story_start(sent: Span) -> int:
    """The position after the sentence's lead-in to the reader (an instruction in the base
    form, with neither subject nor auxiliary, ended by a colon: "Watch the video:"), or the
    sentence's start when it has none ("Update: ...", "He said: ..." stay whole)."""
    # The sentence's first colon among the doc's, found once a doc: every clause, key fact
    # and aside asks of its sentence, and a `Token` a word (or an array a sentence) cost more
    # than the rest of the test.
    doc = sent.doc
    colons = _colons(doc)
    at = bisect.bisect_left(colons, sent.start)
    if at == len(colons) or colons[at] >= sent.end or colons[at] == sent.start:
        return sent.start
    colon = colons[at]
    return colon + 1 if _is_an_instruction(doc[sent.start : colon]) else sent.start


def _colons(doc: Doc) -> list[int]:
    """Positions of the doc's colons, in order (from its column of words), found once."""
    colons = doc.user_data.get(COLONS_KEY)
    if not isinstance(colons, list):
        words = column_of(doc, ORTH)
        found = numpy.flatnonzero(words == doc.vocab.strings[LEAD_IN_MARK])
        colons = doc.user_data[COLONS_KEY] = found.tolist()
    return colons


def _is_an_instruction(lead_in: Span) -> bool:
    first: Token = lead_in[0]
    return first.tag_ == IMPERATIVE_TAG and not any(
        t.dep_ in NOMINAL_SUBJECT_DEPS or t.dep_ in AUXILIARY_DEPS for t in lead_in
    )
