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
from generator.models import Article, Brief, RelatedLink
from generator.render import make_environment, render_brief, render_index, render_tags_page
from generator.settings import Settings
from generator.write import WriteOutcome, write_atomically, write_brief


@dataclass
class BuildReport:
    """What a build did to each page, and every problem it met."""

    outcomes: dict[str, WriteOutcome] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)

    @property
    def has_errors(self) -> bool:
        return bool(self.errors)

    def count(self, outcome: WriteOutcome) -> int:
        return sum(1 for value in self.outcomes.values() if value is outcome)

    def summary(self) -> str:
        counts = ", ".join(f"{self.count(o)} {o.value}" for o in WriteOutcome)
        return f"{len(self.outcomes)} briefs: {counts}; {len(self.errors)} errors"


def build_briefs(settings: Settings) -> BuildReport:
    """Turn every article in content/ into a brief in briefs/, plus the index and tags pages."""
    report = BuildReport()
    # Read: every article, collecting the problems of those that cannot be used.
    articles = read_articles(settings.content_dir, report.errors)
    # Analyse: one brief per article, then links between them.
    environment = make_environment(settings.templates_dir)
    nlp = load_model(settings.model_name)
    briefs = link_also_read(list(analyse_articles(articles, nlp, load_gazetteer())))
    # Write: each brief, keeping hand edits, then the pages that list them.
    for brief in briefs:
        name = f"{brief.article.slug}.md"
        report.outcomes[name] = write_brief(
            settings.briefs_dir / name,
            settings.generated_dir / name,
            render_brief(brief, environment),
        )
    write_atomically(settings.briefs_dir / "index.md", render_index(briefs, environment))
    write_atomically(settings.briefs_dir / "tags.md", render_tags_page(environment))
    return report


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
