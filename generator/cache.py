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
import struct
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from generator.models import Article, Brief
from generator.registry import Registry
from generator.write import TEMPORARY_SUFFIX, replacing, write_atomically

CACHE_FORMAT = "briefs-analysis-cache 2"
"""Bump when the way entries are stored changes."""
GENERATOR_FOLDER = Path(__file__).parent
ENTRY_SUFFIX = ".pickle"
ANALYSES_FOLDER = "analyses"


ANALYSIS_ROOTS = ("analyse.py", "language.py", "ingest.py")
"""The modules that read and analyse an article and load the model; what they import is analysis
code too."""
DATA_FOLDER = GENERATOR_FOLDER / "data"


LIBRARIES = ("spacy", "trafilatura", "markdown", "pyyaml", "jinja2", "numpy", "scipy")
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


@dataclass(frozen=True)
class PickleFolder:
    """Pickled values in a folder, one file per key (a hex digest), in subfolders by its start."""

    folder: Path

    def path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}{ENTRY_SUFFIX}"

    def load(self, key: str) -> object | None:
        """The value kept under key, or None when there is none (or it is unreadable)."""
        # A string, not a Path: a rebuild loads ten thousand entries, and making Paths costs.
        path = f"{self.folder}/{key[:2]}/{key}{ENTRY_SUFFIX}"
        try:
            # Unbuffered: the entry is read whole, in one call.
            with open(path, "rb", buffering=0) as entry:  # noqa: PTH123 (see above)
                value: object = pickle.loads(entry.readall())
        except Exception:
            return None
        return value

    def save(self, key: str, value: object) -> None:
        write_atomically(self.path(key), pickle.dumps(value, protocol=5))

    def keep_only(self, keys: Iterable[str]) -> int:
        """Delete every other entry; return how many."""
        wanted = {f"{key}{ENTRY_SUFFIX}" for key in keys}
        removed = 0
        if not self.folder.is_dir():
            return removed
        for folder in sorted(self.folder.iterdir()):
            if not folder.is_dir():
                continue
            with os.scandir(folder) as entries:
                names = sorted(entry.name for entry in entries)
            for name in names:
                unwanted = name.endswith(ENTRY_SUFFIX) and name not in wanted
                if unwanted or (name.startswith(".") and name.endswith(TEMPORARY_SUFFIX)):
                    (folder / name).unlink(missing_ok=True)
                    removed += unwanted
        return removed


@dataclass
class AnalysisStore:
    """A folder of cached analyses for one model, registry and generator version.

    An analysis is found by its article file's name and the digest of the file's bytes, so a
    rebuild need not even parse an article it analysed before: the stored brief holds the
    article as it was read (reading code is analysis code, see ANALYSIS_ROOTS).
    """

    entries: PickleFolder
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
        return cls(PickleFolder(folder / ANALYSES_FOLDER), context, reuse)

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
        """Delete the entries of every other article (or older context); return how many."""
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
