"""What earlier builds left for this one, and what this one leaves for the next.

A build asks its memory what it can reuse: the last build's answer when nothing changed since, the
article and analysis of each content file read before, related reading's scores and links, and
which pages were made from the same data as last time and left untouched. It tells its memory
what to remember: each new analysis as soon as it is made, then the build's scores, links and
record. All of it lives in the cache folder (`store`, `manifest`, `files`); without a cache
(`--no-cache`) the memory reuses and keeps nothing, with `--force` it reuses nothing, and with
`--check` it keeps nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType

from generator.analysis.language import model_identity
from generator.analysis.registry import Registry
from generator.build import manifest
from generator.build.files import FileDigests, FoundFile, walk_files
from generator.build.manifest import BuildRecord, FileStates
from generator.build.report import BuildReport
from generator.build.store import AnalysisKeys, KeptAnalysis, Store, registry_digest
from generator.corpus.corpus_actors import ActorsSettled
from generator.corpus.pages import PlannedPage
from generator.corpus.pair_scores import PairScores
from generator.corpus.reading import KeptRelated, Relation
from generator.corpus.relate import MadeLinks
from generator.corpus.site_plan import PageKeys
from generator.corpus.timeline_pages import TimelineParts
from generator.models import Article, Brief
from generator.settings import Settings
from generator.site.write import WriteOutcome

DIGESTS_FILE = "file-digests.json"
"""Where a build keeps the digests of the content files it read, in the cache folder."""
SCORES = "pair scores"
"""The name related reading's pair scores are kept under in the store."""
MOVED_TO_KEEP_SCORES = 0.02
"""The share of briefs whose scores moved since the scores were kept from which they are kept
anew. Until then each build corrects the older kept scores, which gives the same scores
(`pair_scores`) and saves writing them; links made since are kept, as they are small."""
LINKS = "related links"
"""The name of the links related reading made of those scores (`relate.MadeLinks`)."""


@dataclass
class AnalysisCache:
    """The analyses a process that builds again and again holds between builds (`briefs serve`)."""

    briefs: dict[tuple[Article, str | None, Registry], Brief] = field(default_factory=dict)
    """Briefs by the article, model and registry they came from."""
    kept: dict[bytes, KeptAnalysis] = field(default_factory=dict)
    """The store's analyses by key, as the last build read or made them: a rebuild reads from
    the store (and unpickles) only those of the files written since."""
    settled: ActorsSettled = field(default_factory=ActorsSettled)
    """How the last build settled each brief's actors against the corpus."""
    record: tuple[tuple[int, int, int], BuildRecord] | None = None
    """The last build's record, with the size, time and inode of the file it was saved to:
    read again only when the file is no longer the one this process wrote."""


