#!/usr/bin/env bash
# Cost of checking the audit log: `saring audit verify` (hash chain), `saring audit
# checkpoint` and `saring audit verify --checkpoint` on a log of COUNT entries (generated
# with a valid chain by bench/audit_log.py), on SQLite and PostgreSQL (127.0.0.1:5432,
# database test).
#
# usage: bench/audit.sh [COUNT]   (default 100000; figures go to bench/out/audit-COUNT.txt)
set -euo pipefail
cd "$(dirname "$0")/.."
count=${1:-100000}
mkdir -p bench/out
bin=${SARING_BIN:-${CARGO_TARGET_DIR:-target}/release/saring}
[ -x "$bin" ] || cargo build --release -q -p saring-cli
csv=bench/out/audit-$count.csv
read -r head_seq head_hash < <(python3 bench/audit_log.py "$count" "$csv")
report=bench/out/audit-$count.txt
: > "$report"
keys=$(mktemp -d)
"$bin" audit keygen --out "$keys/log.key" --origin saring.bench/audit > /dev/null 2>&1
db=bench/out/audit-$count.db
rm -f "$db" "$db-wal" "$db-shm"
"$bin" audit verify --store "sqlite://$db" > /dev/null
sqlite3 "$db" <<SQL
.mode csv
.import $csv audit_log
UPDATE audit_head SET seq = $head_seq, hash = '$head_hash' WHERE id = 1;
SQL
schema="bench_audit_$$"
psql -q -h 127.0.0.1 -U postgres -d test -c "CREATE SCHEMA $schema" > /dev/null
pg="postgres://postgres@127.0.0.1:5432/test?options=-c%20search_path%3D$schema"
"$bin" audit verify --store "$pg" > /dev/null
psql -q -h 127.0.0.1 -U postgres -d test -c "SET search_path = $schema" \
  -c "\\copy audit_log FROM '$csv' WITH (FORMAT csv)" \
  -c "UPDATE audit_head SET seq = $head_seq, hash = '$head_hash' WHERE id = 1" > /dev/null
run() {
  local label=$1; shift
  /usr/bin/time -f "%e %M" -o bench/out/time.txt "$bin" audit "$@" > bench/out/audit-run.log
  read -r seconds peak_kb < bench/out/time.txt
  printf "%-44s %9d entries  %7.2f s  peak RSS %6.1f MB\n" "$label" "$count" "$seconds" \
    "$(echo "$peak_kb / 1024" | bc -l)" | tee -a "$report"
}
for store in "sqlite://$db" "$pg"; do
  name=${store%%:*}
  cp=bench/out/audit-$count-$name.checkpoint
  rm -f "$cp"
  run "$name: audit verify (chain)" verify --store "$store"
  run "$name: audit checkpoint" checkpoint --key "$keys/log.key" --out "$cp" --store "$store"
  run "$name: audit verify --checkpoint" verify --checkpoint "$cp" --public-key "$keys/log.key.pub" --store "$store"
  grep -q "extends all 1" bench/out/audit-run.log
  run "$name: audit prove (one entry)" prove "$((count / 2))" --checkpoint "$cp" --public-key "$keys/log.key.pub" --store "$store"
done
psql -q -h 127.0.0.1 -U postgres -d test -c "DROP SCHEMA $schema CASCADE" > /dev/null
rm -rf "$keys"
