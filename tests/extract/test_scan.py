"""Candidate scans must find every match a full regex scan finds (ECB+: Cybulska & Vossen 2014, CC BY 3.0)."""
from __future__ import annotations

import pytest

from crosscheck.extract import people, places
from crosscheck.extract.scan import capitalized_word_starts, matches_at
from tests.conftest import CORPUS, SEEDS

# A few clusters' worth of real articles, and the seeds with their link debris and mojibake.
TEXTS = [p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("1*_ecb*/*.txt"))[:150]] + [
    p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))
]


def test_capitals_that_start_words():
    text = "the U.S. envoy, O'Neil and al-Sadr met McDonald in New York"
    assert [text[i] for i in capitalized_word_starts(text)] == ["U", "O", "M", "N", "Y"]


@pytest.mark.parametrize("pattern", [people._RUN, places._RUN], ids=["people", "places"])
def test_runs_tried_at_word_initial_capitals_are_all_runs(pattern):
    assert len(TEXTS) > 100
    for text in TEXTS:
        expected = [m.span() for m in pattern.finditer(text)]
        assert [m.span() for m in matches_at(pattern.match, text, capitalized_word_starts(text))] == expected
