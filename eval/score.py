"""Score crosscheck's findings on a planted story against what was planted.

A planted discrepancy is found when a finding of its kind, with the expected
status, puts a claim of an edited outlet from the edited sentence and a claim
of an unedited outlet from the original sentence on different sides. A
reported conflict or variant is true when it finds a planted discrepancy, or
when it is a quote-wording variant of words an edit really changed inside a
quote (an honest side effect); anything else is false, since every outlet is a
copy of one article.

In a paraphrase story (paraphrase.py) the unedited outlet states the fact in its
own sentences (``Planted.other_lines``), and the score takes the report on the
unedited articles as a baseline: a finding it already had is standing, neither
true nor false, since real outlets do disagree.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from crosscheck.model import Claim, ClaimKind, Finding, Report, Status

from .plant import Planted, Story

REPORTED = (Status.CONFLICT, Status.VARIANT)


def _squash(text: str) -> str:
    return " ".join(text.split())


def covers(claim: Claim, line: str) -> bool:
    """True when the claim's evidence sentence is (part of) ``line``, or holds it."""
    sentence, line = _squash(claim.sentence), _squash(line)
    return bool(sentence) and (sentence in line or line in sentence)


def _sides(finding: Finding, sources: Sequence[str], lines: Sequence[str]) -> set[int]:
    """Indexes of the finding's value groups with a claim from ``sources`` evidenced by one of ``lines``."""
    return {
        i for i, group in enumerate(finding.values)
        if any(c.source in sources and any(covers(c, line) for line in lines) for c in group.claims)
    }


def separates(finding: Finding, planted: Planted) -> bool:
    """The edited outlet's edited sentence and an unedited outlet's sentence of the fact (the
    original line, or in a paraphrase story that outlet's own sentence) on different sides."""
    edited = _sides(finding, planted.edited, (planted.edit.new_line,))
    others = _sides(finding, planted.others, planted.original_lines)
    return any(i != j for i in edited for j in others)


def finds(finding: Finding, planted: Planted) -> bool:
    edit = planted.edit
    return edit.status is not None and finding.kind is edit.kind and finding.status is edit.status and separates(finding, planted)


def touches(finding: Finding, planted: Planted) -> bool:
    return any(c.source in planted.edited and covers(c, planted.edit.new_line) for g in finding.values for c in g.claims)


def _changed_a_quote(finding: Finding, planted: Planted) -> bool:
    """A wording variant of a quote whose words the edit changed."""
    if finding.kind is not ClaimKind.QUOTE or finding.status is not Status.VARIANT:
        return False
    quotes = [str(c.value) for g in finding.values for c in g.claims if c.source in planted.others]
    return separates(finding, planted) and any(planted.edit.before in q for q in quotes)


def _mirrored(finding: Finding) -> bool:
    """Each side holds the same outlets: a difference inside one article, repeated by its copies."""
    return len({group.sources for group in finding.values}) == 1


def _moved_a_speaker(finding: Finding, planted: Planted) -> bool:
    """A conflict a misattribution really causes: the new speaker carries on to the quotes that
    follow ("... he added"), so the edited outlet gives those to someone else too."""
    if planted.edit.name != "quote-misattributed" or finding.status is not Status.CONFLICT:
        return False
    if finding.kind is ClaimKind.PERSON:
        # The speaker put in is someone else in the story: the edited outlet now gives
        # that person the original speaker's title, a real title conflict.
        return touches(finding, planted) and finding.subject.split()[-1] == planted.edit.after.split()[-1]
    if finding.kind is not ClaimKind.QUOTE:
        return False
    new_side = [g for g in finding.values if g.value == planted.edit.after and set(g.sources) <= set(planted.edited)]
    return bool(new_side)


@dataclass(frozen=True)
class Miss:
    story: str
    planted: Planted
    why: str  # not extracted | not aligned | reported as <status>


@dataclass(frozen=True)
class FalseFinding:
    story: str
    finding: Finding
    near: str  # the edit whose sentence it touches, or "no edit"
    mirrored: bool  # every side holds the same outlets: a difference inside the article

    @property
    def cause(self) -> str:
        where = f"false {self.finding.status.value} near {self.near}"
        return where + ", same outlets on every side" if self.mirrored else where


@dataclass(frozen=True)
class StoryScore:
    story: Story
    found: tuple[Planted, ...]
    misses: tuple[Miss, ...]
    true_findings: tuple[Finding, ...]
    false_findings: tuple[FalseFinding, ...]
    # Differences the unedited articles already had (paraphrase stories: real outlets do
    # disagree); neither true nor false, left out of precision.
    standing: tuple[Finding, ...] = ()


def _why_missed(report: Report, planted: Planted) -> str:
    edit = planted.edit
    mine = [c for c in report.claims
            if c.kind is edit.kind and c.source in planted.edited and covers(c, edit.new_line)]
    if not mine:
        return "not extracted after the edit"
    groups = [g for g in report.groups if any(c in g.claims for c in mine)]
    aligned = [g for g in groups
               if any(c.source in planted.others and any(covers(c, line) for line in planted.original_lines)
                      for c in g.claims)]
    if not aligned:
        return "not aligned with the other outlet's sentence" if planted.other_lines else "not aligned with the original"
    ids = {c.id for g in aligned for c in g.claims}
    statuses = sorted({f.status.value for f in report.findings
                       if f.kind is edit.kind and any(c.id in ids for g in f.values for c in g.claims)})
    return f"reported as {'/'.join(statuses)}" if statuses else "aligned, no finding"


def _as_before(finding: Finding, story: Story) -> tuple:
    """What identifies a finding across an edit: kind, status and the (source, sentence) of each
    claim, an edited sentence read as the one it replaced."""
    def sentence(claim: Claim) -> str:
        for p in story.planted:
            if claim.source in p.edited and covers(claim, p.edit.new_line):
                return _squash(p.edit.old_line)
        return _squash(claim.sentence)
    return finding.kind, finding.status, frozenset((c.source, sentence(c)) for g in finding.values for c in g.claims)


def score_story(story: Story, report: Report, baseline: Report | None = None) -> StoryScore:
    """Score ``report`` on the story. With ``baseline`` (the report on the articles before any
    edit), a finding it already had is standing, not false, unless it finds a planted item."""
    before = {_as_before(f, story) for f in baseline.findings if f.status in REPORTED} if baseline else set()
    discrepancies = [p for p in story.planted if p.edit.status is not None]
    found = tuple(p for p in discrepancies if any(finds(f, p) for f in report.findings))
    misses = tuple(Miss(story.id, p, _why_missed(report, p)) for p in discrepancies if p not in found)
    true_findings, false_findings, standing = [], [], []
    for finding in report.findings:
        if finding.status not in REPORTED:
            continue
        if any(finds(finding, p) or _changed_a_quote(finding, p) or _moved_a_speaker(finding, p) for p in story.planted):
            true_findings.append(finding)
            continue
        if before and _as_before(finding, story) in before:
            standing.append(finding)
            continue
        near = next((p.edit.name for p in story.planted if touches(finding, p)), "no edit")
        false_findings.append(FalseFinding(story.id, finding, near, _mirrored(finding)))
    return StoryScore(story, found, misses, tuple(true_findings), tuple(false_findings), tuple(standing))
