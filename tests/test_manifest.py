"""The last build's record: a build with nothing to do reports the same and does nothing."""

from __future__ import annotations

import dataclasses
import re
import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import generator.build.fingerprint
import generator.build.manifest
import generator.build.pipeline
import generator.corpus.timeline_pages
from generator.build.manifest import MANIFEST_FILE
from generator.build.pipeline import build_briefs
from generator.corpus.relate import RelateSettings
from generator.site.display import date_words
from generator.site.write import WriteOutcome
from tests.seed_build import PORTS, PORTS_BRIEF, PROJECT, SEED_SLUG, seed_and_ports

EDIT = "\nAn analyst's note: the port authority disputes the backlog estimate.\n"


@pytest.fixture
def project(tmp_path):
    templates = tmp_path / "templates"
    shutil.copytree(PROJECT / "templates", templates)
    return seed_and_ports(tmp_path, templates)


@pytest.fixture
def full_builds(monkeypatch):
    """How many builds read the content folder (rather than answering from the record)."""
    calls: list[int] = []
    read = generator.build.pipeline.read_articles

    def counting(*args, **options):
        calls.append(1)
        return read(*args, **options)

    monkeypatch.setattr(generator.build.pipeline, "read_articles", counting)
    return calls


@pytest.fixture
def rendered(monkeypatch):
    """The pages builds render, in order (a page not rendered is neither written)."""
    names: list[str] = []
    plan = generator.build.pipeline.plan_pages

    def recording(*args, **options):
        pages = plan(*args, **options)
        return {
            name: dataclasses.replace(page, render=_recorded(name, page.render, names))
            for name, page in pages.items()
        }

    monkeypatch.setattr(generator.build.pipeline, "plan_pages", recording)
    return names


def _recorded(name, render, names):
    def recorded():
        names.append(name)
        return render()

    return recorded


def tree_state(folder):
    files = sorted(p for p in folder.rglob("*") if p.is_file())
    return {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in files}


def full_answer(settings):
    """What a full build would report now, found without writing anything."""
    report = build_briefs(dataclasses.replace(settings, use_cache=False), check=True)
    return report.results, report.orphans


def test_a_rebuild_with_nothing_changed_reads_and_writes_nothing(project, full_builds):
    build_briefs(project)
    before = tree_state(project.briefs_dir)
    report = build_briefs(project)
    assert len(full_builds) == 1
    assert tree_state(project.briefs_dir) == before
    assert report.articles == 2 and report.analysed == 0 and not report.errors
    assert {r.outcome for r in report.results.values()} == {WriteOutcome.UNCHANGED}
    assert (report.results, report.orphans) == full_answer(project)
    assert "2 unchanged from the cache" in report.summary()


def _edit_article(project):
    ports = project.content_dir / "ports.md"
    ports.write_text(PORTS.replace("within a week", "within ten days"), encoding="utf-8")


def _add_article(project):
    text = PORTS.replace("Ports reopen", "Ferries resume").replace("port of", "ferries of")
    (project.content_dir / "ferries.md").write_text(text, encoding="utf-8")


def _remove_article(project):
    (project.content_dir / "ports.md").unlink()


def _add_registry(project):
    registry = "- name: Port of Rotterdam\n  kind: organisation\n"
    (project.content_dir / "actors.yml").write_text(registry, encoding="utf-8")


def _edit_template(project):
    template = next(project.templates_dir.glob("brief*.md*"))
    template.write_text(template.read_text(encoding="utf-8") + "\n", encoding="utf-8")


def _hand_edit_brief(project):
    with (project.briefs_dir / PORTS_BRIEF).open("a", encoding="utf-8") as brief:
        brief.write(EDIT)


def _delete_brief(project):
    (project.briefs_dir / PORTS_BRIEF).unlink(missing_ok=True)


def _delete_base(project):
    (project.generated_dir / PORTS_BRIEF).unlink(missing_ok=True)


CHANGES = [
    _edit_article,
    _add_article,
    _remove_article,
    _add_registry,
    _edit_template,
    _hand_edit_brief,
    _delete_brief,
    _delete_base,
]


