"""Quotes cut and joined differently by outlets are compared sentence by sentence. Invented texts."""
from __future__ import annotations

from crosscheck.model import ClaimKind, Status

from ..conftest import check_texts


def _quote_findings(texts: dict[str, str]):
    report = check_texts(texts)
    return [f for f in report.findings if f.kind is ClaimKind.QUOTE and f.rule == "quote-wording-variant"]


def test_a_changed_sentence_inside_a_longer_quote_is_a_variant():
    findings = _quote_findings({
        "a": '"The town has lost a great deal tonight. We will stand by every family that lost someone," '
             "Mayor Lena Ortiz said.",
        "b": '"We will stand by every family who has lost someone," Mayor Lena Ortiz said.',
    })
    assert [f.status for f in findings] == [Status.VARIANT]


def test_one_sentence_of_a_longer_quote_quoted_alone_agrees():
    findings = _quote_findings({
        "a": '"The town has lost a great deal tonight. We will stand by every family that lost someone," '
             "Mayor Lena Ortiz said.",
        "b": '"We will stand by every family that lost someone," Mayor Lena Ortiz said.',
    })
    assert [f.status for f in findings] == [Status.AGREE]


def test_the_same_words_reordered_are_one_quotation_in_other_words():
    findings = _quote_findings({
        "a": '"This is probably the saddest day in the history of Elmford," Mayor Lena Ortiz said on Sunday.',
        "b": 'Mayor Lena Ortiz called it "the saddest day in Elmford history."',
    })
    assert [f.status for f in findings] == [Status.VARIANT]


def test_a_quote_given_to_two_people_in_other_words_is_both_a_conflict_and_a_variant():
    report = check_texts({
        "a": '"We heard a bang and then everyone ran to the back," said Dylan Marsh, a clerk.',
        "b": '"We heard a loud bang and everyone ran to the back," said Ivo Brandt, a driver.',
    })
    findings = [f for f in report.findings if f.kind is ClaimKind.QUOTE]
    assert sorted((f.rule, f.status.value) for f in findings) == [
        ("quote-speaker-mismatch", "conflict"), ("quote-wording-variant", "variant"),
    ]
