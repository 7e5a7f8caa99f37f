"""Change sets between two reports: matching by id, by evidence, causes, rendering."""
from __future__ import annotations

import json

import pytest

from crosscheck.changes import (
    NEW, RESOLVED, SIDES, diff_reports, render_changes_json, render_changes_markdown, validate_report,
)
from crosscheck.extract import extract_claims
from crosscheck.ingest import load_sources
from crosscheck.pipeline import check_claims
from crosscheck.report.json import report_to_dict
from crosscheck.rules.load import load_rules

from .conftest import SEEDS, changeset


def _finding(fid, status, sides, rule="count-mismatch", kind="count", subject="agents", evidence=None):
    return {
        "id": fid, "rule": rule, "severity": "error", "status": status, "kind": kind, "subject": subject,
        "values": [
            {"value": value, "sources": list(sources),
             "evidence": [{"source": s, "claim_start": (evidence or {}).get(s, 0), "claim_end": 9, "text": f"{s} says {value}."}
                          for s in sources]}
            for value, sources in sides
        ],
    }


def _report(source_ids, findings):
    return {"sources": [{"id": s} for s in source_ids], "findings": findings}


def test_new_resolved_and_sides_changed():
    old = _report(["a", "b", "c"], [
        _finding("f1", "conflict", [("10", "a"), ("12", "b")]),
        _finding("f2", "conflict", [("5", "a"), ("7", "c")], subject="cities"),
        _finding("f3", "agree", [("3", "ab")], subject="days"),
    ])
    new = _report(["a", "b", "d"], [
        _finding("f1", "conflict", [("10", "ad"), ("12", "b")]),
        _finding("f3", "conflict", [("3", "a"), ("4", "b")], subject="days"),
        _finding("f4", "agree", [("2", "bd")], subject="weeks"),
    ])
    changes = diff_reports(old, new, changed=["b"])
    assert (changes.sources_added, changes.sources_changed, changes.sources_removed) == (("d",), ("b",), ("c",))
    got = {(c.id, c.change, c.shown_status, c.caused_by) for c in changes.findings}
    assert got == {
        ("f3", NEW, "conflict", ("b",)),  # escalated from agree: a new conflict, caused by the changed b
        ("f4", NEW, "agree", ("b", "d")),
        ("f2", RESOLVED, "conflict", ("c",)),  # c was removed
        ("f1", SIDES, "conflict", ("d",)),  # b changed, but not its value: d, which joined a side, is the cause
    }
    assert [c.id for c in changes.findings] == ["f3", "f4", "f2", "f1"]  # new, resolved, sides; worst first
    assert [c.id for c in changes.new_at({"conflict"})] == ["f3"]
    assert [c.id for c in changes.new_at({"conflict", "variant", "agree"})] == ["f3", "f4"]


def test_unchanged_reports_give_an_empty_change_set():
    report = _report(["a", "b"], [_finding("f1", "conflict", [("10", "a"), ("12", "b")])])
    changes = diff_reports(report, json.loads(json.dumps(report)))
    assert not changes.findings and not changes.first and not changes.sources_added
    assert "No finding changed." in render_changes_markdown(changes)


def test_first_run_makes_everything_new():
    changes = diff_reports(None, _report(["a", "b"], [_finding("f1", "variant", [("x", "a"), ("y", "b")])]))
    assert changes.first and changes.sources_added == ("a", "b")
    assert [(c.change, c.status, c.caused_by) for c in changes.findings] == [(NEW, "variant", ("a", "b"))]


def test_a_finding_whose_id_moved_is_matched_by_its_evidence():
    old = _report(["a", "b"], [_finding("old", "agree", [("x", "ab")], rule="place-set-mismatch", kind="places")])
    new = _report(["a", "b", "c"], [
        _finding("new", "conflict", [("x", "ab"), ("y", "c")], rule="place-set-mismatch", kind="places",
                 subject="other words"),
    ])
    (change,) = diff_reports(old, new).findings
    assert (change.change, change.id, change.before_id, change.before_status) == (NEW, "new", "old", "agree")
    assert change.caused_by == ("c",)
    assert "(was `old`)" in render_changes_markdown(diff_reports(old, new))


def test_changed_claims_mark_a_source_changed():
    old = {**_report(["a", "b"], []), "claims": [{"source": "a", "id": "c1"}, {"source": "b", "id": "c2"}]}
    new = {**_report(["a", "b"], []), "claims": [{"source": "a", "id": "c1"}, {"source": "b", "id": "c3"}]}
    assert diff_reports(old, new).sources_changed == ("b",)


def _seed_report(count: int) -> dict:
    documents = load_sources(sorted(SEEDS.glob("*.txt"))[:count])
    claims = [c for d in documents for c in extract_claims(d)]
    return report_to_dict(check_claims([d.source for d in documents], claims, load_rules()))


def test_adding_the_fourth_seed_brings_the_pilot_cities_conflict():
    changes = diff_reports(_seed_report(3), _seed_report(4))
    assert changes.sources_added == ("003_d0d04ddc9eaf22ac",) and not changes.sources_removed
    places = [c for c in changes.new_at({"conflict"}) if c.kind == "places"]
    assert len(places) == 1
    sides = {sources for _, sources in places[0].sides}
    assert ("000_f1ca30ebc758be6c", "002_e3dba9d3d50a7292") in sides and ("003_d0d04ddc9eaf22ac",) in sides
    assert places[0].caused_by == ("003_d0d04ddc9eaf22ac",)
    markdown = render_changes_markdown(changes)
    assert "### New conflicts" in markdown and "caused by: 003_d0d04ddc9eaf22ac" in markdown
    data = changeset(render_changes_json(changes, story="seeds"))
    assert data["story"] == "seeds" and data["sources_added"] == ["003_d0d04ddc9eaf22ac"]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ([], "not a crosscheck JSON report"),
        ({"sources": [], "findings": [{"id": "x"}]}, "lacks rule"),
        ({"sources": [{}], "findings": []}, "no 'id'"),
        ({"sources": [], "findings": [_finding("f", "bogus", [])]}, "unknown status"),
    ],
)
def test_validate_report_names_the_problem(data, message):
    with pytest.raises(ValueError, match=message):
        validate_report(data)


def test_change_summaries_escape_what_sources_wrote():
    hostile = "x|y\n# Heading <script>*bold*"
    old = _report(["a", "b"], [])
    new = _report(["a", "b"], [_finding("f1", "conflict", [(hostile, "a"), ("12", "b")], subject=hostile)])
    markdown = render_changes_markdown(diff_reports(old, new), title=hostile)
    assert "<script>" not in markdown and "*bold*" not in markdown and "x|y" not in markdown
    assert not [line for line in markdown.splitlines() if line.startswith("# ")]
    assert "**x\\|y # Heading \\<script\\>\\*bold\\***" in markdown
