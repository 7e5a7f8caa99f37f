"""Quotations and who said them -> QUOTE claims.

Quote marks are paired by their context (an opening mark follows a space, a
closing mark precedes one), so straight quotes work as well as curly ones and a
quote may run over the line breaks of one-sentence-per-line text. Short
borrowings (“fair share”) are skipped; partial quotes of four words or
more are kept. Single quotes, straight or curly and mixed as real copy mixes
them (‘…' and '…’), pair within a paragraph and outside double quotes. The
speaker comes from the attribution around the quote (“…,” said X / X said, “…”
/ “…,” he said / “…,” the agency said / ”—Name, role), else from the previous
quote of the same paragraph or of the paragraph just before. A single quote,
or a paragraph ending in ” whose opening mark was lost, counts only with a
speaker: without one it is a scare quote or a stray mark.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache

from ..cache import compiled_regex
from ..model import Claim, ClaimKind, Document, make_attrs
from ..vocab import load as load_vocab
from .people import ABBREVIATED_WORDS, TITLE_HEADS, Mention, find_people, looks_like_name, person_key

MIN_WORDS = 4
MAX_QUOTE_CHARS = 1500
# Most characters between two quotes of one paragraph for the second to continue the first's speaker.
MAX_CONTINUATION_GAP = 120
# How many paragraphs before a quote's own a "he said" may look for the person it means.
PRONOUN_PARAGRAPHS = 2

_SAY_VERBS = "|".join(map(re.escape, load_vocab("say_verbs")["words"]))
_SAY = rf"(?:{_SAY_VERBS})(?:\s+(?:{_SAY_VERBS}))?"
_DOUBLE_MARK = compiled_regex(r"[“”\"]")
# Single marks: curly ones, and the straight one (also an apostrophe) in copy that quotes with it.
_SINGLE_MARK = compiled_regex(r"[‘’']")
_SINGLE_OPENING = compiled_regex(r"[\s(\[—–“\"-][‘']\S")
# One character of an attribution phrase: no sentence end, but the periods of "Mr." and "J." are fine.
# A lookbehind has one width, so the abbreviations go in one lookbehind per length.
_AFTER_ABBREVIATION = "|".join(
    r"(?<=%s)\." % "|".join(sorted(w for w in ABBREVIATED_WORDS if len(w) == n))
    for n in sorted({len(w) for w in ABBREVIATED_WORDS})
)
_WHO = rf"(?:[^.;:!?“”\"\n]|(?<=[\s(][A-Z])\.|{_AFTER_ABBREVIATION})"
# ,” said X ... / ,” X said   (text right after a closing mark)
_AFTER_VERB_FIRST = compiled_regex(rf"[\s,]*(?:{_SAY})\b\s*(?P<who>{_WHO}{{1,120}})")
_AFTER_SPEAKER_FIRST = compiled_regex(
    rf"[\s,]*(?P<who>{_WHO}{{1,140}}?)\s+(?:has\s+|had\s+|also\s+|later\s+|then\s+)?(?:{_SAY})\b"
)
# ” —Name, role   (a pull quote's credit line)
_AFTER_DASH = compiled_regex(rf"[ \t]*[-—–]+[ \t]*(?P<who>{_WHO}{{1,120}})")
# X said, “…  /  X said: "…   (text right before an opening mark)
_SAY_TAIL = rf"(?:{_SAY})\b[^.;:!?“”\"\n]{{0,40}}?[,:]\s*$"
_BEFORE = compiled_regex(rf"(?P<who>{_WHO}{{1,140}}?)\s+{_SAY_TAIL}")
# _BEFORE tries every start with every length of speaker; these two cheap scans rule most
# texts out first: its say-verb tail must be there, and no [;!?“”":] may lie inside it.
_BEFORE_TAIL = compiled_regex(rf"\s{_SAY_TAIL}")
_LAST_BREAK = compiled_regex(r".*[;:!?“”\"]", re.S)
_PRONOUN = compiled_regex(r"(?i)^(?:he|she|they|i|we)$")
_ARTICLE_PHRASE = compiled_regex(r"(?i)^(?:the|a|an|its|his|her|their)\s+[\w’'. -]+$|^[A-Z]{2,}$")
_TRAIL = compiled_regex(r"\s+(?:in|on|at|during|who|when|after|before|while|to|of a|from)\b.*$", re.S)
_WORD = compiled_regex(r"[\w’']+")
_PUNCT = compiled_regex(r"[^\w\s]")
_SPACES = compiled_regex(r"\s+")


def _normalize(text: str) -> str:
    return _SPACES.sub(" ", text).strip()


@lru_cache(maxsize=8192)
def quote_norm(text: str) -> str:
    """Lower-case quote text without punctuation, for fuzzy matching across sources."""
    text = text.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"').lower()
    return _normalize(_PUNCT.sub(" ", text.replace("'", "")))


def _is_opening(text: str, i: int) -> bool:
    mark = text[i]
    if mark == "“":
        # a “ with only spaces after it before the line ends closes a quote (a typo seen in real copy)
        rest = text[i + 1 : i + 3]
        return not (rest == "" or rest[0] == "\n" or rest.strip() == "" )
    if mark == "”":
        return False
    before = text[i - 1] if i else " "
    return (before.isspace() or before in "([—-–") and i + 1 < len(text) and not text[i + 1].isspace()


def quoted_spans(text: str) -> tuple[tuple[int, int], ...]:
    """(start, end) of the double- and single-quoted spans of ``text``, by start."""
    return tuple((start, end) for start, end, kind in _spans(text) if kind != "orphan")


@lru_cache(maxsize=256)  # the people extractor asks for the spans of the same text
def _spans(text: str) -> tuple[tuple[int, int, str], ...]:
    """(start, end, kind) of quoted spans, marks included, by start.

    kind is 'double' (“…” or "…"), 'single' (‘…’ or '…', within one paragraph,
    outside double quotes) or 'orphan': a paragraph that ends with ” but has no
    opening mark, the opening lost in copying; its span starts at the paragraph.
    """
    doubles = _double_spans(text)
    return tuple(sorted(doubles + _single_spans(text, doubles)))


def _double_spans(text: str) -> list[tuple[int, int, str]]:
    spans = []
    open_at = -1
    last_end = 0
    for match in _DOUBLE_MARK.finditer(text):
        i, mark = match.start(), match.group()
        if open_at < 0:
            if _is_opening(text, i):
                open_at = i
            elif mark == "”":
                line_start = text.rfind("\n", 0, i) + 1
                if last_end <= line_start < i:
                    spans.append((line_start, i + 1, "orphan"))
                    last_end = i + 1
            continue
        if i - open_at > MAX_QUOTE_CHARS:
            open_at = i if _is_opening(text, i) else -1
            continue
        if _is_opening(text, i) and mark != '"':
            # a new opening before any close: the old quote ran to the end of its paragraph
            line_end = text.find("\n", open_at)
            if 0 <= line_end < i:
                spans.append((open_at, line_end, "double"))
            open_at = i
            continue
        spans.append((open_at, i + 1, "double"))
        last_end = i + 1
        open_at = -1
    return spans


def _single_spans(text: str, doubles: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Single-quoted spans outside ``doubles``: straight and curly marks mix in real copy (‘…' and '…’)."""
    if not text.startswith(("'", "‘")) and not _SINGLE_OPENING.search(text):
        return []  # apostrophes only, as in most copy: skip the scan
    starts = [span[0] for span in doubles]
    spans = []
    open_at = -1
    for match in _SINGLE_MARK.finditer(text):
        i, mark = match.start(), match.group()
        inside = bisect_right(starts, i) - 1
        if inside >= 0 and i < doubles[inside][1]:
            continue
        if open_at >= 0 and text.find("\n", open_at, i) >= 0:
            open_at = -1  # a single quote closes within its paragraph; that one was an apostrophe
        if open_at >= 0 and _closes_single(text, i):
            spans.append((open_at, i + 1, "single"))
            open_at = -1
        elif _opens_single(text, i) and (open_at < 0 or mark == "‘"):
            open_at = i
    return spans


