"""The fallback date patterns read the lowered text case-sensitively (faster) only where that
finds exactly what ignoring case finds in the text as written."""

import re
import sys

from generator.analysis.date_mentions import (
    _COMPILED_FALLBACKS,
    CASE_RULE_EXCEPTIONS,
    lowered_for_matching,
)
from generator.analysis.dates import FALLBACK_PATTERNS

WORD, SPACE, DIGIT = re.compile(r"\w"), re.compile(r"\s"), re.compile(r"\d")


def test_lowering_keeps_each_characters_length_and_classes_but_the_exceptions():
    changed = []
    for code in range(sys.maxunicode + 1):
        char = chr(code)
        lower = char.lower()
        if lower == char:
            continue
        same = len(lower) == 1 and all(
            bool(pattern.match(char)) == bool(pattern.match(lower))
            for pattern in (WORD, SPACE, DIGIT)
        )
        if not same:
            changed.append(char)
    assert set(changed) <= CASE_RULE_EXCEPTIONS


def test_the_exceptions_are_every_other_character_ignoring_case_takes_for_an_ascii_letter():
    letter = re.compile("[a-z]", re.IGNORECASE)
    # No character outside ASCII lowers to an ASCII letter: each one ignoring case takes for
    # one is an exception.
    taken = {chr(code) for code in range(128, sys.maxunicode + 1) if letter.fullmatch(chr(code))}
    assert taken == CASE_RULE_EXCEPTIONS


def test_a_text_with_an_exception_is_read_ignoring_case():
    assert lowered_for_matching("The fair opens on Friday in Istanbul.") is not None
    assert lowered_for_matching("The fair opens on Friday in \u0130stanbul.") is None
    assert lowered_for_matching("It was 4 \u212a colder last week.") is None


def test_a_pattern_that_keeps_its_case_reads_the_text_as_written():
    kept = [pattern for pattern in FALLBACK_PATTERNS if "(?-i:" in pattern]
    assert kept, "the weekday pattern keeps its case"
    for pattern, (_, on_lowered) in zip(FALLBACK_PATTERNS, _COMPILED_FALLBACKS, strict=True):
        assert (on_lowered is None) == (pattern in kept)


def test_both_readings_find_the_same_dates_in_mixed_case_text():
    text = (
        "The council met on Monday, 3 MARCH 2025 and again IN 2019 results. Since 2021 the "
        "plant has grown. Last Week the firm said Yesterday's vote, held on June 4, 2020, "
        "stands; it opens next friday, not this Tuesday, and closed in 1998 Before the merger."
    )
    lowered = lowered_for_matching(text)
    assert lowered is not None
    for ignoring_case, on_lowered in _COMPILED_FALLBACKS:
        if on_lowered is None:
            continue
        as_written = [m.span("date") for m in ignoring_case.finditer(text)]
        assert as_written == [m.span("date") for m in on_lowered.finditer(lowered)]
    assert any(
        ignoring_case.search(text)
        for ignoring_case, on_lowered in _COMPILED_FALLBACKS
        if on_lowered
    )
