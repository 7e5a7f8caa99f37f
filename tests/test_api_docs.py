"""docs/api.md's examples run as written, from the repository root."""
from __future__ import annotations

import re

import pytest

from .conftest import REPO

BLOCKS = re.findall(r"```python\n(.*?)```", (REPO / "docs" / "api.md").read_text(encoding="utf-8"), re.S)


def test_the_page_has_examples():
    assert len(BLOCKS) >= 5


@pytest.mark.parametrize("code", BLOCKS, ids=[f"example-{i + 1}" for i in range(len(BLOCKS))])
def test_example_runs(code, monkeypatch, capsys):
    monkeypatch.chdir(REPO)
    exec(compile(code, "docs/api.md", "exec"), {})


def test_the_command_line_and_the_api_give_one_report(tmp_path):
    from click.testing import CliRunner

    import crosscheck
    from crosscheck.cli import main

    out = tmp_path / "report.json"
    result = CliRunner().invoke(main, ["report", str(REPO / "examples" / "body-cameras"), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert out.read_text(encoding="utf-8") == crosscheck.check(REPO / "examples" / "body-cameras").to_json()


def test_importing_crosscheck_loads_no_pipeline():
    import subprocess
    import sys

    code = "import sys, crosscheck; print('crosscheck.pipeline' in sys.modules, 'crosscheck.api' in sys.modules)"
    shown = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert shown.split() == ["False", "False"]
