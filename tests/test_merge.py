"""Three-way merge of briefs: properties over random edits, plus the cases analysts meet."""

from __future__ import annotations

import yaml
from hypothesis import given
from hypothesis import strategies as st

from generator.site.merge import has_conflict_block, merge_brief, merge_front_matter, merge_lines
from generator.site.render import dump_yaml

BASE = [f"base line {i}\n" for i in range(12)]


@st.composite
def edits(draw, prefix: str, lines: list[str] = BASE):
    """A copy of lines with random deletions, rewrites and insertions of uniquely named lines."""
    result: list[str] = []
    for index, line in enumerate(lines):
        if draw(st.booleans()) and draw(st.booleans()):
            result.append(f"{prefix} inserted before {index}\n")
        fate = draw(st.sampled_from(["keep", "keep", "keep", "delete", "replace"]))
        if fate == "keep":
            result.append(line)
        elif fate == "replace":
            result.append(f"{prefix} rewrote {index}\n")
    if draw(st.booleans()):
        result.append(f"{prefix} appended\n")
    return result


@given(edits("generator"))
def test_unedited_brief_equals_a_fresh_generation(generated):
    merged, conflicts = merge_lines(BASE, list(BASE), generated)
    assert merged == generated and conflicts == ()


@given(edits("analyst"))
def test_unchanged_generation_keeps_the_edited_brief(edited):
    merged, conflicts = merge_lines(BASE, edited, list(BASE))
    assert merged == edited and conflicts == ()


@given(edits("analyst"), edits("generator"))
def test_no_edited_line_is_lost(edited, generated):
    merged, _ = merge_lines(BASE, edited, generated)
    added_by_analyst = [line for line in edited if line not in BASE]
    for line in added_by_analyst:
        assert line in merged
    # A line the analyst deleted stays deleted where the generator left it alone.
    for line in BASE:
        if line not in edited and line in generated:
            assert line not in merged or has_conflict_block("".join(merged))
    assert not any(line.startswith(("<<<<<<<", ">>>>>>>", "=======")) for line in merged)


KEYS = st.sampled_from(["title", "date", "source", "tags", "note"])
# Front matter text is cleaned of control characters before it is written (generator.ingest.clean).
TEXT = st.text(st.characters(exclude_categories=("Cc", "Cs", "Zl", "Zp")), max_size=8)
VALUES = st.one_of(TEXT, st.lists(TEXT, max_size=3))


@given(st.dictionaries(KEYS, VALUES), st.dictionaries(KEYS, VALUES))
def test_front_matter_changes_by_one_side_are_taken(analyst_changes, generator_changes):
    base = {"title": "A", "source": "B", "tags": ["X"]}
    dump = dump_yaml

    edited = {**base, **analyst_changes}
    generated = {**base, **generator_changes}
    merged_text, conflicts = merge_front_matter(dump(base), dump(edited), dump(generated))
    merged = yaml.safe_load(merged_text) or {}
    for key in {*edited, *generated}:
        if edited.get(key) != base.get(key):
            assert merged.get(key) == edited.get(key)  # the analyst wins
        else:
            assert merged.get(key) == generated.get(key)
    conflicting = {
        key
        for key in {*edited, *generated}
        if edited.get(key) != base.get(key)
        and generated.get(key) != base.get(key)
        and edited.get(key) != generated.get(key)
    }
    assert set(conflicts) == {f"front matter: {key}" for key in conflicting}


def test_page_merge_keeps_edited_title_and_takes_new_tags():
    base = "---\ntitle: Old\ntags:\n- A\n---\n# Old\n\n## Key facts\n\n- Fact.\n"
    edited = base.replace("title: Old", "title: Better title").replace("- Fact.", "- Fact, fixed.")
    generated = base.replace("- A\n", "- A\n- B\n") + "- New fact.\n"
    result = merge_brief(base, edited, generated)
    assert result.conflicts == ()
    assert result.text == (
        "---\ntitle: Better title\ntags:\n- A\n- B\n---\n# Old\n\n## Key facts\n\n"
        "- Fact, fixed.\n- New fact.\n"
    )


def test_page_with_broken_edited_front_matter_is_kept():
    base = "---\ntitle: Old\n---\nBody\n"
    edited = "---\ntitle: [broken\n---\nBody\n"
    generated = "---\ntitle: New\n---\nBody\n"
    result = merge_brief(base, edited, generated)
    assert result.text == edited and result.conflicts == ("front matter",)
