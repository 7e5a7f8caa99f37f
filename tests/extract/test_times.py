"""Times of day: each form, its interval and day, its event and phase, and what
is never a time. Every sentence here is written for this test."""
from __future__ import annotations

from collections import Counter
from importlib import resources

import pytest

from crosscheck.align import align_claims
from crosscheck.extract.times import day_offset, extract_times
from crosscheck.ingest import build_document
from crosscheck.model import ClaimKind, Source, Status
from crosscheck.rules.compare import TimeOfDay
from crosscheck.vocab import load

# A Wednesday: "Monday" is two days before it.
PUBLISHED = "2031-06-11"


def _times(text: str, published: str | None = PUBLISHED):
    return extract_times(build_document(Source(id="x", published=published), text))


def _only(text: str, published: str | None = PUBLISHED):
    (claim,) = _times(text, published)
    return claim


def _interval(claim) -> tuple[int, int]:
    return int(claim.attr("from")), int(claim.attr("to"))


# --- clock times ----------------------------------------------------------------------

@pytest.mark.parametrize(("text", "own", "interval", "precision"), [
    ("The ferry sank at 3:25 a.m., the coast guard said.", "3:25 a.m.", (205, 205), "minute"),
    ("The ferry sank at 3:25am, the coast guard said.", "3:25am", (205, 205), "minute"),
    ("The ferry sank at 11 P.M., the coast guard said.", "11 P.M.", (1375, 1385), "hour"),
    ("The ferry sank at 12:40 a.m., the coast guard said.", "12:40 a.m.", (40, 40), "minute"),
    ("The ferry sank at 12 p.m., the coast guard said.", "12 p.m.", (715, 725), "hour"),
    ("The ferry sank at noon, the coast guard said.", "noon", (715, 725), "hour"),
    ("The ferry sank at 2:30 a.m., the coast guard said.", "2:30 a.m.", (145, 155), "minute"),
    ("The ferry sank at 5.45 p.m., the coast guard said.", "5.45 p.m.", (1065, 1065), "minute"),
])
def test_clock_time_is_a_point_and_a_round_one_five_minutes_either_side(text, own, interval, precision):
    claim = _only(text)
    assert claim.kind is ClaimKind.TIME and claim.text == own
    assert _interval(claim) == interval and claim.attr("precision") == precision
    assert claim.attr("qualifier") is None


def test_about_widens_a_few_minutes_and_more_for_a_round_hour():
    minute = _only("The ferry sank at about 3:25 a.m., the coast guard said.")
    hour = _only("The ferry sank around 4 a.m., the coast guard said.")
    assert (minute.text, _interval(minute), minute.value) == ("about 3:25 a.m.", (200, 210), "about 03:25")
    assert (_interval(hour), hour.value) == ((220, 260), "about 04:00")


@pytest.mark.parametrize(("text", "interval", "qualifier", "shown"), [
    ("The ferry sank shortly before 3 a.m., the coast guard said.", (135, 180), "shortly before", "shortly before 03:00"),
    ("The ferry sank some time before 3 a.m., the coast guard said.", (-540, 180), "before", "before 03:00"),
    ("The ferry sank just after 3 a.m., the coast guard said.", (180, 200), "just after", "just after 03:00"),
    ("The ferry sank soon after 3 a.m., the coast guard said.", (180, 225), "shortly after", "shortly after 03:00"),
    ("The ferry sank between 2 and 3 a.m., the coast guard said.", (120, 180), None, "02:00-03:00"),
    ("The ferry sank between 11 and 1 a.m., the coast guard said.", (-60, 60), None, "23:00-01:00"),
    ("The ferry sank between 2:40 a.m. and 3:10 a.m., the coast guard said.", (160, 190), None, "02:40-03:10"),
])
def test_bounds_and_ranges(text, interval, qualifier, shown):
    claim = _only(text)
    assert (_interval(claim), claim.attr("qualifier"), claim.value) == (interval, qualifier, shown)


def test_zones_are_kept_and_local_time_is_no_zone():
    gmt, local = _times("The quake struck at 0915 GMT, or 9:15 local time, the agency said.")
    assert (gmt.text, _interval(gmt), gmt.attr("zone"), gmt.value) == ("0915 GMT", (555, 555), "GMT", "09:15 GMT")
    assert (local.text, _interval(local), local.attr("zone")) == ("9:15 local time", (555, 555), None)
    assert _only("The quake struck at 4:15 p.m. EDT on Monday.").attr("zone") == "EDT"


