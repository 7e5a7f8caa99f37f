"""Counts aligned by meaning: outlets that word one fact differently meet; different facts stay apart.

Every text here is invented for the test.
"""
from __future__ import annotations

from crosscheck.model import ClaimKind, Status

from ..conftest import check_texts, findings_of

_check = check_texts


def test_a_clipped_compound_meets_the_spelled_out_noun():
    report = _check({
        "a": "The county will issue 300 dashcams to its deputies next spring.",
        "b": "Under the plan the county will issue 450 dash cameras to deputies.",
    })
    (finding,) = findings_of(report, ClaimKind.COUNT, Status.CONFLICT)
    assert {v.value for v in finding.values} == {"300", "450"}


def test_dead_killed_and_a_death_toll_word_are_one_event():
    report = _check({
        "a": "Four people were killed when the ferry capsized off Port Lenn on Sunday.",
        "b": "The ferry accident left six dead, the harbour master said.",
    })
    (finding,) = findings_of(report, ClaimKind.COUNT, Status.CONFLICT)
    assert [v.value for v in finding.values] == ["4", "6"] or [v.value for v in finding.values] == ["6", "4"]


def test_killed_and_injured_are_different_counts():
    report = _check({
        "a": "Three people were killed in the blast at the depot.",
        "b": "Five people were injured in the blast at the depot.",
    })
    assert not findings_of(report, ClaimKind.COUNT, Status.CONFLICT)


def test_critically_wounded_is_a_part_of_the_wounded_not_a_rival_figure():
    report = _check({
        "a": "Three people were wounded in the attack, police said.",
        "b": "Two people were critically wounded in the attack, police said.",
    })
    assert not findings_of(report, ClaimKind.COUNT, Status.CONFLICT)


def test_a_toll_that_counts_the_gunman_is_not_set_against_one_that_does_not():
    report = _check({
        "a": "Four people were killed, including the gunman, at the plant in Dorval.",
        "b": "Three people were killed at the plant in Dorval on Thursday.",
    })
    assert not findings_of(report, ClaimKind.COUNT, Status.CONFLICT)


def test_a_toll_from_another_year_is_background_not_the_story():
    report = _check(
        {
            "a": "Two people were killed in the fire at the warehouse on Monday.",
            "b": "In 2009, eleven people were killed in a fire at the same warehouse.",
        },
        {"a": "2024-03-05", "b": "2024-03-05"},
    )
    assert not findings_of(report, ClaimKind.COUNT, Status.CONFLICT)


def test_a_toll_weeks_before_is_another_event():
    report = _check({
        "a": "Two people were killed when the gunman opened fire in the warehouse on Monday.",
        "b": "Monday's attack came just weeks after a driver shot and killed eight people at a depot.",
    })
    assert not findings_of(report, ClaimKind.COUNT, Status.CONFLICT)


def test_those_who_died_in_one_place_are_some_of_the_dead():
    report = _check({
        "a": "Two people were killed when a truck hit the bus shelter on Elm Street on Monday.",
        "b": "One died at the scene of the crash on Elm Street on Monday, police said.",
    })
    assert not findings_of(report, ClaimKind.COUNT, Status.CONFLICT)


def test_two_tallies_of_a_period_are_two_facts():
    report = _check({
        "a": "Six people were killed in four separate crashes on the county's roads over the weekend.",
        "b": "So far this year, 41 people have been killed on the county's roads.",
    })
    assert not findings_of(report, ClaimKind.COUNT)


def test_ages_align_by_whose_age_they_are():
    report = _check({
        "a": "Marta Quell, 34, was taken to hospital. Her neighbour Ivo Brandt, 61, called police.",
        "b": "Police said 35-year-old Marta Quell was hurt. Ivo Brandt, 61, made the call.",
    })
    (conflict,) = findings_of(report, ClaimKind.COUNT, Status.CONFLICT)
    assert {v.value for v in conflict.values} == {"34 year-old", "35 year-old"}
    assert any(f.status is Status.AGREE and "61" in f.message for f in findings_of(report, ClaimKind.COUNT))


