"""Dates of one event told apart by what else their sentences say. Invented texts."""
from __future__ import annotations

import pytest

from crosscheck.model import ClaimKind, Status

from ..conftest import check_texts, findings_of


def _date_findings(texts: dict[str, str]):
    return [f for f in check_texts(texts, "2031-03-12").findings if f.kind is ClaimKind.DATE]


def test_sentences_about_the_same_person_and_event_align_their_dates():
    # Few words in common, but the same named person and the same event class.
    findings = _date_findings({
        "a": "Mourners gathered for Tomas Reyll, 17, who was shot dead by a deputy on Saturday night near the depot.",
        "b": "A deputy killed 17-year-old Tomas Reyll on Sunday, the sheriff's office confirmed in a brief statement.",
    })
    assert [f.status for f in findings] == [Status.CONFLICT]


def test_dates_of_other_events_about_the_same_person_stay_apart():
    findings = _date_findings({
        "a": "Tomas Reyll, 17, was arrested on Saturday after the robbery at the depot.",
        "b": "Tomas Reyll, 17, will appear in court on Tuesday, the sheriff's office said.",
    })
    assert Status.CONFLICT not in [f.status for f in findings]


def test_a_year_long_past_is_background_not_a_rival_date():
    # "in 2019" recalls an earlier event; the story's own date is in 2031.
    findings = _date_findings({
        "a": "The gunman, who had enrolled at the college in 2019, killed two people on March 9, 2031.",
        "b": "The gunman killed two people at the college on March 9, 2031, police said.",
    })
    assert Status.CONFLICT not in [f.status for f in findings]


def test_two_outlets_recalling_different_past_years_do_not_conflict():
    findings = _date_findings({
        "a": "Reyll had enrolled at the college in 2019, records show.",
        "b": "Records show Reyll took classes there in 2018 and 2019 before he dropped out in 2020.",
    })
    assert Status.CONFLICT not in [f.status for f in findings]


def test_the_same_event_done_to_the_same_thing_in_other_words_aligns():
    findings = _date_findings({
        "a": "The county updated its flood policy in January 2031.",
        "b": "Under a flood policy the county updated in February 2031, builders must raise new homes.",
    })
    assert [f.status for f in findings] == [Status.CONFLICT]


def test_what_is_done_to_one_person_is_not_set_against_anothers():
    """An arrest, a charge, a sentence is each person's own (events.yaml personal): 'Hart
    was charged on Tuesday' and 'Cole was charged on March 3' are two facts."""
    report = check_texts({
        "a": "Officer Lee Hart was charged with assault on Tuesday, prosecutors said. Sgt. Ann Cole testified.",
        "b": "Sgt. Ann Cole was charged with assault on March 3, prosecutors said. Officer Lee Hart testified.",
    }, published="2031-03-13")
    assert not findings_of(report, ClaimKind.DATE, Status.CONFLICT)
    same = check_texts({
        "a": "Officer Lee Hart was charged with assault on Tuesday, prosecutors said. Sgt. Ann Cole testified.",
        "b": "Officer Lee Hart was charged with assault on March 3, prosecutors said. Sgt. Ann Cole testified.",
    }, published="2031-03-13")
    assert len(findings_of(same, ClaimKind.DATE, Status.CONFLICT)) == 1


def test_the_name_a_sentence_opens_with_is_whom_its_arrest_befell():
    """ "Deputies arrested Jo Birch Sunday" and "Larkin was arrested March 7th": two people's
    arrests, though no name follows the first word of the second sentence."""
    texts = {
        "a": "Deputies arrested Jo Birch for obstruction of justice Sunday morning.",
        "b": "Larkin was arrested March 7th on an arson complaint. Deputies said Larkin, 30, set the fire.",
    }
    assert not findings_of(check_texts(texts, published="2031-03-12"), ClaimKind.DATE, Status.CONFLICT)
    texts["b"] = texts["b"].replace("Larkin was", "Birch was")
    assert len(findings_of(check_texts(texts, published="2031-03-12"), ClaimKind.DATE, Status.CONFLICT)) == 1


