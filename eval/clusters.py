"""Real clusters labelled by hand: eval/labels/<cluster>.yaml.

Each file lists the true cross-outlet discrepancies found by reading the
cluster: kind, a short subject, and two or more values, each with the doc ids
that give it and a few words of the evidence sentence in each. A labelled
discrepancy is found when a conflict or variant of its kind puts claims from
two differently labelled values (each from a labelled doc, evidenced by the
labelled words) on different sides. crosscheck's other conflicts are listed
for a person to judge; ``reviewed`` in the labels file records judgements.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from crosscheck.model import Claim, ClaimKind, Finding, Report

from .score import REPORTED

LABELS = Path(__file__).resolve().parent / "labels"


@dataclass(frozen=True)
class LabelledValue:
    value: str
    evidence: tuple[tuple[str, str], ...]  # (doc id, words of the sentence)

    def gives(self, claim: Claim) -> bool:
        sentence = " ".join(claim.sentence.split()).lower()
        return any(claim.source == doc and words.lower() in sentence for doc, words in self.evidence)


@dataclass(frozen=True)
class Labelled:
    cluster: str
    kind: ClaimKind
    subject: str
    values: tuple[LabelledValue, ...]


@dataclass(frozen=True)
class Review:
    """A reported finding a person judged: real or false, matched by kind and subject words."""

    kind: ClaimKind
    subject: str
    real: bool
    note: str


@dataclass(frozen=True)
class ClusterLabels:
    cluster: str
    event: str
    discrepancies: tuple[Labelled, ...]
    reviewed: tuple[Review, ...]


def load_labels(path: Path) -> ClusterLabels:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    cluster = data["cluster"]
    discrepancies = tuple(
        Labelled(
            cluster, ClaimKind(item["kind"]), item["subject"],
            tuple(
                LabelledValue(str(v["value"]), tuple((str(d), str(w)) for d, w in v["evidence"].items()))
                for v in item["values"]
            ),
        )
        for item in data.get("discrepancies") or []
    )
    reviewed = tuple(
        Review(ClaimKind(r["kind"]), r["subject"], r["judged"] == "real", r.get("note", ""))
        for r in data.get("reviewed") or []
    )
    return ClusterLabels(cluster, data.get("event", ""), discrepancies, reviewed)


def all_labels(folder: Path = LABELS) -> list[ClusterLabels]:
    return [load_labels(p) for p in sorted(folder.glob("*.yaml"))]


def finds_label(finding: Finding, label: Labelled) -> bool:
    if finding.kind is not label.kind or finding.status not in REPORTED:
        return False
    sides = [
        {i for i, value in enumerate(label.values) if any(value.gives(c) for c in group.claims)}
        for group in finding.values
    ]
    return any(a != b for i, x in enumerate(sides) for j, y in enumerate(sides) if i < j for a in x for b in y)


def review_of(finding: Finding, labels: ClusterLabels) -> Review | None:
    return next((r for r in labels.reviewed if r.kind is finding.kind and r.subject == finding.subject), None)


@dataclass(frozen=True)
class ClusterScore:
    labels: ClusterLabels
    found: tuple[Labelled, ...]
    missed: tuple[Labelled, ...]
    other_conflicts: tuple[Finding, ...]  # reported conflicts that match no label


def score_cluster(labels: ClusterLabels, report: Report) -> ClusterScore:
    found = tuple(d for d in labels.discrepancies if any(finds_label(f, d) for f in report.findings))
    missed = tuple(d for d in labels.discrepancies if d not in found)
    others = tuple(
        f for f in report.findings
        if f.status.value == "conflict" and not any(finds_label(f, d) for d in labels.discrepancies)
    )
    return ClusterScore(labels, found, missed, others)
