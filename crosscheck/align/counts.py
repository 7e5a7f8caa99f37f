"""When two counts are about the same thing: their frames.

A count's frame is what happened (an event class: killed, injured, arrested,
destroyed ...), what is counted (a class of thing: "people", "victims" and
"others" are all people; "dashcams" are dashboard cameras), how (critically,
fatally), and its anchor (the main event, or a background one such as an
earlier year). Outlets word one fact differently ("12 dead", "a death toll of
12", "killing 12 people"), so counts are aligned on frames rather than on the
words around them; the words around them only break ties and vouch for counts
whose frame says little (a bare "40 minutes").
"""
from __future__ import annotations


from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import NamedTuple

from rapidfuzz import fuzz

from ..model import Claim
from ..text import NO_WORDS, STOPWORDS, lemma, name_tokens, same_name, singular
from ..vocab import event_class, is_personal, load, measure_of, people_words, word_classes
from .core import SentenceAnchors, context_of, jaccard, local_context, named_before, named_words, names_after


def head(subject: str) -> str:
    return singular(subject.split()[-1]) if subject else ""


def _compact(subject: str) -> str:
    return subject.replace("-", "").replace(" ", "")


@lru_cache(maxsize=4096)
def _thing_word(word: str) -> str:
    """A counted noun in its class: "victims" -> "person", "cams" -> "camera"."""
    things = load("things")
    spelled = things["abbreviations"]["words"]
    low = word.lower()
    base = spelled.get(low) or lemma(low)
    base = spelled.get(base, base)
    for cls, entry in things["classes"].items():
        if low in entry["words"] or base in entry["words"]:
            return cls
    return base


@lru_cache(maxsize=4096)
def thing(subject: str) -> tuple[str, frozenset[str]]:
    """The counted thing's class and the words that narrow it.

    A compound written as one word ends with a clipped form ("dashcam"): it is
    split, so it meets "dash camera" (head "camera", narrowed by "dash").
    """
    words = [w for w in subject.replace("-", " ").split() if w not in STOPWORDS]
    if not words:
        return "", frozenset()
    last = words[-1]
    spelled = load("things")["abbreviations"]["words"]
    for clip in sorted(spelled, key=len, reverse=True):
        if last.endswith(clip) and len(last) - len(clip) >= 3:
            words[-1:] = [last[: -len(clip)], clip]
            break
    return _thing_word(words[-1]), frozenset(lemma(w) for w in words[:-1])


def _of_words(phrase: str) -> frozenset[str]:
    """ "counts of attempted murder": what the counted thing is of narrows it too."""
    return frozenset(lemma(w) for w in phrase.replace("-", " ").split() if w not in STOPWORDS)


class CountFrame(NamedTuple):
    subject: str
    compact: str  # the subject without spaces and hyphens
    value: object
    unit: str
    role: str
    event: str  # the event class, "" when the sentence names none
    thing: str  # the counted thing's class
    narrowed: frozenset[str]  # words that narrow the thing: "school" in "school buses"
    of: frozenset[str]  # "aggravated murder" in "two counts of aggravated murder"
    manner: str  # "critically" in "critically wounded": a subset of the wounded
    anchor: str  # "" for the main event, else what sets it apart ("2004": a background year)
    person: str  # for an age, whose age it is, lower case ("" when not named)
    context: frozenset[str]
    local: frozenset[str]
    nearby_events: frozenset[str]  # event classes of the words right around it
    anchors: frozenset[str]  # cross-source groups of people, places, quotes in its sentence
    people: frozenset[str]  # the people of those its sentence names
    alone: bool  # the only count of its thing in its source ("two ladders" and no other ladders;
    # for an age, no other count of that kind of person: "a 2-year-old toddler" and no other toddler)
    landmarks: frozenset[str]  # for a distance, the names right after it: where it runs to or from
    ends: frozenset[str]  # for a distance, its landmarks and the name right before it: both its ends
    sentence_ages: frozenset = NO_WORDS  # for an age, the ages its sentence gives (its own among them)
    names: frozenset = NO_WORDS  # for a count of charges or an age, the words of the names its sentence gives


