#!/usr/bin/env bash
# Load figures for `saring serve` on SQLite: starts the server on a fresh store, makes a
# platform key, runs POST /v1/screen at 64 connections for 30 s twice: at a fixed rate of
# 2,000 requests/s (latency counted from when each request was due), then as fast as the
# server answers; prints the figures, stops.
set -euo pipefail
cd "$(dirname "$0")/.."
connections="${CONNECTIONS:-64}"
seconds="${SECONDS_TO_RUN:-30}"
rate="${RATE:-2000}"
port="${PORT:-18080}"
work="$(mktemp -d)"
server=
trap 'kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; rm -rf "$work"' EXIT
cargo build --release -q -p saring-cli
cargo build --release -q -p saring-server --example load
target="${CARGO_TARGET_DIR:-target}/release"
store="sqlite://$work/saring.db"
key="$("$target/saring" keys create --role platform --platform shopee --label bench --store "$store")"
"$target/saring" serve --listen "127.0.0.1:$port" --store "$store" &
server=$!
for _ in $(seq 50); do curl -fs "http://127.0.0.1:$port/readyz" >/dev/null && break; sleep 0.2; done
"$target/examples/load" "http://127.0.0.1:$port" "$key" "$connections" "$seconds" "$rate"
"$target/examples/load" "http://127.0.0.1:$port" "$key" "$connections" "$seconds"
