"""The `briefs` command line: thin click commands over the pipeline modules."""

from __future__ import annotations

import dataclasses
import functools
import inspect
import sys
from collections.abc import Callable
from pathlib import Path
from typing import IO, Any, TextIO

import click

from generator.analysis.corpus import analyse_corpus
from generator.analysis.gazetteer import load_gazetteer
from generator.analysis.jsonl import analyse_lines
from generator.analysis.registry import REGISTRY_FILE, load_registry
from generator.build.pipeline import build_briefs
from generator.build.report import BuildReport
from generator.corpus.suggest import suggest_actors, suggestions_yaml
from generator.errors import BriefError
from generator.ingest.add import import_article
from generator.ingest.content import read_articles
from generator.settings import Settings, read_site
from generator.site.check import check_briefs
from generator.site.conflicts import CONFLICT_TITLE
from generator.site.serve import serve as serve_site
from generator.site.write import WriteOutcome

Command = Callable[..., None]
FOLDER = click.Path(path_type=Path)

CONTENT = click.option(
    "--content",
    "content_dir",
    type=FOLDER,
    default="content",
    show_default=True,
    help="Folder of the articles (and of actors.yml, the actor registry).",
)
BRIEFS = click.option(
    "--briefs",
    "briefs_dir",
    type=FOLDER,
    default="briefs",
    show_default=True,
    help="Folder of the briefs (the MkDocs docs_dir).",
)
TEMPLATES = click.option(
    "--templates",
    "templates_dir",
    type=FOLDER,
    default="templates",
    show_default=True,
    help="Folder of the Jinja2 templates.",
)
MODEL = click.option(
    "--model",
    "model_name",
    envvar="BRIEFS_MODEL",
    default=None,
    help="spaCy pipeline to use (default: en_core_web_sm if installed, else its repackaging).",
)
CONFIG_FILE = click.option(
    "--config-file",
    type=FOLDER,
    default="mkdocs.yml",
    show_default=True,
    help="MkDocs configuration of the site (the feed takes site_url and site_name from it).",
)
JOBS = click.option(
    "--jobs",
    "-j",
    "processes",
    type=click.IntRange(min=0),
    default=1,
    show_default=True,
    help="Processes that analyse articles in parallel; 0 uses every core.",
)
CACHE_DIR = click.option(
    "--cache-dir",
    type=FOLDER,
    default=None,
    help="Where analyses are kept between runs [default: .briefs-cache beside the content folder].",
)
DASK = click.option(
    "--dask",
    "dask_address",
    envvar="BRIEFS_DASK",
    default=None,
    metavar="ADDRESS",
    help="Analyse on the Dask cluster whose scheduler is at ADDRESS (tcp://host:8786); "
    "needs pip install 'briefs[dask]'.",
)
EVIDENCE = click.option(
    "--evidence",
    "show_evidence",
    is_flag=True,
    help="Show in each actor box what decided its kind and merges (rules, gazetteers, model).",
)
NO_CACHE = click.option(
    "--no-cache",
    "use_cache",
    flag_value=False,
    default=True,
    help="Analyse every article, keeping nothing on disk.",
)
SETTINGS_FIELDS = {field.name for field in dataclasses.fields(Settings)}


class Failure(click.ClickException):
    """A problem that stops a command: printed as `error: ...`, like every other problem."""

    def show(self, file: IO[Any] | None = None) -> None:
        click.echo(f"error: {self.format_message()}", err=True, file=file)


def with_settings(*options: Callable[[Command], Command]) -> Callable[[Command], Command]:
    """Add shared options that make the run's `Settings`, given to the command as `settings`.

    The command gets the other options it names as parameters (`--config-file` fills the
    settings' site_url and site_name through `settings.read_site`, and is given as `config_file`
    to a command that asks). A `BriefError` becomes a clean `error: ...` and exit status 1.
    """

    def decorate(command: Command) -> Command:
        wanted = set(inspect.signature(command).parameters)

        @functools.wraps(command)
        def run(**values: Any) -> None:
            fields = {name: value for name, value in values.items() if name in SETTINGS_FIELDS}
            given = {name: value for name, value in values.items() if name in wanted}
            try:
                if "config_file" in values:
                    site = read_site(values["config_file"])
                    fields["site_url"], fields["site_name"] = site.site_url, site.site_name
                command(settings=Settings(**fields), **given)
            except BriefError as error:
                raise Failure(str(error)) from None

        decorated: Command = run
        for option in reversed(options):
            decorated = option(decorated)
        return decorated

    return decorate


@click.group()
@click.version_option(package_name="briefs")
def main() -> None:
    """Turn news articles into analysis briefs for a MkDocs site."""


