"""Dates a source gives, at their true precision, with the event each is the date of.

Candidates are found with one precompiled regular expression (a library date
search finds "we", "now" or "$300M" in news text); each form already says which
parts it carries, so normalizing is plain calendar arithmetic. Expressions that
need an anchor ("Wednesday", "in January", "March 15", "yesterday") are resolved
against the publication date only when it is known, never against today.
"""
from __future__ import annotations

import bisect
import calendar
import re
from datetime import date, timedelta
from functools import cache, lru_cache
from itertools import islice

from ..cache import compiled_regex
from ..model import Claim, ClaimKind, Document, Sentence, make_attrs
from ..text import MONTHS, NEGATION, STOPWORDS, alternation, longest_first, singular
from ..vocab import load as load_vocab
from ..vocab import say_verbs

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def _cased(names: list[str]) -> str:
    """Capitalized or upper-case spellings only, so the modal "may" is never a month."""
    return "|".join(longest_first({v for n in names for v in (n.capitalize(), n.upper())}))


_FULL_MONTH = _cased([n for n in MONTHS if len(n) > 3 or n == "may"])
_ABBR_MONTH = _cased([n for n in MONTHS if len(n) <= 4 and n != "may"])
# A month name, or an abbreviation ("Sept.", "Dec") when a day or year follows.
_MONTH = rf"(?:(?:{_FULL_MONTH})\b|(?:{_ABBR_MONTH})(?:\.|\b))"
_WEEKDAY = rf"(?:{_cased(list(WEEKDAYS))})"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:1[89]\d\d|20\d\d)"
_WD_PREFIX = rf"(?:{_WEEKDAY},?\s+)?"  # "Wednesday, March 13, 2024" is one date
_MD_WEEKDAY = rf"(?:(?P<md_wd>{_WEEKDAY}),?\s+)?"  # "Sunday, Nov. 15": the weekday tells the year


def _after(words: str) -> str:
    """A lookbehind for any of ``words`` (lower or capitalized) then one space: the date starts after it."""
    variants = {v for w in words.split() for v in (w, w.capitalize())}
    space = r"\s"  # the pattern is verbose: a plain space would be ignored
    tails = (re.escape(v).replace("_", space) + ("" if v.endswith("-") else space) for v in sorted(variants))
    return "(?:" + "|".join(rf"(?<=\b{tail})" for tail in tails) + ")"


# A month alone, or a year alone, is a date only after words like these ("in January", "since 2019").
_MONTH_CONTEXT = _after("in since until till through throughout during early late mid- last this next end_of beginning_of start_of middle_of")
_YEAR_CONTEXT = _after("in since by until till through during from of before after around circa early late mid mid- fiscal")
_YEAR_MODIFIES = _after("the a its his her their")  # "the 2022 election"

# A context (many lookbehinds) is checked only where its year or month stands: the
# lookahead before it fails fast on the many numbers that are no years.
# Every alternative starts at the date's own first word, so a match is only tried
# where a trigger stands (see _triggers): trying every offset is too slow. Dates
# that start with a number and dates that start with a word are separate patterns.
_NUMERIC_DATE = compiled_regex(
    rf"""
    (?P<iso>(?<![\d./-])(?P<iso_y>{_YEAR})-(?P<iso_m>[01]\d)-(?P<iso_d>[0-3]\d)(?![\d-]))
  | (?P<slash>(?<![\d/.])(?P<sl_m>1[0-2]|0?[1-9])/(?P<sl_d>{_DAY})/(?P<sl_y>{_YEAR})(?![\d/]))
  | (?P<dmy>(?<![\d.,$])(?P<dmy_d>{_DAY})\s+(?:of\s+)?(?P<dmy_m>{_MONTH}),?\s+(?P<dmy_y>{_YEAR})(?!\d))
  | (?P<dm>(?<![\d.,$])(?P<dm_d>{_DAY})\s+(?:of\s+)?(?P<dm_m>{_MONTH}))
  | (?P<yr>(?={_YEAR}){_YEAR_CONTEXT}(?P<yr_y>{_YEAR})(?![\w%'’-]|[.,]\d|\s*[‘'"“]))
  | (?P<yrd>(?={_YEAR}){_YEAR_MODIFIES}(?P<yrd_y>{_YEAR})(?=\s+[a-z]))
    """,
    re.VERBOSE,
)
_WORDY_DATE = compiled_regex(
    rf"""
    (?P<mdy>{_WD_PREFIX}(?P<mdy_m>{_MONTH})\s*(?P<mdy_d>{_DAY})(?:,\s*|\s+)(?P<mdy_y>{_YEAR})(?!\d))
  | (?P<my>(?P<my_m>{_MONTH}),?\s+(?:of\s+)?(?P<my_y>{_YEAR})(?![\d%]))
  | (?P<md>{_MD_WEEKDAY}(?P<md_m>{_MONTH})\s*(?P<md_d>{_DAY})\b(?![:.,]?\d|%|-year))
  | (?P<mon>(?={_FULL_MONTH}){_MONTH_CONTEXT}(?P<mon_m>{_FULL_MONTH})\b(?!\.?,?\s*\d))
  | (?P<wdmy>{_WEEKDAY},?\s+(?P<wdmy_d>{_DAY})\s+(?:of\s+)?(?P<wdmy_m>{_MONTH}),?\s+(?P<wdmy_y>{_YEAR})(?!\d))
  | (?P<wd>(?:(?P<wd_mod>(?i:last|this|next))\s+)?(?P<wd_d>{_WEEKDAY})\b(?:['’]s\b)?)
  | (?P<rel>(?i:yesterday|today|tonight|tomorrow|last\s+(?:night|week|month|year)
        |this\s+(?:morning|afternoon|evening|week|month|year)|(?:earlier|later)\s+this\s+(?:week|month|year)
        |next\s+(?:week|month|year))\b)
    """,
    re.VERBOSE,
)

