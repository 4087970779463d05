"""What a build keeps for the next one: analyses and related reading's scores, in one SQLite file.

An analysis is kept under a key that digests everything it depends on (`AnalysisKeys`), so a kept
analysis is never one made from anything else; it only saves time. Values are pickled: the store
is a private, local file (never committed), and a value that cannot be read counts as missing.

SQLite makes every change a transaction: a build killed at any moment (`kill -9` included) leaves
the file as it was before the change or after it, and builds reading the store meanwhile see one
or the other. A file that is not a store of this format, or a damaged one, is started anew.
"""

from __future__ import annotations

import hashlib
import pickle
import shutil
import sqlite3
from collections.abc import Iterable, Iterator, Set
from contextlib import closing, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from generator.build import fingerprint
from generator.models import Brief

if TYPE_CHECKING:  # a build that keeps analyses has loaded spaCy; a reader of the store need not
    from generator.analysis.registry import Registry

STORE_FILE = "store.sqlite"
STORE_FORMAT = 2
"""The store's `user_version`: bump when its tables or the way values are kept change (2: an
analysis notes its registry)."""
FORMER_FILES = ("analyses.pack", "pair-scores.pickle", "analyses")
"""What older versions kept in the cache folder (a pack file, a pickle, a file per analysis):
deleted once a build keeps its analyses in the store."""
SCHEMA = (
    "CREATE TABLE IF NOT EXISTS analyses ("
    " key BLOB PRIMARY KEY, registry TEXT NOT NULL, brief BLOB NOT NULL)",
    "CREATE TABLE IF NOT EXISTS kept ("
    " name TEXT, part INTEGER, piece INTEGER NOT NULL, context TEXT NOT NULL,"
    " bytes BLOB NOT NULL, PRIMARY KEY (name, part))",
)
PAGE_BYTES = 65536
"""SQLite's largest page: related reading's scores are a long value, read page by page."""
PART_BYTES = 1 << 28
"""A kept value is split into parts of this many bytes (SQLite holds at most 1 GB in a value)."""
BUSY_SECONDS = 60.0
"""How long a build waits for another one that is writing to the store."""

T = TypeVar("T")
FEW_KEYS = 500
"""Up to this many analyses are looked up by key rather than in one pass over the table (SQLite
takes up to 32,766 parameters a query)."""