def test_a_time_given_again_in_another_zone_is_read_once():
    (claim,) = _times("The quake struck at 4:15 p.m. local time (5:15 p.m. ET), the agency said.")
    assert claim.text == "4:15 p.m. local time"


def test_part_of_the_day_after_a_clock_time_says_am_or_pm():
    morning = _only("The crew heard the alarm at 6:40 this morning.")
    evening = _only("The crew heard the alarm at 8:10 in the evening.")
    assert (_interval(morning), morning.attr("day")) == ((400, 400), PUBLISHED)
    assert _interval(evening) == (1210, 1210)


# --- days ----------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "day"), [
    ("The bridge collapsed at 5:45 p.m. Monday, officials said.", "2031-06-09"),
    ("The bridge collapsed Monday, at about 5:45 p.m., officials said.", "2031-06-09"),
    ("The bridge collapsed at 5:45 p.m. on June 2, officials said.", "2031-06-02"),
    ("The bridge collapsed at 5:45 p.m., officials said Monday.", None),
])
def test_day_next_to_a_clock_time(text, day):
    assert _only(text).attr("day") == day


def test_weekday_without_publication_date_stays_a_name():
    claim = _only("The bridge collapsed at 5:45 p.m. Monday, officials said.", published=None)
    assert (claim.attr("day"), claim.attr("resolved"), claim.value) == ("Monday", "no", "17:45, Monday")


def test_midnight_has_no_day():
    # "midnight Saturday" may open or close Saturday.
    assert _only("The bridge collapsed around midnight Saturday, officials said.").attr("day") is None


def test_day_offset_between_dates_and_weekdays():
    assert day_offset("2031-06-09", "2031-06-11") == 2
    assert day_offset("Sunday", "Monday") == 1 and day_offset("Sunday", "Saturday") == -1
    assert day_offset("2031-06-09", "Monday") == 0 and day_offset(None, "Monday") is None


# --- parts of the day -------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "own", "interval", "day"), [
    ("The dam failed Sunday night, engineers said.", "Sunday night", (1080, 1740), "2031-06-08"),
    ("The dam failed early Saturday morning, engineers said.", "early Saturday morning", (0, 480), "2031-06-07"),
    ("The dam failed Tuesday afternoon, engineers said.", "Tuesday afternoon", (720, 1080), "2031-06-10"),
    ("The dam failed late Friday, engineers said.", "late Friday", (1080, 1439), "2031-06-06"),
    ("The dam failed late Friday night, engineers said.", "late Friday night", (1320, 1740), "2031-06-06"),
    ("The dam failed in the early morning hours of Sunday, engineers said.", "early morning hours of Sunday", (0, 480), "2031-06-08"),
    ("The dam failed last night, engineers said.", "last night", (1080, 1740), "2031-06-10"),
    ("The dam failed this morning, engineers said.", "this morning", (0, 720), PUBLISHED),
])
def test_part_of_a_day(text, own, interval, day):
    claim = _only(text)
    assert (claim.text, _interval(claim), claim.attr("day"), claim.attr("precision")) == (own, interval, day, "part")


def test_part_of_a_day_reads_with_its_span():
    assert _only("The dam failed Sunday night, engineers said.").value == "night (18:00-05:00), Sunday 2031-06-08"


@pytest.mark.parametrize("text", [
    "The dam failed on Sunday, engineers said.",  # a date, not a time of day
    "Crews worked through the night to reach the dam.",  # no day
    "The band played Sunday Night Live at the dam.",  # a title
    "Engineers said the dam would hold tonight.",  # either night around the publication date
    '"We lost everything last night," a farmer said on Thursday.',  # the night before it was said
])
def test_not_a_time_of_a_day(text):
    assert _times(text) == []


# --- never a time -------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "The home side won 3-2 after extra time.",
    "The council voted 7:2 to approve the plan.",
    "Officials marked the 9/11 anniversary with a minute of silence.",
    "The clinic is open 24/7 during the outbreak.",
    "The bridge opened in 2016 and carried 1,200 cars a day.",
    "The pastor read John 3:16 at the service.",
    "The runner finished in 2:05:30, a course record.",
    "The fund paid $5.30 a share.",
    "The alarm sounded 20 minutes after midnight.",
    "UPDATE @ 9:40 p.m.",
    "UPDATE 6/14 9:40 p.m.: The coast guard ended the search.",
    "Two of the crew were still in hospital as of 9:40 p.m.",
    "A clerk at the Ellen Noon bakery saw the boat.",
])
def test_not_a_time(text):
    assert _times(text) == []