# Where a date can start: a month, weekday or relative word's first letters, or a number.
# One character class first lets the regex engine skip ahead fast; most hits are real starts.
_TRIGGER = compiled_regex(
    r"[\dJFMASONDTWYLE](?:an|eb|ar|pr|ay|un|ul|ug|ep|ct|ov|ec|on|ue|ed|hu|ri|at|esterday|oday|onight|omorrow"
    r"|ast|his|ext|arlier|ater|AN|EB|AR|PR|AY|UN|UL|UG|EP|CT|OV|EC|ON|UE|ED|HU|RI|AT|\d\d\d|\d?(?:st|nd|rd|th)?[/ -])"
)
LOWER_TRIGGERS = ("yesterday", "today", "tonight", "tomorrow", "last ", "this ", "next ", "earlier ", "later ")


def _triggers(text: str) -> list[int]:
    """Sorted offsets where a date may start."""
    found = [m.start() for m in _TRIGGER.finditer(text)]
    for word in LOWER_TRIGGERS:
        i = text.find(word)
        while i >= 0:
            if i == 0 or not text[i - 1].isalpha():
                found.append(i)
            i = text.find(word, i + 1)
    return sorted(found)


def _candidates(text: str):
    """Date matches in text order, none overlapping."""
    last_end = 0
    for offset in _triggers(text):
        if offset < last_end:
            continue
        match = (_NUMERIC_DATE if text[offset].isdigit() else _WORDY_DATE).match(text, offset)
        if match:
            last_end = match.end()
            yield match


# Relative phrases: (precision, offset in units of that precision from the publication date).
_RELATIVE = {
    "today": ("day", 0), "tonight": ("day", 0), "this morning": ("day", 0), "this afternoon": ("day", 0),
    "this evening": ("day", 0), "yesterday": ("day", -1), "last night": ("day", -1), "tomorrow": ("day", 1),
    "this week": ("week", 0), "earlier this week": ("week", 0), "later this week": ("week", 0),
    "last week": ("week", -1), "next week": ("week", 1),
    "this month": ("month", 0), "earlier this month": ("month", 0), "later this month": ("month", 0),
    "last month": ("month", -1), "next month": ("month", 1),
    "this year": ("year", 0), "earlier this year": ("year", 0), "later this year": ("year", 0),
    "last year": ("year", -1), "next year": ("year", 1),
}

# Nouns a four-digit number counts rather than dates ("of 2000 people").
COUNT_NOUNS = frozenset(
    """
    people persons residents homes houses households jobs workers votes voters troops soldiers students
    feet miles meters metres kilometers acres tons dollars euros pounds percent members employees cases
    deaths victims men women children officers agents copies units flights passengers
    """.split()
)
# Words that close a dateline or byline besides the date itself.
DATELINE_WORDS = frozenset("on at by published updated posted created last hrs am pm est gmt edt".split())
# A time: 1-2 digits not glued to a word before them, ":" or ".", minutes. It starts with the
# digit itself (not with \b), so the regex engine skips ahead to digits.
_TIME = compiled_regex(r"\d(?<!\w\d)\d?[:.]\d{2}(?:[:.]\d{2})?\s*(?:[ap]\.?m\.?)?", re.IGNORECASE)


def labelled(labels: list[str], names: bool = True) -> str:
    """A regex of one of ``labels`` (any case) and what may stand between a label and
    the date or time it labels: marks, digits, "at", "on" and, with ``names``,
    capitalized words ("UPDATE #2 (", "Posted Monday at ")."""
    name = r"|[A-Z][a-z]*\.?" if names else ""
    return rf"(?i:{alternation(labels)})\b(?:[\W\d]|\b(?:at|on)\b{name})*"


@cache
def _tense_cues() -> tuple[tuple[str, ...], re.Pattern, tuple[str, ...], re.Pattern]:
    """The words of tense.yaml that set a date ahead, or ahead of a past time, each with
    the regex that finds one in a clause."""
    def in_clause(phrases: list[str]) -> tuple[tuple[str, ...], re.Pattern]:
        return tuple(p.split()[0].lower() for p in phrases), compiled_regex(rf"\b(?i:{alternation(phrases)})\b")

    cues = load_vocab("tense")
    return (*in_clause(cues["ahead"]), *in_clause(cues["ahead_from_past"]))


