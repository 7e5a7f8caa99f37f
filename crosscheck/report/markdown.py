"""Markdown output for people: conflicts with evidence first, then variants,
agreements, single-source claims and an outlet-by-outlet matrix.

The text depends only on the report (no timestamps, stable order), so a
committed report diffs cleanly when findings change.
"""
from __future__ import annotations

from tabulate import tabulate

from ..model import Claim, Finding, Report, Source, Status
from .common import (
    SUMMARY_TERMS, days_apart, escape, group_counts, pair_counts, plural, shown_value, single_source_groups,
    source_label, source_standing,
)

_TITLES = {
    Status.CONFLICT: "Conflicts", Status.UPDATE: "Updates over time", Status.VARIANT: "Wording variants and omissions",
    Status.AGREE: "Agreements",
}
_INTROS = {
    Status.UPDATE: "Figures that later reports revised: each value with the date it was first published, oldest first.",
}


def _table(rows: list[list], headers: list[str]) -> str:
    """A GitHub table without column padding: a wider cell in one row then
    changes only that row, so a report diff shows only what changed."""
    lines = tabulate(rows, headers=headers, tablefmt="github", disable_numparse=True).splitlines()
    unpadded = ["| " + " | ".join(cell.strip() for cell in line.strip("|").split(" | ")) + " |" for line in lines]
    unpadded[1] = "|" + "|".join("---" for _ in headers) + "|"
    return "\n".join(unpadded)


def _marked_sentence(claim: Claim) -> str:
    """The evidence sentence with the claim's own words in bold."""
    start = claim.start - claim.sentence_start
    end = claim.end - claim.sentence_start
    s = claim.sentence
    return f"{escape(s[:start])}**{escape(s[start:end])}**{escape(s[end:])}".strip()


def _outlets(source_ids, sources: dict[str, Source]) -> str:
    return escape(", ".join(source_label(sources[s]) if s in sources else s for s in source_ids))


def _finding_block(number: int, finding: Finding, sources: dict[str, Source]) -> list[str]:
    lines = [
        f"### {number}. {escape(finding.subject or finding.kind.value)} ({finding.kind.value})",
        "",
        f"Rule `{finding.rule}` · {finding.severity.value} · confidence {finding.confidence:.2f} · id `{finding.id}`",
        "",
        _values_table(finding, sources),
        "",
    ]
    if finding.review:
        lines += [_review_line(finding), ""]
    if finding.note:
        lines += [f"> {finding.note}", ""]
    apart = days_apart(finding, sources)
    if apart is not None and apart > 30:
        lines += [f"> These sources were published {apart} days apart: the difference may be a change over time.", ""]
    lines.append("Evidence:")
    lines.append("")
    for value in finding.values:
        for claim in value.claims:
            lines.append(f"- {escape(claim.source)}: {_marked_sentence(claim)}")
    lines.append("")
    return lines


def _review_line(finding: Finding) -> str:
    review = finding.review
    said = f"{review.decision} by {escape(review.by)} on {review.date}: {escape(review.reason)}"
    if review.stale:
        return f"> Reviewed, but stale: {said}. The finding has changed since, so it is shown again; review it anew."
    return f"> Reviewed: {said}"


def _dismissed(report: Report, sources: dict[str, Source]) -> list[str]:
    """Findings reviewers dismissed: out of the way, still one click from view."""
    dismissed = [f for f in report.findings if f.review and f.review.dismisses]
    if not dismissed:
        return []
    lines = ["## Dismissed by reviewers", "", "<details>", f"<summary>{plural(len(dismissed), 'finding')}</summary>", ""]
    for number, finding in enumerate(dismissed, 1):
        lines += [
            f"### {number}. {escape(finding.subject or finding.kind.value)} ({finding.kind.value}, {finding.status.value})",
            "",
            f"Rule `{finding.rule}` · id `{finding.id}`",
            "",
            _values_table(finding, sources),
            "",
            _review_line(finding),
            "",
        ]
    return lines + ["</details>", ""]


def _values_table(finding: Finding, sources: dict[str, Source]) -> str:
    if finding.status is Status.UPDATE:
        rows = [[v.first_published or "", escape(v.value), _outlets(v.sources, sources)] for v in finding.values]
        return _table(rows, ["first published", "value", "sources"])
    return _table([[escape(v.value), _outlets(v.sources, sources)] for v in finding.values], ["value", "sources"])


# Up to this many sources, a source-by-source matrix; beyond, a row per source
# (a matrix of 10,000 sources would be 10^8 cells that nobody reads).
MATRIX_MAX_SOURCES = 20


def _matrix(report: Report) -> list[str]:
    """For each pair of sources: how many findings they agree on / conflict on."""
    agree, disagree = pair_counts(report)
    ids = [s.id for s in report.sources]
    rows = []
    for a in ids:
        row = [escape(a)]
        for b in ids:
            if a == b:
                row.append("—")
            else:
                pair = tuple(sorted((a, b)))
                row.append(f"{agree[pair]} / {disagree[pair]}")
        rows.append(row)
    return [
        "## Agreement matrix",
        "",
        "Findings on which two sources give the same value / a different value.",
        "",
        _table(rows, ["source", *map(escape, ids)]),
        "",
    ]


