"""Run a whole build: read every article, analyse each, relate them, then write all pages.

Gathering everything before writing anything lets related reading see the whole corpus, and a bad
article only costs its own brief.
"""

from __future__ import annotations

import gc
import os
from collections.abc import Callable, Collection, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

import yaml
from jinja2 import Environment

from generator.analysis.analyse import PIPE_BATCH_SIZE, analyse_articles
from generator.analysis.gazetteer import load_gazetteer
from generator.analysis.language import load_model, model_identity
from generator.analysis.registry import Registry, install_registry, load_registry
from generator.build.cache import AnalysisStore, KeptValue
from generator.build.files import FileDigests, FoundFile, walk_files
from generator.build.manifest import (
    BuildRecord,
    FileStates,
    PlannedPage,
    files_after,
    generated_pages,
    inputs_digest,
    load_record,
    manifest_path,
    page_key,
    remember_build,
    render_context,
    reusable_pages,
    scan_files,
    unchanged_since,
    value_digest,
)
from generator.corpus.actor_pages import collect_actor_pages
from generator.corpus.corpus_actors import settle_corpus_actors
from generator.corpus.feed import FEED_PAGE, feed_entries, render_feed
from generator.corpus.listing_pages import (
    has_actor_page,
    plan_actors_index,
    plan_home,
    plan_tags,
)
from generator.corpus.pair_scores import PairScores, score_pairs
from generator.corpus.relate import relate_briefs
from generator.corpus.timeline_pages import TimelineParts, plan_timeline
from generator.errors import BriefError, ContentError
from generator.ingest.read import NOT_ARTICLES, read_article
from generator.models import ActorPage, Article, Brief
from generator.settings import GENERATED_FOLDER, Settings
from generator.site.check import awaiting_review
from generator.site.conflicts import FoundBlock
from generator.site.merge import split_page
from generator.site.render import (
    make_environment,
    newest_first,
    render_actor_page,
    render_brief,
)
from generator.site.write import (
    TEMPORARY_SUFFIX,
    WriteOutcome,
    WriteResult,
    plan_brief,
    write_brief,
)

PIN_KEY = "related_pin"
BLOCK_KEY = "related_block"
ACTORS_FOLDER = "actors"
FEW_COLLECTIONS_THRESHOLD = 200_000
"""New objects between two collections of the youngest generation during a build (Python: 700)."""
SCORES_FILE = "pair-scores.pickle"
DIGESTS_FILE = "file-digests.json"
"""Where a build keeps the digests of the content files it read, in the cache folder."""
"""Where a build keeps the pairs' scores of related reading, in the cache folder."""


@dataclass
class BuildReport:
    """What a build did (or, with check, would do) to each page, and every problem it met."""

    results: dict[str, WriteResult] = field(default_factory=dict)
    """Page file name -> what happened to it."""
    removed: list[str] = field(default_factory=list)
    """Briefs removed because their article is gone and nobody edited them."""
    orphans: list[str] = field(default_factory=list)
    """Briefs whose article is gone, kept because they hold hand edits."""
    errors: list[str] = field(default_factory=list)
    reviews: dict[str, tuple[FoundBlock, ...]] = field(default_factory=dict)
    """Pages holding "Regenerated text" blocks that await a reviewer, after this build."""
    analysed: int = 0
    """Articles parsed in this run; the others' analyses came from a cache."""
    articles: int = 0

    @property
    def has_errors(self) -> bool:
        return bool(self.errors)

    def count(self, outcome: WriteOutcome) -> int:
        return sum(1 for result in self.results.values() if result.outcome is outcome)

    def summary(self) -> str:
        counts = ", ".join(f"{self.count(o)} {o.value}" for o in WriteOutcome if self.count(o))
        extra = f", {len(self.removed)} removed" if self.removed else ""
        reused = self.articles - self.analysed
        analysis = f"{_articles(self.analysed)} analysed" + (
            f", {reused} unchanged from the cache" if reused else ""
        )
        return (
            f"{len(self.results)} pages: {counts or 'none'}{extra}; {analysis}; "
            f"{len(self.errors)} errors"
        )

    def hand_edited(self) -> list[str]:
        """Pages that differ from their generated text: the only ones that can hold a block."""
        edited = (WriteOutcome.KEPT_EDITS, WriteOutcome.MERGED, WriteOutcome.CONFLICT)
        names = [name for name, r in self.results.items() if r.outcome in edited]
        return sorted(names + self.orphans)

    def stale(self) -> list[str]:
        """Pages a build would change or that await a reviewer (for `build --check`)."""
        changing = (WriteOutcome.NEW, WriteOutcome.UPDATED, WriteOutcome.MERGED)
        return sorted(
            [name for name, r in self.results.items() if r.outcome in changing]
            + [name for name, r in self.results.items() if r.outcome is WriteOutcome.CONFLICT]
            + self.removed
        )


