"""The disk cache of slow-to-build word tables (the gazetteer, the lemmatizer's dictionary):
read back when safe, rebuilt whenever anything is amiss, never an error."""
from __future__ import annotations

import os
import sqlite3
import time

import pytest

from crosscheck import cache


@pytest.fixture
def folder(tmp_path, monkeypatch):
    monkeypatch.setenv("CROSSCHECK_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(cache, "_OPENED", {})
    return tmp_path / "cache"


def _counting(rows):
    calls = []

    def build():
        calls.append(1)
        return iter(rows)

    return build, calls


def _open(name, key, build):
    """As a fresh process would: nothing opened yet."""
    cache._OPENED.pop(name, None)
    return cache.cached_table(name, lambda: key, build)


def test_a_table_is_built_once_then_read_back_in_place(folder):
    build, calls = _counting([("cities", "city"), ("mice", "mouse")])
    assert _open("words", "k1", build).get("cities") == "city"
    again = _open("words", "k1", build)
    assert again.get("mice") == "mouse" and "mice" in again
    assert again.get("geese") is None and "geese" not in again
    assert len(calls) == 1
    assert oct(folder.stat().st_mode & 0o777) == "0o700"


def test_a_table_is_opened_once_per_process(folder):
    build, calls = _counting([("a", "b")])
    first = cache.cached_table("words", lambda: "k1", build)
    assert cache.cached_table("words", lambda: pytest.fail("keyed again"), build) is first


def test_the_first_row_of_a_key_wins(folder):
    build, _ = _counting([("athens", "athens"), ("athens", "athen")])
    assert _open("words", "k1", build).get("athens") == "athens"


def test_a_new_key_rebuilds_and_the_oldest_entries_past_the_last_few_are_dropped(folder):
    build, calls = _counting([("a", "b")])
    for key in ("k1", "k2", "k3", "k4"):
        _open("words", key, build)
        time.sleep(0.01)  # a later write, a later modification time
    assert len(calls) == 4
    assert sorted(p.name for p in folder.iterdir()) == [f"words-{k}.sqlite" for k in ("k2", "k3", "k4")]
    # Two installations used in turn keep their own entries: no rebuild.
    _open("words", "k3", build)
    _open("words", "k4", build)
    assert len(calls) == 4


def test_a_damaged_entry_is_rebuilt_and_replaced(folder):
    build, calls = _counting([("a", "b")])
    _open("words", "k1", build)
    (folder / "words-k1.sqlite").write_bytes(b"not a database, though long enough to look like one" * 100)
    assert _open("words", "k1", build).get("a") == "b"
    assert _open("words", "k1", build).get("a") == "b"
    assert len(calls) == 2
    with sqlite3.connect(folder / "words-k1.sqlite") as connection:
        assert connection.execute("SELECT value FROM entries WHERE key = 'a'").fetchone() == ("b",)


def test_an_entry_others_could_have_written_is_not_read(folder):
    build, calls = _counting([("a", "b")])
    _open("words", "k1", build)
    os.chmod(folder / "words-k1.sqlite", 0o666)
    assert _open("words", "k1", build).get("a") == "b"
    assert len(calls) == 2


def test_a_folder_that_cannot_be_made_means_building_in_memory(monkeypatch, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("a file where the cache folder would go")
    monkeypatch.setenv("CROSSCHECK_CACHE_DIR", str(blocker / "cache"))
    monkeypatch.setattr(cache, "_OPENED", {})
    build, calls = _counting([("a", "b")])
    assert _open("words", "k1", build).get("a") == "b"
    assert _open("words", "k1", build).get("a") == "b"
    assert len(calls) == 2


def test_the_gazetteer_read_from_the_cache_is_the_one_built(folder):
    from crosscheck.extract import gazetteer

    built = gazetteer._build()
    table = _open("gazetteer", gazetteer._gazetteer_key(), gazetteer._rows)
    read = _open("gazetteer", gazetteer._gazetteer_key(), lambda: pytest.fail("rebuilt"))
    assert table is not read
    for key in ("paris", "new york", "trenton", "georgia", "cook county"):
        name, kind, wheres = read.get(f"place|{key}").split("\t")
        assert gazetteer.Place(name, kind, frozenset(gazetteer._wheres(wheres))) == built.places[key]
    assert set(gazetteer._wheres(read.get("qualifier|nj"))) == set(built.qualifiers["nj"])


def test_a_word_is_lemmatized_by_the_dictionary_and_a_name_is_left_alone(folder):
    from crosscheck import text

    text.lemma.cache_clear()
    try:
        assert [text.lemma(w) for w in ("injuries", "killed", "Counties", "cease-fire", "court-ordered")] == [
            "injury", "kill", "county", "ceasefire", "court-order",
        ]
        assert [text.lemma(w) for w in ("didn't", "mayor's", "voters'", "o'brien", "zorblax")] == [
            "do", "mayor", "voter", "o'brien", "zorblax",
        ]
    finally:
        text.lemma.cache_clear()


def test_many_lookups_read_the_whole_table_once_and_answer_the_same(folder, monkeypatch):
    monkeypatch.setattr(cache.Table, "WEIGH_EVERY", 2)
    rows = [(f"w{i}", f"v{i}") for i in range(20)]
    table = _open("words", "k1", lambda: iter(rows))
    answers = [table.get(f"w{i}") for i in range(20)] + [table.get("missing")]
    assert table._all is not None  # 2 lookups reach a tenth of 20 rows
    assert answers == [f"v{i}" for i in range(20)] + [None]


def test_a_file_damaged_past_its_first_page_is_built_again_on_the_lookup_that_finds_it(folder):
    rows = [(f"word{i:05d}", f"lemma{i}") for i in range(20000)]
    _open("words", "k1", lambda: iter(rows))
    path = folder / "words-k1.sqlite"
    data = bytearray(path.read_bytes())
    middle = len(data) // 2
    data[middle : middle + 100_000] = bytes(100_000)
    path.write_bytes(bytes(data))
    table = _open("words", "k1", lambda: iter(rows))
    assert [table.get(word) for word, _ in rows[::97]] == [lemma for _, lemma in rows[::97]]
    assert _open("words", "k1", lambda: pytest.fail("rebuilt twice")).get("word00042") == "lemma42"


# --- compiled regexes ---------------------------------------------------------------

@pytest.fixture
def regex_codes(folder, monkeypatch):
    """A process's view of the regex cache, fresh: nothing read from the file yet."""
    def fresh():
        codes = cache._RegexCodes()
        monkeypatch.setattr(cache, "_REGEX_CODES", codes)
        return codes

    return fresh


_SAMPLES = [
    (r"(?P<count>\d+)\s+(?P<noun>[a-z]+)\s+(?:were|was)\s+(?P<event>hurt|injured)", 0),
    (r"\bon\s+(?P<street>[A-Z][a-z]+)\s+(?:street|avenue)\b", 2),  # re.IGNORECASE
    (r"^---[ \t]*$", 8),  # re.MULTILINE
]
_TEXT = "Late on Friday, 3 hikers were hurt ON Tern AVENUE.\n---\nTwo boaters was injured on Elm street."


def _behaviour(pattern):
    return (pattern.pattern, pattern.flags, pattern.groups, pattern.groupindex,
            [(m.span(), m.groupdict()) for m in pattern.finditer(_TEXT)])


def test_a_regex_is_compiled_once_then_read_back_and_matches_as_re_compiles_it(regex_codes, monkeypatch):
    import re

    first = regex_codes()
    compiled = [cache.compiled_regex(p, f) for p, f in _SAMPLES]
    assert [_behaviour(c) for c in compiled] == [_behaviour(re.compile(p, f)) for p, f in _SAMPLES]
    first.save()
    regex_codes()  # another process: everything comes from the file
    monkeypatch.setattr(cache, "_compiler_output", lambda *_: pytest.fail("compiled again"))
    again = [cache.compiled_regex(p, f) for p, f in _SAMPLES]
    assert [_behaviour(c) for c in again] == [_behaviour(re.compile(p, f)) for p, f in _SAMPLES]
    assert not cache._REGEX_CODES.changed  # nothing new: the file is not written again


def test_a_damaged_regex_file_or_entry_means_compiling_as_usual(regex_codes, folder):
    import re

    first = regex_codes()
    cache.compiled_regex(*_SAMPLES[0])
    first.save()
    (path,) = folder.glob("regexes-*")
    pattern, flags = _SAMPLES[0]
    entries = cache.marshal.loads(path.read_bytes())
    all_flags, code, *rest = entries[(pattern, flags)]
    entries[(pattern, flags)] = (all_flags, code[: len(code) // 2], *rest)  # code cut short
    path.write_bytes(cache.marshal.dumps(entries))
    regex_codes()
    assert _behaviour(cache.compiled_regex(pattern, flags)) == _behaviour(re.compile(pattern, flags))
    assert cache._REGEX_CODES.changed  # the entry is dropped from the file
    path.write_bytes(b"\x00 not marshal data")
    regex_codes()
    assert _behaviour(cache.compiled_regex(pattern, flags)) == _behaviour(re.compile(pattern, flags))


def test_a_regex_file_others_could_have_written_is_not_read(regex_codes, folder, monkeypatch):
    first = regex_codes()
    cache.compiled_regex(*_SAMPLES[1])
    first.save()
    (path,) = folder.glob("regexes-*")
    os.chmod(path, 0o666)
    regex_codes()
    calls = []
    real = cache._compiler_output
    monkeypatch.setattr(cache, "_compiler_output", lambda *args: calls.append(1) or real(*args))
    cache.compiled_regex(*_SAMPLES[1])
    assert calls == [1]


def test_patterns_built_from_word_sets_read_the_same_in_every_process():
    """Sets of strings iterate in a different order in each process; alternations built
    from them are sorted fully (longest first, then alphabetical), so the cache finds them."""
    import subprocess
    import sys

    script = (
        "import hashlib, re; from crosscheck import extract; from crosscheck.extract import people, dates, counts;"
        "print(hashlib.sha256('\\n'.join(sorted(v.pattern for m in (people, dates, counts)"
        " for v in vars(m).values() if isinstance(v, re.Pattern))).encode()).hexdigest())"
    )
    digests = {
        subprocess.run([sys.executable, "-c", script], env={**os.environ, "PYTHONHASHSEED": seed},
                       capture_output=True, text=True, check=True).stdout
        for seed in ("1", "2", "3")
    }
    assert len(digests) == 1
