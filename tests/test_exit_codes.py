"""The exit-code contract, command by command, on the attacks of issue 10:
0 done, 1 findings only, 2 bad input or usage, 75 temporary, 70 internal error.
Every failure is one line on stderr naming the file. Texts are made up."""
from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from click.testing import CliRunner

from crosscheck.cli import main
from crosscheck.errors import EXIT_FINDINGS, EXIT_INPUT, EXIT_INTERNAL, EXIT_TEMPORARY

from .conftest import REPO

EXAMPLE = REPO / "examples" / "body-cameras"
A = "The storm killed 12 people in the valley on Monday, officials said.\n"
B = "The storm killed 19 people in the valley on Monday, officials said.\n"


def story(tmp_path, **files: str):
    folder = tmp_path / "story"
    folder.mkdir(exist_ok=True)
    for name, text in files.items():
        (folder / name.replace("_", ".")).write_text(text, encoding="utf-8")
    return folder


def run(*args: str):
    return CliRunner().invoke(main, list(args))


def one_line(result, code: int, *names: str) -> str:
    lines = result.stderr.strip().splitlines()
    assert result.exit_code == code, (result.exit_code, result.stderr)
    assert len(lines) == 1 and "Traceback" not in result.stderr, result.stderr
    assert len(lines[0]) <= 300
    for name in names:
        assert name in lines[0], lines[0]
    return lines[0]


def test_help_of_every_command_states_the_contract():
    for command in ([], ["report"], ["check"], ["diff"], ["rules"], ["review"], ["fetch"]):
        text = " ".join(run(*command, "--help").output.split())
        assert "Exit codes: 0 done; 1 a finding at or above --fail-on (nothing else exits 1); 2 bad usage" in text
        assert f"{EXIT_TEMPORARY} a temporary failure" in text and f"{EXIT_INTERNAL} an internal error" in text


def test_report_exits_0_then_1_only_for_findings(tmp_path):
    folder = story(tmp_path, a_txt=A, b_txt=B)
    assert run("report", str(folder)).exit_code == 0
    assert run("report", str(folder), "--fail-on", "conflict").exit_code == EXIT_FINDINGS


@pytest.mark.parametrize("name, text, reason", [
    ("deep.json", "[" * 100_000, "nested deeper"),
    ("bad-date.md", "---\npublished: 2024-02-30\n---\nThe council met on Monday.\n", "is not a date"),
    ("bomb.md", "---\na: &a [x,x,x,x,x,x,x,x,x]\n" + "".join(
        f"{c}: &{c} [{','.join([f'*{p}'] * 9)}]\n" for p, c in zip("abcdefgh", "bcdefghi")) + "---\nText.\n",
     "aliases are expanded"),
])
def test_report_on_bad_input_exits_2_naming_the_file(tmp_path, name, text, reason):
    folder = story(tmp_path, a_txt=A)
    (folder / name).write_text(text, encoding="utf-8")
    one_line(run("report", str(folder)), EXIT_INPUT, name, reason)


def test_a_number_of_5000_digits_is_no_crash(tmp_path):
    folder = story(tmp_path, a_txt=A, b_txt="They counted " + "7" * 5000 + " people in the valley.\n")
    result = run("report", str(folder), "--format", "json", "--fail-on", "conflict")
    assert result.exit_code in (0, EXIT_FINDINGS) and "Traceback" not in result.stderr
    assert "7777777" not in "".join(str(c["value"]) for c in json.loads(result.stdout)["claims"])


def test_usage_errors_exit_2_never_1(tmp_path):
    assert run("report", "--no-such-option").exit_code == EXIT_INPUT
    assert run("no-such-command").exit_code == EXIT_INPUT
    assert run("report", str(tmp_path / "missing")).exit_code == EXIT_INPUT


def test_output_to_a_full_device_is_a_temporary_failure(tmp_path):
    if not os.path.exists("/dev/full"):
        pytest.skip("no /dev/full here")
    folder = story(tmp_path, a_txt=A, b_txt=B)
    one_line(run("report", str(folder), "-o", "/dev/full"), EXIT_TEMPORARY, "/dev/full", "No space left")
    piped = subprocess.run(
        [sys.executable, "-m", "crosscheck", "report", str(folder)], stdout=open("/dev/full", "w"),
        stderr=subprocess.PIPE, text=True, timeout=120,
    )
    assert piped.returncode == EXIT_TEMPORARY and piped.stderr.count("\n") == 1 and "stdout" in piped.stderr


