#!/usr/bin/env bash
# Fuzz sitrep's parsers of untrusted input (the cargo-fuzz crate in fuzz/):
# build every target once, then run each for SECONDS, one after another
# (parallel runs would compete for the cores and skew the figures), seeded
# from the hand-picked inputs in fuzz/corpus/<target>/.
#
# Usage: scripts/fuzz.sh [SECONDS]      (default 60 per target)
#   FUZZ_TARGETS="feed warc" scripts/fuzz.sh 30   runs only those targets.
# Prints one line per target: target, seconds, executions, result.
# Exits 1 when any target crashed (the input is in fuzz/artifacts/<target>/),
# 0 with a note when nightly or cargo-fuzz is missing (nothing to do here,
# and CI without them should not fail for it).
set -euo pipefail
cd "$(dirname "$0")/.."

duration=${1:-60}
logs=fuzz/target/fuzz-logs

# cargo-fuzz needs nightly (-Zsanitizer); without it there is nothing to run.
have_tools() {
  if ! cargo +nightly --version >/dev/null 2>&1; then
    echo "fuzz.sh: no nightly toolchain (rustup toolchain install nightly); skipping"
    return 1
  fi
  if ! cargo +nightly fuzz --help >/dev/null 2>&1; then
    echo "fuzz.sh: cargo-fuzz is not installed (cargo install cargo-fuzz); skipping"
    return 1
  fi
}

# The number of executions a run's log reports: libFuzzer's closing
# "Done N runs" line, or after a crash the last "#N" status line.
executions() {
  local log=$1 n
  n=$(sed -n 's/^Done \([0-9]*\) runs.*/\1/p' "$log" | tail -n 1)
  if [[ -z "$n" ]]; then
    n=$(grep -o '^#[0-9]*' "$log" | tail -n 1 | tr -d '#' || true)
  fi
  echo "${n:-0}"
}

# The seconds spent fuzzing, from "Done N runs in S second(s)": `cargo fuzz
# run` rebuilds first when a crate changed, and that is not fuzzing time.
# After a crash there is no such line; the wall-clock time ($2) stands in.
fuzz_seconds() {
  local log=$1 wall=$2 s
  s=$(sed -n 's/^Done [0-9]* runs in \([0-9]*\) second.*/\1/p' "$log" | tail -n 1)
  echo "${s:-$wall}"
}

# Run one target; print its line; return non-zero when it found a crash.
# The corpus directory comes first, so new inputs libFuzzer finds land in it
# (named by their SHA-1, ignored by git; the seeds are named seed-*).
run_target() {
  local target=$1 log="$logs/$1.log" start end status=0 result=ok
  mkdir -p "fuzz/corpus/$target"
  start=$(date +%s)
  # The file-based targets write each input under $TMPDIR/sitrep-fuzz-<pid>;
  # keep those in the ignored build directory rather than littering /tmp.
  TMPDIR="$PWD/$logs/tmp" cargo +nightly fuzz run "$target" "fuzz/corpus/$target" -- \
    -max_total_time="$duration" -timeout=1 -rss_limit_mb=1024 -print_final_stats=1 \
    >"$log" 2>&1 || status=$?
  end=$(date +%s)
  # A failed build (a crate edited mid-run) also exits non-zero: only a
  # libFuzzer or sanitizer report is a crash.
  if [[ $status -ne 0 ]] && grep -q '^==[0-9]*== *ERROR:\|^SUMMARY: libFuzzer' "$log"; then
    result="CRASH (exit $status, see $log and fuzz/artifacts/$target/)"
  elif [[ $status -ne 0 ]]; then
    result="FAILED, not a crash (exit $status, see $log)"
  fi
  printf '%-16s %5ss %12s execs  %s\n' "$target" "$(fuzz_seconds "$log" "$((end - start))")" \
    "$(executions "$log")" "$result"
  return "$status"
}

main() {
  have_tools || exit 0
  mkdir -p "$logs/tmp"
  # One build up front, so the per-target time is fuzzing, not compiling.
  cargo +nightly fuzz build
  local failed=0 target
  for target in ${FUZZ_TARGETS:-$(cargo +nightly fuzz list)}; do
    run_target "$target" || failed=1
  done
  exit "$failed"
}

main
