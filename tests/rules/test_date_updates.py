"""Dates that reports published apart each give for their own last days, or for days to come, are updates;
the dates of statements are not rival facts. Invented texts."""
from __future__ import annotations

from crosscheck.model import ClaimKind, Status

from ..conftest import check_texts


def _date_findings(texts: dict[str, str], published: dict[str, str]):
    return [f for f in check_texts(texts, published).findings if f.kind is ClaimKind.DATE]


FILINGS = {
    "spring": "Prosecutors filed new charges against Dale Ortmann on May 9, 2031, the court clerk said.",
    "summer": "Prosecutors filed new charges against Dale Ortmann on August 26, 2031, the court clerk said.",
}


def test_a_later_report_of_a_recent_filing_is_an_update():
    findings = _date_findings(FILINGS, {"spring": "2031-05-11", "summer": "2031-08-27"})
    assert [f.status for f in findings] == [Status.UPDATE]
    assert [v.value for v in findings[0].values] == ["2031-05-09 (Friday)", "2031-08-26 (Tuesday)"]


def test_two_reports_of_one_day_that_date_it_differently_conflict():
    findings = _date_findings(FILINGS, {"spring": "2031-08-27", "summer": "2031-08-27"})
    assert [f.status for f in findings] == [Status.CONFLICT]


def test_a_date_far_from_its_report_does_not_change():
    findings = _date_findings(
        {
            "a": "The mill burned down on May 9, 2031, in the worst fire the town had seen.",
            "b": "The mill burned down on May 12, 2031, in the worst fire the town had seen.",
        },
        {"a": "2031-07-01", "b": "2031-09-01"},
    )
    assert [f.status for f in findings] == [Status.CONFLICT]


def test_statements_made_on_different_days_are_not_rival_dates():
    findings = _date_findings(
        {
            "a": "The county said on May 9, 2031, that the bridge on Route 4 would close for repairs.",
            "b": "Officials announced on June 2, 2031, that repairs to the Route 4 bridge had begun.",
        },
        {"a": "2031-05-10", "b": "2031-07-02"},
    )
    assert Status.CONFLICT not in [f.status for f in findings]


HEARINGS = {
    "first": "A competency hearing for Dale Ortmann is scheduled for May 20, 2031, in county court.",
    "later": "A competency hearing for Dale Ortmann is scheduled for June 3, 2031, in county court.",
}


def test_a_schedule_reported_again_days_later_is_an_update():
    findings = _date_findings(HEARINGS, {"first": "2031-05-12", "later": "2031-05-21"})
    assert [f.status for f in findings] == [Status.UPDATE]


def test_one_days_reports_that_schedule_it_differently_conflict():
    findings = _date_findings(HEARINGS, {"first": "2031-05-12", "later": "2031-05-12"})
    assert [f.status for f in findings] == [Status.CONFLICT]


def test_the_same_relative_words_republished_later_agree():
    findings = _date_findings(
        {
            "first": "A pastor said there will be a vigil today at the Eastbrook park for the victims.",
            "later": "A pastor said there will be a vigil today at the Eastbrook park for the victims.",
        },
        {"first": "2031-05-01", "later": "2031-05-28"},
    )
    assert [f.status for f in findings] == [Status.AGREE]
