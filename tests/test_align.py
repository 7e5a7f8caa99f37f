"""Alignment at scale: copies collapse, oversized buckets stay linear, conflicts survive."""
from __future__ import annotations

from crosscheck import align
from crosscheck.align import align_claims
from crosscheck.align.core import MAX_BUCKET, MAX_PARTNERS, WINDOW, _Buckets
from crosscheck.extract import extract_claims
from crosscheck.ingest import build_document, load_sources
from crosscheck.model import ClaimKind, Source, Status
from crosscheck.pipeline import check_claims
from crosscheck.rules.load import load_rules

from .conftest import CORPUS, SEEDS


def _seed_text(prefix: str) -> str:
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    return path.read_text(encoding="utf-8")


def _copies(text: str, n: int, prefix: str = "copy") -> list:
    return [build_document(Source(id=f"{prefix}{i:03d}"), text) for i in range(n)]


def test_copies_of_one_article_form_one_group_and_a_changed_copy_conflicts():
    text = _seed_text("001")
    assert "1,600" in text
    docs = _copies(text, 40) + [build_document(Source(id="changed"), text.replace("1,600", "1,700"))]
    report = check_claims([d.source for d in docs], [c for d in docs for c in extract_claims(d)], load_rules())
    (finding,) = [f for f in report.findings if f.rule == "count-mismatch" and "1,700" in f.message]
    assert finding.status is Status.CONFLICT
    by_value = {v.value: v.sources for v in finding.values}
    assert by_value["1,700"] == ("changed",)
    assert len(by_value["1,600"]) == 40


def test_each_copy_of_a_sentence_is_scored_once(monkeypatch):
    """Forty copies of one article cost about as many pair scores as one pair of articles."""
    calls = []
    score = align.ALIGNERS[ClaimKind.COUNT].score

    def counting(a, b):
        calls.append(1)
        return score(a, b)

    monkeypatch.setitem(align.ALIGNERS, ClaimKind.COUNT, align.ALIGNERS[ClaimKind.COUNT]._replace(score=counting))
    text = _seed_text("001")
    two = [c for d in _copies(text, 2) for c in extract_claims(d)]
    align_claims(two)
    for_two, calls[:] = len(calls), []
    forty = [c for d in _copies(text, 40) for c in extract_claims(d)]
    align_claims(forty)
    assert for_two > 0
    assert len(calls) <= for_two


def _pairs(buckets, size):
    return {(a, b) for a in range(size) for b in buckets.partners(a)}


def test_oversized_bucket_pairs_each_member_with_its_neighbours_only():
    size = 10 * MAX_BUCKET
    pairs = _pairs(_Buckets([["key"]] * size, order=lambda n: (-n,)), size)
    assert len(pairs) <= size * WINDOW
    assert all(a < b for a, b in pairs)
    assert {(n, n + 1) for n in range(size - 1)} <= pairs
    assert all(b - a <= WINDOW for a, b in pairs)  # neighbours in the sorted order (n descending)
    small = MAX_PARTNERS + 1
    assert len(_pairs(_Buckets([["key"]] * small, order=lambda n: (n,)), small)) == small * (small - 1) // 2


def test_a_claim_is_compared_with_the_later_claims_sharing_the_most_keys_first():
    # Node 0 shares one key with every other node, and two with the last MAX_PARTNERS of them.
    size = 2 * MAX_PARTNERS + 2
    assert size <= MAX_BUCKET  # one bucket of all pairs, before the limit on partners
    keys = [["a", "b"]] + [["a"] if n < size - MAX_PARTNERS else ["a", "b"] for n in range(1, size)]
    partners = list(_Buckets(keys, order=lambda n: (n,)).partners(0))
    assert sorted(partners) == list(range(size - MAX_PARTNERS, size))


def test_a_pair_sharing_several_keys_is_found_once_from_its_smaller_node():
    buckets = _Buckets([["x", "y"], ["x", "y", "z"], ["z"], ["w"]], order=lambda n: (n,))
    assert [sorted(buckets.partners(n)) for n in range(4)] == [[1], [2], [], []]


