"""Property-based tests on hostile input (issue 10): ingest, every extractor, the
rule loader and diff raise only their documented errors, give the same result
twice, and take time linear in the input's size.

Text is generated from words and marks that news text and its attackers use
(made up here, never taken from articles). Example counts are small so the
module runs in a few seconds on two cores.
"""
from __future__ import annotations

import json
import time

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from crosscheck.changes import diff_reports, render_changes_json, render_changes_markdown, validate_report
from crosscheck.errors import RuleFileError, SourceError
from crosscheck.extract import EXTRACTORS
from crosscheck.ingest import ingest_text, load_document
from crosscheck.rules.load import load_rule

FEW = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])

TOKENS = [
    "Paris", "London", "and", "or", ",", ".", " ", "\n", "the", "Mayor", "Dana", "Ortiz", "said", '"', "“", "”",
    "'", "12", "1,600", "3.5", "million", "five", "killed", "injured", "people", "on", "Monday", "March", "4",
    "2031", "p.m.", "4:05", "a.m.", "at", "least", "about", "_", "*", "[", "]", "(", ")", "<a", ">", "<!--", "-->",
    "#", "---", "`", "|", "—", "Jr.", "U.S.", "N.J.", "\t", "é", "\u00a0", "9" * 40,
]
texts = st.lists(st.sampled_from(TOKENS), max_size=120).map(" ".join) | st.text(max_size=300)


@FEW
@given(texts)
def test_ingest_and_every_extractor_take_any_text(text):
    try:
        doc = ingest_text("fuzz", text)
    except SourceError:
        return
    assert ingest_text("fuzz", text) == doc
    for kind, extract in EXTRACTORS.items():
        claims = extract(doc)
        assert extract(doc) == claims, kind
        assert all(0 <= c.start <= c.end <= len(doc.text) for c in claims)


@FEW
@given(st.sampled_from([".md", ".txt", ".json", ".jsonl"]), st.binary(max_size=300) | texts.map(str.encode))
def test_files_of_any_bytes_are_read_or_refused_as_bad_input(tmp_path_factory, suffix, data):
    path = tmp_path_factory.mktemp("src") / f"fuzz{suffix}"
    path.write_bytes(data)
    try:
        first = load_document(path, {})
    except SourceError as exc:
        assert str(exc).startswith(str(path)) and "\n" not in str(exc)
        return
    assert load_document(path, {}) == first


front_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20) | st.dates().map(str),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
    max_leaves=10,
)


@FEW
@given(st.dictionaries(st.sampled_from(["outlet", "url", "published", "title", "author", "x"]), front_values, max_size=4),
       st.text(max_size=40))
def test_front_matter_of_any_shape(tmp_path_factory, meta, raw):
    import yaml

    path = tmp_path_factory.mktemp("md") / "story.md"
    path.write_text(f"---\n{yaml.safe_dump(meta)}{raw}\n---\nThe council met on Monday.\n", encoding="utf-8")
    try:
        (doc,) = load_document(path, {})
    except SourceError as exc:
        assert str(exc).startswith(str(path)) and "\n" not in str(exc)
        return
    assert doc.source.published is None or len(doc.source.published) == 10


RULE_KEYS = ["id", "kind", "severity", "summary", "message", "compare", "examples", "report", "aliases", "docs"]


