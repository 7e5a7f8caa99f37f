"""crosscheck benchmark: throughput, story size, store, and a baseline. Not a test.

    python bench/run.py            # full run (~10 min on 2 cores; the 100,000-source store is built once, cached)
    python bench/run.py --quick    # smaller: stories of 100 and 1,000 sources, a 10,000-source store, fewer runs

Options: --sizes 100,1000,10000  --reworded 1000,10000,30000  --runs 5  --jobs 2  --store-sources 100000
         --baseline-docs 40  --cache DIR (default: $TMPDIR/crosscheck-bench)  --dask (the largest story on
         a pre-started Dask LocalCluster too, --runs times beside local processes)  --skip extraction,stories,store,baseline

Each story is run in a fresh process, whose CPU time (its workers' included)
is split by stage: import, ingest + extraction, alignment, rules, rendering.
Between story sizes it prints the exponent k of CPU ~ sources^k and the CPU
per source against the smallest story's: a linear pipeline keeps k near 1.

Data: the ECB+ articles in ../shared/corpora/ecbplus (Cybulska & Vossen, LREC
2014, CC BY 3.0). A synthetic story of N sources cycles through all of them in
a fixed order; every copy after the first is lightly changed (a number moved
by one, a sentence dropped, two sentences swapped, chosen by a seeded RNG), so
the aligner meets near-duplicates, real conflicts and growing buckets. A
"reworded" story also puts a word into every line of every copy, so no two
sources share a sentence: the worst case for alignment.
"""
from __future__ import annotations

import argparse
import json
import math
import os
import platform
import random
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import replace
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from crosscheck.extract import extract_claims  # noqa: E402
from crosscheck.ingest import load_sources  # noqa: E402

CORPUS = REPO.parent / "shared" / "corpora" / "ecbplus"
STORY_SIZE_IN_STORE = 100  # sources per story in the big store
_DIGITS = re.compile(r"\b\d+\b")


def say(text: str = "") -> None:
    print(text, flush=True)


def corpus_files() -> list[Path]:
    return sorted(CORPUS.glob("*/*.txt"))


def light_change(text: str, rng: random.Random, reword: bool = False) -> str:
    """A copy as another outlet might print it: a number off by one, a line dropped or moved.

    With ``reword``, every line also gets a word put in somewhere ("also", "now", ...),
    so no sentence is shared with another copy: the worst case for alignment, which
    otherwise merges the copies of a sentence into one node.
    """
    lines = text.splitlines()
    if len(lines) > 2 and rng.random() < 0.5:
        del lines[rng.randrange(1, len(lines))]
    if len(lines) > 3 and rng.random() < 0.2:
        i = rng.randrange(1, len(lines) - 1)
        lines[i], lines[i + 1] = lines[i + 1], lines[i]
    if reword:
        lines = [_put_in_a_word(line, rng) for line in lines]
    text = "\n".join(lines) + "\n"
    numbers = list(_DIGITS.finditer(text))
    if numbers and rng.random() < 0.3:
        m = rng.choice(numbers)
        text = text[: m.start()] + str(int(m.group()) + 1) + text[m.end() :]
    return text


_FILLERS = ("also", "now", "then", "reportedly", "still", "already")


def _put_in_a_word(line: str, rng: random.Random) -> str:
    spaces = [m.start() for m in re.finditer(" ", line)]
    if len(spaces) < 2:
        return line
    at = rng.choice(spaces[1:])  # not before the first word: it may be a dateline or a name
    return f"{line[:at]} {rng.choice(_FILLERS)}{line[at:]}"


def write_story(folder: Path, size: int, originals: list[str], reword: bool = False) -> Path:
    """``size`` source files in ``folder`` (re-used when already there)."""
    if folder.is_dir() and len(list(folder.glob("*.txt"))) == size:
        return folder
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    rng = random.Random(size)
    for i in range(size):
        text = originals[i % len(originals)]
        if i >= len(originals):
            text = light_change(text, rng, reword)
        (folder / f"s{i:05d}.txt").write_text(text, encoding="utf-8")
    return folder


def cpu_model() -> str:
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            return line.split(":", 1)[1].strip()
    return platform.processor() or "unknown"


def _extract_all(docs) -> int:
    return sum(len(extract_claims(d)) for d in docs)


def _extract_chunk(paths: list[str]) -> int:
    return _extract_all(load_sources(paths))


# --- 1. extraction throughput --------------------------------------------------