def test_an_opening_name_may_carry_a_nickname_and_an_age():
    """ 'Jo "Jay" Larkin, 22, was booked' and 'Cole "Lil C" Birch, 17, was booked': two
    people's bookings, though both sentences name the same jail."""
    texts = {
        "a": 'Jo "Jay" Larkin, 22, was booked into Dover County Jail on Wednesday night.',
        "b": 'Cole "Lil C" Birch, 17, was booked into the Dover County Jail on Thursday night.',
    }
    assert not findings_of(check_texts(texts, published="2031-03-14"), ClaimKind.DATE)
    texts["b"] = 'Jo "Jay" Larkin, 22, was booked into the Dover County Jail on Thursday night.'
    assert len(findings_of(check_texts(texts, published="2031-03-14"), ClaimKind.DATE, Status.CONFLICT)) == 1


@pytest.mark.parametrize("event", ["was booked", "surrendered"])
def test_people_named_apart_are_two_though_their_sentences_name_one_jail(event):
    """The words of a place or an organization ("Dover County Jail") name no person:
    two people booked or surrendering on two days are two facts (events.yaml personal)."""
    texts = {
        "a": f"Deputies said Jo Larkin {event} at the Dover County Jail on Tuesday.",
        "b": f"Deputies said Cole Birch {event} at the Dover County Jail on Thursday.",
    }
    assert not findings_of(check_texts(texts, published="2031-03-14"), ClaimKind.DATE)
    texts["b"] = texts["b"].replace("Cole Birch", "Jo Larkin")
    assert len(findings_of(check_texts(texts, published="2031-03-14"), ClaimKind.DATE, Status.CONFLICT)) == 1


def test_a_date_of_the_shooting_and_a_date_someone_was_shot_are_one_events():
    """'the shooting' names the incident and 'was shot' what it did to someone: one
    event's dates (vocab/times.yaml incident, events.yaml family), whichever word gives them."""
    findings = _date_findings({
        "a": "A man was shot on March 3 outside the Elm Street bakery, deputies said.",
        "b": "Deputies have no suspect in the March 4 shooting of a man outside the Elm Street bakery.",
    })
    assert [f.status for f in findings] == [Status.CONFLICT]


def test_responders_answering_a_call_date_the_incident():
    findings = _date_findings({
        "a": "Deputies responded on March 3 to a call about a man hurt outside the Elm Street bakery.",
        "b": "A man was shot on March 6 outside the Elm Street bakery, the sheriff said.",
    })
    assert [f.status for f in findings] == [Status.CONFLICT]
    # A day apart, the response may follow the incident over a night: a variant.
    findings = _date_findings({
        "a": "Deputies responded on March 3 to a call about a man hurt outside the Elm Street bakery.",
        "b": "A man was shot on March 4 outside the Elm Street bakery, the sheriff said.",
    })
    assert [f.status for f in findings] == [Status.VARIANT]


def test_responding_to_questions_is_a_statement_not_the_incident():
    # "responded" before words, not a call: the date of a reply, set against nothing.
    findings = _date_findings({
        "a": "The owner responded on March 3 to questions about the man hurt outside the Elm Street bakery.",
        "b": "A man was shot on March 4 outside the Elm Street bakery, the sheriff said.",
    })
    assert Status.CONFLICT not in [f.status for f in findings]


def test_a_death_days_later_is_not_set_against_the_attack():
    # Shot on one day, died on another: a death is its own timed event (times.yaml death).
    findings = _date_findings({
        "a": "Ann Lee was shot outside the Elm Street bakery on March 3, police said.",
        "b": "Police said Ann Lee died on March 5 of the wounds she suffered outside the Elm Street bakery.",
    })
    assert Status.CONFLICT not in [f.status for f in findings]


