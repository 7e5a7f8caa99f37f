"""Counts on real text: the seed articles and ECB+ (Cybulska & Vossen 2014, LREC, CC BY 3.0)."""
from __future__ import annotations

import pytest

from crosscheck.extract.counts import extract_counts
from crosscheck.ingest import build_document
from crosscheck.model import ClaimKind, Source
from tests.conftest import CORPUS, SEEDS, corpus_document, seed_document


_seed = seed_document
_corpus = corpus_document


def _counts(text: str):
    return extract_counts(build_document(Source(id="x"), text))


def _summary(claims):
    return [(c.value, c.subject) for c in claims]


@pytest.mark.skipif(not SEEDS.exists(), reason="shared seeds not available")
class TestSeeds:
    def test_counted_things_of_the_ap_story(self):
        found = _summary(extract_counts(_seed("003")))
        for expected in [(5, "city"), (1600, "body-worn camera"), (2, "law enforcement arm"), (6, "pilot program")]:
            assert expected in found
        assert all(value != 2022 for value, _ in found)  # "by President Biden in 2022"

    def test_bodycams_with_their_verb(self):
        claims = [c for c in extract_counts(_seed("001")) if c.value == 1600]
        assert [c.subject for c in claims] == ["bodycam", "bodycam"]
        assert claims[1].text == "1,600 bodycams"
        assert claims[1].attr("event") == "issued"  # "The 1,600 bodycams will be issued to ..."
        assert (9, "law enforcement agency") in _summary(extract_counts(_seed("001")))

    def test_three_of_the_busiest_airports(self):
        (claim,) = [c for c in extract_counts(_seed("000")) if c.value == 3]
        assert claim.subject == "international airport"
        assert claim.text == "three of the busiest international airports"

    def test_measure_has_its_unit(self):
        (claim,) = [c for c in extract_counts(_seed("003")) if c.value == 6]
        assert claim.text == "six-month pilot program"
        assert claim.attr("unit") == "month"

    def test_every_claim_quotes_its_document(self):
        for prefix in ("000", "001", "002", "003"):
            doc = _seed(prefix)
            claims = extract_counts(doc)
            assert [c.start for c in claims] == sorted(c.start for c in claims)
            for claim in claims:
                assert claim.kind is ClaimKind.COUNT
                assert doc.text[claim.start : claim.end] == claim.text
                sentence = doc.sentence_at(claim.start)
                assert (claim.sentence, claim.sentence_start) == (sentence.text, sentence.start)


@pytest.mark.skipif(not CORPUS.exists(), reason="shared corpus not available")
class TestCorpus:
    def test_quake_toll_magnitude_and_distances(self):
        claims = extract_counts(_corpus("37_1ecbplus"))
        by_text = {c.text: c for c in claims}
        dead = by_text["Five dead"]
        assert (dead.value, dead.subject, dead.attr("event")) == (5, "person", "dead")
        killed = by_text["at least five people"]
        assert (killed.subject, killed.attr("approx"), killed.attr("event")) == ("person", "at least", "killed")
        quake = by_text["6.1-magnitude quake"]
        assert (quake.value, quake.subject, quake.attr("unit")) == (6.1, "quake magnitude", "magnitude")
        assert by_text["some 320 kilometers"].attr("unit") == "km"
        assert by_text["around 30 people"].attr("event") == "injured"  # "around 30 people seriously injured"

    def test_age_of_a_suspect(self):
        claims = extract_counts(_corpus("18_15ecb"))
        (age,) = [c for c in claims if c.attr("role") == "age"]
        assert (age.value, age.subject, age.text, age.attr("unit")) == (61, "man", "61-year-old man", "year-old")
        assert (12, "person") in _summary(claims)  # "at least a dozen other people"

    def test_money_counts_what_it_buys(self):
        (claim,) = [c for c in extract_counts(_corpus("24_1ecb")) if c.attr("unit") == "usd"]
        assert (claim.value, claim.subject, claim.text) == (137_000_000, "diamond", "$137-million of diamonds")

    def test_whole_corpus_claims_are_well_formed(self):
        doc = _corpus("37_1ecbplus")
        for claim in extract_counts(doc):
            assert doc.text[claim.start : claim.end] == claim.text
            assert claim.subject and claim.subject == claim.subject.lower()


