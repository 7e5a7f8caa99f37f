"""Markdown files with optional YAML front matter (outlet, url, published, title, author)."""
from __future__ import annotations

import bisect
import re
from pathlib import Path

from ..cache import compiled_regex
from ..errors import SourceError
from .metadata import FIELDS
from .raw import RawSource, read_text_file

_FENCE = compiled_regex(r"^---[ \t]*$", re.MULTILINE)
# Every open-ended part stops at its own opener or is bounded, so that a line of
# thousands of unclosed openers ("[[[[", "<a<a", "](((") is read in linear time.
_IMAGE = compiled_regex(r"!\[[^\[\]]*\]\([^()]{0,2000}\)")
_LINK = compiled_regex(r"\[([^\[\]]+)\](?:\([^()]{0,2000}\)|\[[^\[\]]*\])")
_LINK_DEFINITION = compiled_regex(r"^[ \t]*\[[^\[\]\n]+\]:[ \t]*\S+.*$", re.MULTILINE)
_TAG = compiled_regex(r"<[^<>\n]+>")
# Emphasis marks in the order tried at each position, and where each may close
# (after a non-space; zero-width, so "***" gives every position).
_CLOSERS = {mark: compiled_regex(rf"(?<=\S)(?={re.escape(mark)})") for mark in ("**", "__", "*", "_")}
_CODE = compiled_regex(r"`([^`]*)`")
_BLOCK_START = compiled_regex(r"^\s*(?:#{1,6}\s+|>\s?|[-*+]\s+|\d+[.)]\s+)")
_HEADING_OR_ITEM = compiled_regex(r"^\s*(?:#{1,6}\s+|[-*+]\s+|\d+[.)]\s+)")
_RULE = compiled_regex(r"^\s*(?:[-*_]\s*){3,}$")


def split_front_matter(text: str, path: Path) -> tuple[dict, str]:
    """(metadata, body); the front matter is a YAML mapping between two "---" lines at the top."""
    if not text.startswith("---"):
        return {}, text
    first = _FENCE.match(text)
    closing = _FENCE.search(text, first.end()) if first else None
    if first is None or closing is None:
        raise SourceError(f"{path}: line 1: front matter opened with '---' is never closed")
    import yaml  # here, not at the top: only front matter needs it

    from .. import safe_yaml

    try:
        meta = safe_yaml.load(text[first.end():closing.start()]) or {}
    except yaml.YAMLError as exc:
        # the YAML text starts right after the opening "---", on the file's first line
        line, reason = safe_yaml.problem(exc)
        where = f"line {line}: " if line else ""
        raise SourceError(f"{path}: {where}malformed front matter: {reason}") from None
    if not isinstance(meta, dict):
        raise SourceError(f"{path}: line 2: front matter must be a mapping of keys ({', '.join(FIELDS)})")
    return {k: v for k, v in meta.items() if k in FIELDS}, text[closing.end():]


def markdown_to_text(body: str) -> str:
    """Markdown -> plain paragraphs, one per line; wrapped lines of a paragraph are joined."""
    body = _LINK_DEFINITION.sub("", _TAG.sub("", _strip_comments(body)))
    paragraphs: list[str] = []
    current: list[str] = []
    for line in body.split("\n"):
        if not line.strip() or _RULE.match(line):
            paragraphs.append(" ".join(current))
            current = []
            continue
        if _HEADING_OR_ITEM.match(line) and current:
            paragraphs.append(" ".join(current))
            current = []
        current.append(_inline(_BLOCK_START.sub("", line).strip()))
        if _HEADING_OR_ITEM.match(line) and line.lstrip().startswith("#"):
            paragraphs.append(" ".join(current))
            current = []
    paragraphs.append(" ".join(current))
    return "\n".join(p for p in paragraphs if p)


def _strip_comments(body: str) -> str:
    """``body`` without <!-- ... --> comments; an unclosed one is kept as text."""
    pieces, pos = [], 0
    while (start := body.find("<!--", pos)) >= 0:
        end = body.find("-->", start + 4)
        if end < 0:
            break  # no later comment can close either
        pieces.append(body[pos:start])
        pos = end + 3
    pieces.append(body[pos:])
    return "".join(pieces)


def _strip_emphasis(line: str) -> str:
    """``line`` with *x*, **x**, _x_ and __x__ reduced to x: the nearest closing mark
    wins, as a lazy regex would find it, but each closer is found by bisection
    instead of a rescan of the line from every opener."""
    closers = {mark: [m.start() for m in closer.finditer(line)] for mark, closer in _CLOSERS.items() if mark in line}
    if not closers:
        return line
    out, i, copied = [], 0, 0
    while i < len(line):
        for mark, ends in closers.items():
            inner = i + len(mark)
            if not line.startswith(mark, i) or inner >= len(line) or line[inner].isspace():
                continue
            k = bisect.bisect_left(ends, inner + 1)
            if k < len(ends):
                out += [line[copied:i], line[inner:ends[k]]]
                i = copied = ends[k] + len(mark)
                break
        else:
            i += 1
    out.append(line[copied:])
    return "".join(out)


def _inline(line: str) -> str:
    line = _LINK.sub(r"\1", _IMAGE.sub("", line))
    return _strip_emphasis(_CODE.sub(r"\1", line))


def read_markdown(path: Path) -> list[RawSource]:
    meta, body = split_front_matter(read_text_file(path), path)
    return [RawSource(path.stem, markdown_to_text(body), meta)]
