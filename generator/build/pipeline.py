"""Run a whole build: read every article, analyse each, relate them, then plan and write all pages.

Gathering everything before writing anything lets related reading see the whole corpus, and a bad
article only costs its own brief. What earlier builds left is asked for, and what this one makes
is kept, through one object (`memory.BuildMemory`): the story is the same with or without a cache.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from generator.analysis.corpus import Progress, analyse_corpus
from generator.analysis.registry import load_registry
from generator.build.memory import AnalysisCache, BuildMemory
from generator.build.report import BuildReport
from generator.corpus.actor_pages import ActorPagesMade
from generator.corpus.corpus_actors import settle_corpus_actors
from generator.corpus.reading import read_related_choices, relate_corpus
from generator.corpus.site_plan import plan_pages
from generator.ingest.content import read_articles
from generator.settings import Settings
from generator.site.check import awaiting_review
from generator.site.publish import hand_edited, remove_orphans, write_pages

FEW_COLLECTIONS_THRESHOLD = 200_000
"""New objects between two collections of the youngest generation during a build (Python: 700)."""


def build_briefs(
    settings: Settings,
    *,
    check: bool = False,
    force: bool = False,
    analysis_cache: AnalysisCache | None = None,
    actor_pages: ActorPagesMade | None = None,
    progress: Progress | None = None,
    on_written: Callable[[], None] | None = None,
) -> BuildReport:
    """Turn every article in content/ into a brief in briefs/, plus the pages that list them.

    With check, nothing is written: the report says what a build would do. With force, briefs
    are regenerated from scratch, hand edits or not, and every article is analysed again.
    A process that builds again and again (`briefs serve`) keeps the analyses (and how their
    actors settled) and the actor pages it made in analysis_cache and actor_pages for the next
    build. on_written is called once this build's pages are in place, before what it keeps for
    the next build is saved: `briefs serve` has MkDocs render the pages meanwhile.
    """
    with (
        rare_collections(),
        BuildMemory.open(
            settings, is_reusing=not force, is_keeping=not check, in_memory=analysis_cache
        ) as memory,
    ):
        # Nothing read or written since the last build: its answer still holds, unless this
        # process keeps actor pages and has none yet (`briefs serve` starting): it plans them
        # once, so that the first edit need not.
        answer = memory.last_answer()
        if answer is not None and (actor_pages is None or actor_pages.pages):
            # A conflict awaiting review is in the brief, not in the record: read it there.
            edited = hand_edited(answer.results, answer.orphans)
            answer.reviews = awaiting_review(settings.briefs_dir, edited)
            return answer
        report = BuildReport()
        # Read every article, collecting the problems of those that cannot be used; an article
        # read before comes from the memory, unparsed.
        kept = memory.kept_articles()
        articles = read_articles(settings.content_dir, report.errors, memory.content, kept)
        # Analyse each article not analysed before, the registry's names ahead of the model;
        # an article whose analysis fails is reported, and the others are analysed all the same.
        registry = load_registry(settings.content_dir)
        known = memory.analyses(registry)
        briefs = analyse_corpus(articles, registry, settings, known, progress, report.errors)
        report.articles, report.analysed = len(articles), memory.analyses_made
        # Relate the briefs to each other, as analysts pinned or blocked some.
        generated = memory.generated_pages()
        choices = read_related_choices(settings.briefs_dir, briefs, report.errors, generated)
        relation = relate_corpus(briefs, settings.relate, choices, memory.kept_related(briefs))
        # One actor per entity across the corpus; after relating, whose kept pair scores stand
        # for each analysis as it was made.
        settled = analysis_cache.settled if analysis_cache is not None else None
        briefs = settle_corpus_actors(relation.briefs, settled)
        # Plan every page of the site before anything is written.
        pages = plan_pages(briefs, registry, settings, memory.page_keys(briefs), actor_pages)
        # Render and write each page whose data changed, merged with hand edits; then remove
        # the pages nothing makes any more.
        reusable = memory.reusable_pages(pages)
        report.results = write_pages(pages, reusable, settings, check=check, force=force)
        report.removed, report.orphans = remove_orphans(
            settings, set(pages), memory.files_before, check=check
        )
        if on_written is not None:
            on_written()
        # The pages whose "Regenerated text" blocks await a reviewer, after this build.
        edited = hand_edited(report.results, report.orphans)
        report.reviews = awaiting_review(settings.briefs_dir, edited)
        # Remember what the next build can reuse.
        memory.remember_build(report, pages, relation)
        return report


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