@cache
def _status_lead() -> tuple[tuple[str, ...], re.Pattern]:
    """Words that make the date after them the day of a status: "as of Monday", "as of late
    Monday" (times.yaml not_events, perhaps a day_edges word between), and the regex that
    finds them ending a text."""
    times = load_vocab("times")
    words = tuple(times["not_events"])
    edge = rf"(?:(?i:{alternation(list(times['day_edges']))})\s+)?"
    return words, compiled_regex(rf"\b{labelled(list(words), names=False)}{edge}$")


# How far back in its clause a tense cue may stand from a date.
TENSE_REACH = 80
# Marks that end a clause, as far as tense goes.
_TENSE_BREAKS = ",;:()—–"


def _direction(text: str, sentence_start: int, start: int) -> str:
    """Which way a date at ``start`` lies from publication, by the words before it in its clause."""
    before = text[max(sentence_start, start - TENSE_REACH) : start]
    clause = before[max(before.rfind(mark) for mark in _TENSE_BREAKS) + 1 :]
    low = clause.lower()
    ahead_words, ahead, past_words, ahead_from_past = _tense_cues()
    # A cue's first word is looked for first: most clauses hold none, and a substring test is cheap.
    if any(word in low for word in past_words) and ahead_from_past.search(clause):
        return NEAREST
    if any(word in low for word in ahead_words) and ahead.search(clause):
        return AHEAD
    return PAST if _in_the_past(low.split()) else SOON


def _in_the_past(words: list[str]) -> bool:
    """A verb in the past among a clause's words: "was held", "had met", "voted"; not a
    participle after "be" ("is to be sentenced Nov. 8")."""
    return any(
        word in ("was", "were", "had", "did")
        or (len(word) > 4 and word.endswith("ed") and (i == 0 or words[i - 1] not in ("be", "being")))
        for i, word in enumerate(words)
    )


# A label stands at most this far before its date ("UPDATE #12 (01/21/2031", "as of early").
LABEL_REACH = 40


# An embedded social post signs off with its author's handle and when it was posted:
# "— Ann Lee (@annlee) March 3, 2031", "... (@annlee) on Mar 3, 2031 at 5:40pm PST".
_POST_STAMP = compiled_regex(r"\(@\w{1,30}\)[\w\s,.]{0,30}$")


def is_post_stamp(text: str, lo: int, start: int) -> bool:
    """Whether a date or time at ``start`` is when an embedded post was posted."""
    return "(@" in text[lo:start] and bool(_POST_STAMP.search(text, lo, start))


def _is_labelled(text: str, sentence_start: int, start: int) -> bool:
    """Whether a date at ``start`` is labelled as no event's: a page's stamp ("UPDATE (01/21/2031):"),
    when the page changed, an embedded post's ("(@annlee) March 3, 2031"), or a status's day
    ("as of Monday, two were still in hospital")."""
    stamp_labels, stamp = _stamp_lead()
    status_words, status = _status_lead()
    lo = max(sentence_start, start - LABEL_REACH)
    if is_post_stamp(text, lo, start):
        return True
    near = text[lo:start].lower()
    if not any(word in near for word in stamp_labels + status_words):  # most dates: no regex to run
        return False
    return bool(stamp.match(text, sentence_start, start) or status.search(text, lo, start))


@cache
def _stamp_lead() -> tuple[tuple[str, ...], re.Pattern]:
    """A page's timestamp label up to a date, opening a sentence ("UPDATE#1 (01/21/2031):
    ...") or a bracket ("... (Published Thursday, Oct. 10, 2031)"), or anywhere capitalized
    before a colon ("... Posted: March 2, 2031"). Only there ("the report
    was published on May 2", "(published on May 2)" date an event), and with no word
    between ("Update: In May 2031, the city ..." is news)."""
    labels = tuple(load_vocab("boilerplate")["stamp_labels"])
    # Matched from the sentence's start; a bracket's stamp is capitalized.
    weekday = rf"(?:(?i:{'|'.join(WEEKDAYS)}),?\s+)?"  # "Published: Tuesday, 12/15/2031"
    # Anywhere with a capital and a colon: "... shooting Posted: Saturday, March 2, 2031 7:39 AM"
    colon = rf"|.*\b(?:{alternation([label.capitalize() for label in labels])}):\s*"
    return labels, compiled_regex(
        rf"(?:(?:\W*|.*\(\s*(?=[A-Z])){labelled(list(labels), names=False)}{colon}){weekday}$", re.DOTALL,
    )


# Which way a date lies from publication (see tense.yaml): the latest such day up to
# it, the next one after it, the nearer of the two, or (its clause telling no tense)
# one soon to come, else the latest.
PAST, AHEAD, NEAREST, SOON = "", "ahead", "nearest", "soon"
# A month and day this many days after publication, with no word of tense, is still to
# come ("registration begins April 29" written on April 24); further ahead, it was last year's.
SOON_DAYS = 60
# Saturday's weekday number: from then on "last week" may mean the week now ending.
WEEKEND = 5
# How many years back a month and day with a weekday may lie ("Sunday, Nov. 15").
WEEKDAY_YEARS = 12


