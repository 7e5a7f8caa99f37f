"""Plain text files: the whole file is one article, named by the file stem."""
from __future__ import annotations

from pathlib import Path

from .raw import RawSource, read_text_file


def read_plain_text(path: Path) -> list[RawSource]:
    return [RawSource(path.stem, read_text_file(path))]
