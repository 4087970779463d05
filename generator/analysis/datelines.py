"""Find where a wire story's sentence starts after its dateline: a spaCy sentence in, the index
of its first word out.

Wire copy opens its first sentence with where it was filed and by whom: "New Delhi, India (CNN)
--", "NEW DELHI:", "WASHINGTON --", "DUBAI, United Arab Emirates —". The lead, the key facts and
the timeline tell the sentence without it.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from generator.analysis.grammar import PLACE_LABELS

MIN_OUTLET_CHARS = 2
"""An outlet in a dateline's brackets is a name or initials ("CNN", "AP"); one letter is a
politician's party ("(R)", "(D-Calif.)")."""
DATELINE_MAX_TOKENS = 8
"""How far into a sentence a dateline's closing bracket may lie ("New Delhi, India (CNN)")."""
DASHES = frozenset({"--", "-", "—", "–"})
"""The dashes after a dateline ("WASHINGTON --", "(Reuters) -")."""


def after_dateline(sent: Span) -> int:
    """Return where a sentence starts after the dateline a wire story opens with: names and
    commas, an outlet's name in brackets and an optional dash; else the sentence's start."""
    tokens = [t for t in sent if not t.is_space]
    mark = _place_mark(tokens[: DATELINE_MAX_TOKENS + 1])
    if mark is not None:
        return mark.i + 1
    closing = next((t for t in tokens[: DATELINE_MAX_TOKENS + 1] if t.text == ")"), None)
    if closing is None:
        return sent.start
    inside = [t for t in tokens if t.i < closing.i]
    opening = [t for t in inside if t.text == "("]
    if len(opening) != 1:
        return sent.start
    place = [t for t in inside if t.i < opening[0].i]
    outlet = [t for t in inside if t.i > opening[0].i]
    is_name = all(t.pos_ == "PROPN" or t.text in ",." or _in_capitals(t) for t in place)
    if not outlet or not is_name or not all(t.pos_ == "PROPN" or t.is_title for t in outlet):
        return sent.start
    if len(outlet[0].text) < MIN_OUTLET_CHARS:
        # A party, not an outlet: "Idaho Gov. Ada Renner (R) is standing by ...",
        # "Rep. Tom Ashby (D-Ore.) said ...".
        return sent.start
    start = closing.i + 1
    while start < sent.end and (sent.doc[start].is_space or sent.doc[start].text in DASHES):
        start += 1
    return start if start < sent.end else sent.start


def _place_mark(tokens: list[Token]) -> Token | None:
    """The colon or dash after a dateline of places, "Houston, Texas, United States: Work on
    the bridge ...", "NEW DELHI: The minister ...", "WASHINGTON -- The Senate ...", or None. A dash
    follows a place set in capitals, which a name's own hyphen never does ("Kenya Airways -")."""
    mark = next((t for t in tokens if t.text == ":" or t.text in DASHES), None)
    # What follows a dateline is a sentence: it starts with a capital.
    if mark is None or mark.i + 1 >= mark.sent.end or not mark.nbor().text[:1].isupper():
        return None
    place = [t for t in tokens if t.i < mark.i]
    if not place or (mark.text != ":" and not _in_capitals(place[0])):
        return None
    is_dateline = all(
        t.text == "," or (t.ent_type_ in PLACE_LABELS and t.pos_ == "PROPN") or _in_capitals(t)
        for t in place
    )
    return mark if is_dateline else None


def _in_capitals(token: Token) -> bool:
    """A word set in capitals, as a dateline's place is ("NEW DELHI:"): the model, trained on
    ordinary sentences, tags and labels it anything (`layout`)."""
    return token.is_alpha and token.is_upper and len(token.text) > 1