@lru_cache(maxsize=1)
def _subset_words() -> frozenset[str]:
    return frozenset(load("things")["subsets"]["words"])


def _participle_event(words: Iterable[str]) -> str:
    """The event a participle before the counted noun names: "two slain guards".
    Only inflected forms: a bare modifier ("fire trucks") is rarely an event."""
    classes = word_classes("events")
    for word in words:
        base = lemma(word)
        if base != word and (cls := classes.get(word) or classes.get(base)):
            return cls
    return ""


def event_and_thing(claim: Claim) -> tuple[str, str]:
    """A count's event class and counted thing: "12 deaths" is 12 people killed,
    "two slain guards" two guards killed, "a 15-minute standoff" a standoff
    that lasted 15 minutes."""
    event = event_class(claim.attr("event") or "")
    counted, narrowed = thing(claim.subject)
    event_nouns = load("things")["event_nouns"]["words"]
    if not event and counted in event_nouns:
        event, counted = event_nouns[counted], "person"
    unit = claim.attr("unit") or ""
    if unit in load("things")["durations"]["seconds"] and counted != unit:
        event = "lasted"  # "a 20-minute standoff that occurred ...": how long the standoff went on
    return event or _participle_event(claim.subject.split()[:-1]), counted


def _may_stand_alone(claim: Claim, counted: str) -> bool:
    """Whether a count may be aligned only because its source counts that thing
    once: a count of objects, not of people of some kind (a story counts
    people in many roles), not a measure, not a part of a set ("two of her
    goats"), not another set ("seven other members"), and not a name
    ("10,000 Mormons", "43 RBIs"), which counts a group or a statistic."""
    words = claim.text.lower().split()
    return (
        not claim.attr("unit") and counted not in load("things")["people_nouns"]["words"]
        and "part" not in (claim.attr("anchor") or "").split() and "other" not in words and "another" not in words
        and not any(word[:1].isupper() for word in (claim.attr("noun") or "").split())
    )


def things_per_source(claims: Iterable[Claim]) -> Counter[tuple[str, str]]:
    """How many counts of each thing each source gives."""
    return Counter((claim.source, event_and_thing(claim)[1]) for claim in claims)


def ages_per_sentence(claims: Iterable[Claim]) -> dict[tuple[str, int], frozenset]:
    """The ages each sentence gives."""
    ages: dict[tuple[str, int], set] = defaultdict(set)
    for claim in claims:
        if claim.attr("role") == "age":
            ages[(claim.source, claim.sentence_start)].add(claim.value)
    return {at: frozenset(values) for at, values in ages.items()}


def count_frame(
    claim: Claim, anchors: SentenceAnchors | None = None, per_source: Counter[tuple[str, str]] | None = None,
    ages: dict[tuple[str, int], frozenset] | None = None,
) -> CountFrame:
    local = local_context(claim)
    event, counted = event_and_thing(claim)
    narrowed = thing(claim.subject)[1]

    return CountFrame(
        claim.subject, _compact(claim.subject), claim.value, claim.attr("unit") or "", claim.attr("role") or "",
        event, counted, narrowed, _of_words(claim.attr("of") or ""), claim.attr("manner") or "",
        claim.attr("anchor") or ("elsewhere" if anchors and claim.attr("role") != "age" and anchors.elsewhere(claim) else ""),
        (claim.attr("person") or "").lower(), context_of(claim), local,
        _nearby_events(local),
        anchors.of(claim) if anchors else NO_WORDS,
        anchors.people_of(claim) if anchors else NO_WORDS,
        per_source is not None and per_source[(claim.source, counted)] == 1 and (
            _may_stand_alone(claim, counted) if claim.attr("role") != "age" else not claim.attr("person")
        ),
        *_distance_ends(claim),
        ages.get((claim.source, claim.sentence_start), NO_WORDS) if ages and claim.attr("role") == "age" else NO_WORDS,
        named_words(claim.sentence) if claim.attr("of") or claim.attr("role") == "age" else NO_WORDS,
    )


