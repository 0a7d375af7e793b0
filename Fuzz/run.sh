#!/usr/bin/env bash
# Runs one libFuzzer target for a set time: Fuzz/run.sh TARGET SECONDS [libFuzzer flags...]
# New inputs go to .build-fuzz/corpus/TARGET (the committed seeds in Fuzz/corpus/TARGET are
# read, never written); a crash, leak or hang (>10 s on one input) stops the run with a
# non-zero status and leaves the input in .build-fuzz/crashes/ (replay it with
# `.build/debug/factbot-fuzz TARGET FILE`, then add it to Fuzz/corpus/TARGET as a regression).
set -euo pipefail
target=$1 seconds=$2
shift 2
binary=.build-fuzz/debug/factbot-fuzz
mkdir -p ".build-fuzz/corpus/$target" .build-fuzz/crashes
log=".build-fuzz/$target.log"
status=0
FACTBOT_FUZZ_TARGET=$target SWIFT_BACKTRACE=enable=no ASAN_OPTIONS=detect_leaks=1 \
  "$binary" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 "$@" \
  -artifact_prefix=".build-fuzz/crashes/$target-" ".build-fuzz/corpus/$target" "Fuzz/corpus/$target" >"$log" 2>&1 || status=$?
runs=$(grep -o 'stat::number_of_executed_units: [0-9]*' "$log" | grep -o '[0-9]*$' || echo "?")
if [[ $status -ne 0 ]]; then
  echo "$target: FAILED after $runs runs (status $status); see $log"
  grep -E "ERROR|SUMMARY|Test unit written" "$log" | head -5
  exit 1
fi
echo "$target: $runs runs in ${seconds} s, no crash, no leak, no hang; corpus $(ls ".build-fuzz/corpus/$target" | wc -l) inputs"