class TestSentences:
    @pytest.mark.parametrize(
        "text, value, subject, attrs",
        [
            ("AN EARTHQUAKE killed six children and left 14 others trapped when a mosque collapsed.",
             14, "person", {"event": "trapped"}),
            ("In neighbouring Central Aceh district, 10 people were killed, 140 were injured.",
             140, "person", {"event": "injured"}),
            ("About 2.5 million people lost power.", 2_500_000, "person", {"approx": "about"}),
            ("Police said Eric Allen Kirkpatrick, 61, surrendered after two hours of negotiations.",
             61, "eric allen kirkpatrick", {"role": "age"}),
            ("Sixty-year-old Mary John witnessed the destruction.", 60, "mary john", {"role": "age"}),
            ("Lynch said then- 15-year-old Timmons was at the corner.", 15, "timmons", {"role": "age"}),
            ("Turnout was 30% of registered voters.", 30, "registered voter", {"unit": "percent"}),
            ("Greece plans to slice 30bn euros from its deficit.", 30_000_000_000, "eur", {"unit": "eur"}),
            ("The 2,507-member assembly met.", 2507, "assembly", {"unit": "member"}),
            ("It is a 25,000-mile-long stretch where earthquakes are common.", 25000, "stretch", {"unit": "mile"}),
            ("The quake struck at a depth of 10 kilometers.", 10, "depth", {"unit": "km"}),
            ("Bringing the confirmed death toll from the disaster to 11.", 11, "death toll", {}),
            ("A magnitude 6.1 earthquake hit the region.", 6.1, "earthquake magnitude", {"unit": "magnitude"}),
        ],
    )
    def test_count(self, text, value, subject, attrs):
        claims = [c for c in _counts(text) if c.value == value]
        assert len(claims) == 1, _summary(_counts(text))
        assert claims[0].subject == subject
        for key, expected in attrs.items():
            assert claims[0].attr(key) == expected

    @pytest.mark.parametrize(
        "text",
        [
            "The move is part of efforts rolled out by President Biden in 2022.",
            "ICE said the policies were updated on March 15, 2024.",
            "Teixeira was acquired in a July 29 deal.",
            "Ballots were counted at 8:00 am local time and polls closed at 5 p.m.",
            "Bush was hurt last Thursday in a 27-24 loss to Chicago.",
            "He hosted the 79th Academy Awards for the first time.",
            "One of the fatalities was a child who died when a wall collapsed.",
            "The hotline is open 24/7 at http://example.com/2013/may/03/news.",
            "The Boeing 737 landed at Three Mile Island.",
            "The quake was the deadliest since the 2004 tsunami, 20 years ago.",
            "No. 5 seed Denver lost.",
        ],
    )
    def test_not_a_count(self, text):
        assert _counts(text) == []

    def test_one_of_the_three_counts_the_three(self):
        (claim,) = _counts("He was one of the three victims.")
        assert (claim.value, claim.subject, claim.text) == (3, "victim", "three victims")

    def test_qualifier_starts_the_claim(self):
        (claim,) = _counts("Around 40 houses were damaged by the quake.")
        assert claim.text == "Around 40 houses"
        assert (claim.attr("approx"), claim.attr("event")) == ("around", "damaged")


def test_window_searches_before_a_number_match_the_plain_regex_search():
    from crosscheck.extract.counts import _ID_BEFORE, _ID_ENDINGS, _NUMBER, _QUALIFIER, _QUALIFIERS, _search_before
    from tests.extract.test_scan import TEXTS

    texts = TEXTS + ["at least 5 ſome 6 about 7", "Über No. 7 and room\t 12", "ÉTÉ roughly\n 40"]
    for text in texts:
        for number in _NUMBER.finditer(text):
            start = number.start()
            for pattern, endings, width in ((_QUALIFIER, _QUALIFIERS, 30), (_ID_BEFORE, _ID_ENDINGS, 14)):
                expected = pattern.search(text, max(0, start - width), start)
                found = _search_before(pattern, endings, text, max(0, start - width), start)
                assert (found and found.span()) == (expected and expected.span()), text[max(0, start - width) : start]