@lru_cache(maxsize=65536)
def normalize(
    form: str, parts: tuple, published: str | None, direction: str = PAST,
) -> tuple[str, str, bool, bool] | None:
    """(value, precision, resolved, relative) for a candidate's parts, or None when no such date exists.

    ``parts`` holds what the form carries: (year, month, day) numbers with 0 for
    missing, a month and day with a weekday index (-1 for none), a weekday index
    with its modifier, or a relative phrase. ``direction`` says which way a
    month and day or a weekday lies from publication.
    """
    base = _parse_iso(published)
    if form == "ymd":
        year, month, day = parts
        return (f"{year:04d}-{month:02d}-{day:02d}", "day", True, False) if _valid(year, month, day) else None
    if form == "ym":
        year, month = parts
        return f"{year:04d}-{month:02d}", "month", True, False
    if form == "y":
        return f"{parts[0]:04d}", "year", True, False
    if form == "md":
        month, day, weekday = parts
        if not _valid(2000, month, day):  # 2000 is a leap year: Feb 29 is a date
            return None
        if base is None:
            return f"XXXX-{month:02d}-{day:02d}", "day", False, True
        return _month_day(base, month, day, weekday, direction).isoformat(), "day", True, True
    if form == "m":
        month, modifier = parts
        if base is None:
            return f"XXXX-{month:02d}", "month", False, True
        if modifier == "next":
            year = base.year if month > base.month else base.year + 1
        else:
            year = base.year if month <= base.month else base.year - 1
        return f"{year:04d}-{month:02d}", "month", True, True
    if form == "wd":
        weekday, modifier = parts
        if base is None:
            return WEEKDAYS[weekday].capitalize(), "weekday", False, True
        ahead = base + timedelta(days=(weekday - base.weekday()) % 7 or 7)
        back = (base.weekday() - weekday) % 7
        if modifier == "last" and back == 1:
            # "last Saturday" written on a Sunday is yesterday to some writers and the
            # week before to others: only its weekday is sure.
            return WEEKDAYS[weekday].capitalize(), "weekday", False, True
        past = base - timedelta(days=back or (7 if modifier == "last" else 0))
        if modifier == "next" or (not modifier and direction == AHEAD):
            day = ahead
        elif not modifier and direction == NEAREST:
            day = min((past, ahead), key=lambda d: abs(d - base))
        else:
            day = past
        return day.isoformat(), "day", True, True
    phrase = parts[0]
    precision, step = _RELATIVE[phrase]
    if base is None:  # "XXXX": an unknown year, so it conflicts with no other date
        return "XXXX", "week" if precision == "week" else precision, False, True
    if precision == "day":
        return (base + timedelta(days=step)).isoformat(), precision, True, True
    if precision == "week":  # as precise as the month or year the whole week lies in
        monday = base + timedelta(weeks=step, days=-base.weekday())
        sunday = monday + timedelta(days=6)
        if step == -1 and base.weekday() >= WEEKEND:
            sunday += timedelta(days=7)  # "last week" written at a weekend may be the week just ending
        if (monday.year, monday.month) == (sunday.year, sunday.month):
            return f"{monday.year:04d}-{monday.month:02d}", "month", True, True
        if monday.year == sunday.year:
            return f"{monday.year:04d}", "year", True, True
        return "XXXX", "year", True, True
    if precision == "month":
        index = base.year * 12 + base.month - 1 + step
        return f"{index // 12:04d}-{index % 12 + 1:02d}", precision, True, True
    return f"{base.year + step:04d}", precision, True, True


def _month_day(base: date, month: int, day: int, weekday: int, direction: str) -> date:
    """The date of a month and day without a year, as ``direction`` says, seen from
    ``base``; with a ``weekday`` (not -1), the latest year up to that one that has it on
    that weekday."""

    def on_or_before(year: int) -> date:
        while not _valid(year, month, day):  # Feb 29 belongs to the latest leap year
            year -= 1
        return date(year, month, day)

    past = on_or_before(base.year if (month, day) <= (base.month, base.day) else base.year - 1)
    ahead = past if past >= base else on_or_before(past.year + 1)
    if direction == AHEAD or (direction == NEAREST and abs(ahead - base) < abs(base - past)):
        chosen = ahead
    elif direction == NEAREST:
        chosen = past
    elif direction == SOON:  # no tense told: what is soon to come ("registration begins April 29"), else what was
        chosen = ahead if ahead - base <= timedelta(days=SOON_DAYS) else past
    else:
        chosen = past
    if weekday >= 0:
        for years_back in range(WEEKDAY_YEARS):
            if _valid(chosen.year - years_back, month, day):
                found = date(chosen.year - years_back, month, day)
                if found.weekday() == weekday:
                    return found
    return chosen  # with no such weekday, the writer's slip, read as if unsaid


def _parse_iso(published: str | None) -> date | None:
    try:
        return date.fromisoformat(published[:10]) if published else None
    except ValueError:
        return None


def _valid(year: int, month: int, day: int) -> bool:
    try:
        date(year, month, day)
    except ValueError:
        return False
    return True


def _month(name: str) -> int:
    return MONTHS[name.rstrip(".").lower()]


def _day(text: str) -> int:
    return int(text.rstrip("stndrh"))


