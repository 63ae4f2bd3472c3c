#!/usr/bin/env python3
"""Throughput of Meta's C++ PDQ reference, via the PyPI `pdqhash` package, on one JPEG.

Each iteration does what a Python service using it does: decode the JPEG bytes with Pillow,
convert to an RGB numpy array, hash with `pdqhash.compute` (Meta's C++ core, full resolution).
Single-threaded. Prints images per second.

Needs: pip install pdqhash pillow numpy   (pdqhash compiles Meta's C++ on install)
Usage: python3 bench/pdq_reference.py IMAGE.jpg [SECONDS]
"""

import io
import sys
import time

import numpy as np
import pdqhash
from PIL import Image


def hash_jpeg_bytes(data: bytes):
    rgb = np.asarray(Image.open(io.BytesIO(data)).convert("RGB"))
    return pdqhash.compute(rgb)


def main() -> None:
    path = sys.argv[1]
    seconds = float(sys.argv[2]) if len(sys.argv) > 2 else 5.0
    with open(path, "rb") as handle:
        data = handle.read()
    bits, quality = hash_jpeg_bytes(data)  # warm-up, and a sanity figure
    count = 0
    start = time.perf_counter()
    while time.perf_counter() - start < seconds:
        hash_jpeg_bytes(data)
        count += 1
    elapsed = time.perf_counter() - start
    print(f"quality={quality} set_bits={int(np.sum(bits))} iterations={count} seconds={elapsed:.2f}")
    print(f"images_per_second={count / elapsed:.1f}")


if __name__ == "__main__":
    main()
