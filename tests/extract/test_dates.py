from __future__ import annotations

import csv
import time

import pytest

from crosscheck.extract.dates import extract_dates, normalize
from crosscheck.ingest import build_document
from crosscheck.model import ClaimKind, Source
from tests.conftest import CORPUS, SEEDS


def _seed_sentence(prefix: str, starts: str) -> str:
    """The one line of a seed file that starts with ``starts``."""
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith(starts):
            return line
    raise AssertionError(f"no line starting {starts!r} in {path.name}")


def _dates(text: str, published: str | None = "2024-03-13"):
    return extract_dates(build_document(Source(id="x", published=published), text))


def _only(text: str, published: str | None = "2024-03-13"):
    (claim,) = _dates(text, published)
    return claim


def test_month_without_year_resolves_against_publication_date():
    sentence = _seed_sentence("001", "In January, ICE updated")
    claim = _only(sentence, "2024-03-15")
    assert (claim.value, claim.text, claim.attr("precision")) == ("2024-01", "January", "month")
    assert claim.attr("resolved") == "yes" and claim.attr("relative") == "yes"
    assert claim.subject == "updated internal policy body-worn camera"
    assert claim.attr("event") == "updated"
    assert claim.kind is ClaimKind.DATE and claim.source == "x"


def test_month_without_year_or_publication_date_stays_unresolved():
    claim = _only(_seed_sentence("001", "In January, ICE updated"), None)
    assert (claim.value, claim.attr("precision"), claim.attr("resolved")) == ("XXXX-01", "month", "no")


def test_full_date_modifying_a_noun():
    sentence = _seed_sentence("001", "ICE said the police were updated")
    claim = _only(sentence, None)
    assert (claim.value, claim.text, claim.attr("precision")) == ("2022-05-25", "May 25, 2022", "day")
    assert claim.subject == "executive order" and claim.attr("event") == "order"
    assert claim.attr("resolved") == "yes" and claim.attr("relative") is None


def test_weekday_resolves_to_publication_day_itself():
    sentence = _seed_sentence("003", "WASHINGTON (AP)")
    claim = _only(sentence, "2024-03-13")  # a Wednesday
    assert (claim.value, claim.text, claim.attr("precision")) == ("2024-03-13", "Wednesday", "day")
    assert claim.attr("event") == "announced"


def test_weekday_without_publication_date_is_a_weekday():
    claim = _only(_seed_sentence("003", "WASHINGTON (AP)"), None)
    assert (claim.value, claim.attr("precision"), claim.attr("resolved")) == ("Wednesday", "weekday", "no")


def test_weekday_is_the_most_recent_one_before_publication():
    sentence = _seed_sentence("000", "Immigration and Customs Enforcement (ICE) on Tuesday")
    claim = _only(sentence, "2024-03-13")
    assert claim.value == "2024-03-12"
    assert claim.subject == "announced pilot body camera program"
    assert _only(sentence, None).value == "Tuesday"


def test_bare_year_after_preposition():
    claim = _only(_seed_sentence("003", "The move is part of efforts"))
    assert (claim.value, claim.text, claim.attr("precision")) == ("2022", "2022", "year")
    assert claim.attr("event") == "rolled"


def test_abbreviated_month_date():
    claim = _only(_seed_sentence("001", "ICE agents carry out an operation"))
    assert (claim.value, claim.text) == ("2019-09-25", "Sept. 25, 2019")


def test_dateline_and_byline_dates_are_not_claims():
    doc = build_document(Source(id="x"), (SEEDS.glob("003_*.txt").__next__()).read_text(encoding="utf-8"))
    texts = [c.text for c in extract_dates(doc)]
    assert "March 16, 2025" not in texts and "March 13, 2024" not in texts and "Today" not in texts
    assert "Wednesday" in texts


