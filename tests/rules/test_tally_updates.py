"""A tally told without a number ("no arrests have been made", "police arrested Ames")
changes as a story unfolds: on another day it is an update, on the same day a conflict,
and "at least one" agrees with any figure above zero. Invented texts."""
from __future__ import annotations

import pytest

from crosscheck.model import ClaimKind, Status

from ..conftest import check_texts, findings_of

TEXTS = {
    "friday": "No arrests have been made in the shooting on Elm Street in Eastbrook, police said.",
    "monday": "Police arrested Dale Ames on Sunday in the shooting on Elm Street in Eastbrook.",
}


def _arrests(report):
    return [f for f in findings_of(report, ClaimKind.COUNT) if "arrested" in f.subject]


@pytest.mark.parametrize("published, status", [
    ({"friday": "2031-03-14", "monday": "2031-03-17"}, Status.UPDATE),
    ({"friday": "2031-03-17", "monday": "2031-03-17"}, Status.CONFLICT),
])
def test_none_then_one_arrest(published, status):
    (finding,) = _arrests(check_texts(TEXTS, published))
    assert finding.status is status
    assert {v.value for v in finding.values} == {"0", "at least 1"}
    if status is Status.UPDATE:
        assert [v.value for v in finding.values] == ["0", "at least 1"]  # in time order


def test_at_least_one_arrest_agrees_with_two():
    texts = {"friday": TEXTS["monday"], "monday": "Two people were arrested in the shooting on Elm Street in Eastbrook."}
    (finding,) = _arrests(check_texts(texts, "2031-03-17"))
    assert finding.status is Status.AGREE
    assert {v.value for v in finding.values} == {"2", "at least 1"}


def test_a_figure_a_page_says_was_revised_is_an_update_in_time_order():
    texts = {
        "fbi": "Three deputies were hurt in the warehouse standoff, the sheriff said. "
               "Officials had said earlier that four deputies were hurt.",
        "station": "Three deputies were hurt in the warehouse standoff in Eastbrook.",
    }
    findings = [f for f in findings_of(check_texts(texts, "2031-03-17"), ClaimKind.COUNT) if "injured" in f.subject]
    (finding,) = findings
    assert finding.status is Status.UPDATE
    assert [(v.value, v.sources) for v in finding.values] == [("4", ("fbi",)), ("3", ("fbi", "station"))]


def test_a_source_that_gives_an_early_figure_beside_its_own_is_held_to_its_own():
    texts = {
        "fbi": "Three deputies were hurt in the warehouse standoff. Officials had said earlier that four deputies were hurt.",
        "wire": "Four deputies were hurt in the warehouse standoff in Eastbrook.",
    }
    (finding,) = [f for f in findings_of(check_texts(texts, "2031-03-17"), ClaimKind.COUNT) if "injured" in f.subject]
    assert finding.status is Status.CONFLICT  # the wire's four against the FBI's three of the same day


def test_fewer_arrests_in_a_later_report_are_another_matter_not_an_update():
    texts = {"friday": TEXTS["monday"], "monday": TEXTS["friday"]}  # one arrested, then none
    (finding,) = _arrests(check_texts(texts, {"friday": "2031-03-14", "monday": "2031-03-17"}))
    assert finding.status is Status.CONFLICT


def test_none_of_anyone_meets_a_count_of_some_kind_of_people():
    texts = {
        "friday": "The gunman has not been caught, police said of the Elm Street robbery.",
        "monday": "Two 19-year-old males were arrested in the Elm Street robbery.",
    }
    (finding,) = _arrests(check_texts(texts, {"friday": "2031-03-14", "monday": "2031-03-17"}))
    assert finding.status is Status.UPDATE
    assert [v.value for v in finding.values] == ["0", "2"]
