"""The SQLite store: per story, the sources seen, their claims, and every run's findings.

One file (default ``.crosscheck/store.db``) holds many stories. Safety rests on
SQLite itself: a run writes everything in one ``BEGIN IMMEDIATE`` transaction,
so a process killed at any point leaves the store as before or after that run;
a second writer waits ``timeout`` seconds for the lock, then gets a StoreError.

Fault injection for tests: when the environment variable named by
``PAUSE_ENV`` holds a number of seconds, ``record_run`` prints
``PAUSE_MARKER`` to stderr and sleeps that long inside the open transaction,
after half of its writes, so a test can SIGKILL the writer mid-write.
"""
from __future__ import annotations

import datetime as dt
import errno
import json
import os
import sqlite3
import sys
import time
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

from ..errors import CrosscheckError, StoreBusyError, StoreError, TemporaryFailure
from ..model import Claim, Source

DEFAULT_PATH = Path(".crosscheck") / "store.db"
DEFAULT_TIMEOUT = 30.0
# Marks our files, so a store is never confused with another program's SQLite database.
APPLICATION_ID = 0x63636B31  # "cck1"
SCHEMA_VERSION = 1
PAUSE_ENV = "CROSSCHECK_STORE_PAUSE_IN_WRITE"
PAUSE_MARKER = "crosscheck: store write paused"

SCHEMA = """
CREATE TABLE stories (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    created TEXT NOT NULL
);
-- One row per source ever seen in a story, with "removed" set while it is gone.
CREATE TABLE sources (
    story INTEGER NOT NULL REFERENCES stories(id),
    id TEXT NOT NULL,
    path TEXT,
    hash TEXT NOT NULL,
    meta TEXT NOT NULL,
    first_seen TEXT NOT NULL,
    last_seen TEXT NOT NULL,
    removed TEXT,
    PRIMARY KEY (story, id)
) WITHOUT ROWID;
-- A source's claims as one JSON list, so a story loads in one indexed scan.
CREATE TABLE claims (
    story INTEGER NOT NULL,
    source TEXT NOT NULL,
    claims TEXT NOT NULL,
    PRIMARY KEY (story, source),
    FOREIGN KEY (story, source) REFERENCES sources(story, id)
) WITHOUT ROWID;
CREATE TABLE runs (
    id INTEGER PRIMARY KEY,
    story INTEGER NOT NULL REFERENCES stories(id),
    finished TEXT NOT NULL,
    extracted INTEGER NOT NULL,
    report TEXT NOT NULL,
    changes TEXT NOT NULL
);
CREATE INDEX runs_by_story ON runs(story, id);
"""

_DAMAGED_HINT = "restore it from a backup, or move it aside and run again to start a new one"
# Version n -> SQL that brings a store from n to n + 1. Empty: version 1 is the first.
MIGRATIONS: dict[int, str] = {}


def now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


@dataclass(frozen=True)
class StoredSource:
    source: Source
    hash: str
    first_seen: str
    last_seen: str
    removed: str | None = None


@dataclass(frozen=True)
class SourceUpdate:
    """A new or changed source with its freshly extracted claims."""

    source: Source
    hash: str
    claims: tuple[Claim, ...]


@dataclass(frozen=True)
class Run:
    id: int
    finished: str
    extracted: int
    report: dict
    changes: dict


class StaleRunError(StoreError):
    """Another run recorded itself for the story since this one read it: plan again."""