def _distance_ends(claim: Claim) -> tuple[frozenset[str], frozenset[str]]:
    """A distance's landmarks (the names after it) and both its ends, when the name of
    the place it is measured from stands right before it ("Lafayette, 40 miles northwest
    of Dover" runs between Lafayette and Dover)."""
    if claim.attr("unit") not in load("things")["distances"]["words"]:
        return NO_WORDS, NO_WORDS
    after, origin = names_after(claim), named_before(claim)
    return frozenset(after) or NO_WORDS, (frozenset((after[0], origin)) if after and origin else NO_WORDS)


def _nearby_events(local: frozenset[str]) -> frozenset[str]:
    """The event classes of the words around a count; most words are their own
    class, and then the words' own set stands for it (no copy per count)."""
    classes = frozenset(filter(None, map(event_class, local)))
    return local if classes == local else classes or NO_WORDS


# How much of their sentences two counts must share (Jaccard of context words).
COUNT_CONTEXT_SAME = 0.08
COUNT_CONTEXT_DIFFERENT = 0.2
# A count whose frame names no event links to another value only with this much
# of its nearest words shared.
LOCAL_DIFFERENT = 0.25


# The subject of an age with no noun ("a 14-year-old and an 18-year-old").
_BARE_AGE = frozenset({"person"})


def _age_score(a: CountFrame, b: CountFrame) -> float:
    """Ages (and children) align by whose they are: a named person's age with that person's."""
    if a.value != b.value and a.value in b.sentence_ages and b.value in a.sentence_ages:
        # "a 14-year-old shot his 9-year-old brother" and "the 9-year-old, shot by his
        # 14-year-old brother": both give both ages, of two people the nouns name in turn
        return 0.0
    if a.person and b.person:
        return 2.0 + (a.value == b.value) if same_name(a.person, b.person) else 0.0
    if not a.person and not b.person and a.value != b.value and a.subject in _BARE_AGE and (
        len(a.sentence_ages) > 1 or len(b.sentence_ages) > 1
    ):
        return 0.0  # "a 14-year-old and an 18-year-old were shot": which is which is not said
    if a.person or b.person:
        return 0.0
    if (
        a.alone and b.alone and a.thing == b.thing and a.subject not in _BARE_AGE and a.event == b.event
        and len(a.sentence_ages) == len(b.sentence_ages) == 1
        and not (a.names and b.names and a.names.isdisjoint(b.names))
    ):
        # "a 2-year-old toddler" and "a 3-year-old toddler", where each source tells of one
        # toddler only, in a sentence that gives no other age ("a 12-year-old hurt by his
        # 7-year-old brother") nor names other people than the other's ("Lee, who coached at
        # the school, leaves a 2-year-old son"), and of nothing else done to it: one child, given two ages.
        return 1.0 + jaccard(a.context, b.context)
    return _words_score(a, b)


def _words_score(a: CountFrame, b: CountFrame) -> float:
    """Counts with no frame to go on: the same words around the same thing."""
    context = jaccard(a.context, b.context)
    same_value = a.value == b.value
    if context < (COUNT_CONTEXT_SAME if same_value else COUNT_CONTEXT_DIFFERENT):
        return 0.0
    subject_score = max(fuzz.token_set_ratio(a.subject, b.subject), fuzz.partial_ratio(a.compact, b.compact))
    if same_value:
        linked = subject_score >= 60
    else:
        linked = subject_score >= 90 and jaccard(a.local, b.local) >= LOCAL_DIFFERENT
    return subject_score / 100 + context + same_value if linked else 0.0


def _anyone(frame: CountFrame) -> bool:
    """A count of none of anyone: "no one was arrested", "no arrests"."""
    return frame.value == 0 and frame.thing == "person" and not frame.narrowed


def _none_of_anyone(none: CountFrame, some: CountFrame) -> bool:
    """Whether ``none`` counts no people at all and ``some`` counts people of some kind
    ("two teenagers"): for one event, the two cannot both be so."""
    return _anyone(none) and some.thing in people_words()


# Tallies over a period, a country or several events differ in what they tally as often as
# not: two that differ are one fact only in nearly the same sentence.
WIDER_SAME_SENTENCE = 0.5


