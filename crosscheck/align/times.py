"""When two times of day are about the same thing: the same event, phase and day.

A time's event is a class of timed events (the incident itself, the call that
reported it, the responders' arrival, an arrest, a briefing ...), read by the
extractor from the words next to it (crosscheck/vocab/times.yaml). The start
and the end of one event are two facts ("the shooting began at 4:50", "the
gunfire ended at 5:31"); a time that names no phase may be either's start.
A time with no event word is aligned only with one in nearly the same sentence.
Clock times are aligned with clock times and parts of the day with parts of
the day: a source that says both "early Monday" and "4:50 a.m." would
otherwise be judged by its vaguer words.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import NamedTuple

from ..extract.times import DAY_MINUTES, day_offset
from ..model import Claim
from ..vocab import compared_event
from .core import Aligner, claim_in_sentence, context_of, jaccard, local_context, words_around_first

# Times that name no event are aligned only in sentences this alike.
SAME_SENTENCE = 0.5
# Without a day on both sides, two times of one event class must share this
# much of their sentences (Jaccard of context words), or say the same phase.
TIME_CONTEXT = 0.2


class _Time(NamedTuple):
    event: str  # the event the time is compared as: a response's is the incident's
    said: str  # the event class the source names
    phase: str
    day: str | None  # an ISO date, a weekday name, or None
    family: str  # "clock" or "part"
    value: tuple[str | None, str | None]
    context: frozenset[str]
    local: frozenset[str]
    alone: bool = False  # its source gives no other time of this event, phase and family


def _slot(claim: Claim) -> tuple[str, str, str]:
    """What a time is the time of: the event it is compared as, its phase, clock or part of the day."""
    return (
        compared_event(claim.attr("event") or ""), claim.attr("phase") or "",
        "part" if claim.attr("precision") == "part" else "clock",
    )


def times_per_source(claims: Iterable[Claim]) -> Counter[tuple]:
    """How many times of each slot each source gives."""
    return Counter((claim.source, _slot(claim)) for claim in claims)


def time_features(claim: Claim, per_source: Counter[tuple] | None = None) -> _Time:
    event, phase, family = _slot(claim)
    return _Time(
        event, claim.attr("event") or "", phase, claim.attr("day"), family, (claim.attr("from"), claim.attr("to")),
        context_of(claim), local_context(claim),
        bool(event) and per_source is not None and per_source[(claim.source, (event, phase, family))] == 1,
    )


def _phases_fit(a: str, b: str) -> bool:
    return a == b or "end" not in (a, b)


# Two sources' only times of one event, their sentences sharing nothing, are one
# time when no further apart than this: hours apart, they more likely date two
# events (two shootings of a spree) than disagree by hours.
ALONE_MINUTES = 120


def _near(a: _Time, b: _Time) -> bool:
    """Whether two times of day lie within ALONE_MINUTES of each other, across midnight too."""
    try:
        (a_from, a_to), (b_from, b_to) = (int(x) for x in a.value), (int(x) for x in b.value)
    except (TypeError, ValueError):
        return False
    gap = max(0, max(a_from, b_from) - min(a_to, b_to))
    return min(gap, DAY_MINUTES - gap) <= ALONE_MINUTES


def _time_score(a: _Time, b: _Time) -> float:
    if a.event != b.event or a.family != b.family or not _phases_fit(a.phase, b.phase):
        return 0.0
    offset = day_offset(a.day, b.day)
    if offset:
        return 0.0
    day = offset == 0
    context = jaccard(a.context, b.context)
    if not a.event:
        # No event word: only the same sentence, give or take a few words, says it is one time.
        return 1 + context + (a.value == b.value) if context >= SAME_SENTENCE else 0.0
    same_phase = bool(a.phase) and a.phase == b.phase
    # One event class on one named day is most likely one event; otherwise the
    # sentences or the phase must vouch for it, or each source must give only
    # this one time of it ("the shooting happened about 3:50 p.m.").
    if not day and not same_phase and context < TIME_CONTEXT and not (a.alone and b.alone and _near(a, b)):
        return 0.0
    # A time of the event itself before one that only stands for it.
    return 1 + context + bool(day) + same_phase + (a.value == b.value) + (a.said == b.said)


def _time_keys(said: _Time) -> Iterable[str]:
    return [f"{said.family}|{said.event}"]


TIME_ALIGNER = Aligner(claim_in_sentence, time_features, _time_keys, _time_score, True, words_around_first)