@FEW
@given(st.dictionaries(st.sampled_from(RULE_KEYS), front_values, max_size=8) | st.text(max_size=200).map(lambda t: {"raw": t}))
@example(data={"raw": "?"})  # a key YAML reads as null
@example(data={"raw": "1: x"})  # a key YAML reads as a number
def test_rule_loader_refuses_anything_malformed_with_file_and_reason(tmp_path_factory, data):
    import yaml

    path = tmp_path_factory.mktemp("rules") / "fuzz-rule.yaml"
    path.write_text(data["raw"] if "raw" in data else yaml.safe_dump(data), encoding="utf-8")
    try:
        load_rule(path)
    except RuleFileError as exc:
        assert str(exc).startswith(str(path)) and "\n" not in str(exc) and len(str(exc)) < 2000


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=10),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3),
    max_leaves=12,
)
findings = st.fixed_dictionaries({
    "id": st.sampled_from(["f1", "f2", "f3"]), "rule": st.sampled_from(["r1", "r2"]), "severity": st.just("error"),
    "status": st.sampled_from(["agree", "variant", "update", "conflict"]), "kind": st.just("count"),
    "subject": st.text(max_size=5),
    "values": st.lists(st.fixed_dictionaries({
        "value": st.text(max_size=4), "sources": st.lists(st.sampled_from(["a", "b"]), max_size=2),
    }, optional={"evidence": st.lists(st.fixed_dictionaries({
        "source": st.sampled_from(["a", "b"]), "text": st.text(max_size=5), "claim_start": st.integers(0, 9),
    }), max_size=2)}), max_size=3),
})
reports = st.fixed_dictionaries({
    "sources": st.lists(st.fixed_dictionaries({"id": st.sampled_from(["a", "b", "c"])}), max_size=3),
    "findings": st.lists(findings, max_size=4, unique_by=lambda f: f["id"]),
}) | json_values


@FEW
@given(reports, reports)
def test_diff_takes_any_json_and_refuses_what_is_not_a_report(old, new):
    try:
        validate_report(old)
        validate_report(new)
    except ValueError:
        return
    changes = diff_reports(old, new)
    assert diff_reports(old, new) == changes
    render_changes_markdown(changes)
    json.loads(render_changes_json(changes))


# Linear time: each hostile shape at two sizes, against plain text at the same
# sizes in the same run. A quadratic step would multiply time by 16 for 4x the input.
SMALL, LARGE = 4_000, 16_000
PLAIN = "The council met on Tuesday and voted 7 to 2 to close the old bridge. Mayor Dana Ortiz said it would take six weeks.\n"
SHAPES = {
    "and-list": ("txt", lambda n: "Protests were held in " + " and ".join(["Paris", "London", "Rome"] * (n // 18)) + ".\n"),
    "md-underscore": ("md", lambda n: "_x " * (n // 3)),
    "md-bracket": ("md", lambda n: "[" * n),
    "md-anchor": ("md", lambda n: "<a" * (n // 2)),
    "md-comment": ("md", lambda n: "<!--" * (n // 4)),
    "md-link-open": ("md", lambda n: "[a](" * (n // 4)),
    "capitalized": ("txt", lambda n: " ".join(f"Word{chr(65 + i % 26)}x{i % 97}" for i in range(n // 10))),
    "quotes": ("txt", lambda n: '"a ' * (n // 3)),
    "title-run": ("txt", lambda n: f"{_caps(n // 12)} Director {_caps(n // 12)} Fire Dana Ortiz said.\n"),
    "digits": ("txt", lambda n: "They counted " + "9" * n + " people.\n"),
}


def _caps(count: int) -> str:
    """Made-up capitalized words, none of them a title or a name from the vocabularies."""
    return " ".join("W" + "".join(chr(97 + (i * 7 + j * 3) % 26) for j in range(4)) for i in range(count))


def _seconds(path, repeats: int = 3) -> float:
    from crosscheck.extract import extract_claims

    best = float("inf")
    for _ in range(repeats):
        start = time.process_time()
        for doc in load_document(path, {}):
            extract_claims(doc)
        best = min(best, time.process_time() - start)
    return max(best, 1e-4)


@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_hostile_shapes_take_linear_time(tmp_path, shape):
    suffix, make = SHAPES[shape]
    times = {}
    for name, text in [("plain", lambda n: PLAIN * (n // len(PLAIN))), (shape, make)]:
        for size in (SMALL, LARGE):
            path = tmp_path / f"{name}-{size}.{suffix}"
            path.write_text(text(size), encoding="utf-8")
            times[name, size] = _seconds(path)
    growth = times[shape, LARGE] / times[shape, SMALL]
    baseline = times["plain", LARGE] / times["plain", SMALL]
    assert growth < 2 * max(baseline, LARGE / SMALL), (shape, times)
