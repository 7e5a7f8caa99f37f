"""HTML output: one self-contained page to read and filter a report.

The page needs nothing but itself (styles and a few lines of script inline,
no fonts, no CDN), so it opens from disk and can be mailed or archived. It
lists the findings with filters by status, kind and rule; for each finding the
sources side by side, the claim highlighted in its sentence; the agreement
matrix as a heat map; and the sources with outlet, date and link. Like the
other formats it depends only on the report, so the same input gives the
same bytes. The layout is a Jinja2 template (templates/report.html.j2) with
autoescaping: every text from a source is escaped.
"""
from __future__ import annotations

from functools import cache

from ..model import Claim, Finding, Report, Source, Status
from .common import (
    days_apart, group_counts, pair_counts, plural, shown_value, single_source_groups, source_label, source_standing,
)
from .markdown import MATRIX_MAX_SOURCES, review_summary, summary_line

_STATUS_TITLES = {
    Status.CONFLICT: "Conflicts", Status.UPDATE: "Updates over time", Status.VARIANT: "Wording variants and omissions",
    Status.AGREE: "Agreements",
}


@cache
def _template():
    from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

    environment = Environment(
        loader=PackageLoader("crosscheck.report", "templates"), autoescape=select_autoescape(["html", "j2"]),
        undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True,
    )
    return environment.get_template("report.html.j2")


def _web_link(url: str | None) -> str | None:
    """A source's URL as a link only when it is a web address: a page's metadata
    may say "javascript:...", which escaping alone does not disarm."""
    return url if url and url.lower().startswith(("http://", "https://")) else None


def _evidence(claim: Claim, sources: dict[str, Source]) -> dict:
    start, end = claim.start - claim.sentence_start, claim.end - claim.sentence_start
    source = sources.get(claim.source)
    return {
        "source": claim.source, "label": source_label(source) if source else claim.source,
        "before": claim.sentence[:start], "claim": claim.sentence[start:end], "after": claim.sentence[end:],
    }


def _finding(number: int, finding: Finding, sources: dict[str, Source]) -> dict:
    review = finding.review
    return {
        "number": number, "id": finding.id, "rule": finding.rule, "severity": finding.severity.value,
        "status": finding.status.value, "kind": finding.kind.value, "subject": finding.subject or finding.kind.value,
        "message": finding.message, "confidence": f"{finding.confidence:.2f}", "note": finding.note,
        "days_apart": days_apart(finding, sources),
        "dismissed": bool(review and review.dismisses),
        "review": review and {
            "decision": review.decision, "by": review.by, "date": review.date, "reason": review.reason,
            "stale": review.stale,
        },
        "sides": [
            {
                "value": v.value, "first_published": v.first_published,
                "sources": [source_label(sources[s]) if s in sources else s for s in v.sources],
                "evidence": [_evidence(c, sources) for c in v.claims],
            }
            for v in finding.values
        ],
    }


def _matrix(report: Report) -> dict:
    """Source-by-source cells: findings agreed / differed on, and a heat from 0 (all agreed) to 1."""
    agree, disagree = pair_counts(report)
    ids = [s.id for s in report.sources]
    rows = []
    for a in ids:
        cells = []
        for b in ids:
            pair = tuple(sorted((a, b)))
            together = agree[pair] + disagree[pair]
            cells.append(None if a == b else {
                "agree": agree[pair], "disagree": disagree[pair],
                "heat": f"{disagree[pair] / together:.2f}" if together else None,
            })
        rows.append({"source": a, "cells": cells})
    return {"ids": ids, "rows": rows}


def _standing(report: Report) -> list[dict]:
    with_most, apart = source_standing(report)
    ranked = sorted(report.sources, key=lambda s: (-apart[s.id], s.id))
    return [{"source": s.id, "with_most": with_most[s.id], "apart": apart[s.id]} for s in ranked]


def render_html(report: Report) -> str:
    sources = {s.id: s for s in report.sources}
    ordered = [f for status in _STATUS_TITLES for f in report.findings if f.status is status]
    findings = [_finding(number, f, sources) for number, f in enumerate(ordered, 1)]
    counts = group_counts(report)
    single = sorted(single_source_groups(report), key=lambda g: (g.sources[0], g.kind.value, g.claims[0].start))
    return _template().render(
        summary=summary_line(report), reviewed=review_summary(report), notes=list(report.notes),
        counts=counts, findings=findings,
        statuses=[(s.value, title) for s, title in _STATUS_TITLES.items()],
        kinds=sorted({f["kind"] for f in findings}), rules=sorted({f["rule"] for f in findings}),
        sources=[
            {"id": s.id, "outlet": s.outlet, "published": s.published, "title": s.title, "url": _web_link(s.url)}
            for s in report.sources
        ],
        skipped=[{"file": s.file, "reason": s.reason} for s in report.skipped],
        matrix=_matrix(report) if len(report.sources) <= MATRIX_MAX_SOURCES else None,
        standing=_standing(report) if len(report.sources) > MATRIX_MAX_SOURCES else None,
        single=[
            {"source": g.sources[0], "kind": g.kind.value, "subject": g.subject, "value": shown_value(g.claims[0])}
            for g in single
        ],
        plural=plural,
    )
