"""The vocabulary files: each loads, says what it is for, lists a word once, and works as the code reads it."""
from collections import Counter
from importlib import resources

import pytest
import yaml

from crosscheck.extract.people import ORG_WORDS, TITLE_DOMAINS, TITLE_HEADS, extract_people, find_people
from crosscheck.ingest import build_document
from crosscheck.model import Source, Status
from crosscheck.rules.compare import FuzzyTitle
from crosscheck.vocab import load, word_classes

CLASSED = ["titles", "organization_words"]
ALL = CLASSED + ["title_abbreviations"]


def raw(name: str) -> str:
    return resources.files("crosscheck.vocab").joinpath(f"{name}.yaml").read_text(encoding="utf-8")


@pytest.mark.parametrize("name", ALL)
def test_file_loads_and_starts_with_a_header(name):
    assert load(name)
    assert raw(name).startswith("# ")
    header = raw(name).split("\nentries:", 1)[0]
    assert "belong" in header  # the header says what belongs in the file


@pytest.mark.parametrize("name", CLASSED)
def test_each_word_once_lower_case_with_a_doc(name):
    entries = yaml.safe_load(raw(name))["entries"]
    words = [w for entry in entries.values() for w in entry["words"]]
    assert [w for w, n in Counter(words).items() if n > 1] == []
    assert all(w == w.lower() for w in words)
    assert all(entry["doc"] for entry in entries.values())
    assert len(word_classes(name)) == len(words)


def test_abbreviations_are_distinct_and_spell_out_lower_case():
    entries = load("title_abbreviations")
    text = raw("title_abbreviations")
    keys = [line.split(":")[0].strip() for line in text.splitlines() if line.startswith("  ") and ":" in line]
    assert len(keys) == len(set(keys)) == len(entries)  # YAML would keep the last of two equal keys silently
    assert all(short[0].isupper() and "." not in short for short in entries)
    assert all(word == word.lower() for word in entries.values())


def test_organization_words_do_not_repeat_title_domains():
    # The extractor takes both as organization words; one home for each word.
    assert not set(word_classes("organization_words")) & TITLE_DOMAINS
    assert TITLE_DOMAINS <= ORG_WORDS and "chief" not in ORG_WORDS


def people(text: str) -> dict[str, str]:
    return {c.subject: c.value for c in extract_people(build_document(Source(id="x"), text))}


def test_title_words_split_titles_from_names():
    found = people("County health director Maria Lopez met Fire Chief Sam Ortiz on Tuesday.")
    assert found == {"Maria Lopez": "County health director", "Sam Ortiz": "Fire Chief"}
    assert "supervisor" in TITLE_HEADS


def test_organization_words_keep_organizations_from_being_people():
    text = "Staff at Riverside Memorial Hospital told the Westfield Daily Herald about Jane Doe on Monday."
    assert [m.name for m in find_people(text)] == ["Jane Doe"]


def test_an_abbreviation_heads_a_title_and_agrees_with_its_spelled_out_word():
    assert people("Cpl. Dana Reyes and Tpr. Lee Chan arrived first.") == {"Dana Reyes": "Cpl.", "Lee Chan": "Tpr."}
    (short,) = extract_people(build_document(Source(id="a"), "Lt. Gov. Dana Reyes arrived first."))
    (spelled,) = extract_people(build_document(Source(id="b"), "Lieutenant Governor Dana Reyes arrived first."))
    (other,) = extract_people(build_document(Source(id="c"), "Sgt. Dana Reyes arrived first."))
    assert FuzzyTitle().relate(short, spelled) is Status.AGREE
    assert FuzzyTitle().relate(short, other) is Status.CONFLICT


def test_every_vocabulary_says_what_belongs_in_it():
    names = sorted(p.name[: -len(".yaml")] for p in resources.files("crosscheck.vocab").iterdir() if p.name.endswith(".yaml"))
    assert "tense" in names and len(names) >= 12
    for name in names:
        header = raw(name).split("\nentries:", 1)[0].lower()
        assert load(name) and header.startswith("# "), name
        assert "belong" in header or "general" in header, name  # only general news usage goes in


def test_street_words_are_lower_case_and_each_written_form_means_one_word():
    entries = load("streets")
    written = [w for group in ("types", "directions") for full, short in entries[group].items() for w in (full, *short)]
    assert [w for w, n in Counter(written).items() if n > 1] == []
    assert all(w == w.lower() and "." not in w for w in written)
