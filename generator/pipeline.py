"""Run a whole build: read every article, analyse each, relate them, then write all pages.

Gathering everything before writing anything lets related reading see the whole corpus, and a bad
article only costs its own brief.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from pathlib import Path

from generator.analyse import analyse_articles
from generator.clean import same_text
from generator.errors import BriefError, ContentError
from generator.gazetteer import load_gazetteer
from generator.ingest import discover_articles, read_article
from generator.language import load_model
from generator.merge import has_conflict_block
from generator.models import Article, Brief, RelatedLink
from generator.render import make_environment, render_brief, render_index, render_tags_page
from generator.settings import Settings
from generator.write import TEMPORARY_SUFFIX, WriteOutcome, WriteResult, plan_brief, write_brief

INDEX_PAGE = "index.md"
TAGS_PAGE = "tags.md"


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

    @property
    def has_errors(self) -> bool:
        return bool(self.errors)

    def count(self, outcome: WriteOutcome) -> int:
        return sum(1 for result in self.results.values() if result.outcome is outcome)

    def summary(self) -> str:
        counts = ", ".join(f"{self.count(o)} {o.value}" for o in WriteOutcome if self.count(o))
        extra = f", {len(self.removed)} removed" if self.removed else ""
        return f"{len(self.results)} pages: {counts or 'none'}{extra}; {len(self.errors)} errors"

    def stale(self) -> list[str]:
        """Pages a build would change or that await a reviewer (for `build --check`)."""
        changing = (WriteOutcome.NEW, WriteOutcome.UPDATED, WriteOutcome.MERGED)
        return sorted(
            [name for name, r in self.results.items() if r.outcome in changing]
            + [name for name, r in self.results.items() if r.outcome is WriteOutcome.CONFLICT]
            + self.removed
        )


def build_briefs(settings: Settings, check: bool = False, force: bool = False) -> BuildReport:
    """Turn every article in content/ into a brief in briefs/, plus the index and tags pages.

    With check, nothing is written: the report says what a build would do. With force, briefs
    are regenerated from scratch, hand edits or not.
    """
    report = BuildReport()
    if not check:
        remove_interrupted_writes(settings.briefs_dir)
    # Read: every article, collecting the problems of those that cannot be used.
    articles = read_articles(settings.content_dir, report.errors)
    # Analyse: one brief per article, then links between them.
    environment = make_environment(settings.templates_dir)
    nlp = load_model(settings.model_name)
    briefs = link_also_read(list(analyse_articles(articles, nlp, load_gazetteer())))
    # Render: every page of the site, before anything is written.
    pages = {f"{brief.article.slug}.md": render_brief(brief, environment) for brief in briefs}
    pages[INDEX_PAGE] = render_index(briefs, environment)
    pages[TAGS_PAGE] = render_tags_page(environment)
    # Write: each page, merged with hand edits; then briefs whose article is gone.
    for name, text in pages.items():
        page, base = settings.briefs_dir / name, settings.generated_dir / name
        if check:
            report.results[name] = _checked(page, base, text)
        else:
            report.results[name] = write_brief(page, base, text, force=force)
    _remove_orphans(settings, set(pages), report, check)
    return report


def remove_interrupted_writes(briefs_dir: Path) -> None:
    """Delete temporary files a killed build left behind (the pages themselves are intact)."""
    for folder in (briefs_dir, briefs_dir / ".generated"):
        if folder.is_dir():
            for leftover in folder.glob(f".*{TEMPORARY_SUFFIX}"):
                leftover.unlink()


def _checked(page: Path, base: Path, text: str) -> WriteResult:
    result = plan_brief(page, base, text)[0]
    if page.exists() and has_conflict_block(page.read_text(encoding="utf-8")):
        return WriteResult(WriteOutcome.CONFLICT, ("a Regenerated text block awaits review",))
    return result


def _remove_orphans(
    settings: Settings, current: set[str], report: BuildReport, check: bool
) -> None:
    """Remove generated briefs whose article left content/, unless someone edited them."""
    if not settings.generated_dir.is_dir():
        return
    for base in sorted(settings.generated_dir.glob("*.md")):
        if base.name in current:
            continue
        page = settings.briefs_dir / base.name
        if page.exists() and page.read_bytes() != base.read_bytes():
            report.orphans.append(base.name)
            continue
        report.removed.append(base.name)
        if not check:
            page.unlink(missing_ok=True)
            base.unlink()


def read_articles(content_dir: Path, errors: list[str]) -> list[Article]:
    """Read every article; record an error for each unusable file or clashing slug."""
    if not content_dir.is_dir():
        raise BriefError(f"{content_dir}: content folder not found")
    articles: list[Article] = []
    slug_owner: dict[str, str] = {}
    for path in discover_articles(content_dir):
        try:
            article = read_article(path, content_dir)
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


def link_also_read(briefs: list[Brief]) -> list[Brief]:
    """Point each 'Also Read' title at its brief when that article is in the corpus."""
    by_title = {brief.article.title: brief.article.slug for brief in briefs}

    def linked(link: RelatedLink) -> RelatedLink:
        slug = next((s for title, s in by_title.items() if same_text(title, link.title)), None)
        return RelatedLink(link.title, slug or link.slug, link.reason)

    return [
        _replace_related(brief, tuple(linked(link) for link in brief.related)) for brief in briefs
    ]


def _replace_related(brief: Brief, related: tuple[RelatedLink, ...]) -> Brief:
    return dataclasses.replace(brief, related=related)
