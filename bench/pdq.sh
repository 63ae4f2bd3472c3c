#!/usr/bin/env bash
# PDQ throughput on one 512x512 JPEG photo, decode included, one thread each:
#   saring-pdq (Rust, criterion bench `pdq`, `hash_bytes`)  vs
#   Meta's C++ reference through the PyPI `pdqhash` package, decoding with Pillow.
# Needs: pip install pdqhash pillow numpy
# Usage: bench/pdq.sh [SECONDS_FOR_PYTHON]
set -euo pipefail
cd "$(dirname "$0")/.."

jpeg=crates/saring-pdq/tests/data/threatexchange/data/bridge-mods/square-512x512.jpg
target_dir=${CARGO_TARGET_DIR:-target}
# Both sides on the same single core when taskset is available.
pin=()
if command -v taskset >/dev/null; then pin=(taskset -c 0); fi

"${pin[@]}" cargo bench -p saring-pdq --bench pdq -- --noplot >&2
estimates="$target_dir/criterion/pdq_512x512_jpeg/hash_bytes/new/estimates.json"
rust_per_second=$(python3 -c 'import json, sys
print("%.1f" % (1e9 / json.load(open(sys.argv[1]))["mean"]["point_estimate"]))' "$estimates")

python_out=$("${pin[@]}" python3 bench/pdq_reference.py "$jpeg" "${1:-5}")
echo "$python_out" >&2
python_per_second=$(echo "$python_out" | sed -n 's/^images_per_second=//p')

echo
echo "PDQ, 512x512 JPEG, decode included, 1 thread ($(basename "$jpeg")); load average: $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-52s %10s\n' "implementation" "images/s"
printf '%-52s %10s\n' "saring-pdq (Rust, image/zune-jpeg decode)" "$rust_per_second"
printf '%-52s %10s\n' "Meta C++ via PyPI pdqhash (Pillow decode)" "$python_per_second"
