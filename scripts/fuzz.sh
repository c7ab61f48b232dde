#!/usr/bin/env bash
# Runs every fuzz target of fuzz/ for SECONDS each (default 20), in an
# ASan + UBSan + libFuzzer build in build-asan (shared with
# scripts/sanitize.sh). `make test` runs it briefly, `make fuzz` longer.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-20}"
targets=$(sed -n 's/^set(FUZZ_TARGETS \(.*\))$/\1/p' fuzz/CMakeLists.txt)
TESSERA_FUZZ_SECONDS="$seconds" ./scripts/clang-build.sh build-asan address,undefined ON \
  $(for name in $targets; do echo "fuzz_$name"; done)
# The request-level targets write to SQLite; on tmpfs their fsyncs cost nothing.
if [ -w /dev/shm ]; then export TMPDIR=/dev/shm; fi
export ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1
ctest --test-dir build-asan --output-on-failure -R '^fuzz\.' -j "$(nproc)" --timeout $((seconds + 300))
