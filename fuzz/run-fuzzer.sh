#!/usr/bin/env bash
# Runs one libFuzzer target for a set time: run-fuzzer.sh BINARY SECONDS
# OUT_DIR SEED_DIR. What the fuzzer learns goes to OUT_DIR/work (the seeds
# in the repository are only read); an input that fails is saved as
# OUT_DIR/crash-* and printed in base64, to be added to the seeds.
set -euo pipefail
binary="$1" seconds="$2" out="$3" seeds="$4"
mkdir -p "$out/work"
status=0
"$binary" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=4096 -print_final_stats=1 \
  -artifact_prefix="$out/" "$out/work" "$seeds" || status=$?
if [ "$status" -ne 0 ]; then
  for artifact in "$out"/crash-* "$out"/leak-* "$out"/timeout-* "$out"/oom-*; do
    [ -e "$artifact" ] || continue
    echo "failing input $artifact (base64): $(base64 -w0 "$artifact")"
  done
fi
exit "$status"