def _articles(count: int) -> str:
    return f"{count} article" if count == 1 else f"{count} articles"


AnalysisCache = dict[tuple[Article, str | None, Registry], Brief]
"""Briefs by the article, model and registry they came from (`briefs serve` keeps one)."""


Progress = Callable[[int, int], None]
"""Told (articles analysed so far, articles to analyse) as a build goes."""


def build_briefs(
    settings: Settings,
    check: bool = False,
    force: bool = False,
    analysis_cache: AnalysisCache | None = None,
    progress: Progress | None = None,
) -> BuildReport:
    """Turn every article in content/ into a brief in briefs/, plus the pages that list them.

    With check, nothing is written: the report says what a build would do. With force, briefs
    are regenerated from scratch, hand edits or not, and every article is analysed again.
    """
    with rare_collections():
        return _build_briefs(settings, check, force, analysis_cache, progress)


@contextmanager
def rare_collections() -> Iterator[None]:
    """Let Python look for garbage cycles rarely while a build runs, and as before after it.

    A build loads millions of objects that live until it ends (every brief and its parts), and
    Python's cycle collector would walk them over and over: a tenth of a rebuild's time.
    """
    thresholds = gc.get_threshold()
    gc.set_threshold(max(thresholds[0], FEW_COLLECTIONS_THRESHOLD), *thresholds[1:])
    # What lived before the build (a language model of millions of objects, in `briefs serve`
    # or after an earlier build) is left out of its collections altogether.
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()
        gc.set_threshold(*thresholds)


