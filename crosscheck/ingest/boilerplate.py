"""Boilerplate removal for scraped news text, by the shape of lines, never by topic.

Four passes over the repaired text (one paragraph per line):

1. Header: above the first body paragraph keep only the headline; mastheads,
   menus, "Today: <date>" banners, bylines, date lines, kickers and captions go
   (their facts go to the metadata instead, see ``metadata.py``).
2. End markers: a short "Related Articles" / "Popular" / "Comments" / "Share This"
   line after the body starts ends the article; what follows is page debris.
3. Debris lines anywhere in the body: share rows, newsletter and sign-in copy,
   captions with credits, bylines, date lines, repeated lines.
4. Tail: each remaining line gets a score (prose +, headings, separators and
   promotional copy -); the body ends where the running sum peaks, the
   boilerpipe / jusText idea of a best contiguous block, anchored at the top.

Anchor-text debris glued into a sentence ("... Jane doeJane DoeSome Headline
Another Headline in a report.") is cut out of the line, keeping the sentence.
"""
from __future__ import annotations

import re

from ..cache import compiled_regex
from .lines import (
    byline_name,
    chrome_words,
    contains_any,
    date_line,
    is_banner,
    is_caption,
    is_furniture,
    is_nav,
    is_sentence,
    is_title_case,
    page_voices,
    parse_header,
    phrase_alternation,
    phrase_parts,
    words,
)

# The word lists are data: crosscheck/vocab/boilerplate.yaml. The shapes are here.
# An end marker is a short heading ("Related Articles", "12 Comments", "More from Sports").
_END_MARKER = compiled_regex(
    r"^(?:(?:\d+\s+)?" + phrase_alternation(chrome_words("end_markers")) + r"(?:\s+\(\d+\))?"
    r"|" + phrase_alternation(chrome_words("end_marker_openings")) + r"(?:\s+[\w-]+){0,3})\W*$",
    re.IGNORECASE,
)
# These run on lower-cased text: case-insensitive alternations are slow in re.
_SIGNUP = compiled_regex(r"\b" + phrase_alternation(chrome_words("sign_up")) + r"\b")
# A piece of every _SIGNUP alternative: a line without any of them cannot match,
# and substring tests are much faster than searching the alternation at every position.
_SIGNUP_PARTS = phrase_parts(chrome_words("sign_up"))
_SIGNUP_STRONG = compiled_regex(r"\b" + phrase_alternation(chrome_words("sign_up_strong")) + r"\b")
# At the start of the line or of one of its sentences ("Don't miss a thing. Get email alerts ...").
_SIGNUP_IMPERATIVE = compiled_regex(r"(?:^|[.!?]\s+)" + phrase_alternation(chrome_words("sign_up_imperatives")) + r"\b")
_YOU = compiled_regex(r"\b(?:you|your|yours)\b")
_ADDRESS = compiled_regex(r"\b(?:you|your|yours|we|us|our|ours)\b")
# Contact addresses, links and the copyright sign by their shape; promotional words from the vocabulary.
_PROMO = compiled_regex(
    r"[\w.+-]@[\w-]+\.\w|https?:|www\.|\b" + phrase_alternation(chrome_words("promotion")) + r"\b|©"
)
_PROMO_PARTS = ("@", "http", "www.", "©", *phrase_parts(chrome_words("promotion")))  # as _SIGNUP_PARTS
_QUOTED = compiled_regex(r"“[^”]*”?|\"[^\"]*\"?")
_SEPARATOR = compiled_regex(r"^[\W_]+$")

# Line scores for the tail pass (see module docstring).
_PROSE = 2.0
_SHORT_SENTENCE = 1.0
_NOT_PROSE = -1.0
_HEADING = -2.0
_SEPARATOR_SCORE = -2.0
_ASIDE = -1.0  # a whole line in brackets: "(See how ...)"
_ADDRESSES_READER = -2.5  # we / our / you outside quotations
_PROMOTION = -3.0
# A run of non-prose lines (a table, a list of names) counts at most this much,
# so prose after an in-article list survives; promotional prose still sinks.
_RUN_FLOOR = -4.0


def strip_boilerplate(text: str) -> str:
    """Repaired text (one paragraph per line) -> the headline and the article body."""
    lines = [line for line in text.split("\n") if line.strip()]
    if not lines:
        return ""
    header = parse_header(lines)
    kept = [lines[header.title_index]] if header.title_index is not None else []
    body = _cut_at_end_marker(lines[header.body_start:])
    debris = _debris_flags(body, header.author, kept)
    # Debris still counts in the tail pass: a newsletter block at the end drags
    # the prose line stuck inside it ("Never miss a story from our newsroom.") out too.
    scores = [
        (_NOT_PROSE, True) if is_debris else line_score(line, voice)
        for line, voice, is_debris in zip(body, page_voices(body), debris)
    ]
    end = max(_best_end(scores), 1)  # the line that opened the body is body by definition
    body = [remove_glued_links(line) for line, is_debris in zip(body[:end], debris) if not is_debris]
    return "\n".join(kept + body)


