"""What changed between two evaluations of a story. Pure.

Both sides are report dicts in the JSON schema (docs/json-schema.md); the
``claims`` list is optional. A finding keeps its id across runs, so findings
are matched by id: one only in the new report is new, one only in the old is
resolved, and one in both may have moved to a more or less severe status or
have changed sides (which sources give which value). A status change counts
as new at the higher status or resolved at the lower one: an agreement that
turns into a conflict is a new conflict.

A source that joins a group can change the group's subject, and so its
finding's id; a finding that vanished and one that appeared under the same
rule are taken for the same one when they share evidence (the same claims).

A change is caused by the sources whose own value in the finding moved: one
that now gives another value (or none), one added with a value the finding did
not have, one removed whose value no source gives any more. Only when none did
(a source joined or left a side) are the sources that joined or left named.

The JSON form is described by docs/changeset.schema.json.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from itertools import groupby

from .report.common import escape, plural, to_json

# The change-set JSON's version: changes when a key is removed or changes meaning.
CHANGESET_VERSION = "1.0"
STATUS_RANK = {"agree": 0, "variant": 1, "update": 2, "conflict": 3}
NEW, RESOLVED, SIDES = "new", "resolved", "sides"
_CHANGE_ORDER = {NEW: 0, RESOLVED: 1, SIDES: 2}
_NOUN = {
    "conflict": ("conflict", "conflicts"), "update": ("update over time", "updates over time"),
    "variant": ("wording variant or omission", "wording variants or omissions"),
    "agree": ("agreement", "agreements"),
}

# One side of a finding: a value and the sources that give it.
Side = tuple[str, tuple[str, ...]]


@dataclass(frozen=True)
class FindingChange:
    change: str  # NEW, RESOLVED or SIDES
    id: str
    before_id: str | None  # differs from id when the finding was matched by its evidence
    rule: str
    kind: str
    severity: str
    subject: str
    status: str | None  # now; None when the finding is gone
    before_status: str | None  # in the previous evaluation; None when it is new
    sides: tuple[Side, ...]  # now (for a resolved finding that is gone: empty)
    before_sides: tuple[Side, ...]
    caused_by: tuple[str, ...]  # the sources whose value moved (see the module's docstring)
    evidence: tuple[dict, ...]  # the finding's evidence now (for a finding that is gone: before)
    dismissed: bool = False  # a reviewer dismissed it, and it has not changed since (verdicts.py)

    @property
    def shown_status(self) -> str:
        """The status a reader files it under: the one reached, or the one left."""
        return (self.before_status if self.change == RESOLVED else self.status) or ""


@dataclass(frozen=True)
class ChangeSet:
    first: bool  # no previous evaluation: everything is new
    sources: tuple[str, ...]  # current source ids
    sources_added: tuple[str, ...]
    sources_changed: tuple[str, ...]
    sources_removed: tuple[str, ...]
    findings: tuple[FindingChange, ...]

    def new_at(self, statuses: Iterable[str]) -> list[FindingChange]:
        """Findings that newly reached one of ``statuses`` (what --fail-on acts on)."""
        wanted = set(statuses)
        return [f for f in self.findings if f.change == NEW and f.status in wanted and not f.dismissed]

    def totals(self) -> dict:
        """Sources by how they changed, and finding changes by change and status."""
        findings = {change: {status: 0 for status in STATUS_RANK} for change in _CHANGE_ORDER}
        for c in self.findings:
            findings[c.change][c.shown_status] += 1
        return {
            "sources": len(self.sources), "added": len(self.sources_added), "changed": len(self.sources_changed),
            "removed": len(self.sources_removed), "findings": findings,
        }

    def to_dict(self) -> dict:
        data = asdict(self)
        for finding in data["findings"]:
            for key in ("sides", "before_sides"):
                finding[key] = [{"value": value, "sources": list(sources)} for value, sources in finding[key]]
        return {"version": CHANGESET_VERSION, **data, "totals": self.totals()}


def _sides(finding: dict) -> tuple[Side, ...]:
    return tuple(sorted((str(v["value"]), tuple(sorted(v["sources"]))) for v in finding.get("values", [])))


def _claim_sets(report: dict) -> dict[str, frozenset[str]] | None:
    if "claims" not in report:
        return None
    by_source: dict[str, set[str]] = defaultdict(set)
    for claim in report["claims"]:
        by_source[claim["source"]].add(claim["id"])
    return {source: frozenset(ids) for source, ids in by_source.items()}


def _changed_sources(old: dict, new: dict, both: set[str]) -> set[str]:
    """Sources in both reports whose metadata or (when both list them) claims differ."""
    old_meta = {s["id"]: s for s in old.get("sources", [])}
    new_meta = {s["id"]: s for s in new.get("sources", [])}
    changed = {s for s in both if old_meta[s] != new_meta[s]}
    old_claims, new_claims = _claim_sets(old), _claim_sets(new)
    if old_claims is not None and new_claims is not None:
        changed |= {s for s in both if old_claims.get(s, frozenset()) != new_claims.get(s, frozenset())}
    return changed


def _evidence(finding: dict) -> set[tuple]:
    return {
        (e.get("source"), e.get("claim_start"), e.get("claim_end"))
        for v in finding.get("values", []) for e in v.get("evidence", [])
    }


def _match_by_evidence(gone: dict[str, dict], appeared: dict[str, dict]) -> dict[str, str]:
    """New id -> old id for findings of one rule and kind that share claims."""
    pool = {fid: _evidence(f) for fid, f in gone.items()}
    matches: dict[str, str] = {}
    for new_id in sorted(appeared):
        new = appeared[new_id]
        evidence = _evidence(new)
        candidates = [
            (-len(evidence & pool[old_id]), old_id) for old_id in pool
            if gone[old_id]["rule"] == new["rule"] and gone[old_id]["kind"] == new["kind"] and evidence & pool[old_id]
        ]
        if candidates:
            old_id = min(candidates)[1]
            matches[new_id] = old_id
            del pool[old_id]
    return matches


def _causes(before_sides: tuple[Side, ...], sides: tuple[Side, ...], touched: set[str]) -> tuple[str, ...]:
    before = {s: value for value, sources in before_sides for s in sources}
    now = {s: value for value, sources in sides for s in sources}
    joined_or_left = (before.keys() ^ now.keys()) & touched
    moved = {
        s for s in (before.keys() | now.keys()) & touched
        if (s in before and s in now and before[s] != now[s])
        or (s not in before and now[s] not in before.values())
        or (s not in now and before[s] not in now.values())
    }
    return tuple(sorted(moved or joined_or_left))


def _change(finding_id: str, old: dict | None, new: dict | None, touched: set[str]) -> FindingChange | None:
    before_status = old["status"] if old else None
    status = new["status"] if new else None
    before_sides = _sides(old) if old else ()
    sides = _sides(new) if new else ()
    if status == before_status:
        if sides == before_sides:
            return None
        change = SIDES
    elif before_status is None or (status is not None and STATUS_RANK[status] > STATUS_RANK[before_status]):
        change = NEW
    else:
        change = RESOLVED
    either = new or old
    return FindingChange(
        change=change, id=finding_id, before_id=old["id"] if old else None, rule=either["rule"], kind=either["kind"],
        severity=either["severity"], subject=either["subject"],
        status=status, before_status=before_status, sides=sides, before_sides=before_sides,
        caused_by=_causes(before_sides, sides, touched),
        evidence=tuple(e for v in either.get("values", []) for e in v.get("evidence", [])),
        dismissed=_dismissed(new),
    )


def _dismissed(finding: dict | None) -> bool:
    review = (finding or {}).get("review")
    return isinstance(review, dict) and review.get("decision") == "dismissed" and review.get("stale") is False


def diff_reports(old: dict | None, new: dict, changed: Iterable[str] = ()) -> ChangeSet:
    """The change set from report ``old`` (None: no previous run) to report ``new``.

    ``changed`` names sources known to have changed (e.g. by content hash) beyond
    what the two dicts show.
    """
    old = old or {}
    old_ids = {s["id"] for s in old.get("sources", [])}
    new_ids = {s["id"] for s in new.get("sources", [])}
    both = old_ids & new_ids
    added, removed = new_ids - old_ids, old_ids - new_ids
    changed_ids = (set(changed) & both) | _changed_sources(old, new, both)
    touched = added | removed | changed_ids
    old_findings = {f["id"]: f for f in old.get("findings", [])}
    new_findings = {f["id"]: f for f in new.get("findings", [])}
    matches = _match_by_evidence(
        {fid: f for fid, f in old_findings.items() if fid not in new_findings},
        {fid: f for fid, f in new_findings.items() if fid not in old_findings},
    )
    pairs = [(old_findings.get(fid), new) for fid, new in new_findings.items() if fid not in matches]
    pairs += [(old_findings[matches[fid]], new) for fid, new in new_findings.items() if fid in matches]
    matched_old = set(matches.values())
    pairs += [(old, None) for fid, old in old_findings.items() if fid not in new_findings and fid not in matched_old]
    changes = [c for old, new in pairs if (c := _change((new or old)["id"], old, new, touched))]
    changes.sort(key=lambda c: (_CHANGE_ORDER[c.change], -STATUS_RANK[c.shown_status], c.kind, c.subject, c.id))
    return ChangeSet(
        first=not old, sources=tuple(sorted(new_ids)), sources_added=tuple(sorted(added)),
        sources_changed=tuple(sorted(changed_ids)), sources_removed=tuple(sorted(removed)),
        findings=tuple(changes),
    )


# Longer values (quotes) are cut in the summary; the report has them in full.
VALUE_CHARS = 100


def _side_text(sides: Iterable[Side]) -> str:
    return "; ".join(f"{_short(value)} ({escape(', '.join(sources))})" for value, sources in sides) or "—"


def _short(value: str) -> str:
    value = " ".join(str(value).split())
    return escape(value if len(value) <= VALUE_CHARS else value[: VALUE_CHARS - 1].rstrip() + "…")


def _finding_lines(c: FindingChange, evidence: bool) -> list[str]:
    was = f" (was `{c.before_id}`)" if c.before_id and c.before_id != c.id else ""
    dismissed = " · dismissed by a reviewer" if c.dismissed else ""
    lines = [f"- **{escape(c.subject) or c.kind}** ({c.kind}) · {c.severity} · rule `{c.rule}` · id `{c.id}`{was}{dismissed}"]
    if c.change == NEW and c.before_status:
        lines.append(f"  - was {c.before_status}: {_side_text(c.before_sides)}")
    if c.change in (NEW, SIDES):
        lines.append(f"  - {'now' if c.before_status else 'sides'}: {_side_text(c.sides)}")
    if c.change == SIDES:
        lines.append(f"  - before: {_side_text(c.before_sides)}")
    if c.change == RESOLVED:
        lines.append(f"  - was: {_side_text(c.before_sides)}")
        lines.append(f"  - now: {c.status}: {_side_text(c.sides)}" if c.status else "  - now: no longer found")
    cause = escape(", ".join(c.caused_by)) if c.caused_by else "no source changed (the rules or crosscheck did)"
    lines.append(f"  - caused by: {cause}")
    if evidence:  # what each cause now says (a first run, where every source is a cause, leaves it to the report)
        lines += [f"    - {escape(e['source'])}: {escape(e['text'])}" for e in c.evidence if e["source"] in c.caused_by]
    return lines


def _title(change: str, status: str) -> str:
    plural = _NOUN[status][1]
    if change == NEW:
        return f"New {plural}"
    if change == RESOLVED:
        return f"Resolved {plural}" if status != "agree" else "Agreements no longer found"
    return f"{plural[0].upper()}{plural[1:]} whose sides changed"


def render_changes_markdown(changes: ChangeSet, title: str = "crosscheck: what changed") -> str:
    """A short markdown summary, fit for a pull-request comment or a cron mail."""
    totals = changes.totals()
    counts = {(change, status): n for change, by_status in totals["findings"].items() for status, n in by_status.items()}
    lines = [f"## {escape(title)}", ""]
    if changes.first:
        lines += ["First evaluation of this story: every finding is new.", ""]
    # One phrase per section below, in its order, so the line names what the sections hold.
    found = [
        _count_phrase(change, status, counts[(change, status)])
        for change, status in sorted(counts, key=lambda k: (_CHANGE_ORDER[k[0]], -STATUS_RANK[k[1]])) if counts[(change, status)]
    ]
    lines += [
        f"{plural(totals['sources'], 'source')}: {totals['added']} added, {totals['changed']} changed, "
        f"{totals['removed']} removed. Findings: {', '.join(found) or 'none changed'}.",
        "",
    ]
    for label, ids in (("Added", changes.sources_added), ("Changed", changes.sources_changed),
                       ("Removed", changes.sources_removed)):
        if ids:
            lines.append(f"- {label} sources: {escape(', '.join(ids))}")
    if changes.sources_added or changes.sources_changed or changes.sources_removed:
        lines.append("")
    for section, members in groupby(changes.findings, key=lambda c: (c.change, c.shown_status)):
        lines += [f"### {_title(*section)} ({counts[section]})", ""]
        for c in members:
            lines += _finding_lines(c, evidence=not changes.first)
        lines.append("")
    if not changes.findings:
        lines += ["No finding changed.", ""]
    return "\n".join(lines)


def _count_phrase(change: str, status: str, n: int) -> str:
    noun = plural(n, *_NOUN[status])
    if change == NEW:
        return f"{noun.split(' ', 1)[0]} new {noun.split(' ', 1)[1]}"
    if change == RESOLVED:
        return f"{noun} resolved" if status != "agree" else f"{noun} no longer found"
    return f"{noun} with changed sides"


def render_changes_json(changes: ChangeSet, **extra: object) -> str:
    return to_json({**changes.to_dict(), **extra})


# The report version diff reads; a report of another major version is refused.
REPORT_VERSION = "1"


def validate_report(data: object) -> None:
    """ValueError naming what is wrong when ``data`` is not a crosscheck JSON report
    of this version, down to the type of every field the diff reads."""
    if not isinstance(data, dict) or not isinstance(data.get("findings"), list) or not isinstance(data.get("sources"), list):
        raise ValueError("not a crosscheck JSON report (needs 'sources' and 'findings' lists)")
    version = data.get("version")
    if version is not None and (not isinstance(version, str) or version.split(".")[0] != REPORT_VERSION):
        raise ValueError(f"report version {str(version)[:20]!r} is not one this crosscheck reads ({REPORT_VERSION}.x)")
    for source in data["sources"]:
        if not isinstance(source, dict) or not isinstance(source.get("id"), str):
            raise ValueError("a source has no 'id' text")
    for finding in data["findings"]:
        missing = [k for k in ("id", "rule", "severity", "status", "kind", "subject", "values") if not isinstance(finding, dict) or k not in finding]
        if missing:
            raise ValueError(f"a finding lacks {', '.join(missing)}")
        wrong = [k for k in ("id", "rule", "severity", "status", "kind", "subject") if not isinstance(finding[k], str)]
        if wrong:
            raise ValueError(f"a finding's {', '.join(wrong)} must be text")
        where = f"finding {finding['id'][:40]}"
        if finding["status"] not in STATUS_RANK:
            raise ValueError(f"{where}: unknown status {finding['status'][:40]!r}")
        if not isinstance(finding["values"], list):
            raise ValueError(f"{where}: 'values' must be a list")
        for value in finding["values"]:
            _check_value(where, value)
    if "claims" in data:
        claims = data["claims"]
        if not isinstance(claims, list) or not all(
            isinstance(c, dict) and isinstance(c.get("source"), str) and isinstance(c.get("id"), str) for c in claims
        ):
            raise ValueError("'claims' must be a list of claims with 'source' and 'id' text")


def _check_value(where: str, value: object) -> None:
    if not isinstance(value, dict) or "value" not in value or not isinstance(value.get("sources"), list):
        raise ValueError(f"{where}: each value needs 'value' and a 'sources' list")
    if not isinstance(value["value"], (str, int, float)) or not all(isinstance(s, str) for s in value["sources"]):
        raise ValueError(f"{where}: a value must be text or a number, its sources source ids")
    evidence = value.get("evidence", [])
    if not isinstance(evidence, list) or not all(
        isinstance(e, dict) and isinstance(e.get("source"), str) and isinstance(e.get("text", ""), str)
        and all(isinstance(e.get(k), (int, type(None))) for k in ("claim_start", "claim_end"))
        for e in evidence
    ):
        raise ValueError(f"{where}: 'evidence' must be a list of quotes with 'source' and 'text'")
