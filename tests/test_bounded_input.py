"""Hostile input to the parsers: bounded YAML and JSON, rule validation, manifests,
the store's integrity check and restored sources. Every text here is made up."""
from __future__ import annotations

import json
import sqlite3

import pytest
import yaml

from crosscheck import safe_json, safe_yaml
from crosscheck.changes import validate_report
from crosscheck.errors import RuleFileError, SourceError, StoreError
from crosscheck.ingest import load_document
from crosscheck.ingest.manifest import load_manifest
from crosscheck.rules.load import load_rule
from crosscheck.store import Store

BOMB = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join([f'*{chr(97 + i)}'] * 9)}]\n" for i in range(8)
)


@pytest.mark.parametrize("text, reason", [
    (BOMB, "once aliases are expanded"),
    ("&a [*a]", "once aliases are expanded"),
    ("[" * 20000, "nested deeper"),
    ("k: " + "*x " * 3, "undefined alias"),
    ("- !!python/object:os.system {}", "constructor"),
    ("when: 2031-02-30", "is not a date"),
])
def test_yaml_refuses_bombs_depth_and_unsafe_tags_with_a_line(text, reason):
    with pytest.raises(yaml.YAMLError) as caught:
        safe_yaml.load(text)
    line, problem = safe_yaml.problem(caught.value)
    assert reason in problem and len(problem) <= 200 and line == 1


def test_yaml_reads_ordinary_documents_as_safe_load_does():
    text = "outlet: Valley Courier\npublished: 2031-03-04\ntags: [a, b]\nsame: &s {x: 1}\nagain: *s\n"
    assert safe_yaml.load(text) == yaml.safe_load(text)
    assert safe_yaml.load("") is None


def test_json_depth_is_limited_and_brackets_in_strings_do_not_count():
    with pytest.raises(json.JSONDecodeError, match="nested deeper"):
        safe_json.loads("[" * 100_000)
    assert safe_json.loads('{"text": "' + "[" * 1000 + '\\"]"}')["text"].startswith("[[[")


def _md(tmp_path, front: str, name: str = "story.md"):
    path = tmp_path / name
    path.write_text(f"---\n{front}\n---\nThe council met on Monday and voted to close the bridge.\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("front, reason", [
    ("published: 2031-02-30", "is not a date"),
    ("published: '2031-02-30'", "day is out of range"),
    (BOMB.replace("a:", "title:", 1), "aliases are expanded"),
    ("title: [one, two]", "title: must be text"),
])
def test_bad_front_matter_is_one_line_naming_the_file(tmp_path, front, reason):
    path = _md(tmp_path, front)
    with pytest.raises(SourceError) as caught:
        load_document(path, {})
    message = str(caught.value)
    assert message.startswith(str(path)) and reason in message and "\n" not in message and len(message) < 300


def test_deep_json_source_is_bad_input(tmp_path):
    path = tmp_path / "records.json"
    path.write_text("[" * 100_000, encoding="utf-8")
    with pytest.raises(SourceError, match="nested deeper"):
        load_document(path, {})


@pytest.mark.parametrize("rows, reason", [
    ("file,outlet\n../../outside.txt,X\n", "not a path"),
    ("file,outlet\na.txt,X\na.txt,Y\n", "listed twice"),
])
def test_manifest_rows_stay_in_their_folder_and_are_unique(tmp_path, rows, reason):
    (tmp_path / "a.txt").write_text("The council met on Monday.\n", encoding="utf-8")
    (tmp_path / "sources.csv").write_text(rows, encoding="utf-8")
    with pytest.raises(SourceError, match=reason):
        load_manifest(tmp_path)


RULE = """\
id: my-rule
kind: count
severity: warning
summary: Counts differ.
message: "{message}"
compare: {{using: numeric, tolerance: {tolerance}}}
examples:
  - name: one
    sources: {{a: "The storm killed 100 people.", b: "The storm killed 140 people."}}
    expect: []
"""


@pytest.mark.parametrize("message, tolerance, reason", [
    ("{subject:>99999999}", "0.05", "may not have a format spec"),
    ("{subject!r}", "0.05", "may not have a format spec"),
    ("{subject", "0.05", "not a valid template"),
    ("{subject}", ".nan", "must be from 0 to 1"),
    ("{subject}", "-0.1", "must be from 0 to 1"),
    ("{subject}", ".inf", "must be from 0 to 1"),
])
def test_rule_messages_and_options_are_validated(tmp_path, message, tolerance, reason):
    path = tmp_path / "my-rule.yaml"
    path.write_text(RULE.format(message=message, tolerance=tolerance), encoding="utf-8")
    with pytest.raises(RuleFileError, match=reason) as caught:
        load_rule(path)
    assert str(caught.value).startswith(f"{path}:")


