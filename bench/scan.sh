#!/usr/bin/env bash
# Benchmark of `saring scan` on a generated 1,000,000-listing catalogue (and 100,000, to
# show that memory does not grow with input size), next to the keyword grep a platform
# would otherwise run over the same file.
#
# usage: bench/scan.sh [COUNT]   (default 1000000; figures go to bench/out/scan.txt)
set -euo pipefail
cd "$(dirname "$0")/.."
count=${1:-1000000}
mkdir -p bench/out
cargo build --release -q -p saring-cli
bin=target/release/saring
report=bench/out/scan.txt
: > "$report"
small=$((count / 10))
for n in "$small" "$count"; do
  file=bench/out/catalogue-$n.jsonl
  [ -s "$file" ] || python3 bench/generate_catalogue.py "$n" "$file"
  bytes=$(stat -c %s "$file")
  /usr/bin/time -f "%e %M" -o bench/out/time.txt "$bin" scan "$file" --out bench/out/decisions-$n.jsonl 2> bench/out/scan-$n.log
  read -r seconds peak_kb < bench/out/time.txt
  awk -v n="$n" -v b="$bytes" -v s="$seconds" -v m="$peak_kb" -v t="$(nproc)" 'BEGIN {
    printf "saring scan  %8d listings  %6.1f MB  %6.2f s  %8.0f listings/s  %6.1f MB/s  peak RSS %6.1f MB  (%d threads)\n",
      n, b / 1e6, s, n / s, b / 1e6 / s, m / 1024, t }' | tee -a "$report"
done
# What a platform runs instead: a case-insensitive keyword grep over the same file.
file=bench/out/catalogue-$count.jsonl
# (Its count goes to a file: GNU grep stops at the first match when its output is /dev/null.)
/usr/bin/time -f "%e" -o bench/out/time.txt \
  grep -c -i -E 'bekas|ball|bal |balpres|karung|thrift|preloved|second|cakar|monza|awul|cimol' "$file" > bench/out/grep-count.txt || true
seconds=$(cat bench/out/time.txt)
awk -v n="$count" -v b="$(stat -c %s "$file")" -v s="$seconds" 'BEGIN {
  printf "keyword grep %8d listings  %6.1f MB  %6.2f s  %8.0f listings/s  %6.1f MB/s  (flags only; no spans, evasion or context)\n",
    n, b / 1e6, s, n / s, b / 1e6 / s }' | tee -a "$report"