def _opens_single(text: str, i: int) -> bool:
    """A ‘ or ' at a word start; not the apostrophe of '90s."""
    if text[i] == "’" or i + 1 >= len(text):
        return False
    before = text[i - 1] if i else " "
    after = text[i + 1]
    return (before.isspace() or before in "([—-–“\"") and not after.isspace() and not (text[i] == "'" and after.isdigit())


def _closes_single(text: str, i: int) -> bool:
    """A ’ or ' at a word end; not an apostrophe inside a word (can’t) or of a plural possessive (the boys’ bikes)."""
    if text[i] == "‘" or not i or text[i - 1].isspace():
        return False
    after = text[i + 1 : i + 3]
    if after[:1].isalnum():
        return False
    return not (text[i - 1] in "sS" and after[:1] == " " and after[1:].islower())


def _mention_in(mentions: tuple[Mention, ...], lo: int, hi: int) -> Mention | None:
    for mention in mentions:
        if lo <= mention.start and mention.end <= hi:
            return mention
    return None


# "Lee said", "Lee, 56, told reporters": a named speaker of reported speech.
_SAID_AFTER = compiled_regex(rf"(?:,\s*\d{{1,3}},)?\s+{_SAY}\b")
_SENTENCE_END = compiled_regex(r"[.!?][\"”’)]?\s")