@dataclass
class BuildMemory:
    """The cache folder as one build sees it: what the build may reuse, and what it keeps."""

    settings: Settings
    is_reusing: bool
    """Take what earlier builds kept (off with `--force`)."""
    is_keeping: bool
    """Keep what this build makes for the next one (off with `--check`)."""
    content: list[FoundFile]
    """The files of the content folder, as this build found them."""
    files_before: FileStates
    """The files of the briefs folder before this build wrote any."""
    digests: FileDigests
    record: BuildRecord | None
    """The last build's record, when there is one to reuse."""
    context: str | None
    """The render context (`manifest.render_context`); None when a template cannot be read."""
    inputs: str | None
    """Digest of everything this build reads (`manifest.inputs_digest`), when it has one."""
    store: Store | None
    in_memory: AnalysisCache | None = None
    file_keys: dict[str, bytes] = field(default_factory=dict)
    """The key of each content file's analysis, by the file's name."""
    kept: dict[str, KeptAnalysis] = field(default_factory=dict)
    """The kept analysis of each content file that has one, by the file's name."""
    registry: str = ""
    """The digest of the registry this build analyses with."""
    analyses_made: int = 0
    related_before: KeptRelated | None = None
    reused_pages: dict[str, WriteOutcome] = field(default_factory=dict)
    timeline: TimelineParts = field(default_factory=TimelineParts)

    @classmethod
    def open(
        cls,
        settings: Settings,
        *,
        is_reusing: bool,
        is_keeping: bool,
        in_memory: AnalysisCache | None = None,
    ) -> BuildMemory:
        """The memory of the cache folder of settings, with what the last build recorded."""
        record_path = manifest.manifest_path(settings)
        if record_path is None:
            digests = FileDigests(None)  # no cache: every file is read
        else:
            digests = FileDigests.open(settings.analysis_cache_dir / DIGESTS_FILE)
        content = walk_files(settings.content_dir, hidden=False)
        try:
            context: str | None = manifest.render_context(settings)
        except OSError:
            context = None  # a template that cannot be read: the build reports it
        has_inputs = record_path is not None and context is not None
        memory = cls(
            settings,
            is_reusing,
            is_keeping,
            content=content,
            files_before=manifest.scan_files(settings.briefs_dir),
            digests=digests,
            record=_last_record(record_path, in_memory) if record_path and is_reusing else None,
            context=context,
            inputs=manifest.inputs_digest(settings, digests, content, context)
            if has_inputs
            else None,
            store=Store.open(settings.analysis_cache_dir, is_keeping) if record_path else None,
            in_memory=in_memory,
        )
        if memory.record is not None and memory.record.context == context:
            # What each analysis puts on the timeline holds only for the code that took it.
            memory.timeline = TimelineParts(memory.record.timeline)
        return memory

    def __enter__(self) -> BuildMemory:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType
    ) -> None:
        if self.store is not None:
            self.store.close()

    # What can this build reuse?

    def last_answer(self) -> BuildReport | None:
        """The last build's report, when nothing it read or wrote has changed since."""
        if self.inputs is None or not manifest.unchanged_since(
            self.record, self.inputs, self.files_before
        ):
            return None
        assert self.record is not None
        return manifest.replayed(self.record)

    def kept_articles(self) -> dict[str, Article]:
        """The article of each content file read before, by file name, as it was read then.

        A file is known by its name and the digest of its bytes, so a kept article is not
        parsed again, nor its file read when it was not written since (`FileDigests`).
        """
        if self.store is None:
            return {}
        keys = AnalysisKeys.of(model_identity(self.settings.model_name))
        for file in self.content:
            try:
                self.file_keys[file.name] = keys.key(file.name, self.digests.digest(file))
            except OSError:
                continue  # reading the file will say what is wrong with it
        if self.is_reusing:
            kept = self._kept_analyses(set(self.file_keys.values()))
            for name, key in self.file_keys.items():
                analysis = kept.get(key)
                if analysis is not None and analysis.brief.article.path == name:
                    self.kept[name] = analysis
        return {name: analysis.brief.article for name, analysis in self.kept.items()}

    def _kept_analyses(self, keys: set[bytes]) -> dict[bytes, KeptAnalysis]:
        """The kept analyses of these keys: those this process holds, the others from the store."""
        assert self.store is not None
        if self.in_memory is None:
            return self.store.analyses(keys)
        held = self.in_memory.kept
        found = {key: held[key] for key in keys & held.keys()}
        if len(found) < len(keys):
            found |= self.store.analyses(keys - found.keys())
        # What no file of this build has any more is let go.
        held.clear()
        held.update(found)
        return found

    def analyses(self, registry: Registry) -> KeptAnalyses:
        """The analyses made before with this registry, and where to keep new ones."""
        self.registry = registry_digest(registry)
        return KeptAnalyses(self, registry)

    def kept_related(self, briefs: list[Brief]) -> KeptRelated | None:
        """Related reading's scores and links kept by the last build; None without a store."""
        if self.store is None:
            return None
        # A brief's features are part of its analysis: its key changes whenever they may.
        inputs = [self.analysis_key(brief) for brief in briefs]
        self.related_before = KeptRelated(None, None, inputs)
        if self.is_reusing:
            scores, links = self.store.kept(SCORES, PairScores), self.store.kept(LINKS, MadeLinks)
            self.related_before = KeptRelated(scores, links, inputs)
        return self.related_before

    def generated_pages(self) -> set[str]:
        """Pages that hold exactly their generated text, as the last build left them."""
        return manifest.generated_pages(self.record, self.files_before)

    def page_keys(self, briefs: list[Brief]) -> PageKeys:
        """What the keys of the pages are made from besides their own data."""
        keys = None
        if self.store is not None:
            keys = {brief.article.slug: self.analysis_key(brief) for brief in briefs}
        return PageKeys(self.context or "", keys, self.timeline)

    def reusable_pages(self, pages: dict[str, PlannedPage]) -> dict[str, WriteOutcome]:
        """Pages made from the same data as last time and untouched since: what a build would
        do to each, without rendering it."""
        keys = {name: page.key for name, page in pages.items()}
        self.reused_pages = manifest.reusable_pages(self.record, self.files_before, keys)
        return self.reused_pages

    def analysis_key(self, brief: Brief) -> str:
        """Digest of everything a brief's analysis depends on: its file, the code, the model,
        the registry; it stands for the whole analysis."""
        return f"{self.file_keys[brief.article.path].hex()}-{self.registry[:16]}"

    # Remember this.

    def remember_build(
        self, report: BuildReport, pages: dict[str, PlannedPage], relation: Relation
    ) -> None:
        """Keep related reading's scores and links and the build's record; forget the analyses
        of files no longer read."""
        if self.store is None or not self.is_keeping:
            return
        self._keep_related(relation)
        self.store.keep_only_analyses(self.file_keys[b.article.path] for b in relation.briefs)
        if self.inputs is None or self.context is None:
            return
        touched = [name for name in pages if name not in self.reused_pages] + report.removed
        after = manifest.files_after(self.files_before, self.settings.briefs_dir, touched)
        keys = {name: page.key for name, page in pages.items()}
        path = self.settings.analysis_cache_dir / manifest.MANIFEST_FILE
        timeline = self.timeline.used
        record = manifest.remember_build(
            path, self.inputs, report, keys, timeline, after, self.context
        )
        if self.in_memory is not None:
            self.in_memory.record = (_file_signature(path), record)
        self.digests.save()

    def _keep_related(self, relation: Relation) -> None:
        """Keep the scores and links related reading made, where they differ from those kept."""
        assert self.store is not None
        before = self.related_before or KeptRelated(None, None, [])
        changed: dict[str, object] = {}
        moved = int(relation.scores.moved.sum())
        if before.scores is None or moved > MOVED_TO_KEEP_SCORES * len(relation.briefs):
            changed[SCORES] = relation.scores
        if changed or before.links != relation.reading.links:
            changed[LINKS] = relation.reading.links  # made from the scores kept with them
        if changed:
            self.store.keep(changed)