# --- events and phases ------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "event", "phase"), [
    ("The fire began at 3:25 a.m. Monday, the chief said.", "incident", "start"),
    ("The gunfire stopped at 4:50 a.m. Monday, the chief said.", "incident", "end"),
    ("The crash happened shortly before 3 a.m., the chief said.", "incident", None),
    ("Firefighters arrived at 3:40 a.m., the chief said.", "response", None),  # responders' arrival
    ("The gunman arrived at 3:40 a.m., the chief said.", "arrival", None),
    ("Units were dispatched around 3 a.m. to the dock.", "reported", None),
    ("A vigil was held Tuesday evening at the school.", "gathering", None),
    ("The weather was mild at 3 p.m. on the coast.", None, None),
    ("The standoff lasted until 10 p.m. on the pier.", "incident", "end"),
    ("Police said another crash happened at 3 a.m. on the pier.", None, None),
    ("Deputies stopped the driver at 8:10 a.m., hours after the crash.", None, None),
    ("A news conference at 2 p.m. will give details of the crash.", None, None),
])
def test_event_and_phase(text, event, phase):
    claim = _only(text)
    assert (claim.attr("event"), claim.attr("phase")) == (event, phase)


def test_start_and_end_of_one_event_are_not_aligned():
    claims = _times("The standoff began at 9:15 a.m. Monday.") + extract_times(
        build_document(Source(id="y", published=PUBLISHED), "The standoff ended at 11:40 a.m. Monday.")
    )
    assert len(align_claims(claims)) == 2


def test_times_of_one_event_on_one_day_are_aligned():
    a = _times("The warehouse fire began at 4:10 p.m. Monday, officials said.")
    b = extract_times(build_document(Source(id="y", published=PUBLISHED), "Smoke rose after the fire began about 4:45 p.m. Monday."))
    (group,) = align_claims(a + b)
    assert group.sources == ("x", "y")


# --- the comparator ------------------------------------------------------------------------------

def _relate(a: str, b: str) -> Status:
    return TimeOfDay().relate(_only(a), _only(b))


def test_disjoint_intervals_conflict_nested_agree_overlapping_vary():
    assert _relate("It began at 4:10 p.m. Monday.", "It began at about 4:45 p.m. Monday.") is Status.CONFLICT
    assert _relate("It began around 4 p.m. Monday.", "It began at 4:08 p.m. Monday.") is Status.AGREE
    assert _relate("It began at about 3:25 a.m.", "It began at about 3:28 a.m.") is Status.VARIANT


def test_another_day_conflicts_and_a_night_runs_into_the_next_day():
    assert _relate("It began at 3:25 a.m. Monday.", "It began at 3:25 a.m. Tuesday.") is Status.CONFLICT
    assert _relate("It began Sunday night.", "It began at 2 a.m. Monday.") is Status.AGREE
    assert _relate("It began Sunday night.", "It began early Sunday morning.") is Status.CONFLICT


def test_without_both_days_a_time_fits_any_day():
    assert _relate("It began Sunday night.", "It began at 2 a.m.") is Status.AGREE


def test_zones_are_converted_or_not_compared():
    assert _relate("It began at 0915 GMT.", "It began at 4:15 a.m. EST.") is Status.AGREE
    assert _relate("It began at 0915 GMT.", "It began at 9:15 a.m. EST.") is Status.CONFLICT
    assert _relate("It began at 9:15 a.m. ET.", "It began at 6:15 a.m.") is Status.AGREE  # ET is EST or EDT


# --- the vocabulary file --------------------------------------------------------------------------

def test_vocabulary_file_says_what_belongs_and_lists_each_word_once():
    text = resources.files("crosscheck.vocab").joinpath("times.yaml").read_text(encoding="utf-8")
    assert text.startswith("# Times of day:") and "belongs" in text.split("\nentries:", 1)[0]
    entries = load("times")
    words = [w for entry in entries["events"].values() for w in entry["words"]]
    words += [w for phase in entries["phases"].values() for w in phase]
    assert [w for w, n in Counter(words).items() if n > 1] == []
    assert all(isinstance(w, str) and w == w.lower() for w in words)
    assert all(e["doc"] for e in entries["events"].values())
    spans = list(entries["parts"].values()) + list(entries["day_edges"].values())
    assert all(len(span) == 2 and all(len(t) == 5 and t[2] == ":" for t in span) for span in spans)
    bounded = [kind for kind in entries["qualifiers"] if kind != "about"]
    assert sorted(entries["reach"]) == sorted(bounded)


