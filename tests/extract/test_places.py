"""Place lists on real text: the seed articles and ECB+ (Cybulska & Vossen 2014, LREC, CC BY 3.0)."""
from __future__ import annotations

import pytest

from crosscheck.extract.places import extract_places
from crosscheck.ingest import build_document
from crosscheck.model import ClaimKind, Source
from tests.conftest import CORPUS, SEEDS, corpus_document, seed_document


_seed = seed_document
_corpus = corpus_document


def _places(text: str):
    return extract_places(build_document(Source(id="x"), text))


@pytest.mark.skipif(not SEEDS.exists(), reason="shared seeds not available")
class TestSeeds:
    def test_list_with_state_qualifier_on_the_last_city(self):
        doc = _seed("000")
        (claim,) = extract_places(doc)
        assert claim.kind is ClaimKind.PLACES
        assert claim.value == ("Houston", "New York", "Newark")
        assert claim.text == "Houston, New York and Newark, NJ"
        assert claim.subject == "first hsi office test body camera"
        assert claim.attr("head") == "office"
        assert claim.attr("complete") == "yes"
        assert claim.attr("items") == "Houston | New York | Newark, NJ"
        assert doc.text[claim.start:claim.end] == claim.text
        assert claim.sentence.startswith("The first HSI offices") and claim.sentence_start <= claim.start

    def test_semicolon_list_with_qualifiers_gives_the_same_canonical_value(self):
        (claim,) = extract_places(_seed("002"))
        assert claim.value == ("Houston", "New York", "Newark")
        assert claim.text == "Houston, TX; New York City, N.Y.; and Newark, N.J."
        assert claim.subject == "hsi pilot location"
        assert claim.attr("head") == "location"
        assert claim.attr("items") == "Houston, TX | New York City, N.Y. | Newark, N.J."

    def test_two_lists_in_one_sentence_and_washington_dc(self):
        claims = extract_places(_seed("003"))
        assert [c.value for c in claims] == [
            ("Baltimore", "Buffalo", "Detroit", "Philadelphia", "Washington"),
            ("El Paso", "Houston", "New York", "Newark"),
            ("Atlanta", "Indianapolis", "Salt Lake City"),
        ]
        five, hsi, ero = claims
        assert five.attr("items") == "Baltimore | Philadelphia | Washington, D.C. | Buffalo | Detroit"
        assert hsi.sentence == ero.sentence and hsi.end < ero.start
        # Each list takes its subject from its own clause, not from the other list's.
        assert "hsi" in hsi.subject.split() and "ero" not in hsi.subject.split()
        assert ero.subject == "pilot program ero deportation officer"

    def test_oxford_comma_and_sentence_final_period(self):
        (claim,) = extract_places(_seed("001"))
        assert claim.value == ("Baltimore", "Buffalo", "Detroit", "Philadelphia", "Washington")
        assert claim.text == "Baltimore, Philadelphia, Washington, Buffalo, and Detroit"

    def test_the_five_city_lists_agree_across_outlets(self):
        assert extract_places(_seed("001"))[0].value == extract_places(_seed("003"))[0].value


@pytest.mark.skipif(not CORPUS.exists(), reason="shared corpus not available")
class TestCorpus:
    def test_long_country_list_after_a_colon_takes_the_clause_before_it(self):
        claims = extract_places(_corpus("30_11ecb"))
        (big,) = [c for c in claims if len(c.value) == 12]
        assert big.subject == "connect country"
        assert big.attr("head") == "country"
        assert "United Arab Emirates" in big.value and "Sri Lanka" in big.value

    @pytest.mark.parametrize("doc_id, value", [
        ("30_2ecb", ("Egypt", "India", "Malaysia", "Saudi Arabia")),  # "including India, ..."
        ("8_8ecbplus", ("Portugal", "Spain")),  # "countries such as Portugal and Spain"
        ("37_1ecb", ("India", "Indonesia", "Sri Lanka", "Thailand")),  # "... Thailand and other countries"
    ])
    def test_non_exhaustive_lists(self, doc_id, value):
        (claim,) = [c for c in extract_places(_corpus(doc_id)) if c.value == value]
        assert claim.attr("complete") == "no"
        assert claim.attr("head") == "country"

    def test_city_state_pairs_are_one_item_each(self):
        (claim,) = extract_places(_corpus("18_1ecbplus"))[:1]
        assert claim.value == ("Atlanta", "Seattle")
        assert claim.attr("items") == "Atlanta, Georgia | Seattle, Washington"

    def test_multiword_city_with_particles_and_country_qualifier(self):
        (claim,) = [c for c in extract_places(_corpus("4_7ecb")) if "Miami" in c.value]
        assert claim.value == ("Miami", "Nashville", "Port-au-Prince")
        assert claim.text == "Nashville, Miami and Port au Prince, Haiti"

    def test_ambiguous_name_counts_with_its_qualifier(self):
        # "Jackson" alone could be a person; "Jackson, Miss." is the city.
        claims = [c for c in extract_places(_corpus("28_3ecbplus")) if "Biloxi" in c.value]
        assert [c.value for c in claims] == [("Biloxi", "Jackson")]

    def test_country_aliases(self):
        values = {c.value for c in extract_places(_corpus("44_1ecbplus"))}
        assert ("United Kingdom", "United States") in values  # "the United States and the U.K."

    @pytest.mark.parametrize("doc_id", ["45_1ecbplus", "19_1ecbplus", "5_2ecb", "5_13ecb"])
    def test_organisations_newspapers_and_people_are_not_place_lists(self, doc_id):
        # Verizon Wireless, Cricket Wireless and ...; The New York Times; coaches with
        # their teams' cities in parentheses.
        assert extract_places(_corpus(doc_id)) == []

    def test_every_claim_is_well_formed_over_the_corpus(self):
        total = 0
        for path in sorted(CORPUS.glob("*/*.txt")):
            doc = build_document(Source(id=path.stem), path.read_text(encoding="utf-8"))
            claims = extract_places(doc)
            assert [c.start for c in claims] == sorted(c.start for c in claims)
            for claim in claims:
                total += 1
                assert doc.text[claim.start:claim.end] == claim.text
                assert claim.sentence_start <= claim.start and claim.end <= claim.sentence_start + len(claim.sentence)
                address = claim.attr("head") == "block"  # a street address is one place
                assert len(claim.value) == 1 if address else len(claim.value) >= 2 and list(claim.value) == sorted(claim.value)
                assert claim.attr("complete") in ("yes", "no")
                assert len(claim.subject.split()) <= 6
        assert 60 <= total <= 200


def test_list_of_person_names_that_are_also_places_is_ignored():
    assert _places("Jackson, Victoria and Charlotte sang at the wedding.") == []


def test_place_inside_a_longer_name_is_not_a_place():
    assert _places("He wrote for the New York Times, the Washington Post and the Houston Chronicle.") == []
    assert _places("The U.S. Army, Navy and Air Force took part.") == []


def test_two_places_with_a_bare_comma_are_not_a_list():
    assert _places("He was born in Toronto, Ontario.") == []
