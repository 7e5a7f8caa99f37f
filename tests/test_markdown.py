"""Markdown report parts that goldens of small stories do not reach."""
from __future__ import annotations

import re

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


HOSTILE = "x|y\n# Heading\n<script>alert(1)</script> *bold* [link](http://e.com) `code` _em_ ~~del~~ &amp;"


def _hostile_report():
    from crosscheck.extract import extract_claims
    from crosscheck.ingest import build_document
    from crosscheck.model import Source
    from crosscheck.pipeline import check_claims

    texts = {
        f"a{HOSTILE}": f"The storm killed 12 people, said Mayor Jane Doe. {HOSTILE}.",
        f"b{HOSTILE}": f"The storm killed 15 people, said Mayor Jane Doe <b>. {HOSTILE}.",
    }
    docs = [build_document(Source(id=sid, outlet=HOSTILE, title=HOSTILE), text) for sid, text in texts.items()]
    return check_claims([d.source for d in docs], [c for d in docs for c in extract_claims(d)], load_rules())


def test_ids_outlets_titles_and_evidence_are_escaped():
    text = render_markdown(_hostile_report())
    headings = [line for line in text.splitlines() if line.startswith("#")]
    assert all(line.startswith(("# crosscheck report", "## ", "### ")) and "Heading" not in line for line in headings)
    for line in text.splitlines():
        assert not re.search(r"(?<!\\)<(script|/script|b>)", line)
        for mark in ("*bold*", "[link]", "`code`", "_em_", "~~del~~", "&amp;"):  # each only with its escape
            assert not re.search(r"(?<!\\)" + re.escape(mark), line)
        if line.startswith("| ") and "x" in line:  # a table row: every pipe from the text is escaped
            assert "x|y" not in line and "x\\|y" in line
    conflict = text.split("## Conflicts\n", 1)[1]
    assert "**12 people**" in conflict  # the claim's own words are still marked


def test_summary_adds_up_and_a_single_source_has_nothing_to_compare():
    from crosscheck.ingest import build_document
    from crosscheck.model import Source
    from crosscheck.report.common import group_counts
    from crosscheck.pipeline import ONE_SOURCE_NOTE

    report = check_documents(load_sources(sorted((CORPUS.parent.parent / "seeds").glob("*.txt"))), load_rules())
    counts = group_counts(report)
    assert counts["groups"] == sum(v for k, v in counts.items() if k != "groups") == len(report.groups)
    one = check_documents([build_document(Source(id="only"), "The storm killed 12 people on Monday.")], load_rules())
    text = render_markdown(one)
    assert re.search(r"^1 source, (\d+) claims? in \1 groups?: 0 conflicts, .* \1 single-source\.$", text, re.M)
    assert f"> {ONE_SOURCE_NOTE}" in text and ONE_SOURCE_NOTE not in render_markdown(report)
    assert one.notes == (ONE_SOURCE_NOTE,)  # and so in the JSON summary's notes
