"""Reviewers' verdicts on findings, kept in a YAML file beside the story.

A fact-checker who has looked at a finding says so once: "dismissed" (checked,
not a problem: the later toll counts the crew) or
"accepted" (checked, a real discrepancy). The verdict is keyed by the finding's
id, which does not change when unrelated sources are added, and it records
what the finding was when reviewed (its values and their sources, as a
fingerprint). When the finding later differs (another value, another source
taking a side) the verdict is stale: shown, no longer applied.

The file (``verdicts.yaml`` in the story folder, or ``--verdicts FILE``) is
plain YAML sorted by id, so it diffs and merges like any text:

    verdicts:
      5b7bbad8ffbe:
        decision: dismissed
        reason: The later toll counts the crew.
        by: Ann Lee
        date: '2031-05-06'
        rule: count-mismatch
        subject: people killed
        seen: 3f1c0a9d2b7e
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path

import yaml

from . import safe_yaml
from .errors import CrosscheckError
from .model import Finding, Report, Review, stable_id

# The file a story folder's verdicts are kept in; never read as a source.
VERDICTS_FILE = "verdicts.yaml"
DECISIONS = ("accepted", "dismissed")
# "date", not "on": YAML 1.1 reads an unquoted key "on" as true.
_FIELDS = ("decision", "reason", "by", "date", "rule", "subject", "seen")
_HEADER = (
    "# Reviewers' verdicts on crosscheck findings, by finding id (crosscheck review; docs/reviewing.md).\n"
    "# decision: dismissed (checked, not a problem) or accepted (checked, a real problem).\n"
    "# seen: the finding as it was reviewed; when it changes, the verdict is stale and no longer applied.\n"
)


class VerdictsError(CrosscheckError):
    """The verdicts file cannot be read or is malformed. Names the file, the finding id and the key."""


@dataclass(frozen=True)
class Verdict:
    finding: str  # the finding's id
    decision: str
    reason: str
    by: str
    date: str  # ISO date of the verdict
    rule: str
    subject: str
    seen: str  # fingerprint() of the finding when reviewed


def fingerprint(finding: Finding) -> str:
    """What a finding says: its values and the sources that hold each."""
    return stable_id(*sorted(f"{v.value}\x1e{','.join(v.sources)}" for v in finding.values))


def verdict_for(finding: Finding, decision: str, reason: str, by: str, date: str) -> Verdict:
    if decision not in DECISIONS:
        raise VerdictsError(f"a verdict is one of {', '.join(DECISIONS)}, not {decision!r}")
    if not reason.strip():
        raise VerdictsError("a verdict needs a reason")
    return Verdict(finding.id, decision, reason.strip(), by, date, finding.rule, finding.subject, fingerprint(finding))


def apply_verdicts(report: Report, verdicts: Mapping[str, Verdict]) -> Report:
    """The report with each reviewed finding carrying its Review (stale when it changed)."""
    if not verdicts:
        return report
    findings = tuple(
        replace(f, review=Review(v.decision, v.reason, v.by, v.date, stale=v.seen != fingerprint(f)))
        if (v := verdicts.get(f.id)) else f
        for f in report.findings
    )
    return replace(report, findings=findings)


def load_verdicts(path: str | Path) -> dict[str, Verdict]:
    """The verdicts in ``path``; {} when the file does not exist."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return {}
    except (OSError, UnicodeDecodeError) as exc:
        raise VerdictsError(f"{path}: cannot read ({getattr(exc, 'strerror', None) or exc})") from None
    try:
        data = safe_yaml.load(text)
    except yaml.YAMLError as exc:
        raise VerdictsError(f"{path}: invalid YAML: {' '.join(str(exc).split())}") from None
    if data is None:
        return {}
    entries = data.get("verdicts") if isinstance(data, dict) else None
    if not isinstance(entries, dict):
        raise VerdictsError(f"{path}: expected a mapping 'verdicts:' of finding ids")
    verdicts = {}
    for finding_id, entry in entries.items():
        where = f"{path}: verdict {finding_id!r}"
        if not isinstance(entry, dict):
            raise VerdictsError(f"{where}: expected a mapping of {', '.join(_FIELDS)}")
        unknown = sorted(set(map(str, entry)) - set(_FIELDS))
        missing = [k for k in _FIELDS if k not in entry]
        if unknown or missing:
            problem = f"unknown key {unknown[0]!r}" if unknown else f"missing key {missing[0]!r}"
            raise VerdictsError(f"{where}: {problem} (keys: {', '.join(_FIELDS)})")
        if entry["decision"] not in DECISIONS:
            raise VerdictsError(f"{where}: decision must be one of {', '.join(DECISIONS)}, not {entry['decision']!r}")
        verdicts[str(finding_id)] = Verdict(str(finding_id), *(str(entry[k]) for k in _FIELDS))
    return verdicts


def dump_verdicts(verdicts: Mapping[str, Verdict]) -> str:
    """The file's text: a header, then the verdicts sorted by finding id."""
    entries = {
        v.finding: {k: getattr(v, k) for k in _FIELDS} for v in sorted(verdicts.values(), key=lambda v: v.finding)
    }
    body = yaml.safe_dump({"verdicts": entries}, sort_keys=False, allow_unicode=True, width=100)
    return _HEADER + body


def default_verdicts_path(sources: list[str] | tuple[str, ...]) -> Path | None:
    """``verdicts.yaml`` in the first SOURCES folder, or None when the first is a file."""
    first = Path(sources[0]) if sources else None
    return first / VERDICTS_FILE if first is not None and first.is_dir() else None
