"""Run a check on several cores, or on a Dask distributed cluster.

What runs where:
- ingest + extraction: per chunk of source files, in worker processes (local
  executor: a ``ProcessPoolExecutor`` of ``jobs`` processes; Dask executor: tasks
  on the cluster's workers, which must see the files at the same paths);
- alignment + rules ("the story check"): one task per story. It runs in this
  process for one story, whatever the executor (the chunks come back here, as
  they must for the report anyway); for several, locally in the pool, and on
  Dask as a task that depends on the story's extraction tasks, so claims go
  from worker to worker and only the finished Report comes back.

Results never depend on which task finishes first: chunks are gathered in file
order and ``check_claims`` sorts claims, so every executor and every ``jobs``
gives a Report equal to the one-process run, and byte-identical rendering.
"""
from __future__ import annotations

import functools
import logging
import os
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from .collector import collector_paused
from .errors import CrosscheckError
from .limits import DEFAULT_LIMITS, PARALLEL_MIN_FILES, Limits
from .extract import extract_claims
from .ingest import SourceFile, check_unique_ids, load_document, require_sources, source_paths
from .model import Claim, Report, Skipped, Source
from .pipeline import check_claims
from .rules.load import Rule

if TYPE_CHECKING:
    from concurrent.futures import Executor

EXECUTORS = ("local", "dask")
# Each chunk is this share of the files left per worker: enough chunks to balance
# uneven files, few enough that task overhead (pickling, scheduling) stays small
# against the extraction itself. Chunks shrink toward the end to at least
# MIN_CHUNK_FILES (about 25 ms of extraction), so the workers finish together.
CHUNKS_PER_WORKER = 4
MAX_CHUNK_FILES = 256
MIN_CHUNK_FILES = 16
# Seconds to wait for a Dask scheduler before saying it is unreachable.
CONNECT_TIMEOUT = 10
# The Dask configuration of a cluster crosscheck starts itself (docs/performance.md
# says how to set it on a cluster of one's own). Without the workers' statistical
# profiler, which walks the running task's stack every 10 ms for a dashboard page
# nobody sees here (6-9% of a worker's CPU on extraction); and with Dask's periodic
# housekeeping slowed down: every process checks its event loop every 20 ms and
# each worker its memory every 100 ms, which took about 6% of a core while two
# workers and their scheduler sat idle on 2 cores, and 1.2% once slowed so. Workers
# import crosscheck as they start (preload), not in their first task: warm, as
# the workers of a cluster kept running for many checks are anyway.
CLUSTER_CONFIG = {
    "distributed.worker.profile.enabled": False,
    "distributed.admin.tick.interval": "1s",
    "distributed.admin.system-monitor.interval": "2s",
    "distributed.worker.memory.monitor-interval": "1s",
    "distributed.worker.preload": ["crosscheck.parallel"],
}

# Told (files just done, files in all) as chunks finish.
Progress = Callable[[int, int], None]


class ExecutorError(CrosscheckError):
    """The requested executor cannot run: not installed, or the scheduler is unreachable."""


# A chunk's sources with their claims, and what it skipped.
Extracted = tuple[list[tuple[Source, list[Claim]]], list[Skipped]]


def source_files(paths: Sequence[str | Path], follow_symlinks: bool = False) -> tuple[list[SourceFile], list[Skipped]]:
    """The files ``load_sources(paths)`` reads, in the order it reads them, and those it passes over."""
    skipped: list[Skipped] = []
    files = source_paths(paths, skipped, follow_symlinks)
    return files, skipped


@collector_paused()
def ingest_and_extract(files: Sequence[SourceFile], limits: Limits = DEFAULT_LIMITS) -> Extracted:
    """Read, clean and extract a chunk of files: the unit of parallel work."""
    skipped: list[Skipped] = []
    found = [
        (doc.source, extract_claims(doc, limits.max_claims))
        for file in files
        for doc in load_document(file.path, file.manifest, skipped, limits)
    ]
    return found, skipped


def check_story(paths: Sequence[str | Path], skipped: Sequence[Skipped], rules: Sequence[Rule],
                *chunks: Extracted) -> Report:
    """Join a story's extracted chunks (in file order) and run alignment and rules;
    ``skipped`` are the files its walk passed over."""
    sources: list[Source] = []
    claims: list[Claim] = []
    emptied = [s for _, chunk_skipped in chunks for s in chunk_skipped]
    for source, found in (item for chunk, _ in chunks for item in chunk):
        sources.append(source)
        claims += found
    check_unique_ids(sources)
    require_sources(paths, sources, emptied)
    return check_claims(sources, claims, rules, [*skipped, *emptied])


