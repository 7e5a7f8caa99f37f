"""The rule engine: (rules, aligned groups) -> findings. Pure."""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import replace
from collections.abc import Mapping, Sequence
from itertools import combinations

from rapidfuzz import fuzz

from ..model import EARLY, Claim, ClaimGroup, ClaimKind, Finding, Status, ValueGroup, stable_id
from ..text import content_words
from .load import Rule

_STATUS_RANK = {Status.AGREE: 0, Status.VARIANT: 1, Status.UPDATE: 2, Status.CONFLICT: 3}
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


def _content(claim: Claim) -> tuple:
    """What a comparator reads of a claim: claims of equal content relate alike."""
    return (claim.kind, claim.subject, claim.value, claim.attrs)


def _status(claims: Sequence[Claim], comparator) -> Status:
    """The worst relation between two sources, where two sources relate by
    their closest pair of claims: a source that gives both 5.9 and 6.1 does not
    conflict with one that gives 6.1, and no source conflicts with itself; a
    source that gives a figure and an early one since revised says the figure.

    Sources that say the same things (copies of one wire story) relate alike to
    every other source, so each distinct profile is weighed once, and each
    distinct pair of claim contents is compared once.
    """
    by_source: dict[str, list[Claim]] = defaultdict(list)
    for claim in claims:
        by_source[claim.source].append(claim)
    narrow = getattr(comparator, "narrow", None)
    contents: dict[str, dict[tuple, Claim]] = defaultdict(dict)
    for source, said in by_source.items():
        # A figure a source gives as an early report beside its current one is not what it says now.
        said = [c for c in said if EARLY not in c.attrs] or said
        for claim in narrow(said) if narrow else said:
            contents[source].setdefault(_content(claim), claim)
    profiles: dict[frozenset, list[Claim]] = {}
    shared: set[frozenset] = set()  # profiles that two or more sources give
    for said in contents.values():
        profile = frozenset(said)
        if profile in profiles:
            shared.add(profile)
        else:
            profiles[profile] = list(said.values())
    relations: dict[tuple[tuple, tuple], Status] = {}

    def relate(x: Claim, y: Claim) -> Status:
        key = (_content(x), _content(y))
        if key not in relations:
            relations[key] = comparator.relate(x, y)
        return relations[key]

    # Two sources relate by their closest pair of claims, or, for a comparator
    # that asks (quotes: one changed sentence is a variant), by their worst.
    pick = max if getattr(comparator, "worst_pair", False) else min

    def closest(a: list[Claim], b: list[Claim]) -> Status:
        return pick((relate(x, y) for x in a for y in b), key=_STATUS_RANK.__getitem__)

    # A comparator may say the worst it can find ("a wording variant"): once
    # found, no other pair can change the answer.
    ceiling = getattr(comparator, "worst", Status.CONFLICT)
    worst = Status.AGREE
    listed = list(profiles.items())
    for index, (profile, said) in enumerate(listed):
        others = [b for _, b in listed[index + 1 :]] + ([said] if profile in shared else [])
        for other in others:
            status = closest(said, other)
            if _STATUS_RANK[status] > _STATUS_RANK[worst]:
                worst = status
                if worst is ceiling:
                    return worst
    return worst


# Said of a conflict that could be an update, when publication dates cannot tell.
UNDATED_NOTE = "Some of these sources are undated: the difference may be a change over time."
EARLY_NOTE = "A source gives its differing figure as an early report, since revised."


def _over_time(claims: Sequence[Claim], comparator, published: Mapping[str, str]) -> tuple[Status, str]:
    """A conflict between reports of something that changes as a story unfolds
    (a tally: "1 dead" in the morning, "24 dead" the next day; the date of the
    latest hearing) is an update when the comparator says the values can
    change, every source is dated and no two sources of one day disagree: each
    value then stands for its time. With undated sources it stays a conflict, noted."""
    if not getattr(comparator, "can_change", lambda *_: False)(list(claims), published):
        return Status.CONFLICT, ""
    current = [c for c in claims if EARLY not in c.attrs]
    if len(current) < len(claims) and current and _status(current, comparator) is not Status.CONFLICT:
        return Status.UPDATE, EARLY_NOTE  # "in initial reports, five were hurt" beside the later four
    if any(not published.get(c.source) for c in claims):
        return Status.CONFLICT, UNDATED_NOTE
    by_day: dict[str, list[Claim]] = defaultdict(list)
    for claim in claims:
        by_day[published[claim.source][:10]].append(claim)
    if len(by_day) < 2 or any(_status(same_day, comparator) is Status.CONFLICT for same_day in by_day.values()):
        return Status.CONFLICT, ""
    return Status.UPDATE, ""


