#!/usr/bin/env bash
# Throughput of the whole pipeline (release build): documents and megabytes of
# input per second, on one thread and on all cores, peak memory, and startup
# (shipped data loaded, one tiny document processed).
#
# Usage: scripts/throughput.sh [--repeat N] [PATH...]
#   PATH   files, directories or JSONL, as `sitrep extract` takes them
#          (default: examples/corpus)
#   N      process the input N times over (a JSONL copy with distinct ids), so
#          that a small corpus gives a measurable run (default 1)
# Example: scripts/throughput.sh --repeat 20 /tmp/fakes.jsonl
set -euo pipefail
cd "$(dirname "$0")/.."
repeat=1
if [[ "${1:-}" == "--repeat" ]]; then repeat=$2; shift 2; fi
inputs=("$@")
[[ ${#inputs[@]} -eq 0 ]] && inputs=(examples/corpus)

cargo build --release -q -p sitrep-cli
bin="${CARGO_TARGET_DIR:-target}/release/sitrep"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# One JSONL of the whole input, repeated, so every run reads the same bytes.
# JSONL input (such as the FA-KES articles) is taken as it is, so the timed
# run does everything from the article text to the events, cleaning
# included; other input (files, directories, HTML) is cleaned into JSONL
# first, and the timed run starts from the cleaned text.
all_jsonl() {
  for i in "${inputs[@]}"; do [[ "$i" == *.jsonl && -f "$i" ]] || return 1; done
}
if all_jsonl; then
  cat "${inputs[@]}" > "$work/once.jsonl"
  what="article text as given"
else
  "$bin" clean --format jsonl "${inputs[@]}" 2>/dev/null > "$work/once.jsonl" || true
  what="cleaned article text"
fi
python3 - "$work/once.jsonl" "$repeat" > "$work/corpus.jsonl" <<'PY'
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]
for k in range(int(sys.argv[2])):
    for r in rows:
        r2 = {"id": f"{r['id']}#{k}", "text": r["text"], "title": r.get("title"),
              "published": r.get("published"), "outlet": r.get("outlet")}
        print(json.dumps(r2))
PY
docs=$(wc -l < "$work/corpus.jsonl")
mb=$(python3 -c "import json,sys; print(sum(len(json.loads(l)['text'].encode()) for l in open(sys.argv[1]))/1e6)" "$work/corpus.jsonl")
echo "corpus: $docs documents, $mb MB of $what"

run() {
  /usr/bin/time -f "%e %U %M" -o "$work/time" "$bin" extract --threads "$1" -q --format jsonl "$work/corpus.jsonl" > "$work/events.jsonl"
  read -r secs user kb < "$work/time"
  events=$(wc -l < "$work/events.jsonl")
  # Wall time, and user CPU time per thread: the second is what a core
  # does when the machine is shared (a busy machine stretches wall time).
  python3 -c "
s=max($secs,0.001); u=max($user,0.001)
print(f'threads={$1}: {s:.2f} s wall, {$docs/s:.0f} docs/s, {$mb/s:.2f} MB/s; {u:.2f} s CPU, {$mb/u:.2f} MB per CPU-second; {$events} events, peak {$kb/1024:.0f} MiB')"
}
run 1
run "$(nproc)"

printf '{"id":"t","text":"Gunmen killed two civilians in Kabul on Monday."}\n' > "$work/tiny.jsonl"
/usr/bin/time -f "%e %M" -o "$work/time" "$bin" extract -q --format jsonl "$work/tiny.jsonl" > /dev/null
read -r secs kb < "$work/time"
echo "startup (data loaded, one tiny document): ${secs} s, peak $((kb / 1024)) MiB"
