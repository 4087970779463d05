"""The generator's settings: where things live, which language model to use, and the site's name
and address as the MkDocs configuration gives them."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml_env_tag import construct_env_tag

from generator.corpus.relate import RelateSettings
from generator.errors import BriefError

GENERATED_FOLDER = ".generated"
"""The folder in briefs/ that keeps the generated base of each page."""
DEFAULT_SITE_NAME = "Briefs"


@dataclass(frozen=True)
class Settings:
    """Paths and options for one run; the CLI fills them from its flags."""

    content_dir: Path = Path("content")
    """Articles to turn into briefs."""
    briefs_dir: Path = Path("briefs")
    """Where briefs are written: the MkDocs docs_dir."""
    templates_dir: Path = Path("templates")
    """Jinja2 templates of a brief and its sections."""
    model_name: str | None = None
    """spaCy pipeline to load; None picks the first installed default model."""
    processes: int = 1
    """Processes that parse articles in parallel (`--jobs`; 0 means one per core)."""
    dask_address: str | None = None
    """The Dask scheduler that analyses articles instead (`--dask`); None analyses here."""
    site_url: str | None = None
    """Public address of the site, for the feed's links (mkdocs.yml's site_url)."""
    site_name: str = DEFAULT_SITE_NAME
    relate: RelateSettings = field(default_factory=RelateSettings)
    """How related reading is scored and how many briefs it lists."""
    cache_dir: Path | None = None
    """Analyses kept between runs; None means `.briefs-cache/` beside the content folder."""
    use_cache: bool = True
    """Reuse and keep analyses on disk (`--no-cache` turns it off)."""
    show_evidence: bool = False
    """Show in each actor box the evidence that decided its kind and merges (`--evidence`)."""

    @property
    def analysis_cache_dir(self) -> Path:
        return self.cache_dir or self.content_dir.parent / ".briefs-cache"

    @property
    def generated_dir(self) -> Path:
        """Last generated text of each brief, the base that hand edits are compared with."""
        return self.briefs_dir / GENERATED_FOLDER


@dataclass(frozen=True)
class Site:
    """What the pages say about the site they belong to, from the MkDocs configuration."""

    site_url: str | None = None
    site_name: str = DEFAULT_SITE_NAME


def read_site(config_file: Path) -> Site:
    """site_url and site_name of the MkDocs configuration: the one place that reads them.

    `briefs build` and `briefs serve` both take them from here, so they write the same feed.
    A missing file means a site without an address; a file that is not YAML is an error.
    """
    try:
        text = config_file.read_text(encoding="utf-8")
    except FileNotFoundError:
        return Site()
    except (OSError, UnicodeDecodeError) as error:
        raise BriefError(f"{config_file}: cannot be read ({error})") from error
    try:
        config = yaml.load(text, Loader=_ConfigLoader)  # a SafeLoader: no code runs
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = f":{mark.line + 1}" if mark is not None else ""
        raise BriefError(f"{config_file}{line}: not valid YAML") from error
    if not isinstance(config, dict):
        return Site()
    url, name = config.get("site_url"), config.get("site_name")
    return Site(
        url if isinstance(url, str) and url else None,
        name if isinstance(name, str) and name else DEFAULT_SITE_NAME,
    )


class _ConfigLoader(yaml.SafeLoader):
    """YAML as MkDocs reads it for the keys we need: `!ENV` resolved, other tags left out.

    An `mkdocs.yml` often holds `!!python/name:` tags (Material's emoji settings, for one); a
    plain safe load refuses the whole file, and the feed would lose the site's address.
    """


def _unknown_tag(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> Any:
    return None


_ConfigLoader.add_constructor("!ENV", construct_env_tag)
_ConfigLoader.add_multi_constructor("", _unknown_tag)
