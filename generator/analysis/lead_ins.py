"""A sentence's lead-in addressed to the reader: a sentence in, where its story starts out.

A video or a gallery page puts a line to the reader before its story ("Watch the video: ...",
"Read more: ..."), and the sentence splitter leaves it joined to what follows. The lead-in is
no fact, event or act of anyone in the story; what follows the colon is the story's.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from generator.analysis.grammar import AUXILIARY_DEPS, NOMINAL_SUBJECT_DEPS

LEAD_IN_MARK = ":"
IMPERATIVE_TAG = "VB"


def story_start(sent: Span) -> int:
    """The position after the sentence's lead-in to the reader (an instruction in the base
    form, with neither subject nor auxiliary, ended by a colon: "Watch the video:"), or the
    sentence's start when it has none ("Update: ...", "He said: ..." stay whole)."""
    colon = next((t for t in sent if t.text == LEAD_IN_MARK), None)
    if colon is None or colon.i == sent.start:
        return sent.start
    lead_in = sent.doc[sent.start : colon.i]
    return colon.i + 1 if _is_an_instruction(lead_in) else sent.start


def _is_an_instruction(lead_in: Span) -> bool:
    first: Token = lead_in[0]
    return first.tag_ == IMPERATIVE_TAG and not any(
        t.dep_ in NOMINAL_SUBJECT_DEPS or t.dep_ in AUXILIARY_DEPS for t in lead_in
    )
