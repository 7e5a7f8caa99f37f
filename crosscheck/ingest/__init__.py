"""Ingest: files and folders -> cleaned Documents.

Every format reader only reads (bytes -> text + declared metadata); all of them
then go through ``ingest_text``, the pure core that repairs, cleans and infers.
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Callable, Sequence

from ..errors import EmptySourceError, SourceError
from ..model import Document, Skipped, Source
from ..text import split_sentences
from .boilerplate import strip_boilerplate
from .clean import clean_text, repair_text
from .html import read_html
from .manifest import MANIFEST_NAMES, load_manifest
from .markdown import read_markdown
from .metadata import infer_metadata, merge_metadata
from .plain_text import read_plain_text
from .raw import RawSource
from .records import read_json, read_jsonl

__all__ = [
    "READERS", "build_document", "clean_text", "infer_metadata", "ingest_text", "load_document", "load_sources",
    "require_sources",
]

READERS: dict[str, Callable[[Path], list[RawSource]]] = {
    ".txt": read_plain_text,
    ".md": read_markdown,
    ".markdown": read_markdown,
    ".html": read_html,
    ".htm": read_html,
    ".json": read_json,
    ".jsonl": read_jsonl,
}


def build_document(source: Source, text: str) -> Document:
    """A Document from already-cleaned text: the one place sentences are split."""
    return Document(source=source, text=text, sentences=split_sentences(text))


def ingest_text(source_id: str, raw: str, meta: dict | None = None) -> Document:
    """Raw text -> cleaned Document; declared ``meta`` (including ``path``) wins over inference."""
    meta = meta or {}
    repaired = repair_text(raw)
    try:
        fields = merge_metadata(infer_metadata(repaired), meta)
    except ValueError as exc:  # an unreadable declared date, a list for a title
        raise SourceError(f"{meta.get('path') or source_id}: {exc}") from None
    text = strip_boilerplate(repaired)
    if not text:
        raise EmptySourceError(f"{meta.get('path') or source_id}: no text left after cleaning")
    return build_document(Source(id=source_id, path=meta.get("path"), **fields), text)


def load_document(
    path: str | Path, manifest: dict[str, dict] | None = None, skipped: list[Skipped] | None = None,
) -> list[Document]:
    """The documents in one file (several for a JSON list or JSON Lines).

    With a ``skipped`` list, a document that cleans to nothing (a photo gallery,
    a page of links) is noted there instead of raising: one such page must not
    sink a story (``require_sources`` raises when nothing else is left)."""
    path = Path(path)
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        raise SourceError(f"{path}: unsupported file type {path.suffix or '(none)'!r} (known: {', '.join(READERS)})")
    if manifest is None:
        manifest = load_manifest(path.parent)
    declared = manifest.get(path.name, {})
    documents = []
    for raw in reader(path):
        meta = {**raw.meta, **declared, "path": str(path)}
        try:
            documents.append(ingest_text(raw.id, raw.text, meta))
        except EmptySourceError as exc:
            if skipped is None:
                raise
            record = f"record {raw.id!r}: " if raw.id != path.stem else ""
            skipped.append(Skipped(str(path), record + str(exc).removeprefix(f"{path}: ")))
    return documents


def require_sources(paths: Sequence[str | Path], documents: Sequence[object], emptied: Sequence[Skipped]) -> None:
    """A story needs a source: when none is left, the first file read and
    skipped (``emptied`` by load_document) says why."""
    if documents:
        return
    if emptied:
        raise SourceError(f"{emptied[0].file}: {emptied[0].reason}")
    raise SourceError(f"{', '.join(map(str, paths))}: no sources (looked for {', '.join(READERS)})")


def load_sources(paths: Sequence[str | Path], skipped: list[Skipped] | None = None) -> list[Document]:
    """Documents from files and folders (walked recursively, sorted); ids must be unique.

    With a ``skipped`` list, files not read are noted there (see load_document)."""
    documents: list[Document] = []
    origin: dict[str, str] = {}
    emptied: list[Skipped] | None = None if skipped is None else []
    for _, file, manifest in source_paths(paths, skipped):
        for document in load_document(file, manifest, emptied):
            source = document.source
            if source.id in origin:
                raise SourceError(f"{source.path}: source id {source.id!r} is already used by {origin[source.id]}")
            origin[source.id] = source.path or source.id
            documents.append(document)
    require_sources(paths, documents, emptied or ())
    if skipped is not None:
        skipped += emptied or ()
    return documents


def source_paths(
    paths: Sequence[str | Path], skipped: list[Skipped] | None = None,
) -> list[tuple[int, Path, dict[str, dict]]]:
    """Every file ``load_sources(paths)`` reads, in its order, as (index of the
    given path, file, the manifest of its folder). The one walk that the store
    and the parallel engine share with load_sources. Files in the folders that
    are of no type crosscheck reads go to ``skipped``, when given."""
    found: list[tuple[int, Path, dict[str, dict]]] = []
    for given, path in enumerate(map(Path, paths)):
        if path.is_dir():
            files = files_in_folder(path, skipped)
            if not files:
                raise SourceError(f"{path}: no sources (looked for {', '.join(READERS)})")
            found += [(given, file, manifest) for file, manifest in files]
        elif path.exists():
            found.append((given, path, load_manifest(path.parent)))
        else:
            raise SourceError(f"{path}: no such file or directory")
    return found


def files_in_folder(folder: Path, skipped: list[Skipped] | None = None) -> list[tuple[Path, dict]]:
    """Readable files under ``folder``, sorted, with their folder's manifest; hidden
    ones passed over, other types noted in ``skipped`` when given."""
    found = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        names = sorted(f for f in files if not f.startswith(".") and f not in MANIFEST_NAMES)
        if skipped is not None:
            skipped += [
                Skipped(os.path.join(root, f), f"not a type crosscheck reads ({os.path.splitext(f)[1] or 'no extension'})")
                for f in names if os.path.splitext(f)[1].lower() not in READERS
            ]
        names = [f for f in names if os.path.splitext(f)[1].lower() in READERS]  # no Path per name: it is slow
        if names:
            root_path = Path(root)
            manifest = load_manifest(root_path)
            found.extend((root_path / name, manifest) for name in names)
    return found
