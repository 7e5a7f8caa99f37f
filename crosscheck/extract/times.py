"""Times of day a source gives, as intervals, with the day and the event each belongs to.

Three forms are read: clock times ("3:25 a.m.", "about 5 p.m.", "noon",
"0915 GMT", "9:15 local time"), which need an a.m./p.m. or a zone so that a
score ("3-2"), a verse ("3:16") or a year is never read as one; parts of the
day tied to a day ("Sunday night", "early Saturday morning", "late Friday",
"this morning"); and "between 1 and 2 a.m.". "Tonight" is not read: without
the hour of publication it may be the night that ends or the one that begins
that day. The vocabulary (spans of the parts of the day, qualifiers, zones,
event words) is crosscheck/vocab/times.yaml.

A claim's value is the time as it reads in a report ("about 04:50, Monday
2031-03-10"); its interval is in the attrs ``from`` and ``to``, minutes after
midnight of ``day`` (``to`` past 1440 runs into the next day, ``from`` below
0 into the day before). Days are weekdays or dates next to the time, resolved
against the publication date as dates.py resolves them.
"""
from __future__ import annotations

import bisect
import re
from collections import defaultdict
from datetime import date
from functools import cache

from ..cache import compiled_regex
from ..model import Claim, ClaimKind, Document, Sentence, make_attrs
from ..text import MONTHS, alternation, longest_first, singular
from ..vocab import load, opens_on_another_event, timed_classes
from .dates import (
    AUXILIARIES, DATE_PREPOSITIONS, DETERMINERS, WEEKDAYS, _TOKEN, _candidates, _form, _is_dateline, _is_verb,
    _nearest, is_clause_break, is_post_stamp, labelled, normalize, post_days, reference_day,
)

DAY_MINUTES = 24 * 60
# What may stand between an event word and its own verb: "was held", "shot or wounded".
_PREDICATE_GLUE = AUXILIARIES | {"and", "or"}
# How far around a time a day that belongs to it may stand ("Monday, at about 4:50 a.m.").
DAY_WINDOW = 40
_DAY_BEFORE_GAP = compiled_regex(r"(?:,?\s+(?:at|around|about|from|on)?)*\s*$")
_DAY_AFTER_GAP = compiled_regex(r"[,\s]*(?:on\s+)?")


def vocab_minutes(hhmm: str) -> int:
    """Minutes after midnight of an "HH:MM" the vocabulary gives (times.yaml parts, named)."""
    hours, minutes = hhmm.split(":")
    return int(hours) * 60 + int(minutes)


# "the call about the shooting": an event noun whose own event is named after it.
_ARTICLES = frozenset({"the", "a", "an"})
_OF_EVENT = frozenset({"about", "of", "reporting", "in"})


