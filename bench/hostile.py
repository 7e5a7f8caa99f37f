"""crosscheck on hostile input: time per KB and its growth, and peak memory. Not a test.

    python bench/hostile.py                 # sizes 64, 256, 1024 KB
    python bench/hostile.py --sizes 16,64   # quicker
    python bench/hostile.py --profile and-list --sizes 64   # cProfile one shape

Each attack shape (the ones hostile users tried on the CLI: one endless
sentence of places joined by "and", markdown made of one repeated opener,
random capitalized words, ...) is written to a file of each size, then read,
cleaned and extracted in a fresh process (so its peak memory is its own). A
plain baseline (ordinary sentences written here) runs the same way. Printed:
ms/KB per shape and size, the growth exponent between the smallest and the
largest size (1.0 is linear), the peak RSS, and the worst of each. Floors:
at most 20 ms/KB, exponent at most about 1.2, peak under 500 MB.
"""
from __future__ import annotations

import argparse
import math
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

PLACES = ["Paris", "London", "Berlin", "Madrid", "Rome", "Vienna", "Lisbon", "Dublin", "Oslo", "Prague"]
PLAIN = (
    "The council met on Tuesday and voted 7 to 2 to close the old bridge. "
    "Mayor Dana Ortiz said the repairs would take about six weeks. "
    "\"We cannot wait any longer,\" she said on March 3, 2031, at 4 p.m.\n"
)


def _repeat(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


def _capitalized(size: int) -> str:
    rng = random.Random(1)
    words, total = [], 0
    while total < size:
        word = "".join(rng.choice("ABCDEFGHIJKLMNOPRSTW") + "".join(rng.choice("aeioulnrst") for _ in range(rng.randint(2, 8))))
        words.append(word)
        total += len(word) + 1
    return " ".join(words)


def _and_list(size: int) -> str:
    body = " and ".join(PLACES[i % len(PLACES)] for i in range(size // 7 + 1))
    return f"Protests were held in {body[:size]} on Sunday.\n"


# name -> (file suffix, text of about ``size`` characters)
SHAPES = {
    "plain": (".txt", lambda n: _repeat(PLAIN, n)),
    "and-list": (".txt", _and_list),
    "md-underscore": (".md", lambda n: _repeat("_x ", n)),
    "md-bracket": (".md", lambda n: _repeat("[", n)),
    "md-anchor": (".md", lambda n: _repeat("<a", n)),
    "md-comment": (".md", lambda n: _repeat("<!--", n)),
    "md-star": (".md", lambda n: _repeat("**x ", n)),
    "capitalized": (".txt", _capitalized),
    "digits": (".txt", lambda n: "They counted " + "9" * n + " people.\n"),
    "quotes": (".txt", lambda n: _repeat('"a ', n)),
    "title-run": (".txt", lambda n: f"{_capitalized(n // 2)} Director {_capitalized(n // 2)} Fire Dana Ortiz said.\n"),
    "html-nest": (".html", lambda n: "<html><body>" + _repeat("<div>", n) + "</body></html>"),
    "json-records": (".jsonl", lambda n: _repeat('{"text": "The council met on Monday."}\n', n)),
}


def run_one(path: str) -> None:
    """In a child process: ingest and extract one file; print seconds and peak RSS (KB)."""
    from crosscheck.extract import extract_claims
    from crosscheck.ingest import ingest_text, load_document

    extract_claims(ingest_text("warm-up", PLAIN))  # loads the vocabularies: not part of the file's cost
    start = time.process_time()
    try:
        documents = load_document(Path(path), {})
    except Exception as exc:  # a refusal (size cap, bad input) is a result too
        documents = []
        print(f"refused: {str(exc)[:80]}", file=sys.stderr)
    for doc in documents:
        try:
            extract_claims(doc)
        except Exception as exc:  # a crash is a result: reported, timed
            print(f"crashed: {type(exc).__name__}: {str(exc)[:80]}", file=sys.stderr)
    seconds = time.process_time() - start
    print(seconds, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)


def measure(path: Path) -> tuple[float, float]:
    out = subprocess.run([sys.executable, __file__, "--one", str(path)], capture_output=True, text=True, check=True)
    seconds, rss = out.stdout.split()
    return float(seconds), int(rss) / 1024


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="64,256,1024", help="file sizes in KB")
    parser.add_argument("--shapes", default=",".join(SHAPES))
    parser.add_argument("--profile", metavar="SHAPE")
    parser.add_argument("--one", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        run_one(args.one)
        return 0
    sizes = [int(s) for s in args.sizes.split(",")]
    with tempfile.TemporaryDirectory() as tmp:
        if args.profile:
            import cProfile
            import pstats

            suffix, make = SHAPES[args.profile]
            path = Path(tmp) / f"attack{suffix}"
            path.write_text(make(sizes[0] * 1024), encoding="utf-8")
            cProfile.run(f"run_one({str(path)!r})", str(Path(tmp) / "prof"))
            pstats.Stats(str(Path(tmp) / "prof")).sort_stats("cumulative").print_stats(25)
            return 0
        print(f"{'shape':<14}" + "".join(f"{f'{s} KB ms/KB':>14}" for s in sizes) + f"{'exponent':>10}{'peak MB':>10}")
        worst_rate = worst_exponent = worst_rss = 0.0
        for name in args.shapes.split(","):
            suffix, make = SHAPES[name]
            rates, times, peak = [], [], 0.0
            for size in sizes:
                path = Path(tmp) / f"{name}-{size}{suffix}"
                path.write_text(make(size * 1024), encoding="utf-8")
                seconds, rss = measure(path)
                times.append(seconds)
                rates.append(1000 * seconds / size)
                peak = max(peak, rss)
            # Growth exponent of time against size; startup noise is small next to 64 KB of work.
            exponent = math.log(max(times[-1], 1e-3) / max(times[0], 1e-3)) / math.log(sizes[-1] / sizes[0]) if len(sizes) > 1 else 1.0
            print(f"{name:<14}" + "".join(f"{r:>14.2f}" for r in rates) + f"{exponent:>10.2f}{peak:>10.0f}", flush=True)
            if name != "plain":
                worst_rate, worst_exponent, worst_rss = max(worst_rate, *rates), max(worst_exponent, exponent), max(worst_rss, peak)
        print(f"worst over attack shapes: {worst_rate:.2f} ms/KB, growth exponent {worst_exponent:.2f}, peak {worst_rss:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
