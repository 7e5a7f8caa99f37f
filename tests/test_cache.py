"""The disk cache of slow-to-build tables (the gazetteer, the lemmatizer's dictionary):
read back when safe, rebuilt whenever anything is amiss, never an error."""
from __future__ import annotations

import os

import pytest

from crosscheck import cache


@pytest.fixture
def folder(tmp_path, monkeypatch):
    monkeypatch.setenv("CROSSCHECK_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path / "cache"


def _counting(value):
    calls = []

    def build():
        calls.append(1)
        return value

    return build, calls


def test_an_entry_is_built_once_then_read_back(folder):
    build, calls = _counting({"a": (1, 2)})
    assert cache.cached("table", "k1", build) == {"a": (1, 2)}
    assert cache.cached("table", "k1", build) == {"a": (1, 2)}
    assert len(calls) == 1
    assert oct(folder.stat().st_mode & 0o777) == "0o700"


def test_a_new_key_rebuilds_and_drops_the_old_entry(folder):
    build, calls = _counting([1])
    cache.cached("table", "k1", build)
    cache.cached("table", "k2", build)
    assert len(calls) == 2
    assert sorted(p.name for p in folder.iterdir()) == ["table-k2.pickle"]


def test_a_damaged_entry_is_rebuilt_and_replaced(folder):
    build, calls = _counting("fresh")
    cache.cached("table", "k1", build)
    (folder / "table-k1.pickle").write_bytes(b"not a pickle")
    assert cache.cached("table", "k1", build) == "fresh"
    assert cache.cached("table", "k1", build) == "fresh"
    assert len(calls) == 2


def test_an_entry_others_could_have_written_is_not_read(folder):
    build, calls = _counting("fresh")
    cache.cached("table", "k1", build)
    os.chmod(folder / "table-k1.pickle", 0o666)
    assert cache.cached("table", "k1", build) == "fresh"
    assert len(calls) == 2


def test_a_folder_that_cannot_be_made_means_building_in_memory(monkeypatch, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("a file where the cache folder would go")
    monkeypatch.setenv("CROSSCHECK_CACHE_DIR", str(blocker / "cache"))
    build, calls = _counting(42)
    assert cache.cached("table", "k1", build) == 42
    assert cache.cached("table", "k1", build) == 42
    assert len(calls) == 2


def test_the_gazetteer_read_from_the_cache_is_the_one_built(folder):
    from crosscheck.extract import gazetteer

    built = gazetteer._build()
    first = cache.cached("gazetteer", gazetteer._gazetteer_key(), gazetteer._build)
    again = cache.cached("gazetteer", gazetteer._gazetteer_key(), lambda: pytest.fail("rebuilt"))
    assert first == built and again == built
