"""The rule engine on many sources: sources that say the same thing are weighed once."""
from __future__ import annotations

from crosscheck.extract import extract_claims
from crosscheck.ingest import build_document
from crosscheck.model import Source, Status
from crosscheck.pipeline import check_claims
from crosscheck.rules import compare
from crosscheck.rules.load import load_rules

from ..conftest import SEEDS


def _story(copies: int, changed: int):
    (path,) = SEEDS.glob("001_*.txt")
    text = path.read_text(encoding="utf-8")
    docs = [build_document(Source(id=f"copy{i:03d}"), text) for i in range(copies)]
    docs += [build_document(Source(id=f"changed{i:03d}"), text.replace("1,600", "1,700")) for i in range(changed)]
    return [d.source for d in docs], [c for d in docs for c in extract_claims(d)]


def _count_relate_calls(monkeypatch, copies: int, changed: int):
    calls = []
    relate = compare.Numeric.relate

    def counting(self, a, b):
        calls.append((a.source, b.source))
        return relate(self, a, b)

    monkeypatch.setattr(compare.Numeric, "relate", counting)
    report = check_claims(*_story(copies, changed), load_rules())
    return report, len(calls)


def test_a_conflict_between_two_camps_of_copies(monkeypatch):
    report, _ = _count_relate_calls(monkeypatch, copies=30, changed=20)
    (finding,) = [f for f in report.findings if f.rule == "count-mismatch" and "1,700" in f.message]
    assert finding.status is Status.CONFLICT
    assert [(v.value, len(v.sources)) for v in finding.values] == [("1,600", 30), ("1,700", 20)]


def test_comparisons_do_not_grow_with_copies(monkeypatch):
    _, few = _count_relate_calls(monkeypatch, copies=2, changed=1)
    _, many = _count_relate_calls(monkeypatch, copies=60, changed=40)
    assert 0 < many <= few


def test_a_quote_given_to_two_speakers_is_a_conflict_and_never_also_an_agreement():
    texts = {
        "a": '"Our budget reaches only five towns," said Housing Secretary Jane Doe.',
        "b": '"Our budget reaches only five towns," said Governor Tom Roe.',
    }
    docs = [build_document(Source(id=sid), text) for sid, text in texts.items()]
    report = check_claims([d.source for d in docs], [c for d in docs for c in extract_claims(d)], load_rules())
    quotes = [f for f in report.findings if f.kind.value == "quote"]
    assert [f.status for f in quotes] == [Status.CONFLICT]
    assert quotes[0].rule == "quote-speaker-mismatch"
