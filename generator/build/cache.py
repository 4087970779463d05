"""Analyses kept on disk between runs, so a rebuild parses only what changed.

An entry's key is a digest of everything its analysis depends on: the article file's name and
bytes, the language model's name and version, the actor registry, the generator's code that
reads and analyses articles and its data, and the versions of the libraries it runs on. Change
any of them and the key changes, so the cache never serves an analysis made from anything else;
it only saves time. Entries are pickled `Brief`s: the cache is a private, local folder (never
committed), and an entry that cannot be read counts as missing.
"""

from __future__ import annotations

import ast
import functools
import hashlib
import importlib.metadata
import os
import pickle
import shutil
import struct
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from generator.analysis.registry import Registry
from generator.models import Article, Brief
from generator.site.write import replacing

CACHE_FORMAT = "briefs-analysis-cache 2"
"""Bump when the way entries are stored changes."""
GENERATOR_FOLDER = Path(__file__).parent.parent
ANALYSES_FILE = "analyses.pack"
FORMER_ANALYSES_FOLDER = "analyses"
"""Where analyses were kept one file each (format 2): deleted once a build keeps its analyses."""


ANALYSIS_ROOTS = ("analysis/analyse.py", "analysis/language.py", "ingest/read.py")
"""The modules that read and analyse an article and load the model; what they import is analysis
code too."""
DATA_FOLDER = GENERATOR_FOLDER / "analysis" / "data"


LIBRARIES = (
    "spacy",
    "trafilatura",
    "markdown",
    "pyyaml",
    "jinja2",
    "numpy",
    "scipy",
    "py3langid",
    "babel",
)
"""Libraries whose version can change what is read, analysed, related or written."""


@functools.cache
def library_versions() -> str:
    """The installed version of every library in LIBRARIES: part of every key, as the code is."""
    return ", ".join(f"{name}=={_version(name)}" for name in LIBRARIES)


def _version(name: str) -> str:
    try:
        return importlib.metadata.version(name)
    except importlib.metadata.PackageNotFoundError:
        return "not installed"


@functools.cache
def generator_fingerprint() -> str:
    """Digest of the generator's source and data files: any change to the code is a new key."""
    return _digest(path for path in GENERATOR_FOLDER.rglob("*") if path.is_file())


@functools.cache
def analysis_fingerprint() -> str:
    """Digest of the code and data an analysis runs: change any of it and every key changes.

    Code that only relates, renders or writes briefs is left out, so changing it does not throw
    away the analyses of a large corpus.
    """
    return _digest([*analysis_modules(), *(p for p in DATA_FOLDER.rglob("*") if p.is_file())])


def analysis_modules() -> list[Path]:
    """The analysis modules and every generator module they import, directly or not."""
    modules = set()
    waiting = [GENERATOR_FOLDER / root for root in ANALYSIS_ROOTS]
    while waiting:
        module = waiting.pop()
        if module not in modules:
            modules.add(module)
            waiting.extend(_imported_generator_modules(module))
    return sorted(modules)