class Store:
    """The cache folder's SQLite file: analyses by key, and a few values kept by name."""

    def __init__(
        self, path: Path, connection: sqlite3.Connection | None, is_writable: bool
    ) -> None:
        self.path = path
        self.connection = connection
        """None when there is no store to read (a build that must write nothing found none)."""
        self.is_writable = is_writable

    @classmethod
    def open(cls, folder: Path, is_writable: bool = True) -> Store:
        """The store in folder, created when writable (otherwise read only, if it exists)."""
        path = folder / STORE_FILE
        if not is_writable:
            return cls(path, _connect_read_only(path) if path.exists() else None, False)
        folder.mkdir(parents=True, exist_ok=True)
        try:
            return cls(path, _connect(path), True)
        except sqlite3.DatabaseError:
            path.unlink(missing_ok=True)  # damaged or not a store: it only saved time
            return cls(path, _connect(path), True)

    def close(self) -> None:
        if self.connection is not None:
            self.connection.close()
            self.connection = None

    def analyses(self, keys: Set[bytes] | None = None) -> dict[bytes, KeptAnalysis]:
        """The kept analyses of these keys (or all); a key with none, or an unreadable one, is
        left out."""
        found: dict[bytes, KeptAnalysis] = {}
        # One pass over the table: it holds little but the last build's analyses, and one query
        # per key would take longer; a few keys (a rebuild in `briefs serve`) are looked up.
        query = "SELECT key, registry, brief FROM analyses"
        parameters: tuple[object, ...] = ()
        if keys is not None and len(keys) <= FEW_KEYS:
            marks = ", ".join("?" * len(keys))
            query, parameters = f"{query} WHERE key IN ({marks})", tuple(keys)
        for key, registry, pickled in self._rows(query, parameters):
            if keys is None or key in keys:
                brief = _unpickled(pickled, Brief)
                if brief is not None:
                    found[key] = KeptAnalysis(registry, brief)
        return found

    def keep_analysis(self, key: bytes, analysis: KeptAnalysis) -> None:
        """Keep an analysis under its key; it is there for any build from now on."""
        pickled = pickle.dumps(analysis.brief, 5)
        with self._writing() as connection:
            connection.execute(
                "INSERT OR REPLACE INTO analyses VALUES (?, ?, ?)",
                (key, analysis.registry, pickled),
            )

    def keep_only_analyses(self, keys: Iterable[bytes]) -> int:
        """Forget every analysis but those of these keys; return how many were forgotten."""
        with self._writing() as connection:
            connection.execute("CREATE TEMP TABLE IF NOT EXISTS wanted (key BLOB PRIMARY KEY)")
            connection.execute("DELETE FROM wanted")
            connection.executemany("INSERT OR IGNORE INTO wanted VALUES (?)", ((k,) for k in keys))
            forgotten = connection.execute(
                "DELETE FROM analyses WHERE key NOT IN (SELECT key FROM wanted)"
            ).rowcount
        if forgotten:
            # Give the space back (a script runs the pragma to its end; `execute` frees a page).
            self._writable().executescript("PRAGMA incremental_vacuum;")
        for name in FORMER_FILES:
            former = self.path.parent / name
            if former.is_dir():
                shutil.rmtree(former, ignore_errors=True)
            else:
                former.unlink(missing_ok=True)
        return forgotten

    def kept(self, name: str, kind: type[T]) -> T | None:
        """The value kept under name by this version of the code, if it is a kind."""
        query = "SELECT piece, context, bytes FROM kept WHERE name = ? ORDER BY part"
        pieces: dict[object, list[bytes]] = {}
        for piece, context, data in self._rows(query, (name,)):
            if context != kept_context():
                return None
            pieces.setdefault(piece, []).append(data)
        if not pieces:
            return None
        # A piece in one part is taken as it is (joining one bytes object copies nothing).
        stream, *buffers = (b"".join(parts) for _, parts in sorted(pieces.items()))
        return _unpickled(stream, kind, buffers)

    def keep(self, values: dict[str, object]) -> None:
        """Keep each value under its name, all at once, in place of what was kept there.

        Large arrays are kept apart from the pickle, as they are (protocol 5's out-of-band
        buffers): they are neither copied into it nor out of it again, and the arrays read back
        are read-only views of the bytes read.
        """
        rows = []
        for name, value in values.items():
            buffers: list[pickle.PickleBuffer] = []
            stream = pickle.dumps(value, 5, buffer_callback=buffers.append)
            pieces = [memoryview(stream), *(buffer.raw() for buffer in buffers)]
            parts = [
                (number, piece[start : start + PART_BYTES])
                for number, piece in enumerate(pieces)
                for start in range(0, max(len(piece), 1), PART_BYTES)
            ]
            rows += [
                (name, part, piece, kept_context(), data)
                for part, (piece, data) in enumerate(parts)
            ]
        with self._writing() as connection:
            connection.executemany("DELETE FROM kept WHERE name = ?", ((n,) for n in values))
            connection.executemany("INSERT INTO kept VALUES (?, ?, ?, ?, ?)", rows)

    def _rows(self, query: str, parameters: tuple[object, ...] = ()) -> list[tuple[Any, ...]]:
        if self.connection is None:
            return []
        try:
            rows: list[tuple[Any, ...]] = self.connection.execute(query, parameters).fetchall()
        except sqlite3.DatabaseError:
            return []  # damaged: what it held is made again, and kept anew
        return rows

    @contextmanager
    def _writing(self) -> Iterator[sqlite3.Connection]:
        """A transaction: all its changes are kept, or none of them."""
        connection = self._writable()
        connection.execute("BEGIN IMMEDIATE")
        try:
            yield connection
        except BaseException:
            connection.execute("ROLLBACK")
            raise
        connection.execute("COMMIT")

    def _writable(self) -> sqlite3.Connection:
        if self.connection is None or not self.is_writable:
            raise ValueError(f"{self.path}: the store was opened read only")
        return self.connection