@cache
def _vocab() -> dict:
    """The vocabulary, with its regexes compiled (once per process)."""
    entries = load("times")
    weekday = "|".join(w.capitalize() for w in WEEKDAYS)
    parts = "|".join(longest_first({name.split()[-1] for name in entries["parts"]}))
    zones = alternation(entries["zones"])
    qualifier = {w: kind for kind, words in entries["qualifiers"].items() for w in words}
    zone = rf"\s*(?:{zones})\b|\s+local\s+time\b"
    meridiem = r"[aApP]\.?\s?[mM]\b\.?"
    meridiem_part = r"in\s+the\s+(?:morning|afternoon|evening)|this\s+(?:morning|afternoon|evening)|at\s+night|tonight|last\s+night"
    # A number is a time only with an a.m./p.m., a zone, or a part of the day after it.
    # Each pattern opens with a lookahead for its possible first letters: the
    # engine then skips most positions at once (four times faster on news text).
    clock = compiled_regex(
        rf"""
        (?=[\dNnMm])(?<![\w$.,:/-])
        (?: (?P<h>\d{{1,2}})(?:[:.](?P<m>[0-5]\d))?(?![\d:]|\.\d)
            (?: \s*(?P<mer>{meridiem}) | (?=\s+(?P<merpart>{meridiem_part})\b) | (?={zone}) )
          | (?P<h24>[01]\d|2[0-3]):?(?P<m24>[0-5]\d)(?={zone})
          | (?P<named>[Nn]oon|[Mm]idnight)\b )
        (?:\s*(?P<zone>{zones})\b|\s+local\s+time\b)?
        """,
        re.VERBOSE,
    )
    part = compiled_regex(
        rf"""
        (?=[EeLlTtNnMWFSma])\b(?: (?:(?P<edge>[Ee]arly|[Ll]ate)\s+)?(?:(?P<wdmod>last|this|next)\s+)?(?P<wd>{weekday})
              (?:\s+(?:(?P<pmod>early|late)\s+)?(?P<part>{parts}))?
            | (?:(?P<pmod2>[Ee]arly|[Ll]ate)\s+)?(?P<part2>{parts})
              (?:\s+hours)?\s+(?:of\s+|on\s+)?(?P<wd2>{weekday})
            | (?P<rel>[Tt]his\s+(?:morning|afternoon|evening)|[Ll]ast\s+night) )
        (?:['’]?s)?\b
        """,
        re.VERBOSE,
    )
    events = timed_classes()
    phases = {w: phase for phase, words in entries["phases"].items() for w in words}
    return {
        "entries": entries, "clock": clock, "part": part, "events": events, "phases": phases,
        "support": frozenset(entries["support_verbs"]),
        "not_before": frozenset(entries["negations"]) | frozenset(entries["states_before"]),
        "qualifier": qualifier, "qualifier_re": compiled_regex(rf"\b(?P<q>{alternation(qualifier)})\s+$", re.IGNORECASE),
        "not_event": compiled_regex(rf"\b{labelled(entries['not_events'] + load('boilerplate')['stamp_labels'])}$"),
        "bound": compiled_regex(rf"\b(?P<b>{alternation(entries['bounds'])})\s+$", re.IGNORECASE),
        "offset": compiled_regex(r"\b(?:minutes|hours)\s+(?:before|after)\s+$", re.IGNORECASE),
        "between": compiled_regex(
            r"\b[Bb]etween\s+(?P<h>\d{1,2})(?:[:.](?P<m>[0-5]\d))?(?:\s*(?P<mer>[aApP])\.?\s?[mM]\b\.?)?\s+and\s+$"
        ),
    }


def _clock_minutes(match: re.Match) -> tuple[int, str] | None:
    """(minutes after midnight, precision) of a clock match, or None for no such time."""
    g = match.group
    if g("named"):
        return vocab_minutes(load("times")["named"][g("named").lower()]), "hour"
    if g("h24"):
        return int(g("h24")) * 60 + int(g("m24")), "minute"
    hour, minute = int(g("h")), int(g("m") or 0)
    if g("mer") or g("merpart"):
        if not 1 <= hour <= 12:
            return None
        pm = g("mer")[0].lower() == "p" if g("mer") else not g("merpart").endswith("morning") and not (
            g("merpart").endswith("night") and hour < 6
        )
        hour = hour % 12 + (12 if pm else 0)
    elif hour > 23:
        return None
    return hour * 60 + minute, "minute" if g("m") and minute else "hour"


def _interval(minutes: int, precision: str, qualifier: str) -> tuple[int, int]:
    entries = load("times")
    if qualifier == "about":
        # "about 10:30" is a time rounded to the half hour, nearly as loose as "about 10"
        widen = entries["about_minutes"]["half_hour" if precision == "minute" and minutes % 30 == 0 else precision]
        return minutes - widen, minutes + widen
    reach = entries["reach"].get(qualifier)
    if qualifier.endswith("before"):
        return minutes - reach, minutes
    if qualifier.endswith("after"):
        return minutes, minutes + reach
    if precision == "hour" or minutes % 30 == 0:
        # "10:30 p.m." with no "about" is still often rounded: "10:31 p.m." elsewhere agrees
        widen = entries["round_minutes"]
        return minutes - widen, minutes + widen
    return minutes, minutes


def _hhmm(minutes: int) -> str:
    return f"{minutes // 60 % 24:02d}:{minutes % 60:02d}"


def _day_of(value: str, precision: str) -> str | None:
    """The day a normalized date names: an ISO date, or a weekday name not yet placed."""
    if precision == "day" and value[0].isdigit():
        return value
    return value if precision == "weekday" else None


