"""Ingest: files and folders -> cleaned Documents."""
from __future__ import annotations

from ..model import Document, Source
from ..text import split_sentences


def build_document(source: Source, text: str) -> Document:
    """A Document from already-cleaned text: the one place sentences are split."""
    return Document(source=source, text=text, sentences=split_sentences(text))
