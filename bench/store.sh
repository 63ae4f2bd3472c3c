#!/usr/bin/env bash
# Cost of recording decisions: `saring scan` on a generated catalogue without a store, with a
# fresh SQLite store, again on the same store (every listing version known: nothing
# recorded), and with a fresh PostgreSQL schema (127.0.0.1:5432, database test).
#
# usage: bench/store.sh [COUNT]   (default 100000; figures go to bench/out/store.txt)
set -euo pipefail
cd "$(dirname "$0")/.."
count=${1:-100000}
mkdir -p bench/out
bin=${SARING_BIN:-${CARGO_TARGET_DIR:-target}/release/saring}
[ -x "$bin" ] || cargo build --release -q -p saring-cli
file=bench/out/catalogue-$count.jsonl
[ -s "$file" ] || python3 bench/generate_catalogue.py "$count" "$file"
report=bench/out/store.txt
: > "$report"
db=bench/out/store-$count.db
rm -f "$db" "$db-wal" "$db-shm"
schema="bench_$$"
psql -q -h 127.0.0.1 -U postgres -d test -c "CREATE SCHEMA $schema" >/dev/null
pg="postgres://postgres@127.0.0.1:5432/test?options=-c%20search_path%3D$schema"
run() {
  local label=$1; shift
  /usr/bin/time -f "%e %M" -o bench/out/time.txt "$bin" scan "$file" --out bench/out/decisions-store.jsonl "$@" 2> bench/out/store-scan.log
  read -r seconds peak_kb < bench/out/time.txt
  awk -v l="$label" -v n="$count" -v s="$seconds" -v m="$peak_kb" 'BEGIN {
    printf "%-34s %8d listings  %7.2f s  %8.0f listings/s  peak RSS %6.1f MB\n", l, n, s, n / s, m / 1024 }' | tee -a "$report"
  grep "store:" bench/out/store-scan.log | tee -a "$report" || true
}
run "scan (no store)"
run "scan --store sqlite (fresh)" --store "sqlite://$db"
run "scan --store sqlite (all known)" --store "sqlite://$db"
run "scan --store postgres (fresh)" --store "$pg"
psql -q -h 127.0.0.1 -U postgres -d test -c "DROP SCHEMA $schema CASCADE" >/dev/null 2>&1