def _date_next_to(text: str, start: int, end: int, sentence: Sentence, published: str | None) -> tuple[str | None, int, int]:
    """(day, start, end): a date standing right before or after ``text[start:end]``
    ("Monday, about 4:50 a.m.", "3:25 a.m. Monday", "4:50 a.m. on March 10"),
    with the claim's span widened over it; (None, start, end) when there is none."""
    after = _DAY_AFTER_GAP.match(text, end, sentence.end).end()
    for match in _candidates(text[after : min(sentence.end, after + DAY_WINDOW)]):
        if match.start() == 0:
            day = _resolve(match, published)
            if day:
                return day, start, after + match.end()
        break
    window_start = max(sentence.start, start - DAY_WINDOW)
    window = text[window_start:start]
    gap = _DAY_BEFORE_GAP.search(window)
    for match in _candidates(window[: gap.start()] if gap else window):
        if match.end() == (gap.start() if gap else len(window)):
            day = _resolve(match, published)
            if day:
                return day, window_start + match.start(), end
    return None, start, end


def day_offset(a: str | None, b: str | None) -> int | None:
    """Days from day ``a`` to day ``b`` (ISO dates or weekday names), or None when either is unknown.

    Between weekday names, or a name and a date, the nearest such day is meant:
    "Sunday" to "Monday" is 1, "Sunday" to "Saturday" is -1.
    """
    if a is None or b is None:
        return None
    if a[0].isdigit() and b[0].isdigit():
        return (date.fromisoformat(b) - date.fromisoformat(a)).days
    steps = (_weekday_index(b) - _weekday_index(a)) % 7
    return steps - 7 if steps > 3 else steps


def _weekday_index(day: str) -> int:
    return date.fromisoformat(day).weekday() if day[0].isdigit() else WEEKDAYS.index(day.lower())


def _resolve(match: re.Match, published: str | None) -> str | None:
    form, parts, _ = _form(match)
    normal = normalize(form, parts, published)
    return _day_of(normal[0], normal[1]) if normal else None


def _weekday_day(name: str, modifier: str, published: str | None) -> str | None:
    value, precision, _, _ = normalize("wd", (WEEKDAYS.index(name.lower()), modifier), published)
    return _day_of(value, precision)


def _show(shown: str, zone: str, day: str | None) -> str:
    """A time as reports show it: "about 04:50 CDT, Monday 2031-03-10"."""
    text = f"{shown} {zone}" if zone else shown
    if not day:
        return text
    if day[0].isdigit():
        return f"{text}, {date.fromisoformat(day).strftime('%A')} {day}"
    return f"{text}, {day}"


def _dated_noun(tokens: list[str], at: int, found: int) -> bool:
    """An event word after the time with a date of its own before it ("arrested at 1:26 p.m.
    in connection with a March 2 shooting", "the Monday robbery"): the time is not its."""
    i = found - 1
    while i > at and (tokens[i][0].isdigit() or _day_word(tokens[i])):
        i -= 1
    return i < found - 1 and any(_day_word(t) for t in tokens[i + 1 : found]) and tokens[i].lower() in DETERMINERS


def _day_word(token: str) -> bool:
    low = token.lower().removesuffix("'s").removesuffix("’s").rstrip(".")
    return low in MONTHS or low in WEEKDAYS


