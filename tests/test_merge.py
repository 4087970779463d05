"""Three-way merge of briefs: properties over random edits, plus the cases analysts meet."""

from __future__ import annotations

import yaml
from hypothesis import given
from hypothesis import strategies as st

from generator.site.check import conflict_blocks
from generator.site.conflicts import Conflict, ConflictBlock, block_lines, split_blocks
from generator.site.line_merge import merge_lines
from generator.site.merge import merge_body, merge_brief, merge_front_matter
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
            assert line not in merged or conflict_blocks("".join(merged))
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
    assert result.text == edited and result.conflicts == (Conflict("front matter", 1),)


# A brief's lines around one key fact, and what an analyst and the generator make of it.
PAGE = ["# Ports\n", "\n", "## Key facts\n", "\n", "- A fact.\n", "- Another fact.\n", "\n"]
ANALYST = "- A fact, as the analyst put it.\n"


def rewritten(lines: list[str], fact: str | None) -> list[str]:
    """lines with the first fact replaced by fact, or dropped (None)."""
    return [
        new for line in lines for new in ([line] if line != "- A fact.\n" else [fact] * bool(fact))
    ]


def merge(base: list[str], edited: list[str], generated: list[str]):
    """The body merge a build does: blocks in edited read back, then written again."""
    return merge_body("".join(base), "".join(edited), "".join(generated))


def test_a_conflict_keeps_the_analyst_and_names_section_and_line():
    merged, conflicts = merge(PAGE, rewritten(PAGE, ANALYST), rewritten(PAGE, "- B.\n"))
    assert conflicts == (Conflict("Key facts", 5),)
    assert merged[4] == ANALYST
    (block,) = conflict_blocks("".join(merged))
    assert block.block is not None
    assert (block.block.suggested, block.block.edited_from) == (("- B.\n",), ("- A fact.\n",))
    assert block.section == "Key facts" and block.first_line == 7


def test_reverting_the_generation_removes_the_block_and_keeps_the_edit_once():
    edited = rewritten(PAGE, ANALYST)
    changed = rewritten(PAGE, "- B.\n")
    with_block = merge(PAGE, edited, changed)[0]
    assert merge(changed, with_block, PAGE) == (edited, ())


def test_a_second_change_replaces_the_block_and_keeps_what_the_analyst_edited():
    changed = rewritten(PAGE, "- B.\n")
    with_block = merge(PAGE, rewritten(PAGE, ANALYST), changed)[0]
    merged, conflicts = merge(changed, with_block, rewritten(PAGE, "- C.\n"))
    (block,) = conflict_blocks("".join(merged))
    assert block.block is not None and len(conflicts) == 1
    assert (block.block.suggested, block.block.edited_from) == (("- C.\n",), ("- A fact.\n",))


def test_the_block_goes_when_the_generator_writes_the_analysts_text():
    changed = rewritten(PAGE, "- B.\n")
    with_block = merge(PAGE, rewritten(PAGE, ANALYST), changed)[0]
    assert merge(changed, with_block, rewritten(PAGE, ANALYST)) == (rewritten(PAGE, ANALYST), ())


def test_a_settled_block_stays_settled():
    changed = rewritten(PAGE, "- B.\n")
    with_block = "".join(merge(PAGE, rewritten(PAGE, ANALYST), changed)[0])
    (block,) = conflict_blocks(with_block)
    settled = with_block.replace("".join(block.lines), "")
    assert settled == "".join(rewritten(PAGE, ANALYST))
    # The analyst kept their wording over "- B.": a later generation leaves it alone.
    lines = settled.splitlines(keepends=True)
    assert merge(changed, lines, [*changed, "- New.\n"]) == ([*lines, "- New.\n"], ())


def test_dropped_text_the_analyst_edited_is_a_conflict_that_says_so():
    merged, conflicts = merge(PAGE, rewritten(PAGE, ANALYST), rewritten(PAGE, None))
    assert len(conflicts) == 1
    text = "".join(merged)
    assert "*Nothing: the generator no longer writes this.*" in text
    (block,) = conflict_blocks(text)
    assert block.block is not None and block.block.suggested == ()


def test_a_line_both_sides_added_is_written_once():
    edited = [*PAGE, "- Fact both wrote.\n", "Analyst note.\n"]
    generated = [*PAGE, "- Fact both wrote.\n", "- New fact.\n"]
    assert "".join(merge(PAGE, edited, generated)[0]).count("- Fact both wrote.\n") == 1


