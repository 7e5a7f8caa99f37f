"""What the README shows must be true: its report excerpt is lines of the
committed seed report, and its commands install what they say."""
from __future__ import annotations

import re

from .conftest import REPO

README = (REPO / "README.md").read_text(encoding="utf-8")


def _block_after(heading: str) -> list[str]:
    section = README.split(heading, 1)[1]
    return section.split("```\n", 2)[1].splitlines()


def test_the_report_excerpt_is_lines_of_the_seed_report_in_order():
    report = (REPO / "reports" / "ice-body-cameras.md").read_text(encoding="utf-8").splitlines()
    excerpt = [line for line in _block_after("## What the report says about the seed story") if line != "..."]
    assert excerpt
    at = 0
    for line in excerpt:
        assert line in report[at:], (
            f"README excerpt line not in reports/ice-body-cameras.md (after line {at}): {line!r}\n"
            "Copy the current line from the report into README.md."
        )
        at = report.index(line, at) + 1


def test_the_main_command_installs_no_cluster_extra_and_ci_still_tests_it():
    install = next(line for line in README.splitlines() if line.startswith("python3 -m venv .venv"))
    assert re.search(r'pip install -e "\.\[test\]"', install) and "dask" not in install
    assert '".[test,dask]"' in (REPO / ".ci" / "run").read_text(encoding="utf-8")
