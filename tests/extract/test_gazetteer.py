from __future__ import annotations

import pytest

from crosscheck.extract.gazetteer import (
    canonical_place,
    ends_with_abbreviation,
    is_place_noun,
    lookup_place,
    qualifies,
)


@pytest.mark.parametrize(
    "written, canonical",
    [
        ("New York City, N.Y.", "New York"),
        ("New York City", "New York"),
        ("New York, NY", "New York"),
        ("New York", "New York"),
        ("Washington, D.C.", "Washington"),
        ("Washington", "Washington"),
        ("Newark, N.J.", "Newark"),
        ("Newark, NJ", "Newark"),
        ("Houston, TX", "Houston"),
        ("Houston, Texas", "Houston"),
        ("Salt Lake City", "Salt Lake City"),
        ("Atlanta, Ga.", "Atlanta"),
        ("Paris, France", "Paris"),
        ("St. Louis", "St. Louis"),
        ("Saint Louis", "St. Louis"),
        ("Port au Prince", "Port-au-Prince"),
        ("Montreal", "Montréal"),
        ("U.S.", "United States"),
        ("UK", "United Kingdom"),
        ("The Netherlands", "Netherlands"),
        ("Los Angeles County", "Los Angeles County"),
        ("Tbilisi, Georgia", "Tbilisi"),
    ],
)
def test_canonical_place_merges_spellings(written, canonical):
    assert canonical_place(written) == canonical


@pytest.mark.parametrize(
    "written",
    ["New York Times", "Washington, Oregon", "Houston, Tx", "Houston Police Department", "Body Cameras", ""],
)
def test_canonical_place_rejects_non_places_and_wrong_qualifiers(written):
    # "Washington, Oregon" is two places, not a city in Oregon; "Tx" is no postal code.
    assert canonical_place(written) is None


def test_qualifier_must_contain_the_place():
    newark = lookup_place("Newark")
    assert qualifies(newark, "N.J.") and qualifies(newark, "NJ") and qualifies(newark, "New Jersey")
    assert not qualifies(newark, "Pa.")
    # Two-letter postal codes count only in capitals ("in", "or" are words).
    assert qualifies(lookup_place("Indianapolis"), "IN")
    assert not qualifies(lookup_place("Indianapolis"), "In")
    # A country is never qualified: "Georgia, Russia" is two countries.
    assert not qualifies(lookup_place("Georgia"), "Russia")


def test_place_type_nouns():
    assert all(is_place_noun(w) for w in ("cities", "City", "state", "locations", "offices", "counties", "towns"))
    assert not any(is_place_noun(w) for w in ("cameras", "agents", "people", "Houston"))


def test_period_belongs_to_abbreviations_only():
    assert ends_with_abbreviation("N.J.") and ends_with_abbreviation("Pa.") and ends_with_abbreviation("Washington, D.C.")
    assert not ends_with_abbreviation("Detroit.")
