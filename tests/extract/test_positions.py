"""Claims are placed by line and column in the file they came from, whatever the cleaning did.

Every text here is invented for the test.
"""
from __future__ import annotations

import crosscheck
from crosscheck.model import ClaimKind


def _count(report):
    (claim,) = [c for c in report.claims if c.kind is ClaimKind.COUNT]
    return claim


def test_a_plain_text_claim_is_found_at_its_line_and_column(tmp_path):
    (tmp_path / "a.txt").write_text("Ferry capsizes\n\nOfficials said on Sunday that\nfour people were killed off Port Lenn.\n")
    claim = _count(crosscheck.check(tmp_path / "a.txt"))
    assert (claim.line, claim.column) == (4, 1) and claim.text == "four people"


def test_front_matter_and_markup_do_not_throw_the_place_off(tmp_path):
    (tmp_path / "a.md").write_text("---\noutlet: Coast Gazette\n---\n# Ferry\n\nRescuers said **four\npeople** were killed.\n")
    claim = _count(crosscheck.check(tmp_path / "a.md"))
    assert (claim.line, claim.column) == (6, 17)


def test_an_html_page_places_the_claim_in_its_markup(tmp_path):
    body = "<p>The harbour master said the ferry had passed its inspection in May and carried a full crew.</p>" * 3
    (tmp_path / "a.html").write_text(
        "<html><head><title>Ferry</title></head><body><article>\n"
        f"{body}\n<p>Divers said <b>four</b> people were killed off Port Lenn on Sunday.</p>\n</article></body></html>\n"
    )
    claim = _count(crosscheck.check(tmp_path / "a.html"))
    assert claim.line == 3 and (tmp_path / "a.html").read_text().splitlines()[2][claim.column - 1:].startswith("four")


def test_a_text_given_in_memory_has_no_file_place():
    claim = _count(crosscheck.check_texts({"a": "Four people were killed.", "b": "The mayor spoke."}))
    assert claim.line is None and claim.column is None