def _form(match: re.Match) -> tuple[str, tuple, int] | None:
    """(form, parts, start of the date's own words) of a candidate, or None for a non-date."""
    kind = match.lastgroup
    g = match.group
    if kind == "iso":
        return "ymd", (int(g("iso_y")), int(g("iso_m")), int(g("iso_d"))), match.start()
    if kind == "slash":
        return "ymd", (int(g("sl_y")), int(g("sl_m")), _day(g("sl_d"))), match.start()
    if kind == "mdy":
        return "ymd", (int(g("mdy_y")), _month(g("mdy_m")), _day(g("mdy_d"))), match.start()
    if kind in ("dmy", "wdmy"):
        return "ymd", (int(g(kind + "_y")), _month(g(kind + "_m")), _day(g(kind + "_d"))), match.start()
    if kind == "my":
        return "ym", (int(g("my_y")), _month(g("my_m"))), match.start()
    if kind == "md":
        weekday = WEEKDAYS.index(g("md_wd").lower()) if g("md_wd") else -1
        return "md", (_month(g("md_m")), _day(g("md_d")), weekday), match.start()
    if kind == "dm":
        return "md", (_month(g("dm_m")), _day(g("dm_d")), -1), match.start()
    if kind == "mon":
        context = match.string[max(0, match.start() - 5) : match.start()].strip().lower()
        return "m", (_month(g("mon_m")), "next" if context == "next" else ""), match.start()
    if kind == "wd":
        modifier = (g("wd_mod") or "").lower()
        return "wd", (WEEKDAYS.index(g("wd_d").lower()), modifier), match.start()
    if kind in ("yr", "yrd"):
        return "y", (int(g(kind + "_y")),), match.start()
    phrase = " ".join(g("rel").lower().split())
    return "rel", (phrase,), match.start()


def _is_count(text: str, match: re.Match) -> bool:
    """True when a year-like number counts the noun after it ("of 2000 people", "in 2000 ambulances")."""
    following = _NEXT_WORD.match(text, match.end())
    if not following:
        return False
    word = following.group(1)
    plural = match.lastgroup == "yr" and word.islower() and word.endswith("s") and not word.endswith(("ss", "us", "is"))
    return plural or word.lower() in COUNT_NOUNS


_NEXT_WORD = compiled_regex(r"\s+([A-Za-z]+)")
_PREVIOUS_WORD = compiled_regex(r"([A-Za-z]+)\s+\S+\s+$")  # "Honored" in "Honored in 2019"


def _is_name(text: str, match: re.Match, sentence: Sentence) -> bool:
    """Capitalized "Today"/"Sunday" inside a title ("NBC's Today show", "the Sunday Times")."""
    kind = match.lastgroup
    word = match.group()
    if kind == "rel":
        # "NBC's Today show" mid-sentence; "today's world" means nowadays.
        return (word[0].isupper() and match.start() > sentence.start) or text.startswith(("'s", "’s"), match.end())
    if kind == "yr":
        # "Honored in 2019 Awards", "Best of 2019 Gadgets": a year inside a title-case name.
        following = _NEXT_WORD.match(text, match.end())
        previous = _PREVIOUS_WORD.search(text, max(sentence.start, match.start() - 40), match.start())
        return bool(following and previous) and following.group(1)[0].isupper() and previous.group(1)[0].isupper()
    if kind == "wd" and not match.group("wd_mod") and word[-1] not in "s":
        following = _NEXT_WORD.match(text, match.end())
        before = text[max(sentence.start, match.start() - 3) : match.start()].lower()
        return bool(following) and following.group(1)[0].isupper() and not before.endswith(("on ", ", "))
    return False


def _is_dateline(sentence: Sentence, spans: list[tuple[int, int]]) -> bool:
    """A sentence that is only a date (a dateline or byline): publication metadata, not a claim."""
    rest = sentence.text
    for start, end in sorted(spans, reverse=True):
        rest = rest[: start - sentence.start] + " " + rest[end - sentence.start :]
    rest = _TIME.sub(" ", rest)
    # Five words are enough to tell: a dateline has four at most.
    words_left = list(islice((t for t in map(re.Match.group, _TOKEN.finditer(rest)) if t[0].isalpha()), 5))
    if len(words_left) > 4:
        return False
    return all(w[0].isupper() or w.lower() in DATELINE_WORDS for w in words_left)


def post_days(text: str) -> list[tuple[int, str]]:
    """Where the stamps of embedded posts stand in ``text``, with their days."""
    if "(@" not in text:  # most pages embed no post
        return []
    days = []
    for match in _candidates(text):
        form, parts, _ = _form(match)
        if form == "ymd" and is_post_stamp(text, max(0, match.start() - LABEL_REACH), match.start()):
            stamped = normalize(form, parts, None)
            if stamped:
                days.append((match.start(), stamped[0]))
    return days


def reference_day(text: str, end: int, posted: list[tuple[int, str]], published: str | None) -> str | None:
    """The day a relative date or time ending at ``end`` counts from: the embedded post's
    when its line closes with one ("this afternoon" in a post is that day's), else publication's."""
    for at, day in posted:
        if at >= end and "\n" not in text[end:at]:
            return day
    return published


