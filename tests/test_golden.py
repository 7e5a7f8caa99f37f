"""Golden reports: the committed report files must equal what the code writes now.

On a mismatch the test shows the diff; after checking that the change is
wanted, rewrite them with:  python -m pytest tests/test_golden.py --update-golden
"""
from __future__ import annotations

import difflib
from pathlib import Path

import pytest

from crosscheck.extract import extract_claims
from crosscheck.ingest import load_sources
from crosscheck.pipeline import check_claims
from crosscheck.report import OutputFormat, render
from crosscheck.rules.load import load_rules

from .conftest import REPO, SEEDS

# (name, source folder, output stem, formats)
CASES = [
    ("seed-story", SEEDS, REPO / "reports" / "ice-body-cameras", ("markdown", "json", "html")),
    ("example-story", REPO / "examples" / "body-cameras", REPO / "tests" / "golden" / "body-cameras" / "expected",
     ("markdown", "json", "csv", "claimreview")),
    ("updates-story", REPO / "examples" / "elm-street-shooting",
     REPO / "tests" / "golden" / "elm-street-shooting" / "expected", ("markdown", "json")),
]
SUFFIX = {"markdown": ".md", "json": ".json", "csv": ".csv", "claimreview": ".claimreview.json", "html": ".html"}


def _render(folder: Path, fmt: str) -> str:
    documents = load_sources([folder])
    claims = [c for d in documents for c in extract_claims(d)]
    return render(check_claims([d.source for d in documents], claims, load_rules()), OutputFormat(fmt))


@pytest.mark.parametrize(
    ("folder", "stem", "fmt"),
    [(folder, stem, fmt) for _, folder, stem, fmts in CASES for fmt in fmts],
    ids=[f"{name}-{fmt}" for name, _, _, fmts in CASES for fmt in fmts],
)
def test_report_matches_golden(folder, stem, fmt, update_golden):
    expected_path = stem.with_suffix(SUFFIX[fmt])
    actual = _render(folder, fmt)
    if update_golden:
        expected_path.parent.mkdir(parents=True, exist_ok=True)
        expected_path.write_text(actual, encoding="utf-8")
    expected = expected_path.read_text(encoding="utf-8")
    if actual != expected:
        diff = "".join(difflib.unified_diff(
            expected.splitlines(keepends=True), actual.splitlines(keepends=True),
            fromfile=str(expected_path), tofile="now", n=2,
        ))
        pytest.fail(
            f"{expected_path} is out of date. If the change is wanted, run:\n"
            f"  python -m pytest tests/test_golden.py --update-golden\n\n{diff[:6000]}"
        )


def test_report_is_identical_across_runs():
    assert _render(SEEDS, "json") == _render(SEEDS, "json")


def test_the_json_report_written_in_pieces_is_the_report_dumped_whole():
    """The command line writes the JSON report piece by piece (a 30,000-source story's
    is hundreds of MB); the pieces must make the same bytes as dumping its dict at once,
    whatever lists are empty."""
    from crosscheck.model import Source
    from crosscheck.report.common import to_json_bytes
    from crosscheck.report.json import render_json_chunks, report_to_dict

    documents = load_sources([SEEDS])
    claims = [c for d in documents for c in extract_claims(d)]
    full = check_claims([d.source for d in documents], claims, load_rules())
    empty = check_claims([Source(id="a"), Source(id="b")], [], load_rules())
    for report in (full, empty):
        pieces = list(render_json_chunks(report))
        assert len(pieces) > 1
        assert b"".join(pieces) == to_json_bytes(report_to_dict(report))
    assert len(list(render_json_chunks(full))) > len(full.claims)
