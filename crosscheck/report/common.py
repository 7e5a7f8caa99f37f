"""What every output format shares: how sources are named and how a finding's
evidence is laid out."""
from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import combinations

import orjson

from ..cache import compiled_regex
from ..model import Claim, ClaimGroup, ClaimKind, Finding, Report, Source, Status

SCHEMA_VERSION = "1.0"


def to_json_bytes(data: object) -> bytes:
    """Indented JSON with sorted keys and a final newline, UTF-8: what
    ``json.dumps(data, sort_keys=True, indent=2, ensure_ascii=False)`` writes,
    at a tenth of the cost (a report of a 10,000-source story is over 100 MB)."""
    return _dumps(data) + b"\n"


def _dumps(value: object) -> bytes:
    """Indented JSON with sorted keys; orjson knows no integer past 64 bits (a count
    of "99999999999999999999999 people"), which the standard library then writes."""
    try:
        return orjson.dumps(value, option=orjson.OPT_INDENT_2 | orjson.OPT_SORT_KEYS)
    except TypeError:
        return json.dumps(value, sort_keys=True, indent=2, ensure_ascii=False).encode("utf-8")


def to_json_chunks(data: dict) -> Iterator[bytes]:
    """``to_json_bytes(data)`` in pieces, for a dict whose values may be iterators
    (written as lists, item by item): the same bytes, without the whole in memory."""
    if not data:
        yield to_json_bytes(data)
        return
    yield b"{"
    for n, key in enumerate(sorted(data)):
        yield b"%s\n  %s: " % (b"," if n else b"", orjson.dumps(key))
        value = data[key]
        if isinstance(value, Iterator):
            items = iter(value)
            first = next(items, _NOTHING)
            if first is _NOTHING:
                yield b"[]"
                continue
            yield b"[\n    " + _indented(first, 4)
            for item in items:
                yield b",\n    " + _indented(item, 4)
            yield b"\n  ]"
        else:
            yield _indented(value, 2)
    yield b"\n}\n"


_NOTHING = object()


def _indented(value: object, spaces: int) -> bytes:
    """A value as to_json_bytes writes it, nested ``spaces`` deep (JSON text has no raw newline in a string)."""
    return _dumps(value).replace(b"\n", b"\n" + b" " * spaces)


def to_json(data: object) -> str:
    return to_json_bytes(data).decode()


# Markdown that text from sources could open: emphasis, code, links, raw HTML,
# table cells, strikethrough; "_" only at a word's edge (GitHub reads intraword
# "_" as text, and source ids such as "000_f1ca" keep it); "&" only before an entity.
_MARKDOWN = compiled_regex(r"[\\`*\[\]<>|~]|(?<![A-Za-z0-9])_|_(?![A-Za-z0-9])|&(?=#?\w+;)")

_SPACE = compiled_regex(r"\s+")


def escape(text: object) -> str:
    """Text from sources or users, made safe for one line of markdown (a table
    cell, a heading, a bullet): each run of whitespace one space, markup backslash-escaped."""
    return _MARKDOWN.sub(lambda m: "\\" + m.group(), _SPACE.sub(" ", str(text)))


def plural(n: int, singular: str, plural_form: str | None = None) -> str:
    """ "1 source", "2 sources"."""
    return f"{n} {singular if n == 1 else plural_form or singular + 's'}"


def source_label(source: Source) -> str:
    """A source as reports name it: its id, and its outlet where known."""
    return f"{source.id} ({source.outlet})" if source.outlet else source.id


@dataclass(frozen=True)
class Evidence:
    source: str
    start: int
    end: int
    text: str
    claim_start: int
    claim_end: int
    line: int | None  # where the claim's words start in the source file, 1-based
    column: int | None

    @classmethod
    def of(cls, claim: Claim) -> "Evidence":
        return cls(
            source=claim.source, start=claim.sentence_start, end=claim.sentence_start + len(claim.sentence),
            text=claim.sentence, claim_start=claim.start, claim_end=claim.end, line=claim.line, column=claim.column,
        )


def group_id(group: ClaimGroup) -> str:
    return min(c.id for c in group.claims)


def group_of_claims(report: Report) -> dict[str, str]:
    """Each claim's group id; each group's id computed once (a group may hold thousands of claims)."""
    return {c.id: gid for g in report.groups for gid in (group_id(g),) for c in g.claims}


def single_source_groups(report: Report) -> list[ClaimGroup]:
    return [g for g in report.groups if len(g.sources) == 1]


_RANK = {Status.AGREE: 0, Status.VARIANT: 1, Status.UPDATE: 2, Status.CONFLICT: 3}
# The summary's terms, said once for every format that prints a summary.
SUMMARY_TERMS = (
    "Terms: a claim is one statement in one source (a count, places, a date, a time, a title, a quote, a person's"
    " condition); a group is the claims about one thing, counted once: under its most serious finding, as"
    " unreported when no rule reports on it, or as single-source when only one source gives it."
)


def group_counts(report: Report) -> dict[str, int]:
    """Groups by where the summary counts them; the counts add up to ``groups``."""
    group_of = group_of_claims(report)
    worst: dict[str, Status] = {}
    for finding in report.findings:
        for value in finding.values:
            for claim in value.claims:
                gid = group_of[claim.id]
                if gid not in worst or _RANK[finding.status] > _RANK[worst[gid]]:
                    worst[gid] = finding.status
    counts = {"groups": len(report.groups), **{s.value: 0 for s in _RANK}, "unreported": 0, "single_source": 0}
    for group in report.groups:
        gid = group_id(group)
        key = worst[gid].value if gid in worst else "single_source" if len(group.sources) == 1 else "unreported"
        counts[key] += 1
    return counts


def days_apart(finding: Finding, sources: dict[str, Source]) -> int | None:
    """Days between the earliest and latest publication among a finding's sources."""
    dates = sorted(sources[s].published for s in finding.sources if s in sources and sources[s].published)
    if len(dates) < 2:
        return None
    return (dt.date.fromisoformat(dates[-1]) - dt.date.fromisoformat(dates[0])).days


def pair_counts(report: Report) -> tuple[Counter, Counter]:
    """For each pair of sources (sorted ids): the findings on which they give the
    same value, and those on which they give different ones."""
    agree: Counter = Counter()
    disagree: Counter = Counter()
    for finding in report.findings:
        for a, b in combinations(finding.sources, 2):
            same = any(a in v.sources and b in v.sources for v in finding.values)
            (agree if same else disagree)[(a, b)] += 1
    return agree, disagree


def source_standing(report: Report) -> tuple[Counter, Counter]:
    """For each source: the conflicts and variants in which it gives the
    best-supported value, and those in which it gives another one."""
    with_most: Counter = Counter()
    apart: Counter = Counter()
    for finding in report.findings:
        if finding.status is Status.AGREE:
            continue
        most, *others = finding.values
        with_most.update(most.sources)
        apart.update({source for value in others for source in value.sources} - set(most.sources))
    return with_most, apart


def shown_value(claim: Claim) -> str:
    """A claim's value as a reader sees it alone: a list joined, a count with
    its unit and qualifier ("a six-month program" is "6 month", not a count of 6)."""
    from ..rules.compare import show_number  # the rules' own way of showing a number

    if isinstance(claim.value, tuple):
        return ", ".join(claim.value)
    return show_number(claim) if claim.kind is ClaimKind.COUNT else str(claim.value)
