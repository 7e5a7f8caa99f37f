"""The SQLite store on real files: claims round-trip, runs are all-or-nothing,
versions are checked, and a locked store gives up after its timeout."""
from __future__ import annotations

import sqlite3

import pytest

from crosscheck.errors import StoreError
from crosscheck.extract import extract_claims
from crosscheck.ingest import ingest_text, load_sources
from crosscheck.model import ClaimKind
from crosscheck.store import sqlite as store_sqlite
from crosscheck.store.sqlite import APPLICATION_ID, SCHEMA_VERSION, StaleRunError, SourceUpdate, Store

from ..conftest import SEEDS

SEED_FILES = sorted(SEEDS.glob("*.txt"))


@pytest.fixture(scope="module")
def seed_updates() -> list[SourceUpdate]:
    documents = load_sources(SEED_FILES[:2])
    return [SourceUpdate(d.source, f"hash-{d.source.id}", tuple(extract_claims(d))) for d in documents]


def _record(store: Store, story: str, updates, removed=(), after_run=None) -> int:
    return store.record_run(
        story, updates=updates, removed=removed, report={"sources": [], "findings": []}, changes={},
        extracted=len(updates), after_run=after_run,
    )


def test_sources_and_claims_round_trip(tmp_path, seed_updates):
    path = tmp_path / "deep" / "store.db"
    with Store(path) as store:
        run = _record(store, "story", seed_updates)
    with Store(path) as store:  # a fresh connection reads what was committed
        sources = store.sources("story")
        assert [s.source for s in sources.values()] == [u.source for u in seed_updates]
        assert {s.hash for s in sources.values()} == {u.hash for u in seed_updates}
        assert store.claims("story") == [c for u in seed_updates for c in u.claims]
        assert store.claims("story")  # the seeds do make claims
        assert store.last_run("story").id == run and store.stories() == ["story"]


def test_time_claims_round_trip(tmp_path):
    document = ingest_text("a", "The storm hit the harbour at about 4:05 a.m. Monday, and again Monday night.")
    times = tuple(c for c in extract_claims(document) if c.kind is ClaimKind.TIME)
    assert len(times) == 2
    with Store(tmp_path / "store.db") as store:
        _record(store, "story", [SourceUpdate(document.source, "hash-a", times)])
        assert store.claims("story") == list(times)


def test_stories_are_kept_apart(tmp_path, seed_updates):
    with Store(tmp_path / "s.db") as store:
        _record(store, "a", seed_updates[:1])
        _record(store, "b", seed_updates[1:])
        assert list(store.sources("a")) == [seed_updates[0].source.id]
        assert {c.source for c in store.claims("b")} == {seed_updates[1].source.id}
        assert store.last_run("c") is None and store.sources("c") == {}


def test_removed_source_leaves_evaluation_but_keeps_history(tmp_path, seed_updates):
    gone = seed_updates[0].source.id
    with Store(tmp_path / "s.db") as store:
        first = _record(store, "story", seed_updates)
        _record(store, "story", [], removed=[gone], after_run=first)
        assert gone not in store.sources("story")
        kept = store.sources("story", include_removed=True)[gone]
        assert kept.removed is not None and kept.first_seen
        assert {c.source for c in store.claims("story")} == {seed_updates[1].source.id}
        assert store.claims("story", [gone]) == list(seed_updates[0].claims)
        assert len(store.runs("story")) == 2


def test_stale_plan_writes_nothing(tmp_path, seed_updates):
    with Store(tmp_path / "s.db") as store:
        first = _record(store, "story", seed_updates[:1])
        with pytest.raises(StaleRunError):
            _record(store, "story", seed_updates[1:], after_run=None)  # planned before run `first`
        assert list(store.sources("story")) == [seed_updates[0].source.id]
        assert [r.id for r in store.runs("story")] == [first]


def test_failure_inside_the_write_rolls_everything_back(tmp_path, seed_updates, monkeypatch):
    with Store(tmp_path / "s.db") as store:
        _record(store, "story", seed_updates[:1])

        def broken(*_):
            raise RuntimeError("disk gone")

        monkeypatch.setattr(store_sqlite, "_pause_for_fault_injection", broken)
        with pytest.raises(RuntimeError):
            _record(store, "story", seed_updates[1:], after_run=store.last_run("story").id)
        assert list(store.sources("story")) == [seed_updates[0].source.id]
        assert len(store.runs("story")) == 1


def _foreign_db(path, app_id: int, version: int) -> None:
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE notes (x)")
    db.execute(f"PRAGMA application_id = {app_id}")
    db.execute(f"PRAGMA user_version = {version}")
    db.commit()
    db.close()


@pytest.mark.parametrize(
    ("app_id", "version", "message"),
    [
        (APPLICATION_ID, SCHEMA_VERSION + 7, "newer than this crosscheck"),
        (APPLICATION_ID, 0, "cannot be migrated"),
        (0, 0, "not a crosscheck store"),
        (1234, SCHEMA_VERSION, "not a crosscheck store"),
    ],
)
def test_unknown_versions_are_refused_untouched(tmp_path, app_id, version, message):
    path = tmp_path / "s.db"
    _foreign_db(path, app_id, version)
    before = path.read_bytes()
    with pytest.raises(StoreError, match=message):
        Store(path).open()
    assert path.read_bytes() == before


def test_garbage_file_is_refused(tmp_path):
    path = tmp_path / "s.db"
    path.write_bytes(b"this is not sqlite at all\n" * 200)
    with pytest.raises(StoreError, match="not a crosscheck store, or damaged"):
        Store(path).open()


def test_older_version_is_migrated(tmp_path, seed_updates, monkeypatch):
    path = tmp_path / "s.db"
    with Store(path) as store:
        _record(store, "story", seed_updates)
    monkeypatch.setattr(store_sqlite, "SCHEMA_VERSION", SCHEMA_VERSION + 1)
    monkeypatch.setattr(store_sqlite, "MIGRATIONS", {SCHEMA_VERSION: "ALTER TABLE runs ADD COLUMN note TEXT"})
    with Store(path) as store:
        assert store.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION + 1
        assert "note" in [row[1] for row in store.db.execute("PRAGMA table_info(runs)")]
        assert store.claims("story") == [c for u in seed_updates for c in u.claims]


def test_locked_store_times_out_with_a_clear_message(tmp_path, seed_updates):
    path = tmp_path / "s.db"
    Store(path).open().close()
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        with Store(path, timeout=0.2) as store:
            with pytest.raises(StoreError, match=r"store is busy: another crosscheck run held it for more than 0.2 s"):
                _record(store, "story", seed_updates)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    with Store(path) as store:
        assert store.sources("story") == {}