def test_an_address_block_is_not_a_count():
    doc = build_document(Source("x"), "She was shot in the 5500 block of Elm Street. Five blocks away, police waited.")
    assert [(c.value, c.subject) for c in extract_counts(doc)] == [(5, "block")]


@pytest.mark.parametrize("text, counts", [
    ("Deputies were called to 7050 Old Mill Road, where two men were found.", [(2, "man")]),
    ("The store at 5118 N. Birch St. closed, and 12 workers lost their jobs.", [(12, "worker")]),
    ("A neighbor made a 911 call; dispatchers logged three calls in all.", [(3, "call")]),
    ("The 999 operators took 40 calls an hour.", [(40, "call")]),
    ("Officials counted 911 cars at the fair.", [(911, "car")]),  # a count, whatever the number
])
def test_a_house_number_or_an_emergency_number_is_not_a_count(text, counts):
    assert [(c.value, c.subject) for c in _counts(text)] == counts


def test_an_hour_long_thing_lasted_about_one_hour_and_a_mile_long_one_ran_a_mile():
    doc = build_document(Source("x"), "After his hour-long search, a two-hour-long trial began in Eastbrook.")
    assert [(c.value, c.attr("unit"), c.attr("approx"), c.subject) for c in extract_counts(doc)] == [
        (1, "hour", "about", "search"), (2, "hour", None, "trial"),
    ]
    # A length too: "a mile-long chase" ran about a mile.
    doc = build_document(Source("x"), "Police ended a mile-long chase on Elm Street.")
    assert [(c.value, c.attr("unit"), c.attr("approx"), c.subject) for c in extract_counts(doc)] == [
        (1, "mile", "about", "chase"),
    ]


@pytest.mark.parametrize("text, count", [
    ("The death toll rose from three to five on Sunday.", (5, "death toll", None)),
    ("The death toll rose Sunday to five.", (5, "death toll", None)),
    ("Between 10 to 12 people were hurt.", (12, "person", "range")),
    ("Tickets ranged from 10 to 12 dollars.", (12, "usd", "range")),  # no change verb: a range
    ("Police were looking for two or more suspects.", (2, "suspect", "at least")),
    ("A dozen or so people watched from the bridge.", (12, "person", "about")),
])
def test_from_one_figure_to_another_is_a_change_and_or_more_a_bound(text, count):
    (claim,) = _counts(text)
    assert (claim.value, claim.subject, claim.attr("approx")) == count


def test_a_generational_suffix_after_its_comma_is_part_of_the_name_an_age_belongs_to():
    doc = build_document(Source("x"), "The victims were Arlo Penn, Jr., 30, and Lee Hart, 28, of Eastbrook.")
    assert [c.attr("person") for c in extract_counts(doc) if c.attr("role") == "age"] == ["Arlo Penn Jr.", "Lee Hart"]


def test_a_multiple_before_an_event_noun_counts_those_it_befell():
    doc = build_document(Source("x"), "After the double-homicide, a triple shooting and 2 arrests followed.")
    assert [(c.value, c.subject, c.attr("event")) for c in extract_counts(doc)] == [
        (2, "person", "killed"), (3, "person", "shot"), (2, "arrest", "followed"),
    ]


