"""Errors the generator reports to people: each names the file and, where it can, the line."""

from __future__ import annotations


class BriefError(Exception):
    """A problem a person can fix; the CLI prints it without a traceback."""


class ContentError(BriefError):
    """An article in `content/` that cannot be read or understood."""

    def __init__(self, path: str, message: str, line: int | None = None) -> None:
        self.path = path
        self.line = line
        self.detail = message
        where = f"{path}:{line}" if line is not None else path
        super().__init__(f"{where}: {message}")


class TemplateError(BriefError):
    """A template in `templates/` that fails to load or render."""


class ModelError(BriefError):
    """The spaCy language model is missing or cannot be loaded."""