def test_a_range_agrees_with_a_figure_inside_it():
    report = _check({
        "a": "Neighbours heard 10 to 12 shots before the car sped away down Elm Street.",
        "b": "Neighbours heard 11 shots before the car sped away, a resident said.",
    })
    assert not findings_of(report, ClaimKind.COUNT, Status.CONFLICT)


def test_counts_of_different_charges_are_different_counts():
    report = _check({
        "a": "Reyes was charged with one count of murder and two counts of assault after the shooting.",
        "b": "Three others were charged with two counts of aggravated murder after the shooting.",
    })
    assert not findings_of(report, ClaimKind.COUNT, Status.CONFLICT)


def test_an_event_word_near_a_bare_measure_counts_as_its_event():
    report = _check({
        "a": "The standoff lasted a span of about 40 minutes, the chief said today.",
        "b": "The standoff lasted approximately 55 minutes from start to finish.",
    })
    (finding,) = findings_of(report, ClaimKind.COUNT, Status.CONFLICT)
    assert {v.value for v in finding.values} == {"about 40 minute", "approximately 55 minute"}


def test_how_often_one_person_was_hit_is_not_a_toll():
    report = _check({
        "a": "Ruiz was shot five times in the legs and survived, his brother said.",
        "b": "Pell was shot twice in the arm and three times in the chest, officers said.",
    })
    assert not findings_of(report, ClaimKind.COUNT, Status.CONFLICT)


def test_a_reporting_verb_is_not_the_event_of_a_count():
    report = _check({
        "a": "Police said 24 people died in the collapse of the stand.",
        "b": "Twenty people died in the collapse of the stand, officials said.",
    })
    (finding,) = findings_of(report, ClaimKind.COUNT, Status.CONFLICT)
    assert {v.value for v in finding.values} == {"24", "20"}


def test_how_often_one_named_person_was_hit_is_compared_across_sources():
    report = _check({
        "a": "Police Sgt. Ann Lee was hurt. Lee, who wore a vest, was struck eight times in the arm and chest.",
        "b": "Sgt. Ann Lee survived. Officers said the gunman fired into Lee's car, hitting her six times.",
    })
    (finding,) = findings_of(report, ClaimKind.COUNT, Status.CONFLICT)
    assert {v.value for v in finding.values} == {"8", "6"}


def test_a_duration_said_two_ways_is_one_fact():
    report = _check({
        "a": "The standoff lasted 40 minutes, ending when deputies stormed the barn.",
        "b": "Neighbours described a 55-minute standoff spanning two farms north of town.",
    })
    (finding,) = findings_of(report, ClaimKind.COUNT, Status.CONFLICT)
    assert {v.value for v in finding.values} == {"40 minute", "55 minute"}


def test_amounts_said_of_two_named_people_stay_apart():
    report = _check({
        "a": "Reyes posted $30,000 bond on Friday. Judge Ann Cole said Reyes and Ivo Brandt must stay in the county.",
        "b": "Brandt posted $100,000 bail on Monday. Judge Ann Cole said Reyes and Ivo Brandt must stay in the county.",
    })
    assert not findings_of(report, ClaimKind.COUNT, Status.CONFLICT)


def test_a_toll_of_an_attack_elsewhere_is_not_the_story():
    # Most sources place the story in Tacoma (Washington); one clause recalls a flood in Denver.
    report = _check({
        "a": "Three hikers were killed in the landslide near Tacoma, Washington, on Sunday.",
        "b": "The landslide near Tacoma came a week after the last disaster — a flood killed five hikers in Denver.",
        "c": "Three hikers were killed in the landslide near Tacoma, the governor said.",
    })
    assert not findings_of(report, ClaimKind.COUNT, Status.CONFLICT)


def test_a_count_group_is_named_by_its_frame():
    report = _check({
        "a": "Four people were killed in the blast at the depot, officials said.",
        "b": "Four people were killed when the depot exploded, officials said.",
    })
    assert [f.subject for f in findings_of(report, ClaimKind.COUNT)] == ["people killed"]