@pytest.mark.parametrize("text, count", [
    ("Two police officers were wounded in Eastbrook.", (2, "police officer", None)),
    ("Five staff members left early.", (5, "staff member", None)),
    ("Two police were hurt.", (2, "police", None)),
    ("The last two officers slain in the county were deputies.", (2, "officer", "part")),
    ("The final three hostages were freed at dawn.", (3, "hostage", "part")),
    # The rest of a set is a part of it too.
    ("The other four passengers were questioned and released.", (4, "passenger", "part")),
    ("The remaining two climbers reached camp on Sunday.", (2, "climber", "part")),
    ("The first 1,600 cameras go to the agents.", (1600, "camera", None)),
    # A number told as an addition to those counted before is a part too.
    ("Deputies arrested three more suspects on Friday.", (3, "suspect", "part")),
    ("Nine additional hikers were flown out.", (9, "hiker", "part")),
])
def test_a_plural_its_own_singular_may_modify_a_noun_and_a_sequence_makes_a_part(text, count):
    (claim,) = _counts(text)
    assert (claim.value, claim.subject, claim.attr("anchor")) == count


@pytest.mark.parametrize("text, frame", [
    ("Two men are in critical condition after the crash.", (2, "injured", "critically")),
    ("Three others remained in serious but stable condition.", (3, "injured", "seriously")),
    ("Three others were in good condition on Monday.", (3, "injured", "good")),
])
def test_a_hospital_condition_counts_the_injured_some_of_them(text, frame):
    (claim,) = _counts(text)
    assert (claim.value, claim.attr("event"), claim.attr("manner")) == frame


def test_a_unit_named_by_a_word_and_its_number_is_no_counted_noun():
    (claim,) = _counts("Two Ward 3 council members voted against the plan.")
    assert (claim.value, claim.subject) == (2, "council member")
    (claim,) = _counts("About 12 Engine 7 firefighters fought the blaze.")
    assert (claim.value, claim.subject) == (12, "firefighter")


@pytest.mark.parametrize("text, frame", [
    # The adverb before the verb a count is the object of narrows it as one after the noun does.
    ("Birch is accused of fatally shooting three people at a farm near Dover.", (3, "shooting", "fatally")),
    ("Police say Birch shot four people at a farm near Dover.", (4, "shot", None)),
])
def test_an_adverb_before_the_verb_narrows_the_count(text, frame):
    (claim,) = _counts(text)
    assert (claim.value, claim.attr("event"), claim.attr("manner")) == frame


def test_a_figure_after_each_and_a_verb_is_per_each_not_a_total():
    claims = {c.value: c.attr("anchor") for c in _counts("Three attacks each left four people wounded; five died.")}
    assert claims[4] == "wider" and claims[5] is None


def test_a_count_of_one_told_in_turn_with_others_is_a_part():
    # The verb said once for all: the first of several; a second verb makes two events, each its count.
    (first,) = _counts("One hiker was hurt in the leg, another in the arm, and a third in the back.")
    assert first.attr("anchor") == "part"
    (killed,) = _counts("One hiker was killed and another was hurt.")
    assert killed.attr("anchor") is None


def test_a_toll_over_a_period_alone_tallies_several():
    (tally,) = _counts("Forty hikers were hurt on the ridge in February alone.")
    assert tally.attr("anchor") == "wider"
    (own,) = _counts("Ann Lee was alone when two hikers were hurt.")
    assert own.attr("anchor") is None


def test_a_toll_told_of_events_in_the_bare_plural_tallies_several():
    # "fires ... that burned seven homes" are several fires; "the Elm Street fires" may be one blaze's.
    (tally,) = _counts("The blaze was not linked to fires on the east side, near the mill, that burned seven homes.")
    assert tally.attr("anchor") == "wider"
    (own,) = _counts("The Elm Street fires, which burned seven homes, began in a shed.")
    assert own.attr("anchor") is None
    # A stretch of hours or longer in the clause: a tally of its events; minutes: one attack's.
    (tally, _) = _counts("Police said 20 people were shot in Dover over a span of 80 hours.")
    assert (tally.value, tally.attr("anchor")) == (20, "wider")
    (tally, _) = _counts("Police said six people were hurt in Dover fires within 12 hours.")
    assert (tally.value, tally.attr("anchor")) == (6, "wider")
    (own, _) = _counts("A gunman shot five people in ten minutes at the Elm Street mall.")
    assert (own.value, own.attr("anchor")) == (5, None)
    # The verb of the clause may come with its auxiliary.
    (tally,) = _counts("The feud led to a string of fires that have burned seven homes since May.")
    assert tally.attr("anchor") == "wider"


