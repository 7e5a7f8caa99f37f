"""What one line of a scraped article is: body prose, a headline, a byline, a date, page chrome.

Shared by metadata inference (which reads the header) and boilerplate removal
(which drops it). Every test is about the shape of the line, never its topic.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from ..cache import compiled_regex
from ..text import MONTHS, STOPWORDS, longest_first
from ..vocab import load as load_vocab


def chrome_words(section: str) -> list[str]:
    """One list of ``crosscheck/vocab/boilerplate.yaml`` (page chrome of English news sites)."""
    return load_vocab("boilerplate")[section]


def phrase_alternation(phrases: list[str]) -> str:
    """Lower-case phrases -> a regex alternation (longest first) in which a space
    between words also matches a hyphen or nothing: "sign up", "sign-up", "signup"."""
    alternatives = (r"(?:\s+|-)?".join(map(re.escape, p.split())) for p in longest_first(phrases))
    return "(?:" + "|".join(alternatives) + ")"


def phrase_parts(phrases: list[str]) -> tuple[str, ...]:
    """The longest word of each phrase, minus words that contain another: a line
    without any of them cannot hold a phrase, and substring tests are much
    faster than searching a long alternation at every position."""
    longest = {max(p.split(), key=len) for p in phrases}
    return tuple(sorted(w for w in longest if not any(o != w and o in w for o in longest)))

_WORD = compiled_regex(r"[A-Za-z0-9][\w'’.&-]*")
_TERMINAL_MARKS = tuple(".!?…:;")
# A stray opening quote after the full stop is common in scraped text: ". “".
_CLOSERS = "\"'“”‘’)]"
_CLOSING_QUOTES = ('"', "”", '"\n', "”\n")
_QUOTE_MARK = compiled_regex(r"[“”\"]")

_MONTH = r"(?P<mon>" + "|".join(longest_first(MONTHS)) + r")\.?"
_WEEKDAY_NAMES = r"(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*"
_WEEKDAY = _WEEKDAY_NAMES + r"\.?,?"
_DATE = compiled_regex(
    rf"\b(?:{_WEEKDAY}\s+)?(?:{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>(?:19|20)\d\d)"
    rf"|(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?\s+{_MONTH.replace('mon>', 'mon2>')},?\s+(?P<year2>(?:19|20)\d\d)"
    r"|(?P<year3>(?:19|20)\d\d)-(?P<mon3>[01]\d)-(?P<day3>[0-3]\d))(?!\d)",
    re.IGNORECASE,
)
# What may sit beside a date on a date line: times, zones, weekdays, "updated".
_DATE_LINE_FILLER = compiled_regex(
    r"\b(?:\d{1,2}:\d\d(?::\d\d)?\s*(?:[ap]\.?m\.?)?|[ap]\.m\.|[ap]m|(?:[ecmp][sd]t|gmt|utc|bst|cet|et|pt)"
    r"|updated|published|posted|last|modified|on|at|" + _WEEKDAY_NAMES + r")\b",
    re.IGNORECASE,
)
# "Today: June 2, 2031" is the date the page was fetched, not when the story ran.
_BANNER = compiled_regex(r"^" + phrase_alternation(chrome_words("date_banners")) + r"\b", re.IGNORECASE)

_NAME_WORD = r"(?:[A-Z][\w'’.-]*|(?:de|van|von|der|den|da|di|del|la|le|bin|al|st\.?))"
_BYLINE = compiled_regex(
    rf"^(?i:by|written by|posted by|words by)\s+(?P<name>[A-Z][\w'’.-]*(?:\s+{_NAME_WORD}){{0,4}}"
    rf"(?:\s+(?:and|&)\s+[A-Z][\w'’.-]*(?:\s+{_NAME_WORD}){{0,4}})?)\s*(?:$|[,|/•·–—-])",
)
# The last word of a newspaper or broadcaster name (a generic English lexicon).
_MASTHEAD_NOUNS = frozenset(chrome_words("masthead_words"))
_NAV_SEPARATORS = compiled_regex(r"\s*[|•·»›]\s*")
_NAV_MARK = compiled_regex(r"[|•·»›]")  # found fast, unlike _NAV_SEPARATORS, which starts with \s*
# A photo caption ends with its credit: "(AP)", "(AP Photo/Jane Doe)", "Getty Images".
_CREDIT = compiled_regex(
    r"[A-Z][A-Z.&/-]{1,12}$|(?i:.*\b" + phrase_alternation(chrome_words("credit_words")) + r"\b)"
)
_CAPTION_END = compiled_regex(
    phrase_alternation(chrome_words("caption_labels")) + r"\s*(?:credit)?:\s*\S.*$"
    r"|" + phrase_alternation(chrome_words("credit_endings")) + r"$"
)
# What a line needs to hold for _CAPTION_END to match: a cheap test that skips most lines.
_CAPTION_END_NEEDS = (":", *chrome_words("credit_endings"))
_YEAR = compiled_regex(r"(?:19|20)\d\d(?!\d)")


@lru_cache(maxsize=8192)
def words(line: str) -> tuple[str, ...]:
    """The line's words; cached, since every line is asked several questions."""
    return tuple(_WORD.findall(line))