def count_score(a: CountFrame, b: CountFrame) -> float:
    """How surely two counts are about one thing; 0 when they are not."""
    if measure_of(a.unit)[0] != measure_of(b.unit)[0] or a.role != b.role or a.anchor != b.anchor:
        return 0.0
    if a.role in ("age", "children"):  # a person's years or children: "a mother of three"
        return _age_score(a, b)
    if a.anchor == "wider" and a.value != b.value and jaccard(a.context, b.context) < WIDER_SAME_SENTENCE:
        return 0.0  # "40 killed on the roads so far this year", "six killed in four crashes": two tallies
    if a.ends and b.ends:
        # "Dover is about 45 miles from Lafayette" and "Lafayette, 40 miles from Dover": one distance
        return 1.0 + jaccard(a.context, b.context) if a.ends == b.ends else 0.0
    if a.landmarks and b.landmarks and a.landmarks.isdisjoint(b.landmarks):
        return 0.0  # "150 miles west, to Lakeview" and "8 miles to a farm in Dover": two distances
    if a.event and b.event and a.event != b.event:
        return 0.0  # five killed and five injured are different counts
    if a.manner != b.manner:
        return 0.0  # "two critically wounded" is a part of "three wounded"
    # "went on for a stretch of about 40 minutes": the event word is near, not where the
    # extractor looks; it counts as the event when it is the other count's.
    implied_a = a.event or (b.event if b.event in a.nearby_events else "")
    implied_b = b.event or (a.event if a.event in b.nearby_events else "")
    if a.thing in load("things")["vague"]["words"] and a.thing == b.thing:
        # "shot six times": how often, of whom the sentence says ("Sgt. Lee was shot eight times").
        if a.anchors & b.anchors and (not implied_a or not implied_b or implied_a == implied_b):
            return 0.5 + jaccard(a.context, b.context)
        return _words_score(a, b)
    if a.of and b.of and a.of != b.of:
        return 0.0  # "counts of murder" and "counts of aggravated murder" are different charges
    if a.of and b.of and a.names and b.names and a.names.isdisjoint(b.names):
        # "Cory Lee was indicted on two counts of murder" and "Ann Cole is charged with four
        # counts of murder": charges are one person's, and neither sentence names the other's
        return 0.0
    same_thing = (
        bool(a.thing) and a.thing == b.thing and (a.narrowed <= b.narrowed or b.narrowed <= a.narrowed)
        # "two female victims" are some of "four people shot"
        and (a.narrowed ^ b.narrowed).isdisjoint(_subset_words())
    )
    if not same_thing and a.event and a.event == b.event and (_none_of_anyone(a, b) or _none_of_anyone(b, a)):
        # "no one has been arrested" and "two teenagers were arrested": none of anyone against some
        return 2.0 + 0.4 * jaccard(a.context, b.context)
    if not same_thing or a.thing == a.unit:
        # A bare measure ("40 minutes") or two things of other names: the same
        # event in the same unit ("the standoff lasted 40 minutes", "a 55-minute
        # standoff spanning ..."), else only the words around them, say they are one fact.
        bare = a.thing == a.unit or b.thing == b.unit
        context = jaccard(a.context, b.context)
        if a.unit and bare and implied_a and implied_a == implied_b and (
            # "lasted 30 minutes" and "a three-hour siege": other units, so other words must say it
            a.unit == b.unit or context >= COUNT_CONTEXT_DIFFERENT
        ):
            return 0.5 + context
        return _words_score(a, b)
    if a.thing != "person" and a.people and b.people and a.people.isdisjoint(b.people):
        # "Reyes's bail of $30,000" and "Cole's bail of $100,000", "Lee faces four counts of
        # murder" and "Cole was indicted on two counts of murder": two people's
        return 0.0
    context = jaccard(a.context, b.context)
    same_value = a.value == b.value
    same_event = bool(implied_a) and implied_a == implied_b
    stated = same_event and a.event == b.event  # both name it where it belongs, not only nearby
    # Links merge strongest first, in tiers (the words around them only order
    # links within a tier: context adds at most 0.4). The same event named by
    # both comes first, so a source's "4 injured" does not lose its place to its
    # own "3" whose event is only nearby; then equal values, so "6 rifles seized
    # today" is not taken by the group of "14 rifles seized so far".
    if same_value:
        return (3.0 if stated else 1.75 if same_event else 1.5) + 0.4 * context
    if same_event:
        return (2.0 if stated else 1.0) + 0.4 * context  # the same thing happened to the same kind of thing
    local = jaccard(a.local, b.local)
    if not implied_a and not implied_b and a.thing not in people_words():
        # Neither names an event, and the thing is a named kind ("rifles"), not people, whom a
        # story counts in many roles ("two armed fans" and "a crowd of 80 fans" are two groups):
        # some shared words suffice, or that each source counts that thing only once.
        linked = local >= LOCAL_DIFFERENT or context >= COUNT_CONTEXT_SAME or (a.alone and b.alone)
    else:
        # One side names no event: the words near the number and the sentence must vouch for it.
        linked = local >= LOCAL_DIFFERENT and context >= COUNT_CONTEXT_DIFFERENT
    return 0.5 + context if linked else 0.0