@pytest.mark.parametrize("text, event", [
    ("Three people shot to death were named on Monday.", "killed"),
    ("Three people were shot near the park.", "shot"),
    # A second verb that tells what became of them counts them by it.
    ("Two people were shot and killed near the park.", "killed"),
    ("Three hikers were attacked and later injured near the park.", "injured"),
    ("Two men were arrested and charged near the park.", "arrested"),
    ("Two men were shot twice and pronounced dead near the park.", "dead"),
    ("Two men were stabbed and later declared dead near the park.", "dead"),
])
def test_shot_to_death_is_killed(text, event):
    (claim,) = _counts(text)
    assert claim.attr("event") == event


def test_a_nickname_in_quotes_is_part_of_the_name_an_age_belongs_to():
    doc = build_document(Source("x"), 'Deputies found the boy and his father, Joe Dandrea "Duke" Penn, 37, at the house.')
    assert [c.attr("person") for c in extract_counts(doc)] == ['Joe Dandrea "Duke" Penn']


@pytest.mark.parametrize("text, expected", [
    # Irregular past forms that are nouns too say what happened to what is counted.
    ("Two people were shot outside the arena.", (2, "person", "shot")),
    ("The driver hit three parked cars.", (3, "parked car", "hit")),
    # With no counted noun, harm befalls people.
    ("Three were shot and one was stabbed.", (3, "person", "shot")),
    # An adjective is no event, though its verb is one ("empty" a tank).
    ("When its two tanks were empty, the boat drifted.", (2, "tank", None)),
    # What the counted noun is "of" stands between it and its verb.
    ("Four members of the Rye Street crew pleaded guilty on Monday.", (4, "member", "pleaded")),
    ("Three residents of the mill building were hurt.", (3, "resident", "hurt")),
    # So does a phrase that says where, or which of them.
    ("As many as nine people in Port Ellen were hurt on Sunday.", (9, "person", "hurt")),
    ("Two men in their 20s were shot near the park.", (2, "man", "shot")),
    ("Two ports in the United States made the list.", (2, "port", "made")),  # "United": a name
    # A headline run into the text with no stop: the next sentence's verb is not its.
    ("Storm strands 40 families in Millbrook A local man was arrested on Monday.", (40, "family", None)),
    # A clause inside the "of" phrase has its own verb: not the count's.
    ("He had 300 rounds of ammunition that he had carried in a bag.", (300, "round", None)),
    ("He had 300 rounds of ammunition he carried in a bag.", (300, "round", None)),
    ("Two cousins of the man who was arrested spoke to reporters.", (2, "cousin", None)),
])
def test_the_event_of_a_count(text, expected):
    claim = _counts(text)[0]
    assert (claim.value, claim.subject, claim.attr("event")) == expected


def test_a_part_of_a_set_is_set_apart_from_its_whole():
    (part,) = _counts("Two of her classmates were hurt in the crash.")
    assert (part.value, part.subject, part.attr("anchor")) == (2, "classmate", "part")
    (whole,) = _counts("About 30 classmates were on the bus.")
    assert whole.attr("anchor") is None
    (qualified,) = _counts("At least 12 of the stolen trucks were found.")
    assert (qualified.value, qualified.attr("anchor")) == (12, "part")
    # A share or a measure of something is no part of a counted set.
    assert [c.attr("anchor") for c in _counts("About 80 percent of the schools and four days of the fair.")] == [None, None]