def test_a_finding_keeps_its_id_when_an_agreeing_source_is_added():
    texts = {
        "a": "Four people were killed in the blast at the depot, officials said.",
        "b": "Six people were killed when the depot exploded on Monday, officials said.",
    }
    before = {f.id for f in findings_of(_check(texts), ClaimKind.COUNT)}
    texts["c"] = "The depot blast killed six people, the fire chief said."
    after = {f.id for f in findings_of(_check(texts), ClaimKind.COUNT)}
    assert before and before == after


def test_ages_meet_whatever_the_name_carries():
    report = _check({
        "a": "Arlo James Penn Jr., 49, escaped from a prison van on Monday.",
        "b": "Penn, 48, escaped from the van near the county line, deputies said.",
        "c": "Deputies said the 49-year-old Penn was armed.",
    })
    (finding,) = findings_of(report, ClaimKind.COUNT, Status.CONFLICT)
    assert finding.subject.startswith("age of")
    assert {v.value for v in finding.values} == {"49 year-old", "48 year-old"}


def test_a_thing_each_source_counts_once_is_one_fact_in_any_sentence():
    report = _check({
        "a": "Police said two ladders were in the back of the truck.",
        "b": "According to its owner there were three ladders on top of the lorry.",
    })
    (finding,) = findings_of(report, ClaimKind.COUNT, Status.CONFLICT)
    assert {v.value for v in finding.values} == {"2", "3"}


def test_a_part_of_a_set_is_not_a_rival_count_of_the_set():
    report = _check({
        "a": "There are seven goats on the farm, the owner said.",
        "b": "Two of her goats were in the road on Monday.",
    })
    assert not findings_of(report, ClaimKind.COUNT, Status.CONFLICT)


def test_a_participle_before_the_counted_noun_is_its_event():
    from crosscheck.align.counts import event_and_thing
    from crosscheck.model import Claim

    def frame(noun: str) -> tuple[str, str]:
        text = f"two {noun}"
        return event_and_thing(Claim("a", ClaimKind.COUNT, noun, 2, text, 0, len(text), text, 0))

    assert frame("other slain guards") == ("killed", "guard")
    assert frame("stranded ferries") == ("displaced", "ferry")
    assert frame("fire trucks") == ("", "truck")  # a bare noun before the counted one is no event


def test_a_duration_before_a_noun_is_how_long_it_lasted_whatever_verb_follows():
    report = _check({
        "a": "Residents heard sirens during a 20-minute standoff that occurred on Elm Street.",
        "b": "Officers said the standoff on Elm Street lasted 35 minutes.",
    })
    (finding,) = findings_of(report, ClaimKind.COUNT, Status.CONFLICT)
    assert {v.value for v in finding.values} == {"20 minute", "35 minute"}


def test_people_a_hospital_received_were_hospitalized():
    report = _check({
        "a": "Both city hospitals received nine people after the bus crash.",
        "b": "Eleven people were hospitalized after the bus crash, officials said.",
    })
    (finding,) = findings_of(report, ClaimKind.COUNT, Status.CONFLICT)
    assert {v.value for v in finding.values} == {"9", "11"}


def test_people_and_named_groups_are_not_one_fact_only_because_each_source_counts_them_once():
    women = _check({
        "a": "Neighbours said one woman was at the door.",
        "b": "There were two women in the building.",
    })
    members = _check({
        "a": "There are 40 Rotarians in the club, its secretary said.",
        "b": "Six Rotarians were at the lake on Monday.",
    })
    assert not findings_of(women, ClaimKind.COUNT, Status.CONFLICT)
    assert not findings_of(members, ClaimKind.COUNT, Status.CONFLICT)


def test_people_of_one_kind_in_two_roles_need_more_than_a_few_shared_words():
    # Neither count names an event: the armed fans and the crowd of fans are two groups.
    report = _check({
        "a": "Stewards ran to escape the two armed fans by the gate, officials said.",
        "b": "A crowd of more than 80 armed fans by the gate was not far away, witnesses said.",
    })
    assert not findings_of(report, ClaimKind.COUNT, Status.CONFLICT)