def _antecedent(text: str, mentions: tuple[Mention, ...], offset: int, prior) -> tuple[str, str, str] | None:
    """Whom a "he said" before ``offset`` means: the person named or quoted last, in the quote's
    paragraph or the two before (further on it has lost its antecedent). A possessive named last
    ("Lee's friend said he ...") means someone unnamed: no one. ``prior``: (end, speaker) of
    the previous quote."""
    floor = text.rfind("\n", 0, offset) + 1
    for _ in range(PRONOUN_PARAGRAPHS):
        while floor and text[floor - 1].isspace():
            floor -= 1
        floor = text.rfind("\n", 0, floor) + 1
    last, at, speaker = None, floor, None
    for mention in mentions:
        if mention.start >= offset:
            break
        if mention.start >= floor:
            if speaker and not _SENTENCE_END.search(text, speaker.end, mention.start):
                continue  # "Lee said Cole got to a neighbor's home": Cole is what Lee said, not a speaker
            last = None if text.startswith(("'s", "’s"), mention.end) else mention
            speaker = mention if _SAID_AFTER.match(text, mention.end) else None
            at = mention.start
    if prior and prior[1] and prior[1][1] == "person" and prior[0] > at:
        return prior[1]
    return (last.full, "person", last.key) if last else None


def _speaker(text: str, phrase: str, lo: int, mentions, quote_start: int, prior) -> tuple[str, str, str] | None:
    """(subject, speaker_kind, speaker_key) for the attribution phrase at text[lo:lo+len(phrase)]."""
    mention = _mention_in(mentions, lo, lo + len(phrase))
    if mention:
        return mention.full, "person", mention.key
    phrase = _TRAIL.sub("", phrase).strip(" ,")
    if _PRONOUN.match(phrase):
        return _antecedent(text, mentions, quote_start, prior) if phrase.lower() in ("he", "she") else None
    name = phrase.split(",")[0]
    if looks_like_name(name):
        return name, "person", person_key(name)
    if not phrase or len(phrase.split()) > 6 or not _ARTICLE_PHRASE.match(phrase):
        return None
    kind = "descriptor" if any(w in TITLE_HEADS for w in phrase.lower().split()) else "organization"
    return phrase, kind, ""


