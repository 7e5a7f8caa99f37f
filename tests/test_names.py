"""One person's name as outlets write it (crosscheck.text.same_name). Invented names."""
from __future__ import annotations

import pytest

from crosscheck.text import same_name


@pytest.mark.parametrize("a, b", [
    ("Lee Hart", "Hart"),
    ("Constable Lee Hart", "Lee Hart"),
    ("Ann Marie Hart", "Ann Hart"),
    ("Arlo James Penn Jr.", "Penn"),
    ("Nora Hartman", "Nora Haartman"),
    ("Theo Marsh", "Theodore Marsh"),  # a short form of the first name
    ("Annalise Crowe", "Annaliese Crowe"),  # a first name one letter apart
    ("Kahlil Crowe", "Khalil Crowe"),  # two letters side by side swapped
    ("Nora Hartman", "Nora Hatrman"),
    ("Ana Ruiz Soto", "Ana Ruiz"),  # the second of a double surname dropped
])
def test_one_person(a, b):
    assert same_name(a, b) and same_name(b, a)


@pytest.mark.parametrize("a, b", [
    ("Lee Hart", "Ann Hart"),
    ("Jon Penn", "Jon Pena"),  # a short surname one letter apart is another name
    ("Nora Hartman", "Nell Hartman"),
    ("Hart", "Harte"),
    ("Jo Hart", "Joan Hart"),  # too short to be a short form
    ("Jason Hart", "Mason Hart"),  # another initial
    ("Theo Marsh", "Theodore Marshe"),  # a short form and a surname one letter off: too far
    ("Ana Ruiz Soto", "Ana Soto Ruiz"),  # a double surname in the other order: unsure
    ("Ana Ruiz Soto", "Ana Mora"),
])
def test_different_people(a, b):
    assert not same_name(a, b) and not same_name(b, a)


def test_a_plural_noun_is_made_singular_by_the_lemmatizer_and_a_verb_is_left_alone():
    from crosscheck.text import singular

    assert [singular(w) for w in ("cities", "buses", "knives", "bodies", "victims")] == ["city", "bus", "knife", "body", "victim"]
    assert [singular(w) for w in ("has", "was", "news", "census", "killed")] == ["has", "was", "news", "census", "killed"]
    assert singular("dashcams") == "dashcam"  # a word no dictionary has takes the regular plural's rule
