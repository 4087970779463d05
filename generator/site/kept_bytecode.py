"""Compiled Jinja templates kept in memory by a process that renders build after build."""

from __future__ import annotations

from jinja2 import BytecodeCache
from jinja2.bccache import Bucket


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
