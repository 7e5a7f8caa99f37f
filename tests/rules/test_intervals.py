"""Numbers compared as intervals; tallies revised over time reported as updates. Invented texts."""
from __future__ import annotations

import math

import pytest

from crosscheck.model import Claim, ClaimKind, Status
from crosscheck.rules.compare import number_interval
from crosscheck.rules.engine import UNDATED_NOTE

from ..conftest import check_texts, findings_of


def _count(value, approx=None, low=None) -> Claim:
    attrs = tuple(sorted((k, str(v)) for k, v in {"approx": approx, "low": low}.items() if v is not None))
    return Claim("s", ClaimKind.COUNT, "person", value, "", 0, 1, "", 0, attrs)


@pytest.mark.parametrize("claim, interval", [
    (_count(24), (24, 24)),
    (_count(24, "about"), (23.5, 24.5)),
    (_count(1300, "about"), (1250, 1350)),
    (_count(100, "about"), (90, 110)),
    (_count(40, "nearly"), (32, 40)),
    (_count(5, "at least"), (5, math.inf)),
    (_count(10, "more than"), (10, math.inf)),
    (_count(20, "up to"), (-math.inf, 20)),
    (_count(1800, "as many as"), (1440, 1800)),
    (_count(12, "range", low=10), (10, 12)),
])
def test_what_a_number_claims(claim, interval):
    assert number_interval(claim) == interval


def test_about_24_and_approximately_26_are_different_figures():
    low_a, high_a = number_interval(_count(24, "about"))
    low_b, high_b = number_interval(_count(26, "approximately"))
    assert high_a < low_b


_check = check_texts


def test_a_bound_never_makes_two_different_exact_figures_agree():
    # "at least 1" agrees with 1 and with 24, and "at least 24" with 24: 1 and 24 still conflict.
    report = _check({
        "a": "At least one person was killed in the crash on the bypass, police said.",
        "b": "Twenty-four people were killed in the crash on the bypass, police said.",
        "c": "One person was killed in the crash on the bypass, police said.",
        "d": "At least 24 people were killed in the crash on the bypass, police said.",
    })
    (finding,) = findings_of(report, ClaimKind.COUNT)
    assert finding.status is Status.CONFLICT
    assert {v.value for v in finding.values} == {"at least 1", "24", "1", "at least 24"}


def test_a_source_is_held_to_its_exact_figure_not_its_bound():
    # "a" says "at least 24" and, later, exactly 24: its 24 is what it says, so it conflicts with 30.
    report = _check({
        "a": "At least 24 people died at the junction, police said. The junction crash killed 24 people, police said.",
        "b": "The junction crash killed 30 people, police said.",
    })
    assert Status.CONFLICT in [f.status for f in findings_of(report, ClaimKind.COUNT)]


TOLL = {
    "early": "Two people were killed in the flood in Harwick, officials said.",
    "later": "Nine people were killed in the flood in Harwick, officials said.",
}


def test_a_toll_that_grows_in_later_reports_is_an_update_in_time_order():
    report = _check(TOLL, {"early": "2024-05-01", "later": "2024-05-03"})
    (finding,) = findings_of(report, ClaimKind.COUNT)
    assert finding.status is Status.UPDATE
    assert [(v.value, v.first_published) for v in finding.values] == [("2", "2024-05-01"), ("9", "2024-05-03")]


def test_two_reports_of_one_day_that_differ_conflict():
    report = _check(TOLL, {"early": "2024-05-01", "later": "2024-05-01"})
    assert [f.status for f in findings_of(report, ClaimKind.COUNT)] == [Status.CONFLICT]


def test_undated_reports_stay_a_conflict_with_a_note():
    (finding,) = findings_of(_check(TOLL), ClaimKind.COUNT)
    assert finding.status is Status.CONFLICT and finding.note == UNDATED_NOTE


def test_a_fact_that_does_not_change_over_time_stays_a_conflict():
    report = _check(
        {"a": "The bridge is 300 feet long, engineers said.", "b": "The bridge is 340 feet long, engineers said."},
        {"a": "2024-05-01", "b": "2024-05-09"},
    )
    assert [f.status for f in findings_of(report, ClaimKind.COUNT)] == [Status.CONFLICT]


def test_a_source_is_held_to_its_narrowest_bound():
    # "a" gives "as many as 20" and, vaguer, "up to 20": the first is what it says, and 14 is outside it.
    report = _check({
        "a": "As many as 20 people were injured in the crash, the sheriff said. Up to 20 people were injured in all.",
        "b": "Fourteen people were injured in the crash, the sheriff said.",
    })
    assert Status.CONFLICT in [f.status for f in findings_of(report, ClaimKind.COUNT)]