def bench_extraction(runs: int, jobs: int, synthetic: Path) -> dict:
    t = time.perf_counter()
    docs = load_sources([CORPUS])
    ingest_s = time.perf_counter() - t
    _extract_all(docs[:20])  # warm imports and lazy tables (gazetteer)
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        claims = _extract_all(docs)
        times.append(time.perf_counter() - t)
    median = statistics.median(times)
    syn = load_sources([synthetic])
    syn_times = []
    for _ in range(runs):
        t = time.perf_counter()
        _extract_all(syn)
        syn_times.append(time.perf_counter() - t)
    # Ingest + extraction of the real corpus on `jobs` processes, as --jobs does.
    files = [str(p) for p in corpus_files()]
    chunks = [files[i :: jobs * 4] for i in range(jobs * 4)]
    with ProcessPoolExecutor(jobs) as pool:
        list(pool.map(_extract_chunk, chunks[:jobs]))  # warm the workers
        t = time.perf_counter()
        list(pool.map(_extract_chunk, chunks))
        pool_s = time.perf_counter() - t
    result = {
        "docs": len(docs), "claims": claims, "runs": runs,
        "extract_docs_per_s_core": len(docs) / median,
        "extract_ms_per_doc": 1000 * median / len(docs),
        "ingest_ms_per_doc": 1000 * ingest_s / len(docs),
        "synthetic_docs": len(syn),
        "synthetic_extract_docs_per_s_core": len(syn) / statistics.median(syn_times),
        "pool_jobs": jobs, "pool_ingest_extract_docs_per_s": len(files) / pool_s,
        "pool_ingest_extract_docs_per_s_core": len(files) / pool_s / jobs,
    }
    say(f"extraction, {len(docs)} real articles, median of {runs}: "
        f"{result['extract_docs_per_s_core']:.0f} docs/s/core ({result['extract_ms_per_doc']:.2f} ms/doc); "
        f"ingest {result['ingest_ms_per_doc']:.2f} ms/doc")
    say(f"extraction, {len(syn)} synthetic sources: {result['synthetic_extract_docs_per_s_core']:.0f} docs/s/core")
    say(f"ingest+extraction on {jobs} processes: {result['pool_ingest_extract_docs_per_s']:.0f} docs/s "
        f"({result['pool_ingest_extract_docs_per_s_core']:.0f} docs/s/core)")
    return result


# --- 2. end to end, one story of N sources -------------------------------------

def _cpu(who: int) -> float:
    usage = resource.getrusage(who)
    return usage.ru_utime + usage.ru_stime


def e2e_child(folder: str, jobs: int, executor: str = "local", dask_defaults: bool = False) -> None:
    """Run in a fresh process: the whole report, timed by stage (wall and CPU,
    workers' CPU included), with peak memory. With ``executor="dask"``, a
    LocalCluster of ``jobs`` worker processes is started first, outside the timing,
    configured as crosscheck configures its own (parallel.CLUSTER_CONFIG, as
    docs/performance.md advises) unless ``dask_defaults``."""
    t0, c0 = time.perf_counter(), _cpu(resource.RUSAGE_SELF)
    from crosscheck import pipeline
    from crosscheck.parallel import CLUSTER_CONFIG, check_stories
    from crosscheck.report import OutputFormat, render_chunks
    from crosscheck.rules.load import load_rules

    rules = load_rules()
    scheduler = None
    if executor == "dask":
        import dask
        from dask.distributed import LocalCluster

        with dask.config.set({} if dask_defaults else CLUSTER_CONFIG):
            cluster = LocalCluster(n_workers=jobs, threads_per_worker=1, processes=True, dashboard_address=None)
        scheduler = cluster.scheduler_address
    t1, c1 = time.perf_counter(), _cpu(resource.RUSAGE_SELF)
    (report,) = check_stories([[folder]], rules, jobs=jobs, executor=executor, scheduler=scheduler)
    t2, c2 = time.perf_counter(), _cpu(resource.RUSAGE_SELF)
    report_bytes = 0
    with open(os.devnull, "wb") as sink:  # as the command line writes a file: piece by piece
        for piece in render_chunks(report, OutputFormat.JSON):
            report_bytes += sink.write(piece)
    t3, c3 = time.perf_counter(), _cpu(resource.RUSAGE_SELF)
    if scheduler:
        cluster.close()  # its workers' CPU counts once they have exited
    workers = _cpu(resource.RUSAGE_CHILDREN)
    status = Path("/proc/self/status").read_text()
    hwm_kib = int(re.search(r"VmHWM:\s+(\d+)", status).group(1))
    worker_kib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    align, rules_cpu = pipeline.LAST_STAGE_CPU.get("align", 0.0), pipeline.LAST_STAGE_CPU.get("rules", 0.0)
    print(json.dumps({
        "import_s": t1 - t0, "check_s": t2 - t1, "render_s": t3 - t2, "total_s": t3 - t0,
        "cpu_s": (c3 - c0) + workers, "cpu_import_s": c1 - c0, "cpu_render_s": c3 - c2,
        # Ingest and extraction: what the check took beside alignment and rules, in this process and the workers.
        "cpu_extract_s": (c2 - c1) - align - rules_cpu + workers, "cpu_align_s": align, "cpu_rules_s": rules_cpu,
        "claims": len(report.claims), "groups": len(report.groups), "findings": len(report.findings),
        "report_bytes": report_bytes, "peak_rss_mib": hwm_kib / 1024, "worker_peak_rss_mib": worker_kib / 1024,
    }))


