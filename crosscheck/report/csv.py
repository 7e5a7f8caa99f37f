"""CSV output: one row per claim, with the findings it takes part in."""
from __future__ import annotations

from ..model import Report
from .common import group_of_claims

COLUMNS = [
    "claim_id", "source", "outlet", "kind", "subject", "value", "text", "start", "end",
    "group", "status", "findings", "rules", "sentence",
]
_RANK = {"conflict": 3, "update": 2, "variant": 1, "agree": 0}
# A cell a spreadsheet would run as a formula is kept as text by a leading quote.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: object) -> object:
    return "'" + value if isinstance(value, str) and value.startswith(_FORMULA_START) else value


def render_csv(report: Report) -> str:
    outlets = {s.id: s.outlet or "" for s in report.sources}
    claim_group = group_of_claims(report)
    group_size = {c.id: len(g.sources) for g in report.groups for c in g.claims}
    findings_of: dict[str, list] = {}
    for finding in report.findings:
        for value in finding.values:
            for claim in value.claims:
                findings_of.setdefault(claim.id, []).append(finding)
    rows = []
    for claim in report.claims:
        found = findings_of.get(claim.id, [])
        value = claim.value
        rows.append({key: _cell(cell) for key, cell in {
            "claim_id": claim.id,
            "source": claim.source,
            "outlet": outlets.get(claim.source, ""),
            "kind": claim.kind.value,
            "subject": claim.subject,
            "value": " | ".join(value) if isinstance(value, tuple) else value,
            "text": claim.text,
            "start": claim.start,
            "end": claim.end,
            "group": claim_group[claim.id],
            # "single": only this source says it; "unchecked": no rule compares it.
            "status": max(
                (f.status.value for f in found), key=_RANK.get,
                default="single" if group_size[claim.id] == 1 else "unchecked",
            ),
            "findings": ";".join(sorted(f.id for f in found)),
            "rules": ";".join(sorted({f.rule for f in found})),
            "sentence": claim.sentence,
        }.items()})
    import pandas as pd  # ~0.3 s to import: only CSV output pays it

    frame = pd.DataFrame(rows, columns=COLUMNS)
    return frame.to_csv(index=False, lineterminator="\n")