def extract_dates(doc: Document) -> list[Claim]:
    """Date claims of ``doc`` in text order (see the module docstring)."""
    text = doc.text
    starts = [s.start for s in doc.sentences]
    found: dict[int, list[tuple[re.Match, tuple, int]]] = {}
    for match in _candidates(text):
        index = bisect.bisect_right(starts, match.start()) - 1
        if index < 0 or match.end() > doc.sentences[index].end:
            continue
        form = _form(match)
        sentence = doc.sentences[index]
        if form[0] == "y" and _is_count(text, match):
            continue
        if _is_name(text, match, sentence):
            continue
        if _is_labelled(text, sentence.start, match.start()) or _bounds_a_span(text, sentence.start, form[2]):
            continue
        found.setdefault(index, []).append((match, form, index))
    claims = []
    posted = post_days(text)
    for index, candidates in found.items():
        sentence = doc.sentences[index]
        if _is_dateline(sentence, [(form[2], m.end()) for m, form, _ in candidates]):
            continue
        for match, (form, parts, start), _ in candidates:
            # Only a month and day or a weekday may lie either way from publication.
            direction = _direction(text, sentence.start, start) if form in ("md", "wd") else PAST
            normal = normalize(form, parts, reference_day(text, match.end(), posted, doc.source.published), direction)
            if normal is None:
                continue
            value, precision, resolved, relative = normal
            subject, event = _event(sentence.text, start - sentence.start, match.end() - sentence.start)
            claims.append(
                doc.claim(
                    ClaimKind.DATE,
                    subject,
                    value,
                    start,
                    match.end(),
                    sentence=sentence,
                    attrs=make_attrs(
                        ClaimKind.DATE,
                        precision=precision,
                        resolved="yes" if resolved else "no",
                        relative="yes" if relative else None,
                        event=event,
                        background="yes" if _long_before(value, doc.source.published)
                        or _TALLY_PERIOD.match(text, match.end()) else None,
                    ),
                )
            )
    claims.sort(key=lambda c: (c.start, c.end))
    return claims


@cache
def _span_bound() -> re.Pattern:
    times = load_vocab("times")
    bounds = alternation(times["span_ends"] + times["span_starts"])
    return compiled_regex(rf"\b(?:{bounds})\s+(?:(?:early|mid|late|last)[\s-]+)?$", re.IGNORECASE)  # "since early May"


def _bounds_a_span(text: str, sentence_start: int, start: int) -> bool:
    """Whether the date at ``start`` is the last or first day of a span (times.yaml span_ends,
    span_starts): "the pool stays shut through Sunday" says when something stops, and "eight have
    died since October" when a tally starts, not when anything happened; but "was not charged
    through Friday" tells that nothing happened until then."""
    bound = _span_bound().search(text, max(sentence_start, start - 20), start)
    return bool(bound) and not NEGATION.search(text, sentence_start, bound.start())


# --- the event a date belongs to ------------------------------------------------------------

# "19-year-old" is one token (a number), not "19" and a word "year-old".
_TOKEN = compiled_regex(r"[A-Za-z][A-Za-z'’-]*[A-Za-z]|[A-Za-z]|\d[\d,.:/]*(?:-[A-Za-z]+)*|[,;:()\[\]—–\"“”]")
_CLAUSE_BREAK = frozenset(",;:()[]—–\"“”")
DETERMINERS = frozenset("the a an its his her their this that our your".split())
POSSESSIVES = frozenset("its his her their our your".split())
MODALS = frozenset("will would could can should must might may shall to".split())
AUXILIARIES = frozenset("is are was were be been being has have had do does did".split())
# Words after which the object of a verb has ended.
OBJECT_END = frozenset(
    """
    for in at to with after before by from as since during under while when where which that who whom whose
    because and but than until into through amid despite if although though whether or
    """.split()
)
# Common irregular past forms, and regular ones too short for the -ed test below
# ("died", "tied"); other regular ones are recognized by their -ed ending.
IRREGULAR_PAST = frozenset(
    """
    died tied lied eyed
    went told took made gave began begun came held won lost met found saw got put set hit shot struck fled fell
    broke broken brought bought sold sent spent built caught chose drew drove fought flew grew hung hid knew
    led left meant paid ran rang rose sank sat shook shut slept spoke stood stole stuck swore taught tore thought
    threw understood woke wore wrote quit read became become kept sought withdrew overturned overtook
    undertook beat stabbed split cut let cast laid lay rode said says
    shaken taken given written stolen spoken driven risen fallen forgotten hidden beaten bitten slain sworn torn
    worn thrown grown flown drawn seen done gone eaten chosen frozen woken ridden stricken shrunk sunk sprung
    """.split()
)
# -ed words that are rarely the event of a date; "set", "slated" and "scheduled" say when
# something is to happen, and that something (the noun before) is the event.
# Participles of a plan: "a hearing scheduled for Monday" is the hearing's date.
PLAN_WORDS = frozenset("scheduled expected planned set slated rescheduled".split())
NOT_EVENTS = PLAN_WORDS | frozenset(
    """
    hundred need indeed speed seed feed bed red shed breed greed deed weed sacred naked wicked beloved alleged
    armed united related called named titled dubbed known based located so-called aged skilled talented
    used supposed interested concerned
    """.split()
)
NON_VERBS = (STOPWORDS | AUXILIARIES) - {"said", "says"}
EVENT_SUFFIXES = ("tion", "sion", "ment", "ing")
MAX_SUBJECT_WORDS = 6
DATE_PREPOSITIONS = OBJECT_END | {"on", "of", "last", "this", "next"}