def count_subject(subject: str, claims: Sequence[Claim]) -> str:
    """What a group of counts is about, as a reader would say it: "people
    killed", "rifles seized", "age of Ann Lee", "standoff (minutes)"."""
    people = Counter(c.attr("person") for c in claims if c.attr("role") == "age" and c.attr("person"))
    if any(c.attr("role") == "age" for c in claims):
        return f"age of {min(people, key=lambda p: (-people[p], -len(p), p))}" if people else f"age of {subject}"
    units = Counter(c.attr("unit") for c in claims if c.attr("unit"))
    if units:
        unit = min(units, key=lambda u: (-units[u], u))
        return plural_noun(unit) if subject == unit else f"{subject} ({plural_noun(unit)})"
    events = Counter(e for c in claims if (e := event_class(c.attr("event") or "")) in load("events"))
    noun = plural_noun(subject)
    if not events:
        return noun
    event = min(events, key=lambda e: (-events[e], e))
    return f"{noun} {event}"


def plural_noun(subject: str) -> str:
    """ "person" -> "people", "city" -> "cities": the counted noun as a count reads it."""
    words = subject.split()
    if not words:
        return subject
    last = words[-1]
    irregular = load("things")["plurals"]["words"]
    if last in irregular:
        plural = irregular[last]
    elif last.endswith("y") and last[-2:-1] not in "aeiou":
        plural = last[:-1] + "ies"
    elif last.endswith(("s", "x", "z", "ch", "sh")):
        plural = last + "es"
    else:
        plural = last + "s"
    return " ".join(words[:-1] + [plural])


def count_event(frame: CountFrame) -> str | None:
    """A group of counts is about one event: "5 dead" and "5 hurt" never share one. A named
    person's age is that person's, whatever the sentence's verb ("stopped the 40-year-old
    Lee", "overcoming 41-year-old Lee")."""
    return None if frame.role == "age" and frame.person else frame.event or None


def count_keys(frame: CountFrame) -> Iterable[str]:
    if frame.role == "age" and frame.person:
        names = name_tokens(frame.person) or [""]
        yield f"age|{names[-1]}"  # "Penn Jr." is Penn
        if len(names) == 3:  # "Ana Ruiz Soto" is "Ana Ruiz" too (text.same_name)
            yield f"age|{names[1]}"
        return
    measure = measure_of(frame.unit)[0]  # "90 minutes" and "an hour" meet
    yield f"{measure}|{head(frame.subject)}"
    if frame.thing:
        yield f"{measure}|={frame.thing}"
    if frame.thing and frame.event:
        # The frame itself: a story's "people" are too many for one bucket, its "people injured" are not.
        yield f"{measure}|={frame.thing}@{frame.event}"
    if frame.unit and frame.event:  # "lasted 40 minutes" and "a 55-minute standoff spanning ..."
        yield f"{measure}|@{frame.event}"
    if frame.event and is_personal(frame.event) and (_anyone(frame) or frame.thing in people_words()):
        yield f"{measure}|anyone@{frame.event}"  # "no one was arrested" meets "two teenagers were arrested"
    # "dashcams" and "dashboard cameras": the first four letters of each
    # subject word also block, so compounds written differently can meet.
    for word in frame.subject.replace("-", " ").split():
        if len(word) >= 4:
            yield f"{measure}|~{word[:4]}"