def test_deaths_of_two_people_are_two_facts():
    findings = _date_findings({
        "a": "Officer Ann Lee died Saturday at Mercy Hospital, the coroner said. Sgt. Bob Cole was hurt.",
        "b": "Sgt. Bob Cole died Thursday at Mercy Hospital, the coroner said. Officer Ann Lee was hurt.",
    })
    assert Status.CONFLICT not in [f.status for f in findings] and Status.UPDATE not in [f.status for f in findings]


def test_deaths_told_of_people_named_only_at_the_start_are_two_facts():
    # "Quell" and "Asher" open their sentences; the story's claims' sentences write both
    # capitalized inside a sentence, and never in lower case, so they are names: two deaths.
    texts = {
        "a": "Rescuers pulled Marta Quell, 34, from the flooded car. Quell died Saturday at Mercy Hospital.",
        "b": "Rescuers pulled Dov Asher, 51, from the flooded van. Asher died Thursday at Mercy Hospital.",
    }
    findings = _date_findings(texts)
    assert Status.CONFLICT not in [f.status for f in findings] and Status.UPDATE not in [f.status for f in findings]
    # The same name, and a word the story also writes in lower case, are no two people.
    for b in (texts["b"].replace("Dov Asher", "Marta Quell").replace("Asher", "Quell"),
              "Rescuers pulled a driver, 51, from the flooded van. Driver died Thursday at Mercy Hospital."):
        findings = _date_findings(dict(texts, b=b))
        assert [f.status for f in findings] == [Status.CONFLICT]


def test_dates_of_releases_and_briefings_align_only_in_nearly_the_same_words():
    # times.yaml announcement (alone): two releases are rarely one event.
    findings = _date_findings({
        "a": "Ann Lee was released from the county jail on March 8, records show.",
        "b": "No further details about Ann Lee will be released on March 9, a spokesman said.",
    })
    assert Status.CONFLICT not in [f.status for f in findings]


def test_a_charge_of_someone_only_one_source_names_is_not_set_against_anothers():
    report = check_texts({
        "a": "In November, after Morgan was charged, prosecutors laid out the case in court.",
        "b": "Prosecutors on Thursday charged 23-year-old Dale Ortmann in the Eastbrook shooting.",
    }, published="2031-03-13")
    assert not findings_of(report, ClaimKind.DATE, Status.CONFLICT)
    pronoun = check_texts({
        "a": "He was charged in November with the Eastbrook shooting, prosecutors said.",
        "b": "Prosecutors on Thursday charged Dale Ortmann with the Eastbrook shooting.",
    }, published="2031-03-13")
    assert len(findings_of(pronoun, ClaimKind.DATE, Status.CONFLICT)) == 1



def test_a_street_address_anchors_no_date():
    """A street is the scene of many events: a vigil there is not the shooting."""
    report = check_texts({
        "a": "The boy was standing on the sidewalk in the 5600 block of South Elm Avenue at 3 p.m. Saturday "
             "when someone fired shots, hitting the boy in his leg, said Officer Ann Lee, a police spokeswoman.",
        "b": "The Rev. Dale Hart of Eastbrook Church prays Monday night in the 5600 block of South Elm Avenue.",
    }, {"a": "2031-02-23", "b": "2031-02-25"})
    assert not [f for f in report.findings if f.kind is ClaimKind.DATE and f.status is not Status.AGREE]


@pytest.mark.parametrize("state, event", [
    ("remained hospitalized", "were hospitalized"),
    ("were being treated", "were treated"),  # the progressive passive: how they were that day
])
def test_a_day_a_state_went_on_is_not_the_events_day(state, event):
    # "remained hospitalized Tuesday": how things stood that day (times.yaml goes_on), not when the men were shot.
    findings = _date_findings({
        "a": f"Seven men {state} Tuesday after they were attacked on Elm Street, police said.",
        "b": "Seven men were shot on Elm Street on Monday evening, police said.",
    })
    assert Status.CONFLICT not in [f.status for f in findings]
    findings = _date_findings({
        "a": f"Seven men {event} Tuesday after they were attacked on Elm Street, police said.",
        "b": "Seven men were shot on Elm Street on Monday evening, police said.",
    })
    assert Status.CONFLICT in [f.status for f in findings]
