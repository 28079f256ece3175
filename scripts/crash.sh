#!/usr/bin/env bash
# Kill `sitrep ingest` with SIGKILL at a random moment, rerun it, and check
# that the store equals a clean run's: the same documents (id and content
# hash), the same events (id) and the same merge groups (each event's
# representative), with no day left waiting for its merge.
#
# Usage: scripts/crash.sh CORPUS [ROUNDS]    (default 20 rounds)
#   SITREP=path/to/sitrep overrides the binary (default target/release/sitrep).
# Prints one line per round (when the kill came, whether the run was still
# going, whether the rerun's store equals the clean one) and a total.
# Exits 1 when any round differs.
set -euo pipefail
cd "$(dirname "$0")/.."

corpus=${1:?usage: scripts/crash.sh CORPUS [ROUNDS]}
rounds=${2:-20}
sitrep=${SITREP:-target/release/sitrep}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# A store's content in a canonical order, one line per row.
dump() {
  python3 - "$1" <<'EOF'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
for row in db.execute("SELECT doc_id, content_hash FROM documents ORDER BY doc_id"):
    print("doc", *row)
for row in db.execute("SELECT event_id, ifnull(canonical, event_id) FROM events ORDER BY event_id"):
    print("event", *row)
for row in db.execute("SELECT day FROM pending_merge ORDER BY day"):
    print("pending", *row)
EOF
}

start=$(date +%s.%N)
"$sitrep" ingest -q --db "$work/clean.db" "$corpus" || true
clean_s=$(echo "$(date +%s.%N) - $start" | bc)
dump "$work/clean.db" > "$work/clean.txt"
echo "clean run: ${clean_s} s, $(grep -c '^doc' "$work/clean.txt") documents, $(grep -c '^event' "$work/clean.txt") events"

same=0
for round in $(seq 1 "$rounds"); do
  rm -f "$work"/crash.db*
  # A moment spread over the clean run's length, from its first tenth on.
  at=$(python3 -c "import random; print(round(random.uniform(0.1, 0.95) * $clean_s, 2))")
  "$sitrep" ingest -q --db "$work/crash.db" "$corpus" &
  pid=$!
  sleep "$at"
  if kill -0 "$pid" 2>/dev/null; then running=yes; else running=no; fi
  kill -9 "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  killed_docs=$(python3 -c "import sqlite3; print(sqlite3.connect('$work/crash.db').execute('SELECT count(*) FROM documents').fetchone()[0])" 2>/dev/null || echo 0)
  "$sitrep" ingest -q --db "$work/crash.db" "$corpus" || true
  dump "$work/crash.db" > "$work/crash.txt"
  if cmp -s "$work/clean.txt" "$work/crash.txt"; then
    verdict=equal
    same=$((same + 1))
  else
    verdict="DIFFERS ($(diff "$work/clean.txt" "$work/crash.txt" | grep -c '^[<>]') lines)"
  fi
  echo "round $round: killed at ${at} s (running: $running, $killed_docs documents stored), rerun $verdict"
done
echo "$same of $rounds rounds equal a clean run"
[[ $same -eq $rounds ]]