def _chunks(files: list[SourceFile], workers: int) -> list[list[SourceFile]]:
    """Consecutive chunks of ``files``, each a share of what is left (guided
    self-scheduling): large while much is left, small at the end, so the workers
    finish together instead of one running the last large chunk alone."""
    def share(left: int) -> int:
        return min(MAX_CHUNK_FILES, -(-left // (workers * CHUNKS_PER_WORKER)))

    smallest = min(MIN_CHUNK_FILES, share(len(files)))  # a small story keeps its even split
    chunks = []
    start = 0
    while start < len(files):
        size = max(smallest, share(len(files) - start))
        chunks.append(files[start : start + size])
        start += size
    return chunks


def usable_cores() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


@collector_paused()  # results are gathered here and aligned: a heap of claims growing
def check_stories(
    stories: Sequence[Sequence[str | Path]], rules: Sequence[Rule], jobs: int | None = 1,
    executor: str = "local", scheduler: str | None = None, progress: Progress | None = None,
    limits: Limits = DEFAULT_LIMITS, follow_symlinks: bool = False,
) -> list[Report]:
    """One Report per story (a story is a list of files and folders), in order.

    ``executor="local"`` uses ``jobs`` processes (1: this process only; None: one
    per usable core when there are PARALLEL_MIN_FILES files or more, else 1).
    ``executor="dask"`` uses the Dask scheduler at ``scheduler`` (e.g.
    ``tcp://host:8786``), or a local Dask cluster of ``jobs`` processes (None:
    one per usable core). ``progress`` hears of each extracted chunk (on Dask, of one story's only).
    ``limits`` caps each source; links out of a folder are read with ``follow_symlinks``.
    """
    plans = [(list(paths), *source_files(paths, follow_symlinks)) for paths in stories]
    ingest = functools.partial(ingest_and_extract, limits=limits)
    total = sum(len(files) for _, files, _ in plans)
    jobs = _jobs(executor, jobs, total)
    if executor == "dask":
        return _check_on_dask(plans, rules, jobs, scheduler, ingest, progress, total)
    chunked = [_chunks(files, jobs) for _, files, _ in plans]
    # All stories' chunks are extracted first, in submission order.
    flat = [chunk for chunks in chunked for chunk in chunks]
    with _local_pool(jobs) as pool:
        results = map(ingest, flat) if pool is None else pool.map(ingest, flat)
        return _check_stories_with(results, plans, chunked, rules, progress, total, pool)


def extract_files(
    files: Sequence[SourceFile], jobs: int | None = 1, executor: str = "local", scheduler: str | None = None,
    limits: Limits = DEFAULT_LIMITS, progress: Progress | None = None,
) -> list[Extracted]:
    """The extraction stage alone, run where ``check_stories`` runs it (same ``jobs``,
    ``executor`` and ``scheduler``): each chunk's sources with their claims, and the
    files it passed over, in file order. The store's runs read their new files so."""
    if not files:  # nothing new to read: no pool, no cluster
        return []
    ingest = functools.partial(ingest_and_extract, limits=limits)
    jobs = _jobs(executor, jobs, len(files))
    if executor == "dask":
        with _dask_client(scheduler, jobs) as (client, workers):
            chunks = _chunks(list(files), workers)
            return _gather_in_order(client.map(ingest, chunks, pure=False), chunks, progress, len(files))
    chunks = _chunks(list(files), jobs)
    extracted = []
    with _local_pool(jobs) as pool:
        for chunk, result in zip(chunks, map(ingest, chunks) if pool is None else pool.map(ingest, chunks)):
            extracted.append(result)
            if progress:
                progress(len(chunk), len(files))
    return extracted


def _jobs(executor: str, jobs: int | None, files: int) -> int:
    """The number of processes for ``files`` files: ``jobs``, else one per core for a
    large story (or any on Dask), else one."""
    if executor not in EXECUTORS:
        raise ExecutorError(f"unknown executor {executor!r} (known: {', '.join(EXECUTORS)})")
    if jobs is not None and jobs < 1:
        raise ExecutorError(f"--jobs must be at least 1, not {jobs}")
    if jobs is None:
        return usable_cores() if files >= PARALLEL_MIN_FILES or executor == "dask" else 1
    return jobs


@contextmanager
def _local_pool(jobs: int) -> Iterator[Executor | None]:
    """A pool of ``jobs`` processes, or None for this process alone."""
    if jobs == 1:
        yield None
        return
    from concurrent.futures import ProcessPoolExecutor  # here: one process needs no pool, nor its import

    with ProcessPoolExecutor(max_workers=jobs) as pool:
        yield pool


def _check_stories_with(
    results, plans: list, chunked: list, rules: Sequence[Rule], progress: Progress | None, total: int,
    pool: Executor | None = None,
) -> list[Report]:
    """Gather each story's extracted chunks from ``results`` (in chunk order), then
    check the stories: here for one story or without a pool, else in the pool."""
    results = iter(results)
    extracted = []
    for chunks in chunked:
        story = []
        for chunk in chunks:
            story.append(next(results))
            if progress:
                progress(len(chunk), total)
        extracted.append(story)
    if pool is None or len(plans) == 1:
        return [check_story(paths, skipped, rules, *story) for (paths, _, skipped), story in zip(plans, extracted)]
    futures = [
        pool.submit(check_story, paths, skipped, rules, *story) for (paths, _, skipped), story in zip(plans, extracted)
    ]
    return [future.result() for future in futures]


def _check_on_dask(
    plans: list, rules: Sequence[Rule], jobs: int, scheduler: str | None, ingest, progress: Progress | None, total: int,
) -> list[Report]:
    with _dask_client(scheduler, jobs) as (client, workers):
        if len(plans) == 1:  # as locally: one story is checked here, not shipped to a worker and back
            (paths, files, skipped), = plans
            chunks = _chunks(files, workers)
            extracted = _gather_in_order(client.map(ingest, chunks, pure=False), chunks, progress, total)
            return [check_story(paths, skipped, rules, *extracted)]
        chunk_futures = [client.map(ingest, _chunks(files, workers), pure=False) for _, files, _ in plans]
        rules_future = client.scatter(list(rules), broadcast=True)
        story_futures = [
            client.submit(check_story, paths, skipped, rules_future, *chunks, pure=False)
            for (paths, _, skipped), chunks in zip(plans, chunk_futures)
        ]
        return client.gather(story_futures)


def _gather_in_order(futures: list, chunks: list[list[SourceFile]], progress: Progress | None, total: int) -> list:
    """The futures' results in submission order, each fetched as soon as its task is done:
    what comes back is unpickled here while the workers go on, not all of it at the end
    (10,000 sources: 30 MB of claims, 1.3 s gathered at once). Takes the list over."""
    from dask.distributed import as_completed

    at = {future.key: i for i, future in enumerate(futures)}
    results: list = [None] * len(futures)
    done = as_completed(futures, with_results=True)
    futures.clear()  # each result is then let go on its worker once here, as a pool's would be
    for future, result in done:
        results[at[future.key]] = result
        if progress:
            progress(len(chunks[at[future.key]]), total)
    return results


@contextmanager
def _dask_client(scheduler: str | None, jobs: int) -> Iterator[tuple]:
    """A Dask client of the scheduler at ``scheduler``, else of a local cluster of
    ``jobs`` processes started for the run, and how many workers it has."""
    try:
        import dask
        from dask.distributed import Client, LocalCluster
    except ImportError:
        raise ExecutorError(
            "--executor dask needs Dask: pip install 'crosscheck-claims[dask]'"
        ) from None
    cluster = None
    try:
        if scheduler:
            client = Client(scheduler, timeout=CONNECT_TIMEOUT)
        else:
            # Workers log a task's failure with its traceback; the error itself reaches the user as one line.
            # Its HTTP server (always started) on any free port: 8787 may be taken, and Dask then warns on stderr.
            with dask.config.set(CLUSTER_CONFIG):
                cluster = LocalCluster(
                    n_workers=jobs, threads_per_worker=1, processes=True, host="127.0.0.1",
                    silence_logs=logging.CRITICAL, dashboard_address=":0",
                )
            client = Client(cluster)
    except (OSError, TimeoutError, ValueError) as exc:
        if cluster is not None:
            cluster.close()
        raise ExecutorError(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from None
    try:
        yield client, max(1, len(client.scheduler_info().get("workers", {})))
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