def _event(tokens: list[str], at: int) -> tuple[str, str, str]:
    """(class, phase, subject) of the event the time at token ``at`` of its clause belongs to.

    The event word is found as dates.py finds a date's verb: left in the
    clause, else right; with another verb between them, the time is that
    verb's. A start or end word next to it or between it and the time gives
    the phase ("the shooting began at ..."). An event called "another" or
    "separate" is not the story's, and a class marked ``alone`` aligns only
    in nearly the same sentence: both get no class.
    """
    vocab = _vocab()
    events, phases = vocab["events"], vocab["phases"]
    before = at - 1
    if before >= 0 and tokens[before].lower() in DATE_PREPOSITIONS:
        before -= 1
    not_before = vocab["not_before"]
    found = _nearest(  # "arrested without incident": no incident; "which is located": no finding
        tokens, before, at, lambda t, i: t[i].lower() in events and not (i and t[i - 1].lower() in not_before)
    )
    if found is None:
        return "", "", ""
    named = found  # the event word whose class the time is given: "the call about the shooting" names the call
    if found >= 3 and tokens[found - 1].lower() in _ARTICLES and tokens[found - 2].lower() in _OF_EVENT \
            and tokens[found - 3].lower() in events:
        named = found - 3

    def other_verb(i: int) -> bool:
        """A verb of another event; not the event's own ("a vigil was held at ...")."""
        low = tokens[i].lower()
        if low in phases or low in events or not _is_verb(tokens, i):
            return False
        if low in vocab["support"] and i < found <= i + 3:
            return False  # "received a call", "got a 911 call": the verb only carries the event noun
        if i == found + 2 and tokens[found + 1].lower() == "to":
            return False  # "a call to report to 12 Elm St. at 7:10": what the call asked
        between = tokens[found + 1 : i] if found < i else ["-"]
        return not all(t.lower() in _PREDICATE_GLUE or t.lower().endswith("ly") for t in between)

    # "took the victim to hospital at 8:10 a.m. after the crash": the time is the verb's.
    if any(other_verb(i) for i in range(min(found, at), max(found, at))):
        return "", "", ""
    if found > at and any(_is_verb(tokens, i) for i in range(at)):
        return "", "", ""  # a verb before the time in its clause has it, as dates.py gives a date
    if found > at and _dated_noun(tokens, at, found):
        return "", "", ""
    if any(t.lower() in vocab["entries"]["other_event"] for t in tokens[:found]):
        return "", "", ""
    cls = _class_named(tokens, named)
    if found < at and _reported_passive(tokens[found + 1 : at]):
        cls = "reported"  # "the fire was reported just after 9 p.m.": when the police heard of it
    if vocab["entries"]["events"][cls].get("alone"):
        return "", "", ""
    low, high = (found - 2, at) if found < at else (at, found + 1)
    phase_at = next(
        # next to the event word or the time: "at the beginning of the standoff and then two hours in,
        # at 3:30" is not when it began
        (i for i in range(max(low, 0), high) if tokens[i].lower() in phases and min(abs(i - found), abs(at - i)) <= PHASE_REACH),
        None,
    )
    word = singular(tokens[named].lower())
    if phase_at is None:
        return cls, "", word
    phase = phases[tokens[phase_at].lower()]
    pair = (tokens[phase_at].lower(), word) if phase_at < found else (word, tokens[phase_at].lower())
    return cls, phase, " ".join(pair)


def _reported_passive(between: list[str]) -> bool:
    """Whether the words between an event word and its time hold "was reported" or "were reported"."""
    passive = _vocab()["entries"]["passive_reports"]
    return any(word.lower() in passive and before.lower() in ("was", "were") for before, word in zip(between, between[1:]))


def _class_named(tokens: list[str], at: int) -> str:
    """The timed class of the event word at ``at``: an arrival of responders the clause names
    before it ("officers arriving at 7:30") is their response (times.yaml ``by_responders``)."""
    cls = _vocab()["events"][tokens[at].lower()]
    entry = _vocab()["entries"]["events"][cls]
    if "by_responders" in entry:
        for i in range(at - 1, -1, -1):
            if is_clause_break(tokens, i):
                break
            if tokens[i].lower() in entry["responders"]:
                return entry["by_responders"]
    return cls


# How many words from the event word or the time a phase word ("began", "ended") may stand.
PHASE_REACH = 4


@cache
def _adjunct_words() -> frozenset[str]:
    """Lower-case words a place or a day set off by commas may hold (times.yaml adjunct_words,
    streets.yaml directions), and the commas of a list of names."""
    return frozenset(_vocab()["entries"]["adjunct_words"]) | frozenset(load("streets")["directions"]) | {","}