def test_one_date_at_day_precision():
    claims = _dates("The board met on March 15, 2024, to vote.")
    assert [(c.text, c.value, c.attr("precision")) for c in claims] == [("March 15, 2024", "2024-03-15", "day")]


@pytest.mark.parametrize(
    "sentence",
    [
        "Now we know the agency may raise $300M for the program.",
        "ICE conducted a six-month pilot program with HSI agents in New York.",
        "The 61-year-old man was taken to a hospital in 2000 ambulances.",
        "Thousands joined the Women’s March on Washington.",
        "Survivors may march to the capitol on foot.",
        "It cost $2019 and rose 2020% over six months.",
        "The award went to the 2021 ‘ASTORS’ Awards Program winners.",
    ],
)
def test_not_dates(sentence):
    assert _dates(sentence) == []


def test_count_after_preposition_is_not_a_year():
    assert _dates("The storm destroyed the homes of 2000 people.") == []


def test_day_month_year_and_iso_and_slash_forms():
    claims = _dates("Filed 15 March 2024, amended 2013-07-22 and again on 07/22/2013.")
    assert [c.value for c in claims] == ["2024-03-15", "2013-07-22", "2013-07-22"]


def test_month_day_without_year_is_not_after_publication():
    assert _only("The vote was held March 15.", "2024-03-13").value == "2023-03-15"
    assert _only("The vote was held March 12.", "2024-03-13").value == "2024-03-12"
    assert _only("The vote was held March 12.", None).value == "XXXX-03-12"


def test_impossible_date_is_dropped():
    assert _dates("The filing is dated February 30, 2024, by the clerk.") == []


def test_relative_expressions():
    values = {c.text: (c.value, c.attr("precision")) for c in _dates(
        "He was arrested yesterday and charged last month; the trial opened earlier this month "
        "and ends this year.", "2024-03-13")}
    assert values == {
        "yesterday": ("2024-03-12", "day"),
        "last month": ("2024-02", "month"),
        "earlier this month": ("2024-03", "month"),
        "this year": ("2024", "year"),
    }
    assert {c.value for c in _dates("He was arrested yesterday.", None)} == {"XXXX"}


def test_last_week_is_as_precise_as_its_month():
    assert _only("Police made the arrests last week.", "2024-03-13").value == "2024-03"
    # the week of 2024-02-26 .. 03-03 spans two months
    assert _only("Police made the arrests last week.", "2024-03-06").value == "2024"


def test_weekday_with_full_date_is_one_claim():
    claims = _dates("The ruling came on Wednesday, March 13, 2024, in Washington.", None)
    assert [(c.text, c.value) for c in claims] == [("Wednesday, March 13, 2024", "2024-03-13")]


def test_normalize_never_depends_on_today():
    assert normalize("wd", (2, ""), "2024-03-13") == ("2024-03-13", "day", True, True)
    assert normalize("wd", (2, "last"), "2024-03-13") == ("2024-03-06", "day", True, True)
    assert normalize("m", (12, ""), "2024-03-13") == ("2023-12", "month", True, True)


def _corpus_docs():
    meta = {r["doc_id"]: r for r in csv.DictReader((CORPUS / "metadata.tsv").open(encoding="utf-8"), delimiter="\t")}
    for path in sorted(CORPUS.glob("*/*.txt")):
        published = (meta.get(path.stem) or {}).get("url_date") or None
        yield build_document(Source(id=path.stem, published=published), path.read_text(encoding="utf-8"))


def test_corpus_claims_are_well_formed_and_fast():
    """ECB+ (Cybulska & Vossen 2014, CC BY 3.0): every claim's text is its document's own words."""
    docs = list(_corpus_docs())
    started = time.perf_counter()
    claims = [c for doc in docs for c in extract_dates(doc)]
    per_doc = (time.perf_counter() - started) / len(docs)
    assert len(claims) > 2000
    by_id = {doc.source.id: doc for doc in docs}
    for claim in claims:
        doc = by_id[claim.source]
        assert doc.text[claim.start : claim.end] == claim.text
        assert doc.text[claim.sentence_start :].startswith(claim.sentence)
        assert claim.attr("precision") in {"day", "month", "year", "weekday", "week"}
        assert len(claim.subject.split()) <= 6
    assert per_doc < 0.003  # generous: a loaded CI machine; ~0.4 ms measured