def test_an_early_figure_and_a_wider_tally_are_marked():
    early = _counts("In initial reports, officials said nine homes had burned.")
    assert [(c.value, c.attr("early")) for c in early] == [(9, "yes")]
    assert _counts("Nine homes burned, officials said.")[0].attr("early") is None
    # "nationwide" widens its own clause only.
    wider = _counts("The storm cut power to 300 homes in Dover, and outages were reported nationwide.")
    assert [(c.value, c.attr("anchor")) for c in wider] == [(300, None)]
    (tally,) = _counts("So far 40 bridges have closed nationwide this spring.")
    assert tally.attr("anchor") == "wider"
    # A tally over several events; a span of time is no such thing.
    # (the number of events itself is the story's own: "in two fires" may be the story's two)
    assert [c.attr("anchor") for c in _counts("Twenty homes burned in 12 separate fires.")] == ["wider", None]
    assert [c.attr("anchor") for c in _counts("Twenty homes burned in 10 minutes.")] == [None, None]
    assert [c.attr("anchor") for c in _counts("The county will open shelters in five towns.")] == [None]
    # A short phrase opening the sentence frames its main clause; a longer one is a clause of its own.
    assert [c.attr("anchor") for c in _counts("So far in 2031, 40 bridges have closed.")] == ["wider"]
    assert [c.attr("anchor") for c in _counts("This year, 40 bridges have closed.")] == ["wider"]
    plan = _counts("The plan is to reopen roads statewide, but the crews will start in five towns.")
    assert [c.attr("anchor") for c in plan] == [None]


def test_deaths_in_one_place_are_a_part_and_treatment_in_one_is_not():
    assert [c.attr("anchor") for c in _counts("Two people died at the scene, police said.")] == ["part"]
    assert [c.attr("anchor") for c in _counts("Two people were treated at a hospital.")] == [None]
    # Several places of a kind are as one: those who died there, some of the dead.
    scenes = _counts("Three riders died at the scenes of the crashes, police said.")
    assert [(c.text, c.attr("anchor")) for c in scenes] == [("Three riders", "part")]


def test_half_a_dozen_is_six():
    assert _summary(_counts("Deputies seized about half a dozen rifles and a dozen pistols.")) == [
        (6, "rifle"), (12, "pistol")]


@pytest.mark.parametrize("text, count", [
    ("The standoff on Birch Lane lasted 2 1/2 hours, deputies said.", ("2 1/2 hours", 2.5, "hour")),
    ("Dale Ames served 3½ years for the robbery.", ("3½ years", 3.5, "year")),
    ("Crews found the cat in a 1 1/2-story house on Elm Street.", ("1 1/2-story house", 1.5, "story")),
])
def test_a_whole_number_and_a_fraction_are_one_value(text, count):
    (claim,) = _counts(text)
    assert (claim.text, claim.value, claim.attr("unit")) == count


@pytest.mark.parametrize("text, anchors", [
    ("An unrelated crash on Route 9 on Sunday killed two riders.", ["another event"]),
    ("In a separate fire, two tenants were hurt.", ["another event"]),
    # a short opening phrase that tells of another event, as times.py reads it (times.yaml other_event)
    ("Earlier Sunday, two tenants were hurt in a fire on Elm Street.", ["another event"]),
    ("About an hour earlier, two tenants were hurt in a fire on Elm Street.", ["another event"]),
    ("On Sunday, two tenants were hurt in a fire on Elm Street.", [None]),
    # the story's own event, told as one of a series or of a tally
    ("It was the second fire on Birch Lane in a week, and two tenants were hurt.", [None]),
    ("Crews fought seven separate fires, including one in which nine tenants were hurt.", [None, None]),
])
def test_a_count_after_another_event_is_that_events(text, anchors):
    assert [c.attr("anchor") for c in _counts(text) if c.attr("unit") is None] == anchors


def test_a_suspended_hyphen_takes_the_unit_of_the_number_after_it():
    claims = _counts("The gunman fired on Elm Street, wounding a 19- and 41-year-old in the arm.")
    assert [(c.value, c.attr("unit"), c.attr("role")) for c in claims] == [(19, "year-old", "age"), (41, "year-old", "age")]


