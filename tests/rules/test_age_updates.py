"""A person grows older between reports: an age one year higher in a later report is
an update, not a contradiction; a lower one, or one that grew too fast, conflicts. Invented texts."""
from __future__ import annotations

import pytest

from crosscheck.model import ClaimKind, Status

from ..conftest import check_texts, findings_of

CHARGED = {
    "july": "Prosecutors said 22-year-old Tom L. Mathers is charged with arson in the warehouse fire.",
    "february": "A third suspect, 23-year-old Tom Mathers, was charged last summer with arson in the warehouse fire.",
}


def _ages(report):
    """The findings on Mathers's age (the sentences also say someone was charged)."""
    return [f for f in findings_of(report, ClaimKind.COUNT) if "Mathers" in f.subject]


@pytest.mark.parametrize("published, status", [
    ({"july": "2031-07-24", "february": "2032-02-24"}, Status.UPDATE),  # a birthday in between
    ({"july": "2032-02-24", "february": "2031-07-24"}, Status.CONFLICT),  # younger later
    ({"july": "2031-07-24", "february": "2031-07-24"}, Status.CONFLICT),  # one day, two ages
    ({"july": "2031-07-24"}, Status.CONFLICT),  # an undated report cannot tell
])
def test_an_age_may_grow_between_reports(published, status):
    (finding,) = _ages(check_texts(CHARGED, published))
    assert finding.status is status


def test_an_age_grows_by_no_more_than_the_years_between():
    texts = dict(CHARGED, february=CHARGED["february"].replace("23-year-old", "25-year-old"))
    (finding,) = _ages(check_texts(texts, {"july": "2031-07-24", "february": "2032-02-24"}))
    assert finding.status is Status.CONFLICT
