"""Compiled Jinja templates kept in memory by a process that renders build after build."""

from __future__ import annotations

from collections.abc import Callable

from jinja2 import BytecodeCache, Environment
from jinja2.bccache import Bucket
from mkdocs.theme import Theme


class KeptBytecode(BytecodeCache):
    """Compiled templates kept in memory from build to build of one process.

    A build makes a new Jinja environment, which compiles its templates again: a good part of a
    rebuild's time when only a few pages changed (`briefs serve`). A template's key includes a
    digest of its source, so an edited template is compiled anew.
    """

    def __init__(self) -> None:
        self.kept: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        if bucket.key in self.kept:
            bucket.bytecode_from_string(self.kept[bucket.key])

    def dump_bytecode(self, bucket: Bucket) -> None:
        self.kept[bucket.key] = bucket.bytecode_to_string()


def theme_envs_with(bytecode: KeptBytecode) -> Callable[[Theme], Environment]:
    """MkDocs' `Theme.get_env`, its environments sharing bytecode: a served rebuild makes a
    few before the plugin's `on_env` (Material's search settings render a template in one),
    and each compiled its templates again (a tenth of a second a rebuild)."""

    def get_env(theme: Theme) -> Environment:
        env = MKDOCS_GET_ENV(theme)
        env.bytecode_cache = bytecode
        return env

    return get_env


MKDOCS_GET_ENV = Theme.get_env
"""MkDocs' own `Theme.get_env`, put back when a served build ends."""