def _build_briefs(
    settings: Settings,
    check: bool,
    force: bool,
    analysis_cache: AnalysisCache | None,
    progress: Progress | None,
) -> BuildReport:
    if not check:
        remove_interrupted_writes(settings.briefs_dir)
    # Nothing read or written since the last build: its answer still holds.
    record_path = manifest_path(settings)
    digests = FileDigests.open(
        settings.analysis_cache_dir / DIGESTS_FILE if settings.use_cache else None
    )
    content = walk_files(settings.content_dir, hidden=False)
    try:
        context = render_context(settings)
    except OSError:
        context = None  # a template that cannot be read: the build reports it
    inputs = (
        inputs_digest(settings, digests, content, context)
        if record_path is not None and context is not None
        else None
    )
    record = load_record(record_path) if record_path is not None and not force else None
    files = scan_files(settings.briefs_dir)
    if inputs is not None and unchanged_since(record, inputs, files):
        assert record is not None
        report = replayed(record)
        # A conflict awaiting review is in the brief, not in the record: read it there.
        report.reviews = awaiting_review(settings.briefs_dir, report.hand_edited())
        return report
    report = BuildReport()
    # The last build's pair scores are read from disk while the articles are.
    kept_scores = _nothing_kept
    if settings.use_cache and not force:
        kept_scores = KeptValue(settings.analysis_cache_dir / SCORES_FILE).load_meanwhile()
    # Read: every article (those analysed before come with their analysis), collecting the
    # problems of those that cannot be used.
    registry = load_registry(settings.content_dir)
    store = open_store(settings, registry, reuse=not force)
    articles = read_articles(settings.content_dir, report.errors, store, digests, content)
    # Analyse: one brief per article, then links between them.
    environment = make_environment(settings.templates_dir, settings.show_evidence)

    def count_progress(done: int, total: int) -> None:
        report.analysed = done
        if progress is not None:
            progress(done, total)

    report.articles = len(articles)
    analysed = analyse_corpus(
        articles,
        settings,
        registry,
        analysis_cache,
        count_progress,
        store,
        not force,
        not check,
        report.errors,
    )
    if store is not None and not check:
        store.keep_only(articles)
    pinned, blocked = read_related_choices(
        settings.briefs_dir, analysed, report.errors, generated_pages(record, files)
    )
    analysis_keys = {a.slug: store.key(a) for a in articles} if store is not None else None
    briefs, scores_kept = relate_corpus(
        analysed, settings, analysis_keys, kept_scores(), (pinned, blocked), save=not check
    )
    # One actor per entity across the corpus; after relating, whose kept pair scores stand for
    # each analysis as it was made.
    briefs = settle_corpus_actors(briefs)
    # Plan every page of the site before anything is written; a page made from the same data
    # as last time, and untouched since, is neither rendered nor written.
    # What each analysis puts on the timeline holds only for the code that took it.
    is_same_code = record is not None and record.context == context
    timeline_parts = TimelineParts(record.timeline if record is not None and is_same_code else {})
    pages = plan_pages(
        briefs, registry, settings, environment, analysis_keys, timeline_parts, context
    )
    keys = {name: page.key for name, page in pages.items()}
    reusable = reusable_pages(record, files, keys)
    # Write: each page, merged with hand edits; then briefs whose article is gone.
    report.results = write_pages(pages, reusable, settings, check, force)
    _remove_orphans(settings, set(pages), files, report, check)
    report.reviews = awaiting_review(settings.briefs_dir, report.hand_edited())
    scores_kept()
    if record_path is not None and inputs is not None and context is not None and not check:
        touched = [name for name in pages if name not in reusable] + report.removed
        after = files_after(files, settings.briefs_dir, touched)
        remember_build(
            record_path, inputs, settings, report, keys, timeline_parts.used, after, context
        )
        digests.save()
    return report


def write_pages(
    pages: dict[str, PlannedPage],
    reusable: dict[str, WriteOutcome],
    settings: Settings,
    check: bool,
    force: bool,
) -> dict[str, WriteResult]:
    """Render and write every page but the reusable ones (with check, write nothing)."""
    results = {}
    for name, planned in pages.items():
        if name in reusable:
            results[name] = WriteResult(reusable[name])
            continue
        page, base = settings.briefs_dir / name, settings.generated_dir / name
        text = planned.render()
        if check:
            results[name] = plan_brief(page, base, text)[0]
        else:
            results[name] = write_brief(page, base, text, force=force)
    return results


def replayed(record: BuildRecord) -> BuildReport:
    """The report of a build with nothing to do: what the last build's record says it would do."""
    outcomes = record.outcomes() or {}
    results = {name: WriteResult(outcome) for name, outcome in outcomes.items()}
    return BuildReport(
        results, orphans=list(record.orphans), errors=list(record.errors), articles=record.articles
    )