def bench_story(
    size: int, folder: Path, jobs: int, label: str = "", executor: str = "local", dask_defaults: bool = False,
) -> dict:
    t = time.perf_counter()
    out = subprocess.run(
        [sys.executable, __file__, "--e2e-child", str(folder), "--jobs", str(jobs), "--executor", executor]
        + (["--dask-defaults"] if dask_defaults else []),
        capture_output=True, text=True, check=True,
    )
    wall = time.perf_counter() - t
    result = {"sources": size, "story": label or "copies", "executor": executor, "wall_s": wall,
              **json.loads(out.stdout.strip().splitlines()[-1])}
    result["ms_per_source"] = 1000 * wall / size
    result["cpu_ms_per_source"] = 1000 * result["cpu_s"] / size
    if executor == "dask":  # alignment and rules run on a worker: no stage split here
        config = "Dask's defaults" if dask_defaults else "configured as crosscheck's own"
        say(f"story of {size:>6} sources{label}, --jobs {jobs}, Dask LocalCluster ({config}): "
            f"{wall:6.1f} s wall "
            f"(check {result['check_s']:.1f} s, the cluster started beforehand), CPU {result['cpu_s']:.1f} s")
        return result
    say(f"story of {size:>6} sources{label}, --jobs {jobs}: {wall:6.1f} s wall "
        f"({result['ms_per_source']:.2f} ms/source; check {result['check_s']:.1f} s), CPU {result['cpu_s']:.1f} s = "
        f"{result['cpu_ms_per_source']:.2f} ms/source (import {result['cpu_import_s']:.1f}, ingest+extract "
        f"{result['cpu_extract_s']:.1f}, align {result['cpu_align_s']:.1f}, rules {result['cpu_rules_s']:.1f}, "
        f"render {result['cpu_render_s']:.1f}), {result['claims']} claims, peak RSS main {result['peak_rss_mib']:.0f} MiB, "
        f"largest worker {result['worker_peak_rss_mib']:.0f} MiB")
    return result


def bench_dask(size: int, folder: Path, jobs: int, runs: int) -> dict:
    """Local processes, then a pre-started Dask LocalCluster configured as crosscheck
    configures its own (as docs/performance.md advises) and with Dask's defaults,
    ``runs`` times side by side: machine noise reaches all three alike. The ratios
    are of check time."""
    ratios: dict[str, list[float]] = {"configured": [], "defaults": []}
    for _ in range(runs):
        local = bench_story(size, folder, jobs)
        for config in ratios:
            dask_run = bench_story(size, folder, jobs, executor="dask", dask_defaults=config == "defaults")
            ratios[config].append(dask_run["check_s"] / local["check_s"])
    for config, found in ratios.items():
        say(f"Dask LocalCluster ({config}) vs local processes, {size} sources: "
            f"{', '.join(f'{r:.2f}' for r in found)}x the check time (median {statistics.median(found):.2f}x)")
    return {"sources": size, "ratio_configured": ratios["configured"], "ratio_dask_defaults": ratios["defaults"]}


def growth(results: list[dict], label: str) -> list[dict]:
    """The exponent k of CPU ~ sources^k between consecutive sizes, and the CPU per source's ratio to the smallest."""
    rows = []
    for small, large in zip(results, results[1:]):
        k = math.log(large["cpu_s"] / small["cpu_s"]) / math.log(large["sources"] / small["sources"])
        ratio = large["cpu_ms_per_source"] / results[0]["cpu_ms_per_source"]
        say(f"{label}: {small['sources']} -> {large['sources']} sources: CPU grows as n^{k:.2f}; CPU per source "
            f"{ratio:.2f}x that at {results[0]['sources']}")
        rows.append({"from": small["sources"], "to": large["sources"], "exponent": k, "per_source_ratio": ratio})
    return rows