def test_an_age_in_months_is_no_age_in_years():
    assert [(c.value, c.attr("unit")) for c in _counts("A 21-year-old man and a 21-month-old boy were hurt.")] == [
        (21, "year-old"), (21, "month-old")]


def test_an_age_told_in_words_after_the_number_has_its_unit_and_whose_it_is():
    claims = _counts(
        "The baby was only 2 months old. The girl, who is 4 years old, was not hurt. "
        "Jo Birch, 27 years old, and Ann Lee, 3 weeks old, were found. The lease ran 2 months."
    )
    assert [(c.value, c.attr("unit"), c.subject, c.attr("person")) for c in claims] == [
        (2, "month-old", "baby", None), (4, "year-old", "girl", None),
        (27, "year-old", "jo birch", "Jo Birch"), (3, "week-old", "ann lee", "Ann Lee"), (2, "month", "month", None)]


def test_an_aged_name_ends_before_what_is_said_of_the_person():
    (claim,) = _counts("A jury found 16 year old Jo Birch guilty of the robbery.")
    assert (claim.value, claim.attr("person"), claim.text) == (16, "Jo Birch", "16 year old Jo Birch")


def test_what_befalls_a_part_is_not_said_of_the_whole():
    (whole,) = _counts("One of the five hikers was rescued on Sunday.")
    assert (whole.value, whole.subject, whole.attr("event")) == (5, "hiker", None)
    (counted,) = _counts("Five hikers were rescued on Sunday.")
    assert counted.attr("event") == "rescued"


def test_a_number_after_a_possessive_is_counted_not_part_of_a_name():
    # A capitalized word before a number is usually a name ("Flight 370"); "Lee's" owns what follows.
    assert [(c.value, c.subject, c.attr("role")) for c in _counts("Ann Lee's 3-year-old son found them.")] == [
        (3, "son", "age")]
    assert _counts("They boarded Flight 370 on Monday.") == []


def test_a_parent_of_a_bare_number_counts_children():
    # "a mother of three" has three children; it is not three mothers (vocab/things.yaml parents).
    claims = _counts("Ann Lee, a mother of three, was hurt. Her neighbour, a father of 12, was not.")
    assert [(c.value, c.subject, c.attr("role")) for c in claims if c.attr("role") == "children"] == [
        (3, "child", "children"), (12, "child", "children")]


def test_no_one_is_not_a_count_of_one():
    assert _counts("No one knows why he did it. No one else was hurt.") == []


def test_prior_arrests_are_a_record_not_the_storys_count():
    (claim,) = _counts("The gunman has six prior arrests, police said.")
    assert (claim.value, claim.attr("anchor")) == (6, "history")


def test_ages_set_off_in_a_list_belong_to_their_names():
    claims = _counts("Ann Lee, 36; Bob Cole, 40; and Eve Hart, 19, were found. Tom Ruiz, 24 and Dan Ode, 23, fled.")
    assert [(c.value, c.attr("person")) for c in claims if c.attr("role") == "age"] == [
        (36, "Ann Lee"), (40, "Bob Cole"), (19, "Eve Hart"), (24, "Tom Ruiz"), (23, "Dan Ode")]
    assert _counts("The score was Lee, 24 and Cole 21.") == []


def test_a_clause_naming_a_kind_of_people_makes_a_part_but_one_naming_what_befell_them_does_not():
    (adults,) = _counts("Prosecutors may seek the deaths of three defendants who were adults at the time.")
    assert adults.attr("anchor") == "part"
    (shot,) = _counts("Two men who were shot were taken to the hospital.")
    assert shot.attr("anchor") is None and shot.attr("event") == "shot"