def test_corpus_weekday_after_on_is_found():
    doc = build_document(Source(id="x"), (CORPUS / "1_ecb" / "1_10ecb.txt").read_text(encoding="utf-8"))
    claims = extract_dates(doc)
    assert [(c.text, c.value, c.attr("event")) for c in claims if c.text == "Tuesday"] == [
        ("Tuesday", "Tuesday", "went")
    ]
    assert ("December", "XXXX-12") in [(c.text, c.value) for c in claims]


@pytest.mark.parametrize("text, dates", [
    # A page's timestamp opening a sentence says when the page changed.
    ("UPDATE#1 (01/21/2031): The four victims of the fire were named on Jan. 19.", ["Jan. 19"]),
    ("Updated March 3, 2031: The bridge reopened on Monday.", ["Monday"]),
    ("Posted Tuesday at 4:10 p.m. The mayor resigned on Friday.", ["Friday"]),
    # The same words inside a sentence date what it reports.
    ("The audit was published on May 2, 2031, by the county.", ["May 2, 2031"]),
    ("The county updated its flood policy in May 2031.", ["May 2031"]),
    ("Update: In May 2031, the county said it would rebuild the bridge.", ["May 2031"]),
    ("Police released the call (Published Thursday, Oct. 9, 2031) in which a caller reports smoke.", []),
    ("The audit (published on May 2, 2031) found flaws.", ["May 2, 2031"]),
])
def test_a_page_stamp_opening_a_sentence_is_no_date_of_an_event(text, dates):
    assert [c.text for c in _dates(text, "2031-01-22")] == dates


@pytest.mark.parametrize("text, published, value", [
    # A weekday with a month and day says which year: the latest that has it so.
    ("The mill has been closed since the fire on Sunday, Nov. 15.", "2031-01-28", "2026-11-15"),
    ("The mill has been closed since the fire on Nov. 15.", "2031-01-28", "2030-11-15"),
    # Words of the future in the date's clause set it ahead of publication...
    ("He is scheduled to be sentenced Friday.", "2031-03-12", "2031-03-14"),
    ("A preliminary hearing is scheduled Jan. 15.", "2031-01-12", "2031-01-15"),
    ("An autopsy is scheduled Wednesday.", "2031-03-13", "2031-03-19"),
    ("The bridge will reopen on Dec. 30.", "2031-12-03", "2031-12-30"),
    ("His next scheduled court appearance is Aug. 1.", "2031-07-18", "2031-08-01"),
    ("The bridge reopened on Dec. 30.", "2032-01-03", "2031-12-30"),
    # With no tense in its clause, a day in the coming weeks is still to come; one further
    # ahead was last year's.
    ("Registration begins April 29 for the county's residents.", "2031-04-24", "2031-04-29"),
    ("Registration begins Dec. 30 for the county's residents.", "2032-01-03", "2031-12-30"),
    ("He is to be sentenced Nov. 8.", "2031-09-28", "2031-11-08"),
    # ... or, seen from a past time, the nearer side.
    ("He was scheduled to be sentenced Oct. 27, the court said.", "2031-10-19", "2031-10-27"),
    ("The suspect, who was expected in court Monday, fled.", "2031-03-12", "2031-03-10"),
    ("He awaits a hearing scheduled for Monday.", "2031-03-12", "2031-03-17"),
    ("His hearing was scheduled for Monday, but it was put off.", "2031-03-12", "2031-03-10"),
    # A cue in another clause does not reach the date.
    ("The mayor will speak next week, the office said Monday.", "2031-03-12", "2031-03-10"),
    ("Arson is to blame for Friday's fire.", "2031-03-12", "2031-03-07"),
])
def test_which_way_a_date_without_a_year_lies(text, published, value):
    assert [c.value for c in _dates(text, published) if c.value.count("-") == 2] == [value]