def test_a_line_the_analyst_already_holds_elsewhere_is_not_written_again():
    base = ["## Key facts\n", "\n", "- One.\n", "- Two.\n", "\n", "## Timeline\n", "\n", "- T.\n"]
    # The analyst kept "- Old." at the top when the generator dropped it; it comes back lower.
    edited = ["- Old.\n", *base]
    generated = [*base[:3], "- Old.\n", *base[3:]]
    merged, conflicts = merge(base, edited, generated)
    assert merged.count("- Old.\n") == 1 and conflicts == ()


def test_a_block_after_a_card_heading_sits_inside_the_card():
    card = ["-   **Jan** · person\n", "\n", "    ---\n", "\n", "    **Mentions:** 1\n", "\n"]
    base = [*card, "</div>\n"]
    edited = ["-   **Jan de Vries** · person\n", *base[1:]]
    generated = ["-   **J. de Vries** · person\n", *base[1:]]
    merged, _ = merge(base, edited, generated)
    text = "".join(merged)
    # At the heading's own indentation the block would end the card, and Markdown (and the next
    # merge) would read the rest of the card into the block.
    assert '\n    ??? note "Regenerated text' in text
    kept, blocks = split_blocks(merged)
    assert kept == edited and len(blocks) == 1


def test_a_block_someone_edited_is_kept_as_it_is():
    changed = rewritten(PAGE, "- B.\n")
    with_block = "".join(merge(PAGE, rewritten(PAGE, ANALYST), changed)[0])
    scribbled = with_block.replace("    - B.\n", "    - B, says who?\n")
    (block,) = conflict_blocks(scribbled)
    merged, conflicts = merge(changed, scribbled.splitlines(keepends=True), [*changed, "- New.\n"])
    assert "".join(block.lines) in "".join(merged) and conflicts == ()


CONTENT = st.lists(
    st.sampled_from(
        ["\n", "- A fact.\n", "    **Role:** x<br>\n", "```\n", "````python\n", "  \n"]
    ),
    max_size=6,
)


@given(CONTENT, CONTENT.filter(bool), st.sampled_from(["", "    ", "        "]))
def test_a_block_reads_back_exactly_what_it_holds(suggested, edited_from, indent):
    written = "".join(["Analyst text.\n", *block_lines(ConflictBlock(
        tuple(suggested), tuple(edited_from), indent
    )), "After.\n"])  # fmt: skip
    kept, (found,) = split_blocks(written.splitlines(keepends=True))
    assert kept == ["Analyst text.\n", "After.\n"]
    assert found.block == ConflictBlock(tuple(suggested), tuple(edited_from), indent)


def test_a_line_the_analyst_moved_out_of_a_region_is_not_written_there_again():
    base = ["-   **Ana**\n", "    Mayor\n", "-   **Jan**\n", "    Harbour master\n", "</div>\n"]
    # The analyst rewrote Ana's role and moved Jan's heading to the end of the page.
    edited = ["-   **Ana**\n", "    Mayor of Rotterdam\n", "    Harbour master\n", "</div>\n"]
    edited.append("-   **Jan**\n")
    # The generator drops Ana's card: Jan's heading is written where Ana's was.
    generated = base[2:]
    merged, conflicts = merge(base, edited, generated)
    page, blocks = split_blocks(merged)
    assert page.count("-   **Jan**\n") == 1
    # The analyst's edit of a card the generator dropped is still a conflict.
    assert len(conflicts) == len(blocks) == 1


def test_a_line_only_the_generator_dropped_is_never_kept_silently():
    base = ["## Key facts\n", "\n", "- Ships wait.\n", "- Antwerp closed.\n", "\n", "## End\n"]
    edited = [*base[:2], "- 40 ships wait.\n", *base[3:]]
    generated = [*base[:2], "- 40 ships wait.\n", *base[4:]]
    merged, conflicts = merge(base, edited, generated)
    # Both rewrote the first fact alike; only the generator dropped the second. Kept without a
    # word (as before), the analyst would never learn the article lost it.
    (block,) = conflict_blocks("".join(merged))
    assert conflicts == (Conflict("Key facts", 3),)
    assert block.block is not None and "- Antwerp closed.\n" in block.block.edited_from