@pytest.mark.parametrize("text, count", [
    ("No arrests have been made in the shooting, police said.", (0, "person", "arrested", None)),
    ("Police haven't made any arrests in the shooting.", (0, "person", "arrested", None)),
    ("No residents were evacuated when the wall fell.", (0, "resident", "evacuated", None)),
    ("Nobody has yet been charged in the fire.", (0, "person", "charged", None)),
    ("No officers were arrested after the standoff.", (0, "officer", "arrested", None)),
    ("No one was in custody Monday night.", (0, "person", "arrested", None)),
    ("No one was arrested after the march.", (0, "person", "arrested", None)),
    ("Detectives said they had no known suspects in the robbery.", (0, "person", "arrested", None)),  # no suspect, no arrest
    ("Police arrested Dale Ames on Saturday in the robbery.", (1, "person", "arrested", "at least")),
    ("A 19-year-old was taken into custody late Friday.", (1, "person", "arrested", "at least")),
    ("Ames turned himself in to detectives on Monday.", (1, "person", "arrested", "at least")),
    ("Ames is being held without bail at the county jail.", (1, "person", "arrested", "at least")),
    ("Ames was arrested Friday for the shooting.", (1, "person", "arrested", "at least")),
    ("Nobody was detained.", (0, "person", "arrested", None)),
])
def test_a_count_told_without_a_number(text, count):
    (claim,) = [c for c in _counts(text) if c.attr("role") != "age"]
    assert (claim.value, claim.subject, claim.attr("event"), claim.attr("approx")) == count


@pytest.mark.parametrize("text", [
    "No one else was arrested after the march.",  # what is left of a figure told before
    "No one was hurt when shots were fired at the officers.",  # a toll of none of harm: one moment of an attack
    "No further arrests are expected.",
    "No arrest warrant has been issued.",  # the noun modifies another
    "Ames was not charged.",  # a negation
    "Ames had been arrested several times before.",  # a past record
    "Ames was arrested on unrelated charges.",  # another matter
    "Ames was arrested for an armed robbery downtown.",  # for something that harmed nobody
    "Police said there were no other suspects.",  # the rest of them
    "No suspect information has been released.",  # the noun modifies another
    "Ames was released after the hearing.",  # not an arrest
    "Ames is charged with arson.",  # a charge may be of an earlier case
])
def test_no_count_is_read_from_a_remainder_a_modifier_a_negation_or_a_record(text):
    assert _counts(text) == []


def test_a_number_in_the_sentence_is_its_count_not_at_least_one():
    claims = _counts("Ames and two others were arrested on Friday.")
    assert [(c.text, c.value, c.attr("event")) for c in claims] == [("Ames and two others", 3, "arrested")]


@pytest.mark.parametrize("text, count", [
    ("Deputies are looking into the wounding of three hikers.", (3, "wounded")),
    ("Deputies are looking into the fatal stabbing of one cyclist.", (1, "killed")),
    ("The deaths of two hikers were reported.", (2, "dead")),
    ("Police named a suspect in the shooting of three hikers near the lake.", (3, "shooting")),
])
def test_an_event_noun_and_of_before_a_count_is_its_event(text, count):
    (claim,) = _counts(text)
    assert (claim.value, claim.attr("event")) == count


@pytest.mark.parametrize("text, anchor", [
    ('"I guess maybe six shots rang out," a neighbor said.', "guess"),
    ("Neighbors heard maybe 20 shots.", "guess"),
    ("Five people were hit, police said, and I think that is right.", None),  # the hedge comes after
])
def test_a_speakers_guess_is_not_a_report_of_the_count(text, anchor):
    (claim,) = _counts(text)
    assert claim.attr("anchor") == anchor


@pytest.mark.parametrize("text, found", [
    ("The attacker has yet to be caught, police said.", [(0, "arrested")]),
    ("The gunman has not been caught.", [(0, "arrested")]),
    ("A second suspect has not been identified.", []),  # one of several
    ("The suspect has been identified as Dale Ames.", []),
])
def test_a_perpetrator_not_yet_caught_means_no_arrest(text, found):
    assert [(c.value, c.attr("event")) for c in _counts(text)] == found


def test_an_age_before_the_counted_noun_is_one_of_its_words():
    (claim,) = _counts("Two 15-year-old boys were arrested on Saturday.")
    assert (claim.value, claim.subject, claim.attr("event")) == (2, "15-year-old boy", "arrested")
