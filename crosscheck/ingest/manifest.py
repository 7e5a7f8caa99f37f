"""A folder's manifest, sources.csv or sources.yaml: metadata per file that wins over inference."""
from __future__ import annotations

import csv
import io
from pathlib import Path

from ..errors import SourceError
from .metadata import FIELDS, normalize_published
from .raw import read_text_file

MANIFEST_NAMES = ("sources.csv", "sources.yaml", "sources.yml")


def load_manifest(folder: Path) -> dict[str, dict]:
    """File name -> declared metadata, from the folder's manifest; {} when it has none."""
    for name in MANIFEST_NAMES:
        path = folder / name
        if path.is_file():
            reader = _read_csv if name.endswith(".csv") else _read_yaml
            return _check_files(path, reader(path))
    return {}


def _read_csv(path: Path) -> list[tuple[int, dict]]:
    rows = csv.DictReader(io.StringIO(read_text_file(path)))
    if rows.fieldnames is None or "file" not in rows.fieldnames:
        raise SourceError(f"{path}: line 1: manifest needs a 'file' column (and any of {', '.join(FIELDS)})")
    entries = []
    for row in rows:
        if None in row:  # more cells than header columns
            raise SourceError(f"{path}: line {rows.line_num}: more cells than columns")
        entries.append((rows.line_num, {k: v for k, v in row.items() if v not in (None, "")}))
    return entries


def _read_yaml(path: Path) -> list[tuple[int, dict]]:
    import yaml  # here, not at the top: few folders have a YAML manifest

    from .. import safe_yaml

    try:
        data = safe_yaml.load(read_text_file(path))
    except yaml.YAMLError as exc:
        line, reason = safe_yaml.problem(exc)
        where = f"line {line}: " if line else ""
        raise SourceError(f"{path}: {where}malformed manifest: {reason}") from None
    if isinstance(data, dict):  # {file name: {outlet: ..., ...}}
        data = [{"file": name, **(meta or {})} for name, meta in data.items()]
    if not isinstance(data, list) or not all(isinstance(e, dict) and e.get("file") for e in data):
        raise SourceError(f"{path}: manifest must be a list of entries with a 'file' key, or a mapping by file name")
    return [(0, entry) for entry in data]


def _check_files(path: Path, entries: list[tuple[int, dict]]) -> dict[str, dict]:
    manifest: dict[str, dict] = {}
    for line, entry in entries:
        where = f"line {line}: " if line else ""
        name = str(entry["file"])
        if name in manifest:
            raise SourceError(f"{path}: {where}file {name[:80]!r} is listed twice")
        if name in (".", "..") or Path(name).name != name or "\\" in name:
            raise SourceError(f"{path}: {where}{name[:80]!r} must name a file beside the manifest, not a path")
        if not (path.parent / name).is_file():
            raise SourceError(f"{path}: {where}no such file {name!r} beside the manifest")
        unknown = sorted(set(entry) - set(FIELDS) - {"file"})
        if unknown:
            raise SourceError(f"{path}: {where}unknown column {unknown[0]!r} (known: file, {', '.join(FIELDS)})")
        declared = {k: v for k, v in entry.items() if k != "file"}
        if declared.get("published") not in (None, ""):  # refused here, where the manifest's line is known
            try:
                declared["published"] = normalize_published(declared["published"])
            except ValueError as exc:
                raise SourceError(f"{path}: {where}published: {exc}") from None
        manifest[name] = declared
    return manifest
