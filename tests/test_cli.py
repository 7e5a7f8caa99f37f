"""The command line as a user meets it: help, formats, exit codes, bad input."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest
from click.testing import CliRunner

from crosscheck.cli import main

from .conftest import REPO

EXAMPLE = REPO / "examples" / "body-cameras"


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "crosscheck", *args], capture_output=True, text=True, cwd=REPO)


def test_python_dash_m_and_help():
    result = run("--help")
    assert result.returncode == 0
    assert "report" in result.stdout and "Example" in result.stdout


def test_every_command_has_help_with_an_example():
    runner = CliRunner()
    for name, command in main.commands.items():
        assert command.help, name
        result = runner.invoke(main, [name, "--help"])
        assert result.exit_code == 0, name
        assert "Example" in result.output, f"{name} --help shows no example"


def test_report_formats(tmp_path):
    runner = CliRunner()
    md = runner.invoke(main, ["report", str(EXAMPLE)])
    assert md.exit_code == 0, md.output
    assert md.output.startswith("# crosscheck report") and "## Conflicts" in md.output
    js = runner.invoke(main, ["report", str(EXAMPLE), "--format", "json"])
    data = json.loads(js.output)
    assert data["version"] and data["findings"] and data["claims"]
    csv = runner.invoke(main, ["report", str(EXAMPLE), "--format", "csv"])
    assert csv.output.splitlines()[0].startswith("claim_id,source,outlet,kind")
    dash = runner.invoke(main, ["report", str(EXAMPLE), "--format", "json", "-o", "-"])  # "-" is stdout, as in most tools
    assert dash.output == js.output
    out = tmp_path / "r" / "report.json"
    assert runner.invoke(main, ["report", str(EXAMPLE), "-o", str(out), "--create-dirs"]).exit_code == 0
    assert json.loads(out.read_text())["version"] == data["version"]


def test_fail_on_conflict_exits_1():
    assert CliRunner().invoke(main, ["report", str(EXAMPLE), "--fail-on", "conflict"]).exit_code == 1


def _bad(tmp_path, name: str, content: bytes):
    path = tmp_path / name
    path.write_bytes(content)
    return path


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("empty.txt", b"", "empty"),
        ("binary.txt", b"\x00\x01\x02PNG\x00" * 20, "binary"),
        ("latin.txt", b"Caf\xe9 news \x81\x8d\x8f\x90\x9d text. " * 40, "decode"),
    ],
)
def test_bad_source_is_one_line_exit_2(tmp_path, name, content, reason):
    path = _bad(tmp_path, name, content)
    result = run("report", str(path))
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and str(path) in lines[0] and reason in lines[0].lower()
    assert "Traceback" not in result.stderr


def test_directory_without_sources(tmp_path):
    (tmp_path / "notes.bin").write_bytes(b"x")
    result = run("report", str(tmp_path))
    assert result.returncode == 2 and str(tmp_path) in result.stderr and "Traceback" not in result.stderr


def test_missing_path():
    result = run("report", "no/such/folder")
    assert result.returncode == 2 and "no/such/folder" in result.stderr and "Traceback" not in result.stderr


def test_malformed_rule_file_names_file_and_line(tmp_path):
    (tmp_path / "broken.yaml").write_text("id: broken\nkind: count\nseverity: [\n", encoding="utf-8")
    result = run("report", str(EXAMPLE), "--rules", str(tmp_path))
    assert result.returncode == 2
    line = result.stderr.strip()
    assert "broken.yaml:" in line and "invalid YAML" in line and "\n" not in line
    assert "Traceback" not in result.stderr


def test_unknown_disable_is_an_error():
    result = run("report", str(EXAMPLE), "--disable", "no-such-rule")
    assert result.returncode == 2 and "no-such-rule" in result.stderr