def test_output_is_atomic_and_refused_among_sources(tmp_path, monkeypatch):
    folder = story(tmp_path, a_txt=A, b_txt=B)
    out = tmp_path / "out" / "report.md"
    out.parent.mkdir()
    out.write_text("the previous report\n", encoding="utf-8")

    def killed(*args):
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", killed)
    assert run("report", str(folder), "-o", str(out)).exit_code == 130
    assert out.read_text(encoding="utf-8") == "the previous report\n"
    assert os.listdir(out.parent) == ["report.md"]  # no temp file left behind
    monkeypatch.undo()
    assert run("report", str(folder), "-o", str(out)).exit_code == 0
    assert out.read_text(encoding="utf-8").startswith("#")
    one_line(run("report", str(folder), "-o", str(folder / "report.md")), EXIT_INPUT, "report.md", "sources folder")
    assert run("report", str(folder), "-o", str(folder / "claims.csv")).exit_code == 0


def test_internal_error_is_one_line_and_the_traceback_only_under_debug(tmp_path, monkeypatch):
    import crosscheck.parallel  # the command imports the runner when it runs: the runner is what breaks

    def broken(*args, **kwargs):
        raise ZeroDivisionError("a bug")

    monkeypatch.setattr(crosscheck.parallel, "check_stories", broken)
    folder = story(tmp_path, a_txt=A)
    line = one_line(run("report", str(folder)), EXIT_INTERNAL, "internal error", "ZeroDivisionError: a bug")
    assert "--debug" in line
    debug = run("--debug", "report", str(folder))
    assert debug.exit_code == EXIT_INTERNAL and "Traceback" in debug.stderr and "broken" in debug.stderr


def test_rules_command_exits_2_on_a_bad_rule_file(tmp_path):
    assert run("rules").exit_code == 0
    (tmp_path / "my-rule.yaml").write_text("id: my-rule\nmessage: '{subject:>99999999}'\n", encoding="utf-8")
    one_line(run("rules", "--rules", str(tmp_path)), EXIT_INPUT, "my-rule.yaml:")


def test_check_exits_by_the_contract(tmp_path):
    folder = story(tmp_path, a_txt=A)
    store = tmp_path / "s.db"
    assert run("check", str(folder), "--store", str(store)).exit_code == 0
    (folder / "b.txt").write_text(B, encoding="utf-8")
    assert run("check", str(folder), "--store", str(store)).exit_code == EXIT_FINDINGS
    (folder / "deep.json").write_text("{" * 5000, encoding="utf-8")
    one_line(run("check", str(folder), "--store", str(store)), EXIT_INPUT, "deep.json")


def _report(tmp_path, name: str, data) -> str:
    path = tmp_path / name
    path.write_text(json.dumps(data) if not isinstance(data, str) else data, encoding="utf-8")
    return str(path)


def test_diff_exits_by_the_contract(tmp_path):
    folder = story(tmp_path, a_txt=A, b_txt=B)
    good = tmp_path / "good.json"
    assert run("report", str(folder), "--format", "json", "-o", str(good)).exit_code == 0
    empty = _report(tmp_path, "empty.json", {"version": "1.0", "sources": [], "findings": []})
    assert run("diff", empty, empty).exit_code == 0
    assert run("diff", empty, str(good), "--fail-on", "conflict").exit_code == EXIT_FINDINGS
    wrong = _report(tmp_path, "wrong.json", {"sources": [], "findings": [{
        "id": ["x"], "rule": 1, "severity": None, "status": "conflict", "kind": {}, "subject": 2, "values": "v"}]})
    one_line(run("diff", empty, wrong), EXIT_INPUT, "wrong.json", "must be text")
    deep = _report(tmp_path, "deep.json", "[" * 100_000)
    one_line(run("diff", deep, empty), EXIT_INPUT, "deep.json", "nested deeper")
    newer = _report(tmp_path, "newer.json", {"version": "2.0", "sources": [], "findings": []})
    one_line(run("diff", newer, empty), EXIT_INPUT, "newer.json", "report version")


def test_a_dask_worker_failure_is_one_line(tmp_path):
    pytest.importorskip("distributed")
    folder = story(tmp_path, a_txt=A, b_txt=B)
    (folder / "deep.json").write_text("[" * 200, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "crosscheck", "report", str(folder), "--engine", "dask", "--jobs", "1"],
        capture_output=True, text=True, timeout=300,
    )
    assert done.returncode == EXIT_INPUT and done.stderr.count("\n") == 1 and "deep.json" in done.stderr, done.stderr
