"""ClaimReview drafts: one schema.org ClaimReview (JSON-LD) per conflict.

A fact-checker who publishes a review of a disputed claim can start from
these: what is disputed (``claimReviewed``: the finding's message), where it
appeared (``itemReviewed.appearance``: each source's page, outlet, title and
date), where it first appeared (``firstAppearance``: the earliest published
source), and, for a quote or a title, who said it or holds it (``author``,
with the title the sources give where known).

The verdict itself is not crosscheck's to give: ``reviewRating``, the review's
``author`` and its ``datePublished`` are left empty for a person to fill in.
Conflicts a reviewer dismissed (verdicts.yaml) are left out.
"""
from __future__ import annotations

from ..model import ClaimKind, Finding, Report, Source, Status
from ..text import same_name
from .common import to_json

CONTEXT = "https://schema.org"


def _work(source: Source) -> dict:
    """A source as a schema.org CreativeWork: only what is known of it."""
    work = {"@type": "CreativeWork", "identifier": source.id}
    if source.url:
        work["url"] = source.url
    if source.title:
        work["headline"] = source.title
    if source.outlet:
        work["publisher"] = {"@type": "Organization", "name": source.outlet}
    if source.author:
        work["author"] = {"@type": "Person", "name": source.author}
    if source.published:
        work["datePublished"] = source.published
    return work


def _person(finding: Finding, report: Report) -> dict | None:
    """Who said a disputed quote, or whose title is disputed, with a title the sources give."""
    if finding.kind not in (ClaimKind.QUOTE, ClaimKind.PERSON) or not finding.subject:
        return None
    person = {"@type": "Person", "name": finding.subject}
    titles = sorted({
        str(c.value) for c in report.claims
        if c.kind is ClaimKind.PERSON and same_name(c.subject, finding.subject) and c.source in finding.sources
    })
    if finding.kind is ClaimKind.QUOTE and titles:
        person["jobTitle"] = titles[0] if len(titles) == 1 else titles
    return person


def _review(finding: Finding, report: Report, sources: dict[str, Source]) -> dict:
    appeared = [sources[s] for s in finding.sources if s in sources]
    dated = sorted((s for s in appeared if s.published), key=lambda s: (s.published, s.id))
    claim = {"@type": "Claim", "appearance": [_work(s) for s in appeared]}
    if dated:
        claim["firstAppearance"] = _work(dated[0])
    if person := _person(finding, report):
        claim["author"] = person
    return {
        "@context": CONTEXT,
        "@type": "ClaimReview",
        "identifier": finding.id,
        "claimReviewed": finding.message,
        "itemReviewed": claim,
        "reviewRating": {"@type": "Rating", "alternateName": "", "ratingExplanation": ""},
        "author": {"@type": "Organization", "name": ""},
        "datePublished": "",
    }


def render_claimreview(report: Report) -> str:
    sources = {s.id: s for s in report.sources}
    conflicts = [
        f for f in report.findings if f.status is Status.CONFLICT and not (f.review and f.review.dismisses)
    ]
    return to_json([_review(f, report, sources) for f in conflicts])