@pytest.mark.parametrize("change", CHANGES, ids=lambda change: change.__name__.strip("_"))
def test_any_change_to_what_a_build_reads_or_wrote_means_a_full_build(project, full_builds, change):
    build_briefs(project)
    change(project)
    build_briefs(project)
    assert len(full_builds) == 2
    # The full build leaves a record again, and its answer is the one a full build gives.
    report = build_briefs(project)
    assert len(full_builds) == 2
    assert (report.results, report.orphans) == full_answer(project)


def test_other_settings_model_or_code_mean_a_full_build(project, full_builds, monkeypatch):
    build_briefs(project)
    build_briefs(dataclasses.replace(project, relate=RelateSettings(max_related=2)))
    assert len(full_builds) == 2
    monkeypatch.setattr(generator.build.manifest, "model_identity", lambda name: "another model")
    build_briefs(project)
    assert len(full_builds) == 3
    monkeypatch.setattr(
        generator.build.fingerprint, "generator_fingerprint", lambda: "another version"
    )
    build_briefs(project)
    assert len(full_builds) == 4


def test_more_processes_alone_do_not_rebuild(project, full_builds):
    build_briefs(project)
    build_briefs(dataclasses.replace(project, processes=2))
    assert len(full_builds) == 1


def test_kept_hand_edits_are_reported_again_from_the_record(project, full_builds):
    build_briefs(project)
    _hand_edit_brief(project)
    build_briefs(project)
    report = build_briefs(project)
    assert len(full_builds) == 2
    assert report.results[PORTS_BRIEF].outcome is WriteOutcome.KEPT_EDITS
    assert (project.briefs_dir / PORTS_BRIEF).read_text(encoding="utf-8").endswith(EDIT)


def test_after_a_merge_the_next_build_runs_in_full_and_writes_that_page_again(
    project, full_builds, rendered
):
    build_briefs(project)
    _hand_edit_brief(project)
    _edit_article(project)
    merged = build_briefs(project)
    assert merged.results[PORTS_BRIEF].outcome is WriteOutcome.MERGED
    rendered.clear()
    report = build_briefs(project)
    assert len(full_builds) == 3
    assert report.results[PORTS_BRIEF].outcome is WriteOutcome.KEPT_EDITS
    assert rendered == [PORTS_BRIEF]
    assert (report.results, report.orphans) == full_answer(project)


def test_a_full_build_renders_only_the_pages_whose_data_changed(project, full_builds, rendered):
    build_briefs(project)
    _edit_article(project)
    rendered.clear()
    report = build_briefs(project)
    assert len(full_builds) == 2
    # The Ports brief changed; the seed brief did not, nor did the home page (the edit left the
    # title, date and at-a-glance line it shows) or the timeline (it added no dated event).
    assert PORTS_BRIEF in rendered
    assert f"{SEED_SLUG}.md" not in rendered and "tags.md" not in rendered
    assert "index.md" not in rendered and "timeline.md" not in rendered
    assert report.results[PORTS_BRIEF].outcome is WriteOutcome.UPDATED
    assert report.results[f"{SEED_SLUG}.md"].outcome is WriteOutcome.UNCHANGED
    assert (build_briefs(project).results, []) == (full_answer(project)[0], [])


def test_a_new_opening_renders_the_home_page_again(project, rendered):
    build_briefs(project)
    ports = project.content_dir / "ports.md"
    ports.write_text(PORTS.replace("reopened on Tuesday", "reopened on Wednesday"), "utf-8")
    rendered.clear()
    build_briefs(project)
    assert "index.md" in rendered
    assert "reopened on Wednesday" in (project.briefs_dir / "index.md").read_text("utf-8")


def test_a_new_dated_event_renders_the_timeline_again(project, rendered):
    build_briefs(project)
    with (project.content_dir / "ports.md").open("a", encoding="utf-8") as article:
        article.write("\nOn 3 March 2024 the port authority reopened the northern terminal.\n")
    years_before = {name for name in rendered if name.startswith("timeline/")}
    rendered.clear()
    build_briefs(project)
    # That year's page and the list of years are rendered again; no other year's page is.
    assert "timeline/2024.md" in rendered and "timeline.md" in rendered
    year_page = (project.briefs_dir / "timeline/2024.md").read_text(encoding="utf-8")
    assert date_words("2024-03-03") in year_page
    assert len(years_before) > 1
    assert [name for name in rendered if name.startswith("timeline/")] == ["timeline/2024.md"]


