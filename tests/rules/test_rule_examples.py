"""Every example in every rule file is a test, run through the whole pipeline:
ingest -> extract -> align -> that one rule."""
from __future__ import annotations

import pytest

from crosscheck.ingest import ingest_text
from crosscheck.pipeline import check_documents
from crosscheck.rules.load import load_rules

RULES = load_rules()
CASES = [(rule, example) for rule in RULES for example in rule.examples]


def _shape(findings: list[dict]) -> list[tuple]:
    """Order-free form of findings: status and the sorted sides."""
    return sorted((f["status"], tuple(sorted(tuple(sorted(g)) for g in f["groups"]))) for f in findings)


@pytest.mark.parametrize(("rule", "example"), CASES, ids=[f"{r.id}-{e.name}" for r, e in CASES])
def test_rule_example(rule, example):
    documents = [ingest_text(source_id, text) for source_id, text in example.sources]
    report = check_documents(documents, [rule])
    got = [
        {"status": f.status.value, "groups": [list(v.sources) for v in f.values]}
        for f in report.findings
        if f.rule == rule.id
    ]
    assert _shape(got) == _shape(list(example.expect)), (
        f"{rule.path}: example {example.name!r}\n"
        f"claims: {[(c.source, c.kind.value, c.subject, c.value) for c in report.claims]}"
    )
