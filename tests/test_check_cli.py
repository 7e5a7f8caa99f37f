"""`crosscheck check` against a real SQLite store, and `crosscheck diff` on real reports.

The seed story is copied into tmp folders; sources are added, changed and
removed between runs, runs are killed mid-write and run side by side.
"""
from __future__ import annotations

import difflib
import json
import os
import re
import select
import shutil
import signal
import sqlite3
import subprocess
import sys
import time

import pytest
from click.testing import CliRunner

from crosscheck.cli import main
from crosscheck.errors import EXIT_TEMPORARY
from crosscheck.store import Store
from crosscheck.store.sqlite import PAUSE_ENV, PAUSE_MARKER

from .conftest import REPO, SEEDS, changeset

SEED = {p.name[:3]: p for p in sorted(SEEDS.glob("*.txt"))}
ID = {key: path.stem for key, path in SEED.items()}
# A fifth article written for this test: it names a person the seeds name, and nothing else in common.
FIFTH_ID = "004_review"
FIFTH_TEXT = """Immigration agency to publish camera trial review

By Staff Writer

March 20, 2024

Federal immigration officials said on Wednesday that the agency would publish a review of its body camera trial.

Acting ICE Director Tae D. Johnson said in a statement that the review would look at how agents used the cameras.

The agency did not say how much the review would cost or who would write it.
"""


def story_folder(tmp_path, keys=("000", "001", "002"), name="ice") -> os.PathLike:
    folder = tmp_path / name
    folder.mkdir()
    for key in keys:
        shutil.copy(SEED[key], folder)
    return folder


def check(folder, store, *extra: str) -> tuple[int, dict]:
    result = CliRunner().invoke(main, ["check", str(folder), "--store", str(store), "--format", "json", *extra])
    assert result.exit_code in (0, 1), result.output
    return result.exit_code, changeset(result.stdout)


def pilot_cities_conflict(changes: dict) -> dict:
    """The places conflict that seed 003 brings: 000 and 002 on one side, 003 on another."""
    found = [
        c for c in changes["findings"]
        if c["change"] == "new" and c["status"] == "conflict" and c["kind"] == "places"
        and [ID["000"], ID["002"]] in [s["sources"] for s in c["sides"]] and [ID["003"]] in [s["sources"] for s in c["sides"]]
    ]
    assert len(found) == 1, changes["findings"]
    return found[0]


def test_scheduled_runs_report_only_what_is_new(tmp_path):
    folder, store = story_folder(tmp_path), tmp_path / "store.db"
    code, first = check(folder, store)
    assert first["first"] and first["story"] == "ice"
    assert first["extracted"] == 3 and first["reused"] == 0
    assert code == (1 if any(f["status"] == "conflict" for f in first["findings"]) else 0)

    shutil.copy(SEED["003"], folder)
    code, second = check(folder, store)
    assert code == 1
    assert second["sources_added"] == [ID["003"]] and not second["first"]
    assert second["extracted"] == 1 and second["reused"] == 3
    assert pilot_cities_conflict(second)["caused_by"] == [ID["003"]]

    code, third = check(folder, store)
    assert code == 0
    assert third["extracted"] == 0 and third["reused"] == 4
    assert third["findings"] == [] and third["sources_added"] == third["sources_changed"] == []
    markdown = CliRunner().invoke(main, ["check", str(folder), "--store", str(store)])
    assert markdown.exit_code == 0
    assert "No finding changed." in markdown.stdout and "0 sources extracted, 4 re-used" in markdown.stdout
    with Store(store) as opened:
        assert [r.extracted for r in opened.runs("ice")] == [3, 1, 0, 0]


def test_fail_on_threshold(tmp_path):
    folder, store = story_folder(tmp_path, ("000", "002")), tmp_path / "store.db"
    code, first = check(folder, store, "--fail-on", "variant")
    assert {f["status"] for f in first["findings"]} & {"variant", "conflict"}
    assert code == 1
    shutil.copy(SEED["001"], folder)
    # 001 alone brings nothing worse than what 000 and 002 already had.
    code, second = check(folder, store, "--fail-on", "conflict")
    assert not [f for f in second["findings"] if f["change"] == "new" and f["status"] == "conflict"]
    assert code == 0


