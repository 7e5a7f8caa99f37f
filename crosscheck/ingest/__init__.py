"""Ingest: files and folders -> cleaned Documents.

Every format reader only reads (bytes -> text + declared metadata); all of them
then go through ``ingest_text``, the pure core that repairs, cleans and infers.
"""
from __future__ import annotations

import os
import stat
from pathlib import Path
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass

from ..errors import EmptySourceError, SourceError, warn
from ..limits import DEFAULT_LIMITS, Limits
from ..model import Document, Skipped, Source
from ..config import CONFIG_FILE
from ..text import split_sentences
from ..verdicts import VERDICTS_FILE
from .boilerplate import strip_boilerplate
from .clean import clean_text, repair_text
from .html import read_html
from .manifest import MANIFEST_NAMES, load_manifest
from .markdown import read_markdown
from .metadata import infer_metadata, merge_metadata
from .plain_text import read_plain_text
from .raw import RawSource, read_text_file
from .records import read_json, read_jsonl

__all__ = [
    "READERS", "SourceFile", "build_document", "check_unique_ids", "clean_text", "infer_metadata", "ingest_text",
    "load_document", "load_sources",
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


def build_document(source: Source, text: str, file_text: str = "") -> Document:
    """A Document from already-cleaned text: the one place sentences are split."""
    return Document(source=source, text=text, sentences=split_sentences(text), file_text=file_text)


def ingest_text(source_id: str, raw: str, meta: dict | None = None, file_text: str = "") -> Document:
    """Raw text -> cleaned Document; declared ``meta`` (including ``path``) wins over inference.
    ``file_text`` is the file it came from, where its claims are located by line."""
    meta = meta or {}
    repaired = repair_text(raw)
    try:
        fields = merge_metadata(infer_metadata(repaired), meta)
    except ValueError as exc:  # an unreadable declared date, a list for a title
        raise SourceError(f"{meta.get('path') or source_id}: {exc}") from None
    text = strip_boilerplate(repaired)
    if not text:
        raise EmptySourceError(f"{meta.get('path') or source_id}: no text left after cleaning")
    return build_document(Source(id=source_id, path=meta.get("path"), **fields), text, file_text)


def load_document(
    path: str | Path, manifest: dict[str, dict] | None = None, skipped: list[Skipped] | None = None,
    limits: Limits = DEFAULT_LIMITS,
) -> list[Document]:
    """The documents in one file (several for a JSON list or JSON Lines).

    With a ``skipped`` list, a document that cleans to nothing (a photo gallery,
    a page of links) or a file over ``limits`` is noted there instead of raising:
    one such page must not sink a story (``require_sources`` raises when nothing
    else is left)."""
    path = Path(path)
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        raise SourceError(f"{path}: unsupported file type {path.suffix or '(none)'!r} (known: {', '.join(READERS)})")
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise SourceError(f"{path}: cannot read ({exc.strerror or exc})") from None
    if size > limits.max_source_bytes:
        reason = f"{size // 1024:,} KB, over the limit of {limits.max_source_bytes // 1024:,} KB a source (--max-source-kb)"
        if skipped is None:
            raise SourceError(f"{path}: {reason}")
        skipped.append(Skipped(str(path), reason))
        return []
    if manifest is None:
        manifest = load_manifest(path.parent)
    declared = manifest.get(path.name, {})
    documents = []
    file_text = read_text_file(path)
    for raw in reader(path):
        meta = {**raw.meta, **declared, "path": str(path)}
        try:
            documents.append(ingest_text(raw.id, raw.text, meta, file_text))
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


def check_unique_ids(sources: Iterable[Source], known: Mapping[str, str] | None = None) -> None:
    """Each source id once in a story: a second file giving an id is refused,
    naming the first (``known``: ids already taken, with their paths)."""
    origin = dict(known or {})
    for source in sources:
        if source.id in origin:
            raise SourceError(f"{source.path}: source id {source.id!r} is already used by {origin[source.id]}")
        origin[source.id] = source.path or source.id


def load_sources(
    paths: Sequence[str | Path], skipped: list[Skipped] | None = None, limits: Limits = DEFAULT_LIMITS,
    follow_symlinks: bool = False,
) -> list[Document]:
    """Documents from files and folders (walked recursively, sorted); ids must be unique.

    With a ``skipped`` list, files not read are noted there (see load_document)."""
    documents: list[Document] = []
    emptied: list[Skipped] | None = None if skipped is None else []
    for file in source_paths(paths, skipped, follow_symlinks):
        documents += load_document(file.path, file.manifest, emptied, limits)
    check_unique_ids(d.source for d in documents)
    require_sources(paths, documents, emptied or ())
    if skipped is not None:
        skipped += emptied or ()
    return documents


@dataclass(frozen=True)
class SourceFile:
    """One file a story reads: where it is, its folder's manifest, and which of
    the given SOURCES paths led to it."""

    path: Path
    manifest: dict[str, dict]
    given: int

    @property
    def declared(self) -> dict:
        """What the manifest says of this file."""
        return self.manifest.get(self.path.name, {})


def source_paths(
    paths: Sequence[str | Path], skipped: list[Skipped] | None = None, follow_symlinks: bool = False,
) -> list[SourceFile]:
    """Every file ``load_sources(paths)`` reads, in its order: the one walk that
    the store and the parallel engine share with load_sources. Files in the
    folders that are of no type crosscheck reads, links out of them (unless
    ``follow_symlinks``), FIFOs, devices and sockets go to ``skipped``, when given."""
    found: list[SourceFile] = []
    for given, path in enumerate(map(Path, paths)):
        if path.is_dir():
            files = files_in_folder(path, skipped, follow_symlinks)
            if not files:
                raise SourceError(f"{path}: no sources (looked for {', '.join(READERS)})")
            found += [SourceFile(file, manifest, given) for file, manifest in files]
        elif path.exists():
            # A file named on the command line is read wherever a link leads, but a FIFO never:
            # reading one waits forever.
            if _readable(path, None, skipped):
                found.append(SourceFile(path, load_manifest(path.parent), given))
        else:
            raise SourceError(f"{path}: no such file or directory")
    return found


def _readable(path: Path, inside: Path | None, skipped: list[Skipped] | None) -> bool:
    """True for a regular file, reached by no link or by one that stays in the
    folder ``inside`` (None: anywhere); otherwise the reason goes to ``skipped``
    (or is warned)."""
    reason = "not a regular file (a FIFO, device or socket)"
    try:
        mode = os.lstat(path).st_mode
        if stat.S_ISLNK(mode):
            if inside is not None and not path.resolve().is_relative_to(inside):
                mode, reason = 0, "a symlink out of the folder (--follow-symlinks reads it)"
            else:
                mode = os.stat(path).st_mode
    except (OSError, RuntimeError) as exc:  # a broken or looping link
        mode, reason = 0, f"cannot read ({getattr(exc, 'strerror', None) or exc})"
    if stat.S_ISREG(mode):
        return True
    if skipped is None:
        warn(f"{path}: not read: {reason}")
    else:
        skipped.append(Skipped(str(path), reason))
    return False


# crosscheck's own files in a story folder: never sources, never "not read".
_SETTINGS_FILES = frozenset({CONFIG_FILE, VERDICTS_FILE})


def files_in_folder(
    folder: Path, skipped: list[Skipped] | None = None, follow_symlinks: bool = False,
) -> list[tuple[Path, dict]]:
    """Readable files under ``folder``, sorted, with their folder's manifest; hidden
    ones passed over, other types, links out of ``folder`` (unless
    ``follow_symlinks``), FIFOs, devices and sockets noted in ``skipped`` when given."""
    found = []
    inside = None if follow_symlinks else folder.resolve()
    walked: set[str] = set()
    for root, dirs, files in os.walk(folder, followlinks=follow_symlinks):
        if follow_symlinks:  # a link may lead back to a folder already walked
            real = os.path.realpath(root)
            if real in walked:
                dirs[:] = []
                continue
            walked.add(real)
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        names = sorted(f for f in files if not f.startswith(".") and f not in MANIFEST_NAMES and f not in _SETTINGS_FILES)
        if skipped is not None:
            skipped += [
                Skipped(os.path.join(root, f), f"not a type crosscheck reads ({os.path.splitext(f)[1] or 'no extension'})")
                for f in names if os.path.splitext(f)[1].lower() not in READERS
            ]
        names = [f for f in names if os.path.splitext(f)[1].lower() in READERS]  # no Path per name: it is slow
        if names:
            root_path = Path(root)
            manifest = load_manifest(root_path) if _manifest_readable(root_path, inside, skipped) else {}
            found.extend((root_path / name, manifest) for name in names if _readable(root_path / name, inside, skipped))
    return found


def _manifest_readable(folder: Path, inside: Path | None, skipped: list[Skipped] | None) -> bool:
    """A manifest that links out of the folder (or is a FIFO) is not read either."""
    return all(_readable(folder / name, inside, skipped) for name in MANIFEST_NAMES if os.path.lexists(folder / name))
