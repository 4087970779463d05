"""Whether each timeline event reads as a whole clause: dumps of briefs in, the failures out.

An event's text stands alone on the timeline, so read alone it must hold a main clause: a
finite verb (or one with a finite auxiliary) with a subject of its own, as the sentence's root
or joined to it, and one whose subject follows the first comma when the text opens on a
subordinating word. "After Ruiz quit the board in March, Kestrel Capital, its main lender." has a
subject and verb only in its subordinate clause and fails.

    python -m benchmarks.event_clauses FILE...

A FILE is the JSON lines of `briefs analyse` or the text of
`/work/notes/tools/webdev_actors.py --briefs` ("  time: <date>: <event>" lines).
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path

from spacy.tokens import Doc, Token

from generator.analysis.grammar import FINITE_TAGS, SUBJECT_DEPS
from generator.analysis.language import load_model

DUMP_PREFIX = "  time: "
VERB_POS = frozenset({"VERB", "AUX"})
SUBORDINATORS = frozenset(
    {"after", "before", "when", "while", "because", "although", "though", "if", "since",
     "until", "unless", "once", "whereas"}
)  # fmt: skip
"""Words that open a subordinate clause: a text opening on one needs a second, main clause."""


def events_in(path: Path) -> Iterator[str]:
    """The event texts of one dump, in order."""
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("{"):
            yield from (event["event"] for event in json.loads(line).get("timeline", []))
        elif line.startswith(DUMP_PREFIX):
            yield line[len(DUMP_PREFIX) :].split(": ", 1)[1]


def has_main_clause(doc: Doc) -> bool:
    """Whether a root, or a verb joined to one, is finite and has a subject: its own, or the
    one it shares with the verb it is joined to."""
    clauses = [t for t in doc if t.pos_ in VERB_POS and _is_finite(t) and _has_subject(t)]
    if len(doc) and doc[0].lower_ in SUBORDINATORS:
        # "After Ruiz quit the board in March, Kestrel Capital, its main lender.": the parser
        # may make the subordinate clause the root; the main clause's subject follows a comma.
        comma = next((t.i for t in doc if t.text == ","), len(doc))
        return any(_subject_after(verb, comma) for verb in clauses)
    return any(_is_main(token) for token in clauses)


def _subject_after(verb: Token, position: int) -> bool:
    return any(c.dep_ in SUBJECT_DEPS and c.i > position for c in verb.children)


def _is_main(token: Token) -> bool:
    return token.pos_ in VERB_POS and (
        token.dep_ == "ROOT" or (token.dep_ == "conj" and token.head.dep_ == "ROOT")
    )


def _is_finite(verb: Token) -> bool:
    return verb.tag_ in FINITE_TAGS or any(
        child.dep_ in ("aux", "auxpass") and child.tag_ in FINITE_TAGS for child in verb.children
    )


def _has_subject(verb: Token) -> bool:
    while True:
        if any(child.dep_ in SUBJECT_DEPS for child in verb.children):
            return True
        if verb.dep_ != "conj" or verb.head.i == verb.i:
            return False
        verb = verb.head


def main(paths: list[str]) -> None:
    nlp = load_model()
    for path in paths:
        events = list(events_in(Path(path)))
        failing = [
            event
            for event, doc in zip(events, nlp.pipe(events), strict=True)
            if not has_main_clause(doc)
        ]
        print(f"{path}: {len(failing)} of {len(events)} events without a main clause")
        for event in failing:
            print(f"  {event}")


if __name__ == "__main__":
    main(sys.argv[1:])
