#!/usr/bin/env bash
# Load test of the HTTP API on loopback (not part of CI): 1,000,000
# synthetic events in SQLite (the store's scale generator), `sitrep serve`
# in release mode, and wrk (Debian's `wrk`) for a bounded time on two
# workloads: a filtered page of 100 events (country + event type, cycling),
# and one month of one country as GeoJSON (cycling over 60 months and four
# countries). Prints wrk's latency distribution (p50/p90/p99) and requests
# per second, and the load average (another build on the machine shows in
# the tail). Target: p99 under 50 ms for both. On 2 cores the month
# workload is bound by throughput (~2 MB a response): with 8 connections
# p99 is mostly queueing; CONNECTIONS=2 THREADS=1 measures latency.
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

# Every month URL month.lua cycles over, fetched once (a complete warm-up
# pass): how many events and bytes one month of one country returns.
python3 - "$url" <<'PY'
import json, statistics, sys, urllib.request
sizes, events = [], []
for n in range(240):  # month.lua's cycle: 4 countries x 60 months
    c = ["SY", "IQ", "AF", "YE"][n % 4]
    m = n // 4 % 60
    year, month = 2013 + m // 12, m % 12 + 1
    last = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
    path = f"/api/events.geojson?country={c}&since={year}-{month:02}-01&until={year}-{month:02}-{last}&limit=50000"
    body = urllib.request.urlopen(sys.argv[1] + path).read()
    sizes.append(len(body))
    events.append(len(json.loads(body)["features"]))
q = lambda xs: f"min {min(xs)}, median {statistics.median(xs):.0f}, max {max(xs)}"
print(f"month GeoJSON over the 240 URLs: events {q(events)}; bytes {q(sizes)}")
PY

for workload in page month; do
  echo "== $workload: $seconds s, ${CONNECTIONS:-8} connections, load average $(cut -d' ' -f1-3 /proc/loadavg)"
  # A warm-up run, then the measured run.
  wrk -t"${THREADS:-2}" -c"${CONNECTIONS:-8}" -d3s -s "$here/$workload.lua" "$url" > /dev/null
  wrk -t"${THREADS:-2}" -c"${CONNECTIONS:-8}" -d"${seconds}s" --latency -s "$here/$workload.lua" "$url"
done
