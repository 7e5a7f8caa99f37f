"""Times of day aligned across sources: the same event's time, not the times of two events.

Every text here is invented for the test.
"""
from __future__ import annotations

from crosscheck.model import ClaimKind, Status

from ..conftest import check_texts


def _time_findings(report):
    return [f for f in report.findings if f.kind is ClaimKind.TIME]


def test_each_sources_only_time_of_the_incident_is_one_fact_in_any_words():
    report = check_texts({
        "a": "Neighbors heard shots and the stabbing happened about 3:50 p.m. outside the laundromat.",
        "b": "Police said the attack occurred around 3:15 p.m. near Elm and Fifth.",
    })
    (finding,) = _time_findings(report)
    assert finding.status is Status.CONFLICT


def test_times_hours_apart_in_unrelated_sentences_are_two_events():
    report = check_texts({
        "a": "A man was stabbed about 2:30 a.m. at a gas station on the highway.",
        "b": "Hours later, at about 6:30 p.m., a woman was stabbed inside a diner downtown.",
    })
    assert not [f for f in _time_findings(report) if f.status is Status.CONFLICT]
