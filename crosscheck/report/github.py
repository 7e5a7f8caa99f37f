"""GitHub Actions workflow commands: each disagreement as an annotation on the source file.

    crosscheck report stories/quake --format github

prints one ``::error``, ``::warning`` or ``::notice`` line (by the rule's
severity) per claim of each conflict, update and variant, on the file and
line where the claim stands, so a pull request that adds or changes a source
shows the disagreement on the changed file. Agreements and findings a
reviewer dismissed are not annotated. See docs/ci.md.
"""
from __future__ import annotations

from ..model import Report, Status

_LEVEL = {"error": "error", "warning": "warning", "info": "notice"}


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def render_github(report: Report) -> str:
    paths = {s.id: s.path for s in report.sources}
    lines = []
    for finding in report.findings:
        if finding.status is Status.AGREE or (finding.review and finding.review.dismisses):
            continue
        title = _property(f"{finding.rule}: {finding.subject or finding.kind.value}")
        message = _data(f"{finding.status.value}: {finding.message} (finding {finding.id})")
        for value in finding.values:
            for claim in value.claims:
                where = [f"file={_property(paths.get(claim.source) or claim.source)}"]
                if claim.line is not None:
                    where += [f"line={claim.line}", f"col={claim.column}"]
                lines.append(f"::{_LEVEL[finding.severity.value]} {','.join(where)},title={title}::{message}")
    return "".join(line + "\n" for line in lines)
