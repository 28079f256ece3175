#!/usr/bin/env bash
# How the pipeline grows with the corpus (release build). For each size N, a
# JSONL corpus of N documents made from CORPUS's lines, copied over and over:
# each copy has its own id and a distinct last line, so that every copy is a
# new document to the store while it reports the same events as the
# original, as many outlets reporting one day's events do. With --spread,
# copy k is also published k mod 365 days later, so that the dates the
# pipeline reads relative to publication ("on Monday", "yesterday") spread
# over a year; dates written out in full stay where they are.
#
# Prints, per size: the corpus in MB of JSONL, `extract` MB per CPU-second
# on one thread, `ingest` wall seconds and seconds per 10k documents (merge
# included, as a user runs it), `merge` over the whole store again alone
# (seconds per 10k documents), the peak resident memory of ingest and of
# merge, and the events and canonical events stored.
#
# Usage: scripts/scale.sh [--spread] CORPUS.jsonl [N...]   (default 10000 100000 1000000)
# Example: scripts/scale.sh /tmp/corpus.jsonl 10000 50000 200000
set -euo pipefail
cd "$(dirname "$0")/.."
spread=0
if [[ "${1:-}" == "--spread" ]]; then spread=1; shift; fi
[[ $# -ge 1 ]] || { echo "usage: $0 [--spread] CORPUS.jsonl [N...]" >&2; exit 2; }
corpus=$1
shift
sizes=("$@")
[[ ${#sizes[@]} -eq 0 ]] && sizes=(10000 100000 1000000)

cargo build --release -q -p sitrep-cli
bin="${CARGO_TARGET_DIR:-target}/release/sitrep"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# `timed NAME CMD...`: run CMD, leaving "wall user rss_kib" in $work/NAME.
# Exit status 2 is a run that went through with some documents refused (a
# corpus line with no text): the figures stand. Anything else is a failure.
timed() {
  local name=$1 rc=0
  shift
  /usr/bin/time -f '%e %U %M' -o "$work/$name" "$@" > /dev/null 2> "$work/stderr" || rc=$?
  if [[ $rc -ne 0 && $rc -ne 2 ]]; then
    echo "$name of $n documents failed (exit $rc):" >&2
    tail -5 "$work/stderr" >&2
    return 1
  fi
}

printf '%8s %7s %9s %7s %9s %9s %8s %8s %8s %9s\n' \
  docs mb ext_mb/cs ingest_s ingest/10k merge/10k ing_mib mrg_mib events canonical
for n in "${sizes[@]}"; do
  python3 - "$corpus" "$n" "$spread" > "$work/corpus.jsonl" <<'PY'
import datetime, json, sys
lines = [l for l in open(sys.argv[1], encoding="utf-8") if l.strip()]
n, spread = int(sys.argv[2]), sys.argv[3] == "1"
for k in range(n):
    d = json.loads(lines[k % len(lines)])
    copy = k // len(lines)
    if copy:
        d["id"] = f"{d.get('id', k)}~{copy}"
        key = "text" if d.get("text") else "html"
        d[key] = (d.get(key) or "") + f"\n\nReference {copy}-{k}."
        if spread and d.get("published"):
            day = datetime.date.fromisoformat(d["published"][:10])
            d["published"] = (day + datetime.timedelta(days=copy % 365)).isoformat()
    print(json.dumps(d))
PY
  mb=$(awk '{ b += length($0) + 1 } END { printf "%.1f", b / 1e6 }' "$work/corpus.jsonl")
  rm -f "$work/store.db"*
  timed extract "$bin" extract --threads 1 -q --format jsonl "$work/corpus.jsonl" || continue
  timed ingest "$bin" ingest -q --db "$work/store.db" "$work/corpus.jsonl" || continue
  timed merge "$bin" merge --db "$work/store.db" --since 1000-01-01 --until 9999-12-31 || continue
  # GNU time puts "Command exited with non-zero status" first: the figures
  # are the last line.
  read -r _ ext_user _ < <(tail -1 "$work/extract")
  read -r ing_wall _ ing_rss < <(tail -1 "$work/ingest")
  read -r mrg_wall _ mrg_rss < <(tail -1 "$work/merge")
  events=$("$bin" events --db "$work/store.db" --format jsonl | wc -l)
  canonical=$("$bin" events --db "$work/store.db" --merged --format jsonl | wc -l)
  awk -v n="$n" -v mb="$mb" -v eu="$ext_user" -v iw="$ing_wall" -v ir="$ing_rss" -v mw="$mrg_wall" \
    -v mr="$mrg_rss" -v e="$events" -v c="$canonical" 'BEGIN {
      printf "%8d %7.1f %9.2f %7.1f %9.1f %9.2f %8.0f %8.0f %8d %9d\n",
        n, mb, mb / (eu > 0 ? eu : 0.01), iw, iw * 10000 / n, mw * 10000 / n, ir / 1024, mr / 1024, e, c }'
done