def _clause_before_adjuncts(tokens: list[str], breaks: list[int]) -> list[str]:
    """For a time set off by a comma with no verb of its own before it, after perhaps places
    and days set off by commas too ("two men were firing shots outside the diner, shortly after
    1 a.m.", "went to the site of the stabbing, at 12 Elm St., in Eastbrook, Tuesday, shortly
    after 9 p.m."), the clause before them, which the time belongs to; else nothing."""
    if not breaks or any(_is_verb(tokens, i) for i in range(breaks[-1] + 1, len(tokens))):
        return []
    k = len(breaks) - 1
    while k >= 1 and all(
        t[0].isupper() or t[0].isdigit() or t.lower() in _adjunct_words() for t in tokens[breaks[k - 1] + 1 : breaks[k]]
    ):
        k -= 1
    if tokens[breaks[k]] != ",":
        return []  # a dash, a parenthesis or a quote sets off more than an adverbial
    main = tokens[(breaks[k - 1] + 1 if k >= 1 else 0) : breaks[k]]
    events = _vocab()["events"]
    # Only a clause that tells of something ("and then about an hour in, at 3:30" does not).
    return main if any(t.lower() in events or _is_verb(main, i) for i, t in enumerate(main)) else []


def _opens_on_another_event(tokens: list[str]) -> bool:
    """A sentence that opens on another event ("Earlier Sunday, ...", "In a separate shooting, ..."):
    its times are that event's, whatever the clause of the time names."""
    return "," in tokens and opens_on_another_event(tokens[: tokens.index(",")])


def _claim(doc: Document, sentence: Sentence, start: int, end: int, frm: int, to: int, shown: str,
           precision: str, qualifier: str, zone: str, day: str | None, bound: str = "") -> Claim:
    text = doc.text
    tokens_left = _TOKEN.findall(text, sentence.start, start)
    # The time's own clause on the left: an event word past a comma is another clause's.
    breaks = [i for i in range(len(tokens_left)) if is_clause_break(tokens_left, i)]
    clause = breaks[-1] + 1 if breaks else 0
    main = _clause_before_adjuncts(tokens_left, breaks)
    tokens = main + tokens_left[clause:] + _TOKEN.findall(text, end, sentence.end)
    event, phase, subject = _event(tokens, len(main) + len(tokens_left) - clause)
    if clause and _opens_on_another_event(tokens_left[:clause]):
        event, phase, subject = "", "", ""
    phase = bound or phase
    return doc.claim(
        ClaimKind.TIME, subject, _show(shown, zone, day), start, end, sentence=sentence,
        attrs=make_attrs(
            ClaimKind.TIME,
            **{"from": frm, "to": to}, precision=precision, qualifier=qualifier, zone=zone, day=day,
            resolved="no" if day and not day[0].isdigit() else None, event=event, phase=phase,
        ),
    )


