"""The rule engine: (rules, aligned groups) -> findings. Pure."""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import replace
from collections.abc import Sequence
from itertools import combinations

from rapidfuzz import fuzz

from ..model import Claim, ClaimGroup, ClaimKind, Finding, Status, ValueGroup, stable_id
from .load import Rule

_STATUS_RANK = {Status.AGREE: 0, Status.VARIANT: 1, Status.CONFLICT: 2}
_SEVERITY_RANK = {"error": 0, "warning": 1, "info": 2}

# Which claim kinds a rule of each kind reads from a group: a place-list rule
# also weighs counts of places that the aligner put beside the lists.
_KINDS_READ = {ClaimKind.PLACES: (ClaimKind.PLACES, ClaimKind.COUNT)}


def _value_groups(claims: Sequence[Claim], show) -> list[ValueGroup]:
    by_value: dict[str, list[Claim]] = defaultdict(list)
    for claim in claims:
        by_value[show(claim)].append(claim)
    groups = [ValueGroup(value, tuple(members)) for value, members in by_value.items()]
    # Most-supported value first, then by value text: a total, stable order.
    groups.sort(key=lambda g: (-len(g.sources), g.value))
    return groups


def _confidence(group: ClaimGroup) -> float:
    """How sure the alignment is that these claims are about one thing."""
    subjects = sorted({c.subject for c in group.claims if c.subject})
    if len(subjects) <= 1:
        return 1.0
    scores = [fuzz.token_set_ratio(a, b) / 100 for a, b in combinations(subjects, 2)]
    return round(min(1.0, 0.5 + 0.5 * min(scores)), 2)


def _format_values(values: Sequence[ValueGroup]) -> str:
    return "; ".join(f"{v.value} ({', '.join(v.sources)})" for v in values)


def _status(claims: Sequence[Claim], comparator) -> Status:
    """The worst relation between two sources, where two sources relate by
    their closest pair of claims: a source that gives both 5.9 and 6.1 does not
    conflict with one that gives 6.1, and no source conflicts with itself."""
    by_source: dict[str, list[Claim]] = defaultdict(list)
    for claim in claims:
        by_source[claim.source].append(claim)
    worst = Status.AGREE
    for a, b in combinations(sorted(by_source), 2):
        closest = min(
            (comparator.relate(x, y) for x in by_source[a] for y in by_source[b]),
            key=_STATUS_RANK.__getitem__,
        )
        if _STATUS_RANK[closest] > _STATUS_RANK[worst]:
            worst = closest
    return worst


def evaluate_group(rule: Rule, group: ClaimGroup) -> Finding | None:
    """The finding ``rule`` makes of ``group``, or None when it has nothing to say."""
    if group.kind is not rule.kind or len(group.sources) < 2:
        return None
    kinds = _KINDS_READ.get(rule.kind, (rule.kind,))
    claims = [c for c in group.claims if c.kind in kinds]
    comparator = rule.comparator()
    status = _status(claims, comparator)
    if status not in rule.report:
        return None
    values = tuple(_value_groups(claims, comparator.show))
    message = rule.message.format(
        subject=group.subject, values=_format_values(values), sources=", ".join(group.sources),
        kind=group.kind.value, status=status.value,
    )
    return Finding(
        rule=rule.id, severity=rule.severity, status=status, kind=group.kind, subject=group.subject,
        message=message, values=values, confidence=_confidence(group),
    )


def sort_key(finding: Finding) -> tuple:
    """Report order: conflicts first, then by severity, kind, subject and id."""
    return (
        -_STATUS_RANK[finding.status], _SEVERITY_RANK[finding.severity.value],
        finding.kind.value, finding.subject, finding.rule, finding.id,
    )


def _with_ids(pairs: list[tuple[Finding, ClaimGroup]]) -> list[Finding]:
    """Give each finding an id from its rule and subject; when two findings share
    both, each also takes its group's first claim id, so neither id depends on
    the order findings happen to come in."""
    base = [stable_id(f.rule, f.kind.value, f.subject) for f, _ in pairs]
    taken = Counter(base)
    return [
        replace(f, id=b if taken[b] == 1 else stable_id(b, min(c.id for c in g.claims)))
        for (f, g), b in zip(pairs, base)
    ]


def evaluate(rules: Sequence[Rule], groups: Sequence[ClaimGroup]) -> list[Finding]:
    pairs = [(f, group) for rule in rules for group in groups if (f := evaluate_group(rule, group))]
    return sorted(_with_ids(pairs), key=sort_key)
