#!/usr/bin/env bash
# Browser test of the web page (see page.test.js). Needs Debian's chromium
# and `npm ci` here (playwright-core); skips, saying so, when either is
# missing. Runs `sitrep serve` over examples/corpus on a free loopback port,
# posts one article containing <script> with a throwaway token, runs the
# test with node's test runner, and stops the server. When the machine
# allows it (root, util-linux unshare), server and browser run in a
# network namespace of their own that has only a loopback interface, so no
# request can leave 127.0.0.1 whatever the page did.
#
# Usage: crates/serve/tests/browser/run.sh [path/to/sitrep]  (.ci/run runs it)
# Screenshots: crates/serve/tests/browser/artefacts/ (or $ARTEFACTS).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../../../.." && pwd)"
export CHROMIUM="${CHROMIUM:-/usr/bin/chromium}"

if [[ ! -x "$CHROMIUM" ]]; then
  echo "browser test skipped: no chromium at $CHROMIUM (apt-get install -y chromium)"
  exit 0
fi
if ! command -v node > /dev/null; then
  echo "browser test skipped: no node (apt-get install -y nodejs npm)"
  exit 0
fi
if [[ ! -d "$here/node_modules/playwright-core" ]]; then
  echo "browser test skipped: run 'npm ci' in $here first (playwright-core)"
  exit 0
fi

# The debug binary, as the cargo tests build it (.ci/run passes it after
# `cargo test --workspace`); built here only when not given.
sitrep="${1:-}"
if [[ -z "$sitrep" ]]; then
  (cd "$root" && cargo build --quiet -p sitrep-cli)
  sitrep="${CARGO_TARGET_DIR:-$root/target}/debug/sitrep"
fi
[[ -x "$sitrep" ]] || { echo "browser test: no sitrep binary at $sitrep"; exit 1; }

if [[ "${SITREP_IN_NETNS:-}" != 1 ]] && [[ "$(id -u)" == 0 ]] && unshare --net true 2>/dev/null; then
  echo "browser test: in a network namespace with only loopback"
  exec unshare --net env SITREP_IN_NETNS=1 bash -c 'ip link set lo up 2>/dev/null || ifconfig lo up; exec "$0" "$1"' "$0" "$sitrep"
fi

work="$(mktemp -d)"
server=""
cleanup() {
  if [[ -n "$server" ]]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

"$sitrep" ingest --quiet --db "$work/corpus.db" "$root/examples/corpus"
token="browser-test-$(od -An -N8 -tx8 /dev/urandom | tr -d ' ')"
SITREP_TOKEN="$token" "$sitrep" serve --db "$work/corpus.db" --addr 127.0.0.1:0 2> "$work/serve.log" &
server=$!
for _ in $(seq 1 100); do
  grep -q "serving" "$work/serve.log" 2>/dev/null && break
  sleep 0.1
done
url="$(grep -o 'http://127.0.0.1:[0-9]*' "$work/serve.log" | head -1)"
if [[ -z "$url" ]]; then
  cat "$work/serve.log"
  echo "browser test: the server did not start"
  exit 1
fi

article='{"id": "xss-test", "published": "2017-04-10", "text": "Government warplanes struck the town of Saraqib in Idlib province on Monday <script>alert(\"sitrep-xss\")</script>, killing five civilians, a monitor said."}'
curl -sf -X POST -H "Authorization: Bearer $token" -H 'Content-Type: application/json' --data "$article" "$url/api/ingest" > /dev/null

export SITREP_URL="$url" ARTEFACTS="${ARTEFACTS:-$here/artefacts}"
node --test --test-reporter=spec "$here/page.test.js"
