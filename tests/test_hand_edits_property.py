"""Properties: random hand edits to a real generated brief survive regeneration from a changed
article; an unedited brief becomes exactly the fresh generation; and over sequences of edits,
article changes and reverts (the walk of `benchmarks/hand_edits.py`), no analyst line is lost or
doubled and every conflict is reported."""

from __future__ import annotations

import random
from dataclasses import dataclass

import pytest
from hypothesis import given
from hypothesis import strategies as st

from benchmarks.hand_edits import Tally, walk
from generator.build.pipeline import build_briefs
from generator.settings import Settings
from generator.site.merge import merge_brief
from tests.seed_build import PROJECT
from tests.test_hand_edits import ARTICLE, BRIEF

CHANGES = [
    ("within a week", "within ten days"),
    ("40 ships", "55 ships"),
    ("The storm also closed the port of Antwerp in Belgium for a day.\n",
     "The storm also closed the port of Antwerp in Belgium for a day.\n\n"
     "The Dutch weather office said on Wednesday that another storm was not expected.\n"),
]  # fmt: skip


@pytest.fixture(scope="module")
def generations(tmp_path_factory):
    """The brief of the article, then of the article after each change."""
    texts = []
    for number, article in enumerate(
        [ARTICLE, *(ARTICLE.replace(old, new) for old, new in CHANGES)]
    ):
        root = tmp_path_factory.mktemp(f"generation{number}")
        (root / "content").mkdir()
        (root / "content" / "ports.md").write_text(article, encoding="utf-8")
        settings = Settings(root / "content", root / "briefs", PROJECT / "templates")
        assert not build_briefs(settings).errors
        texts.append((root / "briefs" / BRIEF).read_text(encoding="utf-8"))
    assert len(set(texts)) == len(texts)
    return texts


@st.composite
def hand_edits(draw, lines):
    """Analyst lines inserted after random body lines, and random body lines deleted."""
    body_start = lines.index("---\n", 1) + 1
    edited, added = list(lines[:body_start]), []
    for index, line in enumerate(lines[body_start:], body_start):
        if draw(st.integers(0, 9)) != 0:
            edited.append(line)
        if draw(st.integers(0, 7)) == 0:
            note = f"Analyst note {index}: checked against the wire copy.\n"
            edited += ["\n", note]
            added.append(note)
    return edited, added


@given(data=st.data(), change=st.integers(0, len(CHANGES) - 1))
def test_no_hand_edit_is_lost(generations, data, change):
    base = generations[0]
    edited_lines, added = data.draw(hand_edits(base.splitlines(keepends=True)))
    merged = merge_brief(base, "".join(edited_lines), generations[change + 1]).text
    for note in added:
        assert note in merged
    assert "<<<<<<<" not in merged


@pytest.mark.parametrize("change", range(len(CHANGES)))
def test_unedited_brief_equals_a_fresh_generation(generations, change):
    base, fresh = generations[0], generations[change + 1]
    assert merge_brief(base, base, fresh).text == fresh


def problems(tally: Tally) -> tuple[int, int, int, int, int]:
    return (tally.lost, tally.duplicated, tally.unreported, tally.stale, tally.stacked)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_edits_changes_and_reverts_lose_double_and_hide_nothing(seed):
    tally = walk(100, seed)
    assert problems(tally) == (0, 0, 0, 0, 0), tally.examples
    # The walk met what it tests: conflicts, blocks settled by hand and blocks gone by themselves.
    assert tally.conflicts_reported and tally.blocks_settled and tally.reverts_cleared


@dataclass
class RealArticle:
    """The ports article as its generations show it, changed and reverted at random."""

    rng: random.Random
    texts: list[str]

    def start(self) -> str:
        return self.texts[0]

    def change(self) -> str:
        return self.rng.choice(self.texts)


def test_real_briefs_over_edits_changes_and_reverts_lose_double_and_hide_nothing(generations):
    tally = walk(100, 4, lambda rng: RealArticle(rng, generations))
    assert problems(tally) == (0, 0, 0, 0, 0), tally.examples
    assert tally.conflicts_reported