def test_an_embedded_posts_stamp_is_no_time_and_its_afternoon_is_that_days():
    text = (
        "Crews fought the fire this afternoon. — Ann Lee (@annlee) March 12, 2031\n"
        "A photo posted by Bob Cole (@bobcole) on Mar 11, 2031 at 5:40pm PST\n"
    )
    (claim,) = _times(text)
    assert (claim.text, claim.attr("day")) == ("this afternoon", "2031-03-12")


def test_an_event_with_a_date_of_its_own_is_not_the_times():
    # The arrest is at 1:26 p.m.; the March 2 robbery has its own day.
    claim = _only("Police arrested Ann Lee, 31, of Millbrook at 1:26 p.m. in connection with a March 2 robbery.")
    assert claim.attr("event") == "arrest"  # past the age and hometown set off by commas
    claim = _only("Ann Lee of Millbrook was at the station at 1:26 p.m. in connection with a March 2 robbery.")
    assert claim.attr("event") is None
    claim = _only("Ann Lee of Millbrook was at the station at 1:26 p.m. in connection with the robbery.")
    assert claim.attr("event") == "incident"
    assert _only("Police said the robbery happened at 1:26 p.m. in the store.").attr("event") == "incident"


@pytest.mark.parametrize("opening, event", [
    ("Earlier Sunday", None),
    ("About an hour earlier", None),
    ("On Sunday", "incident"),
    # a clause that holds such a word opens on the story's own event (vocab.opens_on_another_event)
    ("Deputies searched two separate homes", "incident"),
])
def test_a_sentence_that_opens_on_another_event_gives_its_time_no_event(opening, event):
    assert _only(f"{opening}, a man was shot on Elm Street around 4:35 a.m., police said.").attr("event") == event


def test_a_call_received_at_a_time_is_the_calls_time():
    # "received" only carries the event noun (times.yaml support_verbs); "took ... to hospital" does not.
    claim = _only("Shortly before 7 a.m. Wednesday, deputies received a call about shots at a home.")
    assert claim.attr("event") == "reported"


def test_an_event_word_after_a_negation_names_no_event():
    assert _only("Cole was arrested without incident just after 8 p.m. at his home.").attr("event") == "arrest"


def test_an_event_word_telling_a_state_names_no_event():
    # "is located" says where the cafe is; the robbery is what happened at 11:20
    claim = _only("The robbery took place at the cafe, which is located on Elm Street, at about 11:20 p.m.")
    assert claim.attr("event") == "incident"


@pytest.mark.parametrize("text, event", [
    ("The call about the shooting came in before 7 p.m., police said.", "reported"),
    ("Deputies made an arrest in the shooting at 5 p.m. on Friday.", "arrest"),
    ("The shooting happened at 5 p.m. on Friday.", "incident"),
])
def test_an_event_noun_with_another_event_after_it_names_the_time(text, event):
    assert _only(text).attr("event") == event


def test_what_a_call_asked_is_no_other_event():
    claim = _only("Deputies received a call to report to 12 Elm Road at 7:10 a.m. on Wednesday.")
    assert claim.attr("event") == "reported"


def test_happening_names_the_incident():
    claim = _only("Neighbors said it was happening on Elm Road around 11:30 p.m. on Friday.")
    assert claim.attr("event") == "incident"


@pytest.mark.parametrize("text, event", [
    # places and a day set off by commas stand between the event and its time
    ("Deputies went to the site of the stabbing, at 12 Elm St., in Eastbrook, Tuesday, shortly after 9 p.m.",
     "incident"),
    ("The shooting happened on Elm Street, in Eastbrook, at 4 p.m.", "incident"),
    # "was reported": the time the authorities heard of it
    ("The shooting was reported outside a store, at 12 Elm St., in the Riverside district, Thursday, at 9 p.m.",
     "reported"),
    # a clause with a verb of its own keeps the time
    ("The shooting was reported on Elm Street, and the vigil began Monday, at 8 p.m.", "gathering"),
    # one comma before a time with no verb of its own
    ("Two men were firing shots outside the Elm Street diner, shortly after 1 a.m. on June 3, police said.", "incident"),
])
def test_a_time_after_places_and_a_day_is_the_events_before_them(text, event):
    claim = _times(text)[-1]
    assert claim.attr("event") == event


def test_a_phase_word_far_from_the_event_and_the_time_is_not_its_phase():
    claim = _only("The attacker fired into a storeroom at the beginning of the standoff and then two hours in, at 4:10 a.m.")
    assert (claim.attr("event"), claim.attr("phase")) == ("incident", None)
    assert _only("The shooting began at 3:30 a.m.").attr("phase") == "start"