def _clock_claims(
    doc: Document, sentence: Sentence, matches: list[re.Match], posted: list[tuple[int, str]],
) -> list[Claim]:
    vocab = _vocab()
    text = doc.text
    claims = []
    previous_end = -1
    for match in matches:
        read = _clock_minutes(match)
        # "5:45 p.m. local time (6:45 p.m. ET)": the second is the first in another zone.
        converted = re.fullmatch(r"\s*\(\s*", text[previous_end : match.start()]) is not None
        previous_end = match.end()
        if read is None or converted:
            continue
        minutes, precision = read
        start, end = match.start(), match.end()
        if match["named"] and match["named"][0].isupper() and start > sentence.start:
            continue  # "Noon" inside a sentence is a name
        head = text[max(sentence.start, start - 30) : start]
        if vocab["offset"].search(head):
            continue  # "20 minutes after midnight": a time counted from this one
        between = vocab["between"].search(head)
        qualified = vocab["qualifier_re"].search(head)
        if between:
            first = int(between["h"]) % 12 * 60 + int(between["m"] or 0)
            if between["mer"]:
                first += 720 if between["mer"].lower() == "p" else 0
            else:  # "between 11 and 1 a.m.": the first hour may be on the other side of noon or midnight
                first += (minutes // 720) * 720 if first <= minutes % 720 else (minutes // 720 - 1) * 720
            frm, to, qualifier = first, minutes, ""
            start -= len(head) - between.start()
            if claims and claims[-1].start >= start:
                claims.pop()  # "between 2:45 a.m. and 3 a.m.": its first time was read alone
            shown = f"{_hhmm(frm)}-{_hhmm(to)}"
        else:
            qualifier = vocab["qualifier"][" ".join(qualified["q"].lower().split())] if qualified else ""
            if qualified:
                start -= len(head) - qualified.start()
            frm, to = _interval(minutes, precision, qualifier)
            shown = f"{qualifier} {_hhmm(minutes)}".strip()
        lead = text[max(sentence.start, start - 40) : start]
        if vocab["not_event"].search(lead) or is_post_stamp(text, max(sentence.start, start - 40), start):
            continue  # "UPDATE 9:40 p.m.", "as of 3 p.m.", a post's "(@annlee) ... at 5:40pm": no time of an event
        bound = vocab["bound"].search(lead)
        zone = match["zone"] or ""
        published = reference_day(text, end, posted, doc.source.published)
        day, start, end = _date_next_to(text, start, end, sentence, published)
        if match["named"] and match["named"].lower() == "midnight":
            day = None  # "midnight Saturday" may open or close Saturday: no day is safer than a wrong one
        claims.append(_claim(
            doc, sentence, start, end, frm, to, shown, precision, qualifier, zone, day,
            bound=vocab["entries"]["bounds"][bound["b"].lower()] if bound else "",
        ))
    return claims


def _quoted(text: str, start: int, offset: int) -> bool:
    """Whether ``offset`` stands inside a quotation that opened after ``start``."""
    before = text[start:offset]
    return (before.count('"') + before.count("“") + before.count("”")) % 2 == 1


def _part_claims(
    doc: Document, sentence: Sentence, matches: list[re.Match], taken: list[tuple[int, int]],
    posted: list[tuple[int, str]],
) -> list[Claim]:
    entries = _vocab()["entries"]
    text = doc.text
    claims = []
    for match in matches:
        published = reference_day(text, match.end(), posted, doc.source.published)
        if any(s < match.end() and match.start() < e for s, e in taken):
            continue  # "4:50 this morning": the part only says a.m.
        g = match.group
        if g("rel") and _quoted(text, sentence.start, match.start()):
            continue  # "last night" in a quotation is the night before it was said, not before publication
        if g("rel"):
            phrase = " ".join(g("rel").lower().split())
            value, precision, _, _ = normalize("rel", (phrase,), published)
            day = _day_of(value, precision)
            part, edge = phrase.split()[-1], ""
        else:
            day = _weekday_day(g("wd") or g("wd2"), g("wdmod") or "", published)
            part = g("part") or g("part2")
            edge = (g("edge") or g("pmod") or g("pmod2") or "").lower()
            if not part and not edge:
                continue  # a bare weekday is a date, not a time of day
        if part:
            name = f"{edge} {part}" if f"{edge} {part}" in entries["parts"] else part
            span = entries["parts"][name]
        else:
            name, span = edge, entries["day_edges"][edge]
        frm, to = vocab_minutes(span[0]), vocab_minutes(span[1])
        if to <= frm:
            to += DAY_MINUTES
        shown = f"{name} ({span[0]}-{span[1]})"
        claims.append(_claim(doc, sentence, match.start(), match.end(), frm, to, shown, "part", "", "", day))
    return claims


def _by_sentence(doc: Document, pattern: re.Pattern) -> dict[int, list[re.Match]]:
    """The pattern's matches in each sentence (one scan of the whole text: most sentences have none)."""
    starts = [s.start for s in doc.sentences]
    found: dict[int, list[re.Match]] = defaultdict(list)
    for match in pattern.finditer(doc.text):
        index = bisect.bisect_right(starts, match.start()) - 1
        if index >= 0 and match.end() <= doc.sentences[index].end:
            found[index].append(match)
    return found


def extract_times(doc: Document) -> list[Claim]:
    """Time-of-day claims of ``doc`` in text order (see the module docstring)."""
    vocab = _vocab()
    clocks, parts = _by_sentence(doc, vocab["clock"]), _by_sentence(doc, vocab["part"])
    claims: list[Claim] = []
    posted = post_days(doc.text)
    for index in sorted(clocks.keys() | parts.keys()):
        sentence = doc.sentences[index]
        found = _clock_claims(doc, sentence, clocks.get(index, []), posted)
        found += _part_claims(doc, sentence, parts.get(index, []), [(c.start, c.end) for c in found], posted)
        if found and not _is_dateline(sentence, [(c.start, c.end) for c in found]):
            claims.extend(found)
    claims.sort(key=lambda c: (c.start, c.end))
    return claims