def ends_like_sentence(line: str) -> bool:
    r"""A terminal mark followed only by closing quotes, brackets and spaces, or a closing quote.

    The regex ``[.!?…:;]["'“”‘’)\]\s]*$|["”]$`` says the same, but a search
    for it tries every position of the line; stripping from the end does not.
    """
    tail = line
    while True:
        trimmed = tail.rstrip().rstrip(_CLOSERS)
        if len(trimmed) == len(tail):
            break
        tail = trimmed
    return tail.endswith(_TERMINAL_MARKS) or line.endswith(_CLOSING_QUOTES)


def contains_any(text: str, parts: tuple[str, ...]) -> bool:
    """Whether any of ``parts`` occurs in ``text``: a cheap test that lets most lines skip a slow regex."""
    for part in parts:  # a plain loop: any() over a generator costs more than the tests
        if part in text:
            return True
    return False


def _is_opening(line: str, at: int) -> bool:
    char = line[at]
    if char != '"':
        return char == "“"
    return at == 0 or line[at - 1] in " ([{—–-"


def page_voices(lines: list[str]) -> list[str]:
    """Each line without its quotations: what the page itself says, not its sources.

    A quotation may run over several paragraphs (each reopening with a quote
    mark, the last one closing it), so the state carries from line to line.
    """
    voices = []
    inside = False
    for line in lines:
        kept: list[str] = []
        cursor = 0
        for mark in _QUOTE_MARK.finditer(line):
            if _is_opening(line, mark.start()):
                if not inside:  # an opening mark inside: the next paragraph of the same quote
                    kept.append(line[cursor:mark.start()])
                    inside = True
            elif inside:
                inside = False
                cursor = mark.end()
        if not inside:
            kept.append(line[cursor:])
        voices.append(" ".join(kept))
    return voices


def parse_date(text: str) -> str | None:
    """The first full date in ``text`` as ISO YYYY-MM-DD, or None (no partial dates)."""
    for match in _DATE.finditer(text):
        g = match.groupdict()
        if g["year"]:
            year, month, day = int(g["year"]), MONTHS[g["mon"].lower()], int(g["day"])
        elif g["year2"]:
            year, month, day = int(g["year2"]), MONTHS[g["mon2"].lower()], int(g["day2"])
        else:
            year, month, day = int(g["year3"]), int(g["mon3"]), int(g["day3"])
        try:
            return dt.date(year, month, day).isoformat()
        except ValueError:  # "Feb. 30": not a date, try the next match
            continue
    return None


_DATE_LINE_MAX = 100  # characters; longer lines are prose that mentions a date


def date_line(line: str) -> str | None:
    """The ISO date when the line is a standalone date line ("June 4, 2031World News" too)."""
    if len(line) > _DATE_LINE_MAX or not _YEAR.search(line):
        return None
    match = _DATE.search(line)
    if match is None or _BANNER.match(line):
        return None
    rest = words(_DATE_LINE_FILLER.sub(" ", line[: match.start()] + " " + line[match.end():]))
    if len(rest) > 3:
        return None
    if line.endswith((".", "!", "?")) and any(word[:1].islower() for word in rest):
        return None  # a sentence: "The shooting happened at 4:10 p.m. on Feb. 4, 2031."
    return parse_date(line)


def is_banner(line: str) -> bool:
    return bool(_BANNER.match(line)) and _DATE.search(line) is not None


def byline_name(line: str) -> str | None:
    match = _BYLINE.match(line)
    if match is None or len(words(line)) > 12:
        return None
    return match.group("name").strip()


def is_nav(line: str) -> bool:
    """A menu: several short labels joined by "|" or "•"."""
    if not _NAV_MARK.search(line):
        return False
    parts = _NAV_SEPARATORS.split(line)
    return len(parts) >= 2 and all(0 < len(words(p)) <= 3 for p in parts)


_FURNITURE_LINE = compiled_regex(
    r"^(?:" + phrase_alternation(chrome_words("furniture_lines"))
    + r"|" + phrase_alternation(chrome_words("furniture_openings")) + r"\b.*"
    + r"|" + phrase_alternation(chrome_words("link_labels")) + r"\s*:.*)\W*$",
    re.IGNORECASE,
)
_SOCIAL_WORDS = frozenset(chrome_words("social_words"))


# A video playlist's item: the clip's length, its title, the player's control ("1:55 ... Pause").
_VIDEO_ITEM = compiled_regex(
    r"^\d{1,2}:\d\d\s+(?![AaPp]\.?[Mm]\b)\S.*\s(?:"
    + "|".join(re.escape(word.capitalize()) for word in chrome_words("player_controls")) + r")$"
)


