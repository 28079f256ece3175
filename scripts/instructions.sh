#!/usr/bin/env bash
# Instructions per megabyte of article text for `sitrep extract` on one
# thread, counted by callgrind: repeatable to a fraction of a percent on a
# shared machine where timings drift by tens of percent, so a change to the
# hot path shows in this figure when it would be lost in the noise of
# `scripts/throughput.sh` or criterion.
#
# Startup (loading the shipped data) is counted on a one-document run and
# taken off, so the figure is the per-text cost alone.
#
# Usage: scripts/instructions.sh CORPUS.jsonl
#   CORPUS   JSONL documents, as `sitrep extract` takes them; a corpus of
#            1–2 MB runs in one to two minutes under callgrind
# Example: scripts/instructions.sh /tmp/fakes.jsonl
set -euo pipefail
cd "$(dirname "$0")/.."
[[ $# -eq 1 && -f "$1" ]] || { echo "usage: scripts/instructions.sh CORPUS.jsonl" >&2; exit 2; }
command -v valgrind > /dev/null || { echo "instructions.sh: valgrind is not installed" >&2; exit 2; }
corpus=$1

cargo build --release -q -p sitrep-cli
bin="${CARGO_TARGET_DIR:-target}/release/sitrep"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Instructions of one extract run over $1 (callgrind's summary line).
count() {
  # Exit 2 is a batch with failed documents, which a real corpus may have.
  valgrind --tool=callgrind --callgrind-out-file="$work/out" "$bin" extract --threads 1 -q --format jsonl "$1" \
    > /dev/null 2> "$work/log" || [[ $? -eq 2 ]]
  sed -n 's/.*Collected : \([0-9]*\).*/\1/p' "$work/log"
}

head -n 1 "$corpus" > "$work/one.jsonl"
startup=$(count "$work/one.jsonl")
total=$(count "$corpus")
python3 - "$corpus" "$startup" "$total" <<'PY'
import json, sys
path, startup, total = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
docs, mb = 0, 0.0
for line in open(path, encoding="utf-8"):
    if not line.strip():
        continue
    r = json.loads(line)
    docs += 1
    mb += len((r.get("text") or r.get("html") or "").encode()) / 1e6
work = total - startup
print(f"corpus: {docs} documents, {mb:.2f} MB of text")
print(f"instructions: {total:,} in all, {startup:,} for startup and one document")
print(f"per MB of text: {work / mb / 1e9:.3f} G instructions")
PY