def _source_standing(report: Report) -> list[str]:
    """For each source: in how many findings it gives the best-supported value, and
    in how many another one, so the outlets that most often stand apart come out."""
    with_most, apart = source_standing(report)
    ranked = sorted(report.sources, key=lambda s: (-apart[s.id], s.id))
    rows = [[escape(s.id), str(with_most[s.id]), str(apart[s.id])] for s in ranked]
    return [
        "## Where each source stands",
        "",
        "Conflicts and variants in which a source gives the best-supported value / another value,"
        " sources that stand apart most often first.",
        "",
        _table(rows, ["source", "best-supported value", "another value"]),
        "",
    ]


# What a reader needs to weigh a finding, said once near the top.
HOW_TO_READ = (
    "Each finding has an **id**, a short hash of its rule and of what it compares: it does not depend on the run,"
    " so you can cite it, and `crosscheck diff` and `crosscheck check` follow it from run to run. Its **confidence**"
    " (0 to 1) is how sure crosscheck is that the claims it compares are about the same thing: 1.00 when the sources"
    " name that thing in the same words, lower as their words differ. See docs/reading-reports.md."
)


def summary_line(report: Report) -> str:
    """The summary, whose counts add up to the number of groups (common.SUMMARY_TERMS)."""
    n = group_counts(report)
    return (
        f"{plural(len(report.sources), 'source')}, {plural(len(report.claims), 'claim')} in "
        f"{plural(n['groups'], 'group')}: {plural(n['conflict'], 'conflict')}, "
        f"{plural(n['update'], 'update over time', 'updates over time')}, "
        f"{plural(n['variant'], 'wording variant or omission', 'wording variants or omissions')}, "
        f"{plural(n['agree'], 'agreement')}, {n['unreported']} unreported, {n['single_source']} single-source."
    )


def review_summary(report: Report) -> str:
    """How many findings reviewers have judged; "" when none."""
    reviews = [f.review for f in report.findings if f.review]
    if not reviews:
        return ""
    dismissed = sum(r.dismisses for r in reviews)
    accepted = sum(r.decision == "accepted" and not r.stale for r in reviews)
    stale = sum(r.stale for r in reviews)
    return (
        f"Reviewed: {dismissed} dismissed (listed under Dismissed by reviewers), {accepted} accepted, "
        f"{stale} stale (changed since they were reviewed; shown again)."
    )


def _not_read(report: Report) -> list[str]:
    if not report.skipped:
        return []
    rows = [[escape(s.file), escape(s.reason)] for s in report.skipped]
    return ["## Not read", "", _table(rows, ["file", "reason"]), ""]


def render_markdown(report: Report) -> str:
    sources = {s.id: s for s in report.sources}
    single = single_source_groups(report)
    lines = [
        "# crosscheck report",
        "",
        "## Sources",
        "",
        _table(
            [[escape(s.id), escape(s.outlet or ""), s.published or "", escape(s.title or "")] for s in report.sources],
            ["id", "outlet", "published", "title"],
        ),
        "",
        *_not_read(report),
        "## Summary",
        "",
        summary_line(report),
        "",
        SUMMARY_TERMS,
        "",
    ]
    if reviewed := review_summary(report):
        lines += [reviewed, ""]
    lines += [HOW_TO_READ, ""]
    for note in report.notes:
        lines += [f"> {note}", ""]
    shown = [f for f in report.findings if not (f.review and f.review.dismisses)]
    for status in (Status.CONFLICT, Status.UPDATE, Status.VARIANT):
        chosen = [f for f in shown if f.status is status]
        lines += [f"## {_TITLES[status]}", ""]
        if chosen and status in _INTROS:
            lines += [_INTROS[status], ""]
        if not chosen:
            lines += ["None found.", ""]
        for number, finding in enumerate(chosen, 1):
            lines += _finding_block(number, finding, sources)
    agreements = [f for f in shown if f.status is Status.AGREE]
    lines += ["## Agreements", ""]
    if agreements:
        rows = [
            [escape(f.subject), f.kind.value, escape("; ".join(v.value for v in f.values)), escape(", ".join(f.sources)),
             f"`{f.rule}`"]
            for f in agreements
        ]
        lines += [_table(rows, ["subject", "kind", "value", "sources", "rule"]), ""]
    else:
        lines += ["None found.", ""]
    lines += _dismissed(report, sources)
    lines += ["## Single-source claims", ""]
    if single:
        rows = []
        for group in sorted(single, key=lambda g: (g.sources[0], g.kind.value, g.claims[0].start)):
            claim = group.claims[0]
            rows.append([escape(group.sources[0]), claim.kind.value, escape(group.subject), escape(shown_value(claim))])
        lines += [_table(rows, ["source", "kind", "subject", "value"]), ""]
    else:
        lines += ["None.", ""]
    lines += _matrix(report) if len(report.sources) <= MATRIX_MAX_SOURCES else _source_standing(report)
    return "\n".join(lines)
