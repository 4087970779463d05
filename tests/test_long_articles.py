"""Long articles are parsed in parts and joined; one article's failure never stops the others."""

from __future__ import annotations

import signal

import pytest
from hypothesis import given
from hypothesis import strategies as st

import generator.site.serve
from generator.analysis.analyse import analyse_articles, parse_article, split_text
from generator.build.pipeline import build_briefs
from generator.errors import BriefError
from generator.models import Article
from generator.settings import Settings
from tests.failing_analysis import fail_analysis_of
from tests.seed_build import PORTS, PROJECT

PARAGRAPHS = (
    "The council of Lisbon approved the harbour budget on Tuesday after a long debate.",
    "Mayor Carlos Moedas said the money would repair the old quays before the winter storms.",
    "Opposition leader Ana Pereira said the plan came too late for the fishermen of Belem.",
    "The European Commission will pay a third of the cost, its spokesman Eric Mamer said.",
)


@given(st.text(alphabet=" \n.a!", max_size=300), st.integers(min_value=1, max_value=40))
def test_the_parts_join_back_into_the_text_and_none_is_too_long(text, max_chars):
    parts = split_text(text, max_chars)
    assert "".join(parts) == text
    assert all(len(part) <= max_chars for part in parts)
    assert all(parts) or parts == [""]


def test_a_part_ends_after_a_paragraph_break_first_then_a_sentence_end():
    assert split_text("One two.\n\nThree four. Five six", 16) == [
        "One two.\n\n",
        "Three four. ",
        "Five six",
    ]


@pytest.fixture
def short_limit(english, monkeypatch):
    """The model refuses texts of over 600 characters, so parts are at most 300."""
    monkeypatch.setattr(english, "max_length", 600)
    return english


def long_article() -> Article:
    paragraphs = tuple(f"{text} It was day {n}." for n in range(6) for text in PARAGRAPHS)
    # A name only the last part holds.
    paragraphs += ("President Marcelo Rebelo de Sousa signed the budget into law on Friday.",)
    return Article(
        path="long.md", slug="long", title="Lisbon harbour budget", paragraphs=paragraphs
    )


def test_an_article_longer_than_the_model_accepts_is_parsed_in_parts_and_joined(short_limit):
    article = long_article()
    assert len(article.body) > 4 * short_limit.max_length
    doc = parse_article(article, short_limit)
    # The joined doc is the body, character for character, with its sentences and names.
    assert doc.text == article.body
    assert doc.has_annotation("DEP") and doc.has_annotation("ENT_IOB")
    starts = {sentence.start_char for sentence in doc.sents}
    assert all(article.body.index(p) in starts for p in article.paragraphs[:4])
    assert {e.text for e in doc.ents if e.label_ == "PERSON"} >= {"Carlos Moedas", "Ana Pereira"}


def test_the_brief_of_a_long_article_is_the_analysis_of_the_whole_body(short_limit, gazetteer):
    article = long_article()
    (brief,) = analyse_articles([article], short_limit, gazetteer, errors=[])
    whole = short_limit.max_length
    short_limit.max_length = 10 * len(article.body)
    (reference,) = analyse_articles([article], short_limit, gazetteer)
    short_limit.max_length = whole
    assert {a.name for a in brief.actors} == {a.name for a in reference.actors}
    assert {a.name for a in brief.actors} >= {
        "Carlos Moedas",
        "Ana Pereira",
        "Marcelo Rebelo de Sousa",
    }
    assert all(fact.text in article.body for fact in brief.key_facts)


def test_an_article_whose_analysis_fails_is_named_and_the_others_analysed(
    english, gazetteer, monkeypatch
):
    articles = [
        Article(path=f"{slug}.md", slug=slug, title=slug, paragraphs=PARAGRAPHS[:2])
        for slug in ("first", "broken", "last")
    ]
    fail_analysis_of("broken", monkeypatch)
    errors: list[str] = []
    briefs = list(analyse_articles(articles, english, gazetteer, errors=errors))
    assert [brief.article.slug for brief in briefs] == ["first", "last"]
    assert errors == [
        "broken.md: the analysis failed (IndexError: list index out of range); the other "
        "articles are built; please report this article"
    ]


def test_a_build_reports_the_failed_article_and_writes_the_others(tmp_path, monkeypatch):
    content = tmp_path / "content"
    content.mkdir()
    (content / "ports.md").write_text(PORTS, encoding="utf-8")
    (content / "lisbon.md").write_text("# Lisbon harbour\n\n" + "\n\n".join(PARAGRAPHS))
    fail_analysis_of("lisbon-harbour", monkeypatch)
    settings = Settings(content, tmp_path / "briefs", PROJECT / "templates")
    report = build_briefs(settings)
    assert [error.split(":")[0] for error in report.errors] == ["lisbon.md"]
    assert (settings.briefs_dir / "ports-reopen-after-the-storm.md").exists()
    assert not (settings.briefs_dir / "lisbon-harbour.md").exists()


class FakeServer:
    """Stands in for `mkdocs serve`: each poll makes the next change, then it stops."""

    def __init__(self, changes) -> None:
        self.changes = list(changes)

    def poll(self):
        if self.changes:
            self.changes.pop(0)()
            return None
        return 0

    def terminate(self) -> None:
        pass

    def wait(self) -> None:
        pass


def test_serve_keeps_rebuilding_after_an_article_or_a_build_fails(tmp_path, monkeypatch, capsys):
    content = tmp_path / "content"
    content.mkdir()
    (content / "ports.md").write_text(PORTS, encoding="utf-8")
    settings = Settings(content, tmp_path / "briefs", PROJECT / "templates", use_cache=False)
    fail_analysis_of("lisbon-harbour", monkeypatch)
    real_build = generator.site.serve.build_briefs
    builds = {"count": 0}

    def build(*args, **kwargs):
        builds["count"] += 1
        if builds["count"] == 3:
            raise KeyError("a bug")
        return real_build(*args, **kwargs)

    def add(name: str, text: str):
        return lambda: (content / name).write_text(text, encoding="utf-8")

    changes = [
        add("lisbon.md", "# Lisbon harbour\n\n" + "\n\n".join(PARAGRAPHS)),
        add("ports.md", PORTS + "\nThe harbour master said the quays were safe again.\n"),
        add("rome.md", "# Rome meets\n\n" + PARAGRAPHS[0].replace("Lisbon", "Rome")),
    ]
    server = FakeServer(changes)
    monkeypatch.setattr(generator.site.serve.subprocess, "Popen", lambda *a, **k: server)
    monkeypatch.setattr(generator.site.serve, "build_briefs", build)
    monkeypatch.setattr(generator.site.serve.signal, "signal", lambda *args: signal.SIG_DFL)
    outcomes: list[object] = []
    generator.site.serve.serve(settings, "127.0.0.1:0", tmp_path / "mkdocs.yml", outcomes.append, 0)
    assert len(outcomes) == 4
    first, failed_article, failed_build, _last = outcomes
    assert not first.errors
    assert failed_article.errors[0].startswith("lisbon.md: the analysis failed (IndexError")
    assert isinstance(failed_build, BriefError)
    assert str(failed_build) == "the build failed (KeyError: 'a bug'); still watching"
    assert (settings.briefs_dir / "rome-meets.md").exists()
    assert "KeyError" in capsys.readouterr().err