def _content(word: str) -> str | None:
    w = word.lower().replace("’", "'")
    return singular(w) if w[0].isalpha() and w not in STOPWORDS and len(w) > 2 else None


def _is_verb(tokens: list[str], i: int) -> bool:
    word = tokens[i]
    if not word[0].islower() or word in NOT_EVENTS or word in NON_VERBS:
        return False
    previous = tokens[i - 1].lower() if i else ""
    if previous in DETERMINERS and not (previous == "that" and _starts_object(tokens, i + 1)):
        return False  # "the injured", "a detailed report": adjectives; but "attacks that killed five"
    if word in IRREGULAR_PAST or (previous in MODALS and not (previous == "to" and _plural_noun_shape(word))):
        return True
    if word.endswith("ed") and len(word) >= 5:
        return True
    return word.endswith("ing") and len(word) >= 6 and previous in AUXILIARIES


def _plural_noun_shape(word: str) -> bool:
    """Whether a word after "to" is a plural noun ("surrendered to deputies Monday"), not
    the verb of an infinitive, which never ends in one "s" ("to discuss" does in two)."""
    return word.endswith("s") and not word.endswith("ss")


def _starts_object(tokens: list[str], i: int) -> bool:
    """Whether token ``i`` opens what follows a verb rather than a noun an adjective qualifies:
    a number, a determiner or a preposition ("that killed five", "that happened on")."""
    return i < len(tokens) and (tokens[i][0].isdigit() or tokens[i].lower() in STOPWORDS)


@cache
def _event_nouns() -> frozenset[str]:
    return frozenset(load_vocab("event_nouns")["words"])


def is_event_noun(word: str) -> bool:
    """A noun that names an event ("attack", "shooting", "closure"; event_nouns.yaml), as written."""
    w = word.lower()
    return w in _event_nouns() or (w.endswith(EVENT_SUFFIXES) and len(w) >= 7 and word[0].islower())


def _event(sentence: str, start: int, end: int) -> tuple[str, str]:
    """(subject, event word) for the date at [start, end) of ``sentence``.

    The date itself is left out of the tokens: ``at`` is where it stood.
    """
    left = _TOKEN.findall(sentence, 0, start)
    tokens = left + _TOKEN.findall(sentence, end)
    at = len(left)
    before = at - 1
    if before >= 0 and tokens[before].lower() in DATE_PREPOSITIONS:
        before -= 1  # the preposition that introduces the date
    modified = _modified_noun(tokens, at, sentence[start:end])
    if modified:
        return " ".join(modified), modified[-1]
    planned = before >= 1 and tokens[before].lower() in PLAN_WORDS and _content(tokens[before - 1])
    if planned and tokens[before - 1][0].islower():
        # "awaits a court appearance scheduled for Monday": the appearance's date, not the awaiting's
        return f"{planned} {tokens[before].lower()}", planned
    verb = _nearest(tokens, before, at, _is_verb)
    if verb is not None and verb < before and is_event_noun(tokens[before]) and (
        tokens[verb].lower() in say_verbs() or tokens[before - 1].lower() in POSSESSIVES
    ):
        # "the coach said she had been at the final Sunday", "held since his arrest Friday":
        # the date is the final's or the arrest's, right before it, not the statement's or the holding's
        word = _content(tokens[before]) or tokens[before].lower()
        return word, word
    if verb is not None and verb >= at and "," in tokens[at:verb]:
        # "Following the shooting death of Lee on Saturday, police said ...": the date is the
        # death's, in its own opening phrase, not the statement's past the comma
        noun = _in_clause_before(tokens, before, _is_noun_at)
        if noun is not None:
            word = _content(tokens[noun]) or tokens[noun].lower()
            return word, word
    if verb is not None and _happen_verb_at(tokens, verb):
        noun = _in_clause_before(tokens, verb - 1, _is_noun_at)
        if noun is not None:  # "the hearing took place Monday": the hearing's date
            word = _content(tokens[noun]) or tokens[noun].lower()
            return f"{word} {tokens[verb].lower()}", word
    if verb is None:
        noun = _nearest(tokens, before, at, _is_noun_at)
        if noun is None:
            return "", ""
        word = _content(tokens[noun]) or tokens[noun].lower()
        return word, word
    return " ".join(_verb_phrase(tokens, verb, at)), tokens[verb].lower()


@cache
def _happen_verbs() -> frozenset[tuple[str, ...]]:
    return frozenset(tuple(phrase.split()) for phrase in load_vocab("times")["happen_verbs"])


def _happen_verb_at(tokens: list[str], i: int) -> bool:
    """Whether a verb that says only that something happened starts at token ``i`` (times.yaml)."""
    return any(tuple(t.lower() for t in tokens[i : i + len(p)]) == p for p in _happen_verbs())