def _imported_generator_modules(module: Path) -> list[Path]:
    """The files of the generator modules and packages a module imports, wherever it does."""
    names = []
    for node in ast.walk(ast.parse(module.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            names += [node.module, *(f"{node.module}.{alias.name}" for alias in node.names)]
        elif isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
    parts = {
        tuple(name.split(".")[:end]) for name in names for end in range(1, name.count(".") + 2)
    }
    top = GENERATOR_FOLDER.parent
    files = [top.joinpath(*p[:-1], f"{p[-1]}.py") for p in parts if p[0] == "generator"]
    files += [top.joinpath(*p, "__init__.py") for p in parts if p[0] == "generator"]
    return [path for path in files if path.is_file()]


def _digest(paths: Iterable[Path]) -> str:
    digest = hashlib.sha256()
    for path in sorted(set(paths)):
        if "__pycache__" not in path.parts:
            digest.update(path.relative_to(GENERATOR_FOLDER).as_posix().encode())
            digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


RECORD_HEADER = struct.Struct("<4s32sQ")
"""Before each value in a pack: RECORD_MARK, its key's 32 bytes and the length of its pickle."""
RECORD_MARK = b"BRF\n"
MOST_UNWANTED = 4
"""A pack is written anew once one value in this many is unwanted (superseded or gone)."""


@dataclass
class PackFile:
    """Pickled values in one file, each after a header with its key (a hex digest); read whole.

    One file rather than a file per value: a rebuild loads ten thousand analyses, and opening
    ten thousand files took it longer than reading one. A new value is appended, so the last
    value of a key is its value, and a build killed while appending leaves at most a torn last
    value, which is cut off before the next append. Unwanted values are dropped by writing the
    pack anew once they are many (`keep_only`).
    """

    path: Path
    values: dict[str, memoryview] | None = field(default=None, repr=False)
    """Each key's pickle, the last in the file; None until the file is read."""
    records: int = 0
    """Values in the file, superseded ones included."""
    end: int = 0
    """Where the last whole value in the file ends: a torn one after it is cut off."""

    def load(self, key: str) -> object | None:
        """The value kept under key, or None when there is none (or it is unreadable)."""
        pickled = self._read().get(key)
        if pickled is None:
            return None
        try:
            value: object = pickle.loads(pickled)
        except Exception:
            return None
        return value

    def save(self, key: str, value: object) -> None:
        """Append value under key (after reading the pack, if this has not, or again)."""
        pickled = pickle.dumps(value, protocol=5)
        record = RECORD_HEADER.pack(RECORD_MARK, bytes.fromhex(key), len(pickled)) + pickled
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with self.path.open("ab", buffering=0) as pack:
            if self.values is None or pack.tell() != self.end:
                # Not read yet, torn by a killed build, or changed by another build since.
                self.values = None
                self._read()
                pack.truncate(self.end)  # whole values only
            if self.end == 0:
                record = PACK_HEADER + record
            pack.write(record)  # one write: another build appending meanwhile cannot split it
        self.end += len(record)
        self.records += 1
        self._read()[key] = memoryview(pickled)

    def keep_only(self, keys: Iterable[str]) -> int:
        """Drop every other key, writing the pack anew once enough is unwanted; forget what
        was read. Return how many values were dropped."""
        values = self._read()
        wanted = {key: values[key] for key in sorted(set(keys)) if key in values}
        unwanted = self.records - len(wanted)
        if unwanted * MOST_UNWANTED > self.records or (unwanted and not wanted):
            with replacing(self.path, durable=False) as pack:
                pack.write(PACK_HEADER)
                for key, pickled in wanted.items():
                    pack.write(RECORD_HEADER.pack(RECORD_MARK, bytes.fromhex(key), len(pickled)))
                    pack.write(pickled)
        else:
            unwanted = 0
        self.values = None
        return unwanted

    def _read(self) -> dict[str, memoryview]:
        if self.values is None:
            try:
                with self.path.open("rb", buffering=0) as pack:
                    data = pack.readall()
            except OSError:
                data = b""
            self.values, self.records, self.end = _unpacked(data)
        return self.values


PACK_HEADER = b"briefs-pack 1\n"
"""The start of a pack file: bump when the way values are packed changes (a pack of another
format is read as empty)."""


def _unpacked(data: bytes) -> tuple[dict[str, memoryview], int, int]:
    """The values in a pack's bytes by key, how many there are, and where the last ends."""
    values: dict[str, memoryview] = {}
    if not data.startswith(PACK_HEADER):
        return values, 0, 0
    view, start, records = memoryview(data), len(PACK_HEADER), 0
    while start + RECORD_HEADER.size <= len(data):
        mark, key, length = RECORD_HEADER.unpack_from(data, start)
        end = start + RECORD_HEADER.size + length
        if mark != RECORD_MARK or end > len(data):
            break  # torn by a build that was killed while appending it
        values[key.hex()] = view[start + RECORD_HEADER.size : end]
        start, records = end, records + 1
    return values, records, start


@dataclass
class AnalysisStore:
    """Cached analyses for one model, registry and generator version, in one pack file.

    An analysis is found by its article file's name and the digest of the file's bytes, so a
    rebuild need not even parse an article it analysed before: the stored brief holds the
    article as it was read (reading code is analysis code, see ANALYSIS_ROOTS).
    """

    entries: PackFile
    context: str
    """Digest of what every analysis in this run depends on besides its article file."""
    reuse: bool = True
    """Take stored analyses (off: parse and analyse every article again)."""
    # By the article's file name: hashing ten thousand Articles would hash all their text.
    keys: dict[str, str] = field(default_factory=dict, repr=False)
    """The key of each article read through the store, by its file's name."""
    found: dict[str, Brief] = field(default_factory=dict, repr=False)
    """The stored analysis of each article read through the store that has one."""

    @classmethod
    def open(
        cls, folder: Path, model: str, registry: Registry, reuse: bool = True
    ) -> AnalysisStore:
        context = hashlib.sha256(
            "\n".join(
                (CACHE_FORMAT, analysis_fingerprint(), library_versions(), model, repr(registry))
            ).encode()
        ).hexdigest()
        return cls(PackFile(folder / ANALYSES_FILE), context, reuse)

    def read(self, name: str, file_digest: bytes, parse: Callable[[], Article]) -> Article:
        """The article in the file of this name and bytes (SHA-256): as stored, or parse()."""
        digest = hashlib.sha256(f"{self.context}\n{name}\n".encode())
        digest.update(file_digest)
        key = digest.hexdigest()
        stored = self.entries.load(key) if self.reuse else None
        if isinstance(stored, Brief) and stored.article.path == name:
            article = stored.article
            self.found[name] = stored
        else:
            article = parse()
            self.found.pop(name, None)
        self.keys[name] = key
        return article

    def key(self, article: Article) -> str:
        """Digest of everything the analysis of an article read through the store depends on."""
        return self.keys[article.path]

    def load(self, article: Article) -> Brief | None:
        """The stored analysis of an article read through the store, or None."""
        stored = self.found.get(article.path)
        return stored if stored is not None and stored.article == article else None

    def save(self, brief: Brief) -> None:
        self.entries.save(self.key(brief.article), brief)

    def keep_only(self, articles: Iterable[Article]) -> int:
        """Drop the entries of every other article (or older context); return how many."""
        shutil.rmtree(self.entries.path.parent / FORMER_ANALYSES_FOLDER, ignore_errors=True)
        return self.entries.keep_only(self.key(article) for article in articles)


@dataclass(frozen=True)
class KeptValue:
    """One value kept in a file for the next build, for one version of the code and libraries.

    For values a build can always make again (the pairs' scores of related reading): the file is
    written without waiting for the disk, and one that cannot be read counts as missing.
    """

    path: Path

    @staticmethod
    def context() -> str:
        return f"{CACHE_FORMAT}\n{generator_fingerprint()}\n{library_versions()}"

    def load(self) -> object | None:
        try:
            with self.path.open("rb") as kept:
                data = bytearray(os.fstat(kept.fileno()).st_size)
                kept.readinto(data)
            stream, buffers = _unframed(memoryview(data))
            context, value = pickle.loads(stream, buffers=buffers)
        except Exception:
            return None
        return value if context == self.context() else None

    def load_meanwhile(self) -> Callable[[], object | None]:
        """Start loading the value in a thread; return the function that waits for it.

        Reading a large value from disk mostly waits on the disk, which a build can spend
        reading its articles.
        """
        loaded: list[object | None] = []
        thread = threading.Thread(target=lambda: loaded.append(self.load()), name="load kept")
        thread.start()

        def wait() -> object | None:
            thread.join()
            return loaded[0] if loaded else None

        return wait

    def save_meanwhile(self, value: object) -> Callable[[], None]:
        """Start saving value in a thread; return the function that waits for it to finish.

        Writing a large value to disk takes a build several tenths of a second that it can
        spend rendering meanwhile. The value must not change until the wait is over.
        """
        failures: list[BaseException] = []

        def save() -> None:
            try:
                self.save(value)
            except BaseException as error:  # handed to whoever waits
                failures.append(error)

        thread = threading.Thread(target=save, name=f"save {self.path.name}")
        thread.start()

        def wait() -> None:
            thread.join()
            if failures:
                raise failures[0]

        return wait

    def save(self, value: object) -> None:
        with replacing(self.path, durable=False) as stream:
            # Large arrays go after the pickle as they are, rather than copied into it.
            buffers: list[pickle.PickleBuffer] = []
            data = pickle.dumps((self.context(), value), 5, buffer_callback=buffers.append)
            views = [buffer.raw() for buffer in buffers]
            sizes = [len(data), *(view.nbytes for view in views)]
            stream.write(struct.pack(f"<Q{len(sizes)}Q", len(sizes), *sizes))
            stream.write(data)
            for view in views:
                stream.write(view)


def _unframed(data: memoryview) -> tuple[memoryview, list[memoryview]]:
    """The pickle and its buffers, as `KeptValue.save` wrote them (the arrays stay in data)."""
    (count,) = struct.unpack_from("<Q", data)
    sizes = struct.unpack_from(f"<{count}Q", data, 8)
    parts, start = [], 8 * (count + 1)
    for size in sizes:
        parts.append(data[start : start + size])
        start += size
    if start != len(data):
        raise ValueError("a kept value of the wrong length")
    return parts[0], parts[1:]
