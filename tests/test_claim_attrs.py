"""The details a claim carries are one checked contract (model.CLAIM_ATTRS):
an extractor cannot write, and a reader cannot ask for, a detail its kind does not declare."""
import pytest

from crosscheck.extract import extract_claims
from crosscheck.ingest import load_document
from crosscheck.model import CLAIM_ATTRS, ClaimKind, make_attrs

from .conftest import SEEDS, check_texts


def test_an_undeclared_detail_cannot_be_written():
    with pytest.raises(KeyError, match="a count claim has no attribute 'precision'"):
        make_attrs(ClaimKind.COUNT, precision="day")


def test_an_undeclared_detail_cannot_be_read():
    report = check_texts({"a": "Four people were hurt in the fire on Monday."})
    count = next(c for c in report.claims if c.kind is ClaimKind.COUNT)
    assert count.attr("event") == "hurt"
    with pytest.raises(KeyError, match="a count claim has no attribute 'phase'"):
        count.attr("phase")


def test_every_kind_declares_its_details_with_a_meaning():
    assert set(CLAIM_ATTRS) == set(ClaimKind)
    assert all(doc.strip() for details in CLAIM_ATTRS.values() for doc in details.values())


def test_claims_from_real_articles_carry_only_declared_details():
    kinds = set()
    for path in sorted(SEEDS.iterdir()):
        for doc in load_document(path):
            for claim in extract_claims(doc):
                kinds.add(claim.kind)
                assert {key for key, _ in claim.attrs} <= set(CLAIM_ATTRS[claim.kind]), claim
    assert len(kinds) >= 5


def test_claims_of_real_articles_cross_processes_whole():
    """Claims go to and from worker processes pickled: every field comes back, and the same id."""
    import pickle
    from dataclasses import fields

    claims = [claim for path in sorted(SEEDS.iterdir()) for doc in load_document(path) for claim in extract_claims(doc)]
    back = pickle.loads(pickle.dumps(claims))
    assert back == claims
    assert all(
        getattr(a, f.name) == getattr(b, f.name) for a, b in zip(back, claims) for f in fields(a) if f.name != "_id"
    )
    assert [c.id for c in back] == [c.id for c in claims]
    assert any(c.line for c in back) and any(c.attrs for c in back)
