"""JSON (one record or a list of records) and JSON Lines: one article per record."""
from __future__ import annotations

import json
from pathlib import Path

from .. import safe_json
from ..errors import SourceError
from .metadata import FIELDS
from .raw import RawSource, read_text_file

TEXT_KEYS = ("text", "body", "content")


def _record(path: Path, record: object, default_id: str, where: str) -> RawSource:
    if not isinstance(record, dict):
        raise SourceError(f"{path}: {where}expected a JSON object, found {type(record).__name__}")
    text = next((record[k] for k in TEXT_KEYS if isinstance(record.get(k), str)), None)
    if text is None:
        raise SourceError(f"{path}: {where}no text field ({', '.join(TEXT_KEYS)})")
    source_id = str(record["id"]) if record.get("id") not in (None, "") else default_id
    return RawSource(source_id, text, {k: record[k] for k in FIELDS if k in record})


def read_json(path: Path) -> list[RawSource]:
    try:
        data = safe_json.loads(read_text_file(path))
    except json.JSONDecodeError as exc:
        raise SourceError(f"{path}: line {exc.lineno}: malformed JSON: {exc.msg}") from None
    if isinstance(data, list):
        if not data:
            raise SourceError(f"{path}: empty list of records")
        return [_record(path, r, f"{path.stem}-{n}", f"record {n}: ") for n, r in enumerate(data, start=1)]
    return [_record(path, data, path.stem, "")]


def read_jsonl(path: Path) -> list[RawSource]:
    records = []
    for lineno, line in enumerate(read_text_file(path).splitlines(), start=1):
        if not line.strip():
            continue
        try:
            data = safe_json.loads(line)
        except json.JSONDecodeError as exc:
            raise SourceError(f"{path}: line {lineno}: malformed JSON: {exc.msg}") from None
        records.append(_record(path, data, f"{path.stem}-{len(records) + 1}", f"line {lineno}: "))
    return records