def test_a_part_of_a_set_is_not_compared_with_the_whole():
    """'Two of her classmates were hurt' says nothing against '30 classmates were on the bus'."""
    report = _check({
        "a": "Two of her classmates were hurt when the bus left the road near Millbrook on Friday.",
        "b": "About 30 classmates were on the bus that left the road near Millbrook on Friday.",
    })
    groups = [{c.source for c in g.claims} for g in report.groups if g.kind is ClaimKind.COUNT]
    assert sorted(sorted(g) for g in groups) == [["a"], ["b"]]
    assert not findings_of(report, ClaimKind.COUNT, Status.CONFLICT)


def test_distances_to_differently_named_places_are_two_facts():
    report = _check({
        "a": "After the robbery the driver went 150 miles west, to Lakeview, where he was stopped.",
        "b": "After the robbery the driver went about 8 miles to a farm in Dover and hid there.",
        "c": "After the robbery the driver went 120 miles west to Lakeview, police said.",
    })
    groups = sorted(sorted(c.source for c in g.claims) for g in report.groups if g.kind is ClaimKind.COUNT)
    assert groups == [["a", "c"], ["b"]]  # the same place: one distance, and a conflict
    assert len(findings_of(report, ClaimKind.COUNT, Status.CONFLICT)) == 1


def test_a_mothers_children_are_not_another_parents():
    # Each source counts children once, but "a mother of 12" counts hers and "a father of
    # two" his own: like ages, they align by whose they are.
    report = _check({
        "a": "A jury convicted the man who killed Ann Lee, a mother of 12, outside the store.",
        "b": "The driver, a father of two, was not hurt outside the store, witnesses said.",
    })
    assert findings_of(report, ClaimKind.COUNT, Status.CONFLICT) == []


def test_charges_against_two_people_are_two_facts():
    report = _check({
        "a": "Officer Lee Hart was charged with four counts of assault. Sgt. Ann Cole testified.",
        "b": "Sgt. Ann Cole was charged with two counts of assault. Officer Lee Hart testified.",
    })
    assert findings_of(report, ClaimKind.COUNT, Status.CONFLICT) == []


def test_someone_and_two_others_are_three_but_a_clause_of_others_is_a_toll():
    # "Lee and two other children": three children; "one was killed and two others were
    # wounded": the wounded, a toll of its own.
    report = _check({
        "a": "Ann Lee and two other children were waiting in the car outside the store, police said.",
        "b": "Police said three children were waiting in the car outside the store.",
    })
    (group,) = [g for g in report.groups if g.kind is ClaimKind.COUNT]
    assert sorted((c.text, c.value) for c in group.claims) == [("Ann Lee and two other children", 3), ("three children", 3)]
    assert findings_of(report, ClaimKind.COUNT, Status.CONFLICT) == []
    report = _check({
        "a": "He and one other victim were found in the bakery on Route 9, deputies said.",
        "b": "Deputies found three victims in the bakery on Route 9.",
    })
    (finding,) = findings_of(report, ClaimKind.COUNT, Status.CONFLICT)
    assert sorted(v.value for v in finding.values) == ["2", "3"]
    report = _check({
        "a": "One man was killed and two others were wounded outside the store, police said.",
        "b": "One man was killed and three others were wounded outside the store, police said.",
    })
    (finding,) = findings_of(report, ClaimKind.COUNT, Status.CONFLICT)
    assert sorted(v.value for v in finding.values) == ["2", "3"]


