"""One scheduled check of a story: hash the files, ingest and extract only the
new or changed ones, re-evaluate the whole story, record the run.

Nothing is written until everything is extracted and evaluated; the write is
one transaction (see sqlite.py). When another run records itself for the same
story meanwhile, the plan is made again on top of it, re-using what it stored.
"""
from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import metadata
from pathlib import Path

from ..changes import ChangeSet, diff_reports
from ..errors import SourceError
from ..extract import EXTRACTORS
from ..ingest import SourceFile, check_unique_ids, require_sources, source_paths
from ..model import Claim, Report, Skipped, Source
from ..limits import DEFAULT_LIMITS, Limits
from ..parallel import Progress, extract_files
from ..pipeline import check_claims
from ..report.json import report_to_dict
from ..rules.load import Rule
from ..verdicts import Verdict, apply_verdicts
from .sqlite import StaleRunError, Store, SourceUpdate

# How many times a run plans again when other runs keep recording first.
REPLANS = 5


@dataclass(frozen=True)
class HashedFile:
    """A file of the story with the hash that tells whether its stored claims are current."""

    path: Path  # resolved, so the same file matches whatever folder it is reached from
    declared: dict  # what the folder's manifest says of it
    hash: str


@dataclass(frozen=True)
class UpdateResult:
    story: str
    run_id: int
    report: Report
    changes: ChangeSet
    extracted: int  # sources ingested and extracted in this run
    reused: int  # sources whose stored claims were re-used


@cache
def _crosscheck_version() -> str:
    try:
        return metadata.version("crosscheck-claims")
    except metadata.PackageNotFoundError:
        return "unknown"


def file_hash(path: Path, declared: dict) -> str:
    """The file's bytes, what its manifest declares, the crosscheck version and
    the claim kinds it extracts: a change to any of them means its stored claims
    are out of date (a source stored before a kind was added lacks its claims)."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise SourceError(f"{path}: cannot read ({exc.strerror or exc})") from None
    digest = hashlib.sha256(data)
    digest.update(json.dumps(declared, sort_keys=True, default=str).encode("utf-8"))
    digest.update(_crosscheck_version().encode("utf-8"))
    digest.update(",".join(kind.value for kind in EXTRACTORS).encode("utf-8"))
    return digest.hexdigest()


def hashed_files(
    paths: Sequence[str | Path], skipped: list[Skipped] | None = None, follow_symlinks: bool = False,
) -> list[HashedFile]:
    """The files that ``load_sources(paths)`` would read, hashed; those it passes over go to ``skipped``."""
    return [
        HashedFile(file.path.resolve(), file.declared, file_hash(file.path, file.declared))
        for file in source_paths(paths, skipped, follow_symlinks)
    ]


def default_story_name(paths: Sequence[str | Path]) -> str:
    """The name of the first SOURCES folder (a file's own folder)."""
    first = Path(paths[0]).resolve()
    return first.name if first.is_dir() else first.parent.name


def update_story(
    store: Store, story: str, paths: Sequence[str | Path], rules: Sequence[Rule], progress: Progress | None = None,
    limits: Limits = DEFAULT_LIMITS, follow_symlinks: bool = False, verdicts: Mapping[str, Verdict] | None = None,
    baseline: dict | None = None, jobs: int | None = 1, executor: str = "local", scheduler: str | None = None,
) -> UpdateResult:
    """Check the story's files against its last stored run; ``progress`` hears of the files read.
    The files to read are extracted as ``report`` extracts them (``jobs``, ``executor``,
    ``scheduler``: see parallel.check_stories), within ``limits``; ``verdicts`` are the
    reviewers'; ``baseline`` (a JSON report) stands for the last run when the store has none."""
    skipped: list[Skipped] = []  # passed over by the walk
    emptied: list[Skipped] = []  # read, and empty once cleaned (each file is read once, whatever the replans)
    files = hashed_files(paths, skipped, follow_symlinks)
    extracted: dict[Path, list[tuple[Source, list[Claim]]]] = {}
    for _ in range(REPLANS):
        last = store.last_run(story)
        stored = store.sources(story, include_removed=True)
        stored_by_path: dict[str, list] = defaultdict(list)
        for entry in stored.values():
            stored_by_path[entry.source.path].append(entry)
        unchanged = {
            file.path for file in files
            if (known := stored_by_path.get(str(file.path))) and all(entry.hash == file.hash for entry in known)
        }
        to_read = [file for file in files if file.path not in unchanged and file.path not in extracted]
        chunks = extract_files(
            [SourceFile(file.path, {file.path.name: file.declared}, 0) for file in to_read],
            jobs, executor, scheduler, limits, progress,
        )
        extracted.update({file.path: [] for file in to_read})
        for found, chunk_emptied in chunks:
            emptied += chunk_emptied
            for source, claims in found:  # a source's path is the file it was read from
                extracted[Path(source.path)].append((source, claims))
        reused: list[str] = []
        fresh: list[tuple[HashedFile, Source, list[Claim]]] = []
        for file in files:
            if file.path in unchanged:
                reused += [entry.source.id for entry in stored_by_path[str(file.path)]]
            else:
                fresh += [(file, source, claims) for source, claims in extracted[file.path]]
        check_unique_ids((source for _, source, _ in fresh), {sid: stored[sid].source.path for sid in reused})
        sources = [stored[sid].source for sid in reused] + [source for _, source, _ in fresh]
        require_sources(paths, sources, emptied)
        claims = store.claims(story, reused) + [c for _, _, found in fresh for c in found]
        report = apply_verdicts(check_claims(sources, claims, rules, [*skipped, *emptied]), verdicts or {})
        current = {s.source.id for s in stored.values() if s.removed is None}
        changed = {source.id for _, source, _ in fresh if source.id in current}
        removed = sorted(current - {s.id for s in sources})
        compact = report_to_dict(report, claims=False)  # the claims are stored per source already
        changes = diff_reports(last.report if last else baseline, compact, changed)
        updates = [SourceUpdate(source, file.hash, tuple(found)) for file, source, found in fresh]
        restored = sorted(sid for sid in reused if stored[sid].removed is not None)
        try:
            run_id = store.record_run(
                story, updates=updates, removed=removed, report=compact, changes=changes.to_dict(),
                extracted=len(fresh), after_run=last.id if last else None, restored=restored,
            )
        except StaleRunError:
            continue
        return UpdateResult(story, run_id, report, changes, extracted=len(fresh), reused=len(reused))
    raise StaleRunError(f"{store.path}: story {story!r} kept changing under this run; try again")
