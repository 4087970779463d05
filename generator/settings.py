"""The generator's settings: where things live and which language model to use."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from generator.corpus.relate import RelateSettings

GENERATED_FOLDER = ".generated"
"""The folder in briefs/ that keeps the generated base of each page."""


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
    site_name: str = "Briefs"
    relate: RelateSettings = field(default_factory=RelateSettings)
    """How related reading is scored and how many briefs it lists."""
    cache_dir: Path | None = None
    """Analyses kept between runs; None means `.briefs-cache/` beside the content folder."""
    use_cache: bool = True
    """Reuse and keep analyses on disk (`--no-cache` turns it off)."""

    @property
    def analysis_cache_dir(self) -> Path:
        return self.cache_dir or self.content_dir.parent / ".briefs-cache"

    @property
    def generated_dir(self) -> Path:
        """Last generated text of each brief, the base that hand edits are compared with."""
        return self.briefs_dir / GENERATED_FOLDER