def test_after_a_list_or_a_group_the_others_stay_a_part():
    # "Lee, Cole and two others", "the family and two others": how many the whole holds is not told.
    for told in ("Ann Lee, Joe Cole and two others were hurt in the fire on Birch Lane, officials said.",
                 "The family and two others were hurt in the fire on Birch Lane, officials said."):
        report = _check({"a": told, "b": "Officials said three people were hurt in the fire on Birch Lane."})
        assert findings_of(report, ClaimKind.COUNT, Status.CONFLICT) == []
        counts = [c for c in report.claims if c.kind is ClaimKind.COUNT and c.source == "a"]
        assert [(c.value, c.attr("anchor")) for c in counts] == [(2, "part")]


def test_two_ages_a_sentence_gives_in_turn_are_two_people():
    # Each source gives both ages; the nouns ("boy", "brother") name the two people in turn.
    report = _check({
        "a": "A 14-year-old boy accidentally shot and killed his 9-year-old brother in Millbrook on Saturday.",
        "b": "The 9-year-old boy, who was shot and killed by his 14-year-old brother in Millbrook, was named.",
    })
    assert findings_of(report, ClaimKind.COUNT, Status.CONFLICT) == []


def test_a_named_persons_age_aligns_whatever_the_sentences_verb():
    report = _check({
        "a": "The champion stopped the 40-year-old Thompson in the sixth round in Berne on Saturday.",
        "b": "The champion extended his run by overcoming 41-year-old Thompson in Berne on Saturday.",
    })
    (finding,) = findings_of(report, ClaimKind.COUNT, Status.CONFLICT)
    assert sorted(v.value for v in finding.values) == ["40 year-old", "41 year-old"]


def test_an_age_meets_the_same_persons_with_a_double_surname():
    report = _check({
        "a": "Ana Ruiz Soto, 16, and Lee Hart, 13, were hurt at the Eastbrook fair.",
        "b": "The two hurt at the fair were Lee Hart, 13, and Ana Ruiz, 15.",
    })
    (finding,) = findings_of(report, ClaimKind.COUNT, Status.CONFLICT)
    assert sorted(v.value for v in finding.values) == ["15 year-old", "16 year-old"]


def test_ages_listed_without_names_are_not_set_against_each_other():
    # Which of "a 14-year-old and an 18-year-old" is the other outlet's 17-year-old is not said.
    report = _check({
        "a": "Two teenagers, a 14-year-old and an 18-year-old, were shot after a party in Millbrook, police said.",
        "b": "Police said a 17-year-old was shot after a party in Millbrook on Saturday.",
    })
    assert findings_of(report, ClaimKind.COUNT, Status.CONFLICT) == []
    report = _check({
        "a": "A 14-year-old was shot after a party in Millbrook on Saturday, police said.",
        "b": "A 15-year-old was shot after a party in Millbrook on Saturday, police said.",
    })
    assert len(findings_of(report, ClaimKind.COUNT, Status.CONFLICT)) == 1


def test_a_bare_duration_meets_one_in_another_unit_only_in_like_words():
    report = _check({
        "a": "Lee said the interview with the detectives lasted about 30 minutes.",
        "b": "The nearly three-hour hostage situation at the Eastbrook bank ended at dawn.",
    })
    assert not findings_of(report, ClaimKind.COUNT, Status.CONFLICT)


def test_charges_in_sentences_naming_nobody_alike_are_two_peoples():
    report = _check({
        "a": "Dale Ortmann has been indicted on two counts of murder, court records show.",
        "b": "Curtis Penn, 29, is charged with four counts of murder in the Eastbrook case.",
    })
    assert not findings_of(report, ClaimKind.COUNT, Status.CONFLICT)


def test_charges_of_one_person_named_in_both_sentences_are_compared():
    report = _check({
        "a": "Dale Ortmann has been indicted on two counts of murder, court records show.",
        "b": "Prosecutor Ann Lee said Ortmann is charged with four counts of murder.",
    })
    (finding,) = findings_of(report, ClaimKind.COUNT, Status.CONFLICT)
    assert sorted(v.value for v in finding.values) == ["2", "4"]