# --- 3. adding one source to a big store ----------------------------------------

def build_store(path: Path, total: int, docs) -> None:
    """``total`` sources in stories of STORY_SIZE_IN_STORE, straight through the store API."""
    from crosscheck.model import Source
    from crosscheck.store import SourceUpdate, Store

    claims_of = [extract_claims(d) for d in docs]
    t = time.perf_counter()
    tmp = path.with_suffix(".building")
    tmp.unlink(missing_ok=True)
    with Store(tmp) as store:
        for story in range(total // STORY_SIZE_IN_STORE):
            updates = []
            for k in range(STORY_SIZE_IN_STORE):
                n = story * STORY_SIZE_IN_STORE + k
                doc, claims = docs[n % len(docs)], claims_of[n % len(docs)]
                sid = f"{doc.source.id}-{n}"
                source = Source(id=sid, title=doc.source.title, published=doc.source.published,
                                path=f"/archive/story-{story:05d}/{sid}.txt")
                moved = tuple(replace(c, source=sid) for c in claims)
                updates.append(SourceUpdate(source, f"{n:064x}", moved))
            store.record_run(f"story-{story:05d}", updates=updates, removed=[], report={}, changes={},
                             extracted=len(updates), after_run=None)
    tmp.rename(path)
    say(f"built a store of {total} sources in {time.perf_counter() - t:.0f} s ({path.stat().st_size / 2**20:.0f} MiB)")


def bench_store(cache: Path, total: int, docs, story_dir: Path) -> dict:
    """Add one new file to a 100-source story whose files are on disk, in a store of ``total`` sources."""
    from crosscheck.rules.load import load_rules
    from crosscheck.store import SourceUpdate, Store, hashed_files, update_story

    path = cache / f"store-{total}.db"
    if not path.exists():
        build_store(path, total, docs)
    story = "bench-live-story"
    rules = load_rules()
    with Store(path) as store:
        if store.last_run(story) is None:  # the live story's files, stored as already checked
            files = hashed_files([story_dir])
            updates = []
            for file in files:
                (doc,) = load_sources([file.path])
                source = replace(doc.source, path=str(file.path))
                claims = tuple(extract_claims(doc))
                updates.append(SourceUpdate(source, file.hash, claims))
            store.record_run(story, updates=updates, removed=[], report={}, changes={},
                             extracted=len(updates), after_run=None)
        sources_now = store.db.execute("SELECT count(*) FROM sources").fetchone()[0]
    new_dir = Path(tempfile.mkdtemp(prefix="bench-new-", dir=cache))
    new_file = new_dir / f"new-{os.getpid()}.txt"
    new_file.write_text(light_change(corpus_files()[7].read_text(encoding="utf-8"), random.Random(os.getpid())))
    t = time.perf_counter()
    with Store(path) as store:
        result = update_story(store, story, [story_dir, new_file], rules)
    api_s = time.perf_counter() - t
    # The same as a user runs it: a fresh `crosscheck check` process (imports included).
    newer = new_dir / f"newer-{os.getpid()}.txt"
    newer.write_text(light_change(corpus_files()[8].read_text(encoding="utf-8"), random.Random(1)))
    t = time.perf_counter()
    subprocess.run([sys.executable, "-m", "crosscheck", "check", str(story_dir), str(new_file), str(newer),
                    "--store", str(path), "--story", story, "--fail-on", "never", "--format", "json"],
                   capture_output=True, check=True, cwd=REPO)
    cli_s = time.perf_counter() - t
    shutil.rmtree(new_dir)
    say(f"add 1 source to a store of {sources_now} sources: {api_s * 1000:.0f} ms (update_story: "
        f"{result.extracted} extracted, {result.reused} re-used); as a fresh `crosscheck check` process: {cli_s:.2f} s")
    return {"store_sources": sources_now, "add_one_s": api_s, "cli_check_s": cli_s,
            "extracted": result.extracted, "reused": result.reused}


# --- 4. the obvious baseline ---------------------------------------------------------

def bench_baseline(n_docs: int) -> dict:
    """dateparser.search.search_dates on every text, then rapidfuzz over every pair of date mentions
    from different sources, against crosscheck's whole pipeline over the same texts."""
    from dateparser.search import search_dates
    from rapidfuzz import fuzz

    from crosscheck.pipeline import check_claims
    from crosscheck.rules.load import load_rules

    docs = load_sources(corpus_files()[:n_docs])
    search_dates("warm up on 3 May 2013", languages=["en"])
    t = time.perf_counter()
    mentions = []
    for doc in docs:
        for phrase, _ in search_dates(doc.text, languages=["en"]) or []:
            mentions.append((doc.source.id, phrase))
    pairs = 0
    for i, (source_a, a) in enumerate(mentions):
        for source_b, b in mentions[i + 1 :]:
            if source_a != source_b:
                fuzz.token_set_ratio(a, b)
                pairs += 1
    baseline_s = time.perf_counter() - t
    rules = load_rules()
    t = time.perf_counter()
    check_claims([d.source for d in docs], [c for d in docs for c in extract_claims(d)], rules)
    ours_s = time.perf_counter() - t
    say(f"baseline on {len(docs)} articles: search_dates + rapidfuzz pairwise {baseline_s:.1f} s "
        f"({len(mentions)} dates, {pairs} pairs); crosscheck extract+align+rules {ours_s:.2f} s "
        f"-> crosscheck is {baseline_s / ours_s:.0f}x faster (and finds five kinds of claims, not only dates)")
    return {"docs": len(docs), "baseline_s": baseline_s, "crosscheck_s": ours_s, "ratio": baseline_s / ours_s,
            "baseline_dates": len(mentions), "baseline_pairs": pairs}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--sizes", default=None)
    parser.add_argument("--runs", type=int, default=None)
    parser.add_argument("--jobs", type=int, default=len(os.sched_getaffinity(0)))
    parser.add_argument("--store-sources", type=int, default=None)
    parser.add_argument("--baseline-docs", type=int, default=None)
    parser.add_argument("--cache", type=Path, default=Path(tempfile.gettempdir()) / "crosscheck-bench")
    parser.add_argument("--reworded", default=None,
                        help="sizes of stories whose every sentence is reworded (no shared sentence); "
                             "default: 1000,10000,30000 (100,1000 with --quick)")
    parser.add_argument("--skip", default="", help="comma-separated sections to skip: extraction,stories,store,baseline")
    parser.add_argument("--dask", action="store_true",
                        help="also run the largest story on a pre-started Dask LocalCluster of --jobs workers, "
                             "--runs times beside local processes")
    parser.add_argument("--e2e-child", help=argparse.SUPPRESS)
    parser.add_argument("--executor", default="local", help=argparse.SUPPRESS)
    parser.add_argument("--dask-defaults", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.e2e_child:
        return e2e_child(args.e2e_child, args.jobs, args.executor, args.dask_defaults)
    sizes = [int(s) for s in (args.sizes or ("100,1000" if args.quick else "100,1000,10000")).split(",")]
    runs = args.runs or (3 if args.quick else 5)
    store_sources = args.store_sources or (10_000 if args.quick else 100_000)
    baseline_docs = args.baseline_docs or (20 if args.quick else 40)
    skip = set(filter(None, args.skip.split(",")))
    args.cache.mkdir(parents=True, exist_ok=True)

    say(f"crosscheck benchmark, {time.strftime('%Y-%m-%d %H:%M')}; {cpu_model()}, nproc {os.cpu_count()}, "
        f"Python {platform.python_version()}; cache {args.cache}")
    originals = [p.read_text(encoding="utf-8") for p in corpus_files()]
    stories = {size: write_story(args.cache / f"story-{size}", size, originals) for size in sizes}
    reworded_sizes = [int(s) for s in (args.reworded or ("100,1000" if args.quick else "1000,10000,30000")).split(",") if s]
    reworded = {size: write_story(args.cache / f"reworded-{size}", size, originals, reword=True) for size in reworded_sizes}
    results: dict = {"sizes": sizes}
    if "extraction" not in skip:
        results["extraction"] = bench_extraction(runs, args.jobs, stories[min(max(sizes), 1000)])
    if "stories" not in skip:
        copies = [bench_story(size, stories[size], args.jobs) for size in sizes]
        rewords = [bench_story(size, reworded[size], args.jobs, ", every sentence reworded") for size in reworded_sizes]
        results["stories"] = copies + rewords
        results["growth"] = {"copies": growth(copies, "copies"), "reworded": growth(rewords, "reworded")}
        if args.dask:
            results["dask"] = bench_dask(max(sizes), stories[max(sizes)], args.jobs, runs)
    if "store" not in skip:
        docs = load_sources([CORPUS])
        results["store"] = bench_store(args.cache, store_sources, docs, stories[min(sizes)])
    if "baseline" not in skip:
        results["baseline"] = bench_baseline(baseline_docs)
    (args.cache / "last-results.json").write_text(json.dumps(results, indent=1))
    say(f"figures as JSON: {args.cache / 'last-results.json'}")


if __name__ == "__main__":
    main()
