"""Bad and unsafe input: a clear error naming the file, or a safe brief; the rest still builds."""

from __future__ import annotations

import pytest

from generator.build.pipeline import build_briefs
from generator.settings import Settings
from tests.seed_build import PROJECT
from tests.strict_site import build_strict_site

BODY = "The council approved the budget on Tuesday after a long debate in the city hall.\n"
UNSAFE_TITLES = {
    "dots.md": "../../etc/passwd",
    "slashes.md": "a/b\\\\c: the budget",
    "control.md": "Budget\\u0007 vote\\u200b passes",
    "long.md": "Budget " * 300,
    "punctuation.md": "?!...",
    "cyrillic.md": "Бюджет принят",
    "arabic.md": "الميزانية",
    "colon.md": "key: value # not a comment",
}


@pytest.fixture
def settings(tmp_path):
    content = tmp_path / "content"
    content.mkdir()
    return Settings(content, tmp_path / "briefs", PROJECT / "templates")


def test_unsafe_titles_give_safe_briefs_and_a_strict_site(settings, tmp_path):
    for name, title in UNSAFE_TITLES.items():
        (settings.content_dir / name).write_text(f'---\ntitle: "{title}"\n---\n{BODY}', "utf-8")
    report = build_briefs(settings)
    assert report.errors == []
    written = sorted(p.name for p in settings.briefs_dir.glob("*.md"))
    assert len(written) == len(UNSAFE_TITLES) + 3  # and index.md, tags.md, timeline.md
    for path in settings.briefs_dir.glob("*.md"):
        assert path.parent == settings.briefs_dir
        assert len(path.name) <= 90
    build_strict_site(tmp_path)


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("empty.md", b"", "empty.md: the article is empty: there is no text to analyse"),
        ("blank.txt", b" \n\t\n  ", "blank.txt: the article is empty: there is no text to analyse"),
        (
            "binary.txt",
            bytes(range(256)),
            "binary.txt: this is a binary file, not text: expected UTF-8 text",
        ),
        (
            "cp1252.txt",
            "Headline\n\nThe caf\u00e9 \u2013 opened on Monday in Paris.\n".encode("cp1252"),
            "cp1252.txt:3: not UTF-8 text (byte 0xe9); save the file as UTF-8",
        ),
        (
            "latin1.txt",
            "Headline\n\nThe na\u00efve plan passed on Monday in Paris.\n".encode("latin-1"),
            "latin1.txt:3: not UTF-8 text (byte 0xef); save the file as UTF-8",
        ),
        (
            "huge.txt",
            b"Headline\n\n" + b"The council met again on Monday. " * 200_000,
            "huge.txt: the file is 6,600,010 bytes; articles are limited to 5,000,000 bytes",
        ),
        (
            "types.md",
            b"---\ntitle: [1, 2]\n---\n" + BODY.encode(),
            "types.md:2: front matter 'title': expected a text value, got [1, 2]",
        ),
        (
            "nosentences.md",
            b"---\ntitle: Lists only\n---\n- apples\n- pears\n",
            "nosentences.md:4: no body text found: expected paragraphs of full sentences",
        ),
        (
            "notes.docx",
            b"PK\x03\x04",
            "notes.docx: unsupported file type '.docx': "
            "expected .txt, .md, .markdown, .html or .htm",
        ),
    ],
)
def test_bad_file_is_named_and_the_rest_still_build(settings, name, data, message):
    (settings.content_dir / name).write_bytes(data)
    (settings.content_dir / "good.md").write_text(f"---\ntitle: Good\n---\n{BODY}", "utf-8")
    report = build_briefs(settings)
    assert report.errors == [message]
    assert (settings.briefs_dir / "good.md").exists()


def test_utf16_with_bom_builds(settings):
    text = "Council passes budget\n\n" + BODY
    (settings.content_dir / "utf16.txt").write_bytes(text.encode("utf-16"))
    report = build_briefs(settings)
    assert report.errors == []
    assert (settings.briefs_dir / "council-passes-budget.md").exists()


def test_article_without_named_entities_builds(settings):
    (settings.content_dir / "plain.md").write_text(
        "---\ntitle: Rain\n---\nIt rained all day and the streets were wet by the evening.\n",
        "utf-8",
    )
    assert build_briefs(settings).errors == []
    brief = (settings.briefs_dir / "rain.md").read_text("utf-8")
    assert "The article names no people, organisations or countries." in brief
    assert "The article gives no dated events." in brief


def test_same_title_twice(settings):
    for name in ("a.md", "b.md"):
        (settings.content_dir / name).write_text(f"---\ntitle: Same\n---\n{BODY}", "utf-8")
    report = build_briefs(settings)
    assert report.errors == [
        "b.md: its brief would be briefs/same.md, which a.md already makes; "
        "give one of them another title or a 'slug' in its front matter"
    ]
