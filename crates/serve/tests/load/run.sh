#!/usr/bin/env bash
# Load test of the HTTP API on loopback (not part of CI): 1,000,000
# synthetic events in SQLite (the store's scale generator), `sitrep serve`
# in release mode, and wrk (Debian's `wrk`) for a bounded time on two
# workloads: a filtered page of 100 events (country + event type, cycling),
# and one month of one country as GeoJSON (cycling over 60 months and four
# countries). Prints wrk's latency distribution (p50/p90/p99) and requests
# per second. Target: p99 under 50 ms for both.
#
# Usage: crates/serve/tests/load/run.sh [seconds per workload, default 20]
# Env: SITREP_SCALE_DB (default /tmp/sitrep-scale.db; built on first run:
#      2-12 minutes), CONNECTIONS (default 8), THREADS (default 2), SITREP_BIN
#      (a release `sitrep` to use instead of building one; then the store is
#      not built either and must exist).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../../../.." && pwd)"
seconds="${1:-20}"
db="${SITREP_SCALE_DB:-/tmp/sitrep-scale.db}"
target="${CARGO_TARGET_DIR:-$root/target}"
command -v wrk > /dev/null || { echo "load test needs wrk: apt-get install -y wrk"; exit 1; }

cd "$root"
sitrep="${SITREP_BIN:-}"
if [[ -z "$sitrep" ]]; then
  # Fills the store once (the scale test reuses a file of the right size), then times the store's own queries.
  SITREP_SCALE_EVENTS=1000000 SITREP_SCALE_DB="$db" \
    cargo test --release -q -p sitrep-store --test store scale -- --ignored --nocapture
  cargo build --release -q -p sitrep-cli
  sitrep="$target/release/sitrep"
fi

log="$(mktemp)"
"$sitrep" serve --db "$db" --addr 127.0.0.1:0 --readers 4 2> "$log" &
server=$!
trap 'kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; rm -f "$log"' EXIT
for _ in $(seq 1 100); do grep -q serving "$log" && break; sleep 0.1; done
url="$(grep -o 'http://127.0.0.1:[0-9]*' "$log" | head -1)"
[[ -n "$url" ]] || { cat "$log"; exit 1; }
curl -sf "$url/health"; echo

for workload in page month; do
  echo "== $workload: $seconds s, ${CONNECTIONS:-8} connections"
  # One warm-up pass over the cycled URLs, then the measured run.
  wrk -t"${THREADS:-2}" -c"${CONNECTIONS:-8}" -d3s -s "$here/$workload.lua" "$url" > /dev/null
  wrk -t"${THREADS:-2}" -c"${CONNECTIONS:-8}" -d"${seconds}s" --latency -s "$here/$workload.lua" "$url"
done
