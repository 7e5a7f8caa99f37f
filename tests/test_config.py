"""A settings file (crosscheck.yaml, or [tool.crosscheck] in pyproject.toml) saves repeating flags.

Every text here is invented for the test.
"""
from __future__ import annotations

import json

from click.testing import CliRunner

from crosscheck.cli import main
from crosscheck.errors import EXIT_FINDINGS, EXIT_INPUT

A = "Four people were killed when the ferry capsized off Port Lenn on Sunday, the coast guard said."
B = "Six people were killed when the ferry capsized off Port Lenn on Sunday, officials said."


def run(*args: str):
    return CliRunner().invoke(main, list(args))


def story(folder):
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "a.txt").write_text(A, encoding="utf-8")
    (folder / "b.txt").write_text(B, encoding="utf-8")
    return folder


def findings(folder, *args: str) -> dict:
    result = run("report", str(folder), "--format", "json", *args)
    assert result.exit_code in (0, 1), result.stderr
    return {f["rule"]: f for f in json.loads(result.stdout)["findings"]}


def test_a_settings_file_in_the_story_folder_sets_severity_options_and_fail_on(tmp_path):
    folder = story(tmp_path / "ferry")
    assert findings(folder)["count-mismatch"]["severity"] == "error"
    (folder / "crosscheck.yaml").write_text(
        "rules:\n  count-mismatch: {severity: info}\n  quote-wording-variant: disable\nfail-on: conflict\n",
        encoding="utf-8",
    )
    assert findings(folder)["count-mismatch"]["severity"] == "info"
    assert run("report", str(folder)).exit_code == EXIT_FINDINGS  # the file's fail-on
    assert run("report", str(folder), "--fail-on", "never").exit_code == 0  # a flag wins
    assert "Not read" not in run("report", str(folder)).stdout  # the file is no source
    listed = run("rules", "--config", str(folder / "crosscheck.yaml")).stdout
    assert "quote-wording-variant" not in listed
    assert "count-mismatch\tcount\tinfo\t" in listed and f"settings from {folder / 'crosscheck.yaml'}" in listed


def test_an_option_of_the_comparator_is_set_per_rule(tmp_path):
    folder = story(tmp_path / "ferry")
    (folder / "crosscheck.yaml").write_text("rules:\n  count-mismatch: {tolerance: 0.5}\n", encoding="utf-8")
    assert findings(folder)["count-mismatch"]["status"] == "agree"  # 4 and 6 are within half of each other


def test_pyproject_tool_table_is_found_upwards(tmp_path):
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname = "newsroom"\n\n[tool.crosscheck]\nrules = { count-mismatch = "disable" }\n', encoding="utf-8"
    )
    folder = story(tmp_path / "stories" / "ferry")
    assert "count-mismatch" not in findings(folder)


def test_the_nearest_file_wins_and_crosscheck_yaml_before_pyproject(tmp_path):
    (tmp_path / "crosscheck.yaml").write_text("rules:\n  count-mismatch: disable\n", encoding="utf-8")
    folder = story(tmp_path / "stories" / "ferry")
    (folder.parent / "pyproject.toml").write_text('[tool.crosscheck]\nfail-on = "never"\n', encoding="utf-8")
    (folder.parent / "crosscheck.yaml").write_text("fail-on: never\n", encoding="utf-8")
    assert "count-mismatch" in findings(folder)  # stories/crosscheck.yaml, not the one above it


def test_store_and_verdicts_paths_are_relative_to_the_file(tmp_path):
    folder = story(tmp_path / "ferry")
    (tmp_path / "crosscheck.yaml").write_text("store: state/store.db\nverdicts: review/verdicts.yaml\n", encoding="utf-8")
    (tmp_path / "state").mkdir()
    (tmp_path / "review").mkdir()
    finding = findings(folder)["count-mismatch"]
    assert run("review", str(folder), "--finding", finding["id"], "--dismiss", "Counts the crew").exit_code == 0
    assert (tmp_path / "review" / "verdicts.yaml").is_file() and not (folder / "verdicts.yaml").exists()
    assert run("check", str(folder)).exit_code == 0  # the one conflict is dismissed
    assert (tmp_path / "state" / "store.db").is_file()


def test_a_bad_settings_file_is_a_one_line_error_naming_file_and_key(tmp_path):
    folder = story(tmp_path / "ferry")
    settings = folder / "crosscheck.yaml"
    for text, says in (
        ("fail_on: conflict\n", "unknown key 'fail_on' (allowed: rule-folders, rules, fail-on, store, format, verdicts)"),
        ("fail-on: sometimes\n", "fail-on must be one of any, conflict, never, update, variant, not 'sometimes'"),
        ("rules:\n  count-mismatch: {severity: fatal}\n", "rules.count-mismatch.severity must be one of error, warning, info"),
        ("rules:\n  count-mismatch: {closeness: 2}\n", "rules.count-mismatch: option 'closeness' is not known to numeric"),
        ("rules:\n  no-such-rule: disable\n", "rules.no-such-rule: no rule with that id"),
        ("rules:\n  count-mismatch: off\n", "rules.count-mismatch must be 'disable' or a mapping"),
    ):
        settings.write_text(text, encoding="utf-8")
        result = run("report", str(folder))
        lines = result.stderr.strip().splitlines()
        assert result.exit_code == EXIT_INPUT and len(lines) == 1, result.stderr
        assert str(settings) in lines[0] and says in lines[0], lines[0]