def test_what_briefs_put_on_the_timeline_is_taken_again_under_other_code(project, monkeypatch):
    build_briefs(project)
    timeline = (project.briefs_dir / "timeline.md").read_text(encoding="utf-8")
    assert re.search(r"\d+ events? from", timeline)
    # Code that puts no event on the corpus timeline: the record's parts, taken by the old
    # code from the same analyses, no longer hold.
    monkeypatch.setattr(
        generator.build.fingerprint, "generator_fingerprint", lambda: "another version"
    )
    monkeypatch.setattr(generator.corpus.timeline_pages, "timeline_events", lambda brief: [])
    build_briefs(project)
    timeline = (project.briefs_dir / "timeline.md").read_text(encoding="utf-8")
    assert not re.search(r"\d+ events? from", timeline)


@pytest.mark.parametrize("change", [_hand_edit_brief, _delete_brief, _delete_base])
def test_a_page_touched_since_the_last_build_is_rendered_again(project, rendered, change):
    build_briefs(project)
    change(project)
    # A file the build refuses: the build runs in full, and no brief's data changes.
    (project.content_dir / "notes.docx").write_bytes(b"not an article")
    expected = full_answer(project)
    rendered.clear()
    report = build_briefs(project)
    assert rendered == [PORTS_BRIEF]
    assert (report.results, report.orphans) == expected


def test_the_errors_of_a_build_are_reported_again_from_the_record(project, full_builds):
    (project.content_dir / "notes.docx").write_bytes(b"not an article")
    first = build_briefs(project)
    second = build_briefs(project)
    assert len(full_builds) == 1
    assert first.errors == second.errors and any("notes.docx" in e for e in second.errors)
    assert second.has_errors


def test_check_answers_from_the_record_and_writes_none(project, full_builds):
    build_briefs(project, check=True)
    assert not (project.analysis_cache_dir / MANIFEST_FILE).exists()
    build_briefs(project)
    assert not build_briefs(project, check=True).stale()
    assert len(full_builds) == 2


def test_force_and_no_cache_always_build_in_full(project, full_builds):
    build_briefs(project)
    build_briefs(project, force=True)
    build_briefs(dataclasses.replace(project, use_cache=False))
    assert len(full_builds) == 3


def test_a_damaged_record_means_a_full_build(project, full_builds):
    build_briefs(project)
    (project.analysis_cache_dir / MANIFEST_FILE).write_text("{not json", encoding="utf-8")
    report = build_briefs(project)
    assert len(full_builds) == 2 and not report.errors
    assert report.results[f"{SEED_SLUG}.md"].outcome is WriteOutcome.UNCHANGED


def _nothing(project):
    pass


OPERATIONS = [_nothing, _edit_article, _add_article, _hand_edit_brief, _delete_brief, _delete_base]


@pytest.fixture(scope="module")
def shared_cache(tmp_path_factory):
    """One analysis cache for every example, so each parses its articles once."""
    return tmp_path_factory.mktemp("cache")


@settings(max_examples=8, deadline=None)
@given(st.lists(st.sampled_from(OPERATIONS), min_size=1, max_size=4))
def test_after_any_changes_the_record_answers_as_a_full_build_would(shared_cache, operations):
    with tempfile.TemporaryDirectory() as folder:
        project = dataclasses.replace(
            seed_and_ports(Path(folder), PROJECT / "templates"), cache_dir=shared_cache
        )
        shutil.rmtree(shared_cache / "articles", ignore_errors=True)
        (shared_cache / MANIFEST_FILE).unlink(missing_ok=True)
        build_briefs(project)
        for operation in operations:
            operation(project)
            build_briefs(project)
        answered = build_briefs(project)
        (shared_cache / MANIFEST_FILE).unlink(missing_ok=True)
        full = build_briefs(project, check=True)
        assert (answered.results, answered.orphans, answered.errors) == (
            full.results,
            full.orphans,
            full.errors,
        )