def test_a_conflict_is_found_among_hundreds_of_unrelated_articles():
    """Counts of "people" from 400 real articles fill one bucket far past MAX_BUCKET;
    a copy of one article with one of those numbers changed still meets its original."""
    docs = load_sources(sorted(CORPUS.glob("*/*.txt"))[:400])
    claims = [c for d in docs for c in extract_claims(d)]
    people = [c for c in claims if c.kind is ClaimKind.COUNT and c.subject == "person"]
    assert len({(c.sentence, c.start - c.sentence_start) for c in people}) > MAX_BUCKET
    # From the last articles, past any fixed cut of the bucket: an exact number,
    # in digits, that its article gives once, so the changed copy says something
    # else about one thing rather than two things at once.
    target = next(
        c for c in reversed(people)
        if str(c.value) in c.text and not c.attr("approx")
        and sum(o.source == c.source and o.value == c.value for o in people) == 1
    )
    original = next(d for d in docs if d.source.id == target.source)
    moved = target.value + 1
    text = original.text[: target.start] + target.text.replace(str(target.value), str(moved)) + original.text[target.end :]
    changed = build_document(Source(id="changed"), text)
    report = check_claims([d.source for d in docs + [changed]], claims + extract_claims(changed), load_rules())
    conflicts = [f for f in report.findings if f.status is Status.CONFLICT]
    disputed = [{(c.source, c.value) for v in f.values for c in v.claims} for f in conflicts]
    assert any({(target.source, target.value), ("changed", moved)} <= claims_of for claims_of in disputed)


def test_every_claim_lands_in_one_group_in_evidence_order():
    text = _seed_text("001")
    claims = [c for d in _copies(text, 3) for c in extract_claims(d)]
    groups = align_claims(claims)
    assert sorted(c.id for g in groups for c in g.claims) == sorted(c.id for c in claims)
    for group in groups:
        assert list(group.claims) == sorted(group.claims, key=lambda c: (c.source, c.start, c.end, c.kind.value))


def test_a_value_one_source_repeats_is_one_claim_group_with_two_pieces_of_evidence():
    from .conftest import check_texts

    report = check_texts({
        "a": "Twelve people were killed in the flood on Monday. Officials later confirmed that 12 people were killed.",
        "b": "The mayor spoke about the flood.",
    })
    (killed,) = [g for g in report.groups if g.kind is ClaimKind.COUNT]
    assert [(c.source, c.value, c.text) for c in killed.claims] == [("a", 12, "Twelve people"), ("a", 12, "12 people")]


def test_a_date_or_list_subject_reads_as_its_sentence_wrote_it():
    from crosscheck.align import as_written

    sentence = "The council on Monday announced a new flood barrier plan for the river."
    assert as_written("announced new flood barrier plan", sentence) == "announced a new flood barrier plan"
    assert as_written("policy city updated", "The policy the City updated in May was dropped.") == "policy the City updated"
    assert as_written("barrier river announced", sentence) == ""  # not in that order


def test_the_word_signature_of_quotes_never_misses_words_they_share():
    """Quotes sharing MIN_SHARED_WORDS of the shorter's words always pass the cheap check
    before the character comparisons (bit collisions may let more through, never fewer)."""
    from crosscheck.align import MIN_SHARED_WORDS, _quoted, _share_words

    vocabulary = [f"w{n}" for n in range(400)]
    for start in range(0, 300, 7):
        a = vocabulary[start : start + 40]
        for shared in range(0, 41, 3):
            b = a[:shared] + vocabulary[start + 100 : start + 140 - shared]
            if shared >= MIN_SHARED_WORDS * 40:
                assert _share_words(_quoted(" ".join(a)), _quoted(" ".join(b)))
    far = _quoted("the council voted to close the old bridge until spring repairs")
    assert not _share_words(far, _quoted("our players gave everything tonight and we are proud of them all"))


def test_claims_of_the_same_source_do_not_take_a_place_among_a_claims_partners():
    # Node 0 and nodes 1..20 are one source's; nodes 21.. another's: all share one key.
    size = MAX_PARTNERS + 21
    buckets = _Buckets([["a"]] * size, order=lambda n: (n,))
    partners = sorted(buckets.partners(0, passed_over=lambda m: m <= 20))
    assert partners == list(range(21, size))
