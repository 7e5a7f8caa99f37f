"""Street addresses as one block of a street (crosscheck/extract/addresses.py). Invented texts."""
from __future__ import annotations

import pytest

from crosscheck.extract.addresses import extract_corners
from crosscheck.extract.places import extract_places
from crosscheck.ingest import build_document
from crosscheck.model import Source


def _addresses(text: str):
    return [(c.subject, c.value[0], c.attr("side")) for c in extract_places(build_document(Source(id="x"), text))]


@pytest.mark.parametrize("text, address", [
    ("He was shot in the 2300 block of Elm Street West.", ("elm street", "2300 block of West Elm Street", "west")),
    ("The bar is near 2540 W. Elm St. in town.", ("elm street", "2500 block of West Elm Street", "west")),
    ("Deputies went to 7050 Old Mill Road at noon.", ("old mill road", "7000 block of Old Mill Road", None)),
    ("A house at 612 46th Place SE burned.", ("46th place", "600 block of Southeast 46th Place", "southeast")),
    ("Crews closed the 100 block of West Street.", ("west street", "100 block of West Street", None)),
    ("The office at 40 East Fifth Avenue opened.", ("5th avenue", "0 block of East 5th Avenue", "east")),
    ("It happened in the 100 block of Elm street.", ("elm street", "100 block of Elm Street", None)),
    # "block of" says it is a street, named without its type; a day after it is no part of it.
    ("The fight began in the 3700 block of Larkin, police said.", ("larkin", "3700 block of Larkin", None)),
    ("He was found in the 400 block of North Cedar Hill Saturday night.",
     ("cedar hill", "400 block of North Cedar Hill", "north")),
])
def test_an_address_is_one_block_of_a_street(text, address):
    assert _addresses(text) == [address]


@pytest.mark.parametrize("text", [
    "In 2015 the town drew 300 visitors.",
    "Police found 40 bullet casings on the road.",
    "The laptop has a 256 SSD drive.",  # a street type is capitalized unless "block of" says so
])
def test_numbers_that_name_no_street_are_no_address(text):
    assert _addresses(text) == []


def test_an_address_sits_among_the_place_lists_in_text_order():
    doc = build_document(Source(id="x"), "Shots rang out at 12 Elm St. The tour visits Denver, Omaha and Tulsa.")
    assert [c.attr("head") for c in extract_places(doc)] == ["block", None]


@pytest.mark.parametrize("text, streets", [
    ("A man was shot near Birch and Larkin streets on Monday.", ("Birch Street", "Larkin Street")),
    ("He was hit at the intersection of Larkin and Birch Street.", ("Birch Street", "Larkin")),
    # A compass word and an abbreviation are read away: one outlet writes "W. 8th St.", another "8th Street".
    ("Crews met on Tern Ave. and W. 8th St. at noon.", ("8th Street", "Tern Avenue")),
    ("The crash was at the corner of Fifth and Tarrow avenues.", ("5th Avenue", "Tarrow Avenue")),
])
def test_a_corner_is_the_two_streets_that_meet_there(text, streets):
    (claim,) = extract_corners(build_document(Source(id="x"), text))
    assert (claim.value, claim.attr("head")) == (streets, "corner")
    assert text[claim.start : claim.end] == claim.attr("items")


@pytest.mark.parametrize("text", [
    "The firm of Smith and Jones said it.",  # no street type: names, not streets
    "She lives at Elm and works downtown.",
    "He was shot on Larkin Street and died at the scene.",  # one street
])
def test_names_joined_by_and_are_no_corner_without_a_street_type(text):
    assert extract_corners(build_document(Source(id="x"), text)) == []