def test_rule_alias_bomb_gives_a_short_error(tmp_path):
    path = tmp_path / "my-rule.yaml"
    path.write_text(RULE.format(message="{subject}", tolerance="0.05") + BOMB.replace("a:", "docs:", 1), encoding="utf-8")
    with pytest.raises(RuleFileError) as caught:
        load_rule(path)
    assert len(str(caught.value)) < 300


def test_rule_choice_quotes_a_huge_value_briefly(tmp_path):
    path = tmp_path / "my-rule.yaml"
    path.write_text(RULE.format(message="{subject}", tolerance="0.05").replace("kind: count", "kind: " + "x" * 100_000),
                    encoding="utf-8")
    with pytest.raises(RuleFileError) as caught:
        load_rule(path)
    assert len(str(caught.value)) < 300


REPORT = {"version": "1.0", "sources": [{"id": "a"}], "findings": [{
    "id": "f1", "rule": "r", "severity": "error", "status": "conflict", "kind": "count", "subject": "s",
    "values": [{"value": "3", "sources": ["a"], "evidence": [{"source": "a", "text": "t", "claim_start": 0, "claim_end": 1}]}],
}]}


@pytest.mark.parametrize("path, bad, reason", [
    (("version",), "2.0", "report version"),
    (("findings", 0, "values"), "x", "'values' must be a list"),
    (("findings", 0, "values", 0, "sources"), [["a"]], "a value must be"),
    (("findings", 0, "values", 0, "evidence", 0, "claim_start"), [1], "'evidence'"),
    (("findings", 0, "subject"), {"a": 1}, "must be text"),
    (("sources", 0, "id"), 3, "no 'id'"),
])
def test_diff_input_is_validated_down_to_its_types(path, bad, reason):
    report = json.loads(json.dumps(REPORT))
    validate_report(report)
    target = report
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = bad
    with pytest.raises(ValueError, match=reason):
        validate_report(report)


def test_damaged_store_is_refused_before_writing(tmp_path):
    path = tmp_path / "store.db"
    with Store(path) as store:
        store.db.execute("CREATE TABLE filler (x TEXT)")
        store.db.executemany("INSERT INTO filler VALUES (?)", [("x" * 500,) for _ in range(200)])
    data = bytearray(path.read_bytes())
    page = int.from_bytes(data[16:18], "big")
    last = len(data) - page
    data[last : last + 8] = b"\x0d\xff\xff\xff\xff\xff\xff\xff"  # a leaf page header that lies about its cells
    path.write_bytes(bytes(data))
    before = path.read_bytes()
    with pytest.raises(StoreError, match="damaged.*move it aside") as caught:
        Store(path).open()
    assert "\n" not in str(caught.value)
    assert path.read_bytes() == before


def test_a_source_that_comes_back_loses_its_removed_mark(tmp_path):
    from crosscheck.rules.load import load_rules
    from crosscheck.store import update_story

    story = tmp_path / "story"
    story.mkdir()
    (story / "a.txt").write_text("The storm killed 12 people on Monday.\n", encoding="utf-8")
    (story / "b.txt").write_text("The storm killed 14 people on Monday.\n", encoding="utf-8")
    rules = load_rules()
    with Store(tmp_path / "s.db") as store:
        update_story(store, "s", [story], rules)
        kept = (story / "b.txt").read_text(encoding="utf-8")
        (story / "b.txt").unlink()
        update_story(store, "s", [story], rules)
        assert store.sources("s", include_removed=True)["b"].removed
        (story / "b.txt").write_text(kept, encoding="utf-8")
        update_story(store, "s", [story], rules)
        assert store.sources("s", include_removed=True)["b"].removed is None
        assert "b" in store.sources("s")
    with sqlite3.connect(tmp_path / "s.db") as db:
        assert db.execute("SELECT count(*) FROM sources WHERE removed IS NOT NULL").fetchone() == (0,)


def test_store_on_a_full_disk_or_busy_is_a_temporary_failure(tmp_path):
    from crosscheck.errors import TemporaryFailure

    store = Store(tmp_path / "s.db").open()
    error = store._error(sqlite3.OperationalError("database or disk is full"))
    assert isinstance(error, TemporaryFailure) and str(error).startswith(str(tmp_path / "s.db"))
    assert isinstance(store._error(sqlite3.OperationalError("database is locked")), TemporaryFailure)
    store.close()