def test_a_page_stamp_is_found_in_the_middle_of_a_page_too():
    text = "The river rose overnight.\n\nUPDATE#1 (01/21/2031): The four victims of the fire were named on Jan. 19."
    assert [c.text for c in _dates(text, "2031-01-22")] == ["Jan. 19"]


@pytest.mark.parametrize("published, value", [
    ("2031-03-12", "2031-03"),  # a Wednesday: last week is March 3-9
    ("2031-04-06", "2031"),  # a Sunday: last week may be March 24-30 or the week now ending, in April
])
def test_last_week_at_a_weekend_may_be_the_week_now_ending(published, value):
    assert normalize("rel", ("last week",), published)[0] == value


@pytest.mark.parametrize("status", ["as of Monday morning", "as of late Monday"])
def test_a_status_as_of_a_day_dates_no_event(status):
    text = f"The driver left the hospital on Friday; {status}, the guard was still being treated."
    assert [c.text for c in _dates(text, "2031-03-12")] == ["Friday"]


@pytest.mark.parametrize("text, event", [
    ("Jo Larkin surrendered to deputies on Thursday.", "surrendered"),  # "to" before a plural noun
    ("Jo Larkin is due to testify on Thursday.", "testify"),  # an infinitive
    ("The board met to discuss the budget on Thursday.", "discuss"),
])
def test_a_plural_noun_after_to_is_no_infinitive(text, event):
    (claim,) = _dates(text, "2031-03-14")
    assert claim.attr("event") == event


def test_a_date_something_is_set_for_is_that_things():
    claims = _dates("The hearing was set for April 14, and the sentencing is set for May 2.", "2031-04-01")
    assert [(c.text, c.attr("event")) for c in claims] == [("April 14", "hearing"), ("May 2", "sentencing")]


def test_an_embedded_posts_stamp_is_no_event_and_its_relative_days_count_from_it():
    # "— Name (@handle) Month D, YYYY" closes an embedded post: when it was posted.
    text = (
        "Crews fought the fire in Eastbrook this afternoon, the chief said. — Ann Lee (@annlee) March 12, 2024\n"
        "A photo posted by Bob Cole (@bobcole) on Mar 11, 2024 at 5:40pm PST\n"
        "Crews left the scene this afternoon, officials said.\n"
    )
    assert [(c.text, c.value) for c in _dates(text, "2024-03-13")] == [
        ("this afternoon", "2024-03-12"), ("this afternoon", "2024-03-13")]


def test_a_page_stamp_with_its_weekday_is_no_event():
    assert _dates("Published: Tuesday, 03/12/2024 - Updated: 2 weeks ago", "2024-03-13") == []


def test_a_stamp_label_with_a_colon_inside_a_line_is_no_event():
    text = "2 hurt in Millbrook fire Posted: Saturday, March 2, 2024 7:39 AM EST Updated: Monday, March 11, 2024"
    assert _dates(text, "2024-03-13") == []
    assert [c.value for c in _dates("The fire, first reported on March 2, 2024, was put out.", "2024-03-13")] == [
        "2024-03-02"]


def test_commas_of_a_list_of_names_do_not_cut_a_date_from_its_verb():
    claim = _only("Two women were found at a home in Oak Street, Millom, Cumbria, on Monday, with a man held later.")
    assert claim.attr("event") == "found"


def test_a_date_in_an_opening_phrase_is_its_events_not_the_statements_after_it():
    claim = _only("Following the death of Ann Lee on Monday, police officials said the car was stolen.")
    assert claim.attr("event") == "death"


