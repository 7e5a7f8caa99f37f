"""Run a check on several cores, or on a Dask distributed cluster.

What runs where:
- ingest + extraction: per chunk of source files, in worker processes (local
  engine: a ``ProcessPoolExecutor`` of ``jobs`` processes; Dask engine: tasks
  on the cluster's workers, which must see the files at the same paths);
- alignment + rules ("the story check"): one task per story. Locally it runs
  in this process for one story and in the pool for several; on Dask it is a
  task that depends on the story's extraction tasks, so claims go from worker
  to worker and only the finished Report comes back.

Results never depend on which task finishes first: chunks are gathered in file
order and ``check_claims`` sorts claims, so every engine and every ``jobs``
gives a Report equal to the one-process run, and byte-identical rendering.
"""
from __future__ import annotations

from collections.abc import Sequence
from concurrent.futures import Executor, ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from .errors import CrosscheckError, SourceError
from .extract import extract_claims
from .ingest import READERS, load_document, source_paths
from .model import Claim, Report, Source
from .pipeline import check_claims
from .rules.load import Rule

ENGINES = ("local", "dask")
# Chunks per worker: enough to balance uneven files, few enough that task
# overhead (pickling, scheduling) stays small against the extraction itself.
CHUNKS_PER_WORKER = 4
MAX_CHUNK_FILES = 64
# Seconds to wait for a Dask scheduler before saying it is unreachable.
CONNECT_TIMEOUT = 10


class EngineError(CrosscheckError):
    """The requested engine cannot run: not installed, or the scheduler is unreachable."""


@dataclass(frozen=True)
class SourceFile:
    """One file to read; ``manifest`` None means "read its folder's manifest"."""

    path: str
    manifest: dict | None
    given: int  # index of the SOURCES argument it came from


Extracted = list[tuple[Source, list[Claim]]]


def source_files(paths: Sequence[str | Path]) -> list[SourceFile]:
    """The files ``load_sources(paths)`` reads, in the order it reads them."""
    return [SourceFile(str(file), manifest, given) for given, file, manifest in source_paths(paths)]


def ingest_and_extract(files: Sequence[SourceFile]) -> Extracted:
    """Read, clean and extract a chunk of files: the unit of parallel work."""
    return [
        (doc.source, extract_claims(doc))
        for file in files
        for doc in load_document(file.path, file.manifest)
    ]


def check_story(paths: Sequence[str | Path], files: Sequence[SourceFile], rules: Sequence[Rule],
                *chunks: Extracted) -> Report:
    """Join a story's extracted chunks (in file order) and run alignment and rules."""
    sources: list[Source] = []
    claims: list[Claim] = []
    origin: dict[str, str] = {}
    found_in = set()
    for source, found in (item for chunk in chunks for item in chunk):
        if source.id in origin:
            raise SourceError(f"{source.path}: source id {source.id!r} is already used by {origin[source.id]}")
        origin[source.id] = source.path or source.id
        sources.append(source)
        claims += found
        found_in.add(source.path)
    for given, path in enumerate(paths):
        story_files = [f.path for f in files if f.given == given]
        if Path(path).is_dir() and not found_in.intersection(story_files):
            raise SourceError(f"{path}: no sources (looked for {', '.join(READERS)})")
    return check_claims(sources, claims, rules)


def _chunks(files: list[SourceFile], workers: int) -> list[list[SourceFile]]:
    size = max(1, min(MAX_CHUNK_FILES, -(-len(files) // (workers * CHUNKS_PER_WORKER))))
    return [files[i : i + size] for i in range(0, len(files), size)]


def check_stories(
    stories: Sequence[Sequence[str | Path]], rules: Sequence[Rule], jobs: int = 1,
    engine: str = "local", scheduler: str | None = None,
) -> list[Report]:
    """One Report per story (a story is a list of files and folders), in order.

    ``engine="local"`` uses ``jobs`` processes (1: this process only).
    ``engine="dask"`` uses the Dask scheduler at ``scheduler`` (e.g.
    ``tcp://host:8786``), or a local Dask cluster of ``jobs`` processes.
    """
    if engine not in ENGINES:
        raise EngineError(f"unknown engine {engine!r} (known: {', '.join(ENGINES)})")
    if jobs < 1:
        raise EngineError(f"--jobs must be at least 1, not {jobs}")
    plans = [(list(paths), source_files(paths)) for paths in stories]
    if engine == "dask":
        return _check_on_dask(plans, rules, jobs, scheduler)
    if jobs == 1:
        return [check_story(paths, files, rules, ingest_and_extract(files)) for paths, files in plans]
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        return _check_in_pool(pool, plans, rules, jobs)


def _check_in_pool(pool: Executor, plans: list, rules: Sequence[Rule], jobs: int) -> list[Report]:
    chunked = [_chunks(files, jobs) for _, files in plans]
    # All stories' chunks go to the pool at once; map keeps the submission order.
    results = iter(pool.map(ingest_and_extract, [chunk for chunks in chunked for chunk in chunks]))
    extracted = [[next(results) for _ in chunks] for chunks in chunked]
    if len(plans) == 1:
        (paths, files), = plans
        return [check_story(paths, files, rules, *extracted[0])]
    futures = [pool.submit(check_story, paths, files, rules, *story) for (paths, files), story in zip(plans, extracted)]
    return [future.result() for future in futures]


def _check_on_dask(plans: list, rules: Sequence[Rule], jobs: int, scheduler: str | None) -> list[Report]:
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError:
        raise EngineError(
            "--engine dask needs Dask: pip install 'crosscheck-claims[dask]'"
        ) from None
    cluster = None
    try:
        if scheduler:
            client = Client(scheduler, timeout=CONNECT_TIMEOUT)
        else:
            cluster = LocalCluster(n_workers=jobs, threads_per_worker=1, processes=True, host="127.0.0.1")
            client = Client(cluster)
    except (OSError, TimeoutError, ValueError) as exc:
        if cluster is not None:
            cluster.close()
        raise EngineError(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from None
    try:
        workers = max(1, len(client.scheduler_info().get("workers", {})))
        rules_future = client.scatter(list(rules), broadcast=True)
        story_futures = []
        for paths, files in plans:
            chunk_futures = client.map(ingest_and_extract, _chunks(files, workers), pure=False)
            story_futures.append(client.submit(check_story, paths, files, rules_future, *chunk_futures, pure=False))
        return client.gather(story_futures)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()