def _names_first(phrase: str, lo: int, mentions) -> bool:
    """Whether the phrase at text[lo:] starts with a person: "Marta, witness", "Sheriff Jo Lee"."""
    return looks_like_name(phrase.split(",")[0].strip()) or any(m.span_start == lo for m in mentions)


def _attribute(text: str, start: int, end: int, mentions, prior) -> tuple[str, str, str] | None:
    """Speaker of the quote at text[start:end] from the words around it, or None.
    ``prior``: (end, speaker) of the previous quote, for a "he said"."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    after = text[end:line_end]
    for pattern in (_AFTER_VERB_FIRST, _AFTER_SPEAKER_FIRST, _AFTER_DASH):
        match = pattern.match(after)
        if match:
            who, lo = match.group("who"), end + match.start("who")
            if pattern is _AFTER_DASH and not _names_first(who, lo, mentions):
                continue  # after a dash only a name credits a quote ("” — a reference to Smith" does not)
            found = _speaker(text, who, lo, mentions, start, prior)
            if found:
                return found
    before = text[max(line_start, start - 200) : start]
    match = _attribution_before(before)
    if match:
        return _speaker(text, match.group("who"), start - len(before) + match.start("who"), mentions, start, prior)
    return None


def _attribution_before(before: str) -> re.Match | None:
    """``_BEFORE.search(before)``, searching only from the last character no match may span."""
    body = before.rstrip()
    if not body.endswith((",", ":")):
        return None
    last_break = _LAST_BREAK.match(before, 0, len(body) - 1)  # the final , or : is the match's own
    floor = last_break.end() if last_break else 0
    if not _BEFORE_TAIL.search(before, floor):
        return None
    return _BEFORE.search(before, floor)


def extract_quotes(doc: Document) -> list[Claim]:
    """QUOTE claims of ``doc``: quotations of four words or more, with their speaker when known."""
    text = doc.text
    if not any(mark in text for mark in "\"“”‘’'"):
        return []
    mentions = find_people(text)
    claims = []
    previous = None  # (line start, line end, speaker, end) of the last quote
    for start, end, mark in _spans(text):
        opening = 0 if mark == "orphan" else 1
        closing = 1 if text[end - 1] in "”’'\"“" else 0
        value = _normalize(text[start + opening : end - closing]).rstrip(",").rstrip()
        if len(_WORD.findall(value)) < MIN_WORDS:
            continue
        speaker = _attribute(text, start, end, mentions, previous and (previous[3], previous[2]))
        line_start = text.rfind("\n", 0, start) + 1
        if speaker is None and previous and previous[2]:
            same_paragraph = previous[0] == line_start and start - previous[3] <= MAX_CONTINUATION_GAP
            only_quote = not text[line_start:start].strip() and not text[end : _line_end(text, end)].strip(" .")
            follows = previous[1] < line_start and not text[previous[1] : line_start].strip()
            if same_paragraph or (only_quote and follows):
                speaker = previous[2]
        if mark != "double" and speaker is None:
            continue  # an unattributed ‘…’ is a title or scare quote; a lone ” may be a stray mark
        subject, kind, key = speaker or ("", "unknown", "")
        previous = (line_start, _line_end(text, end), speaker, end)
        sentence = doc.sentence_at(start + 1 if start + 1 < len(text) and text[start + 1] != "\n" else start)
        claims.append(
            doc.claim(
                ClaimKind.QUOTE,
                subject,
                value,
                start,
                end,
                sentence=sentence,
                attrs=make_attrs(ClaimKind.QUOTE, speaker_kind=kind, speaker_key=key, norm=quote_norm(value)),
            )
        )
    return claims


def _line_end(text: str, offset: int) -> int:
    end = text.find("\n", offset)
    return len(text) if end < 0 else end
