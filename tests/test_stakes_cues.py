"""Cues of why a story matters as data: every cue of `data/stakes_cues.yml` is the strongest
stake of its example and does not find its counter-example, and the file is checked on load."""

from __future__ import annotations

import pytest

from generator.analysis.at_a_glance import stakes_cues_of
from generator.analysis.language import load_model
from generator.analysis.stakes import load_cues, parse_cues
from generator.errors import BriefError

CUES = load_cues(load_model().vocab).cues


def _sentence(english, text):
    return next(iter(english(text).sents))


@pytest.mark.parametrize("cue", CUES, ids=lambda cue: cue.name)
def test_cue_is_the_strongest_stake_of_its_example(english, cue):
    found = next(stakes_cues_of(_sentence(english, cue.example)), None)
    assert found is not None and found.name == cue.name


@pytest.mark.parametrize("cue", CUES, ids=lambda cue: cue.name)
def test_cue_leaves_its_counter_example(english, cue):
    found = [c.name for c in stakes_cues_of(_sentence(english, cue.counter_example))]
    assert cue.name not in found


def test_cues_are_strongest_first():
    weights = [cue.weight for cue in CUES]
    assert weights == sorted(weights, reverse=True)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("name: x", "cues.yml: expected a list of cues like '- name: ...'"),
        ("- name: x\n  weight: 1", "cues.yml:1: missing 'why'"),
        (
            "- {name: x, weight: heavy, why: w, token_patterns: [[{LOWER: a}]],"
            " example: a, counter_example: b}",
            "cues.yml:1: 'weight': expected a number, got 'heavy'",
        ),
        (
            "- {name: x, weight: 1, why: w, token_patterns: [{LOWER: a}],"
            " example: a, counter_example: b}",
            "cues.yml:1: 'token_patterns': expected a list of Matcher patterns",
        ),
        (
            "- {name: x, weight: 1, why: w, token_patterns: [[{LOWER: a}]], example: a,"
            " counter_example: b, strong: true}",
            "cues.yml:1: unknown field 'strong'",
        ),
    ],
)
def test_a_bad_cues_file_is_reported_by_line(text, message):
    with pytest.raises(BriefError) as error:
        parse_cues(text, "cues.yml")
    assert message in str(error.value)


def test_cues_a_doc_lacks_the_words_of_find_nothing_there_all_the_same(english):
    """`matches` runs only the patterns whose words a doc holds (`word_gates`): it finds what
    every pattern run over every doc finds, on the cues' own sentences and the sample articles."""
    import importlib.resources
    from pathlib import Path

    from spacy.matcher import Matcher

    resource = importlib.resources.files("generator.analysis") / "data" / "stakes_cues.yml"
    every = Matcher(english.vocab)
    for cue, patterns in parse_cues(resource.read_text(encoding="utf-8"), "cues"):
        every.add(cue.name, patterns)
    texts = [text for cue in CUES for text in (cue.example, cue.counter_example)]
    texts += [path.read_text(encoding="utf-8") for path in sorted(Path("content").glob("*.md"))]
    cues = load_cues(english.vocab)
    found_any = 0
    for doc in english.pipe(texts):
        gated = sorted((m.cue.name, m.span.start, m.span.end) for m in cues.matches(doc))
        names = english.vocab.strings
        assert gated == sorted((names[key], start, end) for key, start, end in every(doc))
        found_any += bool(gated)
    assert found_any >= len(CUES)
