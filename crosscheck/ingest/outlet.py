"""The outlet a page names itself, where it plainly does so.

The masthead on a page's first line is read by ``lines.parse_header``, an HTML
page's og:site_name by trafilatura. Here: a byline that adds the outlet ("By
Jane Roe, The Daily Star"), a copyright line with its year ("© 2031 The Daily
Star. All rights reserved."), and a request for comment made in the outlet's own name
("The Daily Star has reached out to the agency for comment"). Each is a shape of
the line, never its topic; anything less plain leaves the outlet unknown.
"""
from __future__ import annotations

import re

from ..cache import compiled_regex
from ..text import STOPWORDS
from .lines import _BYLINE, HEADER_SCAN, Header, chrome_words, phrase_alternation, words

# A proper name of up to six words: "The Daily Star", "Springfield News-Leader".
_NAME = r"(?:The\s+)?[A-Z][\w&'’.-]*(?:\s+(?:of|and|&|the|for|on|[A-Z][\w&'’.-]*)){0,5}"
# A photo agency's copyright is on a picture, not the page ("© 2031 Getty Images").
_PHOTO_CREDIT = compiled_regex(
    r"\b" + phrase_alternation(chrome_words("credit_endings") + chrome_words("caption_labels")) + r"\b", re.IGNORECASE
)
_ROLE = compiled_regex(r"\b" + phrase_alternation(chrome_words("byline_roles")) + r"\b", re.IGNORECASE)
_COPYRIGHT = compiled_regex(
    rf"^(?:copyright\s*)?(?:©|\(c\)|copyright)\s*\d{{4}}(?:\s*[-–]\s*\d{{4}})?,?\s*(?P<name>{_NAME}?)"
    r"[,.]?(?:\s*(?:inc|llc|ltd)\.?)?[,.]?(?:\s*all rights reserved\.?)?$",
    re.IGNORECASE,
)
# "<Outlet> has contacted the agency for comment", "... sought comment from ...".
_SELF_REFERENCE = compiled_regex(
    rf"(?:^|(?<=[.!?”\"] ))(?P<name>{_NAME})\s+(?:has|have|had)\s+"
    r"(?:(?:contacted|reached out to|asked|emailed|called)\b[^.!?]{1,120}?\bfor (?:a )?comment"
    r"|(?:sought|requested) comment from)\b"
)
# Lines past this many characters are prose, not a byline or a copyright line.
_SHORT_LINE = 120


def outlet_in_byline(line: str) -> str | None:
    """"By Jane Roe, The Daily Star" -> "The Daily Star"; a role or a date after the name is not one."""
    match = _BYLINE.match(line)
    if match is None or len(line) > _SHORT_LINE:
        return None
    rest = line[match.end("name"):].lstrip(" ,|/•·–—-").strip()
    if not re.fullmatch(_NAME, rest) or _ROLE.search(rest) or any(c.isdigit() for c in rest):
        return None
    if re.search(r"\s(?:and|&)\s", rest):  # "By Jane Roe, John Doe and Ann Poe": more writers
        return None
    return _proper(rest)


def stated_outlet(lines: list[str]) -> str | None:
    """The outlet a copyright line or a request for comment names, first found (bylines: outlet_in_byline)."""
    for line in lines:
        if len(line) <= _SHORT_LINE and (match := _COPYRIGHT.match(line.strip())) and match.group("name"):
            if (name := _proper(match.group("name"))) and not _PHOTO_CREDIT.search(name):
                return name
    for line in lines:
        if "comment" in line and (match := _SELF_REFERENCE.search(line)):
            if name := _proper(match.group("name")):
                return name
    return None


def _proper(name: str) -> str | None:
    """The name without trailing small words, or None for a pronoun or a common word ("He", "This")."""
    ws = name.rstrip(".,").split()
    while ws and ws[-1].islower():
        ws.pop()
    head = ws[1] if len(ws) > 1 and ws[0] == "The" else ws[0] if ws else ""
    if not ws or head.lower() in STOPWORDS or not words(head):
        return None
    return " ".join(ws)


def page_outlet(lines: list[str], header: Header) -> str | None:
    """The outlet the page names: its masthead, else a byline in its header, else stated_outlet."""
    head = lines[: max(header.body_start, HEADER_SCAN)]
    return header.outlet or next(filter(None, map(outlet_in_byline, head)), None) or stated_outlet(lines)
