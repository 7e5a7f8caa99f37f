"""JSON output: sources, a summary, findings with evidence, and every claim.

The schema is documented in docs/json-schema.md; ``version`` changes when it does.
"""
from __future__ import annotations

from collections.abc import Iterator

from ..model import Finding, Report, Source
from .common import SCHEMA_VERSION, Evidence, days_apart, group_counts, group_of_claims, to_json_chunks


def report_to_dict(report: Report, claims: bool = True) -> dict:
    """The JSON report as a dict; without ``claims``, it leaves the claims out (a
    store keeps them per source already) and spares building a dict for each."""
    data = _report_parts(report)
    data["findings"] = list(data["findings"])
    if claims:
        data["claims"] = list(data["claims"])
    else:
        del data["claims"]
    return data


def _report_parts(report: Report) -> dict:
    """The report's dict, with its two long lists (findings, claims) as iterators:
    a story of 30,000 sources has hundreds of thousands of claims."""
    sources = {s.id: s for s in report.sources}
    counts = group_counts(report)
    return {
        "version": SCHEMA_VERSION,
        "sources": [
            {"id": s.id, "outlet": s.outlet, "url": s.url, "published": s.published, "title": s.title, "author": s.author}
            for s in report.sources
        ],
        "not_read": [{"file": s.file, "reason": s.reason} for s in report.skipped],
        "summary": {
            "sources": len(report.sources),
            "claims": len(report.claims),
            "groups": counts["groups"],
            "conflict": counts["conflict"],
            "update": counts["update"],
            "variant": counts["variant"],
            "agree": counts["agree"],
            "unreported": counts["unreported"],
            "single_source_claims": counts["single_source"],
            "notes": list(report.notes),
        },
        "findings": (_finding_dict(finding, sources) for finding in report.findings),
        "claims": _claim_dicts(report),
    }


def _claim_dicts(report: Report) -> Iterator[dict]:
    claim_group = group_of_claims(report)  # a generator: only when the claims are written
    for claim in report.claims:
        yield {**claim.to_dict(), "group": claim_group[claim.id]}


def _finding_dict(finding: Finding, sources: dict[str, Source]) -> dict:
    return {
        "id": finding.id,
        "rule": finding.rule,
        "severity": finding.severity.value,
        "status": finding.status.value,
        "kind": finding.kind.value,
        "subject": finding.subject,
        "message": finding.message,
        "confidence": finding.confidence,
        "days_apart": days_apart(finding, sources),
        "note": finding.note,
        "review": finding.review and {
            "decision": finding.review.decision, "reason": finding.review.reason, "by": finding.review.by,
            "date": finding.review.date, "stale": finding.review.stale,
        },
        "values": [
            {
                "value": v.value,
                "sources": list(v.sources),
                "first_published": v.first_published,
                "evidence": [Evidence.of(c).__dict__ for c in v.claims],
            }
            for v in finding.values
        ],
    }


def render_json(report: Report) -> str:
    return render_json_bytes(report).decode()


def render_json_bytes(report: Report) -> bytes:
    return b"".join(render_json_chunks(report))


def render_json_chunks(report: Report) -> Iterator[bytes]:
    """The JSON report as the bytes a file gets, in pieces: no whole copy of a
    report that may be hundreds of MB, nor of the dicts it is made from."""
    return to_json_chunks(_report_parts(report))
