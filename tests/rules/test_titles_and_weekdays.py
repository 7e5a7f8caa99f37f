"""A past title is not set against a present one; the same weekday from two sources agrees, and a weekday
placed a week off a written date is a variant. Invented texts."""
from __future__ import annotations

from crosscheck.model import ClaimKind, Status

from ..conftest import check_texts


def _findings(texts: dict[str, str], kind: ClaimKind, published: dict[str, str] | None = None):
    return [f for f in check_texts(texts, published).findings if f.kind is kind]


def test_a_retired_rank_and_a_present_job_do_not_conflict():
    findings = _findings({
        "a": "Court security chief Dana Whitlow said the doors were locked at noon.",
        "b": "Dana Whitlow, a retired state police lieutenant, said the doors were locked at noon.",
    }, ClaimKind.PERSON)
    assert Status.CONFLICT not in [f.status for f in findings]


def test_two_past_ranks_that_differ_still_conflict():
    findings = _findings({
        "a": "Dana Whitlow, a retired state police lieutenant, said the doors were locked.",
        "b": "Dana Whitlow, a retired state police trooper, said the doors were locked.",
    }, ClaimKind.PERSON)
    assert [f.status for f in findings] == [Status.CONFLICT]


def test_the_same_weekday_resolved_from_far_apart_publication_dates_agrees():
    findings = _findings(
        {
            "a": "The fire at the mill started on Saturday, the fire chief said.",
            "b": "The fire at the mill started on Saturday, the fire chief said in a statement.",
        },
        ClaimKind.DATE,
        {"a": "2031-01-20", "b": "2031-09-15"},
    )
    assert [f.status for f in findings] == [Status.AGREE]


def test_a_weekday_a_late_report_places_a_week_off_a_written_date_is_a_variant():
    # 2031-06-04 is a Wednesday; a report of June 13 places "Wednesday" on June 11.
    texts = {
        "a": "The clerk was shot outside the bakery on Birch Lane on June 4, deputies said.",
        "b": "The clerk was shot outside the bakery on Birch Lane on Wednesday night, deputies said.",
    }
    findings = _findings(texts, ClaimKind.DATE, {"a": "2031-06-05", "b": "2031-06-13"})
    assert [f.status for f in findings] == [Status.VARIANT]
    # Another weekday, a written date on both sides, or a weekday four weeks off (a report a
    # month later) are as before: each report dates the shooting to its own last days, so
    # the later one is an update.
    for b, published in ((texts["b"].replace("Wednesday", "Tuesday"), "2031-06-13"),
                         (texts["b"].replace("on Wednesday night", "on June 11"), "2031-06-13"),
                         (texts["b"], "2031-07-04")):
        findings = _findings(dict(texts, b=b), ClaimKind.DATE, {"a": "2031-06-05", "b": published})
        assert [f.status for f in findings] == [Status.UPDATE]


def test_a_co_owner_beside_an_owner_is_a_variant_as_a_vice_admiral_beside_an_admiral():
    # title_kinds.yaml ranks: "co" makes another job of the same head word, left out here.
    findings = _findings({
        "a": "The bakery's owner Dale Ames opened the doors at six on Friday.",
        "b": "The bakery's co-owner Dale Ames opened the doors at six on Friday.",
    }, ClaimKind.PERSON)
    assert [f.status for f in findings] == [Status.VARIANT]


def test_a_public_information_officer_is_a_spokesman():
    findings = _findings({
        "a": "Bureau of Investigation Public Information Officer Dale Pruitt said the search would go on.",
        "b": "Bureau spokesman Dale Pruitt said the search would go on through the night.",
    }, ClaimKind.PERSON)
    assert Status.CONFLICT not in [f.status for f in findings]


def test_a_detective_may_hold_any_rank_but_not_another_job():
    # title_kinds.yaml generic: "Detective" is less precise than "Lt.", contrary to "Mayor".
    findings = _findings({
        "a": "Detective Dale Pruitt said the search would go on through the night.",
        "b": "Lt. Dale Pruitt, who leads the detective bureau, said the search would go on.",
    }, ClaimKind.PERSON)
    assert [f.status for f in findings] == [Status.VARIANT]
    findings = _findings({
        "a": "Detective Dale Pruitt said the search would go on through the night.",
        "b": "Mayor Dale Pruitt said the search would go on through the night.",
    }, ClaimKind.PERSON)
    assert [f.status for f in findings] == [Status.CONFLICT]
