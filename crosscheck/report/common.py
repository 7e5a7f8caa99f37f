"""What every output format shares: how sources are named and how a finding's
evidence is laid out."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import orjson

from ..model import Claim, ClaimGroup, Finding, Report, Source

SCHEMA_VERSION = "1.0"


def to_json(data: object) -> str:
    """Indented JSON with sorted keys and a final newline: what ``json.dumps(data,
    sort_keys=True, indent=2, ensure_ascii=False)`` writes, at a tenth of the cost
    (a report of a 10,000-source story is over 100 MB)."""
    return orjson.dumps(data, option=orjson.OPT_INDENT_2 | orjson.OPT_SORT_KEYS | orjson.OPT_APPEND_NEWLINE).decode()


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

    @classmethod
    def of(cls, claim: Claim) -> "Evidence":
        return cls(
            source=claim.source, start=claim.sentence_start, end=claim.sentence_start + len(claim.sentence),
            text=claim.sentence, claim_start=claim.start, claim_end=claim.end,
        )


def group_id(group: ClaimGroup) -> str:
    return min(c.id for c in group.claims)


def single_source_groups(report: Report) -> list[ClaimGroup]:
    return [g for g in report.groups if len(g.sources) == 1]


def days_apart(finding: Finding, sources: dict[str, Source]) -> int | None:
    """Days between the earliest and latest publication among a finding's sources."""
    dates = sorted(sources[s].published for s in finding.sources if s in sources and sources[s].published)
    if len(dates) < 2:
        return None
    return (dt.date.fromisoformat(dates[-1]) - dt.date.fromisoformat(dates[0])).days