def test_a_verb_in_a_phrase_past_the_dates_clause_is_not_its_event():
    # The funds were approved today; the bridge was damaged on another day.
    claim = _only("The council set aside funds today for a footbridge damaged in the storm.")
    assert claim.attr("event") != "damaged"
    claim = _only("In March, against the advice of his staff, the mayor resigned.")  # a date that opens the sentence
    assert claim.attr("event") == "resigned"


@pytest.mark.parametrize("text, event", [
    ("The coach said she had been at the tournament final Sunday evening.", "final"),
    ("The mayor told reporters he was at the ceremony on Friday.", "ceremony"),
    ("The mayor said on Friday that the bridge would reopen.", "said"),
])
def test_a_date_right_after_an_event_noun_in_reported_speech_is_the_events(text, event):
    assert _only(text).attr("event") == event


def test_the_last_day_of_a_span_is_no_events_date():
    # Published Wednesday 2024-03-13: "Monday" is the 11th, the closing's; "through Friday" ends it.
    assert [c.value for c in _dates("The council closed the Eastbrook pool on Monday through Friday.")] == [
        "2024-03-11"
    ]
    assert _dates("Tickets for the harbour festival stay on sale through May 2.") == []
    # Told of what did not happen, the day says when it still had not.
    assert [c.text for c in _dates("No one had been charged through Friday, the sheriff said.")] == ["Friday"]


def test_an_age_is_no_word_of_a_dates_subject():
    claim = _only("His 19-year-old daughter testified on Monday.")
    assert claim.subject == "daughter testified"


@pytest.mark.parametrize("text, event", [
    ("The hearing took place Monday at the Eastbrook courthouse.", "hearing"),
    ("The crash occurred Sunday on the river bridge, police said.", "crash"),
])
def test_a_verb_that_says_only_that_something_happened_dates_the_event_noun_before_it(text, event):
    assert _only(text).attr("event") == event


def test_last_weekday_written_the_day_after_is_only_a_weekday():
    # 2024-03-17 is a Sunday: "last Saturday" may be the day before or the week before.
    assert normalize("wd", (5, "last"), "2024-03-17") == ("Saturday", "weekday", False, True)
    assert normalize("wd", (4, "last"), "2024-03-17") == ("2024-03-15", "day", True, True)


@pytest.mark.parametrize("text, event", [
    ("Attacks that killed five officers on July 7 shook the county.", "killed"),
    ("They tore down that abandoned mill on July 7.", "tore"),
])
def test_that_before_a_past_form_is_a_relative_pronoun_when_an_object_follows(text, event):
    assert _only(text).attr("event") == event


def test_a_date_after_a_planned_event_or_ones_own_event_is_that_events():
    # "scheduled for Monday" dates the hearing, not the waiting; "his arrest Friday" the arrest.
    claim = _only("Ann Lee remains in jail as she awaits a hearing scheduled for Monday.")
    assert claim.attr("event") == "hearing"
    claim = _only("Tom Birch has been held in the county jail since his arrest on Friday.")
    assert claim.attr("event") == "arrest"


def test_a_year_alone_before_the_reports_year_is_background():
    # A story dates its own events by the day; "the 2023 fire" in a 2024 report is an earlier one.
    assert _only("Residents recalled the 2023 fire on Tern Avenue.", "2024-01-20").attr("background") == "yes"
    assert _only("Residents recalled the fire of March 2023.", "2024-01-20").attr("background") is None
    assert _only("The 2024 fire season began early.", "2024-01-20").attr("background") is None


def test_a_date_that_starts_a_span_or_bounds_a_tally_is_no_events_date():
    # "since" starts a period; "has not been seen since Friday" still dates the last sighting.
    assert _dates("Since early March, eight hikers have been hurt on the ridge.") == []
    assert _only("Ann Lee has not been seen since Friday.").attr("event") == "seen"
    assert _only("Forty hikers were hurt on the ridge in February alone.").attr("background") == "yes"