class Store:
    """``Store(path).open()``, or ``with Store(path) as store:``."""

    def __init__(self, path: str | Path = DEFAULT_PATH, timeout: float = DEFAULT_TIMEOUT):
        self.path = Path(path)
        self.timeout = timeout
        self._db: sqlite3.Connection | None = None

    def __enter__(self) -> "Store":
        return self.open()

    def __exit__(self, *exc) -> None:
        self.close()

    @property
    def db(self) -> sqlite3.Connection:
        if self._db is None:
            raise StoreError(f"{self.path}: store is not open")
        return self._db

    def open(self) -> "Store":
        if self.path.exists() and not self.path.is_file():
            raise StoreError(f"{self.path}: store path is not a file")
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            # isolation_level=None: transactions are ours, begun explicitly.
            self._db = sqlite3.connect(self.path, timeout=self.timeout, isolation_level=None)
            self._db.execute("PRAGMA foreign_keys = ON")
            self._prepare()
            self._check_integrity()
        except sqlite3.Error as exc:
            self.close()
            raise self._error(exc) from None
        except OSError as exc:
            self.close()
            kind = TemporaryFailure if exc.errno in (errno.ENOSPC, errno.EDQUOT) else StoreError
            raise kind(f"{self.path}: cannot open store ({exc.strerror or exc})") from None
        except BaseException:
            self.close()
            raise
        return self

    def _check_integrity(self) -> None:
        """Refuse a damaged store before anything is written into it."""
        problems = [row[0] for row in self.db.execute("PRAGMA quick_check(3)").fetchall()]
        if problems != ["ok"]:
            raise StoreError(f"{self.path}: store is damaged ({'; '.join(problems)[:200]}); {_DAMAGED_HINT}")

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None

    def _error(self, exc: sqlite3.Error) -> CrosscheckError:
        """Every sqlite error as the exit-code contract has it: busy or a full disk
        are temporary, anything else is a store the user must look at."""
        text = str(exc)
        if "locked" in text or "busy" in text:
            return StoreBusyError(
                f"{self.path}: store is busy: another crosscheck run held it for more than "
                f"{self.timeout:g} s; try again later"
            )
        if "disk is full" in text or "disk I/O error" in text:
            return TemporaryFailure(f"{self.path}: cannot write the store ({text}); free some space and run again")
        if "not a database" in text or "malformed" in text:
            return StoreError(f"{self.path}: not a crosscheck store, or damaged ({text}); {_DAMAGED_HINT}")
        return StoreError(f"{self.path}: store error: {text}")

    def _prepare(self) -> None:
        """Create a fresh store, migrate an older one, refuse anything else."""
        db = self.db
        app_id = db.execute("PRAGMA application_id").fetchone()[0]
        version = db.execute("PRAGMA user_version").fetchone()[0]
        if app_id == APPLICATION_ID and version == SCHEMA_VERSION:
            return
        db.execute("BEGIN IMMEDIATE")
        try:
            app_id = db.execute("PRAGMA application_id").fetchone()[0]
            version = db.execute("PRAGMA user_version").fetchone()[0]
            tables = db.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
            if app_id == APPLICATION_ID and version == SCHEMA_VERSION:
                pass  # another process prepared it while we waited for the lock
            elif app_id == 0 and version == 0 and tables == 0:
                for statement in _statements(SCHEMA):
                    db.execute(statement)
                db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            elif app_id != APPLICATION_ID:
                raise StoreError(f"{self.path}: not a crosscheck store (another program's SQLite database)")
            elif version > SCHEMA_VERSION:
                raise StoreError(
                    f"{self.path}: store schema version {version} is newer than this crosscheck "
                    f"understands ({SCHEMA_VERSION}); upgrade crosscheck or use another --store"
                )
            else:
                for old in range(version, SCHEMA_VERSION):
                    if old not in MIGRATIONS:
                        raise StoreError(
                            f"{self.path}: store schema version {version} cannot be migrated to "
                            f"{SCHEMA_VERSION}; use another --store"
                        )
                    for statement in _statements(MIGRATIONS[old]):
                        db.execute(statement)
            db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
            db.execute("COMMIT")
        except BaseException:
            _rollback(db)
            raise

    # Reading. Each read is one statement, so it sees one committed state.

    def stories(self) -> list[str]:
        return [name for (name,) in self._query("SELECT name FROM stories ORDER BY name")]

    def _story_id(self, story: str) -> int | None:
        row = self._query("SELECT id FROM stories WHERE name = ?", (story,))
        return row[0][0] if row else None

    def sources(self, story: str, include_removed: bool = False) -> dict[str, StoredSource]:
        """The story's sources by id: current ones, or every one ever seen."""
        rows = self._query(
            "SELECT s.id, s.path, s.hash, s.meta, s.first_seen, s.last_seen, s.removed"
            " FROM sources s JOIN stories t ON t.id = s.story WHERE t.name = ?"
            + ("" if include_removed else " AND s.removed IS NULL") + " ORDER BY s.id",
            (story,),
        )
        return {
            sid: StoredSource(Source(id=sid, path=path, **json.loads(meta)), hash, first, last, removed)
            for sid, path, hash, meta, first, last, removed in rows
        }

    def claims(self, story: str, source_ids: Iterable[str] | None = None) -> list[Claim]:
        """The stored claims of the story's current sources, or of ``source_ids``."""
        rows = self._query(
            "SELECT c.source, c.claims FROM claims c JOIN sources s ON s.story = c.story AND s.id = c.source"
            " JOIN stories t ON t.id = c.story WHERE t.name = ?"
            + ("" if source_ids is not None else " AND s.removed IS NULL") + " ORDER BY c.source",
            (story,),
        )
        wanted = None if source_ids is None else set(source_ids)
        return [
            Claim.from_dict(data)
            for source, blob in rows if wanted is None or source in wanted
            for data in json.loads(blob)
        ]

    def last_run(self, story: str) -> Run | None:
        rows = self._query(
            "SELECT r.id, r.finished, r.extracted, r.report, r.changes FROM runs r"
            " JOIN stories t ON t.id = r.story WHERE t.name = ? ORDER BY r.id DESC LIMIT 1",
            (story,),
        )
        return _run(rows[0]) if rows else None

    def _last_run_id(self, story_id: int | None) -> int | None:
        """The id alone: the staleness check of a write need not decode the last report."""
        row = self._query("SELECT max(id) FROM runs WHERE story = ?", (story_id,))
        return row[0][0] if row else None

    def runs(self, story: str) -> list[Run]:
        """Every run of the story, oldest first: its history."""
        rows = self._query(
            "SELECT r.id, r.finished, r.extracted, r.report, r.changes FROM runs r"
            " JOIN stories t ON t.id = r.story WHERE t.name = ? ORDER BY r.id",
            (story,),
        )
        return [_run(row) for row in rows]

    def _query(self, sql: str, params: Sequence = ()) -> list[tuple]:
        try:
            return self.db.execute(sql, params).fetchall()
        except sqlite3.Error as exc:
            raise self._error(exc) from None

    # Writing: one transaction per run.

    def record_run(
        self, story: str, *, updates: Sequence[SourceUpdate], removed: Sequence[str], report: dict,
        changes: dict, extracted: int, after_run: int | None, restored: Sequence[str] = (),
    ) -> int:
        """Write one run: new or changed sources and their claims, removals, sources
        back unchanged after a removal (``restored``), the findings and the change
        set, all or nothing. ``after_run`` is the id of the
        last run this one was planned on (None for a story's first): when another
        run has been recorded since, nothing is written and StaleRunError says so."""
        db = self.db
        stamp = now()
        try:
            db.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as exc:
            raise self._error(exc) from None
        try:
            story_id = self._story_id(story)
            if self._last_run_id(story_id) != after_run:
                raise StaleRunError(f"{self.path}: story {story!r} was updated by another run meanwhile")
            if story_id is None:
                story_id = db.execute("INSERT INTO stories (name, created) VALUES (?, ?)", (story, stamp)).lastrowid
            half = len(updates) // 2
            for number, update in enumerate(updates):
                if number == half:
                    _pause_for_fault_injection()
                self._write_source(story_id, update, stamp)
            if not updates:
                _pause_for_fault_injection()
            db.executemany(
                "UPDATE sources SET removed = ? WHERE story = ? AND id = ? AND removed IS NULL",
                [(stamp, story_id, sid) for sid in removed],
            )
            db.executemany(
                "UPDATE sources SET removed = NULL WHERE story = ? AND id = ?", [(story_id, sid) for sid in restored],
            )
            db.execute(
                "UPDATE sources SET last_seen = ? WHERE story = ? AND removed IS NULL", (stamp, story_id),
            )
            run_id = db.execute(
                "INSERT INTO runs (story, finished, extracted, report, changes) VALUES (?, ?, ?, ?, ?)",
                (story_id, stamp, extracted, _dumps(report), _dumps(changes)),
            ).lastrowid
            db.execute("COMMIT")
            return run_id
        except sqlite3.Error as exc:
            _rollback(db)
            raise self._error(exc) from None
        except BaseException:
            _rollback(db)
            raise

    def _write_source(self, story_id: int, update: SourceUpdate, stamp: str) -> None:
        source = update.source
        meta = {k: v for k, v in asdict(source).items() if k not in ("id", "path")}
        self.db.execute(
            "INSERT INTO sources (story, id, path, hash, meta, first_seen, last_seen, removed)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, NULL)"
            " ON CONFLICT (story, id) DO UPDATE SET path = excluded.path, hash = excluded.hash,"
            " meta = excluded.meta, last_seen = excluded.last_seen, removed = NULL",
            (story_id, source.id, source.path, update.hash, _dumps(meta), stamp, stamp),
        )
        self.db.execute(
            "INSERT OR REPLACE INTO claims (story, source, claims) VALUES (?, ?, ?)",
            (story_id, source.id, _dumps([c.to_dict() for c in update.claims])),
        )


def _rollback(db: sqlite3.Connection) -> None:
    """Undo an open transaction; after a failed COMMIT (disk full) SQLite has
    already rolled back, and a second ROLLBACK would hide the real error."""
    if db.in_transaction:
        try:
            db.execute("ROLLBACK")
        except sqlite3.Error:
            pass  # the connection is closed next; SQLite discards the transaction then


def _statements(script: str) -> list[str]:
    """A schema script as single statements: executescript would COMMIT our transaction."""
    return [statement.strip() for statement in script.split(";") if statement.strip()]


def _dumps(data: object) -> str:
    return json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def _run(row: tuple) -> Run:
    run_id, finished, extracted, report, changes = row
    return Run(run_id, finished, extracted, json.loads(report), json.loads(changes))


def _pause_for_fault_injection() -> None:
    seconds = os.environ.get(PAUSE_ENV)
    if seconds:
        print(PAUSE_MARKER, file=sys.stderr, flush=True)
        time.sleep(float(seconds))