def _in_time_order(values: list[ValueGroup], published: Mapping[str, str]) -> list[ValueGroup]:
    # An update told by an early figure may be of undated sources: they sort first, and a
    # figure its sources give as an early report comes before those they give now.
    dated = [replace(v, first_published=min((published[s] for s in v.sources if s in published), default=None))
             for v in values]
    return sorted(dated, key=lambda v: (
        not all(EARLY in c.attrs for c in v.claims), v.first_published or "", v.value,
    ))


def _revised(claims: Sequence[Claim], comparator) -> bool:
    """Whether the sources agree on a figure and give, as an early report, another
    ("authorities said earlier that four were hurt" beside three): the figure was revised."""
    early = [c for c in claims if EARLY in c.attrs]
    current = [c for c in claims if EARLY not in c.attrs]
    return bool(early and current) and all(
        comparator.relate(e, c) is Status.CONFLICT for e in early for c in current
    )


def evaluate_group(rule: Rule, group: ClaimGroup, published: Mapping[str, str] | None = None) -> Finding | None:
    """The finding ``rule`` makes of ``group``, or None when it has nothing to say.

    ``published`` maps source ids to their publication dates, where known.
    """
    if group.kind is not rule.kind or len(group.sources) < 2:
        return None
    kinds = _KINDS_READ.get(rule.kind, (rule.kind,))
    claims = [c for c in group.claims if c.kind in kinds]
    comparator = rule.comparator()
    status = _status(claims, comparator)
    note = ""
    if status is Status.CONFLICT and Status.UPDATE in rule.report:
        status, note = _over_time(claims, comparator, published or {})
    elif status is Status.AGREE and Status.UPDATE in rule.report and _revised(claims, comparator):
        status, note = Status.UPDATE, EARLY_NOTE
    if status not in rule.report:
        return None
    values = _value_groups(claims, comparator.show)
    if status is Status.UPDATE:
        values = _in_time_order(values, published or {})
    values = tuple(values)
    message = rule.message.format(
        subject=group.subject, values=_format_values(values), sources=", ".join(group.sources),
        kind=group.kind.value, status=status.value,
    )
    return Finding(
        rule=rule.id, severity=rule.severity, status=status, kind=group.kind, subject=group.subject,
        message=message, values=values, confidence=_confidence(group), note=note,
    )


def sort_key(finding: Finding) -> tuple:
    """Report order: conflicts first, then by severity, kind, subject and id."""
    return (
        -_STATUS_RANK[finding.status], _SEVERITY_RANK[finding.severity.value],
        finding.kind.value, finding.subject, finding.rule, finding.id,
    )


def _with_ids(pairs: list[tuple[Finding, ClaimGroup]]) -> list[Finding]:
    """Give each finding an id from its rule and the words of its subject; when
    two findings share both, each also takes its group's first claim id, so
    neither id depends on the order findings happen to come in. The subject's
    content words, not its text, so that an added source whose sentence words
    the subject differently ("laid out the policy", "laid out policies") keeps it."""
    base = [stable_id(f.rule, f.kind.value, " ".join(sorted(content_words(f.subject)))) for f, _ in pairs]
    taken = Counter(base)
    return [
        replace(f, id=b if taken[b] == 1 else stable_id(b, min(c.id for c in g.claims)))
        for (f, g), b in zip(pairs, base)
    ]


def _differences_first(findings: list[Finding]) -> list[Finding]:
    """When two rules read one group (a quote's speaker and its wording), an
    agreement is dropped if the other finds a difference, so one quote is never
    both a conflict and an agreement; two differences (a speaker conflict and a
    wording variant) are both kept, each says something the other does not."""
    if any(f.status is not Status.AGREE for f in findings):
        return [f for f in findings if f.status is not Status.AGREE]
    return findings


def evaluate(
    rules: Sequence[Rule], groups: Sequence[ClaimGroup], published: Mapping[str, str] | None = None
) -> list[Finding]:
    pairs = []
    for group in groups:
        found = [f for rule in rules if (f := evaluate_group(rule, group, published))]
        pairs += [(f, group) for f in _differences_first(found)]
    return sorted(_with_ids(pairs), key=sort_key)
