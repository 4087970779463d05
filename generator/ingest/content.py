"""The content folder in, every article out: each file read, its problems collected by name.

A bad file costs only its own article: its error is recorded and the others are still read.
"""

from __future__ import annotations

from pathlib import Path

from generator.build.files import FoundFile, walk_files
from generator.errors import BriefError, ContentError
from generator.ingest.read import NOT_ARTICLES, read_article
from generator.models import Article


def read_articles(
    content_dir: Path,
    errors: list[str],
    files: list[FoundFile] | None = None,
    kept: dict[str, Article] | None = None,
) -> list[Article]:
    """Read every article; record an error for each unusable file or clashing slug.

    Takes the content folder's files as listed (`walk_files`) when given, and the articles of
    files read before by file name (`BuildMemory.kept_articles`): those are not read again.
    """
    if not content_dir.is_dir():
        raise BriefError(f"{content_dir}: content folder not found")
    kept = kept or {}
    articles: list[Article] = []
    slug_owner: dict[str, str] = {}
    for file in files if files is not None else walk_files(content_dir, hidden=False):
        if file.name.rpartition("/")[2] in NOT_ARTICLES:
            continue
        try:
            article = kept.get(file.name) or read_article(Path(file.location), content_dir)
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
