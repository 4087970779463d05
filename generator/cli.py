"""The `briefs` command line: thin click commands over the pipeline modules."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from generator.errors import BriefError
from generator.jsonl import analyse_lines
from generator.pipeline import build_briefs
from generator.settings import Settings

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
def build(content_dir: Path, briefs_dir: Path, templates_dir: Path, model_name: str | None) -> None:
    """Write a brief for every article in the content folder, plus the index page."""
    settings = Settings(content_dir, briefs_dir, templates_dir, model_name)
    try:
        report = build_briefs(settings)
    except BriefError as error:
        _fail(str(error))
    for message in report.errors:
        click.echo(f"error: {message}", err=True)
    for name, outcome in sorted(report.outcomes.items()):
        if outcome.name == "KEPT_EDITS":
            click.echo(f"kept hand edits: {briefs_dir / name} (not regenerated)", err=True)
    click.echo(report.summary())
    if report.has_errors:
        sys.exit(1)


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
def analyse(
    jsonl_file: click.utils.LazyFile, output: click.utils.LazyFile, model_name: str | None
) -> None:
    """Analyse articles given as JSON Lines ({"id", "text", ...}) and print one JSON line each."""
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


def _fail(message: str) -> None:
    click.echo(f"error: {message}", err=True)
    sys.exit(1)
