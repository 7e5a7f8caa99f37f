"""What a format reader hands on: a source id, its raw text and declared metadata."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..errors import SourceError
from .clean import DecodeError, decode_bytes


@dataclass(frozen=True)
class RawSource:
    id: str
    text: str
    meta: dict = field(default_factory=dict)  # keys among metadata.FIELDS, as the file declares them


def read_text_file(path: Path) -> str:
    """The decoded contents of ``path``; SourceError "<path>: <reason>" if it is not text."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise SourceError(f"{path}: cannot read ({exc.strerror or exc})") from None
    try:
        return decode_bytes(data)
    except DecodeError as exc:
        raise SourceError(f"{path}: {exc}") from None
