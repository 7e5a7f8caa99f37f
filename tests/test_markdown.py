"""Markdown report parts that goldens of small stories do not reach."""
from __future__ import annotations

from crosscheck.ingest import load_sources
from crosscheck.model import Status
from crosscheck.pipeline import check_documents
from crosscheck.report.markdown import MATRIX_MAX_SOURCES, render_markdown
from crosscheck.rules.load import load_rules

from .conftest import CORPUS


def _section(text: str, title: str) -> list[str]:
    after = text.split(f"## {title}\n", 1)[1]
    return after.split("\n## ", 1)[0].strip().splitlines()


def test_many_sources_get_a_row_each_instead_of_a_matrix():
    report = check_documents(load_sources([CORPUS / "13_ecb"]), load_rules())
    assert len(report.sources) > MATRIX_MAX_SOURCES
    text = render_markdown(report)
    assert "## Agreement matrix" not in text
    rows = [line.strip("|").split("|") for line in _section(text, "Where each source stands") if line.startswith("| ")]
    header, *rows = [[cell.strip() for cell in row] for row in rows]
    assert header == ["source", "best-supported value", "another value"]
    assert sorted(r[0] for r in rows) == sorted(s.id for s in report.sources)
    disputed = [f for f in report.findings if f.status is not Status.AGREE]
    assert disputed
    apart = {r[0]: int(r[2]) for r in rows}
    assert sum(apart.values()) == sum(len(set(f.sources) - set(f.values[0].sources)) for f in disputed)
    assert [apart[r[0]] for r in rows] == sorted(apart.values(), reverse=True)