def _connect(path: Path) -> sqlite3.Connection:
    connection = sqlite3.connect(path, timeout=BUSY_SECONDS, isolation_level=None)
    try:
        if connection.execute("PRAGMA user_version").fetchone()[0] != STORE_FORMAT:
            _start_anew(connection)
        # A killed build cannot damage the file without a journal; only a crash of the whole
        # machine could, and the file is then started anew (it only saves time): no waiting
        # for the disk.
        connection.execute("PRAGMA synchronous = OFF")
        return connection
    except BaseException:
        connection.close()
        raise


def _start_anew(connection: sqlite3.Connection) -> None:
    """Empty the store and lay out this format's tables, in one transaction."""
    connection.execute(f"PRAGMA page_size = {PAGE_BYTES}")
    connection.execute("PRAGMA auto_vacuum = INCREMENTAL")
    connection.execute("VACUUM")  # page size and vacuuming take effect
    connection.execute("BEGIN IMMEDIATE")
    tables = connection.execute("SELECT name FROM sqlite_schema WHERE type = 'table'").fetchall()
    for (table,) in tables:
        connection.execute(f'DROP TABLE "{table}"')
    for statement in SCHEMA:
        connection.execute(statement)
    connection.execute(f"PRAGMA user_version = {STORE_FORMAT}")
    connection.execute("COMMIT")


def _connect_read_only(path: Path) -> sqlite3.Connection | None:
    try:
        connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        with closing(connection.execute("PRAGMA user_version")) as cursor:
            if cursor.fetchone()[0] == STORE_FORMAT:
                return connection
        connection.close()
    except sqlite3.DatabaseError:
        pass
    return None


def _unpickled(data: bytes, kind: type[T], buffers: Iterable[bytes] = ()) -> T | None:
    try:
        value = pickle.loads(data, buffers=buffers)
    except Exception:
        return None
    return value if isinstance(value, kind) else None


def kept_context() -> str:
    """What a kept value depends on besides the briefs: the code and the libraries."""
    return (
        f"{STORE_FORMAT}\n{fingerprint.generator_fingerprint()}\n{fingerprint.library_versions()}"
    )


@dataclass(frozen=True)
class KeptAnalysis:
    """An article's analysis, and the digest of the actor registry it was made with."""

    registry: str
    brief: Brief


@dataclass(frozen=True)
class AnalysisKeys:
    """Keys of analyses for one model and generator version.

    An analysis is found by its article file's name and the digest of the file's bytes, so a
    rebuild need not even parse an article it analysed before: the kept brief holds the article
    as it was read (reading code is analysis code, see `fingerprint.ANALYSIS_ROOTS`). The
    registry is not part of the key, as reading does not depend on it: an analysis made with
    another registry still gives its article, unparsed, and is made again.
    """

    context: str
    """Digest of what every analysis in this run depends on besides its article file."""

    @classmethod
    def of(cls, model: str) -> AnalysisKeys:
        parts = (
            str(STORE_FORMAT),
            fingerprint.analysis_fingerprint(),
            fingerprint.library_versions(),
            model,
        )
        return cls(hashlib.sha256("\n".join(parts).encode()).hexdigest())

    def key(self, name: str, file_digest: bytes) -> bytes:
        """The key of the analysis of the file of this name and bytes (their SHA-256)."""
        digest = hashlib.sha256(f"{self.context}\n{name}\n".encode())
        digest.update(file_digest)
        return digest.digest()


def registry_digest(registry: Registry) -> str:
    """Digest of an actor registry: an analysis made with another one is made again."""
    return hashlib.sha256(repr(registry).encode()).hexdigest()