def test_one_distance_told_from_either_end_is_one_fact():
    report = _check({
        "a": "Millbrook is located about 45 miles southeast of Eastbrook.",
        "b": "One deputy was treated in Eastbrook, 40 miles northwest of Millbrook, and one in Dover, 90 miles away.",
    })
    (finding,) = findings_of(report, ClaimKind.COUNT, Status.CONFLICT)
    assert sorted(v.value for v in finding.values) == ["40 mile", "about 45 mile"]


def test_a_count_of_some_of_the_people_is_not_the_toll():
    report = _check({
        "a": "Two female victims were shot inside the Elm Street bar, police said.",
        "b": "Four people were shot inside the Elm Street bar, police said.",
    })
    assert not findings_of(report, ClaimKind.COUNT, Status.CONFLICT)
    assert not findings_of(report, ClaimKind.COUNT, Status.UPDATE)


def test_the_one_child_of_a_kind_each_source_tells_of_is_one_child():
    # Each outlet tells of one toddler, in sentences with little in common and no other age.
    report = _check({
        "a": "A 2-year-old toddler and three adults were taken to hospital after the crash on the ring road.",
        "b": "Among the passengers hurt were two women, a man and a 3-year-old toddler, the fire service said.",
    })
    (finding,) = findings_of(report, ClaimKind.COUNT, Status.CONFLICT)
    assert sorted(v.value for v in finding.values) == ["2 year-old", "3 year-old"]


def test_one_child_of_a_kind_per_source_is_not_one_child_where_a_sentence_says_otherwise():
    # Another age in the sentence, or other people named around each, say these are two children.
    report = _check({
        "a": "A 12-year-old boy was hurt when his 7-year-old brother fired the rifle, deputies said.",
        "b": "Deputies said the boy had been handling the rifle with his 10-year-old brother.",
    })
    assert findings_of(report, ClaimKind.COUNT, Status.CONFLICT) == []
    report = _check({
        "a": "Marlow, who coached at Eastfield, leaves a wife and a 2-year-old boy.",
        "b": "A 6-year-old boy was among those taken to hospital, Chief Ada Brenner said.",
    })
    assert findings_of(report, ClaimKind.COUNT, Status.CONFLICT) == []


def test_others_are_some_of_those_told_of_not_their_toll():
    # "Two other workers were also hurt": besides one told before, so not the three hurt in all.
    report = _check({
        "a": "A worker was hurt when the scaffold fell at the depot. Two other workers were also hurt, the company said.",
        "b": "Three workers were hurt when the scaffold fell at the depot, the company said.",
    })
    assert findings_of(report, ClaimKind.COUNT, Status.CONFLICT) == []
    (part,) = [c for c in report.claims if c.kind is ClaimKind.COUNT and c.source == "a"]
    assert part.value == 2 and part.attr("anchor") == "part"
    # Said without "also", the same: "other" puts someone told before aside.
    report = _check({
        "a": "A worker was hurt when the scaffold fell at the depot. Four other workers were at the depot.",
        "b": "Six workers were at the depot when the scaffold fell, the company said.",
    })
    assert findings_of(report, ClaimKind.COUNT, Status.CONFLICT) == []
    # But after a toll told first in the sentence, the others are all of their own toll.
    report = _check({
        "a": "A worker died and four other workers were hurt when the scaffold fell at the depot.",
        "b": "Three workers were hurt when the scaffold fell at the depot, the company said.",
    })
    assert len(findings_of(report, ClaimKind.COUNT, Status.CONFLICT)) == 1


def test_the_age_of_one_whose_death_is_told_is_not_a_survivors():
    # "the stabbing death of a 41-year-old woman": her age is the dead woman's, not that of
    # the one the other outlet says was treated and sent home.
    report = _check({
        "a": "A neighbour was charged in the stabbing death of a 41-year-old woman on Mill Lane.",
        "b": "Two others, a 43-year-old woman and her son, were treated at the scene and sent home.",
    })
    assert findings_of(report, ClaimKind.COUNT, Status.CONFLICT) == []
    (age,) = [c for c in report.claims if c.source == "a" and c.kind is ClaimKind.COUNT and c.attr("role") == "age"]
    assert age.attr("event") == "death"
