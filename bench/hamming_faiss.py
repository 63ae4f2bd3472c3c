#!/usr/bin/env python3
"""FAISS's IndexBinaryMultiHash on the hash files written by `hamming_bench gen`.

Prints rows in the format of `hamming_bench run` (tab-separated): implementation, data, query
kind, lookups per CPU-second of this thread, lookups per wall-clock second, index MB (growth of
the process's resident memory while adding), build seconds (reading the file included), peak
RSS MB, mean matches per query, and the check over the first queries (matches / sum of
id*257+distance) that must equal the Rust rows.

Exactness: FAISS cuts the first nhash*b bits into nhash keys of b bits and probes every key
within `nflip` flipped bits, then checks the full distance. A hash within distance d differs in
at most d of those nhash*b bits, so one of the nhash keys is within floor(d / nhash) of the
query's: with nflip = floor(d / nhash), which this script sets, the search is exact.
FAISS's range_search keeps distances strictly below its radius, so radius = d + 1.
"""

import argparse
import os
import resource
import time
from pathlib import Path

import faiss
import numpy as np

HASH_BYTES = 32
ADD_CHUNK = 1 << 20


def resident_bytes() -> int:
    """Current resident set size of this process."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) * 1024
    raise RuntimeError("no VmRSS in /proc/self/status")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dir", required=True, type=Path)
    parser.add_argument("--label", required=True)
    parser.add_argument("--distance", type=int, default=31)
    parser.add_argument("--nhash", type=int, required=True)
    parser.add_argument("--bits", type=int, required=True, help="bits per hash key (b)")
    parser.add_argument("--seconds", type=float, default=3.0)
    parser.add_argument("--min-queries", type=int, default=20)
    parser.add_argument("--check-queries", type=int, default=20)
    args = parser.parse_args()

    faiss.omp_set_num_threads(1)
    nflip = args.distance // args.nhash
    index = faiss.IndexBinaryMultiHash(HASH_BYTES * 8, args.nhash, args.bits)
    index.nflip = nflip

    started = time.perf_counter()
    before = resident_bytes()
    base_path = args.dir / "base.bin"
    total = base_path.stat().st_size // HASH_BYTES
    with base_path.open("rb") as base:
        for _ in range(0, total, ADD_CHUNK):
            chunk = np.fromfile(base, dtype=np.uint8, count=ADD_CHUNK * HASH_BYTES)
            index.add(chunk.reshape(-1, HASH_BYTES))
    build_seconds = time.perf_counter() - started
    index_bytes = resident_bytes() - before
    name = f"faiss MultiHash (nhash={args.nhash}, b={args.bits}, nflip={nflip})"

    for kind, file in (("near", "queries_near.bin"), ("random", "queries_random.bin")):
        queries = np.fromfile(args.dir / file, dtype=np.uint8).reshape(-1, HASH_BYTES)
        matches = 0
        check_matches = 0
        check_sum = 0
        done = 0
        wall = time.perf_counter()
        cpu = time.thread_time()
        for number in range(len(queries)):
            if number >= max(args.min_queries, args.check_queries) and (
                time.perf_counter() - wall >= args.seconds
            ):
                break
            lims, distances, labels = index.range_search(
                queries[number : number + 1], args.distance + 1
            )
            found = int(lims[1])
            matches += found
            if number < args.check_queries:
                check_matches += found
                check_sum += int((labels.astype(np.int64) * 257 + distances).sum())
            done += 1
        cpu_seconds = time.thread_time() - cpu
        wall_seconds = time.perf_counter() - wall
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
        print(
            f"{name}\t{args.label}\t{kind}\t{done / cpu_seconds:.0f}\t{done / wall_seconds:.0f}"
            f"\t{index_bytes / 1e6:.0f}\t{build_seconds:.2f}\t{peak / 1e6:.0f}"
            f"\t{matches / max(done, 1):.1f}\t{check_matches}/{check_sum}",
            flush=True,
        )


if __name__ == "__main__":
    main()
    # Freeing tens of millions of hash-map nodes takes minutes at 10M entries; the figures are
    # printed, so leave without it.
    os._exit(0)