def plan_pages(
    briefs: list[Brief],
    registry: Registry,
    settings: Settings,
    environment: Environment,
    analysis_keys: dict[str, str] | None = None,
    timeline_parts: TimelineParts | None = None,
    context: str | None = None,
) -> dict[str, PlannedPage]:
    """Every page of the site by its path in briefs/: briefs, listings, actors, timeline, feed.

    analysis_keys (slug -> `AnalysisStore.key`) stand for each brief's analysis in its page's
    key, which saves a digest of every brief; its related reading is digested apart. With
    them, timeline_parts keeps what each analysis puts on the timeline from build to build.
    context is the `render_context`, when the build has it already.
    """
    context = context if context is not None else render_context(settings)
    # Actors seen in one brief only have no page: their brief's card says all there is.
    actor_pages = collect_actor_pages(briefs, registry.descriptions)
    registered = {actor.id for actor in registry.actors}
    with_pages = frozenset(page.id for page in actor_pages if has_actor_page(page, registered))
    pages = {
        f"{brief.article.slug}.md": PlannedPage(
            _brief_key(context, brief, analysis_keys, with_pages),
            partial(render_brief, brief, environment, with_pages),
        )
        for brief in briefs
    }
    pages.update(plan_home(newest_first(briefs), environment, context))
    pages.update(plan_tags(briefs, environment, context))
    for actor_page in actor_pages:
        if actor_page.id in with_pages:
            pages[f"{ACTORS_FOLDER}/{actor_page.id}.md"] = PlannedPage(
                page_key(context, value_digest(actor_page), *_linked(actor_page, with_pages)),
                partial(render_actor_page, actor_page, with_pages, environment),
            )
    pages.update(plan_actors_index(actor_pages, with_pages, environment, context))
    pages.update(plan_timeline(briefs, environment, context, analysis_keys, timeline_parts))
    # The feed shows the newest briefs: their keys are its key.
    entries = feed_entries(briefs)
    pages[FEED_PAGE] = PlannedPage(
        page_key(context, FEED_PAGE, *(pages[f"{brief.article.slug}.md"].key for brief in entries)),
        partial(render_feed, entries, settings.site_url, settings.site_name),
    )
    return pages


def _brief_key(
    context: str, brief: Brief, analysis_keys: dict[str, str] | None, with_pages: frozenset[str]
) -> str:
    linked = _linked(brief, with_pages)
    if analysis_keys is None:
        return page_key(context, value_digest(brief), *linked)
    # The analysis key determines the brief but for its related reading and what the corpus
    # settles of its actors, which come later (written out by repr: as unambiguous as JSON, and
    # quicker), and for which of its actors have a page to link to.
    related = repr([(link.title, link.slug, link.reason) for link in brief.related])
    actors = repr([(a.id, a.name, a.kind, a.aliases, a.evidence) for a in brief.actors])
    return page_key(
        context, analysis_keys[brief.article.slug], related, actors, repr(brief.tags), *linked
    )


def _linked(item: Brief | ActorPage, with_pages: frozenset[str]) -> list[str]:
    """The actors a brief or an actor page names that have a page: its links depend on them."""
    if isinstance(item, Brief):
        ids = [actor.id for actor in item.actors]
    else:
        ids = [companion.id for companion in item.companions]
    return [actor_id for actor_id in ids if actor_id in with_pages]


def render_pages(
    briefs: list[Brief], registry: Registry, settings: Settings, environment: Environment
) -> dict[str, str]:
    """Every page of the site, rendered, by its path in briefs/."""
    return {
        name: page.render()
        for name, page in plan_pages(briefs, registry, settings, environment).items()
    }


