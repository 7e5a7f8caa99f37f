"""Times of day aligned across sources: the same event's time, not the times of two events.

Every text here is invented for the test.
"""
from __future__ import annotations

from crosscheck.model import ClaimKind, Status

from ..conftest import check_texts, findings_of


def test_each_sources_only_time_of_the_incident_is_one_fact_in_any_words():
    report = check_texts({
        "a": "Neighbors heard shots and the stabbing happened about 3:50 p.m. outside the laundromat.",
        "b": "Police said the attack occurred around 3:15 p.m. near Elm and Fifth.",
    })
    (finding,) = findings_of(report, ClaimKind.TIME)
    assert finding.status is Status.CONFLICT


def test_times_hours_apart_in_unrelated_sentences_are_two_events():
    report = check_texts({
        "a": "A man was stabbed about 2:30 a.m. at a gas station on the highway.",
        "b": "Hours later, at about 6:30 p.m., a woman was stabbed inside a diner downtown.",
    })
    assert not [f for f in findings_of(report, ClaimKind.TIME) if f.status is Status.CONFLICT]
