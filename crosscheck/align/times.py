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

from collections.abc import Iterable
from typing import NamedTuple

from ..extract.times import day_offset
from ..model import Claim
from ..vocab import load
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


def compared_event(event: str) -> str:
    """The event a time of this class is set beside: "responded at 2:38" dates the incident."""
    return load("times")["events"].get(event, {}).get("stands_for", event)


def _time_features(claim: Claim) -> _Time:
    said = claim.attr("event") or ""
    return _Time(
        compared_event(said), said, claim.attr("phase") or "", claim.attr("day"),
        "part" if claim.attr("precision") == "part" else "clock", (claim.attr("from"), claim.attr("to")),
        context_of(claim), local_context(claim),
    )


def _phases_fit(a: str, b: str) -> bool:
    return a == b or "end" not in (a, b)


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
    # One event class on one named day is most likely one event; otherwise
    # the sentences or the phase must vouch for it.
    if not day and not same_phase and context < TIME_CONTEXT:
        return 0.0
    # A time of the event itself before one that only stands for it.
    return 1 + context + bool(day) + same_phase + (a.value == b.value) + (a.said == b.said)


def _time_keys(said: _Time) -> Iterable[str]:
    return [f"{said.family}|{said.event}"]


TIME_ALIGNER = Aligner(claim_in_sentence, _time_features, _time_keys, _time_score, True, words_around_first)
