#!/usr/bin/env python3
"""Throughput of the Python package's ``Cleaner.clean_many`` on the devset's page dumps, on one
thread and on two, beside the CLI (``unclutter --jsonl --jobs N`` over the same dumps as JSON
Lines). Run with the environment ``scripts/test-python`` made (it has the built package):

    target/py-venv/bin/python scripts/bench_python.py [ROUNDS]

Prints MB/s for each (the median of ROUNDS alternating rounds, default 3) and the scaling of two
threads over one.
"""

import json
import pathlib
import statistics
import subprocess
import sys
import tempfile
import time

import unclutter

ROOT = pathlib.Path(__file__).resolve().parent.parent
DEVSET = ROOT.parent / "shared" / "devset"


def main():
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    texts = [p.read_text(encoding="utf-8", errors="replace") for p in sorted(DEVSET.glob("*/*.dump.txt"))]
    if not texts:
        print(f"no dumps under {DEVSET}; nothing to measure")
        return
    mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    cli = ROOT / "target" / "release" / "unclutter"
    subprocess.run(["cargo", "build", "--quiet", "--release", "-p", "unclutter-cli"], cwd=ROOT, check=True)
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as f:
        for t in texts:
            f.write(json.dumps({"text": t}, ensure_ascii=False) + "\n")
        jsonl = f.name
    cleaner = unclutter.Cleaner()
    cleaner.clean_many(texts[:50])  # warm up
    runs = {"clean_many, 1 thread": [], "clean_many, 2 threads": [], "CLI --jobs 1": [], "CLI --jobs 2": []}
    for _ in range(rounds):
        for threads in (1, 2):
            start = time.perf_counter()
            cleaner.clean_many(texts, threads=threads)
            runs[f"clean_many, {threads} thread{'s' if threads > 1 else ''}"].append(time.perf_counter() - start)
        for jobs in (1, 2):
            start = time.perf_counter()
            subprocess.run([str(cli), "--jsonl", "--jobs", str(jobs), "--no-progress", jsonl],
                           check=True, stdout=subprocess.DEVNULL)
            runs[f"CLI --jobs {jobs}"].append(time.perf_counter() - start)
    print(f"{len(texts)} dumps, {mb:.1f} MB, median of {rounds} rounds")
    rate = {name: mb / statistics.median(seconds) for name, seconds in runs.items()}
    for name, r in rate.items():
        print(f"  {name:<22} {r:6.1f} MB/s")
    print(f"  clean_many scaling, 2 threads over 1: {rate['clean_many, 2 threads'] / rate['clean_many, 1 thread']:.2f}x")


if __name__ == "__main__":
    main()