def analyse_corpus(
    articles: list[Article],
    settings: Settings,
    registry: Registry,
    cache: AnalysisCache | None = None,
    progress: Progress | None = None,
    store: AnalysisStore | None = None,
    reuse_stored: bool = True,
    save_new: bool = True,
    errors: list[str] | None = None,
) -> list[Brief]:
    """Analyse every article with the registry's names ahead of the statistical model.

    Articles analysed before with this model, registry and generator (in the memory cache, or
    in the store on disk unless reuse_stored is off) are not parsed again; the language model is
    loaded only when some article needs parsing. New analyses go into the memory cache, and into
    the store with save_new. An article whose analysis fails has no brief in the list and an
    error in errors, when given (else the failure is raised).
    """
    found = [
        _known_analysis(article, settings, registry, cache, store, reuse_stored)
        for article in articles
    ]
    missing = [article for article, brief in zip(articles, found, strict=True) if brief is None]
    analysed: dict[str, Brief] = {}
    if missing:
        nlp = load_model(settings.model_name)
        install_registry(nlp, registry)
        # A process parses whole batches: more processes than batches only cost their start.
        batches = -(-len(missing) // PIPE_BATCH_SIZE)
        processes = min(settings.processes or os.cpu_count() or 1, batches)
        briefs = analyse_articles(missing, nlp, load_gazetteer(), registry, processes, errors)
        for done, brief in enumerate(briefs, 1):
            analysed[brief.article.path] = brief
            if cache is not None:
                cache[(brief.article, settings.model_name, registry)] = brief
            if store is not None and save_new:
                store.save(brief)
            if progress is not None:
                progress(done, len(missing))
    return [
        known if known is not None else analysed[article.path]
        for article, known in zip(articles, found, strict=True)
        if known is not None or article.path in analysed
    ]


def _known_analysis(
    article: Article,
    settings: Settings,
    registry: Registry,
    cache: AnalysisCache | None,
    store: AnalysisStore | None,
    reuse_stored: bool,
) -> Brief | None:
    """The article's analysis from the memory cache, or from the store unless not to reuse it."""
    key = (article, settings.model_name, registry)
    if cache is not None and key in cache:
        return cache[key]
    stored = store.load(article) if store is not None and reuse_stored else None
    if stored is not None and cache is not None:
        cache[key] = stored
    return stored


def relate_corpus(
    briefs: list[Brief],
    settings: Settings,
    analysis_keys: dict[str, str] | None,
    kept: object | None,
    choices: tuple[dict[str, tuple[str, ...]], dict[str, tuple[str, ...]]],
    save: bool,
) -> tuple[list[Brief], Callable[[], None]]:
    """Relate the briefs, from the pair scores the last build kept (kept) where it can.

    Returns them with their related reading, and the function that waits until the new scores
    are kept for the next build: they are written while the pages are planned and written.
    """
    pinned, blocked = choices
    if not settings.use_cache or analysis_keys is None:
        return relate_briefs(briefs, settings.relate, pinned, blocked), _nothing_to_wait_for
    kept_scores = kept if isinstance(kept, PairScores) else None
    # A brief's features are part of its analysis: its key changes whenever they may.
    inputs = [analysis_keys[brief.article.slug] for brief in briefs]
    scores = score_pairs(briefs, settings.relate.scores, kept_scores, inputs)
    links_before = scores.links
    related = relate_briefs(briefs, settings.relate, pinned, blocked, scores)
    if not save or (scores is kept_scores and scores.links == links_before):
        return related, _nothing_to_wait_for
    return related, KeptValue(settings.analysis_cache_dir / SCORES_FILE).save_meanwhile(scores)


def _nothing_kept() -> object | None:
    return None


def _nothing_to_wait_for() -> None:
    pass


def open_store(settings: Settings, registry: Registry, reuse: bool = True) -> AnalysisStore | None:
    """The on-disk cache of analyses for this model and registry, unless turned off."""
    if not settings.use_cache:
        return None
    return AnalysisStore.open(
        settings.analysis_cache_dir, model_identity(settings.model_name), registry, reuse
    )


def remove_interrupted_writes(briefs_dir: Path) -> None:
    """Delete temporary files a killed build left behind (the pages themselves are intact)."""
    for folder in (briefs_dir, briefs_dir / ".generated"):
        if folder.is_dir():
            for leftover in folder.glob(f".*{TEMPORARY_SUFFIX}"):
                leftover.unlink()


def _remove_orphans(
    settings: Settings, current: set[str], files: FileStates, report: BuildReport, check: bool
) -> None:
    """Remove generated pages nothing makes any more, unless someone edited them.

    Takes the files the briefs folder held before this build wrote any (`scan_files`). While a
    brief whose article is gone is kept for its hand edits, the actor pages it links to are
    kept too, so the site still builds.
    """
    prefix = f"{GENERATED_FOLDER}/"
    names = [
        name.removeprefix(prefix)
        for name in sorted(files)
        if name.startswith(prefix) and name.endswith(".md")
    ]
    for name in sorted(names, key=lambda name: "/" in name):  # briefs first
        if name in current or ("/" in name and report.orphans):
            continue
        page, base = settings.briefs_dir / name, settings.generated_dir / name
        if page.exists() and page.read_bytes() != base.read_bytes():
            report.orphans.append(name)
            continue
        report.removed.append(name)
        if not check:
            page.unlink(missing_ok=True)
            base.unlink()


def read_articles(
    content_dir: Path,
    errors: list[str],
    store: AnalysisStore | None = None,
    digests: FileDigests | None = None,
    files: list[FoundFile] | None = None,
) -> list[Article]:
    """Read every article; record an error for each unusable file or clashing slug.

    With a store, a file whose name and bytes it analysed before is not parsed again (and, with
    digests, not even read when it was not written since): its analysis holds the article.
    Takes the content folder's files as listed (`walk_files`) when given.
    """
    if not content_dir.is_dir():
        raise BriefError(f"{content_dir}: content folder not found")
    articles: list[Article] = []
    slug_owner: dict[str, str] = {}
    for file in files if files is not None else walk_files(content_dir, hidden=False):
        if file.name.rpartition("/")[2] in NOT_ARTICLES:
            continue
        try:
            article = _read_article(file, content_dir, store, digests or FileDigests(None))
        except ContentError as error:
            errors.append(str(error))
            continue
        owner = slug_owner.setdefault(article.slug.casefold(), article.path)
        if owner != article.path:
            errors.append(
                f"{article.path}: its brief would be briefs/{article.slug}.md, which {owner} "
                "already makes; give one of them another title or a 'slug' in its front matter"
            )
            continue
        articles.append(article)
    return articles


def _read_article(
    file: FoundFile, content_dir: Path, store: AnalysisStore | None, digests: FileDigests
) -> Article:
    if store is None:
        return read_article(file.path, content_dir)
    try:
        digest = digests.digest(file)
    except OSError:
        return read_article(file.path, content_dir)  # the error, naming the file
    return store.read(file.name, digest, lambda: read_article(file.path, content_dir))


def read_related_choices(
    briefs_dir: Path, briefs: list[Brief], errors: list[str], generated: Collection[str] = ()
) -> tuple[dict[str, tuple[str, ...]], dict[str, tuple[str, ...]]]:
    """Read the related briefs analysts pinned or blocked in each brief's front matter.

    Pages in generated hold the generator's own text, which names no choices: they are not read.
    """
    pinned: dict[str, tuple[str, ...]] = {}
    blocked: dict[str, tuple[str, ...]] = {}
    for brief in briefs:
        name = f"{brief.article.slug}.md"
        path = briefs_dir / name
        if name in generated or not path.exists():
            continue
        meta = _front_matter(path.read_text(encoding="utf-8"))
        for key, choices in ((PIN_KEY, pinned), (BLOCK_KEY, blocked)):
            value = meta.get(key, [])
            if isinstance(value, str):
                value = [value]
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                errors.append(f"{path}: front matter '{key}': expected a list of brief slugs")
                continue
            choices[brief.article.slug] = tuple(v.removesuffix(".md") for v in value)
    return pinned, blocked


def _front_matter(text: str) -> dict[str, Any]:
    front, _body = split_page(text)
    # Parsing YAML is the slow part of reading ten thousand briefs; most name neither key.
    if front is None or (PIN_KEY not in front and BLOCK_KEY not in front):
        return {}
    try:
        meta = yaml.safe_load(front)
    except yaml.YAMLError:
        return {}
    return meta if isinstance(meta, dict) else {}
