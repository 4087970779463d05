"""The `briefs` command line: thin click commands over the pipeline modules."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any, NoReturn, TextIO

import click

from generator.analysis.gazetteer import load_gazetteer
from generator.analysis.jsonl import analyse_lines
from generator.analysis.registry import REGISTRY_FILE, load_registry
from generator.build.pipeline import BuildReport, analyse_corpus, build_briefs, read_articles
from generator.corpus.suggest import suggest_actors, suggestions_yaml
from generator.errors import BriefError
from generator.ingest.add import import_article
from generator.settings import Settings, read_site
from generator.site.check import check_briefs
from generator.site.conflicts import CONFLICT_TITLE
from generator.site.serve import serve as serve_site
from generator.site.write import WriteOutcome

MODEL_HELP = "spaCy pipeline to use (default: en_core_web_sm if installed, else its repackaging)."


@click.group()
@click.version_option(package_name="briefs")
def main() -> None:
    """Turn news articles into analysis briefs for a MkDocs site."""


@main.command()
@click.option(
    "--content",
    "content_dir",
    type=click.Path(path_type=Path),
    default="content",
    show_default=True,
    help="Folder of articles to read.",
)
@click.option(
    "--briefs",
    "briefs_dir",
    type=click.Path(path_type=Path),
    default="briefs",
    show_default=True,
    help="Folder to write briefs into (the MkDocs docs_dir).",
)
@click.option(
    "--templates",
    "templates_dir",
    type=click.Path(path_type=Path),
    default="templates",
    show_default=True,
    help="Folder of Jinja2 templates.",
)
@click.option("--model", "model_name", envvar="BRIEFS_MODEL", default=None, help=MODEL_HELP)
@click.option(
    "--check",
    is_flag=True,
    help="Change nothing; exit 1 listing briefs that are stale or in conflict (for CI).",
)
@click.option(
    "--force", is_flag=True, help="Regenerate every brief from scratch, discarding hand edits."
)
@click.option(
    "--jobs",
    "-j",
    type=click.IntRange(min=0),
    default=1,
    show_default=True,
    help="Processes that analyse articles in parallel; 0 uses every core.",
)
@click.option("--quiet", "-q", is_flag=True, help="Print errors and conflicts only.")
@click.option("--verbose", "-v", is_flag=True, help="Also print what happened to every page.")
@click.option(
    "--config-file",
    type=click.Path(path_type=Path),
    default="mkdocs.yml",
    show_default=True,
    help="MkDocs configuration to take site_url and site_name from, for the feed.",
)
@click.option(
    "--cache-dir",
    type=click.Path(path_type=Path),
    default=None,
    help="Where analyses are kept between runs [default: .briefs-cache beside the content folder].",
)
@click.option("--no-cache", is_flag=True, help="Analyse every article, keeping nothing on disk.")
@click.option(
    "--evidence",
    is_flag=True,
    help="Show in each actor box what decided its kind and merges (rules, gazetteers, model).",
)
def build(
    content_dir: Path,
    briefs_dir: Path,
    templates_dir: Path,
    model_name: str | None,
    check: bool,
    force: bool,
    jobs: int,
    quiet: bool,
    verbose: bool,
    config_file: Path,
    cache_dir: Path | None,
    no_cache: bool,
    evidence: bool,
) -> None:
    """Write a brief for every article in the content folder, plus the index page.

    Hand edits are kept: each brief is merged three ways with its last generated version.
    """
    if check and force:
        _fail("--check and --force cannot be used together")
    with ProgressBar(enabled=not quiet) as bar:
        try:
            site = read_site(config_file)
            settings = Settings(
                content_dir,
                briefs_dir,
                templates_dir,
                model_name,
                processes=jobs,
                site_url=site.site_url,
                site_name=site.site_name,
                cache_dir=cache_dir,
                use_cache=not no_cache,
                show_evidence=evidence,
            )
            report = build_briefs(settings, check=check, force=force, progress=bar.update)
        except BriefError as error:
            _fail(str(error))
    for message in report.errors:
        click.echo(f"error: {message}", err=True)
    _echo_attention(report, briefs_dir)
    if verbose:
        for name, result in sorted(report.results.items()):
            click.echo(f"{result.outcome.value}: {briefs_dir / name}")
        for name in report.removed:
            click.echo(f"removed: {briefs_dir / name}")
    if check:
        stale = report.stale()
        for name in stale:
            click.echo(f"stale: {briefs_dir / name}", err=True)
        click.echo(
            f"{len(stale)} pages stale; {len(report.reviews)} awaiting review; "
            f"{len(report.errors)} errors"
        )
        sys.exit(1 if stale or report.reviews or report.has_errors else 0)
    if not quiet:
        click.echo(report.summary())
    if report.has_errors:
        sys.exit(1)


class ProgressBar:
    """A progress bar on a terminal for the analysis of many articles; silent elsewhere."""

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled and sys.stderr.isatty()
        self.bar: Any = None
        self.done = 0

    def __enter__(self) -> ProgressBar:
        return self

    def update(self, done: int, total: int) -> None:
        if not self.enabled:
            return
        if self.bar is None:
            self.bar = click.progressbar(length=total, label="analysing", file=sys.stderr)
            self.bar.__enter__()
        self.bar.update(done - self.done)
        self.done = done

    def __exit__(self, *exception: object) -> None:
        if self.bar is not None:
            self.bar.__exit__(None, None, None)


@main.command()
@click.option(
    "--content",
    "content_dir",
    type=click.Path(path_type=Path),
    default="content",
    show_default=True,
    help="Folder of the articles the briefs come from.",
)
@click.option(
    "--briefs",
    "briefs_dir",
    type=click.Path(path_type=Path),
    default="briefs",
    show_default=True,
    help="Folder of the briefs to check.",
)
def check(content_dir: Path, briefs_dir: Path) -> None:
    """Check every brief: front matter, links between pages, and that its article still exists."""
    problems = check_briefs(briefs_dir, content_dir)
    for problem in problems:
        click.echo(f"error: {problem}", err=True)
    pages = sum(
        1 for page in briefs_dir.rglob("*.md") if page.relative_to(briefs_dir).parts[0][0] != "."
    )
    click.echo(f"{pages} pages checked; {len(problems)} problems")
    if problems:
        sys.exit(1)


def _echo_attention(report: BuildReport, briefs_dir: Path) -> None:
    """Tell people about every brief that needs their eyes."""
    for name, result in sorted(report.results.items()):
        path = briefs_dir / name
        if result.outcome is WriteOutcome.CONFLICT:
            for conflict in result.conflicts:
                click.echo(f"conflict: {path}: {conflict}: your text was kept", err=True)
            continue
        if result.outcome is WriteOutcome.KEPT_EDITS:
            click.echo(f"kept hand edits: {path}", err=True)
        for block in report.reviews.get(name, ()):
            click.echo(
                f"awaiting review: {path}:{block.first_line}: {block.section}: "
                f'a "{CONFLICT_TITLE}" block',
                err=True,
            )
    for name in report.orphans:
        click.echo(
            f"kept: {briefs_dir / name}: its article is gone but it has hand edits", err=True
        )


@main.command()
@click.option(
    "--content",
    "content_dir",
    type=click.Path(path_type=Path),
    default="content",
    show_default=True,
    help="Folder of articles (and of actors.yml, the registry).",
)
@click.option("--model", "model_name", envvar="BRIEFS_MODEL", default=None, help=MODEL_HELP)
@click.option(
    "--suggest",
    is_flag=True,
    help="List actors seen in the corpus but missing from the registry, ready to paste.",
)
def actors(content_dir: Path, model_name: str | None, suggest: bool) -> None:
    """Check the actor registry (content/actors.yml); with --suggest, list what it lacks."""
    errors: list[str] = []
    try:
        registry = load_registry(content_dir)
        if suggest:
            articles = read_articles(content_dir, errors)
            settings = Settings(content_dir=content_dir, model_name=model_name)
            briefs = analyse_corpus(articles, settings, registry)
            click.echo(
                suggestions_yaml(suggest_actors(briefs, registry, load_gazetteer())), nl=False
            )
        else:
            click.echo(f"{content_dir / REGISTRY_FILE}: {len(registry.actors)} actors, no problems")
    except BriefError as error:
        _fail(str(error))
    for message in errors:
        click.echo(f"error: {message}", err=True)


@main.command()
@click.option(
    "--content",
    "content_dir",
    type=click.Path(path_type=Path),
    default="content",
    show_default=True,
    help="Folder of articles to watch.",
)
@click.option(
    "--briefs",
    "briefs_dir",
    type=click.Path(path_type=Path),
    default="briefs",
    show_default=True,
    help="Folder to write briefs into (the MkDocs docs_dir).",
)
@click.option(
    "--templates",
    "templates_dir",
    type=click.Path(path_type=Path),
    default="templates",
    show_default=True,
    help="Folder of Jinja2 templates to watch.",
)
@click.option("--model", "model_name", envvar="BRIEFS_MODEL", default=None, help=MODEL_HELP)
@click.option(
    "--config-file",
    type=click.Path(path_type=Path),
    default="mkdocs.yml",
    show_default=True,
    help="MkDocs configuration of the site.",
)
@click.option(
    "--dev-addr", default="127.0.0.1:8000", show_default=True, help="Address to serve on."
)
def serve(
    content_dir: Path,
    briefs_dir: Path,
    templates_dir: Path,
    model_name: str | None,
    config_file: Path,
    dev_addr: str,
) -> None:
    """Build the briefs, serve the site, and rebuild whenever an article or template changes."""
    try:
        site = read_site(config_file)
    except BriefError as error:
        _fail(str(error))
    settings = Settings(
        content_dir,
        briefs_dir,
        templates_dir,
        model_name,
        site_url=site.site_url,
        site_name=site.site_name,
    )

    def report(result: BuildReport | BriefError) -> None:
        if isinstance(result, BriefError):
            click.echo(f"error: {result}", err=True)
            return
        for message in result.errors:
            click.echo(f"error: {message}", err=True)
        _echo_attention(result, briefs_dir)
        click.echo(result.summary())

    try:
        serve_site(settings, dev_addr, config_file, report)
    except KeyboardInterrupt:
        click.echo("stopped")


@main.command()
@click.argument("jsonl_file", type=click.File("r", encoding="utf-8"))
@click.option(
    "--output",
    "-o",
    type=click.File("w", encoding="utf-8"),
    default="-",
    help="Where to write the JSON lines (default: standard output).",
)
@click.option("--model", "model_name", envvar="BRIEFS_MODEL", default=None, help=MODEL_HELP)
def analyse(jsonl_file: TextIO, output: TextIO, model_name: str | None) -> None:
    """Analyse articles given as JSON Lines ({"id", "text", ...}), one JSON line out for each."""
    errors: list[str] = []
    try:
        for line in analyse_lines(jsonl_file, jsonl_file.name, model_name, errors):
            output.write(line + "\n")
    except BriefError as error:
        _fail(str(error))
    for message in errors:
        click.echo(f"error: {message}", err=True)
    if errors:
        sys.exit(1)


@main.command()
@click.argument("source")
@click.option(
    "--content",
    "content_dir",
    type=click.Path(path_type=Path),
    default="content",
    show_default=True,
    help="Folder to write the article into.",
)
def add(source: str, content_dir: Path) -> None:
    """Add an article from a saved page, a text or Markdown file, or an http(s) URL.

    Writes content/<date>-<slug>.md (front matter and body, ready to edit) and prints its path;
    never overwrites a file.
    """
    try:
        path = import_article(source, content_dir)
    except BriefError as error:
        _fail(str(error))
    click.echo(str(path))


def _fail(message: str) -> NoReturn:
    click.echo(f"error: {message}", err=True)
    sys.exit(1)
