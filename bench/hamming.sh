#!/usr/bin/env bash
# Exact Hamming-radius search at d = 31 over 256-bit hashes, single thread: saring-hamming's
# multi-index hashing index (mih), a brute-force linear scan in Rust, and FAISS's
# IndexBinaryMultiHash (faiss-cpu, one OpenMP thread, nflip set for exact results), all reading
# the same generated hash files, random and clustered, at each size in SIZES. Prints one table.
#
#   bench/hamming.sh                         # SIZES="1000000 10000000"
#   SIZES=1000000 QUERY_SECONDS=2 bench/hamming.sh
#   HUGEPAGES=1 bench/hamming.sh             # transparent huge pages for all three (glibc tunable)
#
# Needs cargo and python3 with faiss-cpu and numpy (pip install faiss-cpu). Data files go to
# bench/out/hamming (git-ignored) and are removed after each data set.
set -euo pipefail
cd "$(dirname "$0")/.."

SIZES=${SIZES:-"1000000 10000000"}
QUERY_SECONDS=${QUERY_SECONDS:-3}
QUERIES=${QUERIES:-2000}
DISTANCE=31
# FAISS keys: nhash keys of b bits (nhash * b <= 256). 11 x 23 was its fastest of 16x16, 13x19
# and 11x23 at 1M; the script sets nflip = floor(31 / nhash) = 2, which makes it exact.
FAISS_NHASH=${FAISS_NHASH:-11}
FAISS_BITS=${FAISS_BITS:-23}
OUT=bench/out/hamming

export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-target}
cargo build --release --quiet -p saring-hamming --example hamming_bench
BENCH=$CARGO_TARGET_DIR/release/examples/hamming_bench
if [ "${HUGEPAGES:-0}" = 1 ]; then
  export GLIBC_TUNABLES=glibc.malloc.hugetlb=1
fi

rows=$(mktemp)
trap 'rm -f "$rows"' EXIT
started=$(date +%s)
for size in $SIZES; do
  for shape in random clustered; do
    dir=$OUT/$shape-$size
    label="$shape $((size / 1000000))M"
    [ "$size" -lt 1000000 ] && label="$shape ${size}"
    "$BENCH" gen --shape "$shape" --len "$size" --queries "$QUERIES" --seed 1 --dir "$dir"
    common=(--dir "$dir" --label "$label" --distance "$DISTANCE" --seconds "$QUERY_SECONDS")
    "$BENCH" run --impl mih "${common[@]}" | tee -a "$rows"
    "$BENCH" run --impl brute "${common[@]}" | tee -a "$rows"
    python3 bench/hamming_faiss.py "${common[@]}" --nhash "$FAISS_NHASH" --bits "$FAISS_BITS" \
      | tee -a "$rows"
    rm -r "$dir"
  done
done

echo
echo "d = $DISTANCE, one thread; $(nproc) cores, load average at end: $(cut -d' ' -f1-3 /proc/loadavg);" \
  "huge pages: ${HUGEPAGES:-0}; total $(($(date +%s) - started)) s"
{
  printf 'implementation\tdata\tqueries\tlookups/s/core (CPU)\tlookups/s (wall)\tindex MB'
  printf '\tbuild s\tpeak RSS MB\tmatches/query\tcheck (first 20 queries)\n'
  cat "$rows"
} | column -t -s $'\t'