def test_removed_source_leaves_the_evaluation_and_stays_in_history(tmp_path):
    folder, store = story_folder(tmp_path, ("000", "001", "002", "003")), tmp_path / "store.db"
    check(folder, store)
    (folder / SEED["003"].name).unlink()
    code, changes = check(folder, store)
    assert code == 0
    assert changes["sources_removed"] == [ID["003"]] and changes["extracted"] == 0
    resolved = [f for f in changes["findings"] if f["change"] == "resolved" and f["before_status"] == "conflict"]
    assert resolved and all(f["caused_by"] == [ID["003"]] for f in resolved)
    with Store(store) as opened:
        assert ID["003"] not in opened.sources("ice")
        assert opened.sources("ice", include_removed=True)[ID["003"]].removed
        assert {s["id"] for s in opened.last_run("ice").report["sources"]} == {ID["000"], ID["001"], ID["002"]}
        assert ID["003"] not in {c.source for c in opened.claims("ice")}
    # It comes back unchanged: its stored claims are re-used, and its conflict is new again.
    shutil.copy(SEED["003"], folder)
    code, back = check(folder, store)
    assert code == 1 and back["extracted"] == 0 and back["sources_added"] == [ID["003"]]
    pilot_cities_conflict(back)


def test_changed_source_is_extracted_again(tmp_path):
    folder, store = story_folder(tmp_path), tmp_path / "store.db"
    check(folder, store)
    changed = folder / SEED["001"].name
    changed.write_bytes(changed.read_bytes() + b"\nThe agency said more cameras would follow.\n")
    code, changes = check(folder, store)
    assert changes["sources_changed"] == [ID["001"]] and changes["extracted"] == 1 and changes["reused"] == 2


def test_progress_hears_only_of_files_read_again(tmp_path):
    from crosscheck.rules.load import load_rules
    from crosscheck.store import update_story

    folder, rules = story_folder(tmp_path), load_rules()
    heard: list[tuple[int, int]] = []
    with Store(tmp_path / "store.db") as store:
        update_story(store, "ice", [folder], rules, progress=lambda done, total: heard.append((done, total)))
        assert heard == [(1, 3)] * 3
        heard.clear()
        changed = folder / SEED["001"].name
        changed.write_bytes(changed.read_bytes() + b"\nThe agency said more cameras would follow.\n")
        update_story(store, "ice", [folder], rules, progress=lambda done, total: heard.append((done, total)))
        assert heard == [(1, 1)]