# "80 were killed in the city in November alone": a period that bounds a tally of many
# events (scope.yaml tally_ends); counts.py reads it too.
TALLY_END = rf"\s+(?:{alternation(load_vocab('scope')['tally_ends']['words'])})\b"
_TALLY_PERIOD = compiled_regex(TALLY_END)

# A date this long before its source was published is background: an earlier
# event the story recalls ("enrolled in 2009"), not the story's own.
BACKGROUND_DAYS = 365


def _long_before(value: str, published: str | None) -> bool:
    """Whether the latest day ``value`` (at its precision) can mean is over
    BACKGROUND_DAYS before ``published``, or ``value`` is a year alone before the
    year of ``published`` ("the 2014 shooting" in a 2015 report: a story dates its
    own events more closely than by the year)."""
    if not published or not value[:4].isdigit():
        return False
    parts = value.split("-")
    year = int(parts[0])
    if len(parts) == 1 and published[:4].isdigit() and year < int(published[:4]):
        return True
    month = int(parts[1]) if len(parts) > 1 and parts[1].isdigit() else 12
    day = int(parts[2]) if len(parts) > 2 and parts[2].isdigit() else calendar.monthrange(year, month)[1]
    try:
        return (date.fromisoformat(published[:10]) - date(year, month, day)).days > BACKGROUND_DAYS
    except ValueError:
        return False


def _is_noun_at(tokens: list[str], i: int) -> bool:
    return is_event_noun(tokens[i])


def _modified_noun(tokens: list[str], at: int, own: str) -> list[str]:
    """Nouns a date modifies: "Biden's May 25, 2022, executive order", "the 2022 election"."""
    previous = tokens[at - 1] if at else ""
    if not (previous.lower() in DETERMINERS or previous.endswith(("'s", "’s")) or own.endswith(("'s", "’s"))):
        return []
    out: list[str] = []
    i = at + (1 if at < len(tokens) and tokens[at] == "," else 0)
    while i < len(tokens) and len(out) < 4:
        word = tokens[i]
        if not word[0].islower() or _content(word) is None or _is_verb(tokens, i):
            break
        out.append(_content(word))
        i += 1
    return out


def is_clause_break(tokens: list[str], i: int) -> bool:
    """Whether token ``i`` ends a clause: a comma after a capitalized word and before another
    or a date's preposition does not ("found at their home in Oak Street, Millom, Cumbria, on
    Saturday": a list of names)."""
    if tokens[i] != ",":
        return tokens[i] in _CLAUSE_BREAK
    return not (
        0 < i < len(tokens) - 1 and tokens[i - 1][:1].isupper()
        and (tokens[i + 1][:1].isupper() or tokens[i + 1] in ("on", "at", "in"))
    )


def _in_clause_before(tokens: list[str], before: int, test) -> int | None:
    """The nearest token passing ``test`` at or before ``before`` in its clause."""
    for i in range(before, -1, -1):
        if is_clause_break(tokens, i):
            return None
        if test(tokens, i):
            return i
    return None


def _nearest(tokens: list[str], before: int, at: int, test) -> int | None:
    """The index of the token passing ``test`` the date belongs to.

    A date after a preposition belongs to the verb on its left in the same
    clause ("moved to Fairview on Tuesday"); otherwise the first one on the
    right ("In January, X updated ..."), else the nearest one anywhere.
    """
    left = _in_clause_before(tokens, before, test)
    if left is not None:
        return left
    for i in range(at, len(tokens)):
        if test(tokens, i):
            return i
        if tokens[i] in ";—–" or tokens[i].lower() in ("which", "who", "that"):
            break
        if at > 1 and tokens[i].lower() in ("for", "against"):
            break  # "set aside funds today for a footbridge damaged ...": a phrase past the date's clause
    for i in range(before, -1, -1):
        if test(tokens, i):
            return i
    return None


def _verb_phrase(tokens: list[str], verb: int, at: int) -> list[str]:
    """The verb with its object's content words: "announced new school lunch program"."""
    phrase = [tokens[verb].lower()]
    i = verb + 1
    while i < len(tokens) and len(phrase) < MAX_SUBJECT_WORDS and i != at:
        word = tokens[i]
        low = word.lower()
        if word in _CLAUSE_BREAK or word[0].isdigit() or low in MODALS or _is_verb(tokens, i):
            break
        if low.endswith("ing") and len(phrase) > 1:  # "policies detailing ...": a new clause
            break
        if low in OBJECT_END and (len(phrase) > 1 or low == "by"):
            break
        content = _content(word)
        if content:
            phrase.append(content)
        i += 1
    if len(phrase) > 1:
        return phrase
    # "a new curfew announced Wednesday": the noun the participle describes.
    subject: list[str] = []
    i = verb - 1
    while i >= 0 and len(subject) < 3:
        word = tokens[i]
        low = word.lower()
        if word in _CLAUSE_BREAK or low in OBJECT_END or low in AUXILIARIES or (subject and low in STOPWORDS):
            break
        content = _content(word)
        if content:
            subject.insert(0, content)
        i -= 1
    return subject + phrase
