"""JSON as crosscheck reads it (.json sources, reports given to ``diff``): with a
nesting limit, so "[" repeated 100,000 times is an error with a line, not a
RecursionError."""
from __future__ import annotations

import json

from .cache import compiled_regex

MAX_DEPTH = 100
# Strings are skipped whole, so brackets inside them do not count.
_TOKEN = compiled_regex(r'"(?:[^"\\]|\\.)*"|[\[\]{}]')


def loads(text: str) -> object:
    """json.loads, or json.JSONDecodeError (also for nesting deeper than MAX_DEPTH)."""
    depth = 0
    for token in _TOKEN.finditer(text):
        bracket = token.group()
        if bracket in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                raise json.JSONDecodeError(f"nested deeper than {MAX_DEPTH} levels", text, token.start())
        elif bracket in "]}":
            depth -= 1
    return json.loads(text)