def test_stories_share_a_store_and_default_to_the_folder_name(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    a = story_folder(tmp_path, ("000", "002"), name="alpha")
    b = story_folder(tmp_path, ("001", "003"), name="beta")
    assert CliRunner().invoke(main, ["check", str(a)]).exit_code in (0, 1)
    assert CliRunner().invoke(main, ["check", str(b), "--story", "renamed"]).exit_code in (0, 1)
    with Store(tmp_path / ".crosscheck" / "store.db") as opened:
        assert opened.stories() == ["alpha", "renamed"]
        assert set(opened.sources("alpha")) == {ID["000"], ID["002"]}


def one_line_error(result) -> str:
    lines = result.stderr.strip().splitlines()
    assert result.exit_code == 2 and len(lines) == 1, result.output
    assert "Traceback" not in result.output
    return lines[0]


def test_bad_input_and_foreign_stores_exit_2(tmp_path):
    runner = CliRunner()
    folder = story_folder(tmp_path, ("000",))
    assert "no such file" in one_line_error(runner.invoke(main, ["check", str(tmp_path / "nope"), "--store", str(tmp_path / "s.db")]))
    newer = tmp_path / "newer.db"
    Store(newer).open().close()
    db = sqlite3.connect(newer)
    db.execute("PRAGMA user_version = 99")
    db.close()
    assert "newer than this crosscheck" in one_line_error(runner.invoke(main, ["check", str(folder), "--store", str(newer)]))
    garbage = tmp_path / "garbage.db"
    garbage.write_bytes(b"\x00not sqlite" * 500)
    assert "not a crosscheck store" in one_line_error(runner.invoke(main, ["check", str(folder), "--store", str(garbage)]))


def crosscheck(*args: str, pause: float | None = None) -> subprocess.Popen:
    env = {**os.environ, **({PAUSE_ENV: str(pause)} if pause else {})}
    return subprocess.Popen(
        [sys.executable, "-m", "crosscheck", *args], cwd=REPO, env=env,
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )


def wait_for_pause(process: subprocess.Popen, timeout: float = 60) -> None:
    """Block until ``process`` says it is inside its write transaction."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        ready, _, _ = select.select([process.stderr], [], [], deadline - time.monotonic())
        if not ready:
            break
        line = process.stderr.readline()
        if not line:
            break
        if PAUSE_MARKER in line:
            return
    process.kill()
    pytest.fail(f"the writer never paused: {process.communicate()}")


def store_state(path) -> tuple:
    db = sqlite3.connect(path)
    try:
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        return tuple(db.execute(f"SELECT * FROM {t} ORDER BY 1, 2").fetchall() for t in ("stories", "sources", "claims", "runs"))
    finally:
        db.close()


def test_run_killed_mid_write_leaves_the_store_as_before(tmp_path):
    folder, store = story_folder(tmp_path), tmp_path / "store.db"
    check(folder, store)
    before = store_state(store)
    shutil.copy(SEED["003"], folder)
    writer = crosscheck("check", str(folder), "--store", str(store), pause=120)
    wait_for_pause(writer)
    writer.send_signal(signal.SIGKILL)
    writer.wait(timeout=30)
    assert writer.returncode == -signal.SIGKILL
    assert store_state(store) == before  # the hot journal rolls the half-written run back
    code, changes = check(folder, store)
    assert code == 1 and changes["sources_added"] == [ID["003"]] and changes["extracted"] == 1
    pilot_cities_conflict(changes)
    with Store(store) as opened:
        assert len(opened.runs("ice")) == 2


def test_two_runs_at_once_queue_and_stay_consistent(tmp_path):
    folder, store = story_folder(tmp_path, ("000", "001", "002", "003")), tmp_path / "store.db"
    args = ("check", str(folder), "--store", str(store), "--format", "json")
    first = crosscheck(*args, pause=3)
    wait_for_pause(first)
    second = crosscheck(*args)  # plans while the first holds the write lock, then waits for it
    out_first, err_first = first.communicate(timeout=120)
    out_second, err_second = second.communicate(timeout=120)
    assert first.returncode == 1, err_first
    assert second.returncode == 0, err_second
    # The second planned on an empty story, found the first's run recorded, and planned again on top of it.
    assert changeset(out_first)["sources_added"] and changeset(out_second)["findings"] == []
    assert changeset(out_second)["reused"] == 4
    state = store_state(store)
    assert len(state[1]) == 4 and len(state[3]) == 2


def test_a_run_that_cannot_get_the_store_in_time_is_a_temporary_failure(tmp_path):
    folder, store = story_folder(tmp_path), tmp_path / "store.db"
    args = ("check", str(folder), "--store", str(store))
    first = crosscheck(*args, pause=8)
    wait_for_pause(first)
    second = crosscheck(*args, "--wait", "0.5")
    _, err_second = second.communicate(timeout=120)
    first.communicate(timeout=120)
    assert second.returncode == EXIT_TEMPORARY
    lines = err_second.strip().splitlines()
    assert len(lines) == 1 and "store is busy" in lines[0] and "0.5 s" in lines[0]
    assert first.returncode in (0, 1)
    assert len(store_state(store)[3]) == 1


def report(folder, out) -> None:
    result = CliRunner().invoke(main, ["report", str(folder), "-o", str(out)])
    assert result.exit_code == 0, result.output


def with_fifth_source(tmp_path):
    before = story_folder(tmp_path, tuple(SEED), name="before")
    after = tmp_path / "after"
    shutil.copytree(before, after)
    (after / f"{FIFTH_ID}.txt").write_text(FIFTH_TEXT, encoding="utf-8")
    return before, after


def _unpadded(line: str) -> str:
    """A markdown line without table padding: a wider cell elsewhere in the column re-pads every row."""
    return re.sub(r"-{3,}", "---", re.sub(r" {2,}", " ", line))


def _section_of_each_line(lines: list[str]) -> list[str]:
    sections, current = [], ""
    for line in lines:
        if line.startswith("## "):
            current = line
        sections.append(current)
    return sections


def test_adding_a_fifth_source_changes_only_its_lines(tmp_path):
    before, after = with_fifth_source(tmp_path)
    for folder in (before, after):
        report(folder, tmp_path / f"{folder.name}.md")
        report(folder, tmp_path / f"{folder.name}.json")
    old, new = (json.loads((tmp_path / f"{n}.json").read_text()) for n in ("before", "after"))
    old_ids = [f["id"] for f in old["findings"]]
    new_ids = [f["id"] for f in new["findings"]]
    assert [i for i in new_ids if i in old_ids] == old_ids  # every finding keeps its id and its place
    untouched = [f for f in new["findings"] if FIFTH_ID not in {s for v in f["values"] for s in v["sources"]}]
    old_by_id = {f["id"]: f for f in old["findings"]}
    assert untouched and all(f == old_by_id[f["id"]] for f in untouched)

    old_md = [_unpadded(x) for x in (tmp_path / "before.md").read_text().splitlines()]
    new_md = [_unpadded(x) for x in (tmp_path / "after.md").read_text().splitlines()]
    allowed = {"## Summary", "## Agreement matrix"}  # counts, and one more column per row
    # Lines written now, and lines dropped without a replacement: a replaced line is
    # judged by what replaced it (a row that now names the fifth source).
    changed = []
    matcher = difflib.SequenceMatcher(a=old_md, b=new_md, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag in ("insert", "replace"):
            changed += list(zip(new_md[j1:j2], _section_of_each_line(new_md)[j1:j2]))
        if tag == "delete":
            changed += list(zip(old_md[i1:i2], _section_of_each_line(old_md)[i1:i2]))
    assert any(FIFTH_ID in line for line, _ in changed)
    stray = [line for line, section in changed if FIFTH_ID not in line and section not in allowed and line.strip()]
    assert stray == []


def test_diff_of_two_reports(tmp_path):
    before, after = with_fifth_source(tmp_path)
    for folder in (before, after):
        report(folder, tmp_path / f"{folder.name}.json")
    result = CliRunner().invoke(main, ["diff", str(tmp_path / "before.json"), str(tmp_path / "after.json")])
    assert result.exit_code == 0, result.output
    assert f"- Added sources: {FIFTH_ID}" in result.stdout and "0 removed" in result.stdout
    assert f"caused by: {FIFTH_ID}" in result.stdout
    same = CliRunner().invoke(main, ["diff", str(tmp_path / "after.json"), str(tmp_path / "after.json")])
    assert same.exit_code == 0 and "No finding changed." in same.stdout
    backwards = CliRunner().invoke(main, ["diff", str(tmp_path / "after.json"), str(tmp_path / "before.json"), "--format", "json"])
    assert changeset(backwards.stdout)["sources_removed"] == [FIFTH_ID]


def test_diff_refuses_what_is_not_a_report(tmp_path):
    good = tmp_path / "good.json"
    report(story_folder(tmp_path, ("000", "002")), good)
    broken = tmp_path / "broken.json"
    broken.write_text('{"findings": [', encoding="utf-8")
    other = tmp_path / "other.json"
    other.write_text('{"hello": 1}', encoding="utf-8")
    runner = CliRunner()
    assert "not valid JSON" in one_line_error(runner.invoke(main, ["diff", str(good), str(broken)]))
    assert "not a crosscheck JSON report" in one_line_error(runner.invoke(main, ["diff", str(other), str(good)]))
    assert "cannot read" in one_line_error(runner.invoke(main, ["diff", str(good), str(tmp_path / "missing.json")]))


# A story written for these tests: three sources agree; then one changes its
# toll and a fourth, agreeing on the toll, gives another date.
FLOOD = "Flood kills {n} in Springfield\n\nThe flood killed {n} people in Springfield, officials said. " \
        "The flood began on {date}, 2024, after days of rain.\n"


def flood_story(folder, sources: dict[str, tuple[int, str]]):
    folder.mkdir(exist_ok=True)
    for name, (n, date) in sources.items():
        (folder / f"{name}.txt").write_text(FLOOD.format(n=n, date=date), encoding="utf-8")
    return folder


BEFORE = {"a": (12, "March 3"), "b": (12, "March 3"), "c": (12, "March 3")}
AFTER = {**BEFORE, "c": (15, "March 3"), "d": (12, "February 3")}


def _causes(changes: dict) -> dict[str, list[str]]:
    return {f["kind"]: f["caused_by"] for f in changes["findings"]}


def test_diff_and_check_blame_only_the_source_whose_value_changed(tmp_path):
    before = flood_story(tmp_path / "before", BEFORE)
    after = flood_story(tmp_path / "after", AFTER)
    for folder in (before, after):
        report(folder, tmp_path / f"{folder.name}.json")
    result = CliRunner().invoke(main, ["diff", str(tmp_path / "before.json"), str(tmp_path / "after.json"), "--format", "json"])
    # c's toll moved (d joins the old toll); d brought the new date (c's date did not move).
    assert _causes(changeset(result.stdout)) == {"count": ["c"], "date": ["d"]}
    markdown = CliRunner().invoke(main, ["diff", str(tmp_path / "before.json"), str(tmp_path / "after.json")]).stdout
    assert "caused by: c\n    - c: The flood killed 15 people in Springfield, officials said." in markdown

    story, store = flood_story(tmp_path / "story", BEFORE), tmp_path / "store.db"
    check(story, store)
    flood_story(story, AFTER)
    code, changes = check(story, store)
    assert code == 1 and _causes(changes) == {"count": ["c"], "date": ["d"]}
    assert {f["severity"] for f in changes["findings"]} == {"error", "warning"}
    assert changes["totals"]["findings"]["new"]["conflict"] == 2 and changes["totals"]["added"] == 1


def test_change_summary_counts_every_section_it_shows(tmp_path):
    story, store = flood_story(tmp_path / "story", {"a": (12, "March 3"), "b": (12, "March 3")}), tmp_path / "store.db"
    check(story, store)
    flood_story(story, {"c": (12, "March 3")})
    markdown = CliRunner().invoke(main, ["check", str(story), "--store", str(store)]).stdout
    assert "3 sources: 1 added, 0 changed, 0 removed. Findings: 2 agreements with changed sides." in markdown
    assert "### Agreements whose sides changed (2)" in markdown