def is_furniture(line: str) -> bool:
    """A page widget's label: "Advertisement", "Share", "Tweet Email Print", "Continue reading",
    a video playlist's item."""
    ws = words(line)
    return bool(_FURNITURE_LINE.match(line) or _VIDEO_ITEM.match(line)) or (
        0 < len(ws) <= 6 and all(w.lower() in _SOCIAL_WORDS for w in ws)
    )


# A photo gallery's counter opening a caption: "Image 22 of 111 ...", "Photo 3 of 12 ...".
_GALLERY_COUNTER = compiled_regex(
    r"^(?:" + phrase_alternation(chrome_words("caption_labels")) + r")\s+\d+\s+of\s+\d+\b", re.IGNORECASE
)


def is_caption(line: str) -> bool:
    if _GALLERY_COUNTER.match(line):
        return True
    if line.endswith(")"):
        opening = line.rfind("(")
        # A sentence that merely ends in a bracketed acronym has its full stop after it.
        if opening > 0 and _CREDIT.match(line, opening + 1, len(line) - 1) and len(words(line[:opening])) >= 3:
            return True
    low = line.lower()
    return contains_any(low, _CAPTION_END_NEEDS) and _CAPTION_END.search(low) is not None


def is_masthead(line: str, next_line: str | None) -> bool:
    """A newspaper's name on the first line: "The Millbrook Gazette"."""
    ws = words(line)
    if not 1 <= len(ws) <= 6 or ends_like_sentence(line) or not all(w[0].isupper() for w in ws[:1]):
        return False
    if ws[-1].lower() not in _MASTHEAD_NOUNS:
        return False
    return ws[0] == "The" or next_line is None or is_page_chrome(next_line)


def is_page_chrome(line: str) -> bool:
    return is_nav(line) or is_banner(line) or _is_menu_row(line)


def _is_menu_row(line: str) -> bool:
    """A row of capitalised section labels with no sentence in it: "Local World Sports Opinion"."""
    ws = words(line)
    return (
        2 <= len(ws) <= 8
        and not ends_like_sentence(line)
        and all(w[0].isupper() or w[0].isdigit() for w in ws)
        and not any(w.lower() in STOPWORDS for w in ws)
    )


def is_title_case(line: str) -> bool:
    """A heading: most words capitalised and no closing punctuation."""
    return not ends_like_sentence(line) and is_title_case_words(words(line))


def is_title_case_words(ws: tuple[str, ...]) -> bool:
    content = [w for w in ws if w.lower() not in STOPWORDS]
    return len(content) >= 2 and sum(w[0].isupper() or w[0].isdigit() for w in content) >= 0.75 * len(content)


def is_sentence(line: str) -> bool:
    """Prose: ends like a sentence; longer ones have function words."""
    ws = words(line)
    if len(ws) < 2 or (len(ws) > 5 and STOPWORDS.isdisjoint(map(str.lower, ws))):
        return False
    # Text cut off mid-sentence still reads as prose: "... was taken to a clinic in Dunmore, Pa,".
    return ends_like_sentence(line) or line.endswith((",", ";")) or len(ws) >= 25


def is_body(line: str) -> bool:
    """A paragraph of the article itself: where the header ends."""
    return is_sentence(line) and not (date_line(line) or byline_name(line) or is_caption(line))


@dataclass(frozen=True)
class Header:
    """What the lines above the first body paragraph say."""

    body_start: int  # index of the first body line
    title_index: int | None
    outlet: str | None
    author: str | None
    published: str | None


HEADER_SCAN = 12  # bylines and dates further down belong to the story, not the page


def parse_header(lines: list[str]) -> Header:
    return _parse_header(tuple(lines))


# Ingest asks twice for the header of the same lines: metadata, then boilerplate removal.
@lru_cache(maxsize=4)
def _parse_header(lines: tuple[str, ...]) -> Header:
    body_start = next((i for i, line in enumerate(lines) if is_body(line)), None)
    if body_start is None:  # a very short article: its first sentence starts it
        body_start = next((i for i, line in enumerate(lines) if ends_like_sentence(line)), len(lines))
    outlet = None
    if lines and body_start > 0 and is_masthead(lines[0], lines[1] if len(lines) > 1 else None):
        outlet = lines[0]
    author = published = None
    title_index = None
    for i, line in enumerate(lines[: max(body_start, min(HEADER_SCAN, len(lines)))]):
        name = byline_name(line)
        if name and author is None:
            author = name
        day = date_line(line)
        if day and published is None:
            published = day
        if i >= body_start or name or day or is_page_chrome(line) or is_caption(line):
            continue
        if (i == 0 and outlet) or line.endswith(".") or is_furniture(line):
            continue
        if title_index is None or len(line) > len(lines[title_index]):
            title_index = i
    return Header(body_start, title_index, outlet, author, published)