def _last_record(path: Path, in_memory: AnalysisCache | None) -> BuildRecord | None:
    """The record at path: the one this process holds when the file is the one it wrote."""
    if in_memory is None:
        return manifest.load_record(path)
    try:
        signature = _file_signature(path)
    except OSError:
        return None
    if in_memory.record is not None and in_memory.record[0] == signature:
        return in_memory.record[1]
    record = manifest.load_record(path)
    in_memory.record = None if record is None else (signature, record)
    return record


def _file_signature(path: Path) -> tuple[int, int, int]:
    """Size, modification time and inode: a file replaced or written since has others."""
    status = path.stat()
    return (status.st_size, status.st_mtime_ns, status.st_ino)


@dataclass
class KeptAnalyses:
    """The analyses a build may take for one registry (`analysis.corpus.KnownAnalyses`)."""

    memory: BuildMemory
    registry: Registry

    def analysis(self, article: Article) -> Brief | None:
        """The analysis of an article made before with this model, registry and code, if any."""
        memory, key = self.memory, (article, self.memory.settings.model_name, self.registry)
        if memory.in_memory is not None and key in memory.in_memory.briefs:
            return memory.in_memory.briefs[key]
        kept = memory.kept.get(article.path)
        if kept is None or kept.registry != memory.registry or kept.brief.article != article:
            return None
        if memory.in_memory is not None:
            memory.in_memory.briefs[key] = kept.brief
        return kept.brief

    def remember(self, brief: Brief) -> None:
        """Keep a new analysis: in memory, and in the store for the next build."""
        memory = self.memory
        memory.analyses_made += 1
        if memory.in_memory is not None:
            memory.in_memory.briefs[(brief.article, memory.settings.model_name, self.registry)] = (
                brief
            )
        if memory.store is not None and memory.is_keeping:
            kept, key = KeptAnalysis(memory.registry, brief), memory.file_keys[brief.article.path]
            memory.store.keep_analysis(key, kept)
            if memory.in_memory is not None:
                memory.in_memory.kept[key] = kept
