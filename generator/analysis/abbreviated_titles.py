"""Titles newsrooms abbreviate before a name ("Sgt. Ray Marsh", "Rep. Ann Doyle"), one list in
`data/title_abbreviations.yml` read three ways: the tokenizer keeps each abbreviation one token
(cut at its full stop, the stop would end a sentence inside the name), a name the model found
drops one from its front (the title is a role, not part of the name), and a role of one is
spelled out for the reader."""

from __future__ import annotations

import functools

from generator.analysis.rule_files import packaged_data

TITLE_ABBREVIATIONS_FILE = "title_abbreviations.yml"
NAME_SUFFIX_ABBREVIATIONS = ("Sr.",)
"""Abbreviations that close a name ("Ray Marsh Sr."): one token too, but no title before one
("Jr." is one of spaCy's own)."""


@functools.cache
def title_abbreviations() -> dict[str, str]:
    """The abbreviation, casefolded -> the title in full ("lt. gov." -> "Lieutenant Governor")."""
    return {str(k).casefold(): str(v) for k, v in packaged_data(TITLE_ABBREVIATIONS_FILE).items()}


@functools.cache
def abbreviated_title_words() -> tuple[str, ...]:
    """Each abbreviated word of the file's titles as written ("Lt.", "Gov." of "Lt. Gov."; not
    "Vice" of "Vice Adm.", a word a name can open with), sorted."""
    keys = packaged_data(TITLE_ABBREVIATIONS_FILE)
    words = {word for key in keys for word in str(key).split()}
    return tuple(sorted(word for word in words if word.endswith(".")))


def tokenizer_abbreviations() -> tuple[str, ...]:
    """The abbreviations the tokenizer must keep whole: the titles' words and names' suffixes."""
    return abbreviated_title_words() + NAME_SUFFIX_ABBREVIATIONS


LEADING_TITLES = frozenset(word.casefold() for word in abbreviated_title_words())
"""Abbreviated titles that open a name the model found ("Sgt. Hoyt Teasley", "Gen. Jones"),
casefolded: cut from the name's front."""