def _cut_at_end_marker(body: list[str]) -> list[str]:
    for i, line in enumerate(body):
        if i > 0 and len(words(line)) <= 6 and _END_MARKER.match(line):
            return body[:i]
    return body


def _debris_flags(body: list[str], author: str | None, title: list[str]) -> list[bool]:
    """For each line: is it page furniture, the author's name again, or a repeat?"""
    seen = {line.casefold() for line in title}
    flags = []
    for line in body:
        key = line.casefold()
        flags.append(key in seen or (author is not None and key == author.casefold()) or is_debris_line(line))
        seen.add(key)
    return flags


def is_debris_line(line: str) -> bool:
    """A single line that is page furniture wherever it appears."""
    ws = words(line)
    return bool(
        is_furniture(line)
        or is_nav(line)
        or is_banner(line)
        or date_line(line)
        or byline_name(line)
        or is_caption(line)
        or _is_signup(line, ws)
    )


def _is_signup(line: str, ws: tuple[str, ...]) -> bool:
    """Newsletter / sign-in copy; a news sentence about signing up names no reader."""
    low = line.lower()
    if len(ws) > 20 or not (contains_any(low, _SIGNUP_PARTS) and _SIGNUP.search(low)):
        return False
    page_voice = _QUOTED.sub(" ", line).lower()
    return bool(
        _SIGNUP_STRONG.search(page_voice)
        or _SIGNUP_IMPERATIVE.search(low)
        or _YOU.search(page_voice)
        or not is_sentence(line)
    )


def line_score(line: str, page_voice: str) -> tuple[float, bool]:
    """(score, structural): structural lines are headings, lists, separators, asides."""
    ws = words(line)
    if _SEPARATOR.match(line):
        return _SEPARATOR_SCORE, True
    if is_title_case(line):
        return _HEADING, True
    if line.startswith("(") and line.endswith((")", ").")):
        score = _ASIDE
    elif is_sentence(line):
        score = _PROSE if len(ws) >= 8 else _SHORT_SENTENCE
    else:
        score = _NOT_PROSE
    structural = True
    page_voice = page_voice.lower()
    if _ADDRESS.search(page_voice):
        score, structural = score + _ADDRESSES_READER, False
    if contains_any(page_voice, _PROMO_PARTS) and _PROMO.search(page_voice):
        score, structural = score + _PROMOTION, False
    return score, structural


def _best_end(scores: list[tuple[float, bool]]) -> int:
    """Where the running score peaks (the latest such place, to keep all prose)."""
    best_end, best, total, run = 0, 0.0, 0.0, 0.0
    for i, (score, structural) in enumerate(scores):
        if score < 0 and structural:
            # a run of headings / list items costs at most _RUN_FLOOR in all
            step = max(score, _RUN_FLOOR - run)
            run += step
        else:
            step, run = score, 0.0
        total += step
        if total >= best:
            best, best_end = total, i + 1
    return best_end


# --- anchor text glued into a sentence ---------------------------------------
# "said the mayor of Millbrook. Jane doeJane DoeSome Headline Here Another One in a report."
# A lower-case word run straight into a capitalised one is where a link's text
# was pasted without a space; the capitalised run after it is a list of linked
# headlines, which ends where plain lower-case prose resumes.
_GLUE = compiled_regex(r"\b(?P<name>(?:[A-Z][a-z]+\s+){0,3})(?P<low>[a-z]{2,})(?=[A-Z][a-z])")
_PROSE_TAIL = compiled_regex(r"(?:\s+[a-z][\w'’-]*[,;]?)+\s*[.!?]?[\"'”’)]*$")


# Same as [a-z][A-Z][a-z], but starting at the (rarer) capital makes the search fast.
_GLUE_HINT = compiled_regex(r"[A-Z](?<=[a-z][A-Z])[a-z]")


def remove_glued_links(line: str) -> str:
    match = _GLUE.search(line) if _GLUE_HINT.search(line) else None
    if match is None:
        return line
    glue = match.end()
    head, rest_start = line[:glue], glue
    # "Jane doeJane Doe": the broken copy of a name is dropped, the link text kept.
    name_words = (match.group("name") + match.group("low")).split()
    for n in range(len(name_words), 1, -1):
        broken = " ".join(name_words[-n:])
        if line[glue : glue + len(broken)].lower() == broken.lower():
            head = line[: match.end() - len(broken)] + line[glue : glue + len(broken)]
            rest_start = glue + len(broken)
            break
    tail = _PROSE_TAIL.search(line, rest_start)
    return head.rstrip() + (" " + tail.group().lstrip() if tail else ".")