@main.command()
@with_settings(
    CONTENT, BRIEFS, TEMPLATES, MODEL, CONFIG_FILE, JOBS, DASK, CACHE_DIR, NO_CACHE, EVIDENCE
)
@click.option(
    "--check",
    is_flag=True,
    help="Change nothing; exit 1 listing briefs that are stale or in conflict (for CI).",
)
@click.option(
    "--force", is_flag=True, help="Regenerate every brief from scratch, discarding hand edits."
)
@click.option("--quiet", "-q", is_flag=True, help="Print errors and conflicts only.")
@click.option("--verbose", "-v", is_flag=True, help="Also print what happened to every page.")
def build(settings: Settings, check: bool, force: bool, quiet: bool, verbose: bool) -> None:
    """Write a brief for every article in the content folder, plus the index page.

    Hand edits are kept: each brief is merged three ways with its last generated version.
    """
    if check and force:
        raise Failure("--check and --force cannot be used together")
    with ProgressBar(enabled=not quiet) as bar:
        report = build_briefs(settings, check=check, force=force, progress=bar.update)
    for message in report.errors:
        click.echo(f"error: {message}", err=True)
    _echo_attention(report, settings.briefs_dir)
    if verbose:
        for name, result in sorted(report.results.items()):
            click.echo(f"{result.outcome.value}: {settings.briefs_dir / name}")
        for name in report.removed:
            click.echo(f"removed: {settings.briefs_dir / name}")
    if check:
        stale = report.stale()
        for name in stale:
            click.echo(f"stale: {settings.briefs_dir / name}", err=True)
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
@with_settings(CONTENT, BRIEFS)
def check(settings: Settings) -> None:
    """Check every brief: front matter, links between pages, and that its article still exists."""
    briefs_dir = settings.briefs_dir
    problems = check_briefs(briefs_dir, settings.content_dir)
    for problem in problems:
        click.echo(f"error: {problem}", err=True)
    pages = sum(
        1 for page in briefs_dir.rglob("*.md") if page.relative_to(briefs_dir).parts[0][0] != "."
    )
    click.echo(f"{pages} pages checked; {len(problems)} problems")
    if problems:
        sys.exit(1)


@main.command()
@with_settings(CONTENT, MODEL)
@click.option(
    "--suggest",
    is_flag=True,
    help="List actors seen in the corpus but missing from the registry, ready to paste.",
)
def actors(settings: Settings, suggest: bool) -> None:
    """Check the actor registry (content/actors.yml); with --suggest, list what it lacks."""
    errors: list[str] = []
    registry = load_registry(settings.content_dir)
    if suggest:
        articles = read_articles(settings.content_dir, errors)
        briefs = analyse_corpus(articles, registry, settings)
        click.echo(suggestions_yaml(suggest_actors(briefs, registry, load_gazetteer())), nl=False)
    else:
        registry_file = settings.content_dir / REGISTRY_FILE
        click.echo(f"{registry_file}: {len(registry.actors)} actors, no problems")
    for message in errors:
        click.echo(f"error: {message}", err=True)


@main.command()
@with_settings(CONTENT, BRIEFS, TEMPLATES, MODEL, CONFIG_FILE)
@click.option(
    "--dev-addr", default="127.0.0.1:8000", show_default=True, help="Address to serve on."
)
def serve(settings: Settings, config_file: Path, dev_addr: str) -> None:
    """Build the briefs, serve the site, and rebuild whenever an article or template changes."""

    def report(result: BuildReport | BriefError) -> None:
        if isinstance(result, BriefError):
            click.echo(f"error: {result}", err=True)
            return
        for message in result.errors:
            click.echo(f"error: {message}", err=True)
        _echo_attention(result, settings.briefs_dir)
        click.echo(result.summary())

    try:
        serve_site(settings, dev_addr, config_file, report)
    except KeyboardInterrupt:
        click.echo("stopped")


@main.command()
@with_settings(MODEL, DASK)
@click.argument("jsonl_file", type=click.File("r", encoding="utf-8"))
@click.option(
    "--output",
    "-o",
    type=click.File("w", encoding="utf-8"),
    default="-",
    help="Where to write the JSON lines (default: standard output).",
)
def analyse(settings: Settings, jsonl_file: TextIO, output: TextIO) -> None:
    """Analyse articles given as JSON Lines ({"id", "text", ...}), one JSON line out for each."""
    errors: list[str] = []
    model, address = settings.model_name, settings.dask_address
    for line in analyse_lines(jsonl_file, jsonl_file.name, model, errors, address):
        output.write(line + "\n")
    for message in errors:
        click.echo(f"error: {message}", err=True)
    if errors:
        sys.exit(1)


@main.command()
@with_settings(CONTENT)
@click.argument("source")
def add(settings: Settings, source: str) -> None:
    """Add an article from a saved page, a text or Markdown file, or an http(s) URL.

    Writes content/<date>-<slug>.md (front matter and body, ready to edit) and prints its path;
    never overwrites a file.
    """
    click.echo(str(import_article(source, settings.content_dir)))
